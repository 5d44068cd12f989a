// Lede's life on one page: extract, analyse (in the background), paint, show the hover cards and
// the legend, store the article, and answer the popup. The reader's notes are their own
// controller's (lib/page/notes), started once the first run has read the page. Nothing here may
// throw into the page: every entry point catches and records the error. The entrypoint passes in
// the browser: the send function, the UI hosts, the marks, the content script's lifetime.

import type { LegendProps } from '@/components/Legend';
import type { Analysis } from '@/lib/analysis/types';
import { extractArticleInSlices, type ExtractedArticle } from '@/lib/extract';
import { sendRequest, type AnalysisReport, type AnalysisStatus, type ContentRequest, type Handlers, type LedeRequest } from '@/lib/protocol/messages';
import type { HighlightApi } from '@/lib/page/paint';
import { siteOf } from '@/lib/shared/page-address';
import { idleMessage, verdictFor, type RunVerdict } from '@/lib/settings/site-switches';
import type { PageLifetime } from '@/lib/page/context/page-lifetime';
import { yieldToPage } from '@/lib/page/entities/progressive-paint';
import type { HoverCardUi } from '@/lib/page/hover/hover-card-state';
import type { NotesController } from '@/lib/page/notes/notes-controller';
import type { PageSetup } from '@/lib/protocol/run';
import { showProgressively } from './analysis-preview';
import { ArticleAnalysis } from './article-analysis';
import { EntityPaint } from './entity-paint';
import { PagePrefs } from './page-prefs';
import { PageExtras, type LegendHandle } from './page-extras';
import { ANALYZE_NOW_MARKS, FIRST_RUN_MARKS, RERUN_MARKS, type Marks, type RunMarks } from './run-marks';
import { isReadableDocument, sessionReport } from './session-report';

/** What the session lends the notes controller it makes. */
export interface NotesHooks {
  site: string;
  title: () => string;
  onArticleChanged: (extracted: ExtractedArticle) => void;
}

export interface PageSessionDeps {
  lifetime: PageLifetime;
  win: Window;
  send: (message: LedeRequest) => Promise<unknown>;
  marks: Marks;
  highlightApi: HighlightApi | null;
  hoverCardUi: () => HoverCardUi;
  mountLegend: (props: LegendProps) => Promise<LegendHandle>;
  notes: (hooks: NotesHooks) => NotesController;
  /**
   * The page setup request, sent when the script started (requestPageSetup), so its round trip
   * overlaps the session's start as well as the extraction; else it is sent on the first run.
   */
  setup?: Promise<PageSetup>;
}

export class PageSession {
  private status: AnalysisStatus = 'not-article';
  private message: string | undefined;
  private startToPaintMs: number | undefined;
  private readonly site: string;
  /** Whether Lede may run here on its own (the reader's pause and site switch), from the background. */
  private verdict: RunVerdict = 'run';
  /** Set while Lede stays idle only because of the pause or the site switch (not because of the page). */
  private idleReason: Exclude<RunVerdict, 'run'> | undefined;
  /** Counts changes of the article's text after load: only the latest one's analysis is shown. */
  private changes = 0;
  /** Settles once the page setup (preferences and verdict) arrived, or failed and defaults stand. */
  private setupLoaded: Promise<void> = Promise.resolve();
  /** Settles once the whole text's analysis (not only a preview of its opening) is shown, or failed. */
  private wholeShown: Promise<void> = Promise.resolve();
  /** Settles when the first automatic run is over; requests wait for it. */
  private ready: Promise<void> = Promise.resolve();
  private readonly paint: EntityPaint;
  private readonly extras: PageExtras;
  private readonly article: ArticleAnalysis;
  private readonly prefs: PagePrefs;
  /** The reader’s own highlights and notes: their own painter, toolbar and editor. */
  private readonly notes: NotesController;

