// Turning stored selectors and the page text into the forms the matcher works on.
import type { Selector, TextPositionSelector, TextQuoteSelector } from '../notes/annotation';
import { BlockIndex } from './block-index';
import { normalizeForMatching, normalizeString, type NormalizedText } from './normalize';
import type { PreparedQuote, PreparedText } from './types';

/** Normalise the page text once for anchoring many notes. */
export function prepareText(text: string): PreparedText {
  let norm: NormalizedText | undefined;
  let index: BlockIndex | undefined;
  return {
    original: text,
    // Most notes anchor at their stored position: build these only when one has to search.
    get norm(): NormalizedText {
      norm ??= normalizeForMatching(text);
      return norm;
    },
    get index(): BlockIndex {
      index ??= new BlockIndex(this.norm.text);
      return index;
    },
  };
}

function isQuoteSelector(s: unknown): s is TextQuoteSelector {
  const q = s as Partial<TextQuoteSelector> | null;
  return !!q && q.type === 'TextQuoteSelector' && typeof q.exact === 'string';
}

/** A usable stored position: whole, non-negative offsets in order (anything else is ignored). */
export function isPositionSelector(s: unknown): s is TextPositionSelector {
  const p = s as Partial<TextPositionSelector> | null;
  return (
    !!p && p.type === 'TextPositionSelector' && Number.isInteger(p.start) && Number.isInteger(p.end) &&
    p.start! >= 0 && p.end! >= p.start!
  );
}

/** The note's quote (required) and position (optional), normalised; undefined without a quote. */
export function prepareQuote(selectors: readonly Selector[]): PreparedQuote | undefined {
  const quote = selectors.find(isQuoteSelector);
  if (!quote) return undefined;
  const position = selectors.find(isPositionSelector);
  const prefix = typeof quote.prefix === 'string' ? quote.prefix : '';
  const suffix = typeof quote.suffix === 'string' ? quote.suffix : '';
  return {
    exact: quote.exact,
    prefix,
    suffix,
    normExact: normalizeString(quote.exact),
    normPrefix: normalizeString(prefix),
    normSuffix: normalizeString(suffix),
    position: position ? { start: position.start, end: position.end } : undefined,
  };
}

