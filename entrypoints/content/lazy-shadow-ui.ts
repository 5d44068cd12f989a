import { render, type ComponentChild } from 'preact';
import { createShadowRootUi, type ContentScriptContext } from '#imports';

export interface LazyShadowUiOptions {
  /** The host element's tag, e.g. `lede-notes`. */
  name: string;
  /** 'closed' where the UI may hold the reader's own words, so page scripts can't reach in. */
  mode: 'open' | 'closed';
  css: string;
}

/**
 * A Preact UI in its own shadow root at the end of <body>, created the first time it is shown:
 * pages where it is never needed never get the host element. Key events stay inside
 * (isolateEvents), so typing in it never sets off the page's shortcuts.
 */
export class LazyShadowUi {
  protected container: HTMLElement | null = null;
  protected host: HTMLElement | null = null;
  private mounting: Promise<void> | null = null;
  private removeUi: (() => void) | null = null;

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