  constructor(private readonly deps: PageSessionDeps) {
    const { lifetime, win } = deps;
    this.site = siteOf(win.location.href);
    this.paint = new EntityPaint({ win, highlightApi: deps.highlightApi, isInvalid: () => lifetime.isInvalid });
    this.extras = new PageExtras({
      lifetime,
      win,
      hoverCardUi: deps.hoverCardUi,
      mountLegend: deps.mountLegend,
      prefs: () => this.prefs.current.prefs,
      mark: (name, detail) => deps.marks.mark(name, detail),
    });
    this.article = new ArticleAnalysis({ win, send: deps.send, marks: deps.marks, paint: this.paint, extras: this.extras, prefs: () => this.prefs.current.prefs });
    const { paint, extras, article } = this;
    this.prefs = new PagePrefs({ send: deps.send, site: this.site, highlightsSupported: deps.highlightApi !== null, paint, extras, article: () => article });
    this.notes = deps.notes({ site: this.site, title: () => this.title(), onArticleChanged: (extracted) => this.articleChanged(extracted) });
    lifetime.onInvalidated(() => {
      this.paint.dispose();
      this.extras.dispose();
    });
  }

  /** The automatic run at document_idle. Expects mark('lede-start') already set. */
  start(): void {
    this.ready = this.runAutomatically().catch((error: unknown) => this.fail(error));
  }

  readonly handlers: Handlers<ContentRequest> = {
    getAnalysis: async () => {
      await this.ready;
      return this.report();
    },
    analyzeNow: async () => {
      await this.ready;
      // A one-off while paused or switched off here: the reader asked for this page.
      if (this.status === 'not-article' || this.status === 'error') {
        await this.analyzeOnRequest().catch((error: unknown) => this.fail(error));
      }
      return this.report();
    },
    setHighlightPrefs: async ({ prefs, scope }) => {
      await this.ready;
      return this.prefs.change(prefs, scope ?? this.prefs.current.scope);
    },
    revealSpan: async ({ start, end }) => {
      await this.ready;
      return { revealed: this.status === 'analyzed' && (await this.article.reveal(start, end)) };
    },
    // Notes wait for their own first load (which starts once the automatic run has read the page).
    getPageNotes: async (request) => this.ready.then(() => this.notes.handlers.getPageNotes(request)),
    notesChanged: async (request) => this.ready.then(() => this.notes.handlers.notesChanged(request)),
    reattachAnnotation: async (request) => this.ready.then(() => this.notes.handlers.reattachAnnotation(request)),
    startNote: async (request) => this.ready.then(() => this.notes.handlers.startNote(request)),
    siteSwitchesChanged: async ({ switches }) => {
      await this.ready;
      this.ready = this.switchTo(verdictFor(switches, this.site)).catch((error: unknown) => this.fail(error));
      await this.ready;
      return { ok: true };
    },
  };

  /** The reader paused Lede, or switched this site off or on: clear everything, or run again. */
  private async switchTo(verdict: RunVerdict): Promise<void> {
    const before = this.verdict;
    this.verdict = verdict;
    if (verdict !== 'run') {
      this.standDown(verdict);
      return;
    }
    if (before === 'run' || this.idleReason === undefined || this.deps.lifetime.isInvalid) return;
    this.idleReason = undefined;
    this.message = undefined;
    await this.runAutomatically(RERUN_MARKS);
  }

  /** Takes every highlight, the legend and the hover card off the page; notes (the reader's own) stay. */
  private standDown(reason: Exclude<RunVerdict, 'run'>): void {
    if (this.status === 'unsupported') return;
    this.changes += 1;
    this.paint.clear();
    this.extras.clear();
    this.article.clear();
    this.status = 'not-article';
    this.idleReason = reason;
    this.message = idleMessage(reason);
  }

