// The reader's notes on this page: load them from the background, anchor them in the article
// text, paint them, keep them anchored while the page changes, and let the reader make new ones
// from a selection (toolbar, keyboard shortcut, context menu). Note text lives only in memory
// here and in Lede's own frame and layers: never in the page's DOM, attributes, storage, messages
// or the shared CSS highlight registry. Notes are painted in a closed layer (note-layer.ts); the
// reader writes a note in an extension frame (entrypoints/note-editor), so the page's listeners
// never hear a key of it. Every entry point catches its own errors: nothing may throw into the page.
//
// This class wires the pieces: AnchoringDriver (notes and where they land), ArticleWatch (page
// changes), SelectionTracker and Toolbar (the reader's selection), EditorChannel (the editor
// frame) and NoteMaker (saving). The content script passes in everything that needs the browser.

import { extractArticle, type ExtractedArticle } from '@/lib/extract';
import type { Handlers, NotesContentRequest } from '@/lib/protocol/messages';
import type { EditorOutcome } from '@/lib/protocol/note-editor-port';
import { giveFocusBack } from '@/lib/page/context/focus';
import { guardWith } from '@/lib/page/context/guard';
import type { PageLifetime, UrlWatch } from '@/lib/page/context/page-lifetime';
import { AnchoringDriver } from './anchoring-driver';
import { ArticleWatch } from './article-watch';
import { EditorChannel, type EditorPort } from './editor-channel';
import { NoteLayer, type NoteSurface } from './note-layer';
import { NoteMaker } from './note-maker';
import { NotePainter } from './note-painter';
import { NotesClient, type SendToBackground } from './notes-client';
import type { NotesUi, NotesView } from './notes-view';
import { currentClaim } from './page-claim';
import { clearPageSelection, selectionIn, selectionRect, SelectionTracker, type ArticleSelection } from './selection-tracker';
import { Toolbar } from './toolbar-state';

export interface NotesControllerDeps {
  lifetime: PageLifetime;
  win: Window;
  /** The notes UI's closed shadow root (entrypoints/content/notes-ui.tsx). */
  ui: NotesUi;
  /** Where notes are painted; Lede's closed note layer unless a test gives another. */
  surface?: NoteSurface;
  /** The note editor page's URL for a token (runtime.getURL in the content script). */
  editorUrl: (token: string) => string;
  /** Opens the channel to the editor frame (runtime.connect in the content script). */
  connect: (name: string) => EditorPort;
  send: SendToBackground;
  watchUrl: UrlWatch;
  site: string;
  /** The article's title, for the note's page info and the copied quote. */
  title: () => string;
  /** The article's text changed after a DOM change (late content, a new view): entities may follow. */
  onArticleChanged?: (extracted: ExtractedArticle) => void;
}

const { guard, guardAsync } = guardWith('Lede notes:');

export class NotesController {
  /** True where Lede analysed the page, the page has notes, or the reader asked for a note. */
  private enabled = false;
  private loaded: Promise<void> = Promise.resolve();
  private readonly abort = new AbortController();
  private readonly client: NotesClient;
  private readonly anchoring: AnchoringDriver;
  private readonly watch: ArticleWatch;
  private readonly selections: SelectionTracker;
  private readonly toolbar: Toolbar;
  private readonly editor: EditorChannel;
  private readonly maker: NoteMaker;

  constructor(private readonly deps: NotesControllerDeps) {
    const { win, lifetime, ui } = deps;
    const signal = this.abort.signal;
    this.client = new NotesClient(deps.send);
    this.anchoring = new AnchoringDriver({
      client: this.client,
      painter: new NotePainter(deps.surface ?? new NoteLayer(win)),
      doc: win.document,
      isInvalid: () => lifetime.isInvalid,
      claimId: currentClaim(win).id,
    });
    this.watch = new ArticleWatch({
      lifetime, win, watchUrl: deps.watchUrl, guard,
      active: () => this.enabled,
      claimChanged: () => currentClaim(win).id !== this.anchoring.claimId,
      onFollowed: (extracted) => this.articleFollowed(extracted),
      onClaimSettled: () => void guardAsync(() => this.reloadForClaim()),
    });
    this.toolbar = new Toolbar({ win, signal, guard, ui, editorOpen: () => this.editor.open !== null, render: () => this.render() });
    this.selections = new SelectionTracker({ win, signal, guard, isOwnUi: (target) => ui.contains(target), onSettled: () => this.selectionSettled() });
    this.editor = new EditorChannel({ connect: deps.connect, onOutcome: (outcome) => void guardAsync(() => this.editorDone(outcome)) });
    this.maker = new NoteMaker({ client: this.client, anchoring: this.anchoring, win, ui, site: deps.site, title: deps.title });
    lifetime.onInvalidated(() => this.dispose());
  }

