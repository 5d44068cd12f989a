// Candidates and features for the cue-centred span model (lib/model/attribution-spans.json, trained on PolNeAR
// train by scripts/train-attribution-spans.ts): in a sentence the patterns leave alone, every word that was a
// cue in train ("believes", "is demanding", "proposes") proposes a few content spans cut from the clause around it
// (what follows it to the sentence end or to the clause boundary the end ranker picks; for "…, X argued." the words
// before its comma). One logistic model scores each (cue, span) pair as a whole: the cue's words, whether its
// subject is a person, a body or a pronoun, "that", where the span starts and ends, how long it is. Shared with the
// trainer, so both read a sentence the same way. Each sentence costs a few candidates per cue word: linear time.
import { cueFeatures, norm, prefixKey, stem, stemPrefixTable, wordsAfterEach, type EntityTypeOf } from './attribution-features';
import { BAR, cueFeatureHashes, EMPTY, normPart, partsAt, SENT_END, SENT_START } from './attribution-feature-hashes';
import { cachedPart, FeatureHashes, hashPart, type HashedWeights, type Part } from './attribution-hash';
import { cueProbability, learnedContentStart, rankedContentEnds } from './attribution-model';
import type { Token } from './quote-tokens';

/** One (cue, content) pair: token indexes of the cue's last word and of the content's first and past-last tokens.
 * `base` and `feats` are what a SpanFeaturizer makes of the cue and of the pair: their features (the trainer), or
 * the model's score so far (the product). */
export interface SpanCandidate<B = string[], P = string[]> {
  cue: number;
  from: number;
  to: number;
  /** The content comes before the cue ("…, the group argued."). */
  trailing: boolean;
  /** The cue's own features, one list shared by all pairs of that cue (so a scorer can sum them once). */
  base: B;
  /** The pair's features beyond the cue's. */
  feats: P;
}

/** How a pair's features are read: as strings (the trainer), as hashes of those strings, or summed into a score. */
export interface SpanFeaturizer<B, P> {
  /** The cue's own features: cueFeatures (whose hashes are given) and the cue model's verdict. */
  base(tokens: readonly Token[], c: number, wordsAfter: number, typeOf: EntityTypeOf, hashes: FeatureHashes, cueBin: string, speaker: string): B;
  /** The pair's features (pairFeatures and the end ranker's rank), after its cue's `base`. */
  pair(tokens: readonly Token[], counts: Int32Array, c: number, from: number, to: number, trailing: boolean, speaker: string, cueBin: string, agree: string, endRank: string, base: B): P;
}

/** What the sentence's speaker finder makes of the words before cue `i`: 'pronoun', 'person', 'organization',
 * 'phrase', 'name' … or '' for no speaker. */
export type SpeakerKindOf = (i: number) => string;

/** Words a content needs (fewer: "said so", "agreed"). */
const MIN_CONTENT_WORDS = 2;
/** Cue words read per sentence (the likeliest by their share of cue uses in train): a sentence seldom has more. */
const MAX_CUES = 3;
/** Ends the end ranker proposes for each start. */
const MAX_ENDS = 4;
/** A trailing cue sits this close to the sentence end ("…, the union argued on Tuesday."). */
const MAX_TRAILING_TAIL = 8;

function bucket(n: number): string {
  return n <= 2 ? String(n) : n <= 5 ? '3-5' : n <= 10 ? '6-10' : n <= 20 ? '11-20' : '21+';
}

/** Word tokens before each index: `before[k]` counts the words in tokens [0, k), so tokens [a, b) hold
 * before[b] - before[a] words (read once per sentence instead of counting each span). */
function wordsBeforeEach(tokens: readonly Token[]): Int32Array {
  const before = new Int32Array(tokens.length + 1);
  for (let k = 0; k < tokens.length; k++) before[k + 1] = (before[k] as number) + ((tokens[k] as Token).isWord ? 1 : 0);
  return before;
}

/** Words in tokens [from, to) by the sentence's wordsBeforeEach (an empty or reversed range has none). */
function wordsIn(before: Int32Array, from: number, to: number): number {
  return to <= from ? 0 : (before[to] as number) - (before[from] as number);
}

