// What the article says a person is: the role placed before the name ("Kremlin spokesman
// Dmitry Peskov") and the appositive after it ("Stephen Sestanovich, a former State Department
// official, now ..."). Both work on tokens, so abbreviations like "U.S." never end a sentence.
import type { TitleEnds } from './entities-candidates';
import { APPOSITIVE_CONTINUERS, APPOSITIVE_OPENERS, ROLE_MODIFIERS, ROLE_NOUNS } from './entities-lexicon';
import { gazetteerType } from './gazetteer';
import type { Token } from './tokens';

/** Longest appositive we accept, in tokens: longer runs are more likely a misparse. */
const MAX_APPOSITIVE_TOKENS = 60;
/** Longest role phrase, in tokens. */
const MAX_ROLE_TOKENS = 10;

const SENTENCE_END = new Set(['.', '!', '?']);
const HARD_STOPS = new Set([';', '(', ')', '"', '“', '”', '‘', '’', '[', ']', '—', '–', ':']);

/** Token ranges of names already recognised, keyed by their last token: affiliations in roles. */
export type MentionEnds = Map<number, number>;

/**
 * The role before a name starting at token `first`: a capitalised title ("Secretary of State",
 * "U.N. Secretary-General") or a role noun with its modifiers and affiliation ("White House
 * press secretary", "former National Security Agency contractor").
 */
export function findRole(text: string, tokens: Token[], first: number, titles: TitleEnds, mentionEnds: MentionEnds): string | undefined {
  if (first === 0 || tokens[first]!.breakBefore > 0) return undefined;
  let k = first - 1;
  let start: number;
  const titleStart = titles.get(k);
  if (titleStart !== undefined) {
    start = titleStart;
  } else {
    const head = tokens[k]!;
    if (!head.isWord || head.isCap || !ROLE_NOUNS.has(head.text.toLowerCase())) return undefined;
    start = k;
    // Lower-case modifiers: "press", "deputy", "former".
    while (start - 1 >= 0 && first - start < MAX_ROLE_TOKENS && isRoleModifier(tokens, start - 1)) start--;
  }
  // An affiliation right before the title: "Kremlin", "U.N.", "White House", "Russian".
  start = extendWithAffiliation(tokens, start, mentionEnds);
  // "former" before all that.
  while (start - 1 >= 0 && tokens[start]!.breakBefore === 0 && tokens[start - 1]!.text.toLowerCase() === 'former') start--;
  return normaliseSpace(text.slice(tokens[start]!.start, tokens[first - 1]!.end));
}

function isRoleModifier(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  return t.isWord && !t.isCap && tokens[i + 1]!.breakBefore === 0 && ROLE_MODIFIERS.has(t.text.toLowerCase()) && t.text.toLowerCase() !== 'former';
}

function extendWithAffiliation(tokens: Token[], start: number, mentionEnds: MentionEnds): number {
  const before = start - 1;
  if (before < 0 || tokens[start]!.breakBefore > 0) return start;
  const mentionStart = mentionEnds.get(before);
  if (mentionStart !== undefined) return mentionStart;
  const t = tokens[before]!;
  // A nationality or party adjective: "Russian President", "Republican Senator".
  if (t.isWord && t.isCap && gazetteerType(t.text) === 'MISC') return before;
  return start;
}

/**
 * The appositive after a name ending at token `last`: ", a former ambassador ..., said" ->
 * "a former ambassador ...". Runs to the sentence end, or to a comma that does not continue it.
 */
export function findDescription(text: string, tokens: Token[], last: number): string | undefined {
  const comma = tokens[last + 1];
  const opener = tokens[last + 2];
  if (!comma || comma.text !== ',' || !opener || !opener.isWord) return undefined;
  if (!APPOSITIVE_OPENERS.has(opener.text.toLowerCase())) return undefined;
  let end = last + 2;
  for (let i = last + 3; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i - last > MAX_APPOSITIVE_TOKENS) return undefined;
    if (t.breakBefore > 0 && !continuesAcrossBreak(tokens, i)) break;
    if (!t.isWord && (SENTENCE_END.has(t.text) || HARD_STOPS.has(t.text))) break;
    if (t.text === ',') {
      const next = tokens[i + 1];
      if (!next || !next.isWord || !APPOSITIVE_CONTINUERS.has(next.text.toLowerCase())) break;
      // ", and Tim Morrison": a list of people, not more of the appositive.
      const afterNext = tokens[i + 2];
      if (next.text === 'and' && afterNext?.isCap) break;
    }
    end = i;
  }
  if (hasMainVerb(tokens, last + 2, end)) return undefined;
  const description = normaliseSpace(text.slice(opener.start, tokens[end]!.end));
  return description.split(' ').length >= 2 ? description : undefined;
}

const RELATIVES = new Set(['who', 'which', 'that', 'whose', 'where', 'whom']);
const FINITE_VERBS = new Set([
  'is', 'are', 'was', 'were', 'has', 'have', 'had', 'does', 'do', 'did', 'must', 'will', 'would', 'can', 'could',
  'should', 'may', 'might', 'shall', 'says', 'said',
]);

/**
 * "…from Schiff, the front-runners must become…" is a new clause, not an appositive: a finite
 * verb before any relative pronoun gives it away ("who is now at Stanford" is fine).
 */
function hasMainVerb(tokens: Token[], first: number, last: number): boolean {
  for (let i = first; i <= last; i++) {
    const w = tokens[i]!.text.toLowerCase();
    if (RELATIVES.has(w)) return false;
    if (FINITE_VERBS.has(w)) return true;
  }
  return false;
}

/** A stray line break mid-sentence: the line before has no final punctuation and the next starts lower-case. */
function continuesAcrossBreak(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1]!;
  const t = tokens[i]!;
  return prev.isWord && t.isWord && !t.isCap && /^\p{Ll}/u.test(t.text);
}

function normaliseSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
