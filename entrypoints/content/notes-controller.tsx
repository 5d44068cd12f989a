// The reader's notes on this page: load them from the background, anchor them in the article
// text, paint them, keep them anchored while the page changes, and let the reader make new ones
// from a selection (toolbar, keyboard shortcut, context menu). Note text lives only in memory
// here and in Lede's own frame and layers: never in the page's DOM, attributes, storage, messages
// or the shared CSS highlight registry. Notes are painted in a closed layer (note-layer.ts); the
// reader writes a note in an extension frame (entrypoints/note-editor), so the page's listeners
// never hear a key of it. Every entry point catches its own errors: nothing may throw into the page.

import type { ComponentChild } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from '#imports';
import { isEditable } from '@/components/hovercard/keys';
import type { NoteDraft } from '@/components/notes/NoteEditor';
import { NoteFrame } from '@/components/notes/NoteFrame';
import { SelectionToolbar } from '@/components/notes/SelectionToolbar';
import { describeSpan } from '@/lib/anchoring';
import type { Annotation, HighlightColor } from '@/lib/notes/annotation';
import { extractArticle, type ExtractedArticle, type TextSegment } from '@/lib/extract';
import { ArticleFollower } from '@/lib/extract/article-follower';
import type { ChangeSet } from '@/lib/extract/change-set';
import type { Rect } from '@/lib/page/hit-test';
import { sendRequest, type Handlers, type LedeRequest, type NotesContentRequest, type ReattachAnswer } from '@/lib/protocol/messages';
import { editorPortName, parseOutcome, type EditorOutcome, type NoteDraftHandoff } from '@/lib/protocol/note-editor-port';
import { newAnnotation } from '@/lib/notes/new-annotation';
import { anchoredSpans, anchorPageNotes, type PageNote, type PageNotes } from '@/lib/notes/page-notes';
import type { HighlightApi } from '@/lib/page/paint';
import { quoteWithLink } from '@/lib/notes/quote-link';
import { spanOfRange, type TextSpan } from '@/lib/page/selection-offsets';
import { NoteLayer, type NoteSurface } from './note-layer';
import { NotePainter } from './note-painter';
import { NotesHost } from './notes-ui';
import { PageWatch } from './page-watch';
import { yieldToPage } from './progressive-paint';

/** Selection changes come in floods while the reader extends a selection with the keyboard. */
const SELECTION_DEBOUNCE_MS = 150;
/** After a URL change, let the page render the new view before reading its canonical link and text. */
const URL_SETTLE_MS = 400;

export interface NotesControllerDeps {
  ctx: ContentScriptContext;
  win: Window;
  /** Not used for notes any more: the page's scripts share the highlight registry (see note-layer.ts). */
  highlightApi?: HighlightApi | null;
  /** Where notes are painted; Lede's closed note layer unless a test gives another. */
  surface?: NoteSurface;
  /** The note editor page's URL for a token; runtime.getURL unless a test gives another. */
  editorUrl?: (token: string) => string;
  /** Opens the channel to the editor frame (runtime.connect unless a test gives another). */
  connect?: (name: string) => EditorPort;
  send: (message: LedeRequest) => Promise<unknown>;
  site: string;
  /** The article's title, for the note's page info and the copied quote. */
  title: () => string;
  /** The article's text changed after a DOM change (late content, a new view): entities may follow. */
  onArticleChanged?: (extracted: ExtractedArticle) => void;
}

interface ArticleText {
  text: string;
  segments: readonly TextSegment[];
}

/**
 * A selection the reader may act on. `text` is the article text its span indexes into, kept with
 * it: the page may change (and be read again) while the toolbar or the editor is open.
 */
interface ToolbarState {
  text: string;
  span: TextSpan;
  range: Range;
  rect: Rect;
  status?: string;
}

/** The end of a runtime.Port the controller uses: the editor frame holds the other end. */
export interface EditorPort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/**
 * The note editor frame while it is open: the new note it was opened for (handed to the frame once,
 * through the background, for the token in its URL; the frame saves it itself), the channel, and
 * where focus goes back to.
 */
interface EditorState {
  token: string;
  draft: NoteDraftHandoff;
  port: EditorPort | null;
  rect: Rect;
  focusBefore: Element | null;
}

