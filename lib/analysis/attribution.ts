// Attribution patterns over tokens: a speaker slot next to a speech cue, and where the content is.
//   leading:  "Mr. Kerry said (Tuesday) (that) CONTENT"          -> reported speech
//             also "X, an appositive, said …", "X, who said …", "X did Y and said …", "X did Y, saying …",
//             "X told the Post CLAUSE"
//   trailing: "CONTENT, Mr. Kerry said(, as he ...)"  /  "CONTENT, said a senior Arab official, ..."
//   inner:    "Back then, Ms. Ripert said, CONTENT"  /  "…, according to X, CONTENT"  (always reported)
//   colon:    "He added: CONTENT"
// Every slot carries the written speaker phrase and cue (Quote.source / Quote.cue).
// Every function looks at a bounded window of tokens around a cue, so a sentence costs linear time.
import { isCapitalized, type Token } from './quote-tokens';
import type { Entity, Span } from './types';
import { learnedContentEnd, learnedCue } from './attribution-model';
import { classifySpeaker, isSingularHuman, type MentionIndex, type SpeakerRef } from './speakers';
import {
  AFTER_QUOTE_CUES, DOCUMENT_NOUNS, ORGANIZATION_DOCUMENT_NOUNS, CLAUSE_WORDS, CONTINUING_CUES, CUE_FILLERS, DETERMINERS, INVERTIBLE_CUES, isHumanNoun, isHumanPlural, OBJECT_CUES, OBJECT_CUE_PAIR_HEADS, LEARNED_CLAUSE_CUES, LEARNED_PARTICIPLE_CUES, LEARNED_THAT_CUES, NAMING_CUES, NOUN_LIKE_CUES, PARTICIPLE_CUES, STRONG_CUES,
  SUBJECT_CUE_FILLERS, TAIL_PREPOSITIONS, THAT_ONLY_CUES,
} from './speech-cues';

export interface SpeakerSlot {
  ref: SpeakerRef;
  /** The cue word, lowercased ("said", "according"). */
  cue: string;
  /** Token indexes of the speaker slot [first, last]. */
  first: number;
  last: number;
  /** The speaker phrase as written ("Mr. Kerry", "he", "a senior official"). */
  source: Span;
  /** The cue as written ("said", "according to"); null for a bare dash credit. */
  cueSpan: Span | null;
}

/** A slot whose speaker is tokens [first, last] and whose cue is token `c` (-1: none, and the cue word is ''). */
function makeSlot(tokens: readonly Token[], ref: SpeakerRef, c: number, first: number, last: number): SpeakerSlot {
  const cueToken = c >= 0 ? tokens[c] : undefined;
  // No cue word: a dash credit ("…” ― Sonya Herridge") or the subject of the sentence.
  const cue = cueToken?.lower ?? '';
  let cueSpan: Span | null = null;
  if (cueToken) {
    // "according to" is one cue; otherwise the cue is the verb alone ("said", not "has said").
    const to = cue === 'according' && tokens[c + 1]?.lower === 'to' ? (tokens[c + 1] as Token) : cueToken;
    cueSpan = { start: cueToken.start, end: to.end };
  }
  return { ref, cue, first, last, source: { start: (tokens[first] as Token).start, end: (tokens[last] as Token).end }, cueSpan };
}

export type SentenceAttribution =
  | { type: 'leading'; slot: SpeakerSlot; contentStart: number; contentEnd: number; contentToken: number }
  | { type: 'trailing'; slot: SpeakerSlot; contentStart: number; contentEnd: number }
  /** "Back then, Ms. Ripert said, she found …": the attribution sits inside its content (always reported). */
  | { type: 'inner'; slot: SpeakerSlot; contentStart: number; contentEnd: number }
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

/** The one-word cues isCue accepts on the word alone, in one set (it runs on every word of every sentence). */
const WORD_CUES: ReadonlySet<string> = new Set([...STRONG_CUES, ...NOUN_LIKE_CUES, ...LEARNED_THAT_CUES, ...LEARNED_CLAUSE_CUES]);

/** Is token `i` a cue? Learned object cues ("criticized", "talked about") count only with `objects`: they introduce
 * reported content in a sentence, but are too loose to credit a quotation-marked quote near them. */
export function isCue(tokens: readonly Token[], i: number, objects = false): boolean {
  const t = tokens[i];
  if (!t?.isWord) return false;
  // A capitalised cue word inside a sentence is part of a name ("United States", "Reports Desk").
  if (i > 0 && isCapitalized(t)) return false;
  if (WORD_CUES.has(t.lower)) return true;
  if (objects && objectCueLength(tokens, i) > 0) return true;
  return t.lower === 'according' && tokens[i + 1]?.lower === 'to';
}

/** Words a leading content needs: three after a speech verb (shorter is rarely speech), one after a learned object
 * cue ("endorsed Clinton", "called for calm"). */
function minContentWords(tokens: readonly Token[], c: number): number {
  return objectCueLength(tokens, c) > 0 && !STRONG_CUES.has((tokens[c] as Token).lower) ? 1 : 3;
}

/** Is the content at token `content` the object of a learned object cue at `c`, not a clause ("that …", "he would …")? */
function isObjectContent(tokens: readonly Token[], c: number, content: number): boolean {
  if (objectCueLength(tokens, c) === 0 || STRONG_CUES.has((tokens[c] as Token).lower)) return false;
  return tokens[content - 1]?.lower !== 'that' && !opensBareClause(tokens, content);
}

/** Where an object content ends: at a comma that opens narration about it ("…, who is 70", "…, but offered no
 * proof", "…, saying …"), else at `limit`. */
function objectEnd(tokens: readonly Token[], from: number, limit: number): number {
  for (let i = from; i < tokens.length && (tokens[i] as Token).start < limit; i++) {
    const t = tokens[i] as Token;
    if (t.text !== ',') continue;
    const next = tokens[i + 1];
    if (next?.isWord && (NARRATION_OPENERS.has(next.lower) || next.lower.endsWith('ing'))) return t.start;
  }
  return limit;
}

/** 2 for a learned "word preposition" cue at `i` ("talked about"), 1 for a learned one-word object cue
 * ("criticized", "noted the costs"), 0 otherwise. */
function objectCueLength(tokens: readonly Token[], i: number): number {
  const t = tokens[i] as Token;
  const next = tokens[i + 1];
  if (next?.isWord && OBJECT_CUE_PAIR_HEADS.has(t.lower) && OBJECT_CUES.has(`${t.lower} ${next.lower}`)) return 2;
  // Verbs whose object is rarely what was said ("added a note of caution", "asked him", "wrote a book") keep their own rules.
  return OBJECT_CUES.has(t.lower) && !NO_OBJECT_CONTENT.has(t.lower) && !PARTICIPLE_CUES.has(t.lower) ? 1 : 0;
}

