// Features of the averaged-perceptron entity tagger, hashed into a fixed number of buckets.
// Shared by training (scripts/train-tagger.ts) and the runtime tagger (tagger.ts), so both see
// exactly the same features. Hashing keeps the model a plain weight table: no feature strings ship.
import type { Token } from './tokens';

/** The four CoNLL entity types, as the gazetteer and the tagger name them. */
export type GazType = 'PER' | 'LOC' | 'ORG' | 'MISC';

/** BIO tags over the four CoNLL types; index 0 is "outside". */
export const TAGS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'] as const;
export type TagIndex = number;
export const TAG_COUNT = TAGS.length;
/** Entity type of each tag (null for O), and whether it begins an entity. */
export const TAG_TYPE: readonly (GazType | null)[] = TAGS.map((t) => (t === 'O' ? null : (t.slice(2) as GazType)));
export const TAG_BEGINS: readonly boolean[] = TAGS.map((t) => t.startsWith('B-'));
const TYPE_INDEX: Record<GazType, number> = { PER: 0, LOC: 1, ORG: 2, MISC: 3 };

/** What the tagger may ask the learned lists (training passes lists built without the fold it tags). */
export interface TaggerLexicon {
  gazetteerType(name: string): GazType | undefined;
  isWorldPlace(name: string): boolean;
  isFirstName(word: string): boolean;
  isOrgSuffix(word: string): boolean;
  isNonEntityCap(word: string): boolean;
  isVocabularyWord(lowerWord: string): boolean;
  /** Optional: isFirstName, isOrgSuffix and isNonEntityCap of `word` as bits 1, 2 and 4, in one lookup. */
  capWordLists?(word: string): number;
  /** Longest entry in words. */
  maxWords: number;
  /** False when no entry starts with these words and a space: lets the longest-match loop stop early. */
  mayExtend?(words: string): boolean;
  /**
   * The three questions of the longest-match loop in one lookup: the type the cover gives `words` (a world
   * place is LOC, else gazetteerType) and mayExtend. Optional: without it the three are asked one by one.
   */
  coverStep?(words: string): { type: GazType | undefined; mayExtend: boolean };
}

// ---------- hashing (FNV-1a, 32-bit) ----------

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
// Features keep 30 bits: small integers stay unboxed in V8, and no model has more buckets than that.
const HASH_BITS = 0x3fffffff;

function mixString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Mixes a 32-bit value (a number or another hash) into h. */
function mix(h: number, n: number): number {
  h = Math.imul(h ^ (n & 0xff), FNV_PRIME);
  h = Math.imul(h ^ ((n >>> 8) & 0xff), FNV_PRIME);
  h = Math.imul(h ^ ((n >>> 16) & 0xff), FNV_PRIME);
  return Math.imul(h ^ (n >>> 24), FNV_PRIME);
}

/** mix(FNV_OFFSET, template) for every template number in use (below 64), computed once. */
const TEMPLATE_SEEDS = Int32Array.from({ length: 64 }, (_, template) => mix(FNV_OFFSET, template));

/** A feature: a template number and up to three values (numbers or string hashes). */
function feat(template: number, a: number, b = 0, c = 0): number {
  const seed = template < 64 ? TEMPLATE_SEEDS[template]! : mix(FNV_OFFSET, template);
  return mixValue(mixValue(mixValue(seed, a), b), c) & HASH_BITS;
}

// Mixing a byte of 0 is a multiplication by the prime (h ^ 0 === h), so the steps for a value's
// zero bytes fold into one multiplication by a power of the prime (mod 2^32, as Math.imul does).
const FNV_PRIME_2 = Math.imul(FNV_PRIME, FNV_PRIME);
const FNV_PRIME_3 = Math.imul(FNV_PRIME_2, FNV_PRIME);
const FNV_PRIME_4 = Math.imul(FNV_PRIME_3, FNV_PRIME);

