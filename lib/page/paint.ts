// From an Analysis to painted highlights: spans per highlight type, spans to DOM Ranges through
// the extractor's segments, and Ranges into the CSS Custom Highlight API registry.
// The page's DOM is never modified: a highlight is a set of Ranges the browser paints over it.

import type { Analysis, Span } from '../analysis/types';
import { rangeFor, type TextSegment } from '../extract';
import { HIGHLIGHT_TYPES, emptyByType, highlightName, quoteHighlightType, type HighlightType } from './highlight-types';
import type { HighlightPrefs } from '../settings/highlight-prefs';

export type SpansByType = Record<HighlightType, Span[]>;
export type RangesByType = Record<HighlightType, Range[]>;

/** Every entity mention under its entity's type; each quote spans its words, under its kind. */
export function spansByType(analysis: Analysis): SpansByType {
  const spans: SpansByType = emptyByType<Span>();
  for (const entity of analysis.entities) {
    for (const mention of entity.mentions) spans[entity.type].push({ start: mention.start, end: mention.end });
  }
  for (const quote of analysis.quotes) spans[quoteHighlightType(quote.kind)].push({ start: quote.start, end: quote.end });
  return spans;
}

export function countsByType(analysis: Analysis): Record<HighlightType, number> {
  const counts: Record<HighlightType, number> = { person: 0, place: 0, organization: 0, quote: 0, reported: 0 };
  for (const entity of analysis.entities) counts[entity.type] += 1;
  for (const quote of analysis.quotes) counts[quoteHighlightType(quote.kind)] += 1;
  return counts;
}

/**
 * Ranges per type. A span that maps onto no text, or whose nodes changed after extraction
 * (setStart throws on an offset past a shrunken node), is skipped; the rest still paint.
 */
export function rangesByType(doc: Document, segments: readonly TextSegment[], spans: SpansByType): RangesByType {
  const ranges: RangesByType = emptyByType<Range>();
  for (const type of HIGHLIGHT_TYPES) {
    for (const span of spans[type]) {
      try {
        const range = rangeFor(doc, segments, span.start, span.end);
        if (!range.collapsed) ranges[type].push(range);
      } catch {
        // The DOM moved on since extraction: skip this span.
      }
    }
  }
  return ranges;
}

// ---- The CSS Custom Highlight API -------------------------------------------------------------

/** The part of `CSS.highlights` Lede uses. */
export interface HighlightRegistryLike {
  set(name: string, highlight: never): unknown;
  delete(name: string): boolean;
}

/** A registered highlight: its priority, and (in browsers) `add` to paint one more range. */
export interface HighlightLike {
  priority: number;
  add?(range: Range): unknown;
}

export interface HighlightApi {
  registry: HighlightRegistryLike;
  create(ranges: Range[]): HighlightLike;
}

/** The API where the browser has it, else null (paint nothing, throw nothing). */
export function findHighlightApi(scope: typeof globalThis): HighlightApi | null {
  const css = (scope as { CSS?: { highlights?: HighlightRegistryLike } }).CSS;
  const HighlightClass = (scope as { Highlight?: new (...ranges: Range[]) => HighlightLike }).Highlight;
  if (!css?.highlights || typeof HighlightClass !== 'function') return null;
  return { registry: css.highlights, create: (ranges) => new HighlightClass(...ranges) };
}

/**
 * Entities paint above quotes: a quote is an underline and a name inside it keeps its tint.
 * (Highlights of equal priority stack in registration order, which is not something to rely on.)
 */
const PRIORITY: Record<HighlightType, number> = { reported: 0, quote: 0, person: 1, place: 1, organization: 1 };

/** Owns Lede's registry entries on one page, one per highlight type. */
export class HighlightPainter {
  /** The highlights registered now, by type (disabled types have none). */
  private readonly live = new Map<HighlightType, HighlightLike>();
  private prefs: HighlightPrefs | null = null;

  constructor(
    private readonly api: HighlightApi,
    private readonly ranges: RangesByType,
  ) {}

  /** Registers enabled types (even with no ranges, so the registry shows Lede ran) and removes disabled ones. */
  apply(prefs: HighlightPrefs): void {
    this.prefs = { ...prefs };
    this.live.clear();
    for (const type of HIGHLIGHT_TYPES) {
      const name = highlightName(type);
      if (prefs[type]) {
        const highlight = this.api.create(this.ranges[type]);
        highlight.priority = PRIORITY[type];
        this.api.registry.set(name, highlight as never);
        this.live.set(type, highlight);
      } else {
        this.api.registry.delete(name);
      }
    }
  }

  /**
   * Paints more ranges (a huge page painted slice by slice) without rebuilding what is painted:
   * each is added to its live highlight; where a highlight can't add, the types are registered again.
   */
  add(more: RangesByType): void {
    let rebuild = false;
    for (const type of HIGHLIGHT_TYPES) {
      const highlight = this.live.get(type);
      for (const range of more[type]) {
        this.ranges[type].push(range);
        if (highlight?.add) highlight.add(range);
        else if (highlight) rebuild = true;
      }
    }
    if (rebuild && this.prefs) this.apply(this.prefs);
  }

  clear(): void {
    for (const type of HIGHLIGHT_TYPES) this.api.registry.delete(highlightName(type));
    this.live.clear();
  }
}
