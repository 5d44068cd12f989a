// Selectors for a span of the article text: what the note stores so it can find its words again.
import type { TextPositionSelector, TextQuoteSelector } from '../notes/annotation';

/** Characters of context kept either side of the quote (enough to tell most repeats apart). */
export const CONTEXT_LENGTH = 32;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Describe `text.slice(start, end)` as a quote with 32 characters of context either side and as a
 * position. Offsets are clamped into the text; context never starts or ends inside a surrogate pair.
 */
export function describeSpan(
  text: string,
  start: number,
  end: number,
): [TextQuoteSelector, TextPositionSelector] {
  const clamp = (n: number): number => (Number.isFinite(n) ? Math.max(0, Math.min(text.length, Math.trunc(n))) : 0);
  const s = clamp(Math.min(start, end));
  const e = clamp(Math.max(start, end));
  let prefixStart = Math.max(0, s - CONTEXT_LENGTH);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart -= 1;
  let suffixEnd = Math.min(text.length, e + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd += 1;
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(s, e),
      prefix: text.slice(prefixStart, s),
      suffix: text.slice(e, suffixEnd),
    },
    { type: 'TextPositionSelector', start: s, end: e },
  ];
}