function plainRect(rect: DOMRect | Rect): Rect {
  return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
}

/** The selection's last line box (where the reader's pointer usually ends), else its bounding box. */
function selectionRect(range: Range): Rect {
  const rects = range.getClientRects();
  const last = rects[rects.length - 1];
  return plainRect(last && (last.width > 0 || last.height > 0) ? last : range.getBoundingClientRect());
}

interface PageClaim {
  href: string;
  canonical: string | null;
  id: string;
}

export class NotesController {
  private article: ArticleText | null = null;
  /** True where Lede analysed the page, the page has notes, or the reader asked for a note. */
  private enabled = false;
  /** The page's notes key, decided by the background (getPageKey); '' until the first answer. */
  private source = '';
  /** The address and canonical link that key was asked for (PageClaim.id): a change may mean a new key. */
  private claim: string;
  private annotations: Annotation[] = [];
  private notes: PageNote[] = [];
  private readonly painter: NotePainter;
  private readonly ui: NotesHost;
  private readonly watch: PageWatch;
  /** Keeps the article in step with late content: incremental, sliced, and within a budget. */
  private readonly follower: ArticleFollower;
  private toolbar: ToolbarState | null = null;
  private editor: EditorState | null = null;
  private lastColor: HighlightColor = 'yellow';
  private loaded: Promise<void> = Promise.resolve();
  /** Bumped by every load from the background, so a slow old answer never overwrites a newer one. */
  private generation = 0;
  private selectionTimer: number | undefined;
  private urlTimer: number | undefined;
  private pointerDown = false;
  private frameRequested = false;
  private listening = false;
  private readonly abort = new AbortController();

  constructor(private readonly deps: NotesControllerDeps) {
    this.painter = new NotePainter(deps.surface ?? new NoteLayer(deps.win));
    this.ui = new NotesHost(deps.ctx);
    this.claim = this.currentClaim().id;
    this.watch = new PageWatch({
      ctx: deps.ctx,
      win: deps.win,
      onMutations: (changes) => this.onMutations(changes),
      onUrlChange: () => this.onUrlChange(),
    });
    this.follower = new ArticleFollower({
      doc: deps.win.document,
      now: () => deps.win.performance.now(),
      setTimer: (run, ms) => deps.win.setTimeout(run, ms),
      clearTimer: (id) => deps.win.clearTimeout(id),
      yieldToPage: () => yieldToPage(deps.win),
      onChanged: (extracted) => this.guard(() => this.articleFollowed(extracted)),
      // The page is a feed, not an article: its notes stay painted, and it is not watched any more.
      onStopped: () => this.watch.stop(),
      onError: (error) => console.warn('Lede notes:', error),
    });
    deps.ctx.onInvalidated(() => this.dispose());
  }

  /**
   * The page session's first run has read the page: `extracted` is the article Lede is analysing,
   * or null on a page it left alone. Loads this page's notes; where there are some, a page Lede left alone is
   * read anyway (force) so they can be painted.
   */
  begin(extracted: ExtractedArticle | null): void {
    this.loaded = this.guardAsync(async () => {
      // The key first: a note made here is filed under it.
      await this.guardAsync(() => this.loadAnnotations());
      if (extracted) this.enable(extracted);
      if (this.annotations.length > 0 && !this.enabled) this.enableByForce();
      this.reanchor();
    });
  }

  /** The reader asked to analyse this page (analyzeNow): notes can be made here from now on. */
  articleAnalyzed(extracted: ExtractedArticle): void {
    this.guard(() => {
      this.enable(extracted);
      this.reanchor();
    });
  }

  readonly handlers: Handlers<NotesContentRequest> = {
    getPageNotes: async () => {
      await this.loaded;
      return this.pageNotes();
    },
    notesChanged: async () => {
      await this.loaded;
      await this.guardAsync(async () => {
        await this.loadAnnotations();
        if (this.annotations.length > 0 && !this.enabled) this.enableByForce();
        this.reanchor();
      });
      return { ok: true };
    },
    reattachAnnotation: async ({ id }) => {
      await this.loaded;
      return this.reattach(id);
    },
    startNote: async () => {
      await this.loaded;
      return { ok: this.startNoteOnSelection() };
    },
  };

