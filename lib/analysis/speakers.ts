// Who is speaking: classify the words in a speaker slot ("Mr. Kerry", "he", "a senior Arab official",
// "officials") into a SpeakerRef, then resolve refs to the contract's Speaker using the entities.
import type { Entity, Speaker } from './types';
import { isCapitalized, type Token } from './quote-tokens';
import { firstNameGender } from './name-gender';
import {
  ORGANIZATION_ANAPHOR_NOUNS, ORGANIZATION_DOCUMENT_NOUNS, DETERMINERS, FEMALE_HONORIFICS, FEMALE_PRONOUNS, GROUP_PRONOUNS, HONORIFICS, MALE_HONORIFICS, MALE_PRONOUNS,
  LEARNED_SOURCE_HEADS, NON_HUMAN_NOUNS, isHumanNoun, isHumanPlural,
} from './speech-cues';

export type Gender = 'male' | 'female' | 'unknown';

export type SpeakerRef =
  /** A mention of a known entity; only persons are singular human speakers. */
  | { kind: 'entity'; entity: Entity }
  /** "he" / "she": the most recent person mentioned before `at`, outside quotes. */
  | { kind: 'pronoun'; gender: Gender; at: number }
  /** "it said in a statement": the organisation mentioned last, close before `at`. */
  | { kind: 'it'; at: number }
  /** "Mr. Kerry" where no entity mention covers the name. */
  | { kind: 'surname'; surname: string; gender: Gender }
  /** A capitalised name no entity knows ("Jane Doe"). */
  | { kind: 'name'; name: string }
  /** A described speaker: "a senior Arab official" (singular) or "U.S. officials" (a group). `anaphor`: "the company"
   * or "the statement" means an organisation named before `at`. */
  | { kind: 'phrase'; name: string; singular: boolean; entity?: Entity; anaphor?: { kind: 'organization' | 'document'; at: number; head: string } }
  /** A speaker we know is not one person but cannot name ("we", "you"); "they" (`at` set) may be an organisation
   * that is the topic of the sentences just before. */
  | { kind: 'anonymous-group'; at?: number };

export interface EntityMention {
  start: number;
  end: number;
  entity: Entity;
}

/** Adds the he/himself and she/herself words in [from, to) to counts [male, female], up to the first one. Words
 * inside a quotation are the speaker's own and may be about anyone; a new paragraph may be about anyone. */
function pronounCounts(text: string, from: number, to: number, counts: [number, number]): void {
  const window = text.slice(from, to);
  const stop = window.search(/["\u201c\u201d\n]/);
  let words = (stop >= 0 ? window.slice(0, stop) : window).match(/\p{L}+/gu) ?? [];
  // A paragraph that opens with "He"/"She" goes on about the subject of the one before.
  if (stop >= 0 && window[stop] === '\n' && !words.some((w) => MALE_WORDS.has(w.toLowerCase()) || FEMALE_WORDS.has(w.toLowerCase()))) {
    const opener = /^\n\s*(He|She)\b/.exec(window.slice(stop))?.[1];
    if (opener) words = [opener];
  }
  for (const word of words) {
    const w = word.toLowerCase();
    if (MALE_WORDS.has(w)) counts[0]++;
    else if (FEMALE_WORDS.has(w)) counts[1]++;
    else continue;
    return;
  }
}

/** Nouns that say a person's gender when the article puts them right after the name: "Omar is one of the first two
 * Muslim women", "Jane Doe, the chairwoman of …". */
const FEMALE_NOUNS = new Set([
  'woman', 'women', 'mother', 'wife', 'daughter', 'sister', 'actress', 'congresswoman', 'chairwoman', 'spokeswoman',
  'businesswoman', 'queen', 'girl', 'grandmother', 'widow', 'princess', 'aunt', 'niece', 'sportswoman',
  'councilwoman', 'assemblywoman', 'alderwoman', 'anchorwoman', 'policewoman', 'stepmother', 'granddaughter', 'girlfriend',
]);
const MALE_NOUNS = new Set([
  'man', 'men', 'father', 'husband', 'son', 'brother', 'actor', 'congressman', 'chairman', 'spokesman',
  'businessman', 'king', 'boy', 'grandfather', 'widower', 'prince', 'uncle', 'nephew', 'sportsman',
  'councilman', 'assemblyman', 'alderman', 'anchorman', 'policeman', 'stepfather', 'grandson', 'boyfriend',
]);

/** Adds the gender of a noun in an appositive or after "is"/"was" right after a name to counts [male, female]. */
function nounCounts(text: string, end: number, counts: [number, number]): void {
  const after = text.slice(end, end + 80);
  const lead = /^(?:,\s+|\s+(?:is|was)\s+)/.exec(after);
  if (!lead) return;
  const rest = after.slice(lead[0].length);
  const stop = rest.search(/[,.;:!?\n"\u201c\u201d]/);
  const clause = stop < 0 ? rest : rest.slice(0, stop);
  for (const word of (clause.match(/\p{L}+/gu) ?? []).slice(0, 8)) {
    const w = word.toLowerCase();
    // "…, whose husband", "…, his son": someone else.
    if (NOUN_EVIDENCE_STOPS.has(w)) return;
    // A noun about the name itself outweighs a later "he" or "she", which may be about someone else.
    if (MALE_NOUNS.has(w)) counts[0] += 2;
    else if (FEMALE_NOUNS.has(w)) counts[1] += 2;
    else continue;
    return;
  }
}

const NOUN_EVIDENCE_STOPS = new Set(['who', 'whose', 'whom', 'which', 'that', 'his', 'her', 'their', 'its', 'and', 'with', 'by', 'to', 'for']);

/** The gender the article's own he/she after the person give: two to one, and twice against the first name. */
function documentGender(counts: [number, number] | undefined, lexicon: Gender): Gender | undefined {
  if (!counts) return undefined;
  const [m, f] = counts;
  // Against the first name's usual gender the article must say so twice.
  const least = lexicon === 'unknown' ? 1 : 2;
  if (m >= least && m >= 2 * f) return 'male';
  if (f >= least && f >= 2 * m) return 'female';
  // Once against it and never for it: a first name used for both ("Taylor"), left open.
  if ((lexicon === 'male' && m === 0 && f > 0) || (lexicon === 'female' && f === 0 && m > 0)) return 'unknown';
  return undefined;
}

/** A name's last word, lower-cased, for finding namesakes. */
function surnameKey(name: string): string {
  return name.toLowerCase().split(/\s+/).at(-1) ?? '';
}

/** The gender of a full name's first name ("Hillary Clinton": female); unknown for one-word names. */
function lexiconGender(name: string): Gender {
  const words = name.split(/\s+/);
  return words.length >= 2 ? firstNameGender(words[0] as string) : 'unknown';
}

/** Words that cannot open a sentence's subject phrase: their presence before a name makes it an object. */
const OBJECT_MARKERS = new Set([
  'he', 'she', 'they', 'we', 'i', 'it', 'you', 'of', 'to', 'with', 'by', 'for', 'from', 'about', 'against', 'at',
  'on', 'into', 'than', 'and', 'or', 'that', 'who', 'which', 'his', 'her', 'their',
]);
/** Words before a name that still leave it the sentence's subject ("Then, last week, Taylor Swift posted"). */
const MAX_WORDS_BEFORE_SUBJECT = 6;
/** How far past a subject mention a he/she may refer back to it, for the document's own gender evidence. */
const GENDER_EVIDENCE_REACH = 300;
/** Subject pronouns only: "scolded him", "praised her" are about someone else. */
const MALE_WORDS = new Set(['he', 'himself']);
const FEMALE_WORDS = new Set(['she', 'herself']);

/** Where the sentence holding `pos` starts: after the last sentence end, line break or opening quote before it. */
function sentenceStartBefore(text: string, pos: number): number {
  const floor = Math.max(0, pos - 300);
  for (let i = pos - 1; i >= floor; i--) {
    const ch = text[i] as string;
    if (ch === '\n') return i + 1;
    if ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[i + 1] ?? ' ')) {
      // "Mr. Kerry", "U.S. officials": an abbreviation's dot.
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 6), i))?.[1] ?? '';
      if (ch === '.' && (/\./.test(word) || /^\p{Lu}\p{Ll}{0,2}$/u.test(word))) continue;
      return i + 1;
    }
  }
  return floor;
}

