// A sequence tagger for reported speech (lib/model/attribution-tagger.json, trained on PolNeAR train by
// scripts/train-attribution-tagger.ts): every token of a sentence gets one label, O, CUE, B (a content's first
// token), I (inside a content) or SRC (the source: names that speak are no content), left to right by a small beam search, with the labels already given as features. An averaged
// perceptron over hashed features: each feature is a number mixed from a template id and a word's hash, so no
// string is built per token, and a sentence costs linear time (the nearest cue words on each side come from two
// passes). Shared with the trainer, so both read a sentence the same way.
import { isCapitalized, type Token } from './quote-tokens';

export const LABELS = ['O', 'CUE', 'B', 'I', 'SRC'] as const;
export type TagLabel = 0 | 1 | 2 | 3 | 4;
export const L_O = 0;
export const L_CUE = 1;
export const L_B = 2;
export const L_I = 3;
export const L_SRC = 4;
export const LABEL_COUNT = LABELS.length;

/** Entity type of a token, as the sentence's entities give it: 0 none, 1 person, 2 organisation, 3 place, 4 other. */
export type EntityCodeOf = (t: Token) => number;

export function entityCode(type: string | undefined): number {
  return type === undefined ? 0 : type === 'person' ? 1 : type === 'organization' ? 2 : type === 'place' ? 3 : 4;
}

/** What the tagger needs of its model: hashed-feature weights and the words that were cues in train. */
export interface TaggerModel {
  bits: number;
  /** bucket * LABEL_COUNT + label -> weight. */
  weights: Float32Array;
  /** Word hash -> cue-share bin (1..4) of the words that were cues in train. */
  cueBins: ReadonlyMap<number, number>;
}

/** FNV-1a hash of a token's lower-case text from character `from` (curly apostrophes read as straight ones). */
export function wordHash(w: string, from = 0): number {
  let h = 0x811c9dc5;
  for (let k = from; k < w.length; k++) {
    const c = w.charCodeAt(k);
    h = Math.imul(h ^ (c === 0x2019 ? 0x27 : c), 0x01000193);
  }
  return h >>> 0;
}

/** A feature's bucket from its template and up to two values. */
function mix(template: number, a: number, b = 0): number {
  let h = Math.imul(template + 0x9e3779b1, 0x85ebca6b) ^ a;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35) ^ Math.imul(b, 0x27d4eb2d);
  h = Math.imul(h ^ (h >>> 13), 0x165667b1);
  return (h ^ (h >>> 16)) >>> 0;
}

const QUOTE_CHARS = new Set(['"', '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb']);

function shapeOf(t: Token): number {
  if (!t.isWord) return QUOTE_CHARS.has(t.text) ? 5 : t.text === ',' ? 6 : t.text === ':' || t.text === ';' ? 7 : 0;
  const c = t.text.charCodeAt(0);
  if (c >= 48 && c <= 57) return 4;
  if (!isCapitalized(t)) return 1;
  return t.text.length > 1 && t.text === t.text.toUpperCase() ? 3 : 2;
}

function distBucket(d: number): number {
  return d <= 0 ? 0 : d <= 3 ? d : d <= 6 ? 4 : d <= 12 ? 5 : d <= 25 ? 6 : 7;
}

const THAT = wordHash('that');
const EDGE = 0x5eed;

/** Features that do not depend on the labels already given: FEATS per token, in one flat array. */
export const STATIC_FEATS = 34;

/**
 * The label-free features of every token of a sentence (tokens.length * STATIC_FEATS buckets, not yet masked),
 * plus the per-token values the label-dependent features read.
 */
export interface SentenceFeatures {
  feats: Uint32Array;
  words: Uint32Array;
  shapes: Uint8Array;
  leftDist: Uint8Array;
}

