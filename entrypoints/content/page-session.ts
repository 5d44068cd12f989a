import { browser } from 'wxt/browser';
import type { ContentScriptContext } from '#imports';
import type { Analysis } from '@/lib/analysis/types';
import { showProgressively } from '@/lib/analysis-preview';
import { summarizeArticle } from '@/lib/article-summary';
import { extractArticleInSlices, rangeFor, type ExtractedArticle, type TextSegment } from '@/lib/extract';
import type { HighlightType } from '@/lib/highlight-types';
import { sendRequest, type AnalysisReport, type AnalysisStatus, type ContentRequest, type Handlers, type LedeRequest, type PageSetup } from '@/lib/messages';
import { buildEntityCards, type EntityCard } from '@/lib/cards';
import { countsByType, findHighlightApi, HighlightPainter, type RangesByType } from '@/lib/paint';
import { entityHoverCard, quoteHoverCard, type HoverCardModel } from '@/components/hovercard/model';
import { DEFAULT_PREFS, siteOf, type HighlightPrefs, type PrefsScope, type ResolvedPrefs } from '@/lib/settings';
import { idleMessage, verdictFor, type RunVerdict } from '@/lib/site-switch';
import type { LegendProps } from '@/components/Legend';
import { HoverController } from './hover-controller';
import { mountLegend, type LegendHandle } from './legend-ui';
import { mark, measure } from './marks';
import { NotesController } from './notes-controller';
import { rangesOfTargets, targetsInReadingOrder, type PaintedTarget } from './painted-targets';
import { windowedHighlightApi } from '@/lib/highlight-window';
import { findInsertion, mergeInsertion } from '@/lib/incremental-analysis';
import { inReadingOrder } from '@/lib/span-navigation';
import { mapInSlices, ONE_GO_SPAN_LIMIT, spanItems, targetOf, viewportTextOffset, yieldToPage } from './progressive-paint';
import { Flasher, revealRange } from './reveal';

const toBackground = (message: LedeRequest): Promise<unknown> => browser.runtime.sendMessage(message);

/**
 * Lede's life on one page: extract, analyse, paint, show the legend, and answer the popup.
 * Nothing here may throw into the page: every entry point catches and records the error.
 */
export class PageSession {
  private status: AnalysisStatus = 'not-article';
  private message: string | undefined;
  private analysis: Analysis | undefined;
  private text: string | undefined;
  private segments: readonly TextSegment[] = [];
  /** Every painted range with what it stands for, in reading order. */
  private targets: PaintedTarget[] = [];
  private cardsById: Map<string, EntityCard> | null = null;
  private hover: HoverController | null = null;
  private flasher: Flasher | null = null;
  private articleTitle: string | null = null;
  private startToPaintMs: number | undefined;
  private prefs: ResolvedPrefs = { prefs: { ...DEFAULT_PREFS }, scope: 'global' };
  private painter: HighlightPainter | null = null;
  private legend: LegendHandle | null = null;
  private counts: Record<HighlightType, number> = { person: 0, place: 0, organization: 0, quote: 0 };
  private readonly highlightApi = findHighlightApi(globalThis);
  /** Entity highlights register only the ranges near the viewport once there are many (lib/highlight-window.ts). */
  private readonly entityHighlights = this.highlightApi && windowedHighlightApi(this.highlightApi, window);
  private readonly site = siteOf(location.href);
  /** Whether Lede may run here on its own (the reader's pause and site switch), from the background. */
  private verdict: RunVerdict = 'run';
  /** Set while Lede stays idle only because of the pause or the site switch (not because of the page). */
  private idleReason: Exclude<RunVerdict, 'run'> | undefined;
  /** Counts changes of the article's text after load: only the latest one's analysis is shown. */
  private changes = 0;
  /** Bumped whenever what is painted is replaced or cleared: an older paint still in slices stops. */
  private paintGeneration = 0;
  /** Settles once the page setup (preferences and verdict) arrived, or failed and defaults stand. */
  private setupLoaded: Promise<void> = Promise.resolve();
  /** Settles once the whole text's analysis (not only a preview of its opening) is shown, or failed. */
  private wholeShown: Promise<void> = Promise.resolve();
  /** Settles when the first automatic run is over; requests wait for it. */
  private ready: Promise<void> = Promise.resolve();
  /** The reader’s own highlights and notes: their own painter, toolbar and editor. */
  private readonly notes: NotesController;

