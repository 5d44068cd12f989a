import type { ContentScriptContext } from '#imports';
import notesCss from '@/components/notes/notes.css?inline';
import { NotesOverlay } from '@/components/page/NotesOverlay';
import { NOTES_HOST, type NotesUi, type NotesView } from '@/lib/page/notes/notes-view';
import { LazyShadowUi } from './lazy-shadow-ui';

export { NOTES_HOST };

/**
 * The selection toolbar's and note editor frame's shadow root (<lede-notes>, at the end of
 * <body>), created the first time either is shown. Closed: the page's scripts cannot reach into
 * it. The note itself is typed in the editor frame (entrypoints/note-editor), an extension page
 * whose key and input events never reach the page; the toolbar holds buttons only.
 */
export class NotesHost extends LazyShadowUi implements NotesUi {
  constructor(ctx: ContentScriptContext) {
    super(ctx, { name: NOTES_HOST, mode: 'closed', css: notesCss });
  }

  show(view: NotesView): Promise<void> {
    return this.renderContent(<NotesOverlay view={view} />);
  }

  /** Moves focus to the first button shown (the toolbar's first colour); false when nothing is shown. */
  focusFirstButton(): boolean {
    const button = this.container?.querySelector<HTMLButtonElement>('button');
    if (!button) return false;
    button.focus({ preventScroll: true });
    return true;
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
}