  private async runAutomatically(marks: RunMarks = FIRST_RUN_MARKS): Promise<void> {
    const { win } = this.deps;
    if (!isReadableDocument(win.document)) {
      this.status = 'unsupported';
      return;
    }
    const firstRun = marks === FIRST_RUN_MARKS;
    if (firstRun) this.setupLoaded = this.loadSetup();
    else this.deps.marks.mark(marks.from);
    // Extraction starts in a task of its own: the task that loaded the script already carries its
    // compilation and evaluation, and adding the first extraction slice made it a long task.
    await yieldToPage(win);
    // The setup's round trip to the background overlaps the extraction, which hands the thread
    // back to the page every few milliseconds so a huge page never sees one long task. Between
    // slices it resumes ahead of other queued tasks (scheduler.yield), with no timer clamping.
    const extracted = await extractArticleInSlices(win.document, { yieldToPage: () => yieldToPage(win) });
    this.deps.marks.mark('lede-extracted');
    await this.runOn(extracted?.isArticle ? extracted : null, marks, firstRun);
  }

  /** The run once the page is read: idle on pages that are not articles or where the reader said so. */
  private async runOn(extracted: ExtractedArticle | null, marks: RunMarks, firstRun: boolean): Promise<void> {
    // Most pages are not articles: stay idle there, apart from asking whether the reader has notes here.
    if (!extracted) {
      this.status = 'not-article';
      if (firstRun) this.notes.begin(null);
      return;
    }
    await this.setupLoaded;
    if (this.verdict !== 'run') {
      this.status = 'not-article';
      this.idleReason = this.verdict;
      this.message = idleMessage(this.verdict);
      if (firstRun) this.notes.begin(null);
      return;
    }
    if (firstRun) this.notes.begin(extracted);
    else this.notes.articleAnalyzed(extracted);
    await this.analyzeAndPaint(extracted, marks);
  }

  /** Preferences and the run verdict in one round trip; on failure, the defaults (run, all types). */
  private async loadSetup(): Promise<void> {
    try {
      const setup = await (this.deps.setup ?? requestPageSetup(this.deps.send, this.deps.win.location.href));
      this.prefs.current = setup.prefs;
      this.prefs.legendOpen = setup.legendOpen;
      this.verdict = setup.verdict;
    } catch (error) {
      console.warn('Lede could not load its settings for this page, using defaults:', error);
    }
  }

  /** "Analyse this page" from the popup, on a page that did not look like an article. */
  private async analyzeOnRequest(): Promise<void> {
    const doc = this.deps.win.document;
    if (!isReadableDocument(doc)) {
      this.status = 'unsupported';
      return;
    }
    this.deps.marks.mark(ANALYZE_NOW_MARKS.from);
    // force: skip the extractor's cheap "not an article" exit; the reader asked for this page.
    const extracted = await extractArticleInSlices(doc, { force: true, yieldToPage: () => yieldToPage(this.deps.win) });
    if (!extracted || extracted.text.trim() === '') {
      this.status = 'not-article';
      this.message = 'Lede found no readable text on this page.';
      return;
    }
    await this.setupLoaded;
    this.notes.articleAnalyzed(extracted);
    await this.analyzeAndPaint(extracted, ANALYZE_NOW_MARKS);
  }