  private pageNotes(): PageNotes {
    return { source: this.source, notes: this.notes.map(({ annotation, anchor }) => ({ annotation, anchor })) };
  }

  // ---- The article and the notes on it -----------------------------------------------------------

  private enable(extracted: ExtractedArticle): void {
    this.setArticle(extracted);
    this.follower.reset(extracted);
    this.enabled = true;
    this.listenForSelections();
    this.watch.start();
  }

  /** Reads the page even though it did not look like an article; false when it has no text at all. */
  private enableByForce(): boolean {
    const extracted = extractArticle(this.deps.win.document, { force: true });
    if (!extracted || extracted.text.trim() === '') return false;
    this.enable(extracted);
    return true;
  }

  private setArticle(extracted: ExtractedArticle): void {
    this.article = { text: extracted.text, segments: extracted.segments };
  }

  private async loadAnnotations(): Promise<void> {
    const generation = ++this.generation;
    const claim = this.currentClaim();
    const source = await this.pageKey(claim);
    const { annotations } = await sendRequest(this.deps.send, { type: 'listAnnotations', source });
    if (generation !== this.generation) return;
    this.claim = claim.id;
    this.source = source;
    this.annotations = annotations;
  }

  /** Anchors every note in the current text and paints the anchored ones. */
  private reanchor(): void {
    this.notes = anchorPageNotes(this.article?.text ?? null, this.annotations);
    this.repaint();
  }

  private repaint(): void {
    if (this.deps.ctx.isInvalid) return;
    const article = this.article;
    if (!article) {
      this.painter.clear();
      return;
    }
    this.painter.paint(this.deps.win.document, article.segments, anchoredSpans(this.notes));
  }

  // ---- Page changes --------------------------------------------------------------------------------

  private onMutations(changes: ChangeSet): void {
    if (!this.enabled) return;
    // The canonical link can change with the view (single-page apps): notes follow the new source.
    if (this.currentClaim().id !== this.claim) {
      this.scheduleUrlReload();
      return;
    }
    this.follower.changed(changes);
  }

  /** The follower read the changes; re-anchors and repaints when the text changed, repaints when only its nodes did. */
  private articleFollowed(extracted: ExtractedArticle | null): void {
    const before = this.article?.text ?? null;
    if (!extracted || extracted.text.trim() === '') {
      this.article = null;
      this.hideToolbar();
      this.reanchor();
      return;
    }
    this.setArticle(extracted);
    if (extracted.text === before) {
      this.repaint();
      return;
    }
    this.hideToolbar();
    this.reanchor();
    this.deps.onArticleChanged?.(extracted);
  }

  private onUrlChange(): void {
    this.scheduleUrlReload();
  }

  private scheduleUrlReload(): void {
    const { win } = this.deps;
    if (this.urlTimer !== undefined) win.clearTimeout(this.urlTimer);
    this.urlTimer = win.setTimeout(() => {
      this.urlTimer = undefined;
      void this.guardAsync(() => this.reloadForUrl());
    }, URL_SETTLE_MS);
  }

  private async reloadForUrl(): Promise<void> {
    const claim = this.currentClaim();
    if (claim.id === this.claim) return;
    const source = await this.pageKey(claim);
    this.claim = claim.id;
    if (source === this.source) return;
    this.closeEditor();
    this.hideToolbar();
    await this.loadAnnotations();
    if (this.enabled) {
      this.reextractQuietly();
      this.watch.start();
    } else if (this.annotations.length > 0) this.enableByForce();
    this.reanchor();
  }

  /** Re-extraction for a new view: the notes are re-anchored by the caller. */
  private reextractQuietly(): void {
    const extracted = extractArticle(this.deps.win.document, { force: true });
    const before = this.article?.text;
    this.article = null;
    const readable = extracted && extracted.text.trim() !== '' ? extracted : null;
    this.follower.reset(readable);
    if (!readable) return;
    this.setArticle(readable);
    if (readable.text !== before) this.deps.onArticleChanged?.(readable);
  }

  // ---- Selections ----------------------------------------------------------------------------------