  /**
   * `setup`: the page setup request, sent when the script started (requestPageSetup), so its round
   * trip overlaps the session's start as well as the extraction; else it is sent on the first run.
   */
  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly setup?: Promise<PageSetup>,
  ) {
    this.notes = new NotesController({
      ctx,
      win: window,
      highlightApi: this.highlightApi,
      send: toBackground,
      site: this.site,
      title: () => this.title(),
      onArticleChanged: (extracted) => this.articleChanged(extracted),
    });
    ctx.onInvalidated(() => {
      this.painter?.clear();
      this.flasher?.dispose();
      this.entityHighlights?.dispose();
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
      return this.changePrefs(prefs, scope ?? this.prefs.scope);
    },
    revealSpan: async ({ start, end }) => {
      await this.ready;
      return { revealed: await this.reveal(start, end) };
    },
    // Notes wait for their own first load (which starts once the automatic run has read the page).
    getPageNotes: async (request) => {
      await this.ready;
      return this.notes.handlers.getPageNotes(request);
    },
    notesChanged: async (request) => {
      await this.ready;
      return this.notes.handlers.notesChanged(request);
    },
    reattachAnnotation: async (request) => {
      await this.ready;
      return this.notes.handlers.reattachAnnotation(request);
    },
    startNote: async (request) => {
      await this.ready;
      return this.notes.handlers.startNote(request);
    },
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
    if (before === 'run' || this.idleReason === undefined || this.ctx.isInvalid) return;
    this.idleReason = undefined;
    this.message = undefined;
    await this.runAutomatically(RERUN_MARKS);
  }

  /** Takes every highlight, the legend and the hover card off the page; notes (the reader's own) stay. */
  private standDown(reason: Exclude<RunVerdict, 'run'>): void {
    if (this.status === 'unsupported') return;
    this.paintGeneration += 1;
    this.changes += 1;
    this.painter?.clear();
    this.painter = null;
    this.hover?.dispose();
    this.hover = null;
    this.flasher?.clear();
    this.legend?.remove();
    this.legend = null;
    this.analysis = undefined;
    this.text = undefined;
    this.targets = [];
    this.cardsById = null;
    this.counts = { person: 0, place: 0, organization: 0, quote: 0 };
    this.status = 'not-article';
    this.idleReason = reason;
    this.message = idleMessage(reason);
  }

  private async runAutomatically(marks: RunMarks = FIRST_RUN_MARKS): Promise<void> {
    if (!isReadableDocument(document)) {
      this.status = 'unsupported';
      return;
    }
    const firstRun = marks === FIRST_RUN_MARKS;
    if (firstRun) this.setupLoaded = this.loadSetup();
    else mark(marks.from);
    // Extraction starts in a task of its own: the task that loaded the script already carries its
    // compilation and evaluation, and adding the first extraction slice made it a long task.
    await yieldToPage(window);
    // The setup's round trip to the background overlaps the extraction, which hands the thread
    // back to the page every few milliseconds so a huge page never sees one long task. Between
    // slices it resumes ahead of other queued tasks (scheduler.yield), with no timer clamping.
    const extracted = await extractArticleInSlices(document, { yieldToPage: () => yieldToPage(window) });
    mark('lede-extracted');
    // Most pages are not articles: stay idle there, apart from asking whether the reader has notes here.
    if (!extracted?.isArticle) {
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
      const setup = await (this.setup ?? requestPageSetup());
      this.prefs = setup.prefs;
      this.verdict = setup.verdict;
    } catch (error) {
      console.warn('Lede could not load its settings for this page, using defaults:', error);
    }
  }

  /** "Analyse this page" from the popup, on a page that did not look like an article. */
  private async analyzeOnRequest(): Promise<void> {
    if (!isReadableDocument(document)) {
      this.status = 'unsupported';
      return;
    }
    mark('lede-analyze-now');
    // force: skip the extractor's cheap "not an article" exit; the reader asked for this page.
    const extracted = await extractArticleInSlices(document, { force: true, yieldToPage: () => yieldToPage(window) });
    if (!extracted || extracted.text.trim() === '') {
      this.status = 'not-article';
      this.message = 'Lede found no readable text on this page.';
      return;
    }
    await this.setupLoaded;
    this.notes.articleAnalyzed(extracted);
    await this.analyzeAndPaint(extracted, {
      from: 'lede-analyze-now',
      painted: 'lede-analyze-now-painted',
      measure: 'lede-analyze-now-to-highlights',
      settled: 'lede-analyze-now-settled',
    });
  }

  /**
   * Analyse, paint with the stored preferences, time it, then show the legend and store the
   * article. A long article's opening is analysed first and painted at once (lib/analysis-preview.ts);
   * the whole text's analysis then replaces it, and everything after painting uses only the whole.
   */
  private async analyzeAndPaint(extracted: ExtractedArticle, marks: RunMarks): Promise<void> {
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
        analyze: (text, preview) => this.analysisOf(text, preview),
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
    const generation = this.paintGeneration;
    const stillCurrent = async (): Promise<boolean> => {
      await yieldToPage(window);
      return generation === this.paintGeneration && !this.ctx.isInvalid;
    };
    if (!(await stillCurrent())) return;
    if (this.painter) this.startHoverCards();
    if (!(await stillCurrent())) return;
    await this.showLegend();
    if (!(await stillCurrent())) return;
    await this.storeArticle();
    mark(marks.settled);
  }

  /**
   * The background analyses every text: off the page's main thread, with its analyser already
   * loaded and warm (a content script would load the model on every page), and with a cache of
   * recent analyses. Measured faster than analysing in the page even for short articles (README,
   * "Where Lede runs"); and the content script stays small, since it carries no analyser.
   */
  private async analysisOf(text: string, preview = false): Promise<Analysis> {
    const request = { type: 'analyzeText', url: location.href, text } as const;
    const { analysis } = await sendRequest(toBackground, preview ? { ...request, preview } : request);
    return analysis;
  }

  /**
   * Takes the analysis as the page's and paints it: in one go when it is small; else slice by
   * slice, nearest the viewport first, so no slice is a long task. `firstPaint` runs once the first
   * highlights are on screen. False when something newer replaced this paint before it finished.
   */
  private async show(extracted: ExtractedArticle, analysis: Analysis, firstPaint?: () => void): Promise<boolean> {
    const generation = ++this.paintGeneration;
    this.analysis = analysis;
    this.text = extracted.text;
    this.segments = extracted.segments;
    this.cardsById = null;
    this.articleTitle = extracted.title;
    this.counts = countsByType(analysis);
    this.status = 'analyzed';
    this.message = undefined;
    this.targets = [];
    // One Range per span, shared by the painter, the hover card and keyboard navigation.
    const items = spanItems(analysis);
    if (items.length <= ONE_GO_SPAN_LIMIT) {
      const targets = items.flatMap((item) => targetOf(document, extracted.segments, item) ?? []);
      this.targets = targetsInReadingOrder(targets);
      this.paint(rangesOfTargets(targets));
      firstPaint?.();
      return true;
    }
    let first = true;
    const targets = await mapInSlices(
      document,
      extracted.segments,
      inReadingOrder(items),
      viewportTextOffset(window, extracted.segments),
      (slice) => {
        if (first) {
          this.paint(rangesOfTargets(slice));
          firstPaint?.();
          first = false;
        } else {
          this.painter?.add(rangesOfTargets(slice));
        }
      },
      { now: () => performance.now(), yieldToPage: () => yieldToPage(window), cancelled: () => generation !== this.paintGeneration || this.ctx.isInvalid },
    );
    if (!targets) return false;
    this.targets = targets;
    return true;
  }

  private paint(ranges: RangesByType): void {
    this.painter?.clear();
    this.painter = null;
    if (!this.entityHighlights) return;
    this.painter = new HighlightPainter(this.entityHighlights, ranges);
    this.painter.apply(this.prefs.prefs);
  }

  /**
   * The article's text changed after load (late content, "read more", a new view in a single-page
   * app): analyse and paint again so the entity highlights match the page. The history entry and
   * the timing marks stay those of the first run.
   */
  private articleChanged(extracted: ExtractedArticle): void {
    if (this.status !== 'analyzed' || this.ctx.isInvalid) return;
    const change = ++this.changes;
    void (async () => {
      // A preview is on screen: what is new is measured against the whole text's analysis, once shown.
      await this.wholeShown;
      const analysis = (await this.analyzeWhatIsNew(extracted.text)) ?? (await this.analysisOf(extracted.text));
      // Stood down, or a later change came, while the analysis ran: the latest change wins.
      if (change !== this.changes || this.status !== 'analyzed' || this.ctx.isInvalid) return;
      if (!(await this.show(extracted, analysis))) return;
      // As after the first paint: hover cards and the legend each in a task of their own.
      const current = async (): Promise<boolean> => {
        await yieldToPage(window);
        return change === this.changes && this.status === 'analyzed' && !this.ctx.isInvalid;
      };
      if (!(await current())) return;
      if (this.painter) this.startHoverCards();
      if (!(await current())) return;
      await this.showLegend();
    })().catch((error: unknown) => console.warn('Lede could not refresh highlights after the page changed:', error));
  }

  /**
   * When the new text is the old one with whole blocks added in one place (late paragraphs, "read
   * more"), only those blocks are analysed and merged into the analysis in force; null otherwise.
   */
  private async analyzeWhatIsNew(text: string): Promise<Analysis | null> {
    const previous = this.analysis;
    const before = this.text;
    if (!previous || before === undefined) return null;
    const insertion = findInsertion(before, text);
    if (!insertion) return null;
    const block = await this.analysisOf(text.slice(insertion.block.start, insertion.block.end));
    mark('lede-block-analyzed');
    return mergeInsertion(previous, block, insertion, text);
  }

  /** Hover cards and keyboard navigation, once something is painted; a failure here leaves the highlights be. */
  private startHoverCards(): void {
    this.hover?.dispose();
    this.hover = null;
    if (this.targets.length === 0 || this.ctx.isInvalid) return;
    this.flasher ??= new Flasher(window);
    try {
      this.hover = new HoverController({
        ctx: this.ctx,
        win: window,
        targets: this.targets,
        flasher: this.flasher,
        isShown: (type) => this.prefs.prefs[type],
        modelFor: (target) => this.hoverModel(target),
      });
    } catch (error) {
      console.warn('Lede could not set up hover cards on this page:', error);
    }
  }

  private hoverModel(target: PaintedTarget): HoverCardModel | null {
    if (!this.analysis || this.text === undefined) return null;
    this.cardsById ??= new Map(buildEntityCards(this.analysis, this.text).map((card) => [card.id, card]));
    if (target.kind === 'quote') return quoteHoverCard(target.quote, this.cardsById, this.text);
    const card = this.cardsById.get(target.entityId);
    return card ? entityHoverCard(card) : null;
  }

  /** The popup asked to see a span: scroll it into view and flash it. False if it maps onto nothing here. */
  private async reveal(start: number, end: number): Promise<boolean> {
    if (this.status !== 'analyzed' || this.text === undefined || end > this.text.length) return false;
    let range: Range;
    try {
      range = rangeFor(document, this.segments, start, end);
    } catch {
      return false;
    }
    if (range.collapsed) return false;
    this.flasher ??= new Flasher(window);
    try {
      await revealRange(window, range, this.flasher);
    } catch (error) {
      console.warn('Lede could not scroll to that part of the page:', error);
      return false;
    }
    return true;
  }

  /** The article's summary for the reader's history (the popup and library read it from there). */
  private async storeArticle(): Promise<void> {
    if (!this.analysis || !this.text) return;
    const article = summarizeArticle(
      { url: location.href, title: this.title(), site: this.site },
      this.analysis,
      this.text,
    );
    await sendRequest(toBackground, { type: 'articleAnalyzed', article }).catch((error: unknown) =>
      console.warn('Lede could not store this article:', error),
    );
  }

  private async showLegend(): Promise<void> {
    const found = Object.values(this.counts).some((count) => count > 0);
    if (!found || this.ctx.isInvalid) return;
    const props = this.legendProps();
    try {
      if (this.legend) this.legend.update(props);
      else this.legend = await mountLegend(this.ctx, props);
    } catch (error) {
      // The highlights are painted and the popup still works; only the in-page key is missing.
      console.warn('Lede could not show its legend on this page:', error);
    }
  }

  private legendProps(): LegendProps {
    return {
      counts: this.counts,
      prefs: this.prefs.prefs,
      scope: this.prefs.scope,
      highlightsSupported: this.highlightApi !== null,
      onChange: (prefs, scope) => {
        this.changePrefs(prefs, scope).catch((error: unknown) => console.warn('Lede:', error));
      },
    };
  }

  /** Apply at once (paint and legend), then ask the background to remember. */
  private async changePrefs(prefs: HighlightPrefs, scope: PrefsScope): Promise<ResolvedPrefs> {
    this.prefs = { prefs: { ...prefs }, scope };
    this.painter?.apply(this.prefs.prefs);
    this.hover?.prefsChanged();
    this.legend?.update(this.legendProps());
    try {
      await sendRequest(toBackground, { type: 'saveHighlightPrefs', scope, site: this.site, prefs: this.prefs.prefs });
    } catch (error) {
      console.warn('Lede could not save highlight preferences:', error);
    }
    return this.prefs;
  }

  private fail(error: unknown): void {
    this.status = 'error';
    this.message = error instanceof Error ? error.message : String(error);
    console.warn('Lede failed on this page:', error);
  }

  private title(): string {
    return this.articleTitle?.trim() || document.title.trim() || location.href;
  }

  private report(): AnalysisReport {
    const report: AnalysisReport = {
      status: this.status,
      url: location.href,
      title: this.title(),
      timings: this.startToPaintMs === undefined ? {} : { startToPaintMs: this.startToPaintMs },
      highlightsSupported: this.highlightApi !== null,
      highlightPrefs: this.prefs,
    };
    if (this.status === 'analyzed' && this.analysis && this.text !== undefined) {
      report.analysis = this.analysis;
      report.text = this.text;
    }
    if (this.message) report.message = this.message;
    if (this.idleReason) report.idleReason = this.idleReason;
    return report;
  }
}

/** The performance marks of one run: where it starts, where highlights are painted, and the measure between. */
interface RunMarks {
  from: string;
  painted: string;
  measure: string;
  /** The run's last step (hover cards, legend, storing the article) is done. */
  settled: string;
}

/** The automatic run at document_idle: benches read these three names (keep them as they are). */
const FIRST_RUN_MARKS: RunMarks = { from: 'lede-start', painted: 'lede-painted', measure: 'lede-time-to-highlights', settled: 'lede-settled' };
/** Running again after the reader switched Lede back on here. */
const RERUN_MARKS: RunMarks = { from: 'lede-rerun', painted: 'lede-rerun-painted', measure: 'lede-rerun-to-highlights', settled: 'lede-rerun-settled' };

/** Asks the background for this page's preferences and whether Lede runs here. */
export function requestPageSetup(): Promise<PageSetup> {
  return sendRequest(toBackground, { type: 'getPageSetup', site: siteOf(location.href) });
}

/** Lede reads HTML documents with a body; images, XML and plain text are left alone. */
export function isReadableDocument(doc: Document): boolean {
  return doc.body !== null && /^(text\/html|application\/xhtml\+xml)$/.test(doc.contentType);
}
