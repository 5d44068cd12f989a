// Attribution patterns over tokens: a speaker slot next to a speech cue, and where the content is.
//   leading:  "Mr. Kerry said (Tuesday) (that) CONTENT"          -> reported speech
//   trailing: "CONTENT, Mr. Kerry said(, as he ...)"  /  "CONTENT, said a senior Arab official, ..."
//   colon:    "He added: CONTENT"
// Every function looks at a bounded window of tokens around a cue, so a sentence costs linear time.
import { isCapitalized, type Token } from './quote-tokens';
import { classifySpeaker, isSingularHuman, type MentionIndex, type SpeakerRef } from './speakers';
import {
  CLAUSE_WORDS, CONTINUING_CUES, CUE_FILLERS, INVERTIBLE_CUES, NAMING_CUES, NOUN_LIKE_CUES, PARTICIPLE_CUES, STRONG_CUES, SUBJECT_CUE_FILLERS, TAIL_PREPOSITIONS,
  THAT_ONLY_CUES,
} from './speech-cues';

export interface SpeakerSlot {
  ref: SpeakerRef;
  /** The cue word, lowercased ("said", "according"). */
  cue: string;
  /** Token indexes of the speaker slot [first, last]. */
  first: number;
  last: number;
}

export type SentenceAttribution =
  | { type: 'leading'; slot: SpeakerSlot; contentStart: number; contentEnd: number; contentToken: number }
  | { type: 'trailing'; slot: SpeakerSlot; contentStart: number; contentEnd: number }
  | { type: 'colon'; slot: SpeakerSlot; contentStart: number };

const MAX_SLOT_WORDS = 9;
/** How far past "NAME, appositive," we look for the cue: "…,” Howard Gleckman, a senior fellow at …, said." */
const MAX_APPOSITIVE_TOKENS = 40;
/** Objects a trailing cue may take: "he told me", "she told reporters". */
const TAIL_OBJECTS = new Set(['me', 'us', 'him', 'her', 'them', 'reporters', 'journalists', 'lawmakers', 'listeners', 'viewers', 'supporters']);
const DASHES = '\u2015\u2014\u2013-';
const DAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
/** After ", but" these words show the speaker's own next action, which ends the reported content. */
const SPEAKER_ACTION_AFTER_BUT = new Set(['did', 'didnt', "didn't", 'didn\u2019t', 'declined', 'refused', 'would', 'wouldnt', "wouldn't", 'wouldn\u2019t', 'gave', 'offered', 'said', 'stopped']);

export function isCue(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t?.isWord) return false;
  // A capitalised cue word inside a sentence is part of a name ("United States", "Reports Desk").
  if (i > 0 && isCapitalized(t)) return false;
  if (STRONG_CUES.has(t.lower) || NOUN_LIKE_CUES.has(t.lower)) return true;
  return t.lower === 'according' && tokens[i + 1]?.lower === 'to';
}

function isPunct(t: Token | undefined, chars: string): boolean {
  return t !== undefined && !t.isWord && chars.includes(t.text);
}

/** The speaker slot that ends just before cue `c` (skipping "also", "has" ...), scanning back to `floor`.
 * `boundary` is the token index that stopped the scan (floor - 1 at the start of the window). */
export function slotBefore(
  text: string, tokens: readonly Token[], c: number, floor: number, mentions: MentionIndex,
): { slot: SpeakerSlot; boundary: number } | null {
  let j = c - 1;
  let fillers = 0;
  while (j >= floor && fillers < 3 && tokens[j]?.isWord && SUBJECT_CUE_FILLERS.has((tokens[j] as Token).lower)) {
    j--;
    fillers++;
  }
  const last = j;
  let count = 0;
  while (j >= floor && count <= MAX_SLOT_WORDS) {
    const t = tokens[j] as Token;
    if (!t.isWord || CLAUSE_WORDS.has(t.lower) || STRONG_CUES.has(t.lower)) break;
    j--;
    count++;
  }
  if (count === 0 || count > MAX_SLOT_WORDS) return null;
  const ref = classifySpeaker(text, tokens.slice(j + 1, last + 1), mentions, j + 1 === 0);
  if (!ref) return null;
  const cue = (tokens[c] as Token).lower;
  if (NOUN_LIKE_CUES.has(cue) && !isSingularHuman(ref) && !(ref.kind === 'phrase' && ref.entity)) return null;
  return { slot: { ref, cue, first: j + 1, last }, boundary: j };
}

