// The cue-centred span model (lib/model/attribution-spans.json, trained on PolNeAR train by
// scripts/train-attribution-spans.ts): in a sentence without quotation marks where neither the hand patterns nor
// the per-token cue model find an attribution, it scores every (cue, content span) pair of attribution-spans.ts and
// keeps the best one when its probability clears the threshold (chosen on PolNeAR dev with
// scripts/eval/attribution-sweep.ts --spans).
import model from '../model/attribution-spans.json';
import { HashedWeights } from './attribution-hash';
import { candidateSpan, likeliestCues, scoringSpanFeatures, spanCandidatesWith } from './attribution-spans';
import { cueSpeaker, isLearnedSpeaker, learnedUseTurnedDown, speakerKind, type SpeakerSlot } from './attribution';
import type { Token } from './quote-tokens';
import type { MentionIndex } from './speakers';

const CUES: ReadonlyMap<string, number> = new Map(Object.entries(model.cues));
const WEIGHT_NAMES: ReadonlyMap<string, number> = new Map(Object.entries(model.weights));
/** The weights by feature hash (attribution-hash.ts); loading throws if two names share one. */
const WEIGHTS = new HashedWeights(WEIGHT_NAMES, 'attribution-spans.json weights');
const BIAS = WEIGHT_NAMES.get('b') ?? 0;
/** Each pair's score, summed as its features are read. */
const SCORING = scoringSpanFeatures(WEIGHTS, BIAS);
/** The most a pair's own features can add to its cue's score: the best weight of each pair feature family. A cue
 * whose score can't reach the threshold even with it is dropped before its spans are cut. */
const MAX_PAIR_GAIN = (() => {
  const best = new Map<string, number>();
  for (const [name, w] of WEIGHT_NAMES) {
    if (!name.startsWith('P:') || name.startsWith('P:cueP')) continue;
    const family = name.slice(0, name.indexOf('='));
    best.set(family, Math.max(best.get(family) ?? 0, w));
  }
  let sum = 0;
  for (const w of best.values()) sum += w;
  return sum;
})();

/** The probability a pair needs (chosen on PolNeAR dev); only the dev sweep changes `spanModelSettings`. */
export const SPAN_THRESHOLD = 0.6;
export const spanModelSettings = { threshold: SPAN_THRESHOLD };

export interface SpanAttribution {
  /** The speaker before the cue (or the sentence's subject). */
  slot: SpeakerSlot;
  cueSpan: { start: number; end: number };
  contentStart: number;
  contentEnd: number;
  probability: number;
}

/** The best-scored (cue, span) pair of a sentence's tokens, when it clears the threshold. */
export function spanAttribution(text: string, tokens: readonly Token[], mentions: MentionIndex, threshold = spanModelSettings.threshold): SpanAttribution | null {
  if (threshold > 1) return null; // switched off (the dev sweep's baseline)
  const cues = likeliestCues(tokens, CUES);
  if (cues.length === 0) return null;
  const speakers = new Map<number, SpeakerSlot | null>();
  const speakerAt = (c: number): SpeakerSlot | null => {
    if (!speakers.has(c)) speakers.set(c, cueSpeaker(text, tokens, c, mentions));
    return speakers.get(c) ?? null;
  };
  const typeOf = (t: Token): string => mentions.overlapping(t.start, t.end)?.entity.type ?? '';
  let best: SpanAttribution | null = null;
  // The cue's own features are shared by its pairs: summed once per cue (SCORING's base). The learned cue model's
  // rules hold here too: a speaker it may show, no use the patterns turn down on purpose.
  const minZ = Math.log(threshold / (1 - threshold));
  const usableCue = (c: number): boolean => {
    const slot = speakerAt(c);
    return !!slot && isLearnedSpeaker(tokens, slot);
  };
  const keepCue = (_c: number, baseZ: number): boolean => baseZ + MAX_PAIR_GAIN >= minZ;
  for (const cand of spanCandidatesWith(SCORING, tokens, CUES, typeOf, (c) => speakerKind(speakerAt(c)), keepCue, usableCue, cues)) {
    const z = cand.feats;
    const p = 1 / (1 + Math.exp(-z));
    if (p < threshold || (best && p <= best.probability)) continue;
    const slot = speakerAt(cand.cue) as SpeakerSlot;
    if (!cand.trailing && learnedUseTurnedDown(tokens, cand.cue, cand.from)) continue;
    const span = candidateSpan(tokens, cand);
    if (!span) continue;
    const cue = tokens[cand.cue] as Token;
    best = { slot, cueSpan: { start: cue.start, end: cue.end }, contentStart: span.start, contentEnd: span.end, probability: p };
  }
  return best;
}
