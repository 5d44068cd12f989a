import { render, type ComponentChild } from 'preact';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import notesCss from '@/components/notes/notes.css?inline';

export const NOTES_HOST = 'lede-notes';

/**
 * The selection toolbar's and note editor's shadow root (<lede-notes>, at the end of <body>),
 * created the first time either is shown. Closed: the page's scripts cannot reach into it, so a
 * note being written is never readable from the page. Key events stay inside (isolateEvents), so
 * typing a note never sets off the page's shortcuts.
 */
export class NotesHost {
  private container: HTMLElement | null = null;
  private host: HTMLElement | null = null;
  private mounting: Promise<void> | null = null;
  private removeUi: (() => void) | null = null;

  constructor(private readonly ctx: ContentScriptContext) {}

  async show(content: ComponentChild): Promise<void> {
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

  /** Moves focus to the first button shown (the toolbar's first colour); false when nothing is shown. */
  focusFirstButton(): boolean {
    const button = this.container?.querySelector<HTMLButtonElement>('button');
    if (!button) return false;
    button.focus({ preventScroll: true });
    return true;
  }

  hasFocus(): boolean {
    return this.host !== null && this.host.ownerDocument.activeElement === this.host;
  }

  /**
   * Copies text where navigator.clipboard is refused (no permission, page not focused): through a
   * short-lived textarea inside the closed shadow root, never in the page's own DOM.
   */
  copyWithCommand(text: string): boolean {
    const container = this.container;
    if (!container) return false;
    const doc = container.ownerDocument;
    const before = doc.activeElement;
    const field = doc.createElement('textarea');
    field.value = text;
    field.setAttribute('aria-hidden', 'true');
    field.style.cssText = 'position:fixed;left:-9999px;top:0;opacity:0;';
    container.append(field);
    try {
      field.select();
      return doc.execCommand('copy');
    } catch {
      return false;
    } finally {
      field.remove();
      if (before instanceof HTMLElement && before.isConnected) before.focus({ preventScroll: true });
    }
  }

  remove(): void {
    this.removeUi?.();
    this.removeUi = null;
    this.mounting = null;
  }

  private mount(): Promise<void> {
    this.mounting ??= (async () => {
      const ui = await createShadowRootUi(this.ctx, {
        name: NOTES_HOST,
        mode: 'closed',
        position: 'inline',
        anchor: 'body',
        append: 'last',
        css: notesCss,
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