/** mix(h, n), bit for bit, with fewer multiplications when n's high bytes are 0 (small values, 0 for "none"). */
function mixValue(h: number, n: number): number {
  if (n === 0) return Math.imul(h, FNV_PRIME_4);
  if ((n & ~0xff) === 0) return Math.imul(Math.imul(h ^ n, FNV_PRIME), FNV_PRIME_3);
  return mix(h, n);
}

/** feat as first written (four byte steps per value): the reference the tests hold feat to. */
export function featReference(template: number, a: number, b = 0, c = 0): number {
  return mix(mix(mix(mix(FNV_OFFSET, template), a), b), c) & HASH_BITS;
}

/** The feature hash the tagger uses (exported for the tests). */
export const featureHash = feat;

/** The hash of a string value, to combine into features. */
export function hashString(s: string): number {
  return mixString(FNV_OFFSET, s);
}

// ---------- per-token facts ----------

/** "Kerry" -> "Xx", "U.S." -> "X.X.", "1996-08-22" -> "d-d-d", "McFaul" -> "XxXx" (runs collapsed). */
/** hashString(wordShape(word)), computed without building the string (hot path). */
export function wordShapeHash(word: string): number {
  let h = FNV_OFFSET;
  let last = -1;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    let c: number;
    if (code >= 48 && code <= 57) c = 100; // 'd'
    else if (code >= 65 && code <= 90) c = 88; // 'X'
    else if (code >= 97 && code <= 122) c = 120; // 'x'
    else if (code < 128) c = code;
    else if (code === 0x2019) c = 39; // a curly apostrophe is shaped like the straight one CoNLL uses
    else {
      const ch = word[i]!;
      c = ch.toLowerCase() !== ch ? 88 : ch.toUpperCase() !== ch ? 120 : code;
    }
    if (c !== last) h = Math.imul(h ^ c, FNV_PRIME);
    last = c;
  }
  return h;
}

export function wordShape(word: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    let c: string;
    if (code >= 48 && code <= 57) c = 'd';
    else if (code >= 65 && code <= 90) c = 'X';
    else if (code >= 97 && code <= 122) c = 'x';
    else if (code < 128) c = word[i]!;
    else {
      const ch = word[i]!;
      c = ch.toLowerCase() !== ch ? 'X' : ch.toUpperCase() !== ch ? 'x' : ch;
    }
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** /\p{Ll}/u.test(word), with ASCII decided by code (hot: every capitalised token). */
export function hasLowercaseLetter(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 128) return /\p{Ll}/u.test(word);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

/** "RUSSIA" -> "Russia"; mixed-case words and abbreviations stay as written. */
function titleCase(word: string): string {
  if (word.includes('.') || hasLowercaseLetter(word)) return word;
  return word.charAt(0) + word.slice(1).toLowerCase();
}

/** Names go on over capitalised words, short connectors ("of", "de", "the") and "&", "-", ".". */
function continuesName(t: Token): boolean {
  if (t.isCap) return true;
  if (t.isWord) return t.text.length <= 3;
  return t.text === '&' || t.text === '-' || t.text === '.' || t.text === "'";
}

/** Per-token gazetteer cover: longest known name from each position, tagged B/I with its type. */
function gazetteerCover(tokens: Token[], lexicon: TaggerLexicon): Int8Array {
  // code: 0 none; 1 + 2*typeIndex (+1 for inside)
  const cover = new Int8Array(tokens.length);
  let i = 0;
  while (i < tokens.length) {
    if (!tokens[i]!.isCap) {
      i++;
      continue;
    }
    const caps = tokens[i]!.isAllCaps;
    let text = '';
    let bestLen = 0;
    let bestType: GazType | undefined;
    for (let j = i; j < tokens.length && j - i < lexicon.maxWords; j++) {
      const t = tokens[j]!;
      if (j > i && (t.breakBefore > 0 || !continuesName(t))) break;
      text += (j > i ? ' ' : '') + (caps ? titleCase(t.text) : t.text);
      let type: GazType | undefined;
      let mayExtend = true;
      if (lexicon.coverStep) ({ type, mayExtend } = lexicon.coverStep(text));
      else {
        type = lexicon.isWorldPlace(text) ? 'LOC' : lexicon.gazetteerType(text);
        mayExtend = !lexicon.mayExtend || lexicon.mayExtend(text);
      }
      if (type) {
        bestLen = j - i + 1;
        bestType = type;
      }
      if (!mayExtend) break;
    }
    if (!bestType) {
      i++;
      continue;
    }
    for (let k = 0; k < bestLen; k++) cover[i + k] = 1 + 2 * TYPE_INDEX[bestType] + (k > 0 ? 1 : 0);
    i += bestLen;
  }
  return cover;
}

/** Document-level facts about the capitalised words' lower-cased forms: seen in lower case, seen capitalised mid-sentence. */
interface DocumentFacts {
  lowerSeen: Set<string>;
  midCapSeen: Set<string>;
}

function documentFacts(tokens: Token[], lower: string[]): DocumentFacts {
  // Only capitalised words ask about lowerSeen (tokenFeatures), so it holds just their lower-case forms that the
  // document also writes in lower case: a few look-ups per lower-case word rather than an insertion for each.
  const capLower = new Set<string>();
  const midCapSeen = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.isWord || !t.isCap) continue;
    capLower.add(lower[i]!);
    if (!t.sentenceStart && !t.inCapsSentence && !t.isAllCaps) midCapSeen.add(lower[i]!);
  }
  const lowerSeen = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.isWord && !t.isCap && capLower.has(t.text)) lowerSeen.add(t.text);
  }
  return { lowerSeen, midCapSeen };
}