/** With `rows`, only those tokens' features are read (the others stay 0): enough to score a few cue words. */
export function sentenceFeatures(tokens: readonly Token[], cueBins: ReadonlyMap<number, number>, entityOf: EntityCodeOf, rows?: readonly number[]): SentenceFeatures {
  const n = tokens.length;
  const words = new Uint32Array(n);
  const suffixes = new Uint32Array(n);
  const shapes = new Uint8Array(n);
  const ents = new Uint8Array(n);
  const cues = new Uint8Array(n);
  let quoteOpen = false;
  const inQuote = new Uint8Array(n);
  let anyCue = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    const h = wordHash(t.lower);
    words[i] = h;
    suffixes[i] = t.lower.length > 3 ? wordHash(t.lower, t.lower.length - 3) : h;
    const s = shapeOf(t);
    shapes[i] = s;
    if (s === 5) quoteOpen = !quoteOpen;
    inQuote[i] = quoteOpen ? 1 : 0;
    if (t.isWord) {
      ents[i] = entityOf(t);
      const bin = cueBins.get(h) ?? 0;
      // A capitalised cue word inside a sentence is part of a name ("Reports Desk").
      cues[i] = i > 0 && s >= 2 && s <= 3 ? 0 : bin;
      if (cues[i]! >= 2) anyCue = 1;
    }
  }
  // Nearest likely cue word (bin >= 2) on each side, with the commas and "that" between.
  const leftDist = new Uint8Array(n);
  const leftWord = new Uint32Array(n);
  const leftMeta = new Uint8Array(n);
  let last = -1;
  let commas = 0;
  let that = 0;
  for (let i = 0; i < n; i++) {
    if (last >= 0) {
      leftDist[i] = distBucket(i - last);
      leftWord[i] = words[last] as number;
      leftMeta[i] = Math.min(commas, 2) * 2 + that;
    }
    if ((cues[i] as number) >= 2) {
      last = i;
      commas = 0;
      that = 0;
    } else if (shapes[i] === 6) commas++;
    else if (words[i] === THAT) that = 1;
  }
  const rightDist = new Uint8Array(n);
  const rightWord = new Uint32Array(n);
  const rightComma = new Uint8Array(n);
  last = -1;
  commas = 0;
  for (let i = n - 1; i >= 0; i--) {
    if (last >= 0) {
      rightDist[i] = distBucket(last - i);
      rightWord[i] = words[last] as number;
      rightComma[i] = Math.min(commas, 2);
    }
    if ((cues[i] as number) >= 2) {
      last = i;
      commas = 0;
    } else if (shapes[i] === 6) commas++;
  }
  const feats = new Uint32Array(n * STATIC_FEATS);
  const w = (k: number): number => (k >= 0 && k < n ? (words[k] as number) : EDGE);
  const sh = (k: number): number => (k >= 0 && k < n ? (shapes[k] as number) : 9);
  const en = (k: number): number => (k >= 0 && k < n ? (ents[k] as number) : 9);
  const cu = (k: number): number => (k >= 0 && k < n ? (cues[k] as number) : 9);
  const count = rows ? rows.length : n;
  for (let r = 0; r < count; r++) {
    const i = rows ? (rows[r] as number) : r;
    const o = i * STATIC_FEATS;
    const ld = leftDist[i] as number;
    const rd = rightDist[i] as number;
    feats[o] = mix(0, 0);
    feats[o + 1] = mix(1, w(i));
    feats[o + 2] = mix(2, w(i - 1));
    feats[o + 3] = mix(3, w(i + 1));
    feats[o + 4] = mix(4, w(i - 2));
    feats[o + 5] = mix(5, w(i + 2));
    feats[o + 6] = mix(6, w(i - 1), w(i));
    feats[o + 7] = mix(7, w(i), w(i + 1));
    feats[o + 8] = mix(8, suffixes[i] as number);
    feats[o + 9] = mix(9, sh(i), sh(i - 1) * 16 + sh(i + 1));
    feats[o + 10] = mix(10, en(i), en(i - 1) * 16 + en(i + 1));
    feats[o + 11] = mix(11, cu(i), cu(i - 1) * 16 + cu(i + 1));
    feats[o + 12] = mix(12, cu(i - 1), w(i));
    feats[o + 13] = mix(13, ld, leftMeta[i] as number);
    feats[o + 14] = mix(14, rd, rightComma[i] as number);
    feats[o + 15] = mix(15, leftWord[i] as number, Math.min(ld, 4));
    feats[o + 16] = mix(16, rightWord[i] as number, Math.min(rd, 4));
    feats[o + 17] = mix(17, distBucket(i), distBucket(n - 1 - i));
    feats[o + 18] = mix(18, inQuote[i] as number, sh(i));
    feats[o + 19] = mix(19, anyCue, ld * 8 + rd);
    feats[o + 20] = mix(20, w(i), ld);
    feats[o + 21] = mix(21, w(i), rd);
    feats[o + 22] = mix(22, w(i - 1), en(i));
    feats[o + 23] = mix(23, w(i + 1), en(i));
    feats[o + 24] = mix(24, w(i + 1), cu(i));
    feats[o + 25] = mix(25, w(i - 1), cu(i));
    feats[o + 26] = mix(26, leftWord[i] as number, w(i));
    feats[o + 27] = mix(27, sh(i), en(i) * 16 + cu(i));
    feats[o + 28] = mix(28, w(i + 1), w(i + 2));
    feats[o + 29] = mix(29, w(i - 2), w(i - 1));
    feats[o + 30] = mix(30, ld * 8 + rd, leftMeta[i] as number);
    feats[o + 31] = mix(31, rightWord[i] as number, rd * 4 + (rightComma[i] as number));
    feats[o + 32] = mix(32, sh(i), ld);
    feats[o + 33] = mix(33, en(i - 1), cu(i));
  }
  return { feats, words, shapes, leftDist };
}

