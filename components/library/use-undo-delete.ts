// Deleting notes from the library, with a while to bring them back.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { Annotation } from '@/lib/notes/annotation';
import { deleteNotes, restoreNotes, type LibraryRuntime } from '@/components/library/library-backend';
import { messageOf } from '@/components/library/use-library-data';

export interface UndoDeleteOptions {
  runtime: LibraryRuntime;
  /** How long the undo offer stays after a delete. */
  undoMs: number;
  /** Reads the library again after a delete or a restore, whether it worked or not. */
  reload: () => Promise<void>;
  /** The notes were deleted (the selection empties). */
  onDeleted: () => void;
  say: (message: string | null) => void;
}

export interface UndoDelete {
  /** The notes just deleted, while they can still be restored. */
  undo: Annotation[] | null;
  remove: (ids: string[]) => Promise<void>;
  undoDelete: () => Promise<void>;
}

export function useUndoDelete({ runtime, undoMs, reload, onDeleted, say }: UndoDeleteOptions): UndoDelete {
  const [undo, setUndo] = useState<Annotation[] | null>(null);
  const undoTimer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(undoTimer.current), []);

  const remove = async (ids: string[]): Promise<void> => {
    if (ids.length === 0) return;
    try {
      // The background deletes them, all or none (in messages of up to a thousand notes).
      const removed = await deleteNotes(runtime, ids);
      onDeleted();
      setUndo(removed);
      say(null);
      clearTimeout(undoTimer.current);
      undoTimer.current = setTimeout(() => setUndo(null), undoMs);
    } catch (error) {
      say(`Nothing was deleted: ${messageOf(error)}`);
    }
    await reload();
  };

  const undoDelete = async (): Promise<void> => {
    if (!undo) return;
    const notes = undo;
    clearTimeout(undoTimer.current);
    setUndo(null);
    try {
      await restoreNotes(runtime, notes);
      say(`Restored ${notes.length} ${notes.length === 1 ? 'note' : 'notes'}.`);
    } catch (error) {
      say(`Could not restore the notes: ${messageOf(error)}`);
    }
    await reload();
  };

  return { undo, remove, undoDelete };
}
