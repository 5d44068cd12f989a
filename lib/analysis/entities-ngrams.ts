// The spelling features of the character n-gram naive Bayes: shared by `npm run train` and
// the runtime guesser so both see exactly the same features.

/** Word-initial 2–3 letter prefixes and word-final 2–4 letter suffixes, lower-cased. */
export function ngramFeatures(word: string): string[] {
  const w = word.toLowerCase();
  const out: string[] = [];
  for (let n = 2; n <= 3; n++) if (w.length > n) out.push(`^${w.slice(0, n)}`);
  for (let n = 2; n <= 4; n++) if (w.length > n) out.push(`${w.slice(-n)}$`);
  return out;
}
