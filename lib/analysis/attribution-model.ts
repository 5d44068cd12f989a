// The learned attribution model (lib/model/attribution.json, trained on PolNeAR train by
// scripts/train-attribution.ts), for sentences the hand patterns of attribution.ts leave alone:
//   last:   which token ends a cue whose content follows it ("is defending", "questioned", "called for");
//   inside: where that cue begins (so the speaker is read before "has", "is" …);
//   start / end: rankers for where the content starts (after a hearer, "that") and ends (", while …").
// Logistic models over the features of attribution-features.ts, read by hash (attribution-feature-hashes.ts); only
// words the model favours are scored.
import model from '../model/attribution.json';
import { isEndCandidate, MAX_START_OFFSET, norm, prefixKey, stem, stemPrefixTable, wordsAfterEach, type EntityTypeOf } from './attribution-features';
import { cueFeatureHashes, endFeatureHashes, startFeatureHashes } from './attribution-feature-hashes';
import { cachedPart, FeatureHashes, HashedWeights } from './attribution-hash';
import type { Token } from './quote-tokens';

const LAST_WEIGHTS: ReadonlyMap<string, number> = new Map(Object.entries(model.last));
// The scorers read each model by feature hash (attribution-hash.ts); loading throws if two names share one.
const LAST = new HashedWeights(LAST_WEIGHTS, 'attribution.json last');
const INSIDE = new HashedWeights(Object.entries(model.inside), 'attribution.json inside');
const END = new HashedWeights(Object.entries(model.end), 'attribution.json end');
const START = new HashedWeights(Object.entries(model.start), 'attribution.json start');

/** Words (and stems) the cue model weighs in favour of as a cue's last word: only these are scored, so a sentence
 * costs a few lookups per word rather than every feature of every word. */
const CANDIDATES: ReadonlySet<string> = new Set(
  [...LAST_WEIGHTS].flatMap(([name, weight]) => {
    const m = /^(?:w|l)=([^|]+)$/.exec(name);
    return weight > 0 && m ? [m[1] as string] : [];
  }),
);

/** The probability a cue needs (the decision threshold, chosen on PolNeAR dev: scripts/eval/attribution-sweep.ts). */
export const CUE_THRESHOLD = 0.5;
/** The threshold in use; only the dev sweep changes it. */
export const cueModelSettings = { threshold: CUE_THRESHOLD };
/** A cue's earlier words ("has", "is", "called" before "for") are read back at most this far. */
const MAX_CUE_WORDS = 4;
/** Content shorter than this is no reported speech ("said so"). */
const MIN_CONTENT_WORDS = 2;

function probability(weights: HashedWeights, feats: FeatureHashes): number {
  return 1 / (1 + Math.exp(-weights.score(feats)));
}

/** Feature buffers reused by the scorers (each is read right after it is filled). */
const cueBuffer = new FeatureHashes();
const rankBuffer = new FeatureHashes();

/** Quotation marks in text[start, end): the model only reads sentences without them (as it was trained). */
export function hasQuoteMark(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (ch === '"' || ch === '\u201c' || ch === '\u201d' || ch === '\u201e' || ch === '\u00ab' || ch === '\u00bb') return true;
    if (ch === "'" && text[i + 1] === "'") return true;
  }
  return false;
}

/** Prepositions that end a cue only after a cue word ("called for", "according to", "talked about"). */
const CUE_PREPOSITIONS = new Set(['to', 'of', 'in', 'for', 'on', 'at', 'by', 'about', 'over', 'against', 'with', 'from', 'into', 'out']);

/** The first characters of the candidates: most words of a sentence fail on these before any string lookup. */
const CANDIDATE_PREFIXES = stemPrefixTable(CANDIDATES);

/** Lower-case words already looked up in CANDIDATES (one lookup instead of a stem and two); emptied when large. */
const knownCandidates = new Map<string, boolean>();
const MAX_KNOWN_CANDIDATES = 20_000;

function isCandidateWord(t: Token | undefined): boolean {
  if (!t?.isWord || !CANDIDATE_PREFIXES[prefixKey(t.lower)]) return false;
  let known = knownCandidates.get(t.lower);
  if (known === undefined) {
    const w = norm(t, '');
    known = CANDIDATES.has(w) || CANDIDATES.has(stem(w));
    if (knownCandidates.size >= MAX_KNOWN_CANDIDATES) knownCandidates.clear();
    knownCandidates.set(t.lower, known);
  }
  return known;
}

/** Is token `i` worth scoring: a word the model favours as a cue's end, a preposition only right after one. */
function isCandidate(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (!t.isWord) return false;
  if (CUE_PREPOSITIONS.has(t.lower)) return isCandidateWord(tokens[i - 1]) && !CUE_PREPOSITIONS.has((tokens[i - 1] as Token).lower);
  return isCandidateWord(t);
}

/** The cue model's probability that token `i` ends a cue whose content follows (0 for words it never scores), given
 * the token's cueFeatures (which a caller that needs them anyway reads once). */
