// `npx tsx scripts/train-cues.ts`: learns attribution word lists from PolNeAR TRAIN (never dev or test) and
// writes lib/model/cues.json:
//   cues:        verbs that, in train, head an attribution cue most of the times they occur at all
//                ("said", "told", "argued"); the hand lists in speech-cues.ts stay, these extend them;
//   sourceHeads: lowercase nouns that end a source phrase often enough ("the NFL legend", "21 percent",
//                "the campaign"): a speaker slot ending in one is a source even when no list names it;
//   thatCues:    words that, followed by "that", open an attribution's content in most of their train uses of
//                that shape ("believes that", "found that", "warned that"), with [hits, uses];
//   clauseCues:  words that, followed directly by a subject ("thinks he", "hopes the"), open the content in most
//                such uses ("I think NATO may be obsolete");
//   objectCues:  words, or a word and its preposition ("criticized", "called for"), after which the content is
//                what follows, clause or not ("criticized the plan"), with [hits, uses].
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

// Pattern precision: for each word, how often "WORD that" / "WORD SUBJECT" / "WORD OBJECT" occurs in
// train, and how often the word there is (part of) a gold cue whose content starts right after it.
const MIN_PATTERN_HITS = 5;
const MIN_PATTERN_PRECISION = 0.7;
/** Words that open a clause's subject: after a verb, they make "thinks he …" a clause, not an object. */
const SUBJECT_OPENERS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'there', 'the', 'his', 'her', 'their', 'this', 'these', 'those', 'our', 'its']);
/** Words that are never cues of their own, whatever their statistics ("so that", "such that", "is that"). */
const NOT_CUES = new Set([
  ...NOT_HEADS, 'so', 'such', 'is', 'was', 'are', 'were', 'be', 'been', 'and', 'but', 'or', 'than', 'now', 'not',
  'fact', 'idea', 'sense', 'given', 'except', 'because', 'if', 'when', 'all', 'that', 'of', 'in', 'to', 'for',
]);
const thatUses = new Map<string, number>();
const thatHits = new Map<string, number>();
const clauseUses = new Map<string, number>();
const clauseHits = new Map<string, number>();
/** Object cues: a word, or a word and its preposition ("talked about", "called for"), after which the content is
 * what follows, clause or not ("criticized the plan", "endorsed Clinton"). */
const OBJECT_PREPOSITIONS = new Set(['about', 'for', 'of', 'on', 'against', 'to', 'with', 'over', 'out']);
const MIN_OBJECT_HITS = 5;
const MIN_OBJECT_PRECISION = 0.4;
const objectUses = new Map<string, number>();
const objectHits = new Map<string, number>();

for (const article of train) {
  const tokens = [...article.text.matchAll(/[\p{L}][\p{L}'’.-]*/gu)].map((m) => ({ text: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
  // Cue spans by start, to ask "is the word at [start, end) part of a cue whose content begins soon after?".
  const cues = article.attributions.flatMap((a) => (a.cueSpan ? [{ cue: a.cueSpan, content: a.content }] : []));
  const isCueWithContentAfter = (start: number, end: number, contentFrom: number): boolean =>
    cues.some(({ cue, content }) => cue.start < end && cue.end > start && content.start >= end && content.start <= contentFrom + 1);
  // The same, with the content starting right at `at` (give or take a character), not anywhere before it.
  const isCueWithContentAt = (start: number, end: number, at: number): boolean =>
    cues.some(({ cue, content }) => cue.start < end && cue.end > start && Math.abs(content.start - at) <= 1);
  for (let i = 0; i + 2 < tokens.length; i++) {
    const w = tokens[i]!;
    const next = tokens[i + 1]!;
    if (w.text !== w.lower || NOT_CUES.has(w.lower) || /[.,;:!?"“”]/.test(article.text.slice(w.end, next.start))) continue;
    const after = tokens[i + 2]!;
    // "criticized the plan" / "talked about the plan": is the word (with its preposition) a cue whose content follows?
    const phrase = OBJECT_PREPOSITIONS.has(next.lower) ? `${w.lower} ${next.lower}` : w.lower;
    const contentFrom = phrase === w.lower ? next : after;
    bump(objectUses, phrase);
    if (isCueWithContentAt(w.start, w.end, contentFrom.start)) bump(objectHits, phrase);
    if (next.lower === 'that') {
      bump(thatUses, w.lower);
      if (isCueWithContentAfter(w.start, w.end, after.start)) bump(thatHits, w.lower);
    } else if (SUBJECT_OPENERS.has(next.lower)) {
      bump(clauseUses, w.lower);
      if (isCueWithContentAfter(w.start, w.end, next.start)) bump(clauseHits, w.lower);
    }
  }
}

function learnedPatterns(hits: Map<string, number>, uses: Map<string, number>): Record<string, [number, number]> {
  const out: [string, [number, number]][] = [];
  for (const [word, n] of hits) {
    const all = uses.get(word) ?? n;
    if (n >= MIN_PATTERN_HITS && n / all >= MIN_PATTERN_PRECISION) out.push([word, [n, all]]);
  }
  out.sort((a, b) => b[1][0] - a[1][0] || a[0].localeCompare(b[0]));
  return Object.fromEntries(out);
}

function learnedObjectCues(): Record<string, [number, number]> {
  const out: [string, [number, number]][] = [];
  for (const [phrase, n] of objectHits) {
    const all = objectUses.get(phrase) ?? n;
    if (n >= MIN_OBJECT_HITS && n / all >= MIN_OBJECT_PRECISION) out.push([phrase, [n, all]]);
  }
  out.sort((a, b) => b[1][0] - a[1][0] || a[0].localeCompare(b[0]));
  return Object.fromEntries(out);
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
  thatCues: learnedPatterns(thatHits, thatUses),
  clauseCues: learnedPatterns(clauseHits, clauseUses),
  objectCues: learnedObjectCues(),
};
const out = resolve(root, 'lib/model/cues.json');
writeFileSync(out, `${JSON.stringify(model, null, 1)}\n`);
console.log(`${train.length} train articles -> ${Object.keys(model.cues).length} cues, ${Object.keys(model.sourceHeads).length} source heads, ${Object.keys(model.thatCues).length} that-cues, ${Object.keys(model.clauseCues).length} clause cues, ${Object.keys(model.objectCues).length} object cues: ${out}`);