/** Per cue table, the first characters of its words and stems (stemPrefixTable): most words fail on these. */
const cuePrefixes = new WeakMap<ReadonlyMap<string, number>, Uint8Array>();

function prefixesOf(cueWords: ReadonlyMap<string, number>): Uint8Array {
  let table = cuePrefixes.get(cueWords);
  if (!table) cuePrefixes.set(cueWords, (table = stemPrefixTable([...cueWords.keys()].map((k) => (k.startsWith('~') ? k.slice(1) : k)))));
  return table;
}

/** Per cue table, the share of each lower-case word already looked up (a word passing the prefix test costs one
 * lookup rather than a stem, a joined "~stem" and two). Emptied when it grows large. */
const knownShares = new WeakMap<ReadonlyMap<string, number>, Map<string, number>>();
const MAX_KNOWN_SHARES = 20_000;

function sharesOf(cueWords: ReadonlyMap<string, number>): Map<string, number> {
  let known = knownShares.get(cueWords);
  if (!known) knownShares.set(cueWords, (known = new Map()));
  return known;
}

/** How often token `i`'s word (or its stem, as "~stem") was a cue in train: 0 for words that never were. */
export function cueShare(tokens: readonly Token[], i: number, cueWords: ReadonlyMap<string, number>, prefixes = prefixesOf(cueWords), known = sharesOf(cueWords)): number {
  const t = tokens[i] as Token;
  if (!t.isWord || !prefixes[prefixKey(t.lower)]) return 0;
  let share = known.get(t.lower);
  if (share === undefined) {
    const w = norm(t, '');
    share = Math.max(cueWords.get(w) ?? 0, cueWords.get(`~${stem(w)}`) ?? 0);
    if (known.size >= MAX_KNOWN_SHARES) known.clear();
    known.set(t.lower, share);
  }
  return share;
}

/** The words of a sentence most often cues in train, at most MAX_CUES of them, in sentence order. */
export function likeliestCues(tokens: readonly Token[], cueWords: ReadonlyMap<string, number>): number[] {
  const found: { i: number; share: number }[] = [];
  const prefixes = prefixesOf(cueWords);
  const known = sharesOf(cueWords);
  for (let i = 0; i < tokens.length; i++) {
    const share = cueShare(tokens, i, cueWords, prefixes, known);
    if (share > 0) found.push({ i, share });
  }
  if (found.length > MAX_CUES) found.sort((a, b) => b.share - a.share).splice(MAX_CUES);
  return found.map((x) => x.i).sort((a, b) => a - b);
}

/** What a (cue, span) pair's features read besides words: whether the span runs to the sentence's end, the words between cue and span, a "that" between them, and the punctuation inside the span. */
function pairFacts(tokens: readonly Token[], counts: Int32Array, c: number, from: number, to: number, trailing: boolean): { toEnd: boolean; gap: number; that: boolean; inner: string } {
  const toEnd = to >= tokens.length || wordsIn(counts, to, tokens.length) === 0;
  const gap = trailing ? wordsIn(counts, to, c) : wordsIn(counts, c + 1, from);
  let that = false;
  for (let k = c + 1; k < from; k++) if ((tokens[k] as Token).lower === 'that') that = true;
  // Punctuation inside the span: a content seldom runs over a semicolon or a dash, often over a comma.
  let inner = '';
  for (let k = from; k < to && inner.length < 4; k++) {
    const t = tokens[k] as Token;
    if (!t.isWord && t.text !== '.' && t.text !== "'" && t.text !== '\u2019') inner += t.text === ',' ? ',' : t.text === ';' ? ';' : '-';
  }
  return { toEnd, gap, that, inner };
}

