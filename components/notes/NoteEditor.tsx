import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/lib/notes/annotation';
import type { Rect } from '@/lib/page/hit-test';
import { placeCard, type Placement } from '@/components/hovercard/placement';
import { COLOR_LABELS } from './colors';
import { parseTagInput } from './tags';

export interface NoteDraft {
  body: string;
  tags: string[];
  color: HighlightColor;
}

export interface NoteEditorProps {
  /**
   * The selection's last line box, in viewport coordinates, to float the editor beside; absent,
   * the editor fills the page it is in (the note editor frame, entrypoints/note-editor).
   */
  anchor?: Rect;
  /** The selected passage, shown (as text) so the reader knows what the note is on. */
  quote: string;
  color: HighlightColor;
  /** Shown when saving failed, so the reader can try again. */
  error?: string;
  onSave: (draft: NoteDraft) => void;
  onCancel: () => void;
}

/** Longest stretch of the passage shown in the editor's header. */
const QUOTE_PREVIEW = 160;

function preview(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_PREVIEW ? `${flat.slice(0, QUOTE_PREVIEW - 1)}…` : flat;
}

/**
 * Writing a note on the selected passage: the body (plain text or light Markdown, always shown as
 * text), tags separated by commas, and a colour. Ctrl/Cmd+Enter saves, Escape cancels. The body
 * takes focus when the editor opens, so a keyboard reader can start typing at once.
 */
export function NoteEditor({ anchor, quote, color: initialColor, error, onSave, onCancel }: NoteEditorProps) {
  const ref = useRef<HTMLFormElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [placement, setPlacement] = useState<Placement | null>(null);
  const [body, setBody] = useState('');
  const [tags, setTags] = useState('');
  const [color, setColor] = useState<HighlightColor>(initialColor);

  useLayoutEffect(() => {
    const form = ref.current;
    if (!form || !anchor) return;
    const { width, height } = form.getBoundingClientRect();
    const view = form.ownerDocument.defaultView;
    setPlacement(placeCard(anchor, { width, height }, { width: view?.innerWidth ?? width, height: view?.innerHeight ?? height }));
  }, [anchor?.left, anchor?.top, anchor?.right, anchor?.bottom]);

  const shown = !anchor || placement !== null;
  useLayoutEffect(() => {
    if (shown) bodyRef.current?.focus({ preventScroll: true });
  }, [shown]);

  // Read the fields themselves: a keyboard shortcut can arrive before the last input event's render.
  const save = (): void =>
    onSave({
      body: bodyRef.current?.value ?? body,
      tags: parseTagInput(ref.current?.querySelector<HTMLInputElement>('input[name="tags"]')?.value ?? tags),
      color,
    });

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  };

  const style = !anchor
    ? undefined
    : placement
      ? { left: `${placement.left}px`, top: `${placement.top}px` }
      : { left: '0px', top: '0px', visibility: 'hidden' as const };

  return (
    <form
      ref={ref}
      class={anchor ? 'lede-notes-editor' : 'lede-notes-editor lede-notes-editor-page'}
      style={style}
      role="dialog"
      aria-modal="false"
      aria-labelledby="lede-notes-editor-title"
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <h2 class="lede-notes-title" id="lede-notes-editor-title">
        Note on this passage
      </h2>
      <blockquote class="lede-notes-quote">{preview(quote)}</blockquote>
      <label class="lede-notes-label" for="lede-notes-body">
        Note
      </label>
      <textarea
        id="lede-notes-body"
        ref={bodyRef}
        name="body"
        class="lede-notes-body"
        rows={4}
        value={body}
        onInput={(event) => setBody(event.currentTarget.value)}
        aria-describedby="lede-notes-keys"
      />
      <label class="lede-notes-label" for="lede-notes-tags">
        Tags <span class="lede-notes-hint">(separated by commas)</span>
      </label>
      <input
        id="lede-notes-tags"
        name="tags"
        class="lede-notes-tags"
        type="text"
        autoComplete="off"
        value={tags}
        onInput={(event) => setTags(event.currentTarget.value)}
      />
      <fieldset class="lede-notes-colorset">
        <legend class="lede-notes-label">Colour</legend>
        {HIGHLIGHT_COLORS.map((option) => (
          <label key={option} class="lede-notes-color-option" title={COLOR_LABELS[option]}>
            <input type="radio" name="color" value={option} checked={color === option} onChange={() => setColor(option)} />
            <span class={`lede-notes-color lede-note-swatch-${option}`} aria-hidden="true" />
            <span class="lede-notes-sr">{COLOR_LABELS[option]}</span>
          </label>
        ))}
      </fieldset>
      {error ? (
        <p class="lede-notes-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="lede-notes-buttons">
        <span class="lede-notes-hint" id="lede-notes-keys">
          Ctrl+Enter saves · Esc cancels
        </span>
        <button type="button" class="lede-notes-action" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="lede-notes-action lede-notes-primary">
          Save
        </button>
      </div>
    </form>
  );
}
