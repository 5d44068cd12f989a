// How well the text around a candidate agrees with the stored prefix and suffix.

/** Extra characters a context may have gained (or lost) and still line up with the stored one. */
const CONTEXT_SLACK = 8;

/**
 * Edit distance between `pattern` and the best-matching end of `window` (the alignment must end at
 * the window's end but may start anywhere in it). Classic two-row dynamic programme.
 */
function distanceToWindowEnd(pattern: string, window: string): number {
  const m = pattern.length;
  // prev[j]: distance between pattern[0..i) and some suffix of window[0..j), columns = window.
  let prev = new Uint32Array(window.length + 1);
  let next = new Uint32Array(window.length + 1);
  for (let i = 1; i <= m; i += 1) {
    next[0] = i;
    const pc = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= window.length; j += 1) {
      const cost = window.charCodeAt(j - 1) === pc ? 0 : 1;
      next[j] = Math.min(prev[j - 1]! + cost, prev[j]! + 1, next[j - 1]! + 1);
    }
    [prev, next] = [next, prev];
  }
  return prev[window.length]!;
}

function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i -= 1) out += s[i];
  return out;
}

/**
 * Similarity in [0, 1] between the stored `prefix` and the text ending at `start`: 1 minus the
 * edit distance over the prefix's length. An empty stored prefix carries no evidence: undefined.
 */
export function prefixSimilarity(text: string, start: number, prefix: string): number | undefined {
  if (prefix.length === 0) return undefined;
  const window = text.slice(Math.max(0, start - prefix.length - CONTEXT_SLACK), start);
  if (prefix.length <= window.length && window.endsWith(prefix)) return 1;
  return 1 - Math.min(prefix.length, distanceToWindowEnd(prefix, window)) / prefix.length;
}

/** Similarity in [0, 1] between the stored `suffix` and the text starting at `end`. */
export function suffixSimilarity(text: string, end: number, suffix: string): number | undefined {
  if (suffix.length === 0) return undefined;
  const window = text.slice(end, end + suffix.length + CONTEXT_SLACK);
  if (window.startsWith(suffix)) return 1;
  return 1 - Math.min(suffix.length, distanceToWindowEnd(reverse(suffix), reverse(window))) / suffix.length;
}

/** Nothing but a space (or nothing) between `from` and `to` in normalised text. */
function blank(text: string, from: number, to: number): boolean {
  return to - from <= 0 || (to - from === 1 && text.charCodeAt(from) === 0x20);
}

/**
 * Prefix and suffix similarity of a candidate at [start, end) of normalised `text`. describeSpan
 * keeps 32 characters wherever the text has them, so one empty side says the passage touched the
 * start (or end) of the text: it agrees only if the candidate does too. With both sides empty
 * (a note that stored no context) neither side says anything.
 */
export function contextSimilarities(
  text: string,
  start: number,
  end: number,
  prefix: string,
  suffix: string,
): { prefixSimilarity: number | undefined; suffixSimilarity: number | undefined } {
  if (prefix.length === 0 && suffix.length === 0) return { prefixSimilarity: undefined, suffixSimilarity: undefined };
  return {
    prefixSimilarity: prefix.length === 0 ? (blank(text, 0, start) ? 1 : 0) : prefixSimilarity(text, start, prefix),
    suffixSimilarity: suffix.length === 0 ? (blank(text, end, text.length) ? 1 : 0) : suffixSimilarity(text, end, suffix),
  };
}