/** The speaker slot right after token `c` ("said a senior Arab official,"), ending at punctuation or a preposition. */
export function slotAfter(
  text: string, tokens: readonly Token[], c: number, mentions: MentionIndex, cue: string,
): { slot: SpeakerSlot; next: number } | null {
  let k = c + 1;
  const start = k;
  if (tokens[start] && CLAUSE_WORDS.has((tokens[start] as Token).lower)) return null;
  while (k < tokens.length && k - start <= MAX_SLOT_WORDS) {
    const t = tokens[k] as Token;
    if (!t.isWord || (k > start && (TAIL_PREPOSITIONS.has(t.lower) || CLAUSE_WORDS.has(t.lower)))) break;
    k++;
  }
  if (k === start || k - start > MAX_SLOT_WORDS) return null;
  const ref = classifySpeaker(text, tokens.slice(start, k), mentions);
  if (!ref) return null;
  return { slot: { ref, cue, first: start, last: k - 1 }, next: k };
}

/** Index of the first content token after cue `c`, or -1 when the cue has no content clause after it. */
export function contentAfterCue(tokens: readonly Token[], c: number): number {
  const cue = (tokens[c] as Token).lower;
  let k = c + 1;
  for (let skipped = 0; skipped < 3 && k < tokens.length; skipped++) {
    const t = tokens[k] as Token;
    const next = tokens[k + 1];
    if (CUE_FILLERS.has(t.lower)) k++;
    else if ((t.lower === 'on' || t.lower === 'last' || t.lower === 'this') && next && (DAYS.has(next.lower) || t.lower !== 'on')) k += 2;
    else break;
  }
  const t = tokens[k];
  if (!t || !t.isWord) return -1;
  if (t.lower === 'that') return tokens[k + 1]?.isWord ? k + 1 : -1;
  if (THAT_ONLY_CUES.has(cue) || TAIL_PREPOSITIONS.has(t.lower) || CLAUSE_WORDS.has(t.lower)) {
    // "said in a statement that ...", "told reporters that ...": look a little further for "that".
    for (let i = k; i < tokens.length && i < k + 10; i++) {
      const u = tokens[i] as Token;
      if (!u.isWord && u.text !== '.') return -1;
      if (u.lower === 'that') return tokens[i + 1]?.isWord ? i + 1 : -1;
    }
    return -1;
  }
  return k;
}

/** Does the text after a cue (from token `k`) close the attribution: end, comma, or a prepositional tail? */
function isAttributionTail(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (!t) return true;
  if (!t.isWord) return isPunct(t, ',.;:!?)\u2014\u2013-') || isQuoteMark(t.text);
  // "said in a statement", "told me", "recalls thinking", "said Tuesday".
  return TAIL_PREPOSITIONS.has(t.lower) || CUE_FILLERS.has(t.lower) || TAIL_OBJECTS.has(t.lower) || t.lower.endsWith('ing');
}

export function isQuoteMark(ch: string): boolean {
  return '"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\'`'.includes(ch);
}

/** Are there at least `n` word tokens in [from, to)? Stops counting at `n`, so it stays cheap on long sentences. */
function hasWords(tokens: readonly Token[], from: number, to: number, n: number): boolean {
  let count = 0;
  for (let i = from; i < to && count < n; i++) if (tokens[i]?.isWord) count++;
  return count >= n;
}

const INTRO_PREPOSITIONS = new Set(['in', 'at', 'on', 'during', 'after', 'before', 'under', 'with', 'for', 'from', 'by', 'since', 'as', 'when', 'while', 'unlike', 'like', 'despite', 'amid', 'over', 'through', 'to']);
const MAX_INTRO_WORDS = 8;

/** Can tokens [0, comma) be the quoted content of a trailing attribution? At least three words, and not
 * an introductory phrase ("In an interview, Obama said ..."; "At current rates, he said, ..."). */
function isTrailingContent(tokens: readonly Token[], comma: number): boolean {
  if (!hasWords(tokens, 0, comma, 3)) return false;
  const first = tokens[0];
  if (first?.isWord && INTRO_PREPOSITIONS.has(first.lower) && !hasWords(tokens, 0, comma, MAX_INTRO_WORDS + 1)) return false;
  return true;
}

