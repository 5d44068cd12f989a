// Typography-blind text for matching, with a map back to the original's UTF-16 offsets.
// Publishers re-typeset articles (curly quotes, non-breaking spaces, dashes, soft hyphens) without
// changing the words; matching on this form lets such an edit re-anchor exactly.

/**
 * A normalised copy of a text. Most characters keep their offset; `edits` lists the places where
 * the normalised text differs in length (collapsed whitespace runs, dropped invisible characters,
 * expanded ellipses), in order, so offsets map both ways by binary search.
 */
export interface NormalizedText {
  text: string;
  /** Length of the original text. */
  originalLength: number;
  /** Per edit: normalised offset, original offset, normalised length, original length. */
  edits: { normAt: Int32Array; origAt: Int32Array; normLength: Int32Array; origLength: Int32Array };
}

/** Invisible characters that only affect line breaking or joining: dropped. */
const INVISIBLE = '\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff';
/** Whitespace besides the plain space: NBSP and the other Unicode spaces, tabs and line breaks. */
const OTHER_SPACES = '\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000';

/** One-for-one replacements: every quotation mark, apostrophe and dash to its ASCII form. */
const ONE_FOR_ONE = new Map<string, string>();
for (const c of '\u2018\u2019\u201a\u201b\u2032\u00b4\u2039\u203a') ONE_FOR_ONE.set(c, "'");
for (const c of '\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb') ONE_FOR_ONE.set(c, '"');
for (const c of '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d') ONE_FOR_ONE.set(c, '-');
const ONE_FOR_ONE_CLASS = [...ONE_FOR_ONE.keys()].join('');

/**
 * Everything that changes, in one pass: any run of whitespace and invisible characters other than
 * a lone plain space (it becomes one space, or nothing if it held no whitespace), an ellipsis
 * character (three full stops read the same), and the one-for-one replacements.
 */
const CHANGES = new RegExp(
  `[ ${OTHER_SPACES}${INVISIBLE}]{2,}|[${OTHER_SPACES}${INVISIBLE}]|\u2026|[${ONE_FOR_ONE_CLASS}]`,
  'g',
);
const HAS_SPACE = new RegExp(`[ ${OTHER_SPACES}]`);

export function isWhitespace(code: number): boolean {
  return (
    code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000
  );
}

/**
 * Normalise `text` for matching: typographic quotes, apostrophes and dashes become ASCII, every
 * run of whitespace (NBSP and the other Unicode spaces included) becomes one space, and
 * zero-width characters and soft hyphens disappear. Case and letters are kept. One native
 * regular-expression pass that only calls back where something changes.
 */
export function normalizeForMatching(text: string): NormalizedText {
  const normAt: number[] = [];
  const origAt: number[] = [];
  const normLength: number[] = [];
  const origLength: number[] = [];
  let delta = 0;
  const normalized = text.replace(CHANGES, (match: string, offset: number) => {
    const single = match.length === 1 ? ONE_FOR_ONE.get(match) : undefined;
    if (single !== undefined) return single;
    const out = match === '\u2026' ? '...' : HAS_SPACE.test(match) ? ' ' : '';
    normAt.push(offset + delta);
    origAt.push(offset);
    normLength.push(out.length);
    origLength.push(match.length);
    delta += out.length - match.length;
    return out;
  });
  return {
    text: normalized,
    originalLength: text.length,
    edits: {
      normAt: Int32Array.from(normAt),
      origAt: Int32Array.from(origAt),
      normLength: Int32Array.from(normLength),
      origLength: Int32Array.from(origLength),
    },
  };
}

/** Index of the last entry of sorted `keys` that is ≤ `value`, or -1. */
function lastAtOrBefore(keys: Int32Array, value: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The original span [start, end) of normalised character `i`. */
export function originalSpanOfChar(norm: NormalizedText, i: number): { start: number; end: number } {
  const { normAt, origAt, normLength, origLength } = norm.edits;
  // Zero-length edits (dropped invisibles) share a normalised offset with what follows: take the last.
  const j = lastAtOrBefore(normAt, i);
  if (j < 0) return { start: i, end: i + 1 };
  if (i < normAt[j]! + normLength[j]!) return { start: origAt[j]!, end: origAt[j]! + origLength[j]! };
  const at = origAt[j]! + origLength[j]! + (i - normAt[j]! - normLength[j]!);
  return { start: at, end: at + 1 };
}

/** Normalise a short string (a quote or its context) without keeping the offset map. */
export function normalizeString(text: string): string {
  return normalizeForMatching(text).text;
}

/** The original span of the normalised span [start, end). Empty spans map to a point. */
export function toOriginalSpan(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = start < norm.text.length ? originalSpanOfChar(norm, start).start : norm.originalLength;
    return { start: at, end: at };
  }
  return { start: originalSpanOfChar(norm, start).start, end: originalSpanOfChar(norm, end - 1).end };
}

/** Count of whitespace characters at the start (or end) of `s`, as one boundary of a quote. */
export function edgeWhitespace(s: string, fromEnd: boolean): number {
  let n = 0;
  while (n < s.length && isWhitespace(s.charCodeAt(fromEnd ? s.length - 1 - n : n))) n += 1;
  return n;
}

/**
 * Like toOriginalSpan, but a collapsed whitespace run at either edge of the span contributes only
 * as many characters as the quote itself had there (a note on a word keeps off the spaces that
 * an edit added beside it).
 */
export function toOriginalQuoteSpan(
  norm: NormalizedText,
  start: number,
  end: number,
  leadingWhitespace: number,
  trailingWhitespace: number,
): { start: number; end: number } {
  const span = toOriginalSpan(norm, start, end);
  if (end <= start) return span;
  if (norm.text.charCodeAt(start) === 0x20) span.start = Math.max(span.start, originalSpanOfChar(norm, start).end - Math.max(1, leadingWhitespace));
  if (norm.text.charCodeAt(end - 1) === 0x20) span.end = Math.min(span.end, originalSpanOfChar(norm, end - 1).start + Math.max(1, trailingWhitespace));
  if (span.end < span.start) span.end = span.start;
  return span;
}

/** The normalised offset of original offset `offset` (the start of whatever covers it). */
export function toNormalizedOffset(norm: NormalizedText, offset: number): number {
  const { normAt, origAt, normLength, origLength } = norm.edits;
  const j = lastAtOrBefore(origAt, offset);
  if (j < 0) return offset;
  if (offset < origAt[j]! + origLength[j]!) return normAt[j]!;
  return normAt[j]! + normLength[j]! + (offset - origAt[j]! - origLength[j]!);
}
