// Numeric feature keys for the learned attribution models: a feature string ("wn=said|that") is read by its hash,
// which the scorers build by combining the hashes of its parts ("wn=", the word, "|", the next word) instead of
// concatenating strings and looking them up in a string-keyed Map. The hash is a polynomial over the string's
// UTF-16 code units, so the hash of a concatenation follows from the parts' hashes: H(a + b) = H(a)·M^|b| + H(b).
// Two independent 32-bit lanes (different multipliers) make one 64-bit key: a feature that is not in a model
// meets a model key's hash by chance about once in 2^64 / (model size) lookups.

const M1 = 0x01000193;
const M2 = 0x5bd1e995;

/** A hashed string, ready to be appended: its two lanes and the multipliers M^length that shift a prefix past it. */
export interface Part {
  readonly h1: number;
  readonly h2: number;
  readonly m1: number;
  readonly m2: number;
}

/** The Part of a string. */
export function hashPart(s: string): Part {
  let h1 = 0;
  let h2 = 0;
  let m1 = 1;
  let m2 = 1;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    h1 = (Math.imul(h1, M1) + c) | 0;
    h2 = (Math.imul(h2, M2) + c) | 0;
    m1 = Math.imul(m1, M1);
    m2 = Math.imul(m2, M2);
  }
  return { h1, h2, m1, m2 };
}

/** The Part of a + b. */
export function concatParts(a: Part, b: Part): Part {
  return {
    h1: (Math.imul(a.h1, b.m1) + b.h1) | 0,
    h2: (Math.imul(a.h2, b.m2) + b.h2) | 0,
    m1: Math.imul(a.m1, b.m1),
    m2: Math.imul(a.m2, b.m2),
  };
}

const partCache = new Map<string, Part>();
const MAX_CACHED_PARTS = 20_000;

/** hashPart through a cache, for the strings a sentence repeats (words, classes, punctuation). */
export function cachedPart(s: string): Part {
  let part = partCache.get(s);
  if (part === undefined) {
    part = hashPart(s);
    if (partCache.size >= MAX_CACHED_PARTS) partCache.clear();
    partCache.set(s, part);
  }
  return part;
}

/**
 * The hashed features of one token or candidate, in the order of their string form (so a score sums the same
 * weights in the same order). Built part by part: `begin` a feature, `add` parts, `end` it.
 */
export class FeatureHashes {
  a: Int32Array;
  b: Int32Array;
  n = 0;
  private h1 = 0;
  private h2 = 0;

  constructor(capacity = 32) {
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
  }

  clear(): this {
    this.n = 0;
    return this;
  }

  begin(p: Part): this {
    this.h1 = p.h1;
    this.h2 = p.h2;
    return this;
  }

  add(p: Part): this {
    this.h1 = (Math.imul(this.h1, p.m1) + p.h1) | 0;
    this.h2 = (Math.imul(this.h2, p.m2) + p.h2) | 0;
    return this;
  }

  end(): void {
    this.push(this.h1, this.h2);
  }

  /** A whole feature in one part ("b", "end"). */
  one(p: Part): void {
    this.push(p.h1, p.h2);
  }

  push(h1: number, h2: number): void {
    if (this.n === this.a.length) {
      const a = new Int32Array(this.n * 2);
      const b = new Int32Array(this.n * 2);
      a.set(this.a);
      b.set(this.b);
      this.a = a;
      this.b = b;
    }
    this.a[this.n] = h1;
    this.b[this.n] = h2;
    this.n++;
  }

  /** Appends all of `other`'s features. */
  append(other: FeatureHashes): this {
    for (let k = 0; k < other.n; k++) this.push(other.a[k] as number, other.b[k] as number);
    return this;
  }

  /** A copy that keeps its features when this buffer is reused. */
  copy(): FeatureHashes {
    return new FeatureHashes(Math.max(this.n, 1)).append(this);
  }
}

/** A model's weights by feature hash: an open-addressing table over both lanes. */
export class HashedWeights {
  private readonly keys1: Int32Array;
  private readonly keys2: Int32Array;
  private readonly weights: Float64Array;
  private readonly used: Uint8Array;
  private readonly shift: number;
  private readonly mask: number;

  /** Throws when two of the model's feature names share one hash (no name may stand for another). */
  constructor(entries: Iterable<readonly [string, number]>, model: string) {
    const list = [...entries];
    let bits = 4;
    while (1 << bits < list.length * 2) bits++;
    const size = 1 << bits;
    this.shift = 32 - bits;
    this.mask = size - 1;
    this.keys1 = new Int32Array(size);
    this.keys2 = new Int32Array(size);
    this.weights = new Float64Array(size);
    this.used = new Uint8Array(size);
    const names: string[] = new Array(size);
    for (const [name, weight] of list) {
      const { h1, h2 } = hashPart(name);
      let slot = this.slotOf(h1, h2);
      while (this.used[slot]) {
        if (this.keys1[slot] === h1 && this.keys2[slot] === h2) {
          throw new Error(`${model}: the features "${names[slot]}" and "${name}" have one hash; change the multipliers in attribution-hash.ts`);
        }
        slot = (slot + 1) & this.mask;
      }
      this.used[slot] = 1;
      this.keys1[slot] = h1;
      this.keys2[slot] = h2;
      this.weights[slot] = weight;
      names[slot] = name;
    }
  }

  private slotOf(h1: number, h2: number): number {
    return Math.imul(h1 ^ Math.imul(h2, 0x9e3779b1), 0x85ebca6b) >>> this.shift;
  }

  /** The weight of the feature with hash (h1, h2), 0 when the model has none. */
  get(h1: number, h2: number): number {
    let slot = this.slotOf(h1, h2);
    while (this.used[slot]) {
      if (this.keys1[slot] === h1 && this.keys2[slot] === h2) return this.weights[slot] as number;
      slot = (slot + 1) & this.mask;
    }
    return 0;
  }

  /** The sum of the features' weights, in their order. */
  score(feats: FeatureHashes): number {
    return this.addTo(0, feats);
  }

  /** `z` plus the features' weights, added in their order (so the sum is the string scorer's to the last bit). */
  addTo(z: number, feats: FeatureHashes): number {
    for (let k = 0; k < feats.n; k++) z += this.get(feats.a[k] as number, feats.b[k] as number);
    return z;
  }
}
