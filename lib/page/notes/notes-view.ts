// What the notes UI shows in its closed shadow root (<lede-notes>), as data: the entrypoint's host
// renders it with components/page/NotesOverlay.tsx. The controller decides; the host draws.

import type { HighlightColor } from '@/lib/notes/annotation';
import type { Rect } from '@/lib/page/hit-test';

export const NOTES_HOST = 'lede-notes';

export type NotesView =
  /** The note editor frame (an extension page, so the page never hears its keys) beside the selection. */
  | { kind: 'editor'; token: string; src: string; anchor: Rect }
  /** The selection toolbar: highlight in a colour, write a note, copy the quote. */
  | {
      kind: 'toolbar';
      anchor: Rect;
      status?: string;
      onHighlight: (color: HighlightColor) => void;
      onNote: () => void;
      onCopyQuote: () => void;
      onDismiss: () => void;
    };

/** The notes UI's host as the controller uses it (entrypoints/content/notes-ui.tsx in the content script). */
export interface NotesUi {
  show(view: NotesView): Promise<void>;
  hide(): void;
  /** True for the host itself: events from inside its shadow root reach the page retargeted to it. */
  contains(target: EventTarget | null): boolean;
  hasFocus(): boolean;
  /** Moves focus to the first button shown (the toolbar's first colour); false when nothing is shown. */
  focusFirstButton(): boolean;
  /** Copies text where navigator.clipboard is refused; false when that fails too. */
  copyWithCommand(text: string): boolean;
  remove(): void;
}
