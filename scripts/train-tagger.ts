// Trains the averaged-perceptron entity tagger (lib/analysis/tagger*.ts) on CoNLL-2003 documents.
// Deterministic: a seeded document order, integer updates, and quantised weights, so the same
// documents give the same bytes. Gold labels are projected onto Lede's own tokens, so training
// sees exactly what the runtime tagger sees.
import { markHeadingLines } from '../lib/analysis/entities-candidates';
import { allowedAfter, bestTag } from '../lib/analysis/tagger';
import { dynamicFeatures, featureDocument, opensNothing, recordHistory, staticFeatures, TAG_COUNT, TAGS, type StaticFeatures, type TaggerLexicon, type TagHistory } from '../lib/analysis/tagger-features';
import type { TaggerModelFile } from '../lib/analysis/tagger-model';
import { tokenize, type Token } from '../lib/analysis/tokens';
import { readFileSync } from 'node:fs';
import { readConllText, type ConllDocument } from './eval/conll';
import { buildLists, listsLexicon, type Sentence, type worldPlaces } from './train-lists';

export interface TaggerDocument {
  tokens: Token[];
  /** Gold tag index per token. */
  gold: Uint8Array;
  /** The lists its gazetteer features consult (built without this document in training). */
  lexicon: TaggerLexicon;
  /** Silver labels: scored with an extra, silver-only copy of every weight (see trainWeights). */
  silver?: boolean;
}

export interface TaggerTrainingOptions {
  epochs: number;
  bucketBits: number;
  seed: number;
}

/** Lede's tokens of a CoNLL document, with the gold labels carried over from CoNLL's tokens. */
export function taggerDocument(doc: ConllDocument, lexicon: TaggerLexicon): TaggerDocument {
  const tokens = tokenize(doc.text);
  markHeadingLines(tokens);
  const gold = new Uint8Array(tokens.length);
  let c = 0;
  let prevConll = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (c + 1 < doc.tokens.length && doc.tokens[c]!.end <= t.start) c++;
    const label = doc.labels[c]!;
    if (label.type) {
      const firstPiece = c !== prevConll;
      const tagName = `${label.begins && firstPiece ? 'B' : 'I'}-${label.type}`;
      gold[i] = TAGS.indexOf(tagName as (typeof TAGS)[number]);
    }
    prevConll = c;
  }
  return { tokens, gold, lexicon };
}

/** Small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** Averaged perceptron over greedy left-to-right decoding; returns float weights (bucket-major). */
export function trainWeights(docs: TaggerDocument[], options: TaggerTrainingOptions): Float64Array {
  const buckets = 1 << options.bucketBits;
  const mask = buckets - 1;
  const weights = new Float64Array(buckets * TAG_COUNT);
  // Lazy averaging: sum of (update * time); the average is weights - totals / time.
  const totals = new Float64Array(buckets * TAG_COUNT);
  const prepared = docs.map((d) => featureDocument(d.tokens, d.lexicon));
  const features: StaticFeatures[] = prepared.map(staticFeatures);
  const scores = new Float64Array(TAG_COUNT);
  const extra: number[] = [];
  // Silver documents (another tagger's output) are scored with the shared weights plus a silver-only
  // copy that is never shipped: what the silver labels say differently from CoNLL's annotators (their
  // conventions, their mistakes) can settle there, and what both agree on goes to the shared weights
  // (Daume's "frustratingly easy" domain adaptation, one-sided).
  const silverWeights = new Float64Array(buckets * TAG_COUNT);
  const addSilver = (h: number): void => {
    const base = (h & mask) * TAG_COUNT;
    for (let k = 0; k < TAG_COUNT; k++) scores[k]! += silverWeights[base + k]!;
  };
  let time = 1;
  const update = (h: number, tag: number, by: number): void => {
    const k = (h & mask) * TAG_COUNT + tag;
    weights[k]! += by;
    totals[k]! += by * time;
  };
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const random = prng(options.seed + epoch);
    for (const d of shuffled(docs.length, random)) {
      const { tokens, gold } = docs[d]!;
      const silver = docs[d]!.silver === true;
      const { feats, offsets } = features[d]!;
      const { lowerHash } = prepared[d]!;
      const history: TagHistory = new Map();
      let prev1 = 0;
      let prev2 = 0;
      for (let i = 0; i < tokens.length; i++) {
        if (tokens[i]!.breakBefore > 0) prev1 = prev2 = 0;
        if (prev1 === 0 && opensNothing(tokens[i]!)) {
          // Decided without scoring at run time; nothing to learn.
          recordHistory(history, tokens[i]!, lowerHash[i]!, 0);
          prev2 = prev1;
          prev1 = 0;
          continue;
        }
        dynamicFeatures(tokens, i, prev1, prev2, lowerHash, history, extra);
        let predicted = bestTag(weights, mask, feats, offsets[i]!, offsets[i + 1]!, extra, prev1, scores);
        if (silver) {
          for (let f = offsets[i]!; f < offsets[i + 1]!; f++) addSilver(feats[f]!);
          for (const h of extra) addSilver(h);
          predicted = 0;
          for (let k = 1; k < TAG_COUNT; k++) if (allowedAfter(prev1, k) && scores[k]! > scores[predicted]!) predicted = k;
        }
        // After a wrong previous tag, the gold "inside" tag can't be chosen: its "begin" form is the target.
        let target = gold[i]!;
        if (!allowedAfter(prev1, target)) target -= 1;
        if (predicted !== target) {
          for (let f = offsets[i]!; f < offsets[i + 1]!; f++) {
            update(feats[f]!, target, 1);
            update(feats[f]!, predicted, -1);
          }
          for (const h of extra) {
            update(h, target, 1);
            update(h, predicted, -1);
          }
          if (silver) {
            for (let f = offsets[i]!; f < offsets[i + 1]!; f++) {
              silverWeights[(feats[f]! & mask) * TAG_COUNT + target]! += 1;
              silverWeights[(feats[f]! & mask) * TAG_COUNT + predicted]! -= 1;
            }
            for (const h of extra) {
              silverWeights[(h & mask) * TAG_COUNT + target]! += 1;
              silverWeights[(h & mask) * TAG_COUNT + predicted]! -= 1;
            }
          }
        }
        recordHistory(history, tokens[i]!, lowerHash[i]!, predicted);
        prev2 = prev1;
        prev1 = predicted;
        time++;
      }
    }
  }
  const averaged = new Float64Array(weights.length);
  for (let k = 0; k < weights.length; k++) averaged[k] = weights[k]! - totals[k]! / time;
  return averaged;
}

