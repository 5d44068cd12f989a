// A further attribution of the sentence's own speaker, carried by a participle after a comma:
//   "“We will not back down,” Jane Doe said, adding that [the council would vote next week]."
//   "Jane Doe criticized the harbor plan, saying [it would cost too much]."
//   "…, said the mayor, referring to [the contracts signed last year]."
// The participle is a cue of its own, and what follows it is its content (PolNeAR annotates the two attributions
// apart), so a content before it ends at the comma. Looks at a bounded window after each comma: linear time.
import { learnedContentStart } from './attribution-model';
import { isCapitalized, type Token } from './quote-tokens';

/**
 * Participles that, after a comma, open an attribution of the sentence's speaker: in PolNeAR train, the -ing words
 * after a comma that begin a cue at least 60% of the time and three times or more ("saying" 84%, "citing" 96%; not
 * "speaking" 24% or "showing" 27%, which are mostly narration).
 */
export const CONTINUATION_CUES: ReadonlySet<string> = new Set([
  'saying', 'adding', 'calling', 'referring', 'noting', 'telling', 'citing', 'arguing', 'pointing', 'recalling', 'asking',
  'writing', 'claiming', 'suggesting', 'stating', 'explaining', 'hoping', 'seeking', 'tweeting', 'declaring', 'believing',
  'repeating', 'insisting', 'urging', 'remarking', 'fearing', 'mocking', 'warning', 'accusing', 'mentioning', 'referencing',
  'slamming', 'announcing', 'acknowledging', 'criticizing', 'describing', 'promising', 'attacking', 'alluding', 'predicting',
  'contending', 'asserting', 'stressing', 'emphasizing', 'conceding', 'complaining', 'vowing', 'praising', 'questioning',
]);

/** The preposition that belongs to the cue ("referring to", "pointing to", "calling for", "pointing out"). */
const CUE_PREPOSITIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['referring', new Set(['to'])], ['pointing', new Set(['to', 'out'])], ['alluding', new Set(['to'])], ['calling', new Set(['for', 'on'])],
]);

/** Cues whose hearer comes before the content ("telling reporters that …", "urging voters to …"): the start ranker of
 * the learned cue model (attribution-model.ts) puts the content's start. */
const HEARER_CUES: ReadonlySet<string> = new Set(['telling', 'asking', 'urging', 'warning']);

/** Words a continuation's content needs: "saying so" or "referring to the deal" tell a reader nothing. */
const MIN_CONTENT_WORDS = 3;

export interface Continuation {
  /** Token index of the comma before the cue. */
  comma: number;
  /** Token indexes of the cue's first and last word. */
  cueFirst: number;
  cueLast: number;
  /** Token indexes of the content's first and last token. */
  first: number;
  last: number;
}

/** Is token `k` a quotation mark (a doubled apostrophe, as some archives write them, is one)? */
function isMarkAt(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (!t || t.isWord) return false;
  if (t.text === "'") return tokens[k + 1]?.text === "'" || tokens[k - 1]?.text === "'";
  return t.text === '"' || t.text === '\u201c' || t.text === '\u201d' || t.text === '\u201e' || t.text === '\u00ab' || t.text === '\u00bb';
}

/** The cue at the comma `i`, or null: its last token index. */
function cueAt(tokens: readonly Token[], i: number): number {
  if ((tokens[i] as Token).text !== ',') return -1;
  const cue = tokens[i + 1];
  if (!cue?.isWord || isCapitalized(cue) || !CONTINUATION_CUES.has(cue.lower)) return -1;
  return CUE_PREPOSITIONS.get(cue.lower)?.has(tokens[i + 2]?.lower ?? '') ? i + 2 : i + 1;
}

/** The continuations of a sentence's tokens, in order. A content ends at the next continuation's comma, at a
 * semicolon, or at the sentence's last word (a closing mark or a question mark kept). */
export function findContinuations(tokens: readonly Token[]): Continuation[] {
  const cues: { comma: number; cueLast: number }[] = [];
  for (let i = 1; i + 2 < tokens.length; i++) {
    const cueLast = cueAt(tokens, i);
    if (cueLast >= 0) cues.push({ comma: i, cueLast });
  }
  const out: Continuation[] = [];
  for (const [n, { comma, cueLast }] of cues.entries()) {
    const cue = (tokens[comma + 1] as Token).lower;
    const next = tokens[cueLast + 1];
    // "…, adding: “…”" / "…, saying, “…”" / "…, saying “…”": a direct quote, which the marked-quote rules attribute.
    if (!next?.isWord) continue;
    let first = cueLast + 1;
    if (next.lower === 'that') first++;
    else if (HEARER_CUES.has(cue)) {
      first = learnedContentStart(tokens, cueLast);
      if (tokens[first]?.lower === 'that') first++;
    }
    if (first <= cueLast || first >= tokens.length || isMarkAt(tokens, first)) continue;
    const stop = cues[n + 1]?.comma ?? tokens.length;
    let last = -1;
    let words = 0;
    for (let k = first; k < stop; k++) {
      const t = tokens[k] as Token;
      if (t.text === ';') break;
      if (t.isWord) words++;
      if (t.isWord || t.text === '?' || isMarkAt(tokens, k)) last = k;
    }
    if (words < MIN_CONTENT_WORDS || last < first) continue;
    out.push({ comma, cueFirst: comma + 1, cueLast, first, last });
  }
  return out;
}