/** Is the mention at `start` its sentence's subject: few words before it, none a pronoun, preposition or
 * conjunction ("Then, last week, Taylor Swift posted" but not "accusing Big Machine", "with Sondland")? */
function isSubjectPosition(text: string, start: number, end: number, sentenceStart: number): boolean {
  // "On Monday, Acme issued …": a short opening phrase and its comma.
  if (OPENING_PHRASE.test(text.slice(sentenceStart, start))) return true;
  // "In a letter to the president in May, Zippy Duvall, the president of …, said": after an opening phrase and its
  // comma, a name followed by an appositive or a speech verb is the subject.
  if (/,\s*$/.test(text.slice(Math.max(sentenceStart, start - 3), start)) && /^(?:,|\s+(?:said|says|told|added|wrote)\b)/.test(text.slice(end, end + 8))) return true;
  const before = text.slice(sentenceStart, start).match(/[\p{L}][\p{L}'\u2019.-]*/gu) ?? [];
  if (before.length > MAX_WORDS_BEFORE_SUBJECT) return false;
  return !before.some((w) => OBJECT_MARKERS.has(w.toLowerCase()));
}

/** A short opening phrase ending in a comma, with no clause break inside ("On Monday, ", "Last week, "). */
const OPENING_PHRASE = /^\s*[^\s,.;:!?"\u201c\u201d][^,.;:!?"\u201c\u201d]{0,30},\s*$/;

/** Entity mentions sorted by start, for overlap look-ups by binary search. */
export class MentionIndex {
  readonly mentions: EntityMention[];
  readonly persons: EntityMention[];
  /** Person-typed names the article treats as things ("Big Machine, which was bought out"): not persons here. */
  readonly things: Set<Entity>;
  /** Names typed as something else that the article treats as a person ("Acme said she felt …"): persons here. */
  readonly people: Set<Entity>;
  readonly text: string;
  private readonly honorificGenders = new Map<string, Gender>();
  private readonly genders = new Map<string, Gender>();
  /** Persons whose gender comes from their first name alone. */
  private readonly guessedGenders = new Set<string>();
  /** Person mentions that are their sentence's subject (more likely what a later "he"/"she" means). */
  private readonly subjects = new Set<EntityMention>();

  constructor(text: string, entities: readonly Entity[]) {
    this.text = text;
    const all: EntityMention[] = [];
    for (const entity of entities) {
      for (const m of entity.mentions) {
        if (m.end > m.start) all.push({ start: m.start, end: m.end, entity });
      }
    }
    all.sort((a, b) => a.start - b.start || b.end - a.end);
    this.mentions = all;
    this.things = thingsNamedLikePersons(text, all);
    this.people = personsNamedLikeThings(text, all);
    this.persons = all.filter((m) => (m.entity.type === 'person' || this.people.has(m.entity)) && !this.things.has(m.entity));
    const evidence = new Map<string, [number, number]>();
    let previousSentence = -1;
    for (let i = 0; i < this.persons.length; i++) {
      const m = this.persons[i] as EntityMention;
      this.noteGender(text, m);
      const sentence = sentenceStartBefore(text, m.start);
      const own = evidence.get(m.entity.id) ?? [0, 0];
      nounCounts(text, m.end, own);
      evidence.set(m.entity.id, own);
      // Only the first person of a sentence can be its subject.
      if (sentence !== previousSentence && isSubjectPosition(text, m.start, m.end, sentence)) {
        this.subjects.add(m);
        let k = i + 1;
        while (k < this.persons.length && (this.persons[k] as EntityMention).entity === m.entity) k++;
        const next = this.persons[k];
        const counts = evidence.get(m.entity.id) ?? [0, 0];
        pronounCounts(text, m.end, Math.min(next?.start ?? text.length, m.end + GENDER_EVIDENCE_REACH), counts);
        evidence.set(m.entity.id, counts);
      }
      previousSentence = sentence;
    }
    for (const m of this.persons) {
      const id = m.entity.id;
      if (this.genders.has(id)) continue;
      const lexicon = lexiconGender(m.entity.name);
      const firm = this.honorificGenders.get(id) ?? documentGender(evidence.get(id), lexicon);
      this.genders.set(id, firm ?? lexicon);
      // The article's own he/she agreeing with the first name confirms it.
      const [he, she] = evidence.get(id) ?? [0, 0];
      const confirmed = (lexicon === 'male' && he > 0 && she === 0) || (lexicon === 'female' && she > 0 && he === 0);
      if (firm === undefined && !confirmed) this.guessedGenders.add(id);
    }
  }

  /** An honorific just before a mention ("Mr. Kerry") tells the person's gender, and so does a gendered title
   * ("Councilwoman Dana Whitfield", "his wife, Mary"). */
  private noteGender(text: string, m: EntityMention): void {
    const before = /\b(mr|mrs|ms|miss|sir|lady|dame|lord)\.?\s*$/i.exec(text.slice(Math.max(0, m.start - 7), m.start));
    const inside = /^(mr|mrs|ms|miss|sir|lady|dame|lord)\b/i.exec(text.slice(m.start, Math.min(m.end, m.start + 6)));
    const honorific = (before?.[1] ?? inside?.[1])?.toLowerCase();
    let gender: Gender = honorific ? (MALE_HONORIFICS.has(honorific) ? 'male' : FEMALE_HONORIFICS.has(honorific) ? 'female' : 'unknown') : 'unknown';
    if (gender === 'unknown') {
      const title = (/(\p{L}+),?\s+$/u.exec(text.slice(Math.max(0, m.start - 24), m.start))?.[1] ?? /^(\p{L}+)\s/u.exec(text.slice(m.start, m.end))?.[1])?.toLowerCase();
      gender = title === undefined ? 'unknown' : MALE_NOUNS.has(title) ? 'male' : FEMALE_NOUNS.has(title) ? 'female' : 'unknown';
    }
    // "Mrs. Clinton" linked to "Bill Clinton": the honorific is about a namesake, not the name it was linked to.
    const lexicon = lexiconGender(m.entity.name);
    if (honorific && lexicon !== 'unknown' && gender !== 'unknown' && lexicon !== gender) return;
    if (gender !== 'unknown') this.honorificGenders.set(m.entity.id, gender);
  }

  /** Persons by the last word of their name, built on first use. */
  private bySurname: Map<string, Entity[]> | null = null;

  /** The one other person who shares `entity`'s last name and has `gender` ("Hillary Clinton" for a "Mrs. Clinton" or
   * a "she" that was linked to "Bill Clinton"), if there is exactly one. */
  namesake(entity: Entity, gender: Gender): Entity | undefined {
    if (gender === 'unknown') return undefined;
    if (!this.bySurname) {
      this.bySurname = new Map();
      for (const m of this.persons) {
        const last = surnameKey(m.entity.name);
        const list = this.bySurname.get(last) ?? [];
        if (!list.includes(m.entity)) list.push(m.entity);
        this.bySurname.set(last, list);
      }
    }
    const fits = (this.bySurname.get(surnameKey(entity.name)) ?? []).filter((e) => e !== entity && this.genderOf(e) === gender);
    return fits.length === 1 ? fits[0] : undefined;
  }

  /** The person's gender: an honorific, else how the article refers back to them, else their first name. */
  genderOf(entity: Entity): Gender {
    return this.genders.get(entity.id) ?? 'unknown';
  }

  /** Is the person's gender only their first name's usual one (names like "Alex" are given to either)? */
  genderIsGuessed(entity: Entity): boolean {
    return this.guessedGenders.has(entity.id);
  }

  isSubject(m: EntityMention): boolean {
    return this.subjects.has(m);
  }

  /** The first mention overlapping [start, end), preferring persons. */
  overlapping(start: number, end: number): EntityMention | undefined {
    let lo = 0;
    let hi = this.mentions.length;
    // First mention that starts at or after `end`; candidates are before it.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.mentions[mid] as EntityMention).start < end) lo = mid + 1;
      else hi = mid;
    }
    let best: EntityMention | undefined;
    // Mentions do not nest deeply; a short look back is enough.
    for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) {
      const m = this.mentions[i] as EntityMention;
      if (m.end > start && m.start < end) {
        if (!best || (m.entity.type === 'person' && best.entity.type !== 'person')) best = m;
      }
    }
    return best;
  }
}