  private listenForSelections(): void {
    if (this.listening) return;
    this.listening = true;
    const { win } = this.deps;
    const signal = this.abort.signal;
    const doc = win.document;
    doc.addEventListener('selectionchange', () => this.guard(() => this.onSelectionChange()), { signal });
    win.addEventListener(
      'pointerdown',
      (event) =>
        this.guard(() => {
          if (this.ui.contains(event.target)) return;
          this.pointerDown = true;
        }),
      { capture: true, passive: true, signal },
    );
    win.addEventListener(
      'pointerup',
      (event) =>
        this.guard(() => {
          this.pointerDown = false;
          if (this.ui.contains(event.target)) return;
          // The selection is final once the button is up; read it on the next turn.
          win.setTimeout(() => this.guard(() => this.evaluateSelection()), 0);
        }),
      { capture: true, passive: true, signal },
    );
    // A context menu can swallow the pointerup: the button is not held any more.
    win.addEventListener('contextmenu', () => (this.pointerDown = false), { capture: true, passive: true, signal });
    win.addEventListener('keydown', (event) => this.guard(() => this.onKeyDown(event)), { capture: true, signal });
    win.addEventListener('scroll', () => this.guard(() => this.onScroll()), { capture: true, passive: true, signal });
    win.addEventListener('resize', () => this.guard(() => this.onScroll()), { passive: true, signal });
  }

  private onSelectionChange(): void {
    const { win } = this.deps;
    if (this.selectionTimer !== undefined) win.clearTimeout(this.selectionTimer);
    this.selectionTimer = win.setTimeout(() => {
      this.selectionTimer = undefined;
      // A mouse selection is still growing while the button is down: pointerup reads it.
      if (!this.pointerDown) this.guard(() => this.evaluateSelection());
    }, SELECTION_DEBOUNCE_MS);
  }

  /** The article span the page's selection covers now, with its Range; null when it covers none. */
  private currentSelection(): { text: string; span: TextSpan; range: Range } | null {
    const article = this.article;
    const selection = this.deps.win.getSelection();
    if (!article || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0).cloneRange();
    const span = spanOfRange(article.text, article.segments, range);
    return span ? { text: article.text, span, range } : null;
  }