/** The features of one pair, beyond the cue's own (cueFeatures). */
function pairFeatures(tokens: readonly Token[], counts: Int32Array, c: number, from: number, to: number, trailing: boolean, speaker: string, ranked: string): string[] {
  const cue = stem(norm(tokens[c], ''));
  const words = wordsIn(counts, from, to);
  const { toEnd, gap, that, inner } = pairFacts(tokens, counts, c, from, to, trailing);
  const first = norm(tokens[from], '');
  const before = norm(tokens[from - 1], '<s>');
  const endWord = toEnd ? '</s>' : norm(tokens[to], '');
  const shape = `${trailing ? 'T' : 'L'}|${toEnd ? 'end' : 'cut'}|${that ? 'that' : '-'}`;
  return [
    `P:shape=${shape}`, `P:cs=${cue}|${shape}`, `P:len=${bucket(words)}`, `P:slen=${shape}|${bucket(words)}`,
    `P:gap=${trailing ? 'T' : 'L'}|${bucket(gap)}`, `P:first=${first}`, `P:before=${before}`, `P:endw=${endWord}`,
    `P:inner=${inner}`, `P:innerlen=${inner}|${bucket(words)}`, `P:spk=${speaker}`, `P:spkc=${speaker}|${cue}`, `P:spks=${speaker}|${shape}`, `P:cpos=${bucket(c)}`,
    `P:left=${bucket(wordsIn(counts, 0, trailing ? to : c))}`, `P:rank=${ranked}`, `P:rankc=${ranked}|${cue}`, `P:ranks=${ranked}|${speaker}`,
  ];
}

const SPAN_SMALL = [hashPart('0'), hashPart('1'), hashPart('2')];
const SPAN_3_5 = hashPart('3-5');
const SPAN_6_10 = hashPart('6-10');
const SPAN_11_20 = hashPart('11-20');
const SPAN_21 = hashPart('21+');

/** The Part of bucket(n). */
function bucketPart(n: number): Part {
  if (n >= 0 && n <= 2) return SPAN_SMALL[n] as Part;
  if (n <= 2) return hashPart(bucket(n));
  return n <= 5 ? SPAN_3_5 : n <= 10 ? SPAN_6_10 : n <= 20 ? SPAN_11_20 : SPAN_21;
}

const H = {
  shape: hashPart('P:shape='), cs: hashPart('P:cs='), len: hashPart('P:len='), slen: hashPart('P:slen='), gap: hashPart('P:gap='),
  first: hashPart('P:first='), before: hashPart('P:before='), endw: hashPart('P:endw='), inner: hashPart('P:inner='), innerlen: hashPart('P:innerlen='),
  spk: hashPart('P:spk='), spkc: hashPart('P:spkc='), spks: hashPart('P:spks='), cpos: hashPart('P:cpos='), left: hashPart('P:left='),
  rank: hashPart('P:rank='), rankc: hashPart('P:rankc='), ranks: hashPart('P:ranks='), erank: hashPart('P:erank='), erankw: hashPart('P:erankw='),
  cueP: hashPart('P:cueP='), cuePs: hashPart('P:cuePs='), T: hashPart('T'), L: hashPart('L'),
};

/** The Parts of the pair shapes `${trailing ? 'T' : 'L'}|${toEnd ? 'end' : 'cut'}|${that ? 'that' : '-'}`, by those three bits. */
const SHAPES: Part[] = Array.from({ length: 8 }, (_, bits) => hashPart(`${bits & 4 ? 'T' : 'L'}|${bits & 2 ? 'end' : 'cut'}|${bits & 1 ? 'that' : '-'}`));