/** Words that tie a described speaker to someone else: "a lawyer for X", "the widow of X", "an aide to X". */
const PERSON_LINK_WORDS = new Set(['for', 'of', 'to', 'representing']);

/** A place written in capitals, as datelines are ("WASHINGTON", "KYIV, Ukraine"). */
function isDateline(text: string, m: EntityMention): boolean {
  const written = text.slice(m.start, m.end);
  return /\p{Lu}{2}/u.test(written) && written === written.toUpperCase();
}

function spanText(text: string, tokens: readonly Token[]): string {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  return first && last ? text.slice(first.start, last.end) : '';
}

const NAME_PARTICLES = new Set(['al', 'bin', 'de', 'van', 'von', 'der', 'da', 'la', 'le', 'du', 'el', 'ibn', 'di']);

/** Words that may follow a head noun inside one speaker phrase: "a spokesman for the ministry",
 * "a person familiar with the talks". */
const HEAD_COMPLEMENTS = new Set(['for', 'of', 'at', 'with', 'from', 'in', 'on', 'to', 'familiar', 'close', 'briefed', 'involved']);

/** Words that cannot sit inside a short "the statement"-style speaker phrase. */
const FUNCTION_WORDS = new Set([
  'in', 'on', 'at', 'of', 'to', 'for', 'with', 'from', 'by', 'and', 'or', 'but', 'is', 'was', 'are', 'were', 'be',
  'not', 'no', 'who', 'which', 'that', 'this', 'it', 'there', 'here', 'then', 'than', 'as', 'so', 'if', 'would',
  'will', 'could', 'should', 'can', 'may', 'might', 'must', 'has', 'have', 'had', 'do', 'does', 'did', 'end',
]);

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me']);

/** Heads of poll shares that speak for a group: "21 percent said", "half said". */
const SHARE_WORDS = new Set(['percent', 'majority', 'minority', 'plurality', 'half', 'third', 'quarter', 'respondents']);

/** Days and months: "said Tuesday" names when, not who. */
const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'today', 'yesterday',
]);
/** A speaker phrase does not open with a preposition ("32% of Republican claims": not "of Republican"). */
const SLOT_PREPOSITIONS = new Set(['of', 'for', 'to', 'in', 'on', 'at', 'by', 'from', 'with', 'about', 'into', 'over', 'than']);

/** Words capitalised only because they open a sentence ("Be warned: …", "Now say …"). */
const SENTENCE_OPENER_WORDS = new Set([
  'be', 'let', 'please', 'now', 'yet', 'still', 'also', 'just', 'never', 'always', 'some', 'many', 'few', 'all', 'most',
  'others', 'everyone', 'nobody', 'someone', 'anyone',
  // "Last week State Department official David Holmes revealed …": a time phrase, not a name.
  'last', 'next', 'earlier', 'later', 'meanwhile', 'however',
]);

type HeadKind = 'human' | 'group' | 'institution';

/** The last noun that names a speaker, if what follows it still belongs to the phrase. */
function headNoun(words: readonly Token[]): { index: number; kind: HeadKind } | null {
  for (let i = words.length - 1; i >= 0; i--) {
    const w = (words[i] as Token).lower;
    const kind: HeadKind | null = isHumanNoun(w) ? 'human' : isHumanPlural(w) ? 'group' : NON_HUMAN_NOUNS.has(w) ? 'institution' : null;
    if (!kind) continue;
    const rest = words.slice(i + 1);
    const restFits = rest.length === 0 || rest.every((t) => isCapitalized(t)) || HEAD_COMPLEMENTS.has((rest[0] as Token).lower);
    return restFits ? { index: i, kind } : null;
  }
  return null;
}

/** Prepositions after a name inside one speaker phrase ("Mr. Morgan of the Sierra Club"). */
const NAME_PREPOSITIONS = new Set(['of', 'at', 'from']);

/** Writings an organisation puts out: "the IMF report", "the agency's statement". */
const DOCUMENT_OWNER_NOUNS = new Set(['report', 'statement', 'study', 'survey', 'poll', 'release', 'memo', 'letter', 'analysis', 'filing', 'website', 'ad']);

/** An organisation mentioned among the words before the head noun ("the IMF report": the IMF). */
function organizationBefore(words: readonly Token[], head: number, mentions: MentionIndex): Entity | undefined {
  for (let i = head - 1; i >= 0; i--) {
    const w = words[i] as Token;
    const m = mentions.overlapping(w.start, w.end);
    if (m?.entity.type === 'organization') return m.entity;
  }
  return undefined;
}

