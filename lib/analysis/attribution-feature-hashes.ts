// The features of attribution-features.ts as hashes (attribution-hash.ts), for the product's scorers: the same
// features in the same order, each hash equal to that of its string form, built from the hashes of its parts
// without making the string. The string forms stay the definition (the trainers read them); a unit test holds
// the two equal.
import { cachedPart, type FeatureHashes, hashPart, type Part } from './attribution-hash';
import { bucket, fixedWordClass, stem, SUBJECT_PRONOUNS, subjectBefore, SUBORDINATORS, type EntityTypeOf } from './attribution-features';
import { isCapitalized, type Token } from './quote-tokens';

const P = hashPart;
export const BAR = P('|');
const DOT = P('.');
export const EMPTY = P('');
export const SENT_START = P('<s>');
export const SENT_END = P('</s>');
const TRUE = P('true');
const FALSE = P('false');
const SUB = P('sub');
const PRO = P('pro');
const SMALL = [P('0'), P('1'), P('2'), P('3')];
const B4_6 = P('4-6');
const B7_12 = P('7-12');
const B13 = P('13+');

/** The Part of bucket(n). */
function bucketPart(n: number): Part {
  if (n >= 0 && n <= 3) return SMALL[n] as Part;
  if (n <= 3) return P(bucket(n));
  return n <= 6 ? B4_6 : n <= 12 ? B7_12 : B13;
}

/** What the features read of one lower-case word, hashed once per word. */
interface WordParts {
  /** norm(): curly apostrophes straightened. */
  w: Part;
  s3: Part;
  s2: Part;
  stem: Part;
  ing: boolean;
  subordinator: boolean;
  /** The Part of wordClass() when the lower-case word decides it, else null (capitalisation does). */
  cls: Part | null;
  ly: boolean;
  pronoun: boolean;
}

const wordCache = new Map<string, WordParts>();
const MAX_CACHED_WORDS = 20_000;

export function wordParts(t: Token): WordParts {
  let parts = wordCache.get(t.lower);
  if (parts === undefined) {
    const w = t.lower.includes('\u2019') ? t.lower.replace(/\u2019/g, "'") : t.lower;
    const fixed = fixedWordClass(t.lower);
    parts = {
      w: P(w), s3: P(w.slice(-3)), s2: P(w.slice(-2)), stem: P(stem(w)), ing: w.endsWith('ing'), subordinator: SUBORDINATORS.has(w),
      cls: fixed === null ? null : P(fixed), ly: t.lower.endsWith('ly'), pronoun: SUBJECT_PRONOUNS.has(t.lower),
    };
    if (wordCache.size >= MAX_CACHED_WORDS) wordCache.clear();
    wordCache.set(t.lower, parts);
  }
  return parts;
}

/** The sentence partsAt last read, and what it read of its tokens (each entry checked against its token). */
let sentence: readonly Token[] | null = null;
let seenTokens: (Token | undefined)[] = [];
let seenParts: WordParts[] = [];

/** wordParts(tokens[k]), read once per token of the sentence being scored (one array read instead of a string-keyed
 * lookup for every feature that names the word). */
export function partsAt(tokens: readonly Token[], k: number): WordParts {
  const t = tokens[k] as Token;
  if (tokens !== sentence) {
    sentence = tokens;
    seenTokens = new Array<Token | undefined>(tokens.length);
    seenParts = new Array<WordParts>(tokens.length);
  } else if (seenTokens[k] === t) return seenParts[k] as WordParts;
  const parts = wordParts(t);
  seenTokens[k] = t;
  seenParts[k] = parts;
  return parts;
}

/** The Part of norm(tokens[k], edge). */
export function normPart(tokens: readonly Token[], k: number, edge: Part): Part {
  return k >= 0 && k < tokens.length ? partsAt(tokens, k).w : edge;
}

const UNDERSCORE = P('_');
const CAP = P('C');
const LOW = P('l');
const LY = P('ly');
const DIGIT = P('9');

/** The Part of wordClass(tokens[k]), from the token's cached word parts (no string made or looked up for a word). */
export function classPartAt(tokens: readonly Token[], k: number): Part {
  const t = tokens[k];
  if (!t) return UNDERSCORE;
  if (!t.isWord) return cachedPart(t.text);
  const parts = partsAt(tokens, k);
  return parts.cls ?? (isCapitalized(t) ? CAP : parts.ly ? LY : LOW);
}