/**
 * The features that do not depend on predicted tags, for every token: a flat list with offsets
 * (token i's features are feats[offsets[i]] .. feats[offsets[i + 1] - 1]).
 */
export interface StaticFeatures {
  feats: Int32Array;
  offsets: Int32Array;
}

const BOS = hashString('<s>');
const EOS = hashString('</s>');
const BIAS = hashString('bias');

/** 1 for ASCII digits: "a word with digits" is its own feature. */
function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** What feature extraction needs about a whole document, computed once. */
export interface FeatureDocument {
  tokens: Token[];
  lexicon: TaggerLexicon;
  lower: string[];
  /** Hash of each token's lower-cased text (also the document history's key). */
  lowerHash: Int32Array;
  shapeHash: Int32Array;
  /** Line number of each token: context stops at line breaks (a CoNLL sentence, an article paragraph). */
  line: Int32Array;
  /** 1 on lines where at least a quarter of the tokens hold digits (results tables). */
  table: Uint8Array;
  cover: Int8Array;
  facts: DocumentFacts;
}

/** "O’Rourke" -> "O'Rourke": the tagger learned from text with straight apostrophes only. */
function plainApostrophes(word: string): string {
  return word.includes('’') ? word.replace(/’/g, "'") : word;
}

export function featureDocument(tokens: Token[], lexicon: TaggerLexicon): FeatureDocument {
  const n = tokens.length;
  const lower = new Array<string>(n);
  const lowerHash = new Int32Array(n);
  const shapeHash = new Int32Array(n);
  const line = new Int32Array(n);
  const numeric = new Int32Array(n);
  for (let i = 0, l = 0; i < n; i++) {
    const t = tokens[i]!;
    if (t.breakBefore > 0) l++;
    line[i] = l;
    lower[i] = t.lower.includes('’') ? plainApostrophes(t.lower) : t.lower;
    // Numbers differ in digits only ("2", "3", "1996"): one hash per shape of digits.
    const digits = hasDigit(t.text);
    lowerHash[i] = hashString(digits ? lower[i]!.replace(/\d/g, '0') : lower[i]!);
    shapeHash[i] = wordShapeHash(t.text);
    if (digits) numeric[l]!++;
  }
  // Lines that are mostly numbers: results tables, where names are teams and players.
  const lineLength = new Int32Array(n);
  for (let i = 0; i < n; i++) lineLength[line[i]!]!++;
  const table = new Uint8Array(n);
  for (let i = 0; i < n; i++) table[i] = numeric[line[i]!]! * 4 >= lineLength[line[i]!]! && numeric[line[i]!]! > 0 ? 1 : 0;
  return { tokens, lexicon, lower, lowerHash, shapeHash, line, table, cover: gazetteerCover(tokens, lexicon), facts: documentFacts(tokens, lower) };
}