/** Classify the words of a speaker slot. Returns null when they do not look like a speaker. */
export function classifySpeaker(text: string, words: readonly Token[], mentions: MentionIndex, atSentenceStart = false): SpeakerRef | null {
  if (words.length === 0 || words.length > 9 || words.some((w) => !w.isWord)) return null;
  if (SLOT_PREPOSITIONS.has((words[0] as Token).lower)) return null;
  const last = words[words.length - 1] as Token;
  const first = words[0] as Token;
  const mention = mentions.overlapping(last.start, last.end);
  if (mention?.entity.type === 'person') {
    // "a lawyer for John Smith", "the widow of Smith": the person described speaks, not the one named.
    const at = words.findIndex((w) => w.end > mention.start);
    const described = at >= 2 && PERSON_LINK_WORDS.has((words[at - 1] as Token).lower) && words.slice(0, at - 1).some((w) => isHumanNoun(w.lower));
    if (described) return { kind: 'phrase', name: spanText(text, words), singular: true };
    // "Mrs. Clinton" where the name was linked to "Bill Clinton": the namesake the honorific fits.
    const honorific = words.find((w) => HONORIFICS.has(w.lower.replace(/\.$/, '')))?.lower.replace(/\.$/, '');
    const said: Gender = honorific === undefined ? 'unknown' : MALE_HONORIFICS.has(honorific) ? 'male' : FEMALE_HONORIFICS.has(honorific) ? 'female' : 'unknown';
    const known = mentions.genderOf(mention.entity);
    if (said !== 'unknown' && known !== 'unknown' && known !== said) {
      const namesake = mentions.namesake(mention.entity, said);
      if (namesake) return { kind: 'entity', entity: namesake };
    }
    return { kind: 'entity', entity: mention.entity };
  }
  // A place in capitals is a dateline ("WASHINGTON —"), never who spoke.
  if (mention?.entity.type === 'place' && isDateline(text, mention)) return null;
  // "A study published in the journal Cell Metabolism": a name after a participle and its preposition belongs to
  // the modifier; the phrase before the participle is the speaker.
  // ("published Wednesday in": a time word may come between.)
  const objectAfter = (i: number): boolean => [1, 2].some((k) => SLOT_PREPOSITIONS.has(words[i + k]?.lower ?? '') && (words[i + k] as Token).start < (mention as EntityMention).start);
  const participle = mention ? words.findIndex((w, i) => i > 0 && /^\p{Ll}+ed$/u.test(w.text) && objectAfter(i)) : -1;
  if (participle > 0) return classifySpeaker(text, words.slice(0, participle), mentions, atSentenceStart);

  if (words.length <= 2 && (MALE_PRONOUNS.has(last.lower) || FEMALE_PRONOUNS.has(last.lower))) {
    return { kind: 'pronoun', gender: MALE_PRONOUNS.has(last.lower) ? 'male' : 'female', at: last.start };
  }
  // A subject pronoun inside a longer slot means the words are a clause ("he thought the campaign"), not a name.
  if (words.length > 2 && words.some((w) => SUBJECT_PRONOUNS.has(w.lower))) return null;
  if (words.length === 1 && last.lower === 'it') return { kind: 'it', at: last.start };
  if (words.length === 1 && GROUP_PRONOUNS.has(last.lower.replace(/['\u2019](re|ve|ll|d|m)$/, ''))) {
    return last.lower === 'they' ? { kind: 'anonymous-group', at: last.start } : { kind: 'anonymous-group' };
  }

  const honorific = words.findIndex((w) => HONORIFICS.has(w.lower.replace(/\.$/, '')) && isCapitalized(w));
  if (honorific >= 0 && honorific < words.length - 1 && words.slice(honorific + 1).every(isCapitalized)) {
    const h = (words[honorific] as Token).lower.replace(/\.$/, '');
    const gender: Gender = MALE_HONORIFICS.has(h) ? 'male' : FEMALE_HONORIFICS.has(h) ? 'female' : 'unknown';
    return { kind: 'surname', surname: text.slice((words[honorific + 1] as Token).start, last.end), gender };
  }

  // "Mr. Morgan of the Sierra Club", "David Woodard of Clemson University": the name before the preposition.
  const of = words.findIndex((w, i) => i > 0 && i <= 4 && NAME_PREPOSITIONS.has(w.lower));
  if (of > 0 && words.slice(0, of).every(isCapitalized)) {
    const named = classifySpeaker(text, words.slice(0, of), mentions, atSentenceStart);
    if (named && (named.kind === 'entity' || named.kind === 'surname' || named.kind === 'name')) return named;
  }

  // "Officials in Los Angeles", "rescue teams from Kyiv": people from a place, not the place.
  const placeObject = mention?.entity.type === 'place' && words.some((w, i) => i > 0 && w.end <= mention.start && SLOT_PREPOSITIONS.has(w.lower));
  const head = headNoun(words);
  if (head) {
    const rest = words.slice(head.index + 1);
    if (head.kind === 'human' && rest.length > 0 && rest.every(isCapitalized) && !mention) {
      // "spokesman Dmitry Peskov" with no entity for the name: the name is the speaker.
      return { kind: 'name', name: spanText(text, rest) };
    }
    if (head.kind === 'human' && !words.some((w) => isHumanPlural(w.lower))) {
      return { kind: 'phrase', name: spanText(text, words), singular: true };
    }
    if (placeObject) return { kind: 'phrase', name: spanText(text, words), singular: false };
    if (mention) return { kind: 'phrase', name: mention.entity.name, singular: false, entity: mention.entity };
    // "the IMF report stated": an organisation's writing speaks for the organisation.
    const owner = DOCUMENT_OWNER_NOUNS.has((words[head.index] as Token).lower) ? organizationBefore(words, head.index, mentions) : undefined;
    if (owner) return { kind: 'phrase', name: owner.name, singular: false, entity: owner };
    const phrase: SpeakerRef = { kind: 'phrase', name: spanText(text, words), singular: false };
    // "the company", "the production company", "the statement": an organisation named earlier.
    const headWord = (words[head.index] as Token).lower;
    if (first.lower === 'the' && head.index === words.length - 1 && words.length <= 3 && !words.slice(1).some(isCapitalized)) {
      if (ORGANIZATION_ANAPHOR_NOUNS.has(headWord)) phrase.anaphor = { kind: 'organization', at: first.start, head: headWord };
      else if (ORGANIZATION_DOCUMENT_NOUNS.has(headWord)) phrase.anaphor = { kind: 'document', at: first.start, head: headWord };
    }
    return phrase;
  }
  if (placeObject) return { kind: 'phrase', name: spanText(text, words), singular: false };
  if (mention) return { kind: 'phrase', name: mention.entity.name, singular: false, entity: mention.entity };
  // "21 percent", "more than half", "a majority of voters": a share of those polled.
  if (SHARE_WORDS.has(last.lower) && words.length <= 4) return { kind: 'phrase', name: spanText(text, words), singular: false };
  // A common noun learned from PolNeAR train as a source head ("the poll", "strategists", "the survey").
  if (LEARNED_SOURCE_HEADS.has(last.lower) && !isCapitalized(last)) return { kind: 'phrase', name: spanText(text, words), singular: false };

  // "said the 46-year-old": an age epithet is one person, named before.
  if (words.length === 2 && first.lower === 'the' && AGE_EPITHET.test(last.lower)) return { kind: 'phrase', name: spanText(text, words), singular: true };
  // "the statement", "the ad": a described source we cannot tell is one person.
  const plainNoun = (w: Token): boolean => !isCapitalized(w) && /^[a-z]+$/.test(w.lower) && !w.lower.endsWith('ed') &&
    !w.lower.endsWith('ly') && !FUNCTION_WORDS.has(w.lower);
  if (DETERMINERS.has(first.lower) && words.length >= 2 && words.length <= 4 && words.slice(1).every(plainNoun)) {
    return { kind: 'phrase', name: spanText(text, words), singular: false };
  }
  // A run of capitalised words ("Jane Doe") that no entity covers: most likely a person's name.
  // "CONGRESS HAS INVESTIGATED HIM": a heading in capitals is no name.
  const allNameLike = words.every((w, i) => isCapitalized(w) || (i > 0 && NAME_PARTICLES.has(w.lower))) &&
    !(words.length > 1 && words.some((w) => FUNCTION_WORDS.has(w.lower) || SUBJECT_PRONOUNS.has(w.lower) || OBJECT_PRONOUNS.has(w.lower)));
  if (allNameLike && words.length >= 2 && words.length <= 4) return { kind: 'name', name: spanText(text, words) };
  // One capitalised word no entity knows: a source ("Reuters said"), unless it is capitalised only
  // because it opens the sentence ("Be warned: …").
  const openerOnly = atSentenceStart && (FUNCTION_WORDS.has(last.lower) || SENTENCE_OPENER_WORDS.has(last.lower));
  // "said Tuesday": a day or month is when, not who.
  if (allNameLike && words.length === 1 && !openerOnly && !TIME_WORDS.has(last.lower)) return { kind: 'phrase', name: last.text, singular: false };
  return null;
}

/** "46-year-old": the word of an age epithet. */
const AGE_EPITHET = /^\d{1,3}-year-old$/;

/** "Hart was told by Lee", "Rubio was asked by moderator Gerald Baxter whether …": in a passive attribution the
 * agent after "by" speaks, not the subject. `cue` is the slot's cue ("told"), `source` its subject ("Hart"). */
export function passiveAgent(text: string, source: { start: number; end: number }, cue: { start: number; end: number }, mentions: MentionIndex): EntityMention | undefined {
  if (source.end > cue.start || !PASSIVE_BE.test(text.slice(source.end, cue.start))) return undefined;
  const by = /^\s+by\s+(?:(?:the\s+)?\p{Ll}+\s+){0,2}/u.exec(text.slice(cue.end, cue.end + 60));
  if (!by) return undefined;
  const at = cue.end + by[0].length;
  const m = mentions.overlapping(at, at + 1);
  if (!m || m.start !== at || m.entity.type === 'place') return undefined;
  // "by Fox Business moderator Gerard Baker": the person the organisation's name describes.
  const role = m.entity.type === 'person' ? null : /^\s+(?:\p{Ll}+\s+){1,2}/u.exec(text.slice(m.end, m.end + 40));
  const person = role ? mentions.overlapping(m.end + role[0].length, m.end + role[0].length + 1) : undefined;
  return person && person.start === m.end + role![0].length && person.entity.type === 'person' ? person : m;
}

/** The words between a passive attribution's subject and its cue: "was", "has been", "is being". */
const PASSIVE_BE = /^\s+(?:was|were|is|are|(?:has|have|had)\s+been|being)\s+$/;

/** Does this ref name exactly one human being (who can be quoted directly without marks)? */
export function isSingularHuman(ref: SpeakerRef | null): boolean {
  if (!ref) return false;
  switch (ref.kind) {
    case 'entity':
      return ref.entity.type === 'person';
    case 'pronoun':
    case 'surname':
    case 'name':
      return true;
    case 'phrase':
      return ref.singular;
    case 'it':
    case 'anonymous-group':
      return false;
  }
}

export function entitySpeaker(entity: Entity): Speaker {
  return { name: entity.name, entityId: entity.id };
}

/** Heads that name a kind of body the organisation's own name must show. */
const HEAD_NAME_WORDS: Record<string, RegExp> = {
  union: /\b(union|association|federation|workers|teamsters|brotherhood|guild|congress|afl|seiu|confederation)\b/i,
  league: /\bleague\b|\b[A-Z]{2,4}\b/,
};

/** Last words that make a name a company's whatever type it was given ("Dick Clark Productions"). */
const COMPANY_NAME_ENDS = new Set([
  'productions', 'records', 'group', 'inc', 'inc.', 'corp', 'corp.', 'corporation', 'company', 'co.', 'llc', 'ltd',
  'ltd.', 'entertainment', 'media', 'studios', 'pictures', 'holdings', 'partners', 'bank', 'networks', 'labs',
  'technologies', 'airlines', 'motors', 'industries', 'enterprises', 'foundation', 'institute', 'association',
]);

function looksLikeCompany(name: string): boolean {
  const words = name.toLowerCase().split(/\s+/);
  return words.length >= 2 && COMPANY_NAME_ENDS.has(words[words.length - 1] as string);
}

/** How far back (in characters) a pronoun keeps looking for a better antecedent than the nearest one. */
const PRONOUN_REACH = 2500;

/** "he told ", "she assured ": a pronoun, then a verb whose object is who heard it. */
const TELLING = /^\p{L}+\s+(?:told|tells|assured|assures|warned|warns|reminded|reminds|informed|informs|asked|asks)\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?/u;

/** How far back (in characters) "the 46-year-old" may reach for the person named last. */
const AGE_EPITHET_REACH = 600;

/** How far back (in characters) "it" may reach for its organisation. */
const IT_REACH = 1500;

/** Mentions not inside any of the (sorted) content spans. */
function outside(mentions: readonly EntityMention[], contents: readonly { start: number; end: number }[]): EntityMention[] {
  const out: EntityMention[] = [];
  let c = 0;
  let coveredUntil = -1;
  for (const m of mentions) {
    while (c < contents.length && (contents[c] as { start: number }).start <= m.start) {
      coveredUntil = Math.max(coveredUntil, (contents[c] as { end: number }).end);
      c++;
    }
    if (m.start >= coveredUntil) out.push(m);
  }
  return out;
}

/** Is the mention a surname alone, perhaps after an honorific ("Clinton", "Mrs. Clinton"), not the full name? */
function isBareSurname(text: string, m: EntityMention): boolean {
  const words = text.slice(m.start, m.end).split(/\s+/).filter((w) => !HONORIFICS.has(w.toLowerCase().replace(/\.$/, '')));
  return words.length === 1 && m.entity.name.includes(' ');
}

/** Index of the last mention ending at or before `pos` (-1 if none); mentions sorted by start. */
function lastEndingBefore(mentions: readonly EntityMention[], pos: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((mentions[mid] as EntityMention).end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Resolves refs in text order; remembers which person mentions lie inside quoted content. */
export class SpeakerResolver {
  /** Person mentions outside every quote's content, sorted by start. */
  private readonly eligible: EntityMention[];
  /** Organisation mentions outside every quote's content, sorted by start. */
  private readonly eligibleOrganizations: EntityMention[];

  /** Quoted contents, sorted by start. */
  private readonly contents: readonly { start: number; end: number }[];

  constructor(
    private readonly mentions: MentionIndex,
    contents: readonly { start: number; end: number }[],
  ) {
    const sorted = [...contents].sort((a, b) => a.start - b.start);
    this.contents = sorted;
    const things = mentions.things;
    this.eligible = outside(mentions.persons, sorted);
    const company = new Map<Entity, boolean>();
    const isCompany = (e: Entity): boolean => {
      let known = company.get(e);
      if (known === undefined) company.set(e, (known = !mentions.people.has(e) && (e.type === 'organization' || things.has(e) || (e.type !== 'place' && looksLikeCompany(e.name)))));
      return known;
    };
    this.eligibleOrganizations = outside(mentions.mentions.filter((m) => isCompany(m.entity)), sorted);
  }

  /** Is `pos` inside a quote's content? */
  private quoted(pos: number): boolean {
    return this.contents.some((c) => c.start <= pos && pos < c.end);
  }

  /** Is the organisation mention its sentence's subject: the first name of the sentence, in subject position? */
  private isSubjectOrganization(m: EntityMention): boolean {
    const text = this.mentions.text;
    const sentence = sentenceStartBefore(text, m.start);
    // "However, shortly after the news broke, Acme denied …": a name after a clause's comma, then its verb.
    if (/,\s*$/.test(text.slice(Math.max(sentence, m.start - 3), m.start)) && /^\s+\p{Ll}+(?:ed|s)\b/u.test(text.slice(m.end, m.end + 20))) return true;
    if (!isSubjectPosition(text, m.start, m.end, sentence)) return false;
    // "The company that runs the awards, Acme Productions, denies …": a name set off by commas after the opening phrase.
    if (/,\s*$/.test(text.slice(Math.max(sentence, m.start - 3), m.start)) && /^,/.test(text.slice(m.end, m.end + 2))) return true;
    // "Swift accused Big Machine": another name before it is the subject.
    const i = lastEndingBefore(this.mentions.mentions, m.start);
    const before = this.mentions.mentions[i];
    return !before || before.end <= sentence || before.entity === m.entity;
  }

  /** The organisation a "the company", "it" or "they" before `pos` means: walking back within `reach`, the nearest one
   * that is a sentence's subject (the discourse topic), else the nearest one not named as a modifier ("a Netflix
   * documentary") or after a preposition ("the organisers of the awards"), else the nearest. A head noun with a
   * name pattern ("the label": a name with "Records") prefers the organisations that fit it. */
  organizationAntecedent(pos: number, reach = IT_REACH, head?: string): Entity | undefined {
    const text = this.mentions.text;
    const prefer = head ? HEAD_PREFERRED_NAMES[head] : undefined;
    const passes = prefer ? [(e: Entity) => prefer.test(e.name), () => true] : [() => true];
    for (const fits of passes) {
      let plain: Entity | undefined;
      let nearest: Entity | undefined;
      for (let k = lastEndingBefore(this.eligibleOrganizations, pos); k >= 0; k--) {
        const m = this.eligibleOrganizations[k] as EntityMention;
        if (pos - m.end > reach) break;
        if (!fits(m.entity)) continue;
        nearest ??= m.entity;
        if (isModifierMention(text, m)) continue;
        if (this.isSubjectOrganization(m)) return m.entity;
        if (!plain && !AFTER_PREPOSITION.test(text.slice(Math.max(0, m.start - 20), m.start))) plain = m.entity;
      }
      const found = plain ?? nearest;
      if (found) return found;
    }
    return undefined;
  }

  /** "they said" right after sentences about an organisation ("Acme denied it. “…,” they said"): the nearest
   * sentence subject before `pos`, if it is an organisation. */
  topicOrganization(pos: number): Entity | undefined {
    const orgs = this.eligibleOrganizations;
    let k = lastEndingBefore(orgs, pos);
    let p = lastEndingBefore(this.eligible, pos);
    while (k >= 0 || p >= 0) {
      const org = orgs[k];
      const person = this.eligible[p];
      if (org && (!person || org.start > person.start)) {
        if (pos - org.end > THEY_REACH) return undefined;
        if (!isModifierMention(this.mentions.text, org) && this.isSubjectOrganization(org)) return org.entity;
        k--;
      } else if (person) {
        if (pos - person.end > THEY_REACH) return undefined;
        if (this.mentions.isSubject(person)) return undefined;
        p--;
      }
    }
    return undefined;
  }

  /** "Acme have denied it. “…,” they said": an organisation named at the very start of the sentence before the one
   * holding `pos`, read from the text, for when that name was not marked as a mention there. */
  private organizationOpeningSentenceBefore(pos: number): Entity | undefined {
    const text = this.mentions.text;
    let end = sentenceStartBefore(text, pos);
    while (end > 0 && /\s/.test(text[end - 1] as string)) end--;
    if (end === 0) return undefined;
    const start = sentenceStartBefore(text, end - 1);
    const opening = text.slice(start, end).trimStart();
    if (!opening || pos - start > THEY_REACH) return undefined;
    const last = lastEndingBefore(this.eligibleOrganizations, pos);
    for (let k = last; k >= 0 && k > last - MAX_FORMS_TRIED; k--) {
      const m = this.eligibleOrganizations[k] as EntityMention;
      const form = text.slice(m.start, m.end);
      if (opening.startsWith(form) && /^\s+\p{Ll}/u.test(opening.slice(form.length))) return m.entity;
    }
    return undefined;
  }

  /** The organisation "it" before `pos` means, if one is close enough. */
  lastOrganizationBefore(pos: number): Entity | undefined {
    return this.organizationAntecedent(pos);
  }

  /** The person a "he"/"she" before `pos` means: walking back over person mentions outside quotes, the first whose
   * known gender matches, or who was a sentence's subject without a known gender; else the nearest that does not
   * clash ("accusing Big Machine … she said" skips the object for the subject before it). */
  lastPersonBefore(pos: number, gender: Gender, hearer?: Entity): Entity | undefined {
    const lo = lastEndingBefore(this.eligible, pos) + 1;
    let fallback: Entity | undefined;
    // "“…,” said Alex Rivera. … “…,” she said.": with nobody else to mean, a person whose gender is only guessed
    // from the first name, nearest first, preferring the one who spoke last.
    let guessed: Entity | undefined;
    for (let i = lo - 1; i >= 0 && i >= lo - 20; i--) {
      const m = this.eligible[i] as EntityMention;
      // "“…,” he told Cook": whoever he is, he is not Cook.
      if (m.entity === hearer) continue;
      const known = this.mentions.genderOf(m.entity);
      if (gender !== 'unknown' && known !== 'unknown' && known !== gender) {
        // "Clinton said … she": a surname alone that was linked to the namesake of the other gender.
        const namesake = isBareSurname(this.mentions.text, m) ? this.mentions.namesake(m.entity, gender) : undefined;
        if (namesake) return namesake;
        if (!guessed && pos - m.end <= PRONOUN_REACH && this.mentions.genderIsGuessed(m.entity) && this.spokeLast(m.entity)) guessed = m.entity;
        continue;
      }
      if (gender === 'unknown' || known === gender || this.mentions.isSubject(m)) return this.subjectOfSameSentence(i, gender, hearer) ?? m.entity;
      if (pos - m.end > PRONOUN_REACH) break;
      fallback ??= m.entity;
    }
    return fallback ?? guessed;
  }

  /** "Simmons teed up McDonald's cameo. “…,” he said": when the person found (eligible mention `i`) is not the
   * subject of that sentence, the sentence's subject if the pronoun's gender fits it too (a subject is what a later
   * "he" or "she" most often means). */
  private subjectOfSameSentence(i: number, gender: Gender, hearer?: Entity): Entity | undefined {
    const m = this.eligible[i] as EntityMention;
    if (this.mentions.isSubject(m)) return undefined;
    const start = sentenceStartBefore(this.mentions.text, m.start);
    for (let j = i - 1; j >= 0; j--) {
      const s = this.eligible[j] as EntityMention;
      if (s.start < start) break;
      if (s.entity === m.entity || s.entity === hearer || !this.mentions.isSubject(s)) continue;
      const text = this.mentions.text;
      // "Trump's accusation that …": a possessive is not the subject; "Mrs. Clinton" is no "he", whoever she was linked to.
      if (/^['\u2019]s?\b/.test(text.slice(s.end, s.end + 2))) return undefined;
      const honorific = /^(mr|mrs|ms|miss)\b/i.exec(text.slice(s.start, s.end))?.[1]?.toLowerCase() ?? /\b(mr|mrs|ms|miss)\.?\s*$/i.exec(text.slice(Math.max(0, s.start - 6), s.start))?.[1]?.toLowerCase();
      if (honorific && (MALE_HONORIFICS.has(honorific) ? 'male' : 'female') !== gender) return undefined;
      const known = this.mentions.genderOf(s.entity);
      return known === gender || known === 'unknown' ? s.entity : undefined;
    }
    return undefined;
  }

  /** The person told right after the pronoun at `at` ("he told Cook", "she assured Ms. Roe"), if any. */
  private hearerAfter(at: number): Entity | undefined {
    const text = this.mentions.text;
    const verb = TELLING.exec(text.slice(at, at + 40));
    if (!verb) return undefined;
    const from = at + verb[0].length;
    const m = this.mentions.overlapping(from, from + 1);
    return m && m.start >= from - 5 && (m.entity.type === 'person' || this.mentions.people.has(m.entity)) ? m.entity : undefined;
  }

  /** Is `entity` the speaker of the last quote resolved so far? */
  private spokeLast(entity: Entity): boolean {
    return this.spoken.at(-1)?.entity === entity;
  }

  /** Person mentions by each lowercased word of their entity's name, built on first use. */
  private byNameWord: Map<string, EntityMention[]> | null = null;

  /** A person entity whose name contains `surname` as whole words, preferring the latest mentioned before `pos`. */
  personBySurname(surname: string, pos: number): Entity | undefined {
    if (!this.byNameWord) {
      this.byNameWord = new Map();
      for (const m of this.mentions.persons) {
        for (const word of new Set(m.entity.name.toLowerCase().split(/\s+/))) {
          const list = this.byNameWord.get(word) ?? [];
          list.push(m);
          this.byNameWord.set(word, list);
        }
      }
    }
    const words = surname.toLowerCase().split(/\s+/);
    const candidates = this.byNameWord.get(words[words.length - 1] ?? '') ?? [];
    const fits = (m: EntityMention): boolean => (' ' + m.entity.name.toLowerCase() + ' ').includes(' ' + words.join(' ') + ' ');
    // Mentions are sorted by start: the last one before `pos`, else the first one after it.
    let lo = 0;
    let hi = candidates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((candidates[mid] as EntityMention).start <= pos) lo = mid + 1;
      else hi = mid;
    }
    // A name that ends with the surname ("Hillary Clinton") before one that only holds it (a headline run together
    // as one name, "Hillary Clinton Goes After Donald Trump").
    const ends = (m: EntityMention): boolean => fits(m) && (' ' + m.entity.name.toLowerCase()).endsWith(' ' + words.join(' '));
    for (const test of [ends, fits]) {
      for (let i = lo - 1; i >= 0 && i >= lo - 50; i--) if (test(candidates[i] as EntityMention)) return (candidates[i] as EntityMention).entity;
      for (let i = lo; i < candidates.length && i < lo + 50; i++) if (test(candidates[i] as EntityMention)) return (candidates[i] as EntityMention).entity;
    }
    return undefined;
  }

  /** "“…,” said the 46-year-old": an age epithet is the person named last, not long before. A description
   * ("the mayor said") is not resolved to a name: PolNeAR keeps such sources as written, and naming them cost
   * more there than it won on the labelled pages. */
  private epithetPerson(source: { start: number; end: number }): Entity | undefined {
    const text = this.mentions.text;
    if (!/^the\s+\d{1,3}-year-old$/i.test(text.slice(source.start, source.end))) return undefined;
    const lastPerson = this.eligible[lastEndingBefore(this.eligible, source.start)];
    return lastPerson && source.start - lastPerson.end <= AGE_EPITHET_REACH ? lastPerson.entity : undefined;
  }

  resolve(ref: SpeakerRef | null, quoteStart: number, source?: { start: number; end: number }): Speaker | null {
    if (!ref) return null;
    switch (ref.kind) {
      case 'entity':
        return entitySpeaker(ref.entity);
      case 'it': {
        const entity = this.lastOrganizationBefore(Math.min(ref.at, quoteStart));
        return entity ? entitySpeaker(entity) : null;
      }
      case 'pronoun': {
        const entity = this.lastPersonBefore(Math.min(ref.at, quoteStart), ref.gender, this.hearerAfter(ref.at));
        return entity ? entitySpeaker(entity) : null;
      }
      case 'surname': {
        const entity = this.personBySurname(ref.surname, quoteStart);
        return entity ? entitySpeaker(entity) : { name: ref.surname };
      }
      case 'name': {
        const entity = this.personBySurname(ref.name, quoteStart);
        return entity ? entitySpeaker(entity) : { name: ref.name };
      }
      case 'phrase': {
        if (ref.entity) return entitySpeaker(ref.entity);
        const organization = ref.anaphor ? this.organizationFor(ref.anaphor, Math.min(ref.anaphor.at, quoteStart)) : undefined;
        if (organization) return entitySpeaker(organization);
        const person = ref.singular && source ? this.epithetPerson(source) : undefined;
        return person ? entitySpeaker(person) : { name: ref.name };
      }
      case 'anonymous-group': {
        const at = ref.at === undefined ? undefined : Math.min(ref.at, quoteStart);
        const entity = at === undefined ? undefined : this.topicOrganization(at) ?? this.organizationOpeningSentenceBefore(at);
        return entity ? entitySpeaker(entity) : null;
      }
    }
  }

  private byId: Map<string, Entity> | null = null;

  /** The organisation that spoke last, when it is within reach of `pos`. */
  private lastOrganizationSpeaker: { entity: Entity; at: number } | null = null;
  /** Every named speaker so far, in text order. */
  private readonly spoken: { entity: Entity; at: number }[] = [];

  /** Is a named speaker a person whose known gender is the pronoun's? */
  agrees(speaker: Speaker, gender: Gender): boolean {
    const entity = speaker.entityId ? this.entityById(speaker.entityId) : undefined;
    return entity !== undefined && gender !== 'unknown' && this.mentions.genderOf(entity) === gender;
  }

  /** Does a named speaker's known gender clash with a "he"/"she" ("“…,” she added" right after a man spoke)? */
  clashes(speaker: Speaker, gender: Gender): boolean {
    const entity = speaker.entityId ? this.entityById(speaker.entityId) : undefined;
    const known = entity ? this.mentions.genderOf(entity) : 'unknown';
    return gender !== 'unknown' && known !== 'unknown' && known !== gender;
  }

  private entityById(id: string): Entity | undefined {
    if (!this.byId) {
      this.byId = new Map();
      for (const m of this.mentions.mentions) this.byId.set(m.entity.id, m.entity);
    }
    return this.byId.get(id);
  }

  /** Remember a resolved speaker: an organisation that spoke is what a later "the statement" means. */
  noteSpeaker(speaker: Speaker | null, at: number): void {
    if (!speaker?.entityId) return;
    const entity = this.entityById(speaker.entityId);
    if (!entity) return;
    this.spoken.push({ entity, at });
    if (entity.type === 'organization') this.lastOrganizationSpeaker = { entity, at };
  }

  /** "the company": the organisation that is the topic before `pos`; "the statement": whoever put out the statement
   * introduced last ("X issued a statement", "… in a statement shared to its website"), else the organisation that
   * spoke last, else the topic organisation. */
  private organizationFor(anaphor: { kind: 'organization' | 'document'; head: string }, pos: number, depth = 0): Entity | undefined {
    if (anaphor.kind === 'document') {
      const author = this.documentAuthor(anaphor.head, pos, depth);
      // "A group of parents sent a letter to the board. “…,” the letter reads": a writing whose author has no name
      // speaks as itself, not as the organisation it was sent to.
      if (author !== undefined) return author ?? undefined;
      const spoke = this.lastOrganizationSpeaker;
      if (spoke && pos - spoke.at <= IT_REACH) return spoke.entity;
    }
    // "X accused A, B and the Acme Group of … The company denied the allegations": the accused organisation.
    const accused = this.accusedOrganization(pos);
    if (accused) return accused;
    const fits = HEAD_NAME_WORDS[anaphor.head];
    if (fits) {
      // "the union" is a union, not whichever company came last.
      const entity = this.organizationAntecedent(pos);
      return entity && fits.test(entity.name) ? entity : undefined;
    }
    return this.organizationAntecedent(pos, IT_REACH, anaphor.head);
  }

  /** When the sentence at `pos` denies something, the organisation the sentences just before accused ("X accused
   * Acme of …"). */
  private accusedOrganization(pos: number): Entity | undefined {
    const text = this.mentions.text;
    const clause = text.slice(pos, pos + 200).split(/[.!?\n]/)[0] ?? '';
    if (!DENIAL.test(clause)) return undefined;
    const back = text.slice(Math.max(0, pos - ACCUSATION_REACH), pos);
    const group = [...back.matchAll(ACCUSATION)].at(-1)?.[1];
    if (!group) return undefined;
    let best: { entity: Entity; at: number } | undefined;
    for (const entity of new Set(this.eligibleOrganizations.map((m) => m.entity))) {
      const at = wordIndex(group, entity.name);
      if (at >= 0 && (!best || at > best.at || (at === best.at && entity.name.length > best.entity.name.length))) best = { entity, at };
    }
    return best?.entity;
  }

  /** Who put out the `head` ("statement") introduced last before `pos`: the subject of the sentence that introduces
   * it with an indefinite or possessive ("Acme issued a statement", "The company denied it in a statement"), or the
   * speaker of the quote that sentence attributes ("“…,” Acme said in a statement"). Null when the writing was
   * introduced but its author is not named; undefined when none was introduced. */
  private documentAuthor(head: string, pos: number, depth: number): Entity | null | undefined {
    if (depth > 2) return undefined;
    const text = this.mentions.text;
    const floor = Math.max(0, pos - IT_REACH);
    const intro = new RegExp(`\\b(?:a|an|another|its|their|his|her|separate|new|joint|written|brief|lengthy)\\s+(?:[\\p{Ll}-]+\\s+)?${head}\\b`, 'giu');
    let at = -1;
    for (const match of text.slice(floor, pos).matchAll(intro)) {
      const x = floor + (match.index ?? 0);
      if (!this.quoted(x)) at = x;
    }
    if (at < 0) return undefined;
    return this.authorAt(at, depth) ?? null;
  }

  /** The author of the writing introduced at `at` (see documentAuthor). */
  private authorAt(at: number, depth: number): Entity | undefined {
    const text = this.mentions.text;
    const sentence = sentenceStartBefore(text, at);
    const lead = text.slice(sentence, at);
    // "“…,” the company said in a statement": the quote's speaker.
    if (/["\u201c\u201d]/.test(lead)) {
      for (let i = this.spoken.length - 1; i >= 0; i--) {
        const s = this.spoken[i] as { entity: Entity; at: number };
        if (s.at <= at) return s.at >= sentence - 1 ? s.entity : undefined;
      }
      return undefined;
    }
    for (let i = lastEndingBefore(this.mentions.mentions, at); i >= 0; i--) {
      const m = this.mentions.mentions[i] as EntityMention;
      if (m.end <= sentence) break;
      const first = lastEndingBefore(this.mentions.mentions, m.start);
      const earlier = this.mentions.mentions[first];
      if (earlier && earlier.end > sentence) continue;
      if (m.entity.type !== 'place' && isSubjectPosition(text, m.start, m.end, sentence)) return m.entity;
      break;
    }
    // "The company flat-out denied the allegations in a statement": the company that is meant there.
    const opening = /^\s*(?:\p{L}+\s+){0,4}?(?:the|The)\s+(?:[\p{Ll}-]+\s+)?(\p{Ll}+)\s/u.exec(lead);
    const noun = opening?.[1];
    if (noun && ORGANIZATION_ANAPHOR_NOUNS.has(noun)) return this.organizationFor({ kind: 'organization', head: noun }, sentence, depth + 1);
    const pronoun = /^\s*(?:\p{L}+\s+){0,4}?(it|they|It|They)\s/u.exec(lead)?.[1]?.toLowerCase();
    if (pronoun === 'it') return this.organizationAntecedent(sentence);
    if (pronoun === 'they') return this.topicOrganization(sentence);
    return undefined;
  }
}

/** Names typed as organisations (or anything but places) that the article itself treats as a person: "Quillan said
 * she felt …", "Quillan told reporters he …". An organisation says "it" or "they". */
function personsNamedLikeThings(text: string, mentions: readonly EntityMention[]): Set<Entity> {
  const people = new Set<Entity>();
  for (const m of mentions) {
    if (m.entity.type === 'person' || m.entity.type === 'place' || people.has(m.entity)) continue;
    if (PERSON_CLAUSE_AFTER.test(text.slice(m.end, m.end + 40))) people.add(m.entity);
  }
  return people;
}

const PERSON_CLAUSE_AFTER = /^\s+(?:said|says|told \p{L}+|added|explained|wrote|writes|recalled|felt|thinks|thought|believes)(?: that)?\s+(?:she|he)\b/u;

/** Person-typed names the article itself treats as things ("… through Big Machine, which was bought out …"). */
function thingsNamedLikePersons(text: string, mentions: readonly EntityMention[]): Set<Entity> {
  const which = new Set<Entity>();
  const who = new Set<Entity>();
  for (const m of mentions) {
    if (m.entity.type !== 'person') continue;
    const after = text.slice(m.end, m.end + 8);
    if (/^,\s+which\b/.test(after)) which.add(m.entity);
    else if (/^,?\s+who\b/.test(after)) who.add(m.entity);
  }
  for (const e of who) which.delete(e);
  return which;
}

/** Words before a name that make it a modifier when a common noun follows ("a Netflix documentary"). */
const MODIFIER_OPENERS = new Set(['a', 'an', 'her', 'his', 'its', 'their', 'our', 'my', 'your', 'upcoming', 'new', 'separate']);

function isModifierMention(text: string, m: EntityMention): boolean {
  const before = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, m.start - 20), m.start))?.[1]?.toLowerCase();
  return before !== undefined && MODIFIER_OPENERS.has(before) && /^\s+\p{Ll}/u.test(text.slice(m.end, m.end + 3));
}

/** A name right after a preposition (and an article) is an object, not the topic. */
const AFTER_PREPOSITION = /\b(?:of|for|to|in|on|at|by|from|with|about|into|over|against|through)\s+(?:the\s+)?$/i;

const DENIAL = /\b(?:den(?:y|ies|ied)|reject(?:s|ed)?|disput(?:e|es|ed)|refut(?:e|es|ed))\b/i;
/** "accused Braun, Borchetta and Acme of": the accused, up to "of". */
const ACCUSATION = /\baccus(?:e|es|ed|ing)\s+([^.;!?\n]{1,120}?)\s+of\b/g;
const ACCUSATION_REACH = 500;

/** Where `name` occurs in `s` as whole words, or -1. */
function wordIndex(s: string, name: string): number {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').exec(s)?.index ?? -1;
}

/** How many organisation mentions before a "they" are tried as the opening words of the sentence before it. */
const MAX_FORMS_TRIED = 200;

/** How far back "they" looks for the organisation the sentences before were about. */
const THEY_REACH = 500;

/** Heads whose organisation's name usually shows them ("the label": "… Records"); preferred, not required. */
const HEAD_PREFERRED_NAMES: Record<string, RegExp> = {
  label: /\b(?:records|label|music|recordings)\b/i,
};
