// Combines the learned tagger's spans with the rule-based candidates. The tagger decides most
// spans and types; the rules keep what they know better: the article's own statements ("Mr. X",
// "spokesman X", "X officials", titles), learned-list names, words they know are no names, and
// names the tagger left out. Every choice here was measured on CoNLL-2003 eng.testa.
import { WEEKDAYS, joinWords, type TitleEnds } from './entities-candidates';
import { NON_ENTITY_ACRONYMS, Strength, type Candidate } from './entities-classify';
import { HONORIFICS, NAME_PARTICLES, TITLE_HEADS } from './entities-lexicon';
import { gazetteerType, isFirstName, isNonEntityCap, isOrgSuffix, isVocabularyWord, isWorldPlace } from './gazetteer';
import { isRoleHead } from './descriptions-words';
import { isSurnameFirstName } from './given-names';
import { isCompanyHead, isVenueHead } from './name-heads';
import { isLearnedOrgHead } from './org-cues';
import type { ResolvedMention } from './entities-link';
import type { TaggedSpan } from './tagger';
import { touchesFurniture } from './page-lines';
import { type Token } from './tokens';
import type { EntityType } from './types';

const TYPE_OF: Record<string, EntityType | undefined> = { PER: 'person', LOC: 'place', ORG: 'organization' };

/**
 * Below this score margin (model units; see TaggedSpan.margin) a tag is unsure: it yields to any
 * rule that looked at the same words, typed or not, and it is dropped when no rule looked at them.
 * On eng.testa (micro P/R/F1 of the combination): 60 -> 93.0/91.6/92.26, 110 -> 93.9/90.7/92.29,
 * 160 -> 94.3/89.2/91.68. The seed article needs it too ("over Aleppo" is a place by position,
 * which an unsure "person" tag must not overrule).
 */
const UNSURE_MARGIN = 110;

/**
 * A single word the lists don't know, tagged a place, needs this mean margin over the document.
 * Places are what the lists know best (world-countries), and out of Reuters' world the tagger calls
 * surnames places ("the Assad regime", now also caught by a rule). A precision guard: on eng.testa
 * 0 (off) -> LOC P/R 95.0/92.4, micro F1 92.32; 170 -> 95.5/91.9, 92.29; 220 -> 95.5/91.1, 92.14.
 */
const UNKNOWN_PLACE_MARGIN = 170;

/** A person's full name by its look: two or more capitalised words in running text, the first no ordinary word. */
function rescuable(tokens: Token[], s: TaggedSpan): boolean {
  if (s.type !== 'PER' || s.last === s.first) return false;
  for (let i = s.first; i <= s.last; i++) {
    const t = tokens[i]!;
    if (!t.isWord || !t.isCap || t.inCapsSentence || t.isAllCaps) return false;
  }
  return !isVocabularyWord(tokens[s.first]!.lower);
}

/**
 * Tagged mentions count as position-strength evidence for document linking: a bare surname the
 * tagger typed still joins the person the article names in full ("Obama" -> "Barack Obama").
 */
const TAGGED_STRENGTH = Strength.Medium;

/**
 * The name as written, with two exceptions for words in capitals: a name the lists know in title
 * case ("LONDON" -> "London", as datelines write it), and a line set in capitals, whose words are
 * title-cased unless the article writes them in capitals in ordinary sentences too (acronyms:
 * "NASA", "BBC" keep their case) or they are dotted ("U.S.").
 */
function spanText(tokens: Token[], first: number, last: number, acronyms: ReadonlySet<string>): string {
  const written = joinWords(tokens, first, last);
  let allCaps = true;
  let capsLine = true;
  for (let i = first; i <= last; i++) {
    if (!tokens[i]!.isAllCaps) allCaps = false;
    if (!tokens[i]!.inCapsSentence) capsLine = false;
  }
  if (!allCaps) return written;
  const title = (t: Token): string => (t.text.includes('.') ? t.text : t.text.charAt(0) + t.text.slice(1).toLowerCase());
  const titled = tokens.slice(first, last + 1).map(title).join(' ');
  if (gazetteerType(titled) || isWorldPlace(titled)) return titled;
  if (!capsLine) return written;
  return tokens
    .slice(first, last + 1)
    .map((t) => (acronyms.has(t.text) ? t.text : title(t)))
    .join(' ');
}

/**
 * The tagged span without what the rules set apart: leading honorifics and titles ("Rep.",
 * "Prime Minister"), and a sentence-initial ordinary word the rules stripped ("Day-by-day Schiff"
 * when the rules' own candidate starts at "Schiff"). Null when nothing is left.
 */
