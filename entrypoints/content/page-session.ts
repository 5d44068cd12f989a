import { browser } from 'wxt/browser';
import type { ContentScriptContext } from '#imports';
import { analyzeText } from '@/lib/analysis/analyze';
import type { Analysis } from '@/lib/analysis/types';
import { summarizeArticle } from '@/lib/article-summary';
import { extractArticle, rangeFor, type ExtractedArticle, type TextSegment } from '@/lib/extract';
import type { HighlightType } from '@/lib/highlight-types';
import { sendRequest, type AnalysisReport, type AnalysisStatus, type ContentRequest, type Handlers, type LedeRequest } from '@/lib/messages';
import { buildEntityCards, type EntityCard } from '@/lib/cards';
import { countsByType, findHighlightApi, HighlightPainter, type RangesByType } from '@/lib/paint';
import { entityHoverCard, quoteHoverCard, type HoverCardModel } from '@/components/hovercard/model';
import { DEFAULT_PREFS, siteOf, type HighlightPrefs, type PrefsScope, type ResolvedPrefs } from '@/lib/settings';
import type { LegendProps } from '@/components/Legend';
import { HoverController } from './hover-controller';
import { mountLegend, type LegendHandle } from './legend-ui';
import { NotesController } from './notes-controller';
import { paintedTargets, rangesOfTargets, targetsInReadingOrder, type PaintedTarget } from './painted-targets';
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
  private readonly historyCache = new Map<string, Promise<number | undefined>>();
  private hover: HoverController | null = null;
  private flasher: Flasher | null = null;
  private articleTitle: string | null = null;
  private startToPaintMs: number | undefined;
  private prefs: ResolvedPrefs = { prefs: { ...DEFAULT_PREFS }, scope: 'global' };
  private painter: HighlightPainter | null = null;
  private legend: LegendHandle | null = null;
  private counts: Record<HighlightType, number> = { person: 0, place: 0, organization: 0, quote: 0 };
  private readonly highlightApi = findHighlightApi(globalThis);
  private readonly site = siteOf(location.href);
  /** Settles when the first automatic run is over; requests wait for it. */
  private ready: Promise<void> = Promise.resolve();
  /** The reader's own highlights and notes (issue 4): their own painter, toolbar and editor. */
  private readonly notes: NotesController;

  constructor(private readonly ctx: ContentScriptContext) {
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
      this.flasher?.clear();
    });
  }

  /** The automatic run at document_idle. Expects performance.mark('lede-start') already set. */
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
  };

  private async runAutomatically(): Promise<void> {
    if (!isReadableDocument(document)) {
      this.status = 'unsupported';
      return;
    }
    const extracted = extractArticle(document);
    // Most pages are not articles: stay idle there, apart from asking whether the reader has notes here.
    if (!extracted?.isArticle) {
      this.status = 'not-article';
      this.notes.begin(null);
      return;
    }
    this.notes.begin(extracted);
    await this.analyzeAndPaint(extracted, { from: 'lede-start', painted: 'lede-painted', measure: 'lede-time-to-highlights' });
  }

  /** "Analyse this page" from the popup, on a page that did not look like an article. */
  private async analyzeOnRequest(): Promise<void> {
    if (!isReadableDocument(document)) {
      this.status = 'unsupported';
      return;
    }
    performance.mark('lede-analyze-now');
    // force: skip the extractor's cheap "not an article" exit; the reader asked for this page.
    const extracted = extractArticle(document, { force: true });
    if (!extracted || extracted.text.trim() === '') {
      this.status = 'not-article';
      this.message = 'Lede found no readable text on this page.';
      return;
    }
    this.notes.articleAnalyzed(extracted);
    await this.analyzeAndPaint(extracted, {
      from: 'lede-analyze-now',
      painted: 'lede-analyze-now-painted',
      measure: 'lede-analyze-now-to-highlights',
    });
  }

  /** Analyse, paint with the stored preferences, time it, then show the legend and store the article. */
  private async analyzeAndPaint(extracted: ExtractedArticle, marks: { from: string; painted: string; measure: string }): Promise<void> {
    // Ask for the stored preferences first; the answer arrives while the analysis runs.
    const prefsLoaded = this.loadPrefs();
    const ranges = this.analyze(extracted);
    this.prefs = await prefsLoaded;
    this.paint(ranges);
    performance.mark(marks.painted);
    this.startToPaintMs = performance.measure(marks.measure, marks.from, marks.painted).duration;
    // After the mark: hover cards are not part of getting highlights on screen.
    if (this.painter) this.startHoverCards();
    await this.finishRun();
  }

  private analyze(extracted: ExtractedArticle): RangesByType {
    const analysis = analyzeText(extracted.text);
    this.analysis = analysis;
    this.text = extracted.text;
    this.segments = extracted.segments;
    this.cardsById = null;
    this.articleTitle = extracted.title;
    this.counts = countsByType(analysis);
    // One Range per span, shared by the painter, the hover card and keyboard navigation.
    const targets = paintedTargets(document, extracted.segments, analysis);
    this.targets = targetsInReadingOrder(targets);
    return rangesOfTargets(targets);
  }

  private paint(ranges: RangesByType): void {
    this.status = 'analyzed';
    this.message = undefined;
    if (!this.highlightApi) return;
    this.painter?.clear();
    this.painter = new HighlightPainter(this.highlightApi, ranges);
    this.painter.apply(this.prefs.prefs);
  }

  /**
   * The article's text changed after load (late content, "read more", a new view in a single-page
   * app): analyse and paint again so the entity highlights match the page. The history entry and
   * the timing marks stay those of the first run.
   */
  private articleChanged(extracted: ExtractedArticle): void {
    if (this.status !== 'analyzed' || this.ctx.isInvalid) return;
    try {
      this.paint(this.analyze(extracted));
      if (this.painter) this.startHoverCards();
      void this.showLegend();
    } catch (error) {
      console.warn('Lede could not refresh highlights after the page changed:', error);
    }
  }

  /** Hover cards and keyboard navigation, once something is painted; a failure here leaves the highlights be. */
  private startHoverCards(): void {
    this.hover?.dispose();
    this.hover = null;
    if (this.targets.length === 0 || this.ctx.isInvalid) return;
    this.flasher ??= new Flasher(window, this.highlightApi);
    try {
      this.hover = new HoverController({
        ctx: this.ctx,
        win: window,
        targets: this.targets,
        flasher: this.flasher,
        isShown: (type) => this.prefs.prefs[type],
        modelFor: (target) => this.hoverModel(target),
        historyFor: (model) => this.alsoIn(model),
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

  /** How many other articles the reader has seen mention this entity; asked once per name per page. */
  private alsoIn(model: HoverCardModel): Promise<number | undefined> {
    if (!model.entityId) return Promise.resolve(undefined);
    let answer = this.historyCache.get(model.name);
    if (!answer) {
      answer = sendRequest(toBackground, { type: 'getEntityHistory', names: [model.name], excludeUrl: location.href })
        .then(({ histories }) => histories[0]?.total)
        .catch(() => undefined);
      this.historyCache.set(model.name, answer);
    }
    return answer;
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
    this.flasher ??= new Flasher(window, this.highlightApi);
    try {
      await revealRange(window, range, this.flasher);
    } catch (error) {
      console.warn('Lede could not scroll to that part of the page:', error);
      return false;
    }
    return true;
  }

  private async finishRun(): Promise<void> {
    await this.showLegend();
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

  private async loadPrefs(): Promise<ResolvedPrefs> {
    try {
      return await sendRequest(toBackground, { type: 'getHighlightPrefs', site: this.site });
    } catch (error) {
      console.warn('Lede could not load highlight preferences, using defaults:', error);
      return this.prefs;
    }
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
    return report;
  }
}

/** Lede reads HTML documents with a body; images, XML and plain text are left alone. */
function isReadableDocument(doc: Document): boolean {
  return doc.body !== null && /^(text\/html|application\/xhtml\+xml)$/.test(doc.contentType);
}