export function cueProbability(tokens: readonly Token[], i: number, feats: FeatureHashes): number {
  return isCandidate(tokens, i) ? probability(LAST, feats) : 0;
}

export interface LearnedCue {
  /** Token indexes of the cue's first and last word. */
  first: number;
  last: number;
  /** The first token of the content. */
  content: number;
  probability: number;
}

/** The most probable cue of a sentence's tokens whose content follows it, when it clears `threshold`. */
export function learnedCue(tokens: readonly Token[], typeOf: EntityTypeOf, threshold = cueModelSettings.threshold): LearnedCue | null {
  if (threshold > 1) return null; // the model switched off (the dev sweep's baseline)
  let after: Int32Array | null = null;
  let best = -1;
  let bestP = threshold;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!t.isWord) continue;
    if (!isCandidate(tokens, i)) continue;
    after ??= wordsAfterEach(tokens);
    if ((after[i] as number) < MIN_CONTENT_WORDS) continue;
    const p = probability(LAST, cueFeatureHashes(tokens, i, after[i] as number, typeOf, cueBuffer));
    if (p >= bestP) {
      best = i;
      bestP = p;
    }
  }
  if (best < 0) return null;
  let first = best;
  const wordsAfter = after as Int32Array;
  while (first > 0 && best - first + 1 < MAX_CUE_WORDS && tokens[first - 1]?.isWord && probability(INSIDE, cueFeatureHashes(tokens, first - 1, wordsAfter[first - 1] as number, typeOf, cueBuffer)) >= 0.5) first--;
  const content = learnedContentStart(tokens, best);
  if (content < 0) return null;
  let words = 0;
  for (let k = content; k < tokens.length && words < MIN_CONTENT_WORDS; k++) if ((tokens[k] as Token).isWord) words++;
  return words >= MIN_CONTENT_WORDS ? { first, last: best, content, probability: bestP } : null;
}

/**
 * Where a content that starts at token `from` (after cue word `cue`) most probably ends: the index of the token it
 * ends before (a comma, "but", "on" …), or `tokens.length` for the sentence end. Candidates are read up to `limit`
 * (a token index: the end the patterns allow).
 */
export function learnedContentEnd(tokens: readonly Token[], from: number, cue: string, limit = tokens.length, margin = 0): number {
  // A ranking model: the candidate with the highest score wins (the scores are not probabilities); an earlier end
  // must beat the sentence end by `margin`.
  let best = limit;
  const cueStem = cachedPart(stem(cue));
  let bestScore = END.score(endFeatureHashes(tokens, from, tokens.length, cueStem, 0, 0, rankBuffer)) + margin;
  const after = wordsAfterEach(tokens);
  let commas = 0; // in [from, j)
  for (let j = from + 1; j < limit; j++) {
    if ((tokens[j - 1] as Token).text === ',') commas++;
    if (!isEndCandidate(tokens, j)) continue;
    const z = END.score(endFeatureHashes(tokens, from, j, cueStem, wordsFrom(tokens, after, j), commas, rankBuffer));
    if (z > bestScore) {
      best = j;
      bestScore = z;
    }
  }
  return best;
}

/** Word tokens in [j, end), by the sentence's wordsAfterEach. */
function wordsFrom(tokens: readonly Token[], after: Int32Array, j: number): number {
  return (after[j] as number) + ((tokens[j] as Token).isWord ? 1 : 0);
}

/** The `max` likeliest ends of a content that starts at token `from` (token indexes it ends before, `tokens.length`
 * for the sentence end), best first, by the end ranker of learnedContentEnd. `after`: the sentence's wordsAfterEach. */
export function rankedContentEnds(tokens: readonly Token[], from: number, cue: string, max: number, after = wordsAfterEach(tokens)): number[] {
  const cueStem = cachedPart(stem(cue));
  const scored: { j: number; z: number }[] = [{ j: tokens.length, z: END.score(endFeatureHashes(tokens, from, tokens.length, cueStem, 0, 0, rankBuffer)) }];
  let commas = 0; // in [from, j)
  for (let j = from + 1; j < tokens.length; j++) {
    if ((tokens[j - 1] as Token).text === ',') commas++;
    if (isEndCandidate(tokens, j)) scored.push({ j, z: END.score(endFeatureHashes(tokens, from, j, cueStem, wordsFrom(tokens, after, j), commas, rankBuffer)) });
  }
  scored.sort((a, b) => b.z - a.z);
  return scored.slice(0, max).map((x) => x.j);
}

/** Where the content after a cue whose last word is token `c` most probably starts ("told reporters Monday that
 * [the plan …]", "urged [supporters to …]"): a word token index, or -1 when no word follows. */
export function learnedContentStart(tokens: readonly Token[], c: number): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let k = c + 1; k < tokens.length && k <= c + 1 + MAX_START_OFFSET; k++) {
    if (!(tokens[k] as Token).isWord) continue;
    const z = START.score(startFeatureHashes(tokens, c, k, rankBuffer));
    if (z > bestScore) {
      best = k;
      bestScore = z;
    }
  }
  return best;
}
