import { render, type ComponentChild } from 'preact';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { blockUntrustedEvents, isTrustedEvent, type TrustCheck } from '@/lib/page/trusted-events';

export interface LazyShadowUiOptions {
  /** The host element's tag, e.g. `lede-notes`. */
  name: string;
  /**
   * Always closed: page scripts get `host.shadowRoot === null`, so they can neither read the UI
   * (the reader's notes, their choices) nor reach its controls.
   */
  mode: 'closed';
  css: string;
  /** Which events count as the reader's; the real `isTrusted` check unless a test passes another. */
  trusted?: TrustCheck;
}

/**
 * A Preact UI in its own closed shadow root at the end of <body>, created the first time it is
 * shown: pages where it is never needed never get the host element. Key events stay inside
 * (isolateEvents), so typing in it never sets off the page's shortcuts. Untrusted events (the
 * page's scripts dispatching them) are stopped at the shadow root, before any handler inside runs.
 */
export class LazyShadowUi {
  protected container: HTMLElement | null = null;
  protected host: HTMLElement | null = null;
  private mounting: Promise<void> | null = null;
  private removeUi: (() => void) | null = null;
  private unguard: (() => void) | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly options: LazyShadowUiOptions,
  ) {}

  protected async renderContent(content: ComponentChild): Promise<void> {
    await this.mount();
    if (this.container) render(content, this.container);
  }

  hide(): void {
    if (this.container) render(null, this.container);
  }

  /** True for the host itself: events from inside a shadow root reach the page retargeted to it. */
  contains(node: EventTarget | null): boolean {
    return node !== null && node === this.host;
  }

  /** Whether focus is inside the UI. */
  hasFocus(): boolean {
    return this.host !== null && this.host.ownerDocument.activeElement === this.host;
  }

  remove(): void {
    this.removeUi?.();
    this.removeUi = null;
    this.mounting = null;
  }

  private mount(): Promise<void> {
    this.mounting ??= (async () => {
      const ui = await createShadowRootUi(this.ctx, {
        name: this.options.name,
        mode: this.options.mode,
        position: 'inline',
        anchor: 'body',
        append: 'last',
        css: this.options.css,
        isolateEvents: true,
        onMount: (uiContainer, shadow, shadowHost) => {
          this.unguard = blockUntrustedEvents(shadow, this.options.trusted ?? isTrustedEvent);
          this.container = uiContainer;
          this.host = shadowHost;
        },
        onRemove: () => {
          this.unguard?.();
          this.unguard = null;
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