/** Features that read the labels already given (the previous two), DYNAMIC_FEATS of them. */
export const DYNAMIC_FEATS = 7;

/** `run`: how many tokens the content being tagged has so far (0 outside one). */
export function dynamicFeatures(sf: SentenceFeatures, i: number, prev: number, prev2: number, out: Uint32Array, run = 0): void {
  const r = distBucket(run);
  out[0] = mix(40, prev);
  out[1] = mix(41, prev * 8 + prev2);
  out[2] = mix(42, prev, sf.words[i] as number);
  out[3] = mix(43, prev, sf.shapes[i] as number);
  out[4] = mix(44, prev, sf.leftDist[i] as number);
  out[5] = mix(45, r, sf.shapes[i] as number);
  out[6] = mix(46, r, sf.words[i] as number);
}

/** Scores of each label for token i from its label-free features, into `scores`. */
export function staticScores(model: TaggerModel, sf: SentenceFeatures, i: number, scores: Float64Array): void {
  const mask = (1 << model.bits) - 1;
  const w = model.weights;
  scores.fill(0);
  const o = i * STATIC_FEATS;
  for (let f = 0; f < STATIC_FEATS; f++) {
    const base = ((sf.feats[o + f] as number) & mask) * LABEL_COUNT;
    for (let l = 0; l < LABEL_COUNT; l++) scores[l] = (scores[l] as number) + (w[base + l] as number);
  }
}

/** Adds the scores of the label-dependent features `dyn` to `scores`. */
export function addDynamicScores(model: TaggerModel, dyn: Uint32Array, scores: Float64Array): void {
  const mask = (1 << model.bits) - 1;
  const w = model.weights;
  for (let f = 0; f < DYNAMIC_FEATS; f++) {
    const base = ((dyn[f] as number) & mask) * LABEL_COUNT;
    for (let l = 0; l < LABEL_COUNT; l++) scores[l] = (scores[l] as number) + (w[base + l] as number);
  }
}

export interface TaggedSentence {
  labels: Uint8Array;
  /** Per token: how far the best content label's score is above O's (negative where O wins). */
  margins: Float32Array;
}

/** Hypotheses kept per token: a greedy tagger ends a content at its first wrong O and never gets back in. */
export const BEAM = 4;

/** Beam-search tagging of one sentence, left to right, with the labels of each hypothesis as its features. The beam
 * lives in typed arrays (scores, the last two labels, the content run's length) with back-pointers per token, so
 * tagging allocates nothing per token. */
