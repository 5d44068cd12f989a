// Approximate occurrences of the normalised quote (approx-string-match, Myers' bit-parallel search:
// its cost grows with text length times errors allowed, so long texts go through the block index).
import search from 'approx-string-match';
import { contextSimilarities } from './context-similarity';
import { BLOCK, type BlockIndex } from './block-index';
import type { Candidate, PreparedQuote } from './types';

/** Characters searched either side of the expected position before widening to the whole text. */
export const NEAR_WINDOW = 256;
/** Texts up to this long are searched whole; longer ones through the block index. */
export const WHOLE_SEARCH_MAX_TEXT = 16_384;
/** Places the block index proposes for verification, most votes first. */
const MAX_INDEXED_PLACES = 16;

export interface Span {
  start: number;
  end: number;
  errors: number;
}

/** Spans of text[from, to) where `pattern` matches with the fewest errors (at most `maxErrors`). */
export function approximateSpans(text: string, pattern: string, maxErrors: number, from = 0, to = text.length): Span[] {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  if (hi - lo <= 0) return [];
  return search(text.slice(lo, hi), pattern, maxErrors).map((m) => ({ start: m.start + lo, end: m.end + lo, errors: m.errors }));
}

/**
 * Approximate spans of the quote anywhere in a long text: the block index proposes places where
 * the stored context and quote share 8-character blocks, and each place is verified with the
 * whole quote. A passage with no surviving block is not found (an orphan, never a guess).
 */
export function indexedSpans(text: string, index: BlockIndex, quote: PreparedQuote, maxErrors: number): Span[] {
  const window = quote.normPrefix + quote.normExact + quote.normSuffix;
  if (window.length < BLOCK) return approximateSpans(text, quote.normExact, maxErrors);
  const spread = maxErrors + BLOCK;
  const starts = index.likelyQuoteStarts(window, quote.normPrefix.length, spread, MAX_INDEXED_PLACES);
  const length = quote.normExact.length;
  return starts.flatMap((s) => approximateSpans(text, quote.normExact, maxErrors, s - spread, s + spread + length + spread));
}

/** Keep one span per place: overlapping spans are the same passage, and the fewest errors wins. */
function distinctPlaces(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.errors - b.errors);
  const places: Span[] = [];
  for (const span of sorted) {
    const last = places[places.length - 1];
    if (last && span.start < last.end) {
      if (span.errors < last.errors) places[places.length - 1] = span;
      continue;
    }
    places.push(span);
  }
  return places;
}

/** Score approximate spans as candidates (quote similarity from the error count, context compared). */
export function scoreSpans(text: string, quote: PreparedQuote, spans: Span[]): Candidate[] {
  const length = quote.normExact.length;
  return distinctPlaces(spans).map((s) => ({
    start: s.start,
    end: s.end,
    quoteSimilarity: 1 - s.errors / length,
    ...contextSimilarities(text, s.start, s.end, quote.normPrefix, quote.normSuffix),
  }));
}
