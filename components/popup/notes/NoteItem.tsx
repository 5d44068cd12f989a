import { useRef, useState } from 'preact/hooks';
import { COLOR_LABELS } from '@/components/notes/colors';
import type { Annotation } from '@/lib/notes/annotation';
import type { PageNote } from '@/lib/notes/page-notes';
import { NoteEditor } from '@/components/notes/NoteEditor';
import { bodyPreview, quotePreview } from './note-text';
import type { PageNotesController } from './use-page-notes';

export interface NoteItemProps {
  note: PageNote;
  /** Unique in the popup. */
  domId: string;
  actions: Pick<PageNotesController, 'save' | 'remove' | 'reattach' | 'reveal'>;
}

/** What the last action on this note did, said to screen readers and shown under the note. */
type ItemStatus = { text: string; failed: boolean } | null;

/**
 * One note: its colour, the passage it is on, the reader's note and tags. An anchored note can be
 * jumped to, edited and deleted; an orphan (its passage was not found) re-attached or deleted.
 */
export function NoteItem({ note, domId, actions }: NoteItemProps) {
  const { annotation, anchor } = note;
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const anchored = anchor.status === 'anchored';
  const quoteId = `${domId}-quote`;
  const { status, setStatus, busy, jump, reattach, remove } = useItemActions(note, actions);

  const closeEditor = (): void => {
    setEditing(false);
    // Back to the button that opened it, once it is rendered again.
    setTimeout(() => editButton.current?.focus(), 0);
  };

  return (
    <li
      class={`note-item note-item-${anchor.status}`}
      data-testid="note"
      data-note-id={annotation.id}
      data-status={anchor.status}
      // Focusable from script only: Undo puts focus back on the note it restored.
      tabIndex={-1}
    >
      <div class="note-head">
        <span class={`note-swatch note-swatch-${annotation.color}`} role="img" aria-label={`${COLOR_LABELS[annotation.color]} highlight`} />
        <blockquote class="note-quote" id={quoteId} data-testid="note-quote">
          {quotePreview(annotation)}
        </blockquote>
      </div>
      {editing ? (
        <NoteEditor
          initial={annotation}
          look="popup"
          idPrefix={domId}
          onSave={async (edit) => {
            await actions.save(annotation.id, edit);
            closeEditor();
          }}
          onCancel={closeEditor}
        />
      ) : (
        <>
          <NoteText annotation={annotation} />
          <NoteActions
            anchored={anchored}
            quoteId={quoteId}
            busy={busy}
            editButton={editButton}
            onJump={jump}
            onEdit={() => {
              setStatus(null);
              setEditing(true);
            }}
            onReattach={reattach}
            onDelete={remove}
          />
        </>
      )}
      {/* Always rendered so screen readers know the live region before its first message. */}
      <p class={status?.failed ? 'note-status note-status-failed' : 'note-status'} role="status" data-testid="note-status">
        {status?.text ?? ''}
      </p>
    </li>
  );
}

/** Jump, re-attach and delete, one at a time (busy), each saying how it went in the item's status. */
function useItemActions({ annotation, anchor }: PageNote, actions: NoteItemProps['actions']) {
  const [status, setStatus] = useState<ItemStatus>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<ItemStatus>, failure: string): Promise<void> => {
    setBusy(true);
    try {
      setStatus(await action());
    } catch (error) {
      setStatus({ text: `${failure}: ${error instanceof Error ? error.message : String(error)}`, failed: true });
    }
    setBusy(false);
  };

  const jump = (): void => {
    if (anchor.status !== 'anchored') return;
    void run(async () => ((await actions.reveal(anchor.start, anchor.end)) ? null : { text: 'Couldn’t show that passage on the page.', failed: true }), 'Couldn’t show that passage');
  };

  const reattach = (): void => {
    void run(async () => {
      const outcome = await actions.reattach(annotation.id);
      return outcome === 'no-selection'
        ? { text: 'Select the new passage in the article first, then open Lede and choose Re-attach again.', failed: true }
        : null;
    }, 'Couldn’t re-attach the note');
  };

  // On success the note leaves the list (the undo bar takes focus), so only failures are shown here.
  const remove = (): void => {
    void run(async () => {
      await actions.remove(annotation.id);
      return null;
    }, 'Couldn’t delete the note');
  };
  return { status, setStatus, busy, jump, reattach, remove };
}

/** The reader's note (shortened until asked for all of it) and its tags. */
function NoteText({ annotation }: { annotation: Annotation }) {
  const [expanded, setExpanded] = useState(false);
  const body = expanded ? annotation.body : bodyPreview(annotation.body);
  return (
    <>
      {annotation.body.trim() !== '' && (
        <p class="note-body" data-testid="note-body">
          {body}
        </p>
      )}
      {body !== annotation.body || expanded ? (
        <button type="button" class="note-link" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show less' : 'Show all of the note'}
        </button>
      ) : null}
      {annotation.tags.length > 0 && (
        <ul class="note-tags" data-testid="note-tags" aria-label="Tags">
          {annotation.tags.map((tag) => (
            <li key={tag} class="note-tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

interface NoteActionsProps {
  anchored: boolean;
  /** The quote's id: every action button is described by the passage it acts on. */
  quoteId: string;
  busy: boolean;
  editButton: { current: HTMLButtonElement | null };
  onJump: () => void;
  onEdit: () => void;
  onReattach: () => void;
  onDelete: () => void;
}

/** Jump and Edit for an anchored note, Re-attach for an orphan; Delete for both. */
function NoteActions({ anchored, quoteId, busy, editButton, onJump, onEdit, onReattach, onDelete }: NoteActionsProps) {
  return (
    <div class="note-actions">
      {anchored ? (
        <>
          <button type="button" class="note-action" data-testid="note-jump" aria-describedby={quoteId} disabled={busy} onClick={onJump}>
            Jump
          </button>
          <button type="button" class="note-action" data-testid="note-edit" aria-describedby={quoteId} ref={editButton} disabled={busy} onClick={onEdit}>
            Edit
          </button>
        </>
      ) : (
        <button type="button" class="note-action" data-testid="note-reattach" aria-describedby={quoteId} disabled={busy} onClick={onReattach}>
          Re-attach to selection
        </button>
      )}
      <button type="button" class="note-action note-action-danger" data-testid="note-delete" aria-describedby={quoteId} disabled={busy} onClick={onDelete}>
        Delete
      </button>
    </div>
  );
}