  /**
   * Analyse, paint with the stored preferences, time it, then show the legend and store the
   * article. A long article's opening is analysed first and painted at once (analysis-preview.ts);
   * the whole text's analysis then replaces it, and everything after painting uses only the whole.
   */
  private async analyzeAndPaint(extracted: ExtractedArticle, marks: RunMarks): Promise<void> {
    const { mark, measure } = this.deps.marks;
    const firstPaint = (): void => {
      mark(marks.painted);
      this.startToPaintMs = measure(marks.measure, marks.from, marks.painted);
    };
    let wholeDone!: () => void;
    this.wholeShown = new Promise((resolve) => (wholeDone = resolve));
    let analyzed = false;
    let painted = false;
    let shown: boolean;
    try {
      shown = await showProgressively(extracted.text, {
        analyze: async (text, preview) =>
          preview ? this.article.ofOpening(text, extracted.text) : { analysis: await this.article.of(text), whole: true },
        show: async (analysis, kind) => {
          if (!analyzed) mark('lede-analyzed');
          // The opening is painted: the benches tell the wait for the whole from Lede's own work.
          else if (kind === 'whole') mark('lede-whole-analyzed');
          analyzed = true;
          const ok = await this.show(extracted, analysis, painted ? undefined : firstPaint);
          painted ||= ok;
          return ok;
        },
      });
    } finally {
      wholeDone();
    }
    // After the mark: hover cards, the legend and storing the article are not part of getting
    // highlights on screen. Each goes in a task of its own, so none adds to the painting task.
    if (!shown) return;
    const generation = this.paint.generation;
    const stillCurrent = async (): Promise<boolean> => {
      await yieldToPage(this.deps.win);
      return generation === this.paint.generation && !this.deps.lifetime.isInvalid;
    };
    if (!(await stillCurrent())) return;
    if (this.paint.painting) this.extras.startHoverCards(this.paint.targets);
    if (!(await stillCurrent())) return;
    await this.prefs.showLegend();
    if (!(await stillCurrent())) return;
    await this.article.store({ title: this.title(), site: this.site });
    mark(marks.settled);
  }

  /** Takes the analysis as the page's and paints it; false when something newer replaced this paint. */
  private show(extracted: ExtractedArticle, analysis: Analysis, firstPaint?: () => void): Promise<boolean> {
    this.status = 'analyzed';
    this.message = undefined;
    return this.article.show(extracted, analysis, firstPaint);
  }

  /**
   * The article's text changed after load (late content, "read more", a new view in a single-page
   * app): analyse and paint again so the entity highlights match the page. The history entry and
   * the timing marks stay those of the first run.
   */
  private articleChanged(extracted: ExtractedArticle): void {
    if (this.status !== 'analyzed' || this.deps.lifetime.isInvalid) return;
    const change = ++this.changes;
    const current = (): boolean => change === this.changes && this.status === 'analyzed' && !this.deps.lifetime.isInvalid;
    void (async () => {
      // A preview is on screen: what is new is measured against the whole text's analysis, once shown.
      await this.wholeShown;
      const analysis = (await this.article.ofWhatIsNew(extracted.text)) ?? (await this.article.of(extracted.text));
      // Stood down, or a later change came, while the analysis ran: the latest change wins.
      if (!current()) return;
      if (!(await this.show(extracted, analysis))) return;
      // As after the first paint: hover cards and the legend each in a task of their own.
      await yieldToPage(this.deps.win);
      if (!current()) return;
      if (this.paint.painting) this.extras.startHoverCards(this.paint.targets);
      await yieldToPage(this.deps.win);
      if (!current()) return;
      await this.prefs.showLegend();
    })().catch((error: unknown) => console.warn('Lede could not refresh highlights after the page changed:', error));
  }

  private fail(error: unknown): void {
    this.status = 'error';
    this.message = error instanceof Error ? error.message : String(error);
    console.warn('Lede failed on this page:', error);
  }

  private title(): string {
    const { win } = this.deps;
    return this.article.title?.trim() || win.document.title.trim() || win.location.href;
  }

  private report(): AnalysisReport {
    const { status, message, startToPaintMs, idleReason } = this;
    const { analysis, text } = this.article;
    return sessionReport({
      status, message, analysis, text, startToPaintMs, idleReason,
      prefs: this.prefs.current,
      url: this.deps.win.location.href,
      title: this.title(),
      highlightsSupported: this.deps.highlightApi !== null,
    });
  }
}

/** Asks the background for this page's preferences and whether Lede runs here. */
export function requestPageSetup(send: (message: LedeRequest) => Promise<unknown>, pageUrl: string): Promise<PageSetup> {
  return sendRequest(send, { type: 'getPageSetup', site: siteOf(pageUrl) });
}
