import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/lib/notes/annotation';
import type { Rect } from '@/lib/page/hit-test';
import { placeCard, type Placement } from '@/components/hovercard/placement';
import { COLOR_LABELS } from './colors';
import { EDITOR_LOOKS, type EditorClasses, type EditorLook } from './editor-looks';
import { formatTags, parseTagInput } from './tags';

export interface NoteDraft {
  body: string;
  tags: string[];
  color: HighlightColor;
}

export interface NoteEditorProps {
  /** What the fields start with: an empty body for a new note, the note itself when editing one. */
  initial: NoteDraft;
  /**
   * The passage of a new note, shown (as text) under a heading so the reader knows what the note is
   * on; the editor is then a dialog. Absent when a listed note is edited in place (the popup).
   */
  quote?: string;
  /**
   * The selection's last line box, in viewport coordinates, to float the editor beside; absent,
   * the editor fills the page it is in (the note editor frame) or sits in its list (the popup).
   */
  anchor?: Rect;
  /** Which stylesheet's classes the markup carries; the in-page one unless the popup says so. */
  look?: EditorLook;
  /** Ties labels to fields; unique in the document. */
  idPrefix?: string;
  /** Shown when saving failed, so the reader can try again. */
  error?: string;
  /**
   * Saves the draft. A returned promise keeps Save disabled while it runs; when it rejects, the
   * reason is shown and the editor stays open to retry.
   */
  onSave: (draft: NoteDraft) => void | Promise<void>;
  onCancel: () => void;
}

/** Longest stretch of the passage shown in the editor's header. */
const QUOTE_PREVIEW = 160;

function preview(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_PREVIEW ? `${flat.slice(0, QUOTE_PREVIEW - 1)}…` : flat;
}

/** Where a floating editor goes beside its anchor; null until measured (and always without an anchor). */
function usePlacement(form: { current: HTMLFormElement | null }, anchor: Rect | undefined): Placement | null {
  const [placement, setPlacement] = useState<Placement | null>(null);
  useLayoutEffect(() => {
    const element = form.current;
    if (!element || !anchor) return;
    const { width, height } = element.getBoundingClientRect();
    const view = element.ownerDocument.defaultView;
    setPlacement(placeCard(anchor, { width, height }, { width: view?.innerWidth ?? width, height: view?.innerHeight ?? height }));
  }, [anchor?.left, anchor?.top, anchor?.right, anchor?.bottom]);
  return placement;
}

/** Beside its anchor once measured (hidden until then); in the flow without an anchor. */
function floatingStyle(anchor: Rect | undefined, placement: Placement | null) {
  if (!anchor) return undefined;
  return placement ? { left: `${placement.left}px`, top: `${placement.top}px` } : { left: '0px', top: '0px', visibility: 'hidden' as const };
}

/** Saving: Save is disabled while an async save runs; its failure is shown, and the editor stays to retry. */
function useSaving(onSave: NoteEditorProps['onSave'], read: () => NoteDraft) {
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const save = async (): Promise<void> => {
    if (saving) return;
    const pending = onSave(read());
    if (!pending) return;
    setSaving(true);
    setFailure(null);
    try {
      await pending;
    } catch (reason) {
      setFailure(`Couldn’t save the note: ${reason instanceof Error ? reason.message : String(reason)}`);
      setSaving(false);
    }
  };
  return { saving, failure, save };
}

/**
 * The one note editor: a new note on a selected passage (the in-page editor frame) or an existing
 * note edited in the popup's list. The body (plain text or light Markdown, always shown as text),
 * tags separated by commas, and a colour. Ctrl/Cmd+Enter saves, Escape cancels. The body takes
 * focus when the editor opens, so a keyboard reader can start typing at once.
 */