const NO_OBJECT_CONTENT = new Set([
  'said', 'says', 'say', 'added', 'adds', 'asked', 'asks', 'told', 'tells', 'continued', 'offered', 'posted', 'wrote', 'writes',
  'replied', 'responded', 'texted', 'emailed', 'tweeted', 'advised', 'instructed', 'pleaded',
]);

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
  while (j >= floor && fillers < 3 && tokens[j]?.isWord) {
    const lower = (tokens[j] as Token).lower;
    // "has since said", "now says": time words between the subject and its cue.
    const sinceAfterHave = lower === 'since' && /^(has|have|had)$/.test(tokens[j - 1]?.lower ?? '');
    if (SUBJECT_CUE_FILLERS.has(lower) || sinceAfterHave || TIME_FILLERS.has(lower) || isMannerAdverb(tokens[j] as Token)) j--;
    // "Sanders on Tuesday said …" / "Sanders Tuesday said …"
    else if (DAYS.has(lower)) j -= tokens[j - 1]?.lower === 'on' ? 2 : 1;
    else break;
    fillers++;
  }
  const last = j;
  // "Mr. Obama's remarks", "Trump’s statement": a possessive before a noun-like or learned cue is not its subject.
  const cueWord = (tokens[c] as Token).lower;
  if (tokens[last]?.isWord && /['\u2019]s$/.test((tokens[last] as Token).text) && (NOUN_LIKE_CUES.has(cueWord) || LEARNED_THAT_CUES.has(cueWord))) return null;
  let count = 0;
  while (j >= floor && count <= MAX_SLOT_WORDS) {
    const t = tokens[j] as Token;
    if (!t.isWord || CLAUSE_WORDS.has(t.lower) || STRONG_CUES.has(t.lower)) break;
    j--;
    count++;
  }
  if (count === 0) return null;
  let ref = count > MAX_SLOT_WORDS ? null : classifySpeaker(text, tokens.slice(j + 1, last + 1), mentions, j + 1 === 0);
  // "prosecutors in San Francisco and Los Angeles say": a place after "and" or a preposition is part of a longer
  // phrase, never the speaker itself.
  if (ref?.kind === 'phrase' && ref.entity?.type === 'place' && tokens[j]?.isWord && PLACE_JOINERS.has((tokens[j] as Token).lower)) {
    let k = j - 1;
    while (k >= floor && last - k < MAX_SLOT_WORDS && tokens[k]?.isWord && (PLACE_JOINERS.has((tokens[k] as Token).lower) || !CLAUSE_WORDS.has((tokens[k] as Token).lower))) k--;
    const longer = classifySpeaker(text, tokens.slice(k + 1, last + 1), mentions, k + 1 === 0);
    if (!longer || (longer.kind === 'phrase' && longer.entity?.type === 'place')) return null;
    ref = longer;
    j = k;
  }
  if (!ref) return nameRightBefore(text, tokens, c, last, Math.max(floor, j + 1), mentions);
  const lead = ref.kind === 'phrase' && !ref.singular ? leaderOfTeam(text, tokens, j, last, floor, mentions) : null;
  if (lead) return { slot: makeSlot(tokens, lead.ref, c, lead.first, last), boundary: lead.first - 1 };
  const cue = (tokens[c] as Token).lower;
  if (NOUN_LIKE_CUES.has(cue) && !isSingularHuman(ref) && !(ref.kind === 'phrase' && ref.entity)) return null;
  return { slot: makeSlot(tokens, ref, c, j + 1, last), boundary: j };
}

/** Words that join a place to the phrase before it ("officials in Kyiv and Lviv"). */
const PLACE_JOINERS = new Set(['and', 'or', 'in', 'of', 'from', 'at']);

/** Who works under a named lead: "Paganini and his team", "Anna Voss and her colleagues". */
const TEAM_NOUNS = new Set(['team', 'colleagues', 'co-authors', 'coauthors', 'collaborators', 'students', 'researchers', 'group', 'lab']);

/** "Paganini and his team wrote": the slot [and + 1, last] is "his/her team" and the named person before "and" leads
 * it, so speaks for it. `and` is the index of the word before the slot. */
function leaderOfTeam(
  text: string, tokens: readonly Token[], and: number, last: number, floor: number, mentions: MentionIndex,
): { ref: SpeakerRef; first: number } | null {
  const owner = tokens[and + 1]?.lower;
  if (tokens[and]?.lower !== 'and' || (owner !== 'his' && owner !== 'her') || !TEAM_NOUNS.has((tokens[last] as Token).lower)) return null;
  let first = and;
  while (first - 1 >= floor && and - first < 4 && isCapitalized(tokens[first - 1])) first--;
  if (first === and) return null;
  const ref = classifySpeaker(text, tokens.slice(first, and), mentions, first === 0);
  return ref && (ref.kind === 'entity' ? ref.entity.type === 'person' : ref.kind === 'surname' || ref.kind === 'name') ? { ref, first } : null;
}

/** Time words that may stand between a subject and its cue ("Clinton now says …", "has already said"). */
const TIME_FILLERS = new Set(['now', 'already', 'still', 'just']);

/** "boldly said", "repeatedly claimed": a lowercase -ly word between the subject and the cue (nouns ending in
 * -ly, "the family said", are not skipped). */
const LY_NOUNS = new Set(['family', 'ally', 'assembly', 'supply', 'rally', 'anomaly', 'monopoly', 'homily', 'melancholy', 'bully', 'belly', 'lily', 'jelly']);
function isMannerAdverb(t: Token): boolean {
  return t.isWord && t.text.length > 4 && t.lower.endsWith('ly') && !isCapitalized(t) && !LY_NOUNS.has(t.lower);
}

/** "In a Bloomberg interview Trump declared": when the words before the cue are no speaker as a whole, the name
 * right before it (a capitalised run after a lowercase word) may be: a person, a name, or an organisation. */
function nameRightBefore(
  text: string, tokens: readonly Token[], c: number, last: number, floor: number, mentions: MentionIndex,
): { slot: SpeakerSlot; boundary: number } | null {
  let first = last;
  while (first - 1 >= floor && last - first < 4 && isCapitalized(tokens[first - 1])) first--;
  const before = tokens[first - 1];
  if (!isCapitalized(tokens[first]) || first <= floor || !before?.isWord || isCapitalized(before) || DETERMINERS.has(before.lower)) return null;
  if (/['\u2019]s$/.test((tokens[last] as Token).text)) return null;
  const ref = classifySpeaker(text, tokens.slice(first, last + 1), mentions);
  // "A study published in the journal Cell Metabolism found …": an organisation after a preposition is its object
  // (a person there still speaks: "footage of Clinton asking").
  const afterPreposition = NAME_OBJECT_PREPOSITIONS.has(before.lower) || (DETERMINERS.has(tokens[first - 2]?.lower ?? '') && NAME_OBJECT_PREPOSITIONS.has(tokens[first - 3]?.lower ?? ''));
  if (afterPreposition && ref?.kind === 'phrase') return null;
  const named = ref && (ref.kind === 'entity' || ref.kind === 'surname' || ref.kind === 'name' || (ref.kind === 'phrase' && ref.entity?.type === 'organization'));
  return named ? { slot: makeSlot(tokens, ref, c, first, last), boundary: first - 1 } : null;
}

/** Prepositions whose object a name right before a cue may be ("published in Nature found"). */
const NAME_OBJECT_PREPOSITIONS = new Set(['in', 'of', 'at', 'by', 'from', 'with', 'to', 'for', 'on', 'into', 'about', 'against']);

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
  const words = tokens.slice(start, k);
  // "according to the FBI data": whatever follows "according to" is the source, person or not.
  const ref = classifySpeaker(text, words, mentions) ?? (cue === 'according' ? (writingAuthor(words, mentions) ?? phraseRef(text, words)) : null);
  if (!ref) return null;
  // `c` is the cue itself, or "to" of "according to", or a dash credit's dash (no cue).
  const cueIndex = cue === 'dash' ? -1 : cue === 'according' ? c - 1 : c;
  if (ref.kind === 'phrase' && ref.singular && !ref.entity) {
    // "said another witness in the probe, former White House adviser Fiona Hill.": the name closing the sentence.
    const named = closingName(tokens, k, mentions);
    if (named) return { slot: makeSlot(tokens, { kind: 'entity', entity: named.entity }, cueIndex, named.first, named.last), next: named.last + 1 };
  }
  return { slot: makeSlot(tokens, ref, cueIndex, start, k - 1), next: k };
}

/** A person named at the end of the sentence after a comma, within a few words of `from`: the appositive of an
 * unnamed speaker ("…, former White House Russia adviser Fiona Hill."). */
function closingName(tokens: readonly Token[], from: number, mentions: MentionIndex): { entity: Entity; first: number; last: number } | null {
  let comma = -1;
  for (let i = from; i < tokens.length && i < from + 8; i++) {
    const t = tokens[i] as Token;
    if (t.text === ',') {
      comma = i;
      break;
    }
    if (!t.isWord) return null;
  }
  if (comma < 0) return null;
  let end = comma + 1;
  while (end < tokens.length && (tokens[end] as Token).isWord && end - comma <= 10) end++;
  const lastWord = tokens[end - 1];
  if (end === comma + 1 || !lastWord || (end < tokens.length && !'.!?'.includes((tokens[end] as Token).text))) return null;
  const m = mentions.overlapping(lastWord.start, lastWord.end);
  if (m?.entity.type !== 'person' || m.end !== lastWord.end) return null;
  const first = tokens.findIndex((t, i) => i > comma && t.start >= m.start);
  return first > comma ? { entity: m.entity, first, last: end - 1 } : null;
}

/** "according to a speech Jane Roe delivered", "… a letter Smith wrote": the person who gave the writing or speech. */
function writingAuthor(words: readonly Token[], mentions: MentionIndex): SpeakerRef | null {
  for (let i = 1; i < words.length - 1; i++) {
    const w = words[i] as Token;
    const m = mentions.overlapping(w.start, w.end);
    if (m?.entity.type !== 'person') continue;
    let j = i;
    while (j + 1 < words.length && (words[j + 1] as Token).start < m.end) j++;
    const verb = words[j + 1];
    // The word before the name and its title ("Mrs.", "Sen."): a noun of the writing, not a preposition.
    let s = i;
    while (s > 0 && isCapitalized(words[s - 1] as Token)) s--;
    const lead = words[s - 1];
    if (!verb || !lead || isCapitalized(verb) || !AUTHOR_VERBS.test(verb.lower) || NAME_OBJECT_PREPOSITIONS.has(lead.lower)) return null;
    return { kind: 'entity', entity: m.entity };
  }
  return null;
}

/** Past-tense verbs of giving a writing or a speech. */
const AUTHOR_VERBS = /^(?:\p{Ll}+ed|gave|wrote|made|sent|held|told)$/u;

function phraseRef(text: string, words: readonly Token[]): SpeakerRef {
  return { kind: 'phrase', name: text.slice((words[0] as Token).start, (words[words.length - 1] as Token).end), singular: false };
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
  if (t.lower === 'that') return afterThat(tokens, k);
  if (cue === 'told' || cue === 'tells') {
    // "told the National Post he's already received …": the hearer, then a clause without "that".
    const clause = afterHearer(tokens, k);
    if (clause >= 0 && SUBJECT_STARTS.has((tokens[clause] as Token).lower) && looksLikeClause(tokens, clause)) return clause;
  }
  // "Sanders said if he were president, DACA would …": a conditional clause opens the content.
  if (t.lower === 'if' && SAY_CUES.has(cue) && looksLikeClause(tokens, k + 1)) return k;
  // "criticized the plan", "called for an inquiry": a learned object cue takes what follows as its content.
  const objectCue = objectCueLength(tokens, c);
  if (objectCue === 2 && tokens[c + 2]?.isWord) return c + 2;
  if (objectCue === 1 && k === c + 1 && !TAIL_PREPOSITIONS.has(t.lower) && !CLAUSE_WORDS.has(t.lower) && !CUE_FILLERS.has(t.lower) && !isOrder(tokens, k)) return k;
  // "insisted he would …", "noted the plan was …": a learned clause cue before a clause of its own.
  if (LEARNED_CLAUSE_CUES.has(cue) && opensBareClause(tokens, k)) return k;
  if (THAT_ONLY_CUES.has(cue) || LEARNED_THAT_CUES.has(cue) || TAIL_PREPOSITIONS.has(t.lower) || CLAUSE_WORDS.has(t.lower)) {
    // "said in a statement that ...", "told reporters that ...": look a little further for "that".
    // Commas may set off a place ("says at a stop in Toledo, Ohio, that …").
    for (let i = k; i < tokens.length && i < k + 12; i++) {
      const u = tokens[i] as Token;
      if (!u.isWord && u.text !== '.' && u.text !== ',') return -1;
      if (u.lower === 'that') return afterThat(tokens, i);
    }
    return -1;
  }
  return SAY_CUES.has(cue) || looksLikeClause(tokens, k) ? k : -1;
}

/** The content after "that" at token `k`: the next word, or the word after a comma ("said that, if elected, he …"). */
function afterThat(tokens: readonly Token[], k: number): number {
  if (tokens[k + 1]?.isWord) return k + 1;
  return isPunct(tokens[k + 1], ',') && tokens[k + 2]?.isWord ? k + 2 : -1;
}

/** "warned officials to boost security", "urged him to quit": a hearer and an infinitive, an order rather than words. */
function isOrder(tokens: readonly Token[], k: number): boolean {
  return tokens[k + 1]?.lower === 'to' || (tokens[k + 2]?.lower === 'to' && tokens[k + 1]?.isWord === true);
}

/** Subject pronouns: after "told HEARER" they open the reported clause. */
const SUBJECT_STARTS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'there', 'he\'s', 'she\'s', 'they\'re', 'we\'re', 'it\'s', 'he\u2019s', 'she\u2019s', 'they\u2019re', 'we\u2019re', 'it\u2019s']);