/**
 * A token no entity starts with: lower-case words and punctuation. After an "outside" tag such a
 * token is "outside" too, without scoring (most tokens; training skips them the same way).
 */
export function opensNothing(t: Token): boolean {
  if (t.isCap) return false;
  const c = t.text.charCodeAt(0);
  return !(c >= 48 && c <= 57);
}

/** The hash at token i + d from `hashes`, or a boundary marker past the line's ends. */
function neighbour(doc: FeatureDocument, hashes: Int32Array, i: number, d: number): number {
  const j = i + d;
  if (j < 0 || j >= hashes.length || doc.line[j] !== doc.line[i]) return d < 0 ? BOS : EOS;
  return hashes[j]!;
}

/**
 * Writes the features of token i that do not depend on predicted tags into out from index `at` (by default
 * appending), and returns the index after the last. (No closures: hot path.)
 */
export function tokenFeatures(doc: FeatureDocument, i: number, out: number[], at = out.length): number {
  const { tokens, lexicon, lowerHash, shapeHash, cover } = doc;
  const n = tokens.length;
  const t = tokens[i]!;
  const w = plainApostrophes(t.text);
  const lw = doc.lower[i]!;
  const lh = lowerHash[i]!;
  const shape = shapeHash[i]!;
  out[at++] = feat(0, BIAS);
  out[at++] = feat(1, hashString(w));
  out[at++] = feat(2, lh);
  out[at++] = feat(3, shape);
  // Prefixes and suffixes of 1-4 letters, hashed incrementally (no substrings).
  let pre = FNV_OFFSET;
  let suf = FNV_OFFSET;
  for (let k = 1; k <= 4 && k < lw.length; k++) {
    pre = Math.imul(pre ^ lw.charCodeAt(k - 1), FNV_PRIME);
    suf = Math.imul(suf ^ lw.charCodeAt(lw.length - k), FNV_PRIME);
    out[at++] = feat(4 + k, pre);
    out[at++] = feat(8 + k, suf);
  }
  const pos = (t.sentenceStart ? 1 : 0) | (t.breakBefore > 0 ? 2 : 0) | (t.inCapsSentence ? 4 : 0) | (doc.table[i]! ? 8 : 0);
  const prev1 = neighbour(doc, lowerHash, i, -1);
  const next1 = neighbour(doc, lowerHash, i, 1);
  const prev2 = neighbour(doc, lowerHash, i, -2);
  const next2 = neighbour(doc, lowerHash, i, 2);
  const prevShape = neighbour(doc, shapeHash, i, -1);
  const nextShape = neighbour(doc, shapeHash, i, 1);
  out[at++] = feat(13, pos);
  out[at++] = feat(14, pos, shape);
  out[at++] = feat(15, prev1);
  out[at++] = feat(16, next1);
  out[at++] = feat(17, prev2);
  out[at++] = feat(18, next2);
  out[at++] = feat(19, prev1, lh);
  out[at++] = feat(20, lh, next1);
  out[at++] = feat(21, prev1, next1);
  out[at++] = feat(22, prevShape);
  out[at++] = feat(23, nextShape);
  out[at++] = feat(24, prevShape, shape);
  out[at++] = feat(25, shape, nextShape);
  out[at++] = feat(26, prev2, prev1);
  out[at++] = feat(27, next1, next2);
  // Gazetteer cover here and at the neighbours.
  out[at++] = feat(28, cover[i]!);
  out[at++] = feat(35, cover[i]!, pos);
  out[at++] = feat(36, lh, doc.table[i]!);
  out[at++] = feat(37, prev1, shape);
  out[at++] = feat(29, cover[i]!, i > 0 ? cover[i - 1]! : 99, i + 1 < n ? cover[i + 1]! : 99);
  if (t.isCap) {
    const tc = t.isAllCaps ? titleCase(w) : w;
    const lists = lexicon.capWordLists
      ? lexicon.capWordLists(tc)
      : (lexicon.isFirstName(tc) ? 1 : 0) | (lexicon.isOrgSuffix(tc) ? 2 : 0) | (lexicon.isNonEntityCap(tc) ? 4 : 0);
    const flags =
      lists |
      (lexicon.isVocabularyWord(lw) ? 8 : 0) |
      (doc.facts.lowerSeen.has(lw) ? 16 : 0) |
      (doc.facts.midCapSeen.has(lw) ? 32 : 0);
    out[at++] = feat(30, flags);
    out[at++] = feat(31, flags & 15, t.inCapsSentence || t.sentenceStart ? 1 : 0);
    if (t.inCapsSentence || t.isAllCaps) out[at++] = feat(32, hashString(tc));
    // The next word's lists: "University", "Inc" after a name.
    const next = tokens[i + 1];
    if (next && next.breakBefore === 0 && next.isCap) out[at++] = feat(33, lexicon.isOrgSuffix(next.isAllCaps ? titleCase(next.text) : next.text) ? 1 : 0, (tc === w ? lists & 1 : lexicon.isFirstName(w)) ? 1 : 0);
  }
  if (hasDigit(w)) out[at++] = feat(34, w.length > 4 ? 5 : w.length);
  return at;
}

