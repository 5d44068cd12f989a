// Bag-of-words overlap between Lede's extracted text and a page's marked article body: shared by
// the page suite (tests/e2e/pages-suite) and the body-finding eval (scripts/body-eval).

/** Lower-case word tokens (letters and digits). */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Bag-of-words (multiset) overlap of predicted vs reference tokens. */
export function tokenOverlap(predicted: string, reference: string): { precision: number; recall: number; f1: number } {
  const counts = new Map<string, number>();
  const ref = wordTokens(reference);
  for (const t of ref) counts.set(t, (counts.get(t) ?? 0) + 1);
  const pred = wordTokens(predicted);
  let shared = 0;
  for (const t of pred) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(t, n - 1);
    }
  }
  const precision = pred.length ? shared / pred.length : 0;
  const recall = ref.length ? shared / ref.length : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