/** The token after the hearer of "told": an object pronoun, "reporters", or a short capitalised name ("the National
 * Post", "CNN"); -1 when the words after the cue are not one of those. */
function afterHearer(tokens: readonly Token[], k: number): number {
  const t = tokens[k] as Token;
  if (TAIL_OBJECTS.has(t.lower)) return k + 1;
  let i = t.lower === 'the' ? k + 1 : k;
  const start = i;
  while (i < tokens.length && i - start < 5 && tokens[i]?.isWord && isCapitalized(tokens[i] as Token)) i++;
  return i > start && tokens[i]?.isWord ? i : -1;
}

/** "said" takes a bare clause freely ("Trump said the plan is dead"); other cues often take an object
 * instead ("noted Bill Clinton's comments", "warned officials to boost security", "declared war"). */
const SAY_CUES = new Set(['said', 'says', 'say', 'saying']);
/** Auxiliaries and modals: a finite verb, so the words after a cue are a clause of their own. */
const FINITE_MARKERS = new Set([
  'is', 'was', 'are', 'were', 'has', 'have', 'had', 'will', 'would', 'could', 'should', 'can', 'may', 'might',
  'must', 'do', 'does', 'did', 'isn\'t', 'wasn\'t', 'won\'t', 'wouldn\'t', 'can\'t', 'didn\'t', 'doesn\'t',
]);
const OBJECT_PRONOUNS = new Set(['him', 'them', 'me', 'us', 'whom']);

/** A clause right after a learned cue, in the shape train learned it from: a subject pronoun or a determiner, then a
 * finite verb within a few words, with no conjunction or other cue before it ("praised the plan and said it would"
 * is an object, then a second verb). */
