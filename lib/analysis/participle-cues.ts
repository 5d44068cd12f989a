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

/**
 * Verbs that, after "and" or "but", open an attribution of the sentence's speaker ("… and vowed to …", "but declined
 * to …"): in PolNeAR train, the words after a conjunction that begin a cue at least 70% of the time and three times or
 * more. "said", "told", "asked" and "added" only after a comma (", and said …"): without one, "Smith and Jones said" is
 * one subject. Not "declined" or "refused" ("but declined to say why"): the speaker's own action, not words to show.
 */
export const CONJOINED_CUES: ReadonlySet<string> = new Set([
  'praised', 'defended', 'argued', 'explained', 'vowed', 'called', 'described', 'urged', 'promised', 'declared', 'noted',
  'accused', 'says', 'criticized', 'suggested',
]);
const CONJOINED_AFTER_COMMA_CUES: ReadonlySet<string> = new Set(['said', 'told', 'asked', 'added']);

/** Where a continuation may be, found in one scan of a text (global: read it with matchAll): a comma then a
 * continuation cue, or a conjunction then a conjoined cue. A sentence with none is not read further. */
export const CONTINUATION_HINT = new RegExp(
  `,\\s+(?:${[...CONTINUATION_CUES].join('|')})\\b|\\b(?:and|but)\\s+(?:(?:also|then|later)\\s+)?(?:${[...CONJOINED_CUES, ...CONJOINED_AFTER_COMMA_CUES].join('|')})\\b`, 'g',
);

/** The preposition that belongs to the cue ("referring to", "pointing to", "calling for", "pointing out"). */
const CUE_PREPOSITIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['referring', new Set(['to'])], ['pointing', new Set(['to', 'out'])], ['alluding', new Set(['to'])], ['calling', new Set(['for', 'on'])],
]);

/** Cues whose hearer comes before the content ("telling reporters that …", "urging voters to …"): the start ranker of
 * the learned cue model (attribution-model.ts) puts the content's start. */
const HEARER_CUES: ReadonlySet<string> = new Set(['telling', 'asking', 'urging', 'warning', 'told', 'asked', 'urged', 'warned']);

/** Words a continuation's content needs: "saying so" or "referring to the deal" tell a reader nothing. */
const MIN_CONTENT_WORDS = 3;

export interface Continuation {
  /** Token index of where the clause of the cue begins: the comma, or the "and"/"but" without one. A content before
   * it ends there. */
  boundary: number;
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

/** Words between a conjunction and its verb ("and also vowed", "but then declined"). */
const CONJUNCTION_FILLERS: ReadonlySet<string> = new Set(['also', 'then', 'later']);

/** The cue whose clause begins at token `i` (a comma, or an "and"/"but" without one), or null. */
function cueAt(tokens: readonly Token[], i: number): { cueFirst: number; cueLast: number } | null {
  const t = tokens[i] as Token;
  const comma = t.text === ',';
  let j = i + 1;
  let conjoined = false;
  if (comma && isConjunction(tokens[j])) {
    conjoined = true;
    j++;
  } else if (!comma) {
    if (!isConjunction(t) || tokens[i - 1]?.text === ',') return null;
    conjoined = true;
  }
  if (conjoined && CONJUNCTION_FILLERS.has(tokens[j]?.lower ?? '')) j++;
  const cue = tokens[j];
  if (!cue?.isWord || isCapitalized(cue)) return null;
  const known = CONTINUATION_CUES.has(cue.lower) || (conjoined && (CONJOINED_CUES.has(cue.lower) || (comma && CONJOINED_AFTER_COMMA_CUES.has(cue.lower))));
  if (!known) return null;
  return { cueFirst: j, cueLast: CUE_PREPOSITIONS.get(cue.lower)?.has(tokens[j + 1]?.lower ?? '') ? j + 1 : j };
}

function isConjunction(t: Token | undefined): boolean {
  return t?.lower === 'and' || t?.lower === 'but';
}

/** The continuations of a sentence's tokens, in order. A content ends at the next continuation's comma, at a
 * semicolon, or at the sentence's last word (a closing mark or a question mark kept). */
export function findContinuations(tokens: readonly Token[]): Continuation[] {
  const cues: { boundary: number; cueFirst: number; cueLast: number }[] = [];
  for (let i = 1; i + 2 < tokens.length; i++) {
    const found = cueAt(tokens, i);
    if (found) {
      cues.push({ boundary: i, ...found });
      i = found.cueLast;
    }
  }
  const out: Continuation[] = [];
  for (const [n, { boundary, cueFirst, cueLast }] of cues.entries()) {
    const cue = (tokens[cueFirst] as Token).lower;
    const next = tokens[cueLast + 1];
    // "…, adding: “…”" / "…, saying, “…”" / "…, saying “…”": a direct quote, which the marked-quote rules attribute.
    if (!next?.isWord) continue;
    // "…, adding to her lead in the South": narration.
    if (cue === 'adding' && next.lower === 'to') continue;
    let first = cueLast + 1;
    if (next.lower === 'that') first++;
    else if (HEARER_CUES.has(cue)) {
      first = learnedContentStart(tokens, cueLast);
      if (tokens[first]?.lower === 'that') first++;
    }
    if (first <= cueLast || first >= tokens.length || isMarkAt(tokens, first)) continue;
    const stop = cues[n + 1]?.boundary ?? tokens.length;
    let last = -1;
    let words = 0;
    for (let k = first; k < stop; k++) {
      const t = tokens[k] as Token;
      if (t.text === ';') break;
      if (t.isWord) words++;
      if (t.isWord || t.text === '?' || isMarkAt(tokens, k)) last = k;
    }
    if (words < MIN_CONTENT_WORDS || last < first) continue;
    out.push({ boundary, cueFirst, cueLast, first, last });
  }
  return out;
}