function trimmed(tokens: Token[], span: TaggedSpan, titleCover: Set<number>, ruleStarts: Set<number>, ruleCover: Int32Array): TaggedSpan | null {
  let first = span.first;
  while (first <= span.last && (HONORIFICS.has(tokens[first]!.text) || titleCover.has(first))) first++;
  // Not from an organisation's name, which ordinary words often open ("Live Nation", "General Motors").
  if (first < span.last && (span.type !== 'ORG' || CLOSED_CLASS.has(tokens[first]!.lower)) && tokens[first]!.sentenceStart && ruleCover[first]! < 0 && ruleStarts.has(first + 1)) first++;
  let last = span.last;
  // A sentence's end or a closing bracket ends a name: the tagger runs on over them ("warm Jane Roe), who",
  // "lost by the Vexmoor. The Ing had"). Initials and abbreviations keep their period inside the word token; a
  // bracket opened inside the name is its own ("Mladost ( L )").
  let opened = false;
  for (let i = first; i <= last; i++) {
    const t = tokens[i]!.text;
    if (t === '(' || t === '[') opened = true;
    else if (t === '.' || t === '…' || (!opened && (t === ')' || t === ']'))) {
      last = i - 1;
      break;
    }
  }
  while (last >= first && !tokens[last]!.isWord && !(opened && (tokens[last]!.text === ')' || tokens[last]!.text === ']'))) last--;
  if (last < first) return null;
  last = beforePossessivePlace(tokens, first, last);
  // A name has a capital somewhere ("de Blasio", "al-Qaeda"); "the species" has none.
  let capital = false;
  for (let i = first; i <= last && !capital; i++) capital = /\p{Lu}/u.test(tokens[i]!.text);
  if (!capital) return null;
  // A dash the tagger carried along at the end ("Jane Roe –"), or a weekday ("Ann Roe Monday").
  while (last > first && (tokens[last]!.text === '–' || tokens[last]!.text === '—' || WEEKDAYS.has(tokens[last]!.text))) last--;
  // A role word between an organisation and a person's full name is neither's ("Fox News Host Jane Roe"); a title's
  // head stays the office's ("US Trade Representative").
  if (span.type === 'ORG' && last > first && roleBeforeName(tokens, last)) last--;
  // A line in capitals: ordinary words at the edges are the headline's, not the name's ("NASA LAUNCHES").
  if (inCapsLine(tokens, first, last) && !knownName(tokens, first, last)) {
    while (last > first && isVocabularyWord(tokens[last]!.lower) && !knownName(tokens, first, last)) last--;
    while (first < last && isVocabularyWord(tokens[first]!.lower) && !knownName(tokens, first, last)) first++;
  }
  return first > last ? null : { ...span, first, last };
}