/** After a trailing cue: the sentence ends or goes on with narration. Verbs that take an object
 * ("boasted of concessions") only count when nothing follows them. */
function isTrailingCueEnd(tokens: readonly Token[], c: number): boolean {
  const cue = (tokens[c] as Token).lower;
  const next = tokens[c + 1];
  if (next?.text === ':') return false;
  if (INVERTIBLE_CUES.has(cue) || cue === 'told' || cue === 'tells') return isAttributionTail(tokens, c + 1);
  return !next || isPunct(next, ',.;!?');
}

/** Where reported content ends: ", but didn't ...", a semicolon, or the sentence end (without its period). */
function reportedContentEnd(tokens: readonly Token[], from: number, limit: number): number {
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.start >= limit) break;
    if (t.text === ';') return t.start;
    if (t.text === ',' && tokens[i + 1]?.lower === 'but') {
      const verb = tokens[i + 2];
      if (verb?.isWord && (verb.lower.endsWith('ed') || SPEAKER_ACTION_AFTER_BUT.has(verb.lower))) return t.start;
    }
  }
  return limit;
}

/** A speaker slot before the cue that follows a comma: "NAME, appositive, said ..." (the name opens the sentence). */
function appositiveSlot(text: string, tokens: readonly Token[], c: number, mentions: MentionIndex): SpeakerSlot | null {
  if (!isPunct(tokens[c - 1], ',')) return null;
  let firstComma = -1;
  for (let i = 0; i < c && i <= MAX_SLOT_WORDS + 1; i++) {
    if (!(tokens[i] as Token).isWord) {
      firstComma = (tokens[i] as Token).text === ',' ? i : -1;
      break;
    }
  }
  if (firstComma <= 0 || firstComma === c - 1 || c - firstComma > 60) return null;
  const ref = classifySpeaker(text, tokens.slice(0, firstComma), mentions);
  if (!ref || ref.kind === 'pronoun') return null;
  return { ref, cue: (tokens[c] as Token).lower, first: 0, last: firstComma - 1 };
}

/** Find the attribution structure of one sentence (tokens of that sentence only). */
export function analyzeSentence(
  text: string, tokens: readonly Token[], sentenceEnd: number, mentions: MentionIndex,
): SentenceAttribution | null {
  let leading: Extract<SentenceAttribution, { type: 'leading' }> | null = null;
  let trailing: Extract<SentenceAttribution, { type: 'trailing' }> | null = null;
  const contentEndLimit = endWithoutPeriod(text, tokens, sentenceEnd);

  for (let c = 0; c < tokens.length; c++) {
    if (!isCue(tokens, c)) continue;
    const cue = (tokens[c] as Token).lower;

    if (cue === 'according') {
      const after = slotAfter(text, tokens, c + 1, mentions, cue);
      if (!after) continue;
      if (c === 0 && isPunct(tokens[after.next], ',')) {
        const start = tokens[after.next + 1];
        if (start && !leading) leading = { type: 'leading', slot: after.slot, contentStart: start.start, contentEnd: contentEndLimit, contentToken: after.next + 1 };
      } else if (c > 0 && isPunct(tokens[c - 1], ',') && hasWords(tokens, 0, c, 3) && !trailing) {
        trailing = { type: 'trailing', slot: after.slot, contentStart: (tokens[0] as Token).start, contentEnd: (tokens[c - 1] as Token).start };
      }
      continue;
    }

    const before = slotBefore(text, tokens, c, 0, mentions);
    if (before) {
      const afterCue = tokens[c + 1];
      if (afterCue?.text === ':') {
        // "He added: …" / "In an interview, Obama said: …" (nothing after the colon: a list follows; skip).
        const first = tokens[c + 2];
        if (first && (before.boundary < 0 || isPunct(tokens[before.boundary], ','))) return { type: 'colon', slot: before.slot, contentStart: first.start };
        continue;
      }
      const content = contentAfterCue(tokens, c);
      if (content >= 0) {
        if (!leading && !trailing && hasWords(tokens, content, tokens.length, 3)) {
          leading = { type: 'leading', slot: before.slot, contentStart: (tokens[content] as Token).start, contentEnd: contentEndLimit, contentToken: content };
        }
        continue;
      }
      const comma = tokens[before.boundary];
      if (!trailing && comma?.text === ',' && isTrailingContent(tokens, before.boundary) && isTrailingCueEnd(tokens, c)) {
        trailing = { type: 'trailing', slot: before.slot, contentStart: (tokens[0] as Token).start, contentEnd: comma.start };
      }
      continue;
    }

    if (isPunct(tokens[c - 1], ',') && isTrailingContent(tokens, c - 1)) {
      if (INVERTIBLE_CUES.has(cue)) {
        const after = slotAfter(text, tokens, c, mentions, cue);
        if (after && isAttributionTail(tokens, after.next) && !trailing) {
          trailing = { type: 'trailing', slot: after.slot, contentStart: (tokens[0] as Token).start, contentEnd: (tokens[c - 1] as Token).start };
          continue;
        }
      }
      const appositive = appositiveSlot(text, tokens, c, mentions);
      const content = appositive ? contentAfterCue(tokens, c) : -1;
      if (appositive && content >= 0 && !leading) {
        leading = { type: 'leading', slot: appositive, contentStart: (tokens[content] as Token).start, contentEnd: contentEndLimit, contentToken: content };
      }
    }
  }

  if (leading) {
    let end = leading.contentEnd;
    if (trailing && trailing.contentEnd > leading.contentStart) end = Math.min(end, trailing.contentEnd);
    end = reportedContentEnd(tokens, leading.contentToken, end);
    return { ...leading, contentEnd: end };
  }
  return trailing;
}

