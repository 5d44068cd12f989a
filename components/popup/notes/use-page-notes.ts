// The popup's view of this page's notes and what the reader can do to them. The content script
// says which notes the page has and where they landed (getPageNotes); the background stores every
// change and tells the page (which reloads and repaints) and then the popup (notesChanged), which
// asks the page again.

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { NoteDraft } from '@/components/notes/NoteEditor';
import type { HighlightColor } from '@/lib/notes/annotation';
import { sendRequest, type Transport } from '@/lib/protocol/messages';
import type { PageNote, PageNotes } from '@/lib/notes/page-notes';

export type NotesLoad =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; notes: PageNote[] };

/** A deleted note the reader can still bring back, and where it stood in the list. */
export interface PendingUndo {
  note: PageNote;
  index: number;
}

/** What the inline editor saves. */
export type NoteEdit = NoteDraft;

export interface PageNotesController {
  load: NotesLoad;
  undo: PendingUndo | null;
  /** Each action rejects with a readable Error when it failed, so the caller can say so. */
  save: (id: string, edit: NoteEdit) => Promise<void>;
  remove: (id: string) => Promise<void>;
  undoDelete: () => Promise<void>;
  dismissUndo: () => void;
  reattach: (id: string) => Promise<'reattached' | 'no-selection'>;
  reveal: (start: number, end: number) => Promise<boolean>;
}

/** How long a deleted note can be brought back. */
export const UNDO_MS = 6000;

/** Calls back whenever the background says notes changed (on these pages; none named: any); returns how to stop. */
export type NotesNotices = (onChange: (sources?: readonly string[]) => void) => () => void;

export function usePageNotes(tab: Transport, background: Transport, undoMs: number = UNDO_MS, notices?: NotesNotices): PageNotesController {
  const { load, notesRef, setNotes, fetchNotes } = useNotesList(tab, notices);
  const [undo, setUndo] = usePendingUndo(undoMs);

  const save = useCallback(
    async (id: string, edit: NoteEdit): Promise<void> => {
      const { annotation } = await sendRequest(background, { type: 'updateAnnotation', id, patch: edit });
      setNotes(notesRef.current.map((note) => (note.annotation.id === id ? { ...note, annotation } : note)));
    },
    [background, notesRef, setNotes],
  );

  const remove = useCallback(
    async (id: string): Promise<void> => {
      const { deleted } = await sendRequest(background, { type: 'deleteAnnotation', id });
      const index = notesRef.current.findIndex((note) => note.annotation.id === id);
      const removed = notesRef.current[index];
      setNotes(notesRef.current.filter((note) => note.annotation.id !== id));
      if (removed) setUndo({ note: { ...removed, annotation: deleted }, index });
    },
    [background, notesRef, setNotes, setUndo],
  );

  const undoDelete = useCallback(async (): Promise<void> => {
    if (!undo) return;
    const { annotation } = await sendRequest(background, { type: 'restoreAnnotation', annotation: undo.note.annotation });
    const notes = notesRef.current.filter((note) => note.annotation.id !== annotation.id);
    notes.splice(Math.min(undo.index, notes.length), 0, { ...undo.note, annotation });
    setNotes(notes);
    setUndo(null);
  }, [background, undo, notesRef, setNotes, setUndo]);

  const dismissUndo = useCallback((): void => setUndo(null), [setUndo]);

  const reattach = useCallback(
    async (id: string): Promise<'reattached' | 'no-selection'> => {
      const answer = await sendRequest(tab, { type: 'reattachAnnotation', id });
      // The page saved the new target and re-anchored; ask it where the note now is.
      if (answer.status === 'reattached') await fetchNotes();
      return answer.status;
    },
    [tab, fetchNotes],
  );

  const reveal = useCallback(
    async (start: number, end: number): Promise<boolean> => (await sendRequest(tab, { type: 'revealSpan', start, end })).revealed === true,
    [tab],
  );

  return { load, undo, save, remove, undoDelete, dismissUndo, reattach, reveal };
}

interface NotesList {
  load: NotesLoad;
  /** The latest list, for actions that start from it (state in a closure could be stale). */
  notesRef: { readonly current: PageNote[] };
  setNotes: (notes: PageNote[]) => void;
  /** Asks the page again for its notes and where they landed. */
  fetchNotes: () => Promise<void>;
}

/** The page's notes as the content script last told them, asked again whenever they may have changed. */
function useNotesList(tab: Transport, notices?: NotesNotices): NotesList {
  const [load, setLoad] = useState<NotesLoad>({ status: 'loading' });
  const notesRef = useRef<PageNote[]>([]);
  /** The page's notes key, from its last answer. */
  const sourceRef = useRef<string | null>(null);

  const setNotes = useCallback((notes: PageNote[]): void => {
    notesRef.current = notes;
    setLoad({ status: 'ready', notes });
  }, []);

  const fetchNotes = useCallback(async (): Promise<void> => {
    try {
      const answer = checkPageNotes(await sendRequest(tab, { type: 'getPageNotes' }));
      sourceRef.current = answer.source;
      setNotes(answer.notes);
    } catch (error) {
      setLoad({ status: 'error', message: messageOf(error) });
    }
  }, [tab, setNotes]);

  useEffect(() => {
    void fetchNotes();
  }, [fetchNotes]);

  // A change anywhere (here, in the library, in another window): the page has repainted by the
  // time the background tells the popup, so its answer is current.
  useEffect(() => {
    if (!notices) return undefined;
    return notices((sources) => {
      if (!sources || sourceRef.current === null || sources.includes(sourceRef.current)) void fetchNotes();
    });
  }, [notices, fetchNotes]);

  return { load, notesRef, setNotes, fetchNotes };
}

/** The last deleted note while it can be brought back: the offer lapses after undoMs, and the note stays deleted. */
function usePendingUndo(undoMs: number): [PendingUndo | null, (undo: PendingUndo | null) => void] {
  const [undo, setUndo] = useState<PendingUndo | null>(null);
  useEffect(() => {
    if (!undo) return undefined;
    const timer = setTimeout(() => setUndo(null), undoMs);
    return () => clearTimeout(timer);
  }, [undo, undoMs]);
  return [undo, setUndo];
}

/** The content script's answer, checked enough to render: a content script from an older build answers differently. */
function checkPageNotes(answer: unknown): PageNotes {
  const value = answer as Partial<PageNotes> | null | undefined;
  const ok =
    typeof value === 'object' &&
    value !== null &&
    Array.isArray(value.notes) &&
    value.notes.every((note) => typeof note?.annotation?.id === 'string' && typeof note?.anchor?.status === 'string');
  if (!ok) throw new Error('The page gave no list of notes');
  return value as PageNotes;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