const POSSESSIVE = /^['’]s$/;

/**
 * Where a name ends when the tagger ran on over a possessive into a place ("the BBC's North America editor",
 * "Acme's Europe head"): the owner is the name, the place is a region of its work. A possessive followed by
 * anything else stays ("People's Liberation Army", "McDonald's Corporation").
 */
function beforePossessivePlace(tokens: Token[], first: number, last: number): number {
  for (let p = first + 1; p < last; p++) {
    if (!POSSESSIVE.test(tokens[p]!.text)) continue;
    const rest = joinWords(tokens, p + 1, last);
    return gazetteerType(rest) === 'LOC' || isWorldPlace(rest) ? p - 1 : last;
  }
  return last;
}

function roleBeforeName(tokens: Token[], i: number): boolean {
  const w = tokens[i]!;
  const given = tokens[i + 1];
  const surname = tokens[i + 2];
  return !!given && !!surname && given.breakBefore === 0 && surname.breakBefore === 0 && given.isCap && surname.isCap && !w.inCapsSentence &&
    isVocabularyWord(w.text.toLowerCase()) && !isFirstName(w.text) && isFirstName(given.text) && !gazetteerType(w.text) && !TITLE_HEADS.has(w.text);
}

function inCapsLine(tokens: Token[], first: number, last: number): boolean {
  for (let i = first; i <= last; i++) if (!tokens[i]!.inCapsSentence || !tokens[i]!.isAllCaps) return false;
  return true;
}

function knownName(tokens: Token[], first: number, last: number): boolean {
  const written = joinWords(tokens, first, last);
  const titled = tokens.slice(first, last + 1).map((t) => t.text.charAt(0) + t.text.slice(1).toLowerCase()).join(' ');
  return !!(gazetteerType(written) || isWorldPlace(written) || gazetteerType(titled) || isWorldPlace(titled));
}

/**
 * In a title-case heading ("Path to Euro 2020: Who Has Qualified") casing says nothing and CoNLL
 * has few to learn from: a tag there must be twice as sure. (Results lines such as "Sheffield
 * Wednesday 2 Arsenal 1" read as headings too, so the rules can't decide alone: dropping every
 * tag there costs 0.3 ORG F1 on eng.testa.)
 */
const HEADING_MARGIN = 2 * UNSURE_MARGIN;


function inTitleCaseHeading(tokens: Token[], span: TaggedSpan): boolean {
  for (let i = span.first; i <= span.last; i++) if (!tokens[i]!.inCapsSentence || tokens[i]!.isAllCaps) return false;
  return true;
}

/**
 * A name's head word outranks the tagger's type for it: "Disney Channel" and "Vexmoor Robotics" are
 * organisations, "Harbor Amphitheatre" a place, whatever their first words look like.
 */
function headType(tokens: Token[], s: TaggedSpan): EntityType | null {
  if (s.last === s.first || s.type === 'MISC') return null;
  const head = tokens[s.last]!.text;
  const personLike = s.last - s.first === 1 && isFirstName(tokens[s.first]!.text);
  if (personLike) return null;
  if (isVenueHead(head)) return 'place';
  if ((isCompanyHead(head) || isLearnedOrgHead(head)) && s.type === 'PER') return 'organization';
  return null;
}

/** Pronouns and determiners: never a name, however a sentence capitalises them. */
const CLOSED_CLASS = new Set(['they', 'he', 'she', 'it', 'we', 'you', 'i', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'our', 'its', 'my', 'your', 'there', 'here']);

/** A lone word the rules know is no name: "CEO", "GDP", "Tuesday", "President". */
function knownNonEntity(tokens: Token[], span: TaggedSpan): boolean {
  if (span.first !== span.last) return false;
  const w = tokens[span.first]!.text;
  return NON_ENTITY_ACRONYMS.has(w) || isNonEntityCap(w) || CLOSED_CLASS.has(w.toLowerCase());
}

export function mergeCandidates(tokens: Token[], rules: Candidate[], taggedSpans: TaggedSpan[], titles: TitleEnds): Candidate[] {
  const titleCover = new Set<number>();
  for (const [end, start] of titles) for (let i = start; i <= end; i++) titleCover.add(i);
  const ruleCover = new Int32Array(tokens.length).fill(-1);
  const ruleStarts = new Set<number>();
  rules.forEach((c, k) => {
    ruleStarts.add(c.first);
    for (let i = c.first; i <= c.last; i++) ruleCover[i] = k;
  });
  // Words the article capitalises inside sentences, where the capital says something.
  const capitalisedInside = new Set<string>();
  for (const t of tokens) if (t.isCap && !t.sentenceStart && !t.inCapsSentence && !t.furniture) capitalisedInside.add(t.text);
  // "Actress Ann Roe arrived": an ordinary word opening a sentence right before a name the rules found is a role.
  const roleOpening = (s: TaggedSpan): boolean => {
    const t = tokens[s.first]!;
    return s.first === s.last && t.sentenceStart && ruleCover[s.first]! < 0 && ruleStarts.has(s.first + 1) && tokens[s.first + 1]!.breakBefore === 0 &&
      isVocabularyWord(t.text.toLowerCase()) && !capitalisedInside.has(t.text) && !gazetteerType(t.text) && !isWorldPlace(t.text);
  };
  const spans: TaggedSpan[] = [];
  for (const span of taggedSpans) {
    const s = trimmed(tokens, span, titleCover, ruleStarts, ruleCover);
    if (s && !touchesFurniture(tokens, s.first, s.last) && !knownNonEntity(tokens, s) && !(inTitleCaseHeading(tokens, s) && s.margin < HEADING_MARGIN) && !roleOpening(s)) spans.push(s);
  }
  // Document-level confidence: a string's mean margin over its mentions (-Infinity when its types
  // disagree). The mean, not the least: one unsure mention of "Arbil" among many sure ones should not
  // drop them all (0.4 LOC F1 on eng.testa); the most sure would let "the Assad regime" through.
  const docMargins = new Map<string, { type: string; sum: number; count: number }>();
  for (const s of spans) {
    const key = joinWords(tokens, s.first, s.last).toLowerCase();
    const seen = docMargins.get(key);
    if (!seen) docMargins.set(key, { type: s.type, sum: s.margin, count: 1 });
    else if (seen.type !== s.type) seen.sum = -Infinity;
    else {
      seen.sum += s.margin;
      seen.count++;
    }
  }
  const unknownPlaceUnsure = (s: TaggedSpan): boolean => {
    if (s.first !== s.last || s.type !== 'LOC') return false;
    const w = tokens[s.first]!.text;
    if (isWorldPlace(w) || gazetteerType(w)) return false;
    const seen = docMargins.get(w.toLowerCase())!;
    return seen.sum / seen.count < UNKNOWN_PLACE_MARGIN;
  };
  // Unsure tags leave the words to the rules: a rule that overlaps one wins, and alone they are dropped.
  const tagged = spans.filter((s) => !unknownPlaceUnsure(s));
  const unsure = (s: TaggedSpan): boolean => s.margin < UNSURE_MARGIN;
  // Which tagged span covers each token (-1: none).
  const cover = new Int32Array(tokens.length).fill(-1);
  tagged.forEach((s, k) => {
    for (let i = s.first; i <= s.last; i++) cover[i] = k;
  });
  const overlapping = (c: Candidate): number[] => {
    const ks = new Set<number>();
    for (let i = c.first; i <= c.last; i++) if (cover[i]! >= 0) ks.add(cover[i]!);
    return [...ks];
  };
  // A rule wins over the tags it overlaps when one is unsure; when it is firm (learned lists, the
  // article's own statements), except that a sure "organisation" beats a known place's name (teams:
  // "Atlanta beat Chicago"); and always over MISC, which CoNLL gives to whole hyphenated words that Lede
  // splits ("CIA-vetted"). Rules no tag touches are kept as they are.
  const dropped = new Set<number>();
  const rescued = new Set<number>();
  const kept: Candidate[] = [];
  for (const c of personWithPlaceSurname(tokens, withPersonCues(tokens, rules.map((r) => withRomanisedGivenName(tokens, r))), tagged, cover)) {
    if (touchesFurniture(tokens, c.first, c.last)) continue;
    const hits = overlapping(c);
    // A rule that could not type its words ("Kanye West", "U.S. Attorney Jane Roe") leaves them to
    // the tagger's reading, even an unsure one, rather than to nobody.
    if (c.type === null && !c.ordinary && !c.honorific && hits.some((k) => rescuable(tokens, tagged[k]!)) && hits.every((k) => tagged[k]!.type !== 'MISC')) {
      for (const k of hits) if (rescuable(tokens, tagged[k]!)) rescued.add(k);
      continue;
    }
    const sureOrgOfPlace = c.type === 'place' && c.strength < Strength.Context && hits.some((k) => tagged[k]!.type === 'ORG' && !unsure(tagged[k]!));
    // An organisation's name inside a longer one the tagger is sure of ("Allergy Research" in "Center for
    // Food and Allergy Research"): the longer reading stands.
    if (c.type === 'organization' && c.strength < Strength.Context && hits.length === 1) {
      const s = tagged[hits[0]!]!;
      if (s.type === 'ORG' && !unsure(s) && s.first <= c.first && s.last >= c.last && s.last - s.first > c.last - c.first && wordsOnly(tokens, s.first, s.last)) continue;
    }
    // "Sadly, …", "Paramedics could not …": an ordinary word opening a sentence, which the article never writes
    // capitalised elsewhere, is no name whatever the tagger says; only document-level linking may still make it one.
    if (c.ordinary && c.first === c.last && tokens[c.first]!.sentenceStart && hits.length === 1 && tagged[hits[0]!]!.first === c.first &&
      tagged[hits[0]!]!.last === c.last && !capitalisedInside.has(tokens[c.first]!.text)) {
      dropped.add(hits[0]!);
      kept.push(c);
      continue;
    }
    const person = miscBeforePerson(tokens, c, hits.map((k) => tagged[k]!));
    if (person) {
      for (const k of hits) dropped.add(k);
      kept.push(person);
      continue;
    }
    const firm = (c.strength >= Strength.Strong || c.honorific) && !!c.type && !sureOrgOfPlace;
    // "Kwame Bonsu said": a name the rules could not type, whose surname alone the tagger calls a person.
    if (c.type === null && !c.ordinary && !c.honorific && speechVerbAfter(tokens, c.last)) {
      const asPerson: Candidate = { ...c, type: 'person', strength: Strength.Medium };
      if (splitPersonName(tokens, asPerson, hits.map((k) => tagged[k]!))) {
        for (const k of hits) dropped.add(k);
        kept.push(asPerson);
        continue;
      }
    }
    if (hits.length === 0 || firm || splitPersonName(tokens, c, hits.map((k) => tagged[k]!)) || hits.some((k) => tagged[k]!.type === 'MISC' || unsure(tagged[k]!))) {
      for (const k of hits) dropped.add(k);
      kept.push(c);
    }
  }
  // Words the article writes in capitals within ordinary sentences: acronyms, whatever a headline does.
  const acronyms = new Set<string>();
  for (const t of tokens) if (t.isAllCaps && !t.inCapsSentence && !t.furniture) acronyms.add(t.text);
  tagged.forEach((s, k) => {
    const type = TYPE_OF[s.type];
    if (dropped.has(k) || !type || (unsure(s) && !rescued.has(k))) return;
    const text = spanText(tokens, s.first, s.last, acronyms);
    // The gazetteer's MISC words ("Democrat", "Syrian") are no names in Lede's sense.
    if (gazetteerType(text) === 'MISC') return;
    // CoNLL splits "We 've": a word with a contraction ("We’ve", "I’d") is outside what the tagger learned.
    for (let i = s.first; i <= s.last; i++) if (CONTRACTION.test(tokens[i]!.text)) return;
    const first = tokens[s.first]!;
    const last = tokens[s.last]!;
    kept.push({ first: s.first, last: s.last, start: first.start, end: last.end, text, type: headType(tokens, s) ?? type, strength: TAGGED_STRENGTH, honorific: false, ordinary: false });
  });
  return withQuotedNicknames(tokens, kept.map((c) => withLeadingParticles(tokens, c)).sort((a, b) => a.start - b.start));
}

const OPEN_QUOTES = new Set(['"', '“', '‘', "'"]);
const CLOSE_QUOTES = new Set(['"', '”', '’', "'"]);

/**
 * "Roberto “Hands of Stone” Duran", "Joaquin 'El Chapo' Ruiz": a given name, a nickname in quotation marks and a
 * surname are one person, named by the given name and the surname; whatever was found inside the quotes goes.
 */
function withQuotedNicknames(tokens: Token[], sorted: Candidate[]): Candidate[] {
  let out: Candidate[] | null = null;
  for (let n = 0; n < sorted.length; n++) {
    const given = sorted[n]!;
    const open = given.last + 1;
    const word = tokens[given.first]!.text;
    // The quotation mark first: it rules out almost every candidate, and costs no lookup.
    if (!OPEN_QUOTES.has(tokens[open]?.text ?? '') || tokens[open]!.breakBefore > 0) continue;
    if ((given.type !== 'person' && given.type !== null) || given.first !== given.last || given.honorific || isVocabularyWord(word.toLowerCase())) continue;
    let close = open + 1;
    while (close < tokens.length && close - open <= 5 && tokens[close]!.isWord && tokens[close]!.breakBefore === 0) close++;
    const inside = close - open - 1;
    if (inside < 1 || inside > 4 || !CLOSE_QUOTES.has(tokens[close]?.text ?? '') || !tokens[open + 1]!.isCap) continue;
    const k = sorted.findIndex((c, m) => m > n && c.first === close + 1);
    const surname = sorted[k];
    if (!surname || tokens[close + 1]!.breakBefore > 0 || (surname.type !== null && surname.type !== 'person') || surname.honorific) continue;
    // One of the two must be known as a person's: a given name, or a surname the article types.
    if (given.type !== 'person' && !isFirstName(word) && surname.type !== 'person') continue;
    const whole: Candidate = { ...given, last: surname.last, end: surname.end, text: `${given.text} ${surname.text}`, type: 'person', strength: given.strength >= Strength.Medium ? given.strength : Strength.Medium };
    out ??= [...sorted];
    const drop = new Set(sorted.slice(n, k + 1));
    out = out.filter((c) => !drop.has(c));
    out.push(whole);
  }
  return out ? out.sort((a, b) => a.start - b.start) : sorted;
}

/** Particles that may open a surname written without its given name ("de Klerk", "van der Sar", "bin Salman"). */
const LEADING_PARTICLES = new Set(['de', 'der', 'den', 'del', 'della', 'di', 'du', 'ter', 'ten', 'bin', 'ibn']);

/** A person's surname with the lower-case particles written right before it: "de Klerk", "van der Sar". */
function withLeadingParticles(tokens: Token[], c: Candidate): Candidate {
  if (c.type !== 'person' || c.honorific) return c;
  let first = c.first;
  while (first > 0 && c.first - first < 2 && tokens[first]!.breakBefore === 0) {
    const w = tokens[first - 1]!.text;
    // "van" alone may be the vehicle; "van der", "van den" may not.
    if (!LEADING_PARTICLES.has(w) && !(w === 'van' && first < c.first)) break;
    first--;
  }
  if (first === c.first || !NAME_PARTICLES.has(tokens[c.first - 1]!.text)) return c;
  // After a capitalised word the particle sits inside a longer name the rules split ("Joaquin del Olmo"): leave it.
  const before = tokens[first - 1];
  if (before && tokens[first]!.breakBefore === 0 && before.isWord && before.isCap && !before.sentenceStart) return c;
  const text = joinWords(tokens, first, c.first - 1) + ' ' + c.text;
  return { ...c, first, start: tokens[first]!.start, text };
}

/**
 * A two- or three-word name the rules read as a person, of which the tagger calls only the surname a
 * person, leaving the unknown given name out or typing it alone ("Ciaran" LOC + "O’Rourke" PER): one person.
 */
function splitPersonName(tokens: Token[], c: Candidate, hits: TaggedSpan[]): boolean {
  if (c.type !== 'person' || c.strength < Strength.Medium || hits.length === 0 || c.last - c.first > 2) return false;
  const sorted = [...hits].sort((a, b) => a.first - b.first);
  const surname = sorted[sorted.length - 1]!;
  if (surname.type !== 'PER' || surname.last !== c.last || surname.first <= c.first || sorted[0]!.first < c.first) return false;
  return sorted.slice(0, -1).every((s) => {
    if (s.type === 'PER' || s.first !== s.last) return false;
    const w = tokens[s.first]!.text;
    return !gazetteerType(w) && !isWorldPlace(w);
  });
}

/** "Moon Jae-in", "Ban Ki-moon", "Liu Xiaming": a surname and a romanised given name the rules could not type are a person. */
function withRomanisedGivenName(tokens: Token[], c: Candidate): Candidate {
  if (c.type !== null || c.ordinary || c.last !== c.first + 1) return c;
  const given = tokens[c.last]!.text;
  if (!isSurnameFirstName(tokens[c.first]!.text, given) || isVocabularyWord(given.toLowerCase())) return c;
  // The pattern is specific enough to outweigh the tagger, which learned few such names ("Liu Xiaming" ORG).
  return { ...c, type: 'person', strength: Strength.Strong };
}

/** A word in a personal name's shape: capitalised, then lower case ("Ehlers", "Arrizabalaga", "Chavez-Dreyfuss"). */
const NAME_WORD = /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u;

/** Two or three words that may be a personal name nobody has listed: none an ordinary word, a known place or organisation's. */
function unknownNameShape(tokens: Token[], c: Candidate): boolean {
  if (c.type !== null || c.ordinary || c.honorific || c.last === c.first || c.last - c.first > 2) return false;
  for (let i = c.first; i <= c.last; i++) {
    const t = tokens[i]!;
    if (!NAME_WORD.test(t.text) || t.inCapsSentence || (i > c.first && t.breakBefore > 0) || isVocabularyWord(t.lower) || isNonEntityCap(t.text)) return false;
    const gaz = gazetteerType(t.text);
    if ((gaz && gaz !== 'PER') || isWorldPlace(t.text)) return false;
  }
  // "San Francisco Chronicle": a place's name opens it.
  const opening = joinWords(tokens, c.first, c.first + 1);
  if (gazetteerType(opening) || isWorldPlace(opening)) return false;
  const head = tokens[c.last]!.text;
  return !isCompanyHead(head) && !isVenueHead(head) && !isOrgSuffix(head) && !isLearnedOrgHead(head);
}

/**
 * "Given Surname" with given names no list knows ("Nikolaj Ehlers", "Kepa Arrizabalaga"): the rules could not type
 * the words, but the article treats them as a person's name. Any of: a role noun right before ("keeper Kepa
 * Arrizabalaga"), a person named in full beside it in a list ("Patrik Laine and Nikolaj Ehlers"), or the surname
 * alone elsewhere with a speech verb or an honorific ("Arrizabalaga said", "Mr. Arrizabalaga").
 */
function withPersonCues(tokens: Token[], rules: Candidate[]): Candidate[] {
  const shaped = rules.map((c) => unknownNameShape(tokens, c));
  if (!shaped.includes(true)) return rules;
  // Surnames the article writes alone as a person's: "Roe said", "Mr. Roe".
  const cued = new Set<string>();
  tokens.forEach((t, i) => {
    if (!t.isCap || !t.isWord || t.furniture) return;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (next && next.breakBefore === 0 && next.isCap && next.isWord) return;
    const honorific = !!prev && t.breakBefore === 0 && HONORIFICS.has(prev.text);
    if (!honorific && (prev && t.breakBefore === 0 && prev.isCap && prev.isWord && !prev.sentenceStart)) return;
    // "The Chronicle says" is a newspaper speaking.
    if (honorific || (speechVerbAfter(tokens, i) && !CLOSED_CLASS.has(prev?.lower ?? ''))) cued.add(t.text);
  });
  const isPerson = (c: Candidate | undefined): boolean => !!c && c.type === 'person' && c.strength >= Strength.Medium && c.last > c.first;
  return rules.map((c, n) => {
    if (!shaped[n]) return c;
    const before = tokens[c.first - 1];
    const role = !!before && tokens[c.first]!.breakBefore === 0 && before.isWord && !before.isCap && isRoleHead(before.text);
    const joined = (k: number, link: number): boolean => {
      const w = tokens[link]?.text;
      return (w === 'and' || w === ',') && isPerson(rules[k]);
    };
    const listed = (n > 0 && rules[n - 1]!.last === c.first - 2 && joined(n - 1, c.first - 1)) ||
      (n + 1 < rules.length && rules[n + 1]!.first === c.last + 2 && joined(n + 1, c.last + 1));
    // The article's own word about the name outweighs the tagger's reading; a list only its unsure ones.
    if (role || cued.has(tokens[c.last]!.text)) return { ...c, type: 'person', strength: Strength.Strong };
    return listed ? { ...c, type: 'person', strength: Strength.Medium } : c;
  });
}

/**
 * "Lewis Hamilton": the lists know the first word as a person's name and the second as a town's, and the tagger is
 * sure the two are one person's name. One person (a headline's "Lebed Chechnya" gets no such tag; "Stewart Island"
 * ends in an ordinary word).
 */
function personWithPlaceSurname(tokens: Token[], rules: Candidate[], tagged: TaggedSpan[], cover: Int32Array): Candidate[] {
  let out: Candidate[] | null = null;
  for (let n = 0; n + 1 < rules.length; n++) {
    const a = rules[n]!;
    const b = rules[n + 1]!;
    if (a.type !== 'person' || b.type !== 'place' || a.first !== a.last || b.first !== a.last + 1 || b.last !== b.first) continue;
    if (tokens[b.first]!.breakBefore > 0 || tokens[a.first]!.inCapsSentence || a.honorific || isVocabularyWord(b.text.toLowerCase())) continue;
    const k = cover[a.first]!;
    const span = tagged[k];
    if (!span || cover[b.first] !== k || span.type !== 'PER' || span.first !== a.first || span.last !== b.last || span.margin < UNSURE_MARGIN) continue;
    out ??= [...rules];
    out.splice(out.indexOf(a), 2, { ...a, last: b.last, end: b.end, text: joinWords(tokens, a.first, b.last), strength: Strength.Medium });
  }
  return out ?? rules;
}

/**
 * "Englishman Gavin Roe", "former Oriole Jamie Roe": a rule's run whose first word the tagger calls MISC (a
 * nationality, a team's player) and the rest, a given name and a surname, a person it is sure of: that person.
 */
function miscBeforePerson(tokens: Token[], c: Candidate, hits: TaggedSpan[]): Candidate | null {
  if ((c.type !== null && c.type !== 'person') || c.honorific || hits.length !== 2) return null;
  const [misc, per] = [...hits].sort((a, b) => a.first - b.first) as [TaggedSpan, TaggedSpan];
  if (misc.type !== 'MISC' || misc.first !== c.first || per.type !== 'PER' || per.first !== misc.last + 1 || per.last !== c.last) return null;
  if (per.margin < UNSURE_MARGIN || per.last === per.first || !isFirstName(tokens[per.first]!.text)) return null;
  const first = tokens[per.first]!;
  return { ...c, first: per.first, start: first.start, text: joinWords(tokens, per.first, per.last), type: 'person', strength: Strength.Medium };
}

// Verbs of a person speaking, as written right after the speaker's name.
const PERSON_SPEECH_VERBS = new Set(['said', 'says', 'told', 'added', 'adds', 'explained', 'wrote', 'recalled', 'recalls']);

function speechVerbAfter(tokens: Token[], last: number): boolean {
  const next = tokens[last + 1];
  return !!next && next.breakBefore === 0 && PERSON_SPEECH_VERBS.has(next.text);
}

const CONTRACTION = /['’](?:t|re|ve|ll|d|m)$/i;

/** Words only, no possessive or punctuation: "Vox Media’s Code Media" is two names. */
function wordsOnly(tokens: Token[], first: number, last: number): boolean {
  for (let i = first; i <= last; i++) if (!tokens[i]!.isWord || /^['’]s$/.test(tokens[i]!.text)) return false;
  return true;
}

/** All capitals, opening a line, and followed by a comma, dash, bracket or a date. */
function isDatelineMention(tokens: Token[], first: number, last: number): boolean {
  if (first > 0 && tokens[first]!.breakBefore === 0) return false;
  for (let i = first; i <= last; i++) if (!tokens[i]!.isAllCaps) return false;
  const next = tokens[last + 1];
  return !next || next.breakBefore > 0 || [',', '-', '—', '–', '('].includes(next.text) || /^\d/.test(next.text);
}

/** How much one mention's type counts in the page's vote (by the strength of its evidence). */
const VOTE_WEIGHT: Record<Strength, number> = { 0: 0.5, 1: 1, 2: 2, 3: 3, 4: 6 };

/**
 * One name, one type per page: when the same words were typed differently in different places
 * ("Lexus" a company here and a person there), every mention takes the type with the most
 * evidence across the page (ties: the strongest single mention, then the first).
 */
export function oneTypePerName(tokens: Token[], mentions: ResolvedMention[]): ResolvedMention[] {
  const groups = new Map<string, ResolvedMention[]>();
  for (const m of mentions) {
    // A dateline ("NEW YORK 1996-08-30", "CHICAGO, Ill. —") names the place the story was filed from,
    // whatever else the page calls a team or company of the same name.
    if (isDatelineMention(tokens, m.candidate.first, m.candidate.last)) continue;
    const group = groups.get(m.candidate.text);
    if (group) group.push(m);
    else groups.set(m.candidate.text, [m]);
  }
  const retyped = new Map<ResolvedMention, { type: EntityType; name: string }>();
  for (const group of groups.values()) {
    if (group.every((m) => m.type === group[0]!.type)) continue;
    const votes = new Map<EntityType, { sum: number; best: number; first: number }>();
    group.forEach((m, i) => {
      const w = VOTE_WEIGHT[m.candidate.strength];
      const v = votes.get(m.type);
      if (!v) votes.set(m.type, { sum: w, best: w, first: i });
      else {
        v.sum += w;
        v.best = Math.max(v.best, w);
      }
    });
    const [winner] = [...votes.entries()].sort(([, a], [, b]) => b.sum - a.sum || b.best - a.best || a.first - b.first)[0]!;
    // The winning type's usual name: a surname joins the person its other mentions were linked to.
    const names = new Map<string, number>();
    for (const m of group) if (m.type === winner) names.set(m.name, (names.get(m.name) ?? 0) + 1);
    const name = [...names.entries()].sort(([, a], [, b]) => b - a)[0]![0];
    for (const m of group) if (m.type !== winner) retyped.set(m, { type: winner, name });
  }
  // A "person" whose name opens an organisation's longer name on the page is that organisation ("Big
  // Machine" beside "Big Machine Records", "Zentara" beside "Zentara Channel"), unless the article
  // says otherwise ("Mr. Zentara").
  const orgNames = new Set<string>();
  for (const m of mentions) if ((retyped.get(m)?.type ?? m.type) === 'organization') orgNames.add(m.candidate.text);
  const orgPrefixes = new Set<string>();
  for (const name of orgNames) {
    const words = name.split(' ');
    for (let k = 1; k < words.length; k++) orgPrefixes.add(words.slice(0, k).join(' '));
  }
  // Words of people the page names in full: "Trump" beside "Trump Foundation" is still Donald Trump.
  const personWords = new Set<string>();
  for (const m of mentions) {
    if ((retyped.get(m)?.type ?? m.type) !== 'person') continue;
    const words = m.name.split(' ');
    if (words.length > 1) for (const w of words) personWords.add(w);
  }
  for (const m of mentions) {
    const type = retyped.get(m)?.type ?? m.type;
    // Places stay places ("Indiana" beside "Indiana State Teachers Association").
    if (type !== 'person' || m.candidate.strength >= Strength.Context || m.candidate.honorific || m.name !== m.candidate.text) continue;
    // The lists' people too: "Obama" beside "the Obama National Security Council".
    if (!orgPrefixes.has(m.candidate.text) || m.candidate.text.split(' ').some((w) => personWords.has(w)) || gazetteerType(m.candidate.text) === 'PER') continue;
    retyped.set(m, { type: 'organization', name: m.candidate.text });
  }
  const typed = retyped.size === 0 ? mentions : mentions.map((m) => (retyped.has(m) ? { ...m, ...retyped.get(m)! } : m));
  return withOrgShortForms(tokens, typed, personWords);
}

/**
 * "Ulta Beauty … Ulta said": an organisation first named in full and then by its first word alone.
 * The short form joins the full name's entity (same type, same card) wherever the page writes it,
 * found or not, unless the article makes it a person ("Mr. Ulta") or the word is a place, a given
 * name, an ordinary word or part of a person's name on the page. A first word shared by two
 * organisations ("Acme Labs", "Acme Foods") stands for neither.
 */
function withOrgShortForms(tokens: Token[], mentions: ResolvedMention[], personWords: ReadonlySet<string>): ResolvedMention[] {
  const owners = new Map<string, string | null>();
  /** Where each organisation is first named in full. */
  const firstFull = new Map<string, number>();
  const fullNames = new Map<string, Map<string, string[]>>();
  for (const m of mentions) {
    const { first, last } = m.candidate;
    if (m.type !== 'organization' || last === first || last - first > 3 || m.name !== m.candidate.text || !plainWords(tokens, first, last)) continue;
    if (!firstFull.has(m.name)) firstFull.set(m.name, m.candidate.start);
    // Indexed by the last word: a mention can only be the tail of names ending as it does.
    const lastWord = tokens[last]!.text;
    const named = fullNames.get(lastWord) ?? new Map<string, string[]>();
    named.set(m.name, m.name.split(' '));
    fullNames.set(lastWord, named);
    const word = tokens[first]!;
    // Only a name that ends as companies' do ("Orrin Beauty", not a product's "Orrin Move") lends its first word.
    const head = tokens[last]!.text;
    if (!(isCompanyHead(head) || isLearnedOrgHead(head) || isOrgSuffix(head))) continue;
    if (!shortFormWord(word.text) || personWords.has(word.text) || word.isAllCaps) continue;
    const owner = owners.get(word.text);
    if (owner === undefined) owners.set(word.text, m.name);
    else if (owner !== m.name) owners.set(word.text, null);
  }
  if (fullNames.size === 0) return mentions;
  const covered = new Uint8Array(tokens.length);
  for (const m of mentions) covered.fill(1, m.candidate.first, m.candidate.last + 1);
  const out: ResolvedMention[] = mentions.map((m) => {
    const whole = wholeName(tokens, m, fullNames);
    if (whole) return whole;
    const owner = m.candidate.first === m.candidate.last ? owners.get(m.candidate.text) : undefined;
    if (!owner || m.candidate.start < firstFull.get(owner)! || m.candidate.honorific || (m.type === 'person' && m.candidate.strength >= Strength.Context)) return m;
    if (m.type === 'place' && m.candidate.strength >= Strength.Context) return m;
    return { ...m, type: 'organization', name: owner };
  });
  let added = false;
  // Lone words of a short form: only where some organisation lends its first word.
  if (owners.size > 0) tokens.forEach((t, i) => {
    const owner = owners.get(t.text);
    if (!owner || covered[i] || t.furniture || !t.isWord || t.start < firstFull.get(owner)!) return;
    // A word of a longer capitalised run is part of another name ("Ulta Labs").
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if ((prev && t.breakBefore === 0 && prev.isWord && prev.isCap) || (next && next.breakBefore === 0 && next.isWord && next.isCap)) return;
    if (prev && t.breakBefore === 0 && HONORIFICS.has(prev.text)) return;
    const candidate: Candidate = { first: i, last: i, start: t.start, end: t.end, text: t.text, type: 'organization', strength: Strength.Medium, honorific: false, ordinary: false };
    out.push({ candidate, type: 'organization', name: owner });
    added = true;
  });
  return added ? out.sort((a, b) => a.candidate.start - b.candidate.start) : out;
}

/** Capitalised words only: no connectors, possessives or punctuation ("Acme Beauty", not "Acme ’s"). */
function plainWords(tokens: Token[], first: number, last: number): boolean {
  for (let i = first; i <= last; i++) {
    const t = tokens[i]!;
    if (!t.isWord || !t.isCap || t.inCapsSentence || (i > first && t.breakBefore > 0)) return false;
  }
  return true;
}

/**
 * A mention that is the tail of an organisation's full name written right before it ("Depot" after a
 * sentence-initial "Home" the rules set apart as an ordinary word): the whole name.
 */
function wholeName(tokens: Token[], m: ResolvedMention, fullNames: ReadonlyMap<string, ReadonlyMap<string, string[]>>): ResolvedMention | null {
  const c = m.candidate;
  if (c.honorific || (c.strength >= Strength.Context && m.type !== 'organization')) return null;
  for (const [name, words] of fullNames.get(tokens[c.last]!.text) ?? []) {
    const mine = c.last - c.first + 1;
    const missing = words.length - mine;
    if (missing <= 0 || c.first < missing || tokens[c.first]!.breakBefore > 0) continue;
    let same = true;
    for (let k = 0; k < words.length && same; k++) same = tokens[c.first - missing + k]!.text === words[k];
    for (let k = c.first - missing + 1; k <= c.first && same; k++) same = tokens[k]!.breakBefore === 0;
    if (!same) continue;
    const first = c.first - missing;
    return { candidate: { ...c, first, start: tokens[first]!.start, text: name }, type: 'organization', name };
  }
  return null;
}

/** A word that can stand for an organisation alone: no place, given name, ordinary word or title. */
function shortFormWord(word: string): boolean {
  if (word.length < 3 || /[^\p{L}\p{M}'’-]/u.test(word)) return false;
  return !isWorldPlace(word) && !gazetteerType(word) && !isFirstName(word) && !isVocabularyWord(word.toLowerCase()) && !isNonEntityCap(word) && !HONORIFICS.has(word);
}