/** The sentence end without a final period (question and exclamation marks stay: they are part of the words). */
function endWithoutPeriod(text: string, tokens: readonly Token[], sentenceEnd: number): number {
  let end = sentenceEnd;
  while (end > 0 && (text[end - 1] === '.' || isQuoteMark(text[end - 1] as string)) && end > (tokens[0]?.start ?? 0)) {
    // Keep an abbreviation's dot ("U.S.") when it is the last token.
    const last = tokens[tokens.length - 1];
    if (text[end - 1] === '.' && last && last.isWord && last.end === end) break;
    end--;
  }
  return end;
}

/** Attribution right after a closing mark: `,” Mr. Kerry said` / `,” said Stephen Sestanovich` / `,” he said`. */
export function attributionAfter(text: string, tokens: readonly Token[], mentions: MentionIndex): SpeakerSlot | null {
  let i = 0;
  if (isPunct(tokens[0], ',')) i = 1;
  if (isPunct(tokens[0], DASHES)) {
    // A byline-style credit: "…” ― Sonya Herridge"
    const credit = slotAfter(text, tokens, 0, mentions, 'dash');
    return credit && isAttributionTail(tokens, credit.next) ? credit.slot : null;
  }
  for (let c = i; c < tokens.length && c < i + MAX_SLOT_WORDS + 3; c++) {
    const t = tokens[c] as Token;
    if (!t.isWord) return t.text === ',' && c > i ? appositiveAfter(text, tokens, i, c, mentions) : null;
    if (!isCue(tokens, c)) continue;
    if (t.lower === 'according') return slotAfter(text, tokens, c + 1, mentions, 'according')?.slot ?? null;
    if (c === i) {
      if (!INVERTIBLE_CUES.has(t.lower) && !STRONG_CUES.has(t.lower)) return null;
      return slotAfter(text, tokens, c, mentions, t.lower)?.slot ?? null;
    }
    const before = slotBefore(text, tokens, c, i, mentions);
    // "…,” Mr. X said his plan …" is X's own reported speech, not this quote's attribution.
    if (!isAttributionTail(tokens, c + 1)) return null;
    return before && before.boundary === i - 1 ? before.slot : null;
  }
  return null;
}

/** "…,” NAME, appositive, said." — the words [from, comma) name the speaker when a cue follows a later comma. */
function appositiveAfter(text: string, tokens: readonly Token[], from: number, comma: number, mentions: MentionIndex): SpeakerSlot | null {
  for (let c = comma + 1; c < tokens.length && c <= comma + MAX_APPOSITIVE_TOKENS; c++) {
    if (!isCue(tokens, c)) continue;
    if (!isPunct(tokens[c - 1], ',') || !isAttributionTail(tokens, c + 1)) return null;
    const ref = classifySpeaker(text, tokens.slice(from, comma), mentions);
    return ref && ref.kind !== 'pronoun' ? { ref, cue: (tokens[c] as Token).lower, first: from, last: comma - 1 } : null;
  }
  return null;
}

