// Reported speech from the sequence tagger (attribution-tagger.ts, lib/model/attribution-tagger.json): the content
// runs it tags in a sentence, each with the cue it hangs on (a token it tags CUE right before the run, "said (that)",
// or right after it, "…, the group argued") and that cue's speaker as the patterns find it. A run is kept when its
// mean margin clears the threshold chosen on PolNeAR dev (scripts/eval/attribution-sweep.ts --tagger).
import json from '../model/attribution-tagger.json';
import {
  contentRuns, entityCode, L_CUE, L_O, L_SRC, LABEL_COUNT, loadTaggerModel, sentenceFeatures, staticScores, tagSentence, type TaggerModel,
} from './attribution-tagger';
import { cueSpeaker, type SpeakerSlot } from './attribution';
import { prefixKey, stemPrefixTable } from './attribution-features';
import { isCapitalized, type Token } from './quote-tokens';
import type { MentionIndex } from './speakers';

let model: TaggerModel | null = null;
let strong: { prefixes: Uint8Array; words: ReadonlySet<string> } | null = null;
/** Read on first use: decoding the weights costs a few milliseconds that pages without reported speech never pay. */
function taggerModel(): TaggerModel {
  return (model ??= loadTaggerModel(json));
}

/** Words often part of a cue ("also said", "talked about", "is known") that are far too common to make the tagger
 * read a sentence on their own: its cue is the verb next to them, which opens the sentence too. */
const NOT_GATES = new Set(['about', 'also', 'according', 'see', 'seen', 'found', 'know', 'known', 'quickly', 'clear', 'looking', 'show']);

/** The words of the cue list with a cue-share bin of at least MIN_CUE_BIN, and their first-letters table. */
function strongCues(): { prefixes: Uint8Array; words: ReadonlySet<string> } {
  if (!strong) {
    const words = new Set(Object.entries(json.cues).filter(([w, bin]) => bin >= MIN_CUE_BIN && !NOT_GATES.has(w)).map(([w]) => w));
    strong = { prefixes: stemPrefixTable(words), words };
  }
  return strong;
}

/**
 * The mean margin a content run needs; Infinity switches the tagger off (nothing is read). Off for now: on PolNeAR
 * dev its best threshold, 750, takes reported speech from P 82.6 R 39.6 to P 82.7 R 40.1 (700: 82.5 / 40.4), but
 * it costs 5-8% of the analysis's time on the unlabelled news pages (most of it tagging the ~200 sentences that pass
 * the checks below), over the budget for so small a gain. `npx tsx scripts/eval/attribution-sweep.ts dev 650 700 750 --tagger` measures it. The product does
 * not import it (its model stays out of the bundle): the sweep and the tests plug `taggedAttributions` in as
 * quotes.ts's `extraReportedReader` and change `taggerSettings`.
 */
export const TAGGER_THRESHOLD = Number.POSITIVE_INFINITY;
export const taggerSettings = { threshold: TAGGER_THRESHOLD };
/** Words a content run needs. */
const MIN_WORDS = 3;
/** Cue-share bin (attribution-tagger.ts) a word needs to make the tagger read its sentence: 3, a quarter of its uses in
 * train ("believes", "wants", "fear"). */
const MIN_CUE_BIN = 3;
/** How far such a word's CUE score must lead O and SRC on its own features before the whole sentence is tagged: a
 * cheap first look that spares most sentences the full tagging (chosen on PolNeAR dev, where it loses nothing at the
 * threshold, and on the profile: the tagger's share of the analysis). */
const CUE_MARGIN = 500;
/** Tokens between a run and its cue ("said that …"): further off, a run is right too seldom. */
const MAX_CUE_GAP = 2;

export interface TaggedAttribution {
  /** The cue's speaker as the patterns find it, or null. */
  slot: SpeakerSlot | null;
  contentStart: number;
  contentEnd: number;
  confidence: number;
}

/** The tagger's content runs in one sentence's tokens that clear the threshold and hang on a cue. */
export function taggedAttributions(
  text: string, tokens: readonly Token[], mentions: MentionIndex, threshold = taggerSettings.threshold,
): TaggedAttribution[] {
  if (tokens.length < MIN_WORDS || threshold === Number.POSITIVE_INFINITY) return [];
  const m = taggerModel();
  // Most sentences have no word that was much of a cue in train: they are left alone without reading features (most
  // words fail on their first three letters).
  const { prefixes, words: strong } = strongCues();
  const candidates: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.isWord && prefixes[prefixKey(t.lower)] && strong.has(t.lower) && !(i > 0 && isCapitalized(t))) candidates.push(i);
  }
  if (candidates.length === 0) return [];
  // A run is kept only with a speaker: a cue word without one is dropped before any feature is read.
  let k = 0;
  for (const i of candidates) if (cueSpeaker(text, tokens, i, mentions) !== null) candidates[k++] = i;
  candidates.length = k;
  if (k === 0) return [];
  const entityOf = (t: Token): number => entityCode(mentions.overlapping(t.start, t.end)?.entity.type);
  // Nor are sentences where no such word reads as a cue on its own features (the labels around it aside) and has a
  // speaker: a run is kept only with both.
  const some = sentenceFeatures(tokens, m.cueBins, entityOf, candidates);
  const scores = new Float64Array(LABEL_COUNT);
  if (!candidates.some((i) => {
    staticScores(m, some, i, scores);
    return (scores[L_CUE] as number) - Math.max(scores[L_O] as number, scores[L_SRC] as number) >= CUE_MARGIN;
  })) return [];
  const sf = sentenceFeatures(tokens, m.cueBins, entityOf);
  const tagged = tagSentence(m, sf, tokens.length);
  const out: TaggedAttribution[] = [];
  for (const run of contentRuns(tagged)) {
    if (run.confidence < threshold) continue;
    let from = run.from;
    let to = run.to;
    while (from < to && !(tokens[from] as Token).isWord) from++;
    while (to > from && !(tokens[to - 1] as Token).isWord) to--;
    let words = 0;
    for (let k = from; k < to; k++) if ((tokens[k] as Token).isWord) words++;
    if (words < MIN_WORDS) continue;
    const c = cueOf(tagged.labels, from, to);
    if (c < 0) continue;
    out.push({ slot: cueSpeaker(text, tokens, c, mentions), contentStart: (tokens[from] as Token).start, contentEnd: (tokens[to - 1] as Token).end, confidence: run.confidence });
  }
  return out;
}

/** The cue of content [from, to): a CUE-tagged token right before it or right after it; -1 for none. */
function cueOf(labels: Uint8Array, from: number, to: number): number {
  for (let k = from - 1; k >= 0 && from - k <= MAX_CUE_GAP; k--) if (labels[k] === L_CUE) return k;
  for (let k = to; k < labels.length && k - to < MAX_CUE_GAP; k++) if (labels[k] === L_CUE) return k;
  return -1;
}