  /**
   * The page session's first run has read the page: `extracted` is the article Lede is analysing,
   * or null on a page it left alone. Loads this page's notes; where there are some, a page Lede left alone is
   * read anyway (force) so they can be painted.
   */
  begin(extracted: ExtractedArticle | null): void {
    this.loaded = guardAsync(async () => {
      // The key first: a note made here is filed under it.
      await guardAsync(() => this.anchoring.load(currentClaim(this.deps.win)));
      if (extracted) this.enable(extracted);
      if (this.anchoring.hasNotes && !this.enabled) this.enableByForce();
      this.anchoring.reanchor();
    });
  }

  /** The reader asked to analyse this page (analyzeNow): notes can be made here from now on. */
  articleAnalyzed(extracted: ExtractedArticle): void {
    guard(() => {
      this.enable(extracted);
      this.anchoring.reanchor();
    });
  }

  readonly handlers: Handlers<NotesContentRequest> = {
    getPageNotes: async () => {
      await this.loaded;
      return this.anchoring.pageNotes();
    },
    notesChanged: async () => {
      await this.loaded;
      await guardAsync(async () => {
        await this.anchoring.load(currentClaim(this.deps.win));
        if (this.anchoring.hasNotes && !this.enabled) this.enableByForce();
        this.anchoring.reanchor();
      });
      return { ok: true };
    },
    reattachAnnotation: async ({ id }) => {
      await this.loaded;
      if (!this.enabled && !this.enableByForce()) return { status: 'no-selection' };
      const answer = await this.maker.reattach(id, this.currentSelection());
      if (answer.status === 'reattached') {
        this.toolbar.hide();
        clearPageSelection(this.deps.win);
      }
      return answer;
    },
    startNote: async () => {
      await this.loaded;
      return { ok: this.startNoteOnSelection() };
    },
  };

  // ---- The article ---------------------------------------------------------------------------------

  private enable(extracted: ExtractedArticle): void {
    this.anchoring.setArticle(extracted);
    this.enabled = true;
    this.selections.start();
    this.toolbar.start();
    this.watch.follow(extracted);
  }

  /** Reads the page even though it did not look like an article; false when it has no text at all. */
  private enableByForce(): boolean {
    const extracted = extractArticle(this.deps.win.document, { force: true });
    if (!extracted || extracted.text.trim() === '') return false;
    this.enable(extracted);
    return true;
  }

  /** The follower read the changes; re-anchors and repaints when the text changed, repaints when only its nodes did. */
  private articleFollowed(extracted: ExtractedArticle | null): void {
    const before = this.anchoring.article?.text ?? null;
    const readable = extracted && extracted.text.trim() !== '' ? extracted : null;
    this.anchoring.setArticle(readable);
    if (readable && readable.text === before) {
      this.anchoring.repaint();
      return;
    }
    this.toolbar.hide();
    this.anchoring.reanchor();
    if (readable) this.deps.onArticleChanged?.(readable);
  }

  /** The address or canonical link changed: a new notes key means this view's notes instead. */
  private async reloadForClaim(): Promise<void> {
    const claim = currentClaim(this.deps.win);
    if (claim.id === this.anchoring.claimId) return;
    const source = await this.client.pageKey(claim);
    this.anchoring.claimId = claim.id;
    if (source === this.anchoring.source) return;
    this.closeEditor();
    this.toolbar.hide();
    await this.anchoring.load(claim);
    if (this.enabled) this.reextractQuietly();
    else if (this.anchoring.hasNotes) this.enableByForce();
    this.anchoring.reanchor();
  }

