// The analysis in force on this page and what hangs on it: asking the background to analyse a text
// (or only the blocks added to it), taking an analysis as the page's and painting it, revealing one
// of its spans, and storing the article's summary in the reader's history.

import type { Analysis } from '@/lib/analysis/types';
import { summarizeArticle } from '@/lib/cards/article-summary';
import { bodyFingerprint } from '@/lib/notes/body-fingerprint';
import { declaredPublished, rangeFor, type ExtractedArticle, type TextSegment } from '@/lib/extract';
import type { HighlightType } from '@/lib/page/highlight-types';
import { findInsertion, mergeInsertion } from '@/lib/background/incremental-analysis';
import { sendRequest, type LedeRequest } from '@/lib/protocol/messages';
import { textFingerprint } from '@/lib/shared/text-hash';
import { countsByType } from '@/lib/page/paint';
import type { Box } from '@/lib/page/legend-placement';
import type { HighlightPrefs } from '@/lib/settings/highlight-prefs';
import type { EntityPaint } from './entity-paint';
import type { PageExtras } from './page-extras';
import type { Marks } from './run-marks';

export interface ArticleAnalysisDeps {
  win: Window;
  send: (message: LedeRequest) => Promise<unknown>;
  marks: Marks;
  paint: EntityPaint;
  extras: PageExtras;
  prefs: () => HighlightPrefs;
}

const NO_COUNTS: Record<HighlightType, number> = { person: 0, place: 0, organization: 0, quote: 0, reported: 0 };

export class ArticleAnalysis {
  analysis: Analysis | undefined;
  text: string | undefined;
  private segments: readonly TextSegment[] = [];
  /** The extractor's title of the article shown, if it found one. */
  title: string | null = null;
  counts: Record<HighlightType, number> = { ...NO_COUNTS };

  constructor(private readonly deps: ArticleAnalysisDeps) {}

  /**
   * The box, in the viewport, of the element holding the article's text (from its first to its
   * last text node), so the legend can keep off it; null before anything was extracted.
   */
  bodyBox(): Box | null {
    const first = this.segments[0]?.node;
    const last = this.segments.at(-1)?.node;
    if (!first?.isConnected || !last?.isConnected) return null;
    const range = first.ownerDocument.createRange();
    range.setStartBefore(first);
    range.setEndAfter(last);
    const container = range.commonAncestorContainer;
    const element = container.nodeType === Node.ELEMENT_NODE ? (container as Element) : container.parentElement;
    return element?.getBoundingClientRect() ?? null;
  }

  /**
   * The background analyses every text: off the page's main thread, with its analyser already
   * loaded and warm (a content script would load the model on every page), and with a cache of
   * recent analyses. Measured faster than analysing in the page even for short articles (docs/development.md,
   * "How a page is analysed"); and the content script stays small, since it carries no analyser.
   */
  async of(text: string): Promise<Analysis> {
    const { analysis } = await sendRequest(this.deps.send, { type: 'analyzeText', url: this.deps.win.location.href, text });
    return analysis;
  }

  /**
   * The analysis of `opening`, the start of `text`, to paint first (not cached); or, when the
   * background holds the whole text's analysis already (a reload or a revisit), that one, with
   * `whole` set. The whole text travels only as its fingerprint.
   */
  async ofOpening(opening: string, text: string): Promise<{ analysis: Analysis; whole: boolean }> {
    const request = { type: 'analyzeText', url: this.deps.win.location.href, text: opening, preview: true, whole: textFingerprint(text) } as const;
    const { analysis, whole } = await sendRequest(this.deps.send, request);
    return { analysis, whole: whole === true };
  }

  /**
   * When the new text is the old one with whole blocks added in one place (late paragraphs, "read
   * more"), only those blocks are analysed and merged into the analysis in force; null otherwise.
   */
  async ofWhatIsNew(text: string): Promise<Analysis | null> {
    const previous = this.analysis;
    const before = this.text;
    if (!previous || before === undefined) return null;
    const insertion = findInsertion(before, text);
    if (!insertion) return null;
    const block = await this.of(text.slice(insertion.block.start, insertion.block.end));
    this.deps.marks.mark('lede-block-analyzed');
    return mergeInsertion(previous, block, insertion, text);
  }

  /**
   * Takes the analysis as the page's and paints it. `firstPaint` runs once the first highlights are
   * on screen. False when something newer replaced this paint before it finished.
   */
  show(extracted: ExtractedArticle, analysis: Analysis, firstPaint?: () => void): Promise<boolean> {
    this.analysis = analysis;
    this.text = extracted.text;
    this.segments = extracted.segments;
    this.title = extracted.title;
    this.counts = countsByType(analysis);
    this.deps.extras.setArticle(analysis, extracted.text);
    return this.deps.paint.paint(extracted.segments, analysis, this.deps.prefs, firstPaint);
  }

  /** Whether any entity or quote was found (the legend shows only then). */
  get found(): boolean {
    return Object.values(this.counts).some((count) => count > 0);
  }

  /** Scrolls a span of the text into view and flashes it. False if it maps onto nothing here. */
  async reveal(start: number, end: number): Promise<boolean> {
    if (this.text === undefined || end > this.text.length) return false;
    let range: Range;
    try {
      range = rangeFor(this.deps.win.document, this.segments, start, end);
    } catch {
      return false;
    }
    if (range.collapsed) return false;
    return this.deps.extras.reveal(range);
  }

  /** The article's summary for the reader's history (the popup and library read it from there). */
  async store(page: { title: string; site: string }): Promise<void> {
    if (!this.analysis || !this.text) return;
    const published = declaredPublished(this.deps.win.document);
    const article = summarizeArticle({ url: this.deps.win.location.href, ...page, published }, this.analysis, this.text);
    // What else names this article (the background keeps only links within the page's site).
    const link = (rel: string): string | undefined =>
      this.deps.win.document.querySelector<HTMLLinkElement>(`link[rel~="${rel}"][href]`)?.href || undefined;
    const canonical = link('canonical');
    const amphtml = link('amphtml');
    const textHash = bodyFingerprint(this.text);
    if (canonical) article.canonical = canonical;
    if (amphtml) article.amphtml = amphtml;
    if (textHash) article.textHash = textHash;
    await sendRequest(this.deps.send, { type: 'articleAnalyzed', article }).catch((error: unknown) =>
      console.warn('Lede could not store this article:', error),
    );
  }

  /** Lede stands down: no analysis in force, nothing counted. */
  clear(): void {
    this.analysis = undefined;
    this.text = undefined;
    this.counts = { ...NO_COUNTS };
  }
}
