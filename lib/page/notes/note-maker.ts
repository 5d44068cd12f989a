// Making and moving notes from the reader's selection: a highlight in one click, the draft the
// editor frame opens with, the quote copied with its link, a note re-attached to a new passage.
// Each new note is anchored and painted at once.

import { describeSpan } from '@/lib/anchoring';
import type { Annotation, HighlightColor } from '@/lib/notes/annotation';
import type { ReattachAnswer } from '@/lib/protocol/messages';
import type { NoteDraftHandoff } from '@/lib/protocol/note-editor-port';
import { newAnnotation } from '@/lib/notes/new-annotation';
import { quoteWithLink } from '@/lib/notes/quote-link';
import type { AnchoringDriver } from './anchoring-driver';
import type { NotesClient } from './notes-client';
import type { NotesUi } from './notes-view';
import { clearPageSelection, type ArticleSelection } from './selection-tracker';
import type { Toolbar, ToolbarState } from './toolbar-state';

/** What the reader chose for a note: its body, tags and colour. */
export interface NoteContent {
  body: string;
  tags: string[];
  color: HighlightColor;
}

export interface NoteMakerDeps {
  client: NotesClient;
  anchoring: AnchoringDriver;
  win: Window;
  ui: NotesUi;
  site: string;
  title: () => string;
}

export class NoteMaker {
  /** The colour the reader last chose: the editor opens with it. */
  private lastColor: HighlightColor = 'yellow';

  constructor(private readonly deps: NoteMakerDeps) {}

  /** The new note the editor frame opens with, and the passage it shows. */
  handoff(selection: ArticleSelection): NoteDraftHandoff {
    const annotation = this.draft(selection, { body: '', tags: [], color: this.lastColor });
    return { type: 'draft', annotation, quote: selection.text.slice(selection.span.start, selection.span.end) };
  }

  /** The editor frame saved a note itself: its colour is the one to start with next time. */
  savedElsewhere(id: string): void {
    const saved = this.deps.anchoring.find(id);
    if (saved) this.lastColor = saved.color;
  }

  /** The toolbar's colour buttons: a highlight without a note, or "Could not save" in the toolbar. */
  async highlight(state: ToolbarState, color: HighlightColor, toolbar: Toolbar): Promise<void> {
    const saved = await this.create(state, { body: '', tags: [], color });
    if (saved) {
      clearPageSelection(this.deps.win);
      toolbar.close();
    } else toolbar.say(state, 'Could not save');
  }

  /**
   * Saves a new annotation on the selection's span of its text (the text it was selected in);
   * anchoring places it in the current text and paints it at once. Null when the background refused.
   */
  async create(selection: ArticleSelection, content: NoteContent): Promise<Annotation | null> {
    this.lastColor = content.color;
    try {
      const saved = await this.deps.client.save(this.draft(selection, content));
      this.deps.anchoring.put(saved);
      return saved;
    } catch (error) {
      console.warn('Lede could not save a note:', error);
      return null;
    }
  }

  /** Copies the selected passage with the page's title and link; says in the toolbar how it went. */
  async copyQuote(state: ToolbarState, toolbar: Toolbar): Promise<void> {
    const { text, span } = state;
    const quote = quoteWithLink(text.slice(span.start, span.end), this.deps.title(), this.deps.anchoring.source);
    let copied = false;
    try {
      await this.deps.win.navigator.clipboard.writeText(quote);
      copied = true;
    } catch {
      copied = this.deps.ui.copyWithCommand(quote);
    }
    toolbar.say(state, copied ? 'Copied' : 'Could not copy');
  }

  /** The popup's re-attach: the note moves to the passage selected now. */
  async reattach(id: string, selection: ArticleSelection | null): Promise<ReattachAnswer> {
    if (!selection) return { status: 'no-selection' };
    const target = { source: this.deps.anchoring.source, selector: describeSpan(selection.text, selection.span.start, selection.span.end) };
    const annotation = await this.deps.client.retarget(id, target);
    this.deps.anchoring.put(annotation);
    return { status: 'reattached', annotation };
  }

  private draft(selection: ArticleSelection, content: NoteContent): Annotation {
    return newAnnotation({
      id: `urn:uuid:${crypto.randomUUID()}`,
      text: selection.text,
      start: selection.span.start,
      end: selection.span.end,
      source: this.deps.anchoring.source,
      color: content.color,
      body: content.body,
      tags: content.tags,
      page: { title: this.deps.title(), site: this.deps.site },
      now: new Date(),
    });
  }
}