/** Int8 quantisation: the largest weights (99.99th percentile of magnitudes) map to ±127. */
export function quantise(averaged: Float64Array, bucketBits: number): TaggerModelFile {
  const magnitudes = Array.from(averaged, Math.abs).filter((x) => x > 0).sort((a, b) => a - b);
  const top = magnitudes[Math.floor(magnitudes.length * 0.9999)] ?? 1;
  const scale = 127 / top;
  const bytes = Buffer.alloc(averaged.length);
  for (let k = 0; k < averaged.length; k++) {
    const q = Math.max(-127, Math.min(127, Math.round(averaged[k]! * scale)));
    bytes.writeInt8(q, k);
  }
  return { format: 1, bucketBits, scale: Number(scale.toPrecision(6)), weights: bytes.toString('base64') };
}

export function trainTagger(docs: TaggerDocument[], options: TaggerTrainingOptions): TaggerModelFile {
  return quantise(trainWeights(docs, options), options.bucketBits);
}

/** The settings `npm run train` uses (tuned on eng.testa). */
export const TAGGER_OPTIONS: TaggerTrainingOptions = { epochs: 12, bucketBits: 16, seed: 2003 };

const FOLDS = 5;

/**
 * Documents [0, docCount) of a CoNLL file as training documents. Each fold's gazetteer features
 * come from lists learned on the other folds: lists learned on all of eng.train know every
 * training name, and the tagger would learn to trust them more than they deserve on new text.
 */
export function crossFoldDocuments(
  conll: ConllDocument[],
  sentences: Sentence[],
  newsCounts: Map<string, number>,
  world: ReturnType<typeof worldPlaces>,
  docCount: number,
): TaggerDocument[] {
  const count = Math.min(docCount, conll.length);
  const lexicons = Array.from({ length: FOLDS }, (_, fold) =>
    listsLexicon(buildLists(sentences.filter((s) => s.doc < count && s.doc % FOLDS !== fold), newsCounts, world)),
  );
  return conll.slice(0, count).map((doc, d) => taggerDocument(doc, lexicons[d % FOLDS]!));
}

// Penn Treebank token spellings in the silver file, back to what news text has.
const PTB_TOKENS: Record<string, string> = { '``': '"', "''": '"', '-LRB-': '(', '-RRB-': ')', '-LSB-': '[', '-RSB-': ']', '-LCB-': '{', '-RCB-': '}' };

/**
 * Recent news tagged by a strong existing tagger (shared/datasets/polnear-silver): the names,
 * companies and institutions of today's news that Reuters 1996 never saw. Its gazetteer features
 * use the lists learned on all of eng.train, as at run time (these documents are not in them).
 */
export function silverDocuments(path: string, lexicon: TaggerLexicon, docCount: number): TaggerDocument[] {
  const text = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((line) => {
      const space = line.indexOf(' ');
      const word = space < 0 ? line : line.slice(0, space);
      const mapped = PTB_TOKENS[word];
      return mapped === undefined ? line : mapped + line.slice(space);
    })
    .join('\n');
  return readConllText(text).slice(0, docCount).map((doc) => ({ ...taggerDocument(doc, lexicon), silver: true }));
}