  /**
   * While the toolbar shows beside a selection, it is the next stop in the tab order: Tab from the
   * page moves focus to its first colour (keyboard readers reach every action that way), and
   * Escape puts it away. Other keys, and keys typed into the page's own fields, are left alone.
   */
  private onKeyDown(event: KeyboardEvent): void {
    if (!this.toolbar || this.editor || this.ui.contains(event.target)) return;
    if (event.key === 'Escape') {
      this.hideToolbar();
      return;
    }
    if (event.key !== 'Tab' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    if (isEditable(event.composedPath()[0] ?? event.target)) return;
    if (this.ui.focusFirstButton()) event.preventDefault();
  }

  private evaluateSelection(): void {
    if (!this.enabled || this.editor || this.deps.ctx.isInvalid) return;
    // The reader is in the toolbar (reached with Tab): focus moving there must not take it away.
    if (this.toolbar && this.ui.hasFocus()) return;
    const current = this.currentSelection();
    if (!current) {
      this.hideToolbar();
      return;
    }
    const same = this.toolbar && this.toolbar.span.start === current.span.start && this.toolbar.span.end === current.span.end;
    this.toolbar = { ...current, rect: selectionRect(current.range), status: same ? this.toolbar?.status : undefined };
    this.render();
  }

  private onScroll(): void {
    if (!this.toolbar || this.frameRequested) return;
    this.frameRequested = true;
    this.deps.win.requestAnimationFrame(() => {
      this.frameRequested = false;
      this.guard(() => {
        if (!this.toolbar || this.editor) return;
        this.toolbar = { ...this.toolbar, rect: selectionRect(this.toolbar.range) };
        this.render();
      });
    });
  }

  /** Escape in the toolbar: put it away and give focus back to the page. */
  private dismissToolbar(): void {
    const hadFocus = this.ui.hasFocus();
    this.toolbar = null;
    this.render();
    if (hadFocus) (this.deps.win.document.activeElement as HTMLElement | null)?.blur?.();
  }

  private hideToolbar(): void {
    if (!this.toolbar) return;
    this.toolbar = null;
    this.render();
  }

  // ---- Making notes ----------------------------------------------------------------------------------

  /** The keyboard shortcut or context menu: open the editor on the selection (reading the page first if need be). */
  private startNoteOnSelection(): boolean {
    try {
      if (!this.enabled && !this.enableByForce()) return false;
      const current = this.currentSelection();
      if (!current) return false;
      this.openEditor(current.text, current.span, selectionRect(current.range));
      return true;
    } catch (error) {
      console.warn('Lede could not start a note:', error);
      return false;
    }
  }

  private openEditor(text: string, span: TextSpan, rect: Rect): void {
    const active = this.deps.win.document.activeElement;
    this.toolbar = null;
    this.closeEditor();
    this.editor = {
      token: crypto.randomUUID(),
      draft: { type: 'draft', annotation: this.draftAnnotation(text, span, { body: '', tags: [], color: this.lastColor }), quote: text.slice(span.start, span.end) },
      port: null,
      rect,
      // Focus inside Lede's own host is not worth going back to.
      focusBefore: active && !this.ui.contains(active) ? active : null,
    };
    this.connectEditor(this.editor);
    this.render();
  }

  private closeEditor(): void {
    const editor = this.editor;
    if (!editor) return;
    const hadFocus = this.ui.hasFocus();
    this.editor = null;
    editor.port?.disconnect();
    this.render();
    if (hadFocus) {
      // Back to the page, where the selection still is.
      this.deps.win.focus();
      const before = editor.focusBefore;
      if (before instanceof HTMLElement && before.isConnected && before !== before.ownerDocument.body) before.focus({ preventScroll: true });
      else (this.deps.win.document.activeElement as HTMLElement | null)?.blur?.();
    }
  }

  /**
   * Opens the editor's channel (through the background, named with the frame's token) and sends
   * the draft; the background hands it to the frame once the frame connects with the same token.
   */
  private connectEditor(editor: EditorState): void {
    const name = editorPortName('page', editor.token);
    const port = this.deps.connect?.(name) ?? (browser.runtime.connect({ name }) as EditorPort);
    editor.port = port;
    port.onMessage.addListener((message) => {
      const outcome = parseOutcome(message);
      if (outcome && this.editor === editor) void this.guardAsync(() => this.editorDone(outcome));
    });
    port.onDisconnect.addListener(() => {
      if (editor.port === port) editor.port = null;
    });
    port.postMessage(editor.draft);
  }

  /** The frame saved the note (through the background) or the reader cancelled: close it, paint a saved note. */
  private async editorDone(outcome: EditorOutcome): Promise<void> {
    if (outcome.type === 'cancelled') {
      this.closeEditor();
      return;
    }
    this.closeEditor();
    this.clearPageSelection();
    await this.loadAnnotations();
    const saved = this.annotations.find((annotation) => annotation.id === outcome.id);
    if (saved) this.lastColor = saved.color;
    this.reanchor();
  }

  private editorUrl(token: string): string {
    return this.deps.editorUrl?.(token) ?? `${browser.runtime.getURL('/note-editor.html')}#${token}`;
  }

  private async highlight(color: HighlightColor): Promise<void> {
    const toolbar = this.toolbar;
    if (!toolbar) return;
    const saved = await this.create(toolbar.text, toolbar.span, { body: '', tags: [], color });
    if (saved) {
      this.toolbar = null;
      this.clearPageSelection();
      this.render();
    } else if (this.toolbar === toolbar) {
      this.toolbar = { ...toolbar, status: 'Could not save' };
      this.render();
    }
  }

  /**
   * Saves a new annotation on the span of `text` (the text it was selected in); anchoring places it
   * in the current text and paints it at once. Null when the background refused.
   */
  private async create(text: string, span: TextSpan, draft: NoteDraft): Promise<Annotation | null> {
    this.lastColor = draft.color;
    const annotation = this.draftAnnotation(text, span, draft);
    try {
      const answer = await sendRequest(this.deps.send, { type: 'saveAnnotation', annotation });
      this.annotations = [...this.annotations.filter((a) => a.id !== answer.annotation.id), answer.annotation];
      this.reanchor();
      return answer.annotation;
    } catch (error) {
      console.warn('Lede could not save a note:', error);
      return null;
    }
  }

  private draftAnnotation(text: string, span: TextSpan, draft: NoteDraft): Annotation {
    return newAnnotation({
      id: `urn:uuid:${crypto.randomUUID()}`,
      text,
      start: span.start,
      end: span.end,
      source: this.source,
      color: draft.color,
      body: draft.body,
      tags: draft.tags,
      page: { title: this.deps.title(), site: this.deps.site },
      now: new Date(),
    });
  }

  private async copyQuote(): Promise<void> {
    const toolbar = this.toolbar;
    if (!toolbar) return;
    const text = quoteWithLink(toolbar.text.slice(toolbar.span.start, toolbar.span.end), this.deps.title(), this.source);
    let copied = false;
    try {
      await this.deps.win.navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      copied = this.ui.copyWithCommand(text);
    }
    if (this.toolbar !== toolbar) return;
    this.toolbar = { ...toolbar, status: copied ? 'Copied' : 'Could not copy' };
    this.render();
  }

  private async reattach(id: string): Promise<ReattachAnswer> {
    if (!this.enabled && !this.enableByForce()) return { status: 'no-selection' };
    const current = this.currentSelection();
    const article = this.article;
    if (!current || !article) return { status: 'no-selection' };
    const target = { source: this.source, selector: describeSpan(article.text, current.span.start, current.span.end) };
    const { annotation } = await sendRequest(this.deps.send, { type: 'updateAnnotation', id, patch: { target } });
    this.annotations = [...this.annotations.filter((a) => a.id !== annotation.id), annotation];
    this.reanchor();
    this.hideToolbar();
    this.clearPageSelection();
    return { status: 'reattached', annotation };
  }

  private clearPageSelection(): void {
    try {
      this.deps.win.getSelection()?.removeAllRanges();
    } catch {
      // Nothing to clear.
    }
  }

  // ---- Rendering -------------------------------------------------------------------------------------

  private render(): void {
    if (this.deps.ctx.isInvalid) return;
    const editor = this.editor;
    const toolbar = this.toolbar;
    if (editor) {
      this.show(<NoteFrame key={editor.token} src={this.editorUrl(editor.token)} anchor={editor.rect} />);
    } else if (toolbar) {
      this.show(
        <SelectionToolbar
          anchor={toolbar.rect}
          status={toolbar.status}
          onHighlight={(color) => void this.guardAsync(() => this.highlight(color))}
          onNote={() => this.guard(() => this.openEditor(toolbar.text, toolbar.span, toolbar.rect))}
          onCopyQuote={() => void this.guardAsync(() => this.copyQuote())}
          onDismiss={() => this.guard(() => this.dismissToolbar())}
        />,
      );
    } else {
      this.ui.hide();
    }
  }

  /** Mounting the shadow root is async; a failure there must not become an unhandled rejection. */
  private show(content: ComponentChild): void {
    this.ui.show(content).catch((error: unknown) => console.warn('Lede could not show its notes toolbar:', error));
  }

  // ---- Housekeeping ----------------------------------------------------------------------------------

  /** The page's address now and the canonical link it claims; `id` compares them cheaply, #fragment aside. */
  private currentClaim(): PageClaim {
    const { win } = this.deps;
    const href = win.location.href;
    const canonical = win.document.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]')?.href ?? null;
    return { href, canonical, id: `${href.split('#', 1)[0]}\n${canonical ?? ''}` };
  }

  /**
   * The notes key for a claim. The background decides which canonical links count (the public
   * suffix list lives there, not in this script) and for the page the browser says sent it.
   */
  private async pageKey(claim: PageClaim): Promise<string> {
    const { source } = await sendRequest(this.deps.send, { type: 'getPageKey', url: claim.href, canonical: claim.canonical });
    return source;
  }

  private dispose(): void {
    this.abort.abort();
    this.watch.stop();
    this.follower.dispose();
    this.painter.dispose();
    this.ui.remove();
    const { win } = this.deps;
    if (this.selectionTimer !== undefined) win.clearTimeout(this.selectionTimer);
    if (this.urlTimer !== undefined) win.clearTimeout(this.urlTimer);
  }

  private guard(action: () => void): void {
    try {
      action();
    } catch (error) {
      console.warn('Lede notes:', error);
    }
  }

  private async guardAsync(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      console.warn('Lede notes:', error);
    }
  }
}

