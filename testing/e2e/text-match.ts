// The matching rules of ../shared/tools/score_gold.py, in TypeScript, so the e2e tests judge
// highlights and popup text the way the gold scorer judges `npm run analyze` output.

const QUOTE_CHARS = new Set(['"', "'", '\u2018', '\u2019', '\u201a', '\u201b', '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb', '`', '\u2039', '\u203a', '\\']);

/** NFKC, no quotation marks, apostrophes or backslashes, whitespace collapsed. */
export function normalize(text: string): string {
  const kept = [...text.normalize('NFKC')].filter((c) => !QUOTE_CHARS.has(c)).join('');
  return kept.replace(/\s+/g, ' ').trim();
}

export function words(text: string): string[] {
  return normalize(text).toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** Total size of the matching blocks Python's SequenceMatcher (no junk) finds between a and b. */
function matchedCount(a: string[], b: string[], aLo = 0, aHi = a.length, bLo = 0, bHi = b.length): number {
  let bestI = aLo;
  let bestJ = bLo;
  let bestSize = 0;
  let previous = new Map<number, number>();
  for (let i = aLo; i < aHi; i++) {
    const current = new Map<number, number>();
    for (let j = bLo; j < bHi; j++) {
      if (a[i] !== b[j]) continue;
      const size = (previous.get(j - 1) ?? 0) + 1;
      current.set(j, size);
      if (size > bestSize) {
        bestI = i - size + 1;
        bestJ = j - size + 1;
        bestSize = size;
      }
    }
    previous = current;
  }
  if (bestSize === 0) return 0;
  return (
    bestSize +
    matchedCount(a, b, aLo, bestI, bLo, bestJ) +
    matchedCount(a, b, bestI + bestSize, aHi, bestJ + bestSize, bHi)
  );
}

/** Share of gold's words that pred covers, in order (score_gold.py's `coverage`). */
export function coverage(gold: string, pred: string): number {
  const g = words(gold);
  if (g.length === 0) return 0;
  return matchedCount(g, words(pred)) / g.length;
}

/** A surface matches a name form if they end on the same word and one ends with the other ("Mr. Kerry" ~ "Kerry"). */
export function sameName(form: string, surface: string): boolean {
  const f = words(form);
  const s = words(surface);
  if (f.length === 0 || s.length === 0 || f[f.length - 1] !== s[s.length - 1]) return false;
  const fj = f.join(' ');
  const sj = s.join(' ');
  return fj === sj || fj.endsWith(sj) || sj.endsWith(fj);
}