  /** Re-extraction for a new view: the notes are re-anchored by the caller. */
  private reextractQuietly(): void {
    const extracted = extractArticle(this.deps.win.document, { force: true });
    const before = this.anchoring.article?.text;
    const readable = extracted && extracted.text.trim() !== '' ? extracted : null;
    this.anchoring.setArticle(readable);
    this.watch.follow(readable);
    if (readable && readable.text !== before) this.deps.onArticleChanged?.(readable);
  }

  // ---- Selections and the editor -------------------------------------------------------------------

  private currentSelection(): ArticleSelection | null {
    return selectionIn(this.deps.win, this.anchoring.article);
  }

  private selectionSettled(): void {
    if (!this.enabled || this.editor.open || this.deps.lifetime.isInvalid) return;
    this.toolbar.follow(this.currentSelection());
  }

  /** The keyboard shortcut or context menu: open the editor on the selection (reading the page first if need be). */
  private startNoteOnSelection(): boolean {
    try {
      if (!this.enabled && !this.enableByForce()) return false;
      const current = this.currentSelection();
      if (!current) return false;
      this.openEditor(current, selectionRect(current.range));
      return true;
    } catch (error) {
      console.warn('Lede could not start a note:', error);
      return false;
    }
  }

  private openEditor(selection: ArticleSelection, rect: NotesView['anchor']): void {
    const active = this.deps.win.document.activeElement;
    this.toolbar.forget();
    this.closeEditor();
    // Focus inside Lede's own host is not worth going back to.
    this.editor.start(this.maker.handoff(selection), rect, active && !this.deps.ui.contains(active) ? active : null);
    this.render();
  }

  private closeEditor(): void {
    if (!this.editor.open) return;
    const hadFocus = this.deps.ui.hasFocus();
    const editor = this.editor.stop();
    this.render();
    if (hadFocus) {
      // Back to the page, where the selection still is.
      this.deps.win.focus();
      giveFocusBack(this.deps.win.document, editor?.focusBefore ?? null);
    }
  }

  /** The frame saved the note (through the background) or the reader cancelled: close it, paint a saved note. */
  private async editorDone(outcome: EditorOutcome): Promise<void> {
    this.closeEditor();
    if (outcome.type === 'cancelled') return;
    clearPageSelection(this.deps.win);
    await this.anchoring.load(currentClaim(this.deps.win));
    this.maker.savedElsewhere(outcome.id);
    this.anchoring.reanchor();
  }

  // ---- Rendering -------------------------------------------------------------------------------------

  private render(): void {
    if (this.deps.lifetime.isInvalid) return;
    const view = this.view();
    if (!view) {
      this.deps.ui.hide();
      return;
    }
    // Mounting the shadow root is async; a failure there must not become an unhandled rejection.
    this.deps.ui.show(view).catch((error: unknown) => console.warn('Lede could not show its notes toolbar:', error));
  }

  private view(): NotesView | null {
    const editor = this.editor.open;
    if (editor) return { kind: 'editor', token: editor.token, src: this.deps.editorUrl(editor.token), anchor: editor.rect };
    const toolbar = this.toolbar.state;
    if (!toolbar) return null;
    return {
      kind: 'toolbar',
      anchor: toolbar.rect,
      status: toolbar.status,
      onHighlight: (color) => void guardAsync(() => this.maker.highlight(toolbar, color, this.toolbar)),
      onNote: () => guard(() => this.openEditor(toolbar, toolbar.rect)),
      onCopyQuote: () => void guardAsync(() => this.maker.copyQuote(toolbar, this.toolbar)),
      onDismiss: () => guard(() => this.toolbar.dismiss()),
    };
  }

  private dispose(): void {
    this.abort.abort();
    this.watch.dispose();
    this.anchoring.dispose();
    this.deps.ui.remove();
    this.selections.dispose();
  }
}
