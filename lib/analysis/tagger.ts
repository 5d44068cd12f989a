// The learned entity tagger: greedy left-to-right BIO decoding with an averaged perceptron over
// the features of tagger-features.ts, including how the document tagged each word earlier.
import { appendDynamicFeatures, featureDocument, opensNothing, recordHistory, tokenFeatures, TAG_BEGINS, TAG_COUNT, TAG_TYPE, type TagHistory, type TaggerLexicon } from './tagger-features';
import type { GazType } from './gazetteer';
import type { TaggerModel } from './tagger-model';
import type { Token } from './tokens';

export interface TaggedSpan {
  /** First and last token index, inclusive. */
  first: number;
  last: number;
  type: GazType;
  /** The smallest score margin of its tokens' tags over the runner-up (model units): confidence. */
  margin: number;
}

export interface TaggedTokens {
  tags: Uint8Array;
  /** Per token: best score minus the runner-up's. */
  margins: Float64Array;
}

/** An inside tag may only continue an entity of its own type. */
export function allowedAfter(prev: number, tag: number): boolean {
  if (tag === 0 || TAG_BEGINS[tag]) return true;
  return prev !== 0 && TAG_TYPE[prev] === TAG_TYPE[tag];
}

/** Best tag index for one token's features under `weights` (any numeric table, bucket-major). */
export function bestTag(weights: ArrayLike<number>, mask: number, feats: ArrayLike<number>, from: number, to: number, extra: readonly number[], prev: number, scores: Float64Array): number {
  if (TAG_COUNT === 9) sumScores9(weights, mask, feats, from, to, extra, scores);
  else {
    scores.fill(0);
    for (let f = from; f < to; f++) {
      const base = (feats[f]! & mask) * TAG_COUNT;
      for (let k = 0; k < TAG_COUNT; k++) scores[k]! += weights[base + k]!;
    }
    for (const h of extra) {
      const base = (h & mask) * TAG_COUNT;
      for (let k = 0; k < TAG_COUNT; k++) scores[k]! += weights[base + k]!;
    }
  }
  let best = 0;
  for (let k = 1; k < TAG_COUNT; k++) if (allowedAfter(prev, k) && scores[k]! > scores[best]!) best = k;
  return best;
}

/**
 * The scores for the nine BIO tags, summed in locals (registers) rather than in the array: the
 * tagger's innermost loop. The same additions in the same order as the general loop.
 */
function sumScores9(weights: ArrayLike<number>, mask: number, feats: ArrayLike<number>, from: number, to: number, extra: readonly number[], scores: Float64Array): void {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
  for (let f = from; f < to + extra.length; f++) {
    const base = ((f < to ? feats[f]! : extra[f - to]!) & mask) * 9;
    s0 += weights[base]!;
    s1 += weights[base + 1]!;
    s2 += weights[base + 2]!;
    s3 += weights[base + 3]!;
    s4 += weights[base + 4]!;
    s5 += weights[base + 5]!;
    s6 += weights[base + 6]!;
    s7 += weights[base + 7]!;
    s8 += weights[base + 8]!;
  }
  scores[0] = s0;
  scores[1] = s1;
  scores[2] = s2;
  scores[3] = s3;
  scores[4] = s4;
  scores[5] = s5;
  scores[6] = s6;
  scores[7] = s7;
  scores[8] = s8;
}

/** Best tag and its margin over the runner-up, from the scores bestTag left behind. */
function marginOf(scores: Float64Array, best: number, prev: number): number {
  let second = -Infinity;
  for (let k = 0; k < scores.length; k++) if (k !== best && allowedAfter(prev, k) && scores[k]! > second) second = scores[k]!;
  return scores[best]! - second;
}

const NO_EXTRA: readonly number[] = [];

/** One tag index per token, with its margin. */
export function tagTokens(tokens: Token[], model: TaggerModel, lexicon: TaggerLexicon): TaggedTokens {
  const doc = featureDocument(tokens, lexicon);
  const tags = new Uint8Array(tokens.length);
  const margins = new Float64Array(tokens.length).fill(Infinity);
  const history: TagHistory = new Map();
  // Each scored token's features, static then dynamic, written over the last token's: emptying the list for
  // each token would give up its storage and grow it again, token after token.
  const feats: number[] = [];
  const scores = new Float64Array(TAG_COUNT);
  let prev1 = 0;
  let prev2 = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.breakBefore > 0) prev1 = prev2 = 0;
    let tag = 0;
    if (prev1 !== 0 || !opensNothing(t)) {
      const count = appendDynamicFeatures(tokens, i, prev1, prev2, doc.lowerHash, history, feats, tokenFeatures(doc, i, feats, 0));
      tag = bestTag(model.weights, model.mask, feats, 0, count, NO_EXTRA, prev1, scores);
      margins[i] = marginOf(scores, tag, prev1);
    }
    tags[i] = tag;
    // A byline's or credit's tags say nothing about the story's use of the same words.
    if (!t.furniture) recordHistory(history, t, doc.lowerHash[i]!, tag);
    prev2 = prev1;
    prev1 = tag;
  }
  return { tags, margins };
}

/** Entity spans from BIO tags. */
export function spansFromTags({ tags, margins }: TaggedTokens): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  let open: TaggedSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    const type = TAG_TYPE[tag];
    if (open && (!type || TAG_BEGINS[tag] || type !== open.type)) {
      spans.push(open);
      open = null;
    }
    if (!type) continue;
    if (!open) open = { first: i, last: i, type, margin: margins[i]! };
    else {
      open.last = i;
      open.margin = Math.min(open.margin, margins[i]!);
    }
  }
  if (open) spans.push(open);
  return spans;
}
