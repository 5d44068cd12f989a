// At the foot of the library: the last confirmation, and the offer to undo a delete.

import type { Annotation } from '@/lib/notes/annotation';

export interface LibraryNoticesProps {
  message: string | null;
  /** The notes just deleted, while they can still be restored. */
  undo: Annotation[] | null;
  onUndo: () => void;
}

export function LibraryNotices({ message, undo, onUndo }: LibraryNoticesProps) {
  return (
    <>
      {message && (
        <p class="library-message" role="status">
          {message}
        </p>
      )}
      {undo && (
        <div class="library-undo" role="status" data-testid="library-undo">
          <span>
            Deleted {undo.length} {undo.length === 1 ? 'note' : 'notes'}.
          </span>
          <button type="button" class="library-button" data-testid="library-undo-button" onClick={onUndo}>
            Undo
          </button>
        </div>
      )}
    </>
  );
}
