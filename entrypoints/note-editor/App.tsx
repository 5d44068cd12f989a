import { useEffect, useState } from 'preact/hooks';
import { NoteEditor, type NoteDraft } from '@/components/notes/NoteEditor';
import { sendRequest, type NoteDraftHandoff, type Transport } from '@/lib/messages';

export interface NoteEditorPageProps {
  /** The one-time token from this frame's URL. */
  token: string;
  /** The content script of the tab this frame is in (its top frame). */
  toTab: Transport;
  toBackground: Transport;
}

type State = { kind: 'loading' } | { kind: 'ready'; draft: NoteDraftHandoff; error?: string } | { kind: 'gone' };

/**
 * The note editor frame's page. It takes its draft from the page's content script once (for its
 * token), saves the note itself through the background, then tells the content script, which
 * repaints and closes the frame. Nothing here listens to the embedding page (no postMessage).
 */
export function NoteEditorPage({ token, toTab, toBackground }: NoteEditorPageProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    sendRequest(toTab, { type: 'takeNoteDraft', token })
      .then((draft) => setState({ kind: 'ready', draft }))
      .catch(() => setState({ kind: 'gone' }));
  }, [token]);

  const close = (): void => {
    sendRequest(toTab, { type: 'closeNoteEditor', token }).catch((error: unknown) => console.warn('Lede could not close the note editor:', error));
  };

  if (state.kind === 'loading') return null;
  if (state.kind === 'gone') {
    return (
      <div class="lede-notes-editor lede-notes-editor-page" role="alert">
        <p>This note editor has expired. Select the passage again to write a note.</p>
        <div class="lede-notes-buttons">
          <button type="button" class="lede-notes-action" onClick={close}>
            Close
          </button>
        </div>
      </div>
    );
  }

  const { draft } = state;
  const save = async ({ body, tags, color }: NoteDraft): Promise<void> => {
    try {
      await sendRequest(toBackground, { type: 'saveAnnotation', annotation: { ...draft.annotation, body, tags, color } });
    } catch (error) {
      console.warn('Lede could not save a note:', error);
      setState({ kind: 'ready', draft, error: 'Lede could not save this note. Try again.' });
      return;
    }
    // The content script reloads the page's notes, paints this one and closes the frame.
    await sendRequest(toTab, { type: 'notesChanged' }).catch((error: unknown) => console.warn('Lede could not repaint the page:', error));
  };

  return (
    <NoteEditor
      quote={draft.quote}
      color={draft.annotation.color}
      error={state.error}
      onSave={(note) => void save(note)}
      onCancel={close}
    />
  );
}