export function tagSentence(model: TaggerModel, sf: SentenceFeatures, n: number, beam = BEAM): TaggedSentence {
  const scores = new Float64Array(LABEL_COUNT);
  const fixed = new Float64Array(LABEL_COUNT);
  const dyn = new Uint32Array(DYNAMIC_FEATS);
  // Per token and beam slot: the label chosen, the slot of the previous token it extends, the margin there.
  const labelAt = new Uint8Array(n * beam);
  const parentAt = new Uint8Array(n * beam);
  const marginAt = new Float32Array(n * beam);
  let size = 1;
  let cur = { score: new Float64Array(beam), prev: new Uint8Array(beam).fill(7), prev2: new Uint8Array(beam).fill(7), run: new Uint16Array(beam) };
  let nxt = { score: new Float64Array(beam), prev: new Uint8Array(beam), prev2: new Uint8Array(beam), run: new Uint16Array(beam) };
  for (let i = 0; i < n; i++) {
    // The label-free features score the token once for every hypothesis.
    staticScores(model, sf, i, fixed);
    let nextSize = 0;
    const o = i * beam;
    for (let h = 0; h < size; h++) {
      const prev = cur.prev[h] as number;
      const run = cur.run[h] as number;
      dynamicFeatures(sf, i, prev, cur.prev2[h] as number, dyn, run);
      scores.set(fixed);
      addDynamicScores(model, dyn, scores);
      const margin = Math.max(scores[L_B] as number, scores[L_I] as number) - (scores[L_O] as number);
      for (let l = 0; l < LABEL_COUNT; l++) {
        const score = (cur.score[h] as number) + (scores[l] as number);
        if (nextSize === beam && score <= (nxt.score[beam - 1] as number)) continue;
        // Insert in order (the beam is tiny).
        let k = nextSize < beam ? nextSize++ : beam - 1;
        while (k > 0 && (nxt.score[k - 1] as number) < score) {
          nxt.score[k] = nxt.score[k - 1] as number;
          nxt.prev[k] = nxt.prev[k - 1] as number;
          nxt.prev2[k] = nxt.prev2[k - 1] as number;
          nxt.run[k] = nxt.run[k - 1] as number;
          labelAt[o + k] = labelAt[o + k - 1] as number;
          parentAt[o + k] = parentAt[o + k - 1] as number;
          marginAt[o + k] = marginAt[o + k - 1] as number;
          k--;
        }
        nxt.score[k] = score;
        nxt.prev[k] = l;
        nxt.prev2[k] = prev;
        nxt.run[k] = l === L_B ? 1 : l === L_I ? run + 1 : 0;
        labelAt[o + k] = l;
        parentAt[o + k] = h;
        marginAt[o + k] = margin;
      }
    }
    [cur, nxt] = [nxt, cur];
    size = nextSize;
  }
  const labels = new Uint8Array(n);
  const margins = new Float32Array(n);
  let slot = 0;
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = labelAt[i * beam + slot] as number;
    margins[i] = marginAt[i * beam + slot] as number;
    slot = parentAt[i * beam + slot] as number;
  }
  return { labels, margins };
}

export interface TaggedSpan {
  /** Token indexes [from, to). */
  from: number;
  to: number;
  /** Mean margin of its tokens. */
  confidence: number;
}

/** The content runs of a tagged sentence: a B, or an I after a non-content label, opens one. */
export function contentRuns(tagged: TaggedSentence): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  const { labels, margins } = tagged;
  let from = -1;
  let sum = 0;
  const close = (to: number): void => {
    if (from >= 0) out.push({ from, to, confidence: sum / (to - from) });
    from = -1;
    sum = 0;
  };
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i] as number;
    if (l === L_B || (l === L_I && from < 0)) {
      close(i);
      from = i;
    } else if (l !== L_I) {
      close(i);
      continue;
    }
    sum += margins[i] as number;
  }
  close(labels.length);
  return out;
}

/** Reads the model file's compact form: one signed byte per weight (base64): the
 * square root of the weight's size times `scale`, with its sign. */
export function loadTaggerModel(json: { bits: number; scale: number; weights: string; cues: Record<string, number> }): TaggerModel {
  const raw = atob(json.weights);
  const weights = new Float32Array(raw.length);
  for (let k = 0; k < raw.length; k++) {
    const b = raw.charCodeAt(k);
    const q = (b > 127 ? b - 256 : b) / json.scale;
    weights[k] = q < 0 ? -q * q : q * q;
  }
  const cueBins = new Map<number, number>();
  for (const [word, bin] of Object.entries(json.cues)) cueBins.set(wordHash(word), bin);
  return { bits: json.bits, weights, cueBins };
}
