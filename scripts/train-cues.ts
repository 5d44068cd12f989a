// `npx tsx scripts/train-cues.ts`: learns attribution word lists from PolNeAR TRAIN (never dev or test) and
// writes lib/model/cues.json:
//   cues:        verbs that, in train, head an attribution cue most of the times they occur at all
//                ("said", "told", "argued"); the hand lists in speech-cues.ts stay, these extend them;
//   sourceHeads: lowercase nouns that end a source phrase often enough ("the NFL legend", "21 percent",
//                "the campaign"): a speaker slot ending in one is a source even when no list names it.
// Each word keeps its counts (as cue/source head, and in all train text), so the thresholds can be
// read and changed without re-reading the corpus.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readPolnear } from './eval/polnear';

const root = resolve(import.meta.dirname, '..');
const train = readPolnear(resolve(root, '../shared/datasets/polnear/train'));

/** A cue word must head a cue this often, and in this share of all its occurrences. */
const MIN_CUE_COUNT = 8;
const MIN_CUE_SHARE = 0.6;
/** A source head must end a source this often, and in this share of all its occurrences. */
const MIN_HEAD_COUNT = 4;
const MIN_HEAD_SHARE = 0.25;
/** Words that end source phrases but are not nouns we want as heads. */
const NOT_HEADS = new Set([
  'he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'which', 'that', 'him', 'her', 'them', 'his', 'their',
  'its', 'our', 'my', 'your', 'one', 'some', 'many', 'most', 'all', 'both', 'others', 'other', 'this', 'these',
  'those', 'there', 'what', 'whom', 'me', 'us', 'himself', 'herself', 'themselves', 'itself', 'everyone',
  'anyone', 'someone', 'nobody', 'everybody', 'somebody',
]);

const words = (s: string): string[] => s.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
const total = new Map<string, number>();
const cueCount = new Map<string, number>();
const headCount = new Map<string, number>();
const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);

for (const article of train) {
  for (const w of words(article.text)) bump(total, w.toLowerCase());
  for (const a of article.attributions) {
    if (a.cueSpan) {
      const cue = words(article.text.slice(a.cueSpan.start, a.cueSpan.end));
      // Single verbs, or a verb after an auxiliary/adverb ("has said", "also said"): the last word.
      if (cue.length >= 1 && cue.length <= 3) bump(cueCount, (cue[cue.length - 1] as string).toLowerCase());
    }
    if (a.sourceSpan) {
      const source = words(article.text.slice(a.sourceSpan.start, a.sourceSpan.end));
      const last = source[source.length - 1];
      // Lowercase in the text: a common noun, not a name.
      if (last && source.length <= 8 && last === last.toLowerCase() && !NOT_HEADS.has(last)) bump(headCount, last);
    }
  }
}

function learned(counts: Map<string, number>, minCount: number, minShare: number): Record<string, [number, number]> {
  const out: [string, [number, number]][] = [];
  for (const [word, n] of counts) {
    const all = total.get(word) ?? n;
    if (n >= minCount && n / all >= minShare) out.push([word, [n, all]]);
  }
  out.sort((a, b) => b[1][0] - a[1][0] || a[0].localeCompare(b[0]));
  return Object.fromEntries(out);
}

const model = {
  about: 'Learned by scripts/train-cues.ts from PolNeAR train: word -> [count as cue or source head, count in all train text].',
  cues: learned(cueCount, MIN_CUE_COUNT, MIN_CUE_SHARE),
  sourceHeads: learned(headCount, MIN_HEAD_COUNT, MIN_HEAD_SHARE),
};
const out = resolve(root, 'lib/model/cues.json');
writeFileSync(out, `${JSON.stringify(model, null, 1)}\n`);
console.log(`${train.length} train articles -> ${Object.keys(model.cues).length} cues, ${Object.keys(model.sourceHeads).length} source heads: ${out}`);