/** The Part of shape(tokens[k]). */
export function shapePartAt(tokens: readonly Token[], k: number): Part {
  const t = tokens[k];
  if (!t) return UNDERSCORE;
  if (!t.isWord) return cachedPart(t.text);
  const c = t.text.charCodeAt(0);
  if (c >= 48 && c <= 57) return DIGIT;
  if (partsAt(tokens, k).pronoun) return PRO;
  return isCapitalized(t) ? CAP : LOW;
}

const F = {
  b: P('b'), w: P('w='), s3: P('s3='), s2: P('s2='), p: P('p='), pp: P('pp='), n: P('n='), nn: P('nn='), wn: P('wn='), pw: P('pw='),
  wnn: P('wnn='), sh: P('sh='), rem: P('rem='), pos: P('pos='), sn: P('sn='), l: P('l='), ln: P('ln='), pl: P('pl='), pln: P('pln='),
  cls: P('cls='), lnn: P('lnn='), st: P('st='), stl: P('stl='), sw: P('sw='), that1: P('that@1'), thatN: P('that@n'), wthat: P('wthat='),
  subj: [EMPTY, P('subj@1'), P('subj@2'), P('subj@3')],
};

/** cueFeatures(tokens, i, wordsAfter, typeOf) as hashes, into `out` (cleared first). */
export function cueFeatureHashes(tokens: readonly Token[], i: number, wordsAfter: number, typeOf: EntityTypeOf, out: FeatureHashes): FeatureHashes {
  out.clear();
  const word = partsAt(tokens, i);
  const w = word.w;
  const p = normPart(tokens, i - 1, SENT_START);
  const pp = normPart(tokens, i - 2, SENT_START);
  const n = normPart(tokens, i + 1, SENT_END);
  const nn = normPart(tokens, i + 2, SENT_END);
  out.one(F.b);
  out.begin(F.w).add(w).end();
  out.begin(F.s3).add(word.s3).end();
  out.begin(F.s2).add(word.s2).end();
  out.begin(F.p).add(p).end();
  out.begin(F.pp).add(pp).end();
  out.begin(F.n).add(n).end();
  out.begin(F.nn).add(nn).end();
  out.begin(F.wn).add(w).add(BAR).add(n).end();
  out.begin(F.pw).add(p).add(BAR).add(w).end();
  out.begin(F.wnn).add(w).add(BAR).add(n).add(BAR).add(nn).end();
  const nextShape = shapePartAt(tokens, i + 1);
  out.begin(F.sh).add(shapePartAt(tokens, i - 1)).add(shapePartAt(tokens, i)).add(nextShape).end();
  out.begin(F.rem).add(bucketPart(wordsAfter)).end();
  out.begin(F.pos).add(bucketPart(i)).end();
  out.begin(F.sn).add(word.s2).add(BAR).add(nextShape).end();
  const lem = word.stem;
  const nc = classPartAt(tokens, i + 1);
  const pc = classPartAt(tokens, i - 1);
  out.begin(F.l).add(lem).end();
  out.begin(F.ln).add(lem).add(BAR).add(nc).end();
  out.begin(F.pl).add(pc).add(BAR).add(lem).end();
  out.begin(F.pln).add(pc).add(BAR).add(lem).add(BAR).add(nc).end();
  out.begin(F.cls).add(pc).add(BAR).add(classPartAt(tokens, i)).add(BAR).add(nc).end();
  out.begin(F.lnn).add(lem).add(BAR).add(nc).add(BAR).add(classPartAt(tokens, i + 2)).end();
  const subject = subjectBefore(tokens, i);
  const subjectType = !subject ? SENT_START : !subject.isWord ? cachedPart(subject.text) : SUBJECT_PRONOUNS.has(subject.lower) ? PRO : cachedPart(typeOf(subject) || (isCapitalized(subject) ? 'C' : 'l'));
  out.begin(F.st).add(subjectType).end();
  out.begin(F.stl).add(subjectType).add(BAR).add(lem).end();
  out.begin(F.sw).add(subject?.isWord && !isCapitalized(subject) ? cachedPart(subject.lower) : subjectType).end();
  for (let k = i + 1; k < tokens.length && k <= i + 7; k++) {
    const u = tokens[k] as Token;
    if (u.lower === 'that') {
      out.one(k - i <= 1 ? F.that1 : F.thatN);
      out.begin(F.wthat).add(w).end();
      break;
    }
    if (!u.isWord && u.text !== ',') break;
  }
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const u = tokens[k] as Token;
    if (!u.isWord) break;
    if (SUBJECT_PRONOUNS.has(u.lower) || isCapitalized(u)) {
      out.one(F.subj[i - k] as Part);
      break;
    }
  }
  return out;
}