/** The person a sentence is about, for "…, saying “…”": the first he/she or person mention among its first words. */
function sentenceSubject(tokens: readonly Token[], c: number, mentions: MentionIndex): SpeakerSlot | null {
  for (let j = 0; j < c && j < 12; j++) {
    const t = tokens[j] as Token;
    if (!t.isWord) continue;
    if (t.lower === 'he' || t.lower === 'she') {
      return { ref: { kind: 'pronoun', gender: t.lower === 'he' ? 'male' : 'female', at: t.start }, cue: (tokens[c] as Token).lower, first: j, last: j };
    }
    const m = mentions.overlapping(t.start, t.end);
    if (m?.entity.type === 'person') return { ref: { kind: 'entity', entity: m.entity }, cue: (tokens[c] as Token).lower, first: j, last: j };
  }
  return null;
}

function isParticipleCue(tokens: readonly Token[], c: number): boolean {
  const t = tokens[c];
  return t !== undefined && t.isWord && PARTICIPLE_CUES.has(t.lower) && isPunct(tokens[c - 1], ',');
}

/** Attribution just before an opening mark, at the end of `tokens`: `He added: “` / `Smith said, “` / `according to X, “`. */
export function attributionBefore(text: string, tokens: readonly Token[], mentions: MentionIndex): SpeakerSlot | null {
  // The cue must be among the last few tokens (allowing "told reporters", "said Tuesday", "said that").
  for (let c = tokens.length - 1; c >= 0 && c >= tokens.length - 6; c--) {
    if (isParticipleCue(tokens, c)) return sentenceSubject(tokens, c, mentions);
    if (!isCue(tokens, c)) continue;
    const cue = (tokens[c] as Token).lower;
    if (cue === 'according') return slotAfter(text, tokens, c + 1, mentions, cue)?.slot ?? null;
    const before = slotBefore(text, tokens, c, 0, mentions);
    if (before) return before.slot;
    // "Said Smith: “…" / "…, said Smith, “…": inverted only at a clause start.
    if (INVERTIBLE_CUES.has(cue) && (c === 0 || isPunct(tokens[c - 1], ','))) return slotAfter(text, tokens, c, mentions, cue)?.slot ?? null;
    return null;
  }
  return null;
}

/** Any attribution in a sentence (tokens outside quoted words): the fallback for partial quotes. */
export function attributionAnywhere(text: string, tokens: readonly Token[], mentions: MentionIndex): SpeakerSlot | null {
  for (let c = 0; c < tokens.length; c++) {
    if (isParticipleCue(tokens, c)) {
      const subject = sentenceSubject(tokens, c, mentions);
      if (subject) return subject;
      continue;
    }
    if (tokens[c]?.isWord && NAMING_CUES.has((tokens[c] as Token).lower)) {
      const named = slotBefore(text, tokens, c, 0, mentions);
      if (named && named.slot.ref.kind !== 'phrase') return named.slot;
      if (named?.slot.ref.kind === 'phrase' && named.slot.ref.singular) return named.slot;
      continue;
    }
    if (!isCue(tokens, c)) continue;
    const cue = (tokens[c] as Token).lower;
    if (cue === 'according') {
      const after = slotAfter(text, tokens, c + 1, mentions, cue);
      if (after) return after.slot;
      continue;
    }
    const before = slotBefore(text, tokens, c, 0, mentions);
    if (before) return before.slot;
    if (isPunct(tokens[c - 1], ',')) {
      const after = INVERTIBLE_CUES.has(cue) ? slotAfter(text, tokens, c, mentions, cue) : null;
      if (after && isAttributionTail(tokens, after.next)) return after.slot;
      const appositive = appositiveSlot(text, tokens, c, mentions);
      if (appositive) return appositive;
    }
  }
  return null;
}

export function isContinuingCue(cue: string): boolean {
  return CONTINUING_CUES.has(cue);
}
