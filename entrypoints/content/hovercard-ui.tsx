import { render } from 'preact';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { HoverCard, type HoverCardProps } from '@/components/hovercard/HoverCard';
import hovercardCss from '@/components/hovercard/hovercard.css?inline';

export const HOVERCARD_HOST = 'lede-hovercard';

/**
 * The hover card's shadow root (<lede-hovercard>, at the end of <body>), created the first time
 * a card is shown: pages where nobody hovers never get it. Key events stay inside the shadow root
 * (the card passes them to Lede itself), so page shortcuts don't fire while the card has focus.
 */
export class HoverCardHost {
  private container: HTMLElement | null = null;
  private host: HTMLElement | null = null;
  private mounting: Promise<void> | null = null;
  private removeUi: (() => void) | null = null;

  constructor(private readonly ctx: ContentScriptContext) {}

  async show(props: HoverCardProps): Promise<void> {
    await this.mount();
    if (this.container) render(<HoverCard {...props} />, this.container);
  }

  hide(): void {
    if (this.container) render(null, this.container);
  }

  /** True when the node is the card's host or inside it (events from the shadow root are retargeted to the host). */
  contains(node: EventTarget | null): boolean {
    return node !== null && node === this.host;
  }

  /** Whether focus is inside the card. */
  hasFocus(): boolean {
    return this.host !== null && this.host.ownerDocument.activeElement === this.host;
  }

  remove(): void {
    this.removeUi?.();
    this.removeUi = null;
  }

  private mount(): Promise<void> {
    this.mounting ??= (async () => {
      const ui = await createShadowRootUi(this.ctx, {
        name: HOVERCARD_HOST,
        mode: 'open',
        position: 'inline',
        anchor: 'body',
        append: 'last',
        css: hovercardCss,
        isolateEvents: true,
        onMount: (uiContainer, _shadow, shadowHost) => {
          this.container = uiContainer;
          this.host = shadowHost;
        },
        onRemove: () => {
          if (this.container) render(null, this.container);
          this.container = null;
          this.host = null;
        },
      });
      ui.mount();
      this.removeUi = () => ui.remove();
    })();
    return this.mounting;
  }
}