/** pairFeatures and the end rank's two features as hashes, into `out` (cleared first). */
export function pairFeatureHashes(
  tokens: readonly Token[], counts: Int32Array, c: number, from: number, to: number, trailing: boolean, speaker: string, cueBin: string, agree: string, endRank: string, out: FeatureHashes,
): FeatureHashes {
  out.clear();
  const cue = partsAt(tokens, c).stem;
  const words = bucketPart(wordsIn(counts, from, to));
  const { toEnd, gap, that, inner } = pairFacts(tokens, counts, c, from, to, trailing);
  const first = normPart(tokens, from, EMPTY);
  const before = normPart(tokens, from - 1, SENT_START);
  const endWord = toEnd ? SENT_END : normPart(tokens, to, EMPTY);
  const innerPart = cachedPart(inner);
  const shape = SHAPES[(trailing ? 4 : 0) + (toEnd ? 2 : 0) + (that ? 1 : 0)] as Part;
  const spk = cachedPart(speaker);
  const bin = cachedPart(cueBin);
  const agreePart = cachedPart(agree);
  const rankPart = cachedPart(endRank);
  out.begin(H.shape).add(shape).end();
  out.begin(H.cs).add(cue).add(BAR).add(shape).end();
  out.begin(H.len).add(words).end();
  out.begin(H.slen).add(shape).add(BAR).add(words).end();
  out.begin(H.gap).add(trailing ? H.T : H.L).add(BAR).add(bucketPart(gap)).end();
  out.begin(H.first).add(first).end();
  out.begin(H.before).add(before).end();
  out.begin(H.endw).add(endWord).end();
  out.begin(H.inner).add(innerPart).end();
  out.begin(H.innerlen).add(innerPart).add(BAR).add(words).end();
  out.begin(H.spk).add(spk).end();
  out.begin(H.spkc).add(spk).add(BAR).add(cue).end();
  out.begin(H.spks).add(spk).add(BAR).add(shape).end();
  out.begin(H.cpos).add(bucketPart(c)).end();
  out.begin(H.left).add(bucketPart(wordsIn(counts, 0, trailing ? to : c))).end();
  out.begin(H.rank).add(bin).add(BAR).add(agreePart).end();
  out.begin(H.rankc).add(bin).add(BAR).add(agreePart).add(BAR).add(cue).end();
  out.begin(H.ranks).add(bin).add(BAR).add(agreePart).add(BAR).add(spk).end();
  out.begin(H.erank).add(rankPart).end();
  out.begin(H.erankw).add(rankPart).add(BAR).add(normPart(tokens, to, SENT_END)).end();
  return out;
}

/** The features as strings, as the trainer reads them. */
export const STRING_SPAN_FEATURES: SpanFeaturizer<string[], string[]> = {
  base: (tokens, c, wordsAfter, typeOf, _hashes, cueBin, speaker) => [...cueFeatures(tokens, c, wordsAfter, typeOf), `P:cueP=${cueBin}`, `P:cuePs=${cueBin}|${speaker}`],
  pair: (tokens, counts, c, from, to, trailing, speaker, cueBin, agree, endRank) => [
    ...pairFeatures(tokens, counts, c, from, to, trailing, speaker, `${cueBin}|${agree}`), `P:erank=${endRank}`, `P:erankw=${endRank}|${norm(tokens[to], '</s>')}`,
  ],
};

/** The cue's features as hashes: its cueFeatures' hashes and the two of the cue model's verdict, into `out`. */
export function spanBaseHashes(hashes: FeatureHashes, cueBin: string, speaker: string, out: FeatureHashes): FeatureHashes {
  out.clear().append(hashes);
  const bin = cachedPart(cueBin);
  out.begin(H.cueP).add(bin).end();
  out.begin(H.cuePs).add(bin).add(BAR).add(cachedPart(speaker)).end();
  return out;
}

/** The features summed into the model's score as they are read (no feature list kept): a cue's `base` is the bias
 * plus its features' weights, a pair's the base plus its own, added in the order of the string features. */
export function scoringSpanFeatures(weights: HashedWeights, bias: number): SpanFeaturizer<number, number> {
  const buffer = new FeatureHashes();
  return {
    base: (_tokens, _c, _wordsAfter, _typeOf, hashes, cueBin, speaker) => weights.addTo(bias, spanBaseHashes(hashes, cueBin, speaker, buffer)),
    pair: (tokens, counts, c, from, to, trailing, speaker, cueBin, agree, endRank, base) =>
      weights.addTo(base, pairFeatureHashes(tokens, counts, c, from, to, trailing, speaker, cueBin, agree, endRank, buffer)),
  };
}

/** The cueFeatures' hashes of the cue being read (read right after they are filled). */
const cueBuffer = new FeatureHashes();

/**
 * Every (cue, span) pair of a sentence's tokens worth scoring, with string features (spanCandidatesWith).
 */
export function spanCandidates(
  tokens: readonly Token[], cueWords: ReadonlyMap<string, number>, typeOf: EntityTypeOf, speakerOf: SpeakerKindOf,
  keepCue: (c: number, base: readonly string[]) => boolean = () => true,
  usableCue: (c: number) => boolean = () => true,
): SpanCandidate[] {
  return spanCandidatesWith(STRING_SPAN_FEATURES, tokens, cueWords, typeOf, speakerOf, keepCue, usableCue);
}

