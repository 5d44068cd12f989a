// Every exact occurrence of the normalised quote, with its context scored.
import { contextSimilarities } from './context-similarity';
import { occurrencesOf } from './occurrences';
import type { Candidate, PreparedQuote, PreparedText } from './types';

/** Beyond this many occurrences only the best-looking few get the full context comparison. */
const MAX_FULLY_SCORED = 24;

/** Characters of the context that agree outright at the boundary: a cheap first sort. */
function boundaryAgreement(text: string, start: number, end: number, prefix: string, suffix: string): number {
  let n = 0;
  for (let i = 1; i <= prefix.length && start - i >= 0; i += 1) {
    if (text.charCodeAt(start - i) !== prefix.charCodeAt(prefix.length - i)) break;
    n += 1;
  }
  for (let i = 0; i < suffix.length && end + i < text.length; i += 1) {
    if (text.charCodeAt(end + i) !== suffix.charCodeAt(i)) break;
    n += 1;
  }
  return n;
}

export function findExactCandidates(prepared: PreparedText, quote: PreparedQuote, expectedStart: number): Candidate[] {
  const text = prepared.norm.text;
  const needle = quote.normExact;
  const starts = occurrencesOf(prepared, needle);
  let chosen = starts;
  if (starts.length > MAX_FULLY_SCORED) {
    const ranked = starts
      .map((s) => ({ s, agree: boundaryAgreement(text, s, s + needle.length, quote.normPrefix, quote.normSuffix) }))
      .sort((a, b) => b.agree - a.agree || Math.abs(a.s - expectedStart) - Math.abs(b.s - expectedStart));
    chosen = ranked.slice(0, MAX_FULLY_SCORED).map((r) => r.s);
  }
  return chosen.map((s) => ({
    start: s,
    end: s + needle.length,
    quoteSimilarity: 1,
    ...contextSimilarities(text, s, s + needle.length, quote.normPrefix, quote.normSuffix),
  }));
}
