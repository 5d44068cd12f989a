// The averaged-perceptron tagger's weights (lib/model/tagger.json, written by `npm run train`):
// a hashed feature table of small integers, decoded once, on first use.
import taggerData from '../model/tagger.json';
import { TAG_COUNT } from './tagger-features';

export interface TaggerModelFile {
  format: 1;
  /** log2 of the number of feature buckets. */
  bucketBits: number;
  /** Weight = stored integer / scale (scores are compared, so the scale only matters for reading). */
  scale: number;
  /** Int8 weights, bucket-major (bucket * TAG_COUNT + tag), base64. */
  weights: string;
}

export interface TaggerModel {
  mask: number;
  weights: Int8Array;
}

function decodeBase64(text: string): Int8Array {
  const binary = atob(text);
  const out = new Int8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = (binary.charCodeAt(i) << 24) >> 24;
  return out;
}

/** Builds the lookup structure from a model file (tests and the held-out evaluation pass their own). */
export function parseTaggerModel(file: TaggerModelFile): TaggerModel {
  const buckets = 1 << file.bucketBits;
  const weights = decodeBase64(file.weights);
  if (weights.length !== buckets * TAG_COUNT) throw new Error(`tagger model: expected ${buckets * TAG_COUNT} weights, got ${weights.length}`);
  return { mask: buckets - 1, weights };
}

let loaded: TaggerModel | null = null;

/** The shipped model, decoded on first call and kept (the bench times the first call). */
export function loadTaggerModel(): TaggerModel {
  loaded ??= parseTaggerModel(taggerData as TaggerModelFile);
  return loaded;
}