/**
 * Every (cue, span) pair of a sentence's tokens worth scoring. A cue proposes what follows it (from where the
 * start ranker puts the content, or right after the cue) up to the sentence end or to where the end ranker cuts
 * it; a cue near the sentence end after a comma also proposes the words before that comma.
 */
export function spanCandidatesWith<B, P>(
  featurizer: SpanFeaturizer<B, P>, tokens: readonly Token[], cueWords: ReadonlyMap<string, number>, typeOf: EntityTypeOf, speakerOf: SpeakerKindOf,
  keepCue: (c: number, base: B) => boolean = () => true,
  usableCue: (c: number) => boolean = () => true,
  cues: readonly number[] = likeliestCues(tokens, cueWords),
): SpanCandidate<B, P>[] {
  const out: SpanCandidate<B, P>[] = [];
  if (cues.length === 0) return out;
  const after = wordsAfterEach(tokens);
  let counts: Int32Array | null = null;
  for (const c of cues) {
    const speaker = speakerOf(c);
    // The caller may drop a cue before its features are read, too (one whose speaker it may not show).
    if (!usableCue(c)) continue;
    const hashes = cueFeatureHashes(tokens, c, after[c] as number, typeOf, cueBuffer);
    const cueP = cueProbability(tokens, c, hashes);
    const cueBin = cueP === 0 ? 'x' : String(Math.min(9, Math.floor(cueP * 10)));
    const ranked = { start: -1, end: -1 };
    const base = featurizer.base(tokens, c, after[c] as number, typeOf, hashes, cueBin, speaker);
    // The caller may drop a cue before its spans are cut (the rankers are the costly part).
    if (!keepCue(c, base)) continue;
    const words = (counts ??= wordsBeforeEach(tokens));
    const push = (from: number, to: number, trailing: boolean, endRank: string): void => {
      if (to <= from || wordsIn(words, from, to) < MIN_CONTENT_WORDS) return;
      if (out.some((o) => o.cue === c && o.from === from && o.to === to)) return;
      // Where the cue model's rankers would put the content: a span that agrees with them is likelier right.
      const agree = trailing ? 'T' : `${from === ranked.start ? 's' : '-'}${to === ranked.end ? 'e' : '-'}`;
      out.push({ cue: c, from, to, trailing, base, feats: featurizer.pair(tokens, words, c, from, to, trailing, speaker, cueBin, agree, endRank, base) });
    };
    if ((after[c] as number) >= MIN_CONTENT_WORDS) {
      const starts = new Set<number>();
      ranked.start = learnedContentStart(tokens, c);
      if (ranked.start > c) starts.add(ranked.start);
      if (tokens[c + 1]?.isWord) starts.add(c + 1);
      for (const from of starts) {
        const ends = rankedContentEnds(tokens, from, (tokens[c] as Token).lower, MAX_ENDS, after);
        if (from === ranked.start) ranked.end = ends[0] ?? -1;
        ends.forEach((to, rank) => push(from, to, false, `r${rank}`));
        push(from, tokens.length, false, 'end');
      }
    }
    // "…, the union argued (on Tuesday).": the words before the comma that opens the attribution.
    if ((after[c] as number) <= MAX_TRAILING_TAIL) {
      for (let k = c - 1; k > 0 && c - k <= 10; k--) {
        const t = tokens[k] as Token;
        if (t.text === ',') {
          push(0, k, true, 'T');
          break;
        }
        if (!t.isWord) break;
      }
    }
  }
  return out;
}

/** A content span's first and past-last token, trimmed of edge punctuation, as characters. */
export function candidateSpan(tokens: readonly Token[], cand: SpanCandidate<unknown, unknown>): { start: number; end: number } | null {
  let from = cand.from;
  let to = cand.to;
  while (from < to && !(tokens[from] as Token).isWord) from++;
  while (to > from && !(tokens[to - 1] as Token).isWord) to--;
  if (to <= from) return null;
  return { start: (tokens[from] as Token).start, end: (tokens[to - 1] as Token).end };
}
