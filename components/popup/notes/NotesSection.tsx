import { useEffect, useRef, useState } from 'preact/hooks';
import type { Transport } from '@/lib/protocol/messages';
import type { PageNote } from '@/lib/notes/page-notes';
import { NoteItem } from './NoteItem';
import { notesHeading } from './note-text';
import { UndoBar } from './UndoBar';
import { usePageNotes, UNDO_MS, type NotesNotices } from './use-page-notes';
import './notes.css';

export interface NotesSectionProps {
  /** Sends to the content script of the tab the popup is about. */
  tab: Transport;
  /** Sends to the background, which stores the notes. */
  background: Transport;
  /** How long a deleted note can be brought back (tests shorten it). */
  undoMs?: number;
  /** The background's notesChanged notices; absent, the list is read once. */
  notices?: NotesNotices;
  /** Told how many notes the page has once they are read (null while unknown), for the popup's Notes tab. */
  onCount?: (count: number | null) => void;
}

/**
 * "Your notes": the reader's notes on this page in reading order, then those whose passage could
 * not be found (orphans) in a list of their own.
 */
export function NotesSection({ tab, background, undoMs = UNDO_MS, notices, onCount }: NotesSectionProps) {
  const notes = usePageNotes(tab, background, undoMs, notices);
  const sectionRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [undoBusy, setUndoBusy] = useState(false);
  const [undoError, setUndoError] = useState<string | null>(null);

  // When the undo offer lapses with focus on it, focus would fall to the page body: keep it here.
  const hadUndo = useRef(false);
  useEffect(() => {
    if (notes.undo) {
      hadUndo.current = true;
      return;
    }
    setUndoError(null);
    if (hadUndo.current && (document.activeElement === document.body || document.activeElement === null)) headingRef.current?.focus();
    hadUndo.current = false;
  }, [notes.undo]);

  const undo = async (): Promise<void> => {
    const id = notes.undo?.note.annotation.id;
    setUndoBusy(true);
    try {
      await notes.undoDelete();
      setUndoError(null);
      // Focus the note that came back, where it was.
      setTimeout(() => {
        const items = sectionRef.current?.querySelectorAll<HTMLElement>('[data-testid="note"]') ?? [];
        Array.from(items).find((item) => item.dataset.noteId === id)?.focus();
      }, 0);
    } catch (error) {
      setUndoError(`Couldn’t bring the note back: ${error instanceof Error ? error.message : String(error)}`);
    }
    setUndoBusy(false);
  };

  const list = notes.load.status === 'ready' ? notes.load.notes : [];
  const count = notes.load.status === 'ready' ? list.length : null;
  useEffect(() => onCount?.(count), [count, onCount]);
  const anchored = list.filter((note) => note.anchor.status === 'anchored');
  const orphans = list.filter((note) => note.anchor.status !== 'anchored');

  return (
    <section class="notes" data-testid="notes" data-state={notes.load.status} aria-labelledby="notes-heading" ref={sectionRef}>
      <h2 class="group-title notes-heading" id="notes-heading" tabIndex={-1} ref={headingRef}>
        {notes.load.status === 'ready' ? notesHeading(list.length) : 'Your notes'}
      </h2>
      {notes.undo && <UndoBar onUndo={() => void undo()} busy={undoBusy} error={undoError} />}
      {notes.load.status === 'loading' && (
        <p class="empty" role="status">
          Loading your notes…
        </p>
      )}
      {notes.load.status === 'error' && (
        <p class="empty" role="status">
          Your notes for this page couldn’t be loaded. Reload the page and open Lede again.
        </p>
      )}
      {notes.load.status === 'ready' && list.length === 0 && (
        <p class="empty" data-testid="notes-empty">
          Select text in the article to highlight it or add a note.
        </p>
      )}
      {anchored.length > 0 && <NoteList notes={anchored} idPrefix="note" actions={notes} label="Notes on this page" />}
      {orphans.length > 0 && (
        <div class="notes-orphans" data-testid="notes-orphans">
          <h3 class="notes-subheading" id="notes-orphans-heading">
            Couldn’t find these on the page (the article may have changed)
          </h3>
          <NoteList notes={orphans} idPrefix="orphan" actions={notes} labelledBy="notes-orphans-heading" />
        </div>
      )}
    </section>
  );
}

interface NoteListProps {
  notes: readonly PageNote[];
  idPrefix: string;
  actions: Parameters<typeof NoteItem>[0]['actions'];
  label?: string;
  labelledBy?: string;
}

function NoteList({ notes, idPrefix, actions, label, labelledBy }: NoteListProps) {
  return (
    <ol class="notes-list" aria-label={label} aria-labelledby={labelledBy}>
      {notes.map((note) => (
        // Ids are UUIDs: their letters and digits make a unique, stable DOM id.
        <NoteItem key={note.annotation.id} note={note} domId={`${idPrefix}-${note.annotation.id.replace(/[^a-z0-9]/gi, '')}`} actions={actions} />
      ))}
    </ol>
  );
}