function opensBareClause(tokens: readonly Token[], k: number): boolean {
  const first = tokens[k] as Token;
  if (!SUBJECT_STARTS.has(first.lower) && !DETERMINERS.has(first.lower)) return false;
  for (let i = k + 1; i < tokens.length && i < k + 6; i++) {
    const t = tokens[i] as Token;
    if (!t.isWord || CLAUSE_WORDS.has(t.lower) || isCue(tokens, i)) return false;
    if (FINITE_MARKERS.has(t.lower.replace(/\u2019/g, "'"))) return true;
  }
  return SUBJECT_STARTS.has(first.lower) && /['\u2019](s|re)$/.test(first.lower);
}

/** Do the tokens from `k` read as a clause: a finite verb within the first few words (an auxiliary, or a
 * past tense after a subject), before any "to" that would make them an object and an infinitive? */
function looksLikeClause(tokens: readonly Token[], k: number): boolean {
  if (OBJECT_PRONOUNS.has((tokens[k] as Token).lower)) return false;
  for (let i = k; i < tokens.length && i < k + 8; i++) {
    const t = tokens[i] as Token;
    if (!t.isWord) return false;
    const lower = t.lower.replace(/\u2019/g, "'");
    if (lower === 'to') return false;
    if (FINITE_MARKERS.has(lower) || lower.endsWith("'s") || lower.endsWith("'re")) return i > k || lower.includes("'");
    if (i > k && lower.endsWith('ed') && !DETERMINERS.has((tokens[i - 1] as Token).lower)) return true;
  }
  return false;
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

/** Tokens a source after a sentence-opening "according to" may run to before its comma ("According to early results of
 * exit polls conducted for the network by a polling firm, …"). */
const MAX_ACCORDING_SOURCE_TOKENS = 30;

/** The comma that ends the source of a sentence-opening "according to", from token `from` (where the speaker slot
 * stopped, at a preposition or after its words); -1 when none comes within a plain run of words. */
function sourceComma(tokens: readonly Token[], from: number): number {
  for (let k = from; k < tokens.length && k - from <= MAX_ACCORDING_SOURCE_TOKENS; k++) {
    const t = tokens[k] as Token;
    if (t.text === ',') return k;
    if (!t.isWord) return -1;
  }
  return -1;
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
  const named = ref.kind === 'phrase' && !ref.entity ? appositiveName(text, tokens, firstComma + 1, c - 1, mentions) : null;
  if (named) return makeSlot(tokens, named, c, firstComma + 1, c - 2);
  return makeSlot(tokens, ref, c, 0, firstComma - 1);
}

/** "the chairman, Paul Adler, said": the person named in the appositive [from, to) after a description, who is the
 * speaker's fullest name. */
function appositiveName(text: string, tokens: readonly Token[], from: number, to: number, mentions: MentionIndex): SpeakerRef | null {
  const words = tokens.slice(from, to);
  if (words.length === 0 || words.length > 5 || !words.every((t) => t.isWord && isCapitalized(t))) return null;
  const ref = classifySpeaker(text, words, mentions);
  return ref && (ref.kind === 'entity' ? ref.entity.type === 'person' : ref.kind === 'name' || ref.kind === 'surname') ? ref : null;
}

/** After an attribution set inside a sentence: a few tail words ("told The Washington Post"), a comma, and at
 * least three more words of content. */
function resumesAfter(tokens: readonly Token[], from: number): boolean {
  let k = from;
  while (k < tokens.length && k - from < 8 && (tokens[k] as Token).isWord) k++;
  if (!isPunct(tokens[k], ',') || !hasWords(tokens, k + 1, tokens.length, 3)) return false;
  // "…, he said, referring to …" / "…, she said, as …" / "…, he said, and …": the attribution's own tail.
  const next = tokens[k + 1] as Token;
  return next.isWord && !next.lower.endsWith('ing') && !TAIL_PREPOSITIONS.has(next.lower) && !NARRATION_OPENERS.has(next.lower);
}

/** Words after ", X said," that go on with narration about the speaker rather than with what was said. */
const NARRATION_OPENERS = new Set(['and', 'but', 'or', 'nor', 'as', 'who', 'whom', 'whose', 'which', 'where', 'while', 'when', 'since', 'after', 'before', 'once', 'according']);

function isInvertibleOrTold(tokens: readonly Token[], c: number): boolean {
  const cue = (tokens[c] as Token).lower;
  return INVERTIBLE_CUES.has(cue) || cue === 'told' || cue === 'tells' || cue === 'say';
}

/** The first comma at or after token `from`, or `limit`. */
function commaAfter(tokens: readonly Token[], from: number, limit: number): number {
  for (let i = from; i < tokens.length && (tokens[i] as Token).start < limit; i++) if ((tokens[i] as Token).text === ',') return (tokens[i] as Token).start;
  return limit;
}

/** Words that may open an appositive between a speaker and the cue: "X, a senior fellow at …, said". */
const APPOSITIVE_OPENERS = new Set(['who', 'whose', 'now', 'once', 'then', 'herself', 'himself', 'chairman', 'chairwoman', 'president', 'director', 'head', 'founder']);
/** Conjunctions that join a second verb to the sentence's subject: "Trump denounced her record and said …". */
const SUBJECT_CONJUNCTIONS = new Set(['and', 'but']);

/**
 * A speaker for cue `c` that is not right before it (the leading pattern only; the content must follow):
 *   "…, Roberta Lange, the state party chairwoman, said …"  (appositive, anywhere in the sentence)
 *   "Juanita Broaddrick, who said …"                         (relative clause)
 *   "Wilson praised Rubio’s positions and said …"           (second verb of the sentence's subject)
 */
function indirectSubject(text: string, tokens: readonly Token[], c: number, mentions: MentionIndex): SpeakerSlot | null {
  let j = c - 1;
  while (j >= 0 && tokens[j]?.isWord && SUBJECT_CUE_FILLERS.has((tokens[j] as Token).lower)) j--;
  const t = tokens[j];
  if (!t) return null;
  if (t.isWord && SUBJECT_CONJUNCTIONS.has(t.lower)) return openingSubject(text, tokens, c, j, mentions);
  if (t.isWord && t.lower === 'who' && isPunct(tokens[j - 1], ',')) return nameBefore(text, tokens, j - 1, c, mentions);
  if (!isPunct(t, ',')) return null;
  // "NAME, appositive, said": the appositive runs back to the previous comma.
  let p = j - 1;
  while (p >= 0 && j - p <= MAX_APPOSITIVE_TOKENS && !isPunct(tokens[p], ',.;:!?') && !isQuoteMark((tokens[p] as Token).text)) p--;
  if (p <= 0 || !isPunct(tokens[p], ',') || p === j - 1) return null;
  const opener = tokens[p + 1] as Token;
  const opensAppositive = DETERMINERS.has(opener.lower) || APPOSITIVE_OPENERS.has(opener.lower) || /^\d/.test(opener.text) || isHumanNoun(opener.lower);
  if (opensAppositive) return nameBefore(text, tokens, p, c, mentions);
  // "one of the family's attorneys, Justin Bamberg, said …" / "Another pollster, David Woodard of Clemson
  // University, said …": the name that opens the words between the commas is the speaker.
  let run = p + 1;
  while (run < j && run - p <= 4 && isCapitalized(tokens[run] as Token)) run++;
  if (run > p + 1) {
    const ref = classifySpeaker(text, tokens.slice(p + 1, run), mentions);
    if (ref && (ref.kind === 'entity' || ref.kind === 'name' || ref.kind === 'surname')) return makeSlot(tokens, ref, c, p + 1, run - 1);
  }
  return null;
}

/** The named speaker (not a pronoun) that ends just before token `end` (a comma), with cue `c`. */
function nameBefore(text: string, tokens: readonly Token[], end: number, c: number, mentions: MentionIndex): SpeakerSlot | null {
  let k = end - 1;
  while (k >= 0 && end - k <= MAX_SLOT_WORDS) {
    const t = tokens[k] as Token;
    if (!t.isWord || CLAUSE_WORDS.has(t.lower) || STRONG_CUES.has(t.lower)) break;
    k--;
  }
  if (k === end - 1 || end - k > MAX_SLOT_WORDS) return null;
  const ref = classifySpeaker(text, tokens.slice(k + 1, end), mentions, k + 1 === 0);
  if (!ref || ref.kind === 'pronoun' || ref.kind === 'it' || ref.kind === 'anonymous-group') return null;
  return makeSlot(tokens, ref, c, k + 1, end - 1);
}

/** The subject that opens the sentence (or its main clause, after a short introduction ending in a comma), before
 * token `limit`: he/she, a capitalised run holding a person or a name, or "a/the … NOUN" up to a human noun. */
function openingSubject(text: string, tokens: readonly Token[], c: number, limit: number, mentions: MentionIndex): SpeakerSlot | null {
  // The sentence start, and after each of the first two commas of a short introduction ("On July 6, 2015, Sanders …").
  const starts = [0];
  for (let i = 1; i < tokens.length && i < 12 && i < limit && starts.length < 3; i++) {
    if (isPunct(tokens[i], ',')) starts.push(i + 1);
  }
  // "In a Tumblr post at the time she described …": an introduction without its comma, then "he"/"she".
  if (starts.length === 1 && tokens[0]?.isWord && INTRO_PREPOSITIONS.has(tokens[0].lower)) {
    const pronoun = tokens.findIndex((t, i) => i > 1 && i < 10 && i < limit && t.isWord && (t.lower === 'he' || t.lower === 'she'));
    if (pronoun > 0 && tokens.slice(0, pronoun).every((t) => t.isWord)) starts.push(pronoun);
  }
  for (const start of starts) {
    const first = tokens[start];
    if (!first?.isWord || start >= limit) continue;
    // "After Obama spoke, Clinton …": an introduction, not the subject.
    if (INTRO_PREPOSITIONS.has(first.lower) || CLAUSE_WORDS.has(first.lower)) continue;
    if (first.lower === 'he' || first.lower === 'she') {
      return makeSlot(tokens, { kind: 'pronoun', gender: first.lower === 'he' ? 'male' : 'female', at: first.start }, c, start, start);
    }
    if (DETERMINERS.has(first.lower)) {
      // "The State Department has deemed … and says …": a named body.
      let run = start + 1;
      while (run < limit && run - start <= 4 && tokens[run]?.isWord && isCapitalized(tokens[run] as Token)) run++;
      const body = run > start + 1 && tokens[run]?.isWord && !isCapitalized(tokens[run] as Token) ? classifySpeaker(text, tokens.slice(start, run), mentions) : null;
      if (body?.kind === 'phrase' && body.entity?.type === 'organization') return makeSlot(tokens, body, c, start, run - 1);
      // "A Clinton campaign official …": the noun phrase up to its first human noun, not the name inside it.
      for (let i = start + 1; i < limit && i < start + 6 && tokens[i]?.isWord; i++) {
        const lower = (tokens[i] as Token).lower;
        if (!isHumanNoun(lower) && !isHumanPlural(lower)) continue;
        const ref = classifySpeaker(text, tokens.slice(start, i + 1), mentions, start === 0);
        return ref && ref.kind === 'phrase' ? makeSlot(tokens, ref, c, start, i) : null;
      }
      continue;
    }
    // A run of capitalised words ("Sen. Elizabeth Warren") holding a person mention.
    let end = start;
    while (end < limit && end - start < 5 && tokens[end]?.isWord && isCapitalized(tokens[end] as Token)) end++;
    // "Republican front-runner Dale Hunt is …": a lowercase title before the name belongs to the run.
    let titled = end;
    while (titled < limit && titled - start < 4 && tokens[titled]?.isWord && isTitleWord(tokens[titled] as Token)) titled++;
    if (titled > end && tokens[titled]?.isWord && isCapitalized(tokens[titled] as Token)) {
      end = titled;
      while (end < limit && end - titled < 4 && tokens[end]?.isWord && isCapitalized(tokens[end] as Token)) end++;
    }
    // "Clinton’s campaign is …": the subject is the campaign, not Clinton.
    if (end > start && /['\u2019]s$/.test((tokens[end - 1] as Token).text)) continue;
    for (let i = end - 1; i >= start; i--) {
      const m = mentions.overlapping((tokens[i] as Token).start, (tokens[i] as Token).end);
      if (m?.entity.type === 'person') return makeSlot(tokens, { kind: 'entity', entity: m.entity }, c, start, end - 1);
    }
    if (end > start) {
      const ref = classifySpeaker(text, tokens.slice(start, end), mentions, start === 0);
      if (ref && (ref.kind === 'name' || ref.kind === 'surname' || ref.kind === 'phrase')) return makeSlot(tokens, ref, c, start, end - 1);
    }
  }
  return null;
}

/** A lowercase word of a title before a name: a human noun ("spokeswoman") or a hyphened one ("front-runner"). */
function isTitleWord(t: Token): boolean {
  return !isCapitalized(t) && (isHumanNoun(t.lower) || /^\p{Ll}+-\p{Ll}+$/u.test(t.lower));
}

/** The person (or one described person) who opens a sentence ("In July, Gingrich dismissed Estonia as …"), for a quote in it that has no
 * attribution of its own: the quote is most likely the subject's words. Tokens are the sentence's, up to the quote. */
export function sentenceOpeningSubject(text: string, tokens: readonly Token[], mentions: MentionIndex): SpeakerSlot | null {
  const slot = openingSubject(text, tokens, -1, tokens.length, mentions);
  // "The Ohio senator took a heckler in stride, saying …": one described person speaks too; a group does not.
  return slot && (slot.ref.kind !== 'phrase' || slot.ref.singular) ? slot : null;
}

/** "Cruz continued: “…", "Then he leaned in and boomed: “…": a sentence whose words lead up to a colon right before
 * the quote introduces its subject's words; any named subject speaks there. Tokens end at the opening mark. */
export function colonSubject(text: string, tokens: readonly Token[], mentions: MentionIndex): SpeakerSlot | null {
  if (!isPunct(tokens[tokens.length - 1], ':') || tokens.length < 3) return null;
  const participle = nameBeforeParticiple(text, tokens, mentions);
  if (participle) return participle;
  const slot = openingSubject(text, tokens, -1, tokens.length - 1, mentions);
  if (!slot) return null;
  // A place opening the sentence ("At a rally in Birmingham, Alabama, …:") is no speaker.
  if ((slot.ref.kind === 'entity' || slot.ref.kind === 'phrase') && slot.ref.entity?.type === 'place') return null;
  // A person, a named body or one described person; not "Local residents had one request:".
  return slot.ref.kind !== 'phrase' || slot.ref.singular || slot.ref.entity ? slot : null;
}

/** "…, with Trump reportedly yelling: “…”": a name right before a participle (and an -ly adverb) that ends at the
 * colon. Tokens end with the colon. */
function nameBeforeParticiple(text: string, tokens: readonly Token[], mentions: MentionIndex): SpeakerSlot | null {
  const v = tokens.length - 2;
  const verb = tokens[v];
  if (!verb?.isWord || !/^\p{Ll}{3,}ing$/u.test(verb.text)) return null;
  let k = v - 1;
  if (tokens[k]?.isWord && /^\p{Ll}{3,}ly$/u.test((tokens[k] as Token).text)) k--;
  if (k < 0 || !isCapitalized(tokens[k])) return null;
  const slot = nameRightBefore(text, tokens, v, k, Math.max(0, k - 4), mentions)?.slot;
  return slot && (slot.ref.kind === 'entity' ? slot.ref.entity.type !== 'place' : slot.ref.kind === 'surname' || slot.ref.kind === 'name') ? slot : null;
}

/** Find the attribution structure of one sentence (tokens of that sentence only). */
export function analyzeSentence(
  text: string, tokens: readonly Token[], sentenceEnd: number, mentions: MentionIndex,
): SentenceAttribution | null {
  let leading: Extract<SentenceAttribution, { type: 'leading' }> | null = null;
  // A leading content that is a learned cue's object ("praised the plan") yields to a speech verb or participle later
  // in the sentence ("… and said it would create jobs", "…, saying the benefits would outweigh the costs").
  let objectLeading = false;
  let trailing: Extract<SentenceAttribution, { type: 'trailing' | 'inner' }> | null = null;
  const contentEndLimit = endWithoutPeriod(text, tokens, sentenceEnd);

  for (let c = 0; c < tokens.length; c++) {
    const word = tokens[c] as Token;
    if (!word.isWord) continue;
    if ((!leading || objectLeading) && !trailing && word.lower.endsWith('ing') && isParticipleCue(tokens, c)) {
      // "Sanders defended his call to raise the wage, saying the positives would outweigh the losses."
      const subject = openingSubject(text, tokens, c, c - 1, mentions);
      const content = subject ? contentAfterCue(tokens, c) : -1;
      if (subject && content >= 0 && hasWords(tokens, content, tokens.length, 3)) {
        leading = { type: 'leading', slot: subject, contentStart: (tokens[content] as Token).start, contentEnd: contentEndLimit, contentToken: content };
        objectLeading = false;
      }
      continue;
    }
    if (!isCue(tokens, c, true)) continue;
    const cue = (tokens[c] as Token).lower;

    if (cue === 'according') {
      const after = slotAfter(text, tokens, c + 1, mentions, cue);
      if (!after) continue;
      const comma = c === 0 ? sourceComma(tokens, after.next) : -1;
      if (comma >= 0) {
        const start = tokens[comma + 1];
        if (start && !leading) leading = { type: 'leading', slot: after.slot, contentStart: start.start, contentEnd: contentEndLimit, contentToken: comma + 1 };
      } else if (c > 0 && isPunct(tokens[c - 1], ',') && !trailing) {
        // "…, according to X." ends the content; "Since last November, according to Human Rights Watch, …" sits inside it.
        if (resumesAfter(tokens, after.next)) trailing = { type: 'inner', slot: after.slot, contentStart: (tokens[0] as Token).start, contentEnd: contentEndLimit };
        else if (hasWords(tokens, 0, c, 3)) trailing = { type: 'trailing', slot: after.slot, contentStart: (tokens[0] as Token).start, contentEnd: (tokens[c - 1] as Token).start };
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
        const object = isObjectContent(tokens, c, content);
        if ((!leading || (objectLeading && !object)) && !trailing && hasWords(tokens, content, tokens.length, minContentWords(tokens, c))) {
          // An object ("questioned the health of Donald Trump, who is 70") ends where narration about it starts.
          const end = object ? objectEnd(tokens, content, contentEndLimit) : contentEndLimit;
          leading = { type: 'leading', slot: before.slot, contentStart: (tokens[content] as Token).start, contentEnd: end, contentToken: content };
          objectLeading = object;
        }
        continue;
      }
      const comma = tokens[before.boundary];
      if (!trailing && comma?.text === ',' && isInvertibleOrTold(tokens, c) && resumesAfter(tokens, c + 1)) {
        // "Back then, Ms. Ripert said, she found …": an attribution set inside the sentence; all of it is content.
        trailing = { type: 'inner', slot: before.slot, contentStart: (tokens[0] as Token).start, contentEnd: contentEndLimit };
      } else if (!trailing && comma?.text === ',' && isTrailingContent(tokens, before.boundary) && isTrailingCueEnd(tokens, c)) {
        trailing = { type: 'trailing', slot: before.slot, contentStart: (tokens[0] as Token).start, contentEnd: comma.start };
      }
      continue;
    }

    if ((!leading || objectLeading) && !trailing) {
      const indirect = indirectSubject(text, tokens, c, mentions);
      const content = indirect ? contentAfterCue(tokens, c) : -1;
      if (indirect && content >= 0 && hasWords(tokens, content, tokens.length, 3)) {
        // "X, who said A, did B": the relative clause ends at its comma.
        const end = tokens[indirect.last + 2]?.lower === 'who' ? commaAfter(tokens, content, contentEndLimit) : contentEndLimit;
        leading = { type: 'leading', slot: indirect, contentStart: (tokens[content] as Token).start, contentEnd: end, contentToken: content };
        objectLeading = false;
        continue;
      }
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

  // "My government is absolutely convinced that …, Mr. Kerry said.": a speech verb's trailing attribution outranks a
  // learned cue earlier in the sentence.
  if (leading && trailing?.type === 'trailing' && STRONG_CUES.has(trailing.slot.cue) && !STRONG_CUES.has(leading.slot.cue) && !PARTICIPLE_CUES.has(leading.slot.cue)) return trailing;
  if (leading) {
    let end = leading.contentEnd;
    // "X said A, B said." ends A at B's attribution; a cue in the middle of the content ("…, AKA Danger
    // Mouse, wrote a host of new songs") is part of what X said.
    if (trailing && trailing.contentEnd > leading.contentStart && closesSentence(tokens, trailing.contentEnd)) end = Math.min(end, trailing.contentEnd);
    end = reportedContentEnd(tokens, leading.contentToken, end);
    // The object of a learned cue ("questioned [the health of X], who is 70") ends where the end ranker puts it; a
    // clause after a speech verb keeps the patterns' end (cutting those too loses more right contents than it mends).
    const mode = endRankerSettings.mode;
    if (mode === 'all' || (mode === 'object' && objectLeading)) end = rankedEnd(tokens, leading.contentToken, leading.slot.cue, end);
    return { ...leading, contentEnd: end };
  }
  return trailing;
}

/** Which leading contents end where the learned end ranker puts them: learned-cue objects (chosen on PolNeAR dev;
 * only the dev sweeps change it). */
export const endRankerSettings = { mode: 'object' as 'all' | 'object' | 'off', margin: 0 };

/** Where the learned end ranker ends a content that starts at token `from`, no later than character `limit`
 * ("questioned [the health of Donald Trump], who is 70", "called for [more school investment] in a statement"). */
function rankedEnd(tokens: readonly Token[], from: number, cue: string, limit: number): number {
  let stop = from;
  while (stop < tokens.length && (tokens[stop] as Token).start < limit) stop++;
  const endToken = learnedContentEnd(tokens, from, cue, stop, endRankerSettings.margin);
  return endToken < stop ? Math.min(limit, (tokens[endToken - 1] as Token).end) : limit;
}

/** Is the attribution after character `from` short enough to be the sentence's last clause ("…, Jones said.")? */
function closesSentence(tokens: readonly Token[], from: number): boolean {
  let words = 0;
  for (const t of tokens) if (t.start >= from && t.isWord) words++;
  return words <= MAX_SLOT_WORDS + 4;
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
    // A credit names someone ("― Sonya Herridge"); "— a metaphor for …" goes on with the sentence.
    const named = credit !== null && isCapitalized(tokens[credit.slot.first] as Token);
    return named && isAttributionTail(tokens, credit.next) ? credit.slot : null;
  }
  for (let c = i; c < tokens.length && c < i + MAX_SLOT_WORDS + 3; c++) {
    const t = tokens[c] as Token;
    if (!t.isWord) return t.text === ',' && c > i ? appositiveAfter(text, tokens, i, c, mentions) : null;
    // "…,” per the party’s bylaws."
    if (c === i && t.lower === 'per') return slotAfter(text, tokens, c, mentions, 'per')?.slot ?? null;
    // "…,” comments Johnston" / "…,” the statement read.": cues only in this place.
    const afterQuoteCue = AFTER_QUOTE_CUES.has(t.lower) && !isCapitalized(t) && (t.lower === 'comments' ? c === i : c > i && (DOCUMENT_NOUNS.has((tokens[c - 1] as Token).lower) || ORGANIZATION_DOCUMENT_NOUNS.has((tokens[c - 1] as Token).lower)));
    if (afterQuoteCue && t.lower === 'comments') return slotAfter(text, tokens, c, mentions, t.lower)?.slot ?? null;
    // "…,” Kessler shot back." / "…?” Hannity pressed.": verbs that are speech only right after a quote and its speaker.
    const replyLength = c > i && !isCapitalized(t) ? replyCueLength(tokens, c) : 0;
    if (replyLength > 0) {
      const before = slotBefore(text, tokens, c, i, mentions);
      return before && before.boundary === i - 1 && isAttributionTail(tokens, c + replyLength) ? before.slot : null;
    }
    const verbLength = c > i && !isCapitalized(t) && quoteEndsClause(text, tokens) ? speechVerbLength(tokens, c) : 0;
    if (verbLength > 0) {
      const before = slotBefore(text, tokens, c, i, mentions);
      const kind = before?.slot.ref.kind;
      const named = kind === 'entity' || kind === 'surname' || kind === 'name' || kind === 'pronoun';
      if (before && named && before.boundary === i - 1) return before.slot;
    }
    if (!afterQuoteCue && !isCue(tokens, c) && !isPerfectWritten(tokens, c)) continue;
    if (t.lower === 'according') return slotAfter(text, tokens, c + 1, mentions, 'according')?.slot ?? null;
    if (c === i) {
      if (!INVERTIBLE_CUES.has(t.lower) && !STRONG_CUES.has(t.lower)) return null;
      return slotAfter(text, tokens, c, mentions, t.lower)?.slot ?? null;
    }
    const before = slotBefore(text, tokens, c, i, mentions);
    // "…,” Mr. X said his plan …" is X's own reported speech, not this quote's attribution; "…?” Lee told the
    // station on Monday." names its hearer first.
    if (!isAttributionTail(tokens, c + 1) && !toldHearerTail(tokens, c)) return null;
    return before && before.boundary === i - 1 ? before.slot : null;
  }
  return null;
}

/** Words that may make up the hearer of "told" after a quote ("the station", "Britain’s ITV television station"). */
const MAX_HEARER_WORDS = 5;

/** "…?” Lee told the station on Monday.": "told"/"tells" and a short hearer of plain words, then the attribution's
 * end or a tail ("on Monday", "in an interview"); not a clause ("told the board it would …"). */
function toldHearerTail(tokens: readonly Token[], c: number): boolean {
  const cue = (tokens[c] as Token).lower;
  if (cue !== 'told' && cue !== 'tells') return false;
  let k = c + 1;
  while (k < tokens.length && k <= c + MAX_HEARER_WORDS) {
    const t = tokens[k] as Token;
    if (!t.isWord) break;
    if (k > c + 1 && TAIL_PREPOSITIONS.has(t.lower)) break;
    if (SUBJECT_STARTS.has(t.lower) || CLAUSE_WORDS.has(t.lower) || FINITE_MARKERS.has(t.lower) || t.lower === 'to' || isCue(tokens, k)) return false;
    k++;
  }
  const next = tokens[k];
  return k > c + 1 && (!next || isPunct(next, '.!?') || (next.isWord && TAIL_PREPOSITIONS.has(next.lower)));
}

/** Replies that are cues only between a quote's speaker and the sentence end: "answered", "pressed". */
const REPLY_CUES = new Set(['answered', 'pressed', 'reacted']);
/** Two-word ones, by their first word: "shot back", "went on", "chimed in". */
const REPLY_PHRASES = new Map([['shot', 'back'], ['fired', 'back'], ['hit', 'back'], ['went', 'on'], ['chimed', 'in']]);

function replyCueLength(tokens: readonly Token[], c: number): number {
  const t = tokens[c] as Token;
  if (REPLY_CUES.has(t.lower)) return 1;
  const second = REPLY_PHRASES.get(t.lower);
  return second !== undefined && tokens[c + 1]?.lower === second ? 2 : 0;
}

/** "…,” Lee barked." / "…,” Lee concludes." / "…,” Lee pointed out.": a verb with no object that ends the sentence
 * right after the quote and its speaker says the quote; its length in tokens, or 0. */
function speechVerbLength(tokens: readonly Token[], c: number): number {
  const t = tokens[c] as Token;
  if (!/^\p{Ll}{3,}(?:ed|es)$/u.test(t.text)) return 0;
  const length = VERB_PARTICLES.has(tokens[c + 1]?.lower ?? '') ? 2 : 1;
  return c + length === tokens.length ? length : 0;
}

/** Do the quoted words before `tokens` end with a comma, "?" or "!" inside or right after the closing mark (so the
 * sentence goes on after the quote)? */
function quoteEndsClause(text: string, tokens: readonly Token[]): boolean {
  const first = tokens[0];
  if (!first) return false;
  if (isPunct(first, ',')) return true;
  let k = first.start - 1;
  while (k >= 0 && /\s/.test(text[k] as string)) k--;
  if (k < 0 || !isQuoteMark(text[k] as string)) return false;
  // '' closes a quote in some papers.
  if (text[k] === "'" && text[k - 1] === "'") k--;
  return ',?!'.includes(text[k - 1] ?? '');
}

/** Particles that end a two-word speech verb after a quote ("pointed out", "cut in"). */
const VERB_PARTICLES = new Set(['out', 'back', 'in', 'up', 'on']);

/** "…,” Jane Roe has written.": "written" after has/have/had is a cue after a quote. */
function isPerfectWritten(tokens: readonly Token[], c: number): boolean {
  return tokens[c]?.lower === 'written' && /^(?:has|have|had)$/.test(tokens[c - 1]?.lower ?? '');
}

/** "…,” NAME, appositive, said." — the words [from, comma) name the speaker when a cue follows a later comma. */
function appositiveAfter(text: string, tokens: readonly Token[], from: number, comma: number, mentions: MentionIndex): SpeakerSlot | null {
  for (let c = comma + 1; c < tokens.length && c <= comma + MAX_APPOSITIVE_TOKENS; c++) {
    const perfect = isPerfectWritten(tokens, c);
    if (!isCue(tokens, c) && !perfect) continue;
    // "…,” Trump demeaned women, according to show insiders": the source comes after "according to".
    // (Not when the quote ended its sentence: after "….” Clinton plans to …, according to an aide" a new sentence
    // has its own source.)
    if ((tokens[c] as Token).lower === 'according') {
      const first = tokens[0] as Token;
      const newSentence = /[.!?]["'\u201d\u2019]?\s*$/.test(text.slice(Math.max(0, first.start - 4), first.start));
      return !newSentence && isPunct(tokens[c - 1], ',') ? slotAfter(text, tokens, c + 1, mentions, 'according')?.slot ?? null : null;
    }
    // "…,” the chairman, Paul Adler, told The Associated Press.": an outlet told ends the attribution too.
    const toldOutlet = (tokens[c] as Token).lower === 'told' && isCapitalized(tokens[c + 1]);
    // The comma closing the appositive comes before the cue, or before "has" of "has written".
    const k = perfect ? c - 1 : c;
    if (!isPunct(tokens[k - 1], ',') || !(isAttributionTail(tokens, c + 1) || toldOutlet)) return null;
    const ref = classifySpeaker(text, tokens.slice(from, comma), mentions);
    const named = ref?.kind === 'phrase' && !ref.entity ? appositiveName(text, tokens, comma + 1, c - 1, mentions) : null;
    if (named) return makeSlot(tokens, named, c, comma + 1, k - 2);
    return ref && ref.kind !== 'pronoun' ? makeSlot(tokens, ref, c, from, comma - 1) : null;
  }
  return null;
}

/** The person a sentence is about, for "…, saying “…”": the first he/she or person mention among its first words. */
function sentenceSubject(text: string, tokens: readonly Token[], c: number, mentions: MentionIndex): SpeakerSlot | null {
  // "Ryan and Trump will meet next week, Spicer said, adding, “…”": the participle goes on with the cue right
  // before it, not with the first person the sentence names.
  if (c >= 3 && isPunct(tokens[c - 1], ',') && SAY_CUES.has(tokens[c - 2]?.lower ?? '')) {
    const said = slotBefore(text, tokens, c - 2, 0, mentions)?.slot;
    if (said && said.ref.kind !== 'it') return makeSlot(tokens, said.ref, c, said.first, said.last);
  }
  for (let j = 0; j < c && j < 12; j++) {
    const t = tokens[j] as Token;
    if (!t.isWord) continue;
    if (t.lower === 'he' || t.lower === 'she') {
      return makeSlot(tokens, { kind: 'pronoun', gender: t.lower === 'he' ? 'male' : 'female', at: t.start }, c, j, j);
    }
    const m = mentions.overlapping(t.start, t.end);
    if (m?.entity.type !== 'person') continue;
    // "Several groups granted Mr. Clarke an extension, saying …": the object of a verb is not the subject; the
    // words before the verb may name it.
    let v = j - 1;
    while (v > 0 && isCapitalized(tokens[v] as Token)) v--;
    const verb = tokens[v];
    if (v > 0 && v < j && verb?.isWord && !isCapitalized(verb) && /^\p{Ll}{3,}ed$/u.test(verb.lower)) {
      const ref = classifySpeaker(text, tokens.slice(0, v), mentions, true);
      return ref && ref.kind !== 'pronoun' && ref.kind !== 'it' ? makeSlot(tokens, ref, c, 0, v - 1) : null;
    }
    // "Clinton’s campaign manager Robby Mook said …, arguing": the owner is not the subject; look on.
    const owner = tokens.findIndex((u, k) => k >= j && u.end >= m.end);
    if (owner >= 0 && /['\u2019]s$/.test((tokens[owner] as Token).text)) {
      j = owner;
      continue;
    }
    return makeSlot(tokens, { kind: 'entity', entity: m.entity }, c, j, j);
  }
  return openingOrganization(tokens, c, mentions);
}

/** "Acme Corp. shrugged off the report, telling reporters, …": a sentence that opens with an organisation's name
 * (after an optional "The") and no person is that organisation's words. */
function openingOrganization(tokens: readonly Token[], c: number, mentions: MentionIndex): SpeakerSlot | null {
  const start = tokens[0]?.lower === 'the' ? 1 : 0;
  const first = tokens[start];
  if (!first?.isWord || start >= c) return null;
  const m = mentions.overlapping(first.start, first.end);
  if (m?.entity.type !== 'organization' || m.start < first.start - 4) return null;
  let last = start;
  while (last + 1 < c && (tokens[last + 1] as Token).end <= m.end) last++;
  // The name is the subject: a lowercase word (its verb) follows, not a possessive ("Acme's chief said").
  const next = tokens[last + 1];
  if (/['\u2019]s$/.test((tokens[last] as Token).text) || !next?.isWord || isCapitalized(next)) return null;
  return makeSlot(tokens, { kind: 'entity', entity: m.entity }, c, start, last);
}

/** "footage of Hillary Clinton asking, “…" / "Trump saying during the debate, “…": a participle cue right after a
 * named person (no comma between) credits that person. */
function participleAfterName(text: string, tokens: readonly Token[], c: number, mentions: MentionIndex): SpeakerSlot | null {
  const t = tokens[c];
  if (!t?.isWord || !(PARTICIPLE_CUES.has(t.lower) || LEARNED_PARTICIPLE_CUES.has(t.lower)) || !isCapitalized(tokens[c - 1])) return null;
  const slot = nameRightBefore(text, tokens, c, c - 1, Math.max(0, c - 5), mentions)?.slot;
  return slot && slot.ref.kind !== 'phrase' ? slot : null;
}

/** Nouns for what someone said, after the speaker's possessive: "Trump’s claim that there have been “…”". */
const CLAIM_NOUNS = new Set([
  'claim', 'claims', 'statement', 'statements', 'remark', 'remarks', 'comment', 'comments', 'assertion', 'assertions',
  'promise', 'pledge', 'prediction', 'warning', 'suggestion', 'words', 'description', 'tweet', 'tweets', 'accusation',
  'charge', 'argument', 'insistence', 'contention', 'boast', 'vow', 'declaration', 'complaint', 'characterization',
  'announcement', 'assurance', 'insinuation',
]);

/** Month abbreviations, months and day numbers ("Oct. 11", "June 3"). */
const DATE_WORD = /^(?:\d{1,4}(?:st|nd|rd|th)?|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|may|june|july|august|september|october|november|december)\.?$/i;

/** "Trump’s claim that …": the possessor of a claim noun at `c`, before "that", said the words. */
function possessiveClaimant(text: string, tokens: readonly Token[], c: number, mentions: MentionIndex): SpeakerSlot | null {
  const t = tokens[c];
  if (!t?.isWord || !CLAIM_NOUNS.has(t.lower) || tokens[c + 1]?.lower !== 'that') return null;
  // "Mr. Trump’s Oct. 11 announcement that …": a date may stand between the possessive and the noun.
  let o = c - 1;
  while (o > 0 && c - o <= 3 && (DATE_WORD.test(tokens[o]?.text ?? '') || tokens[o]?.text === '.')) o--;
  const owner = tokens[o];
  if (!owner?.isWord || !/['\u2019]s$/.test(owner.text) || !isCapitalized(owner)) return null;
  let first = o;
  while (first - 1 >= 0 && o - first < 3 && isCapitalized(tokens[first - 1])) first--;
  const m = mentions.overlapping(owner.start, owner.end);
  if (m?.entity.type === 'person') return makeSlot(tokens, { kind: 'entity', entity: m.entity }, c, first, o);
  return null;
}

function isParticipleCue(tokens: readonly Token[], c: number): boolean {
  const t = tokens[c];
  return t !== undefined && t.isWord && (PARTICIPLE_CUES.has(t.lower) || LEARNED_PARTICIPLE_CUES.has(t.lower)) && isPunct(tokens[c - 1], ',');
}

/** Words a cue's tail may have beyond the usual few before an opening mark. */
const MAX_EXTRA_TAIL = 4;

/** Is everything after cue `c` a tail that ends at the comma or colon before the mark: a preposition or time word,
 * then words only ("said in an interview last week, “")? */
function isTailToMark(tokens: readonly Token[], c: number): boolean {
  const n = tokens.length;
  if (!isPunct(tokens[n - 1], ',:')) return false;
  const first = tokens[c + 1];
  if (!first?.isWord || !(TAIL_PREPOSITIONS.has(first.lower) || CUE_FILLERS.has(first.lower))) return false;
  for (let k = c + 1; k < n - 1; k++) if (!(tokens[k] as Token).isWord) return false;
  return true;
}

/** Attribution just before an opening mark, at the end of `tokens`: `He added: “` / `Smith said, “` / `according to X, “`. */
export function attributionBefore(text: string, tokens: readonly Token[], mentions: MentionIndex): SpeakerSlot | null {
  const inWords = inTheWordsOf(text, tokens, mentions) ?? possessiveWordsWere(text, tokens, mentions);
  if (inWords) return inWords;
  // The cue must be among the last few tokens (allowing "told reporters", "said Tuesday", "said that"), or before a
  // longer tail that leads to the mark ("saying during the debate last week, “…").
  for (let c = tokens.length - 1; c >= 0 && c >= tokens.length - 6 - MAX_EXTRA_TAIL; c--) {
    if (c < tokens.length - 6 && !isTailToMark(tokens, c)) continue;
    if (isParticipleCue(tokens, c)) return sentenceSubject(text, tokens, c, mentions);
    const showing = participleAfterName(text, tokens, c, mentions);
    if (showing) return showing;
    if (!isCue(tokens, c)) continue;
    const cue = (tokens[c] as Token).lower;
    if (cue === 'according') return slotAfter(text, tokens, c + 1, mentions, cue)?.slot ?? null;
    if (tokens[0]?.lower === 'as' && tokens[c - 1]?.text === 'would' && c >= 3) {
      // "As Sherlock would say, “…”": the modal left out, the words between "As" and it name the speaker.
      const without = [...tokens.slice(0, c - 1), ...tokens.slice(c)];
      const named = slotBefore(text, without, c - 1, 1, mentions);
      if (named) return named.slot;
    }
    const infinitive = infinitiveSubject(text, tokens, c, mentions);
    if (infinitive) return infinitive;
    const before = slotBefore(text, tokens, c, 0, mentions);
    if (before) return before.slot;
    // "Said Smith: “…" / "…, said Smith, “…": inverted only at a clause start.
    // "Robby Mook, said Sanders “may have …”": a name run into the mark is what was said about, not who said it.
    if (INVERTIBLE_CUES.has(cue) && (c === 0 || isPunct(tokens[c - 1], ','))) return tokens.at(-1)?.isWord ? null : slotAfter(text, tokens, c, mentions, cue)?.slot ?? null;
    // "During the call, he asked …, called Omar a “terrorist” and said, “…": the sentence's subject.
    if (tokens[c - 1]?.isWord && SUBJECT_CONJUNCTIONS.has((tokens[c - 1] as Token).lower) && isPunct(tokens[c + 1], ',:')) {
      const subject = openingSubject(text, tokens, c, c - 1, mentions);
      // A person or a pronoun; a capitalised opener ("Asked on Monday whether …") is no subject.
      return subject && (subject.ref.kind === 'entity' || subject.ref.kind === 'pronoun') ? subject : null;
    }
    return null;
  }
  return null;
}

const BE_FORMS = new Set(['was', 'were', 'is', 'are']);

/** "Lee went on to say, “…" / "Lee was prompted to say: “…": a cue in the infinitive right before the mark speaks
 * for the subject of the verb that governs it ("went on", "was prompted"). */
function infinitiveSubject(text: string, tokens: readonly Token[], c: number, mentions: MentionIndex): SpeakerSlot | null {
  if (tokens[c - 1]?.lower !== 'to' || c + 2 !== tokens.length || !isPunct(tokens[c + 1], ',:')) return null;
  let k = c - 2;
  if (VERB_PARTICLES.has(tokens[k]?.lower ?? '')) k--;
  const verb = tokens[k];
  if (!verb?.isWord || isCapitalized(verb) || !/^\p{Ll}+(?:ed|es|s|t)$/u.test(verb.text)) return null;
  if (BE_FORMS.has(tokens[k - 1]?.lower ?? '')) k--;
  const subject = slotBefore(text, tokens, k, 0, mentions);
  return subject && (subject.slot.ref.kind === 'entity' || subject.slot.ref.kind === 'pronoun' || subject.slot.ref.kind === 'surname' || subject.slot.ref.kind === 'name') ? subject.slot : null;
}

/** Nouns for someone's words that introduce them with "was": "Clinton’s response was: “…”". */
const WORDS_NOUNS = new Set([...CLAIM_NOUNS, 'response', 'reply', 'answer', 'retort', 'reaction', 'message', 'dictum', 'motto', 'advice', 'verdict']);

/** "Clinton’s response was: “…" / "Barrett’s dictum to his interns was, “…": the owner of the words speaks. Tokens
 * end at the opening mark. */
function possessiveWordsWere(text: string, tokens: readonly Token[], mentions: MentionIndex): SpeakerSlot | null {
  const n = tokens.length;
  if (!isPunct(tokens[n - 1], ',:') || !/^(?:was|is)$/.test(tokens[n - 2]?.lower ?? '')) return null;
  for (let k = n - 3; k >= 1 && k >= n - 8; k--) {
    const t = tokens[k] as Token;
    if (!t.isWord) return null;
    if (!WORDS_NOUNS.has(t.lower)) continue;
    const owner = tokens[k - 1] as Token;
    if (!owner.isWord || !isCapitalized(owner) || !/['\u2019]s?$/.test(owner.text)) return null;
    const m = mentions.overlapping(owner.start, owner.end);
    if (!m || m.entity.type === 'place') return null;
    let first = k - 1;
    while (first - 1 >= 0 && k - 1 - first < 3 && isCapitalized(tokens[first - 1])) first--;
    return makeSlot(tokens, { kind: 'entity', entity: m.entity }, -1, first, k - 1);
  }
  return null;
}

/** "In Dr. Shadlen's words, “…" / "In the words of one official: “…": the words' owner speaks. Tokens end at the
 * opening mark. */
function inTheWordsOf(text: string, tokens: readonly Token[], mentions: MentionIndex): SpeakerSlot | null {
  const n = tokens.length;
  if (!isPunct(tokens[n - 1], ',:')) return null;
  // "… in the words of X, “"
  for (let k = Math.max(0, n - 12); k + 4 < n; k++) {
    if (tokens[k]?.lower === 'in' && tokens[k + 1]?.lower === 'the' && tokens[k + 2]?.lower === 'words' && tokens[k + 3]?.lower === 'of') {
      const words = tokens.slice(k + 4, n - 1);
      const ref = words.every((t) => t.isWord) ? classifySpeaker(text, words, mentions) : null;
      return ref ? makeSlot(tokens, ref, -1, k + 4, n - 2) : null;
    }
  }
  // "… in X's words, “"
  if (tokens[n - 2]?.lower !== 'words') return null;
  const owner = tokens[n - 3];
  if ((owner?.lower === 'his' || owner?.lower === 'her') && tokens[n - 4]?.lower === 'in') {
    return makeSlot(tokens, { kind: 'pronoun', gender: owner.lower === 'his' ? 'male' : 'female', at: owner.start }, -1, n - 3, n - 3);
  }
  if (!owner?.isWord || !/['\u2019]s?$/.test(owner.text) && tokens[n - 4]?.text !== '\u2019') return null;
  let first = n - 3;
  while (first - 1 >= 0 && n - 3 - first < 4 && tokens[first - 1]?.isWord && tokens[first - 1]?.lower !== 'in') first--;
  if (tokens[first - 1]?.lower !== 'in') return null;
  const words = tokens.slice(first, n - 2);
  const ref = classifySpeaker(text, words, mentions);
  return ref && ref.kind !== 'pronoun' ? makeSlot(tokens, ref, -1, first, n - 3) : null;
}

/** Does the attribution end right at the opening mark: "he said, “" / "Smith added: “"? */
export function cueOpensQuote(tokens: readonly Token[], slot: SpeakerSlot): boolean {
  const cueEnd = slot.cueSpan?.end;
  if (cueEnd === undefined || slot.source.start > cueEnd) return false;
  const rest = tokens.filter((t) => t.start >= cueEnd);
  return rest.length === 1 && isPunct(rest[0], ',:');
}

/** A speaker phrase right before the colon that introduces a quote, with no cue: "… is exemplified by this finding:
 * “…”". Tokens end at the opening mark; the phrase is the longest run of at most four words before the colon that
 * opens with a determiner or a capital and names a source. */
export function colonIntroSource(text: string, tokens: readonly Token[], mentions: MentionIndex): SpeakerSlot | null {
  const colon = tokens.length - 1;
  if (!isPunct(tokens[colon], ':')) return null;
  let first = colon;
  while (first - 1 >= 0 && colon - first < 4 && tokens[first - 1]?.isWord) first--;
  for (let f = first; f < colon; f++) {
    const opener = tokens[f] as Token;
    if (!DETERMINERS.has(opener.lower) && !isCapitalized(opener)) continue;
    if (tokens.slice(f, colon).some((t) => COLON_INTRO_FILLERS.has(t.lower))) return null;
    const ref = classifySpeaker(text, tokens.slice(f, colon), mentions, f === 0);
    if (ref && ref.kind !== 'pronoun' && ref.kind !== 'it' && ref.kind !== 'anonymous-group') return makeSlot(tokens, ref, -1, f, colon - 1);
  }
  return null;
}

/** "the following comment:", "these words:": what comes, not who says it. */
const COLON_INTRO_FILLERS = new Set(['following', 'words', 'message', 'headline', 'title', 'slogan', 'question', 'answer']);

/** Any attribution in a sentence (tokens outside quoted words): the fallback for partial quotes. */
export function attributionAnywhere(text: string, tokens: readonly Token[], mentions: MentionIndex, from = 0): SpeakerSlot | null {
  for (let c = from; c < tokens.length; c++) {
    if (tokens[c]?.lower === 'put' && tokens[c + 1]?.lower === 'it') {
      // "As Ms. Simonyan put it, …" / "As Steven M. Rosenthal, a tax lawyer, recently put it, …"
      const named = slotBefore(text, tokens, c, 0, mentions)?.slot ?? indirectSubject(text, tokens, c, mentions);
      if (named) return named;
      continue;
    }
    if (isParticipleCue(tokens, c)) {
      const subject = sentenceSubject(text, tokens, c, mentions);
      if (subject) return subject;
      continue;
    }
    if (tokens[c]?.isWord && NAMING_CUES.has((tokens[c] as Token).lower)) {
      const named = slotBefore(text, tokens, c, 0, mentions);
      const ref = named?.slot.ref;
      if (ref?.kind === 'pronoun') {
        // "Trump took to Twitter to … check out what he called Machado’s “sex tape”": "he" is the person the sentence opens with.
        const opener = openingSubject(text, tokens, c, c, mentions);
        const known = opener?.ref.kind === 'entity' ? mentions.genderOf(opener.ref.entity) : 'unknown';
        if (opener?.ref.kind === 'entity' && (known === 'unknown' || known === ref.gender)) return opener;
      }
      // A person, one described person, or a named body ("Japan branded North Korea an “outlaw nation”").
      if (named && ref && (ref.kind !== 'phrase' || ref.singular || ref.entity)) return named.slot;
      // "The Republican nominee outlined his plan and vowed to punish “…”": the subject of the sentence.
      const subject = named ? null : indirectSubject(text, tokens, c, mentions);
      if (subject && (subject.ref.kind !== 'phrase' || subject.ref.singular)) return subject;
      continue;
    }
    const claimant = possessiveClaimant(text, tokens, c, mentions);
    if (claimant) return claimant;
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
      // "Robby Mook, said Sanders “may have …”": a name run into an opening mark is what was said about.
      const intoMark = after !== null && /^\s*["\u201c]/.test(text.slice(after.slot.source.end, after.slot.source.end + 3));
      if (after && !intoMark && isAttributionTail(tokens, after.next)) return after.slot;
      const appositive = appositiveSlot(text, tokens, c, mentions);
      if (appositive) return appositive;
    }
  }
  return null;
}

export function isContinuingCue(cue: string): boolean {
  return CONTINUING_CUES.has(cue);
}

export interface LearnedAttribution {
  /** The speaker before the cue, with the learned cue as its cue ("is defending", "called for"). */
  slot: SpeakerSlot;
  contentStart: number;
  contentEnd: number;
}

/**
 * Reported speech found by the learned cue model (attribution-model.ts) in a sentence the patterns above leave
 * alone: "Donald Trump is defending his early-morning tweets", "The FBI decided not to recommend charges". The
 * speaker is the subject before the cue (as for a leading pattern), else the sentence's opening subject; the
 * content starts and ends where the model's rankers put it, never past a semicolon or ", but did …".
 */
export function learnedAttribution(text: string, tokens: readonly Token[], sentenceEnd: number, mentions: MentionIndex): LearnedAttribution | null {
  const cue = learnedCue(tokens, (t) => mentions.overlapping(t.start, t.end)?.entity.type ?? '');
  if (!cue) return null;
  if (patternsTurnDown(tokens, cue.last, cue.content)) return null;
  const found = cueSpeaker(text, tokens, cue.first, mentions);
  if (!found || !isLearnedSpeaker(tokens, found)) return null;
  const last = tokens[cue.last] as Token;
  const slot: SpeakerSlot = { ...found, cue: last.lower, cueSpan: { start: (tokens[cue.first] as Token).start, end: last.end } };
  const limit = reportedContentEnd(tokens, cue.content, endWithoutPeriod(text, tokens, sentenceEnd));
  const endToken = learnedContentEnd(tokens, cue.content, last.lower);
  const end = endToken < tokens.length ? Math.min(limit, (tokens[endToken - 1] as Token).end) : limit;
  const start = (tokens[cue.content] as Token).start;
  return end > start ? { slot, contentStart: start, contentEnd: end } : null;
}

/** The speaker the patterns would give cue `c` (as for a learned cue): the subject right before it, an appositive
 * or relative subject, else the sentence's opening subject. For the span model (attribution-span-model.ts). */
export function cueSpeaker(text: string, tokens: readonly Token[], c: number, mentions: MentionIndex): SpeakerSlot | null {
  return slotBefore(text, tokens, c, 0, mentions)?.slot ?? indirectSubject(text, tokens, c, mentions) ?? openingSubject(text, tokens, c, c, mentions);
}

/** May a learned cue show with this speaker? Without one, a learned cue is right too seldom (about half the time on
 * dev) to show; nor is it after a capitalised word no entity knows ("Take calls …", "Both offer …") or an unnamed
 * "we"/"you", nor after one capitalised word that opens the sentence and names nothing known ("Take calls …",
 * "Recent studies" cut short); a plural there is a group that speaks ("Analysts expect …", "Polls show …"). */
export function isLearnedSpeaker(tokens: readonly Token[], found: SpeakerSlot): boolean {
  if (found.ref.kind === 'name' || found.ref.kind === 'anonymous-group') return false;
  const lone = found.ref.kind === 'phrase' && !found.ref.entity && found.first === 0 && found.last === 0;
  return !lone || /s$/.test((tokens[0] as Token).lower);
}

/** Does a learned (or span-model) cue at token `c` with content from token `content` use the cue in a way the
 * patterns turn down on purpose? */
export function learnedUseTurnedDown(tokens: readonly Token[], c: number, content: number): boolean {
  return patternsTurnDown(tokens, c, content);
}

/** A coarse kind of a speaker slot, as the span model reads it ('' for none). */
export function speakerKind(slot: SpeakerSlot | null): string {
  if (!slot) return '';
  const ref = slot.ref;
  if (ref.kind === 'entity') return `e-${ref.entity.type}`;
  if (ref.kind === 'phrase') return ref.entity ? `p-${ref.entity.type}` : ref.singular ? 'p-one' : 'p-group';
  if (ref.kind === 'pronoun') return `pro-${ref.gender}`;
  return ref.kind;
}

/**
 * Uses of a cue that the patterns turn down on purpose, which the model must not bring back: naming verbs and claim
 * nouns ("called it a failure", "emphasized what he called"), cues that need an explicit "that" ("revealed the plan
 * to the board"), orders ("told Jane Doe to quiet down", "warned officials to boost security") and the plain object
 * of a speech verb ("added a note of caution"). The model adds the cues and shapes they don't know.
 */
function patternsTurnDown(tokens: readonly Token[], c: number, content: number): boolean {
  const word = (tokens[c] as Token).lower;
  if (NAMING_CUES.has(word) || CLAIM_NOUNS.has(word) || PARTICIPLE_CUES.has(word) || NOUN_LIKE_CUES.has(word)) return true;
  const afterThat = tokens[content - 1]?.lower === 'that';
  if ((THAT_ONLY_CUES.has(word) || LEARNED_THAT_CUES.has(word)) && !afterThat) return true;
  if (isOrder(tokens, content)) return true;
  return STRONG_CUES.has(word) && !afterThat && !looksLikeClause(tokens, content) && !opensBareClause(tokens, content);
}