/** Every token's static features, flat (training reuses them across epochs). */
export function staticFeatures(doc: FeatureDocument): StaticFeatures {
  const out: number[] = [];
  const offsets = new Int32Array(doc.tokens.length + 1);
  for (let i = 0; i < doc.tokens.length; i++) {
    offsets[i] = out.length;
    tokenFeatures(doc, i, out);
  }
  offsets[doc.tokens.length] = out.length;
  return { feats: Int32Array.from(out), offsets };
}

/** Document history: per word (by lower-case hash), counts of the types it was tagged with (O, PER, LOC, ORG, MISC). */
export type TagHistory = Map<number, Uint8Array>;

/** Features from the tags already predicted: the previous two tags, and the document's history. */
export function dynamicFeatures(tokens: Token[], i: number, prev1: TagIndex, prev2: TagIndex, lowerHash: Int32Array, history: TagHistory, out: number[]): void {
  out.length = 0;
  appendDynamicFeatures(tokens, i, prev1, prev2, lowerHash, history, out);
}

/** dynamicFeatures written into out from index `at` (by default appending); returns the index after the last. */
export function appendDynamicFeatures(tokens: Token[], i: number, prev1: TagIndex, prev2: TagIndex, lowerHash: Int32Array, history: TagHistory, out: number[], at = out.length): number {
  const t = tokens[i]!;
  const newLine = t.breakBefore > 0;
  const p1 = newLine ? 99 : prev1;
  const p2 = newLine ? 99 : prev2;
  out[at++] = feat(40, p1);
  out[at++] = feat(41, p1, p2);
  out[at++] = feat(42, p1, lowerHash[i]!);
  // Non-local: how this word was tagged earlier in the document (Ratinov & Roth's prediction history).
  if (!t.isWord || !t.isCap) return at;
  const seen = history.get(lowerHash[i]!);
  if (seen) {
    let best = 0;
    for (let k = 1; k < seen.length; k++) if (seen[k]! > seen[best]!) best = k;
    out[at++] = feat(43, best, t.inCapsSentence ? 1 : 0);
    for (let k = 0; k < seen.length; k++) if (seen[k]! > 0) out[at++] = feat(44, k);
  } else out[at++] = feat(45, 0);
  return at;
}

/** Records a predicted tag in the document history. */
export function recordHistory(history: TagHistory, token: Token, hash: number, tag: TagIndex): void {
  if (!token.isWord || !token.isCap) return;
  let seen = history.get(hash);
  if (!seen) history.set(hash, (seen = new Uint8Array(5)));
  const type = TAG_TYPE[tag];
  const k = type ? 1 + TYPE_INDEX[type] : 0;
  if (seen[k]! < 255) seen[k]!++;
}
