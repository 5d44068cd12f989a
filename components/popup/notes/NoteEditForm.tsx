import { useEffect, useRef, useState } from 'preact/hooks';
import { COLOR_LABELS } from '@/components/notes/colors';
import { formatTags, parseTagInput } from '@/components/notes/tags';
import { HIGHLIGHT_COLORS, type Annotation, type HighlightColor } from '@/lib/notes/annotation';
import type { NoteEdit } from './use-page-notes';

export interface NoteEditFormProps {
  annotation: Annotation;
  /** Unique in the popup: ties labels to fields. */
  domId: string;
  /** Rejects with a readable Error when the note could not be saved; the form stays open to retry. */
  onSave: (edit: NoteEdit) => Promise<void>;
  onCancel: () => void;
}

/**
 * The inline editor of one note: its body (plain text or light Markdown, shown as text), its tags
 * separated by commas, and its colour. Ctrl/Cmd+Enter saves, Escape cancels.
 */
export function NoteEditForm({ annotation, domId, onSave, onCancel }: NoteEditFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [body, setBody] = useState(annotation.body);
  const [tags, setTags] = useState(formatTags(annotation.tags));
  const [color, setColor] = useState<HighlightColor>(annotation.color);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  // The editor opens on an explicit Edit press, so the body takes focus and typing can start.
  useEffect(() => {
    bodyRef.current?.focus();
  }, []);

  const save = async (): Promise<void> => {
    if (saving) return;
    setSaving(true);
    setError(null);
    // Read the fields themselves: Ctrl+Enter can arrive before the last input event's render.
    const form = formRef.current;
    const edit: NoteEdit = {
      body: bodyRef.current?.value ?? body,
      tags: parseTagInput(form?.querySelector<HTMLInputElement>('input[name="tags"]')?.value ?? tags),
      color,
    };
    try {
      await onSave(edit);
    } catch (reason) {
      setError(`Couldn’t save the note: ${reason instanceof Error ? reason.message : String(reason)}`);
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };

  return (
    <form
      ref={formRef}
      class="note-editor"
      data-testid="note-editor"
      aria-label="Edit note"
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label class="note-editor-label" for={`${domId}-body`}>
        Note
      </label>
      <textarea
        id={`${domId}-body`}
        class="note-editor-field"
        data-testid="note-editor-body"
        rows={4}
        value={body}
        onInput={(event) => setBody(event.currentTarget.value)}
        aria-describedby={`${domId}-keys`}
        ref={bodyRef}
      />
      <label class="note-editor-label" for={`${domId}-tags`}>
        Tags <span class="note-editor-hint">(separated by commas)</span>
      </label>
      <input
        id={`${domId}-tags`}
        name="tags"
        class="note-editor-field"
        data-testid="note-editor-tags"
        type="text"
        autoComplete="off"
        value={tags}
        onInput={(event) => setTags(event.currentTarget.value)}
      />
      <fieldset class="note-editor-colors">
        <legend class="note-editor-label">Colour</legend>
        {HIGHLIGHT_COLORS.map((option) => (
          <label key={option} class="note-color-option" title={COLOR_LABELS[option]}>
            <input
              type="radio"
              name={`${domId}-color`}
              value={option}
              checked={color === option}
              data-testid="note-editor-color"
              onChange={() => setColor(option)}
            />
            <span class={`note-swatch note-swatch-${option}`} aria-hidden="true" />
            <span class="visually-hidden">{COLOR_LABELS[option]}</span>
          </label>
        ))}
      </fieldset>
      {error && (
        <p class="note-error" role="alert">
          {error}
        </p>
      )}
      <div class="note-editor-buttons">
        <span class="note-editor-hint" id={`${domId}-keys`}>
          Ctrl+Enter saves · Esc cancels
        </span>
        <button type="button" class="note-action" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="note-action note-action-primary" data-testid="note-editor-save" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