export function NoteEditor({ initial, quote, anchor, look = 'page', idPrefix = 'lede-notes', error, onSave, onCancel }: NoteEditorProps) {
  const css = EDITOR_LOOKS[look];
  const ref = useRef<HTMLFormElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const placement = usePlacement(ref, anchor);
  const [body, setBody] = useState(initial.body);
  const [tags, setTags] = useState(formatTags(initial.tags));
  const [color, setColor] = useState<HighlightColor>(initial.color);

  const shown = !anchor || placement !== null;
  useLayoutEffect(() => {
    // Inside a list (the popup), scrolling to the field is wanted; a floating editor is already in view.
    if (shown) bodyRef.current?.focus({ preventScroll: quote !== undefined });
  }, [shown]);

  // Read the fields themselves: a keyboard shortcut can arrive before the last input event's render.
  const { saving, failure, save } = useSaving(onSave, () => ({
    body: bodyRef.current?.value ?? body,
    tags: parseTagInput(ref.current?.querySelector<HTMLInputElement>('input[name="tags"]')?.value ?? tags),
    color,
  }));

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

  const shownError = failure ?? error;
  const titleId = `${idPrefix}-editor-title`;

  return (
    <form
      ref={ref}
      class={quote !== undefined && !anchor ? `${css.form} ${css.formPage}` : css.form}
      style={floatingStyle(anchor, placement)}
      data-testid="note-editor"
      {...(quote !== undefined
        ? { role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': titleId }
        : { 'aria-label': 'Edit note' })}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {quote !== undefined && (
        <>
          <h2 class={css.title} id={titleId}>
            Note on this passage
          </h2>
          <blockquote class={css.quote}>{preview(quote)}</blockquote>
        </>
      )}
      <TextFields css={css} idPrefix={idPrefix} bodyRef={bodyRef} body={body} tags={tags} onBody={setBody} onTags={setTags} />
      {/* The popup can list several editors at once: each needs its own radio group. */}
      <ColourChoice css={css} name={look === 'popup' ? `${idPrefix}-color` : 'color'} color={color} onChange={setColor} />
      {shownError ? (
        <p class={css.error} role="alert">
          {shownError}
        </p>
      ) : null}
      <EditorButtons css={css} keysId={`${idPrefix}-keys`} saving={saving} onCancel={onCancel} />
    </form>
  );
}

interface TextFieldsProps {
  css: EditorClasses;
  idPrefix: string;
  bodyRef: { current: HTMLTextAreaElement | null };
  body: string;
  tags: string;
  onBody: (body: string) => void;
  onTags: (tags: string) => void;
}

function TextFields({ css, idPrefix, bodyRef, body, tags, onBody, onTags }: TextFieldsProps) {
  return (
    <>
      <label class={css.label} for={`${idPrefix}-body`}>
        Note
      </label>
      <textarea
        id={`${idPrefix}-body`}
        ref={bodyRef}
        name="body"
        class={css.body}
        data-testid="note-editor-body"
        rows={4}
        value={body}
        onInput={(event) => onBody(event.currentTarget.value)}
        aria-describedby={`${idPrefix}-keys`}
      />
      <label class={css.label} for={`${idPrefix}-tags`}>
        Tags <span class={css.hint}>(separated by commas)</span>
      </label>
      <input
        id={`${idPrefix}-tags`}
        name="tags"
        class={css.tags}
        data-testid="note-editor-tags"
        type="text"
        autoComplete="off"
        value={tags}
        onInput={(event) => onTags(event.currentTarget.value)}
      />
    </>
  );
}

function ColourChoice({ css, name, color, onChange }: { css: EditorClasses; name: string; color: HighlightColor; onChange: (color: HighlightColor) => void }) {
  return (
    <fieldset class={css.colorset}>
      <legend class={css.label}>Colour</legend>
      {HIGHLIGHT_COLORS.map((option) => (
        <label key={option} class={css.colorOption} title={COLOR_LABELS[option]}>
          <input type="radio" name={name} value={option} checked={color === option} data-testid="note-editor-color" onChange={() => onChange(option)} />
          <span class={css.swatch(option)} aria-hidden="true" />
          <span class={css.screenReaderOnly}>{COLOR_LABELS[option]}</span>
        </label>
      ))}
    </fieldset>
  );
}

function EditorButtons({ css, keysId, saving, onCancel }: { css: EditorClasses; keysId: string; saving: boolean; onCancel: () => void }) {
  return (
    <div class={css.buttons}>
      <span class={css.hint} id={keysId}>
        Ctrl+Enter saves · Esc cancels
      </span>
      <button type="button" class={css.action} onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" class={`${css.action} ${css.primary}`} data-testid="note-editor-save" disabled={saving}>
        {saving ? 'Saving…' : 'Save'}
      </button>
    </div>
  );
}