const E = {
  b: P('b'), end: P('end'), endcue: P('endcue='), endlen: P('endlen='), open: P('open='), w: P('w='), wn: P('wn='), wnc: P('wnc='), pw: P('pw='),
  pcw: P('pcw='), len: P('len='), left: P('left='), wleft: P('wleft='), ning: P('ning='), cw: P('cw='), wlen: P('wlen='),
};

/** endFeaturesCounted(tokens, from, j, cue, words, commas) as hashes into `out`, given the Part of stem(cue). */
export function endFeatureHashes(tokens: readonly Token[], from: number, j: number, cueStem: Part, words: number, commas: number, out: FeatureHashes): FeatureHashes {
  out.clear();
  if (j >= tokens.length) {
    out.one(E.b);
    out.one(E.end);
    out.begin(E.endcue).add(cueStem).end();
    out.begin(E.endlen).add(bucketPart(j - from)).end();
    return out;
  }
  const t = tokens[j] as Token;
  const w = partsAt(tokens, j).w;
  const next = tokens[j + 1];
  const nw = normPart(tokens, j + 1, SENT_END);
  const prev = normPart(tokens, j - 1, SENT_START);
  const first = tokens[from];
  const opener = first && partsAt(tokens, from).subordinator ? SUB : classPartAt(tokens, from);
  const len = bucketPart(j - from);
  const left = bucketPart(words);
  out.begin(E.open).add(opener).add(BAR).add(w).add(BAR).add(bucketPart(Math.min(commas, 2))).end();
  out.one(E.b);
  out.begin(E.w).add(w).end();
  out.begin(E.wn).add(w).add(BAR).add(nw).end();
  out.begin(E.wnc).add(w).add(BAR).add(classPartAt(tokens, j + 1)).end();
  out.begin(E.pw).add(prev).add(BAR).add(w).end();
  out.begin(E.pcw).add(classPartAt(tokens, j - 1)).add(BAR).add(w).end();
  out.begin(E.len).add(len).end();
  out.begin(E.left).add(left).end();
  out.begin(E.wleft).add(w).add(BAR).add(left).end();
  out.begin(E.ning).add(w).add(BAR).add(next && partsAt(tokens, j + 1).ing ? TRUE : FALSE).end();
  out.begin(E.cw).add(cueStem).add(BAR).add(w).end();
  out.begin(E.wlen).add(w).add(BAR).add(len).end();
  return out;
}

const S = {
  b: P('b'), d: P('d='), w: P('w='), p: P('p='), pw: P('pw='), cd: P('cd='), cp: P('cp='), cw: P('cw='), that: P('that='), punct: P('punct='),
  btw: P('btw='), wc: P('wc='),
};

/** startFeatures(tokens, c, k) as hashes into `out`. */
export function startFeatureHashes(tokens: readonly Token[], c: number, k: number, out: FeatureHashes): FeatureHashes {
  out.clear();
  const cue = partsAt(tokens, c).stem;
  const w = normPart(tokens, k, EMPTY);
  const p = normPart(tokens, k - 1, SENT_START);
  let that = false;
  let punct = false;
  let between = 0;
  for (let i = c + 1; i < k; i++) {
    const t = tokens[i] as Token;
    if (t.lower === 'that') that = true;
    if (!t.isWord) punct = true;
  }
  const d = bucketPart(k - c - 1);
  const wc = classPartAt(tokens, k);
  out.one(S.b);
  out.begin(S.d).add(d).end();
  out.begin(S.w).add(w).end();
  out.begin(S.p).add(p).end();
  out.begin(S.pw).add(p).add(BAR).add(wc).end();
  out.begin(S.cd).add(cue).add(BAR).add(d).end();
  out.begin(S.cp).add(cue).add(BAR).add(p).end();
  out.begin(S.cw).add(cue).add(BAR).add(wc).end();
  out.begin(S.that).add(that ? TRUE : FALSE).add(BAR).add(d).end();
  out.begin(S.punct).add(punct ? TRUE : FALSE).end();
  out.begin(S.btw);
  for (let i = c + 1; i < k && between < 4; i++, between++) {
    if (between > 0) out.add(DOT);
    out.add(classPartAt(tokens, i));
  }
  out.end();
  out.begin(S.wc).add(wc).add(BAR).add(d).end();
  return out;
}
