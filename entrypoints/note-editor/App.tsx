import { useState } from 'preact/hooks';
import { NoteEditor, type NoteDraft } from '@/components/notes/NoteEditor';
import { sendRequest, type Transport } from '@/lib/protocol/messages';
import type { EditorOutcome, NoteDraftHandoff } from '@/lib/protocol/note-editor-port';

export interface NoteEditorPageProps {
  /** The new note the content script handed over, with the passage to show. */
  draft: NoteDraftHandoff;
  toBackground: Transport;
  /** Tells the content script (over the editor's port) that the note was saved or the reader cancelled. */
  onDone: (outcome: EditorOutcome) => void;
}

/**
 * The note editor frame's page: the reader writes the note here, out of the page's reach; the
 * frame saves it itself through the background, then tells the content script, which repaints and
 * closes the frame.
 */
export function NoteEditorPage({ draft, toBackground, onDone }: NoteEditorPageProps) {
  const [error, setError] = useState<string | undefined>(undefined);

  const save = async ({ body, tags, color }: NoteDraft): Promise<void> => {
    try {
      const { annotation } = await sendRequest(toBackground, { type: 'saveAnnotation', annotation: { ...draft.annotation, body, tags, color } });
      onDone({ type: 'saved', id: annotation.id });
    } catch (failure) {
      console.warn('Lede could not save a note:', failure);
      setError('Lede could not save this note. Try again.');
    }
  };

  return (
    <NoteEditor
      initial={{ body: '', tags: [], color: draft.annotation.color }}
      quote={draft.quote}
      error={error}
      onSave={(note) => void save(note)}
      onCancel={() => onDone({ type: 'cancelled' })}
    />
  );
}
