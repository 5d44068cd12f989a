// Names that are ordinary words the article itself uses as ordinary words. A capital at a
// sentence's start or on a title-case heading line says nothing, so a one-word "name" seen only
// there ("Neon signs exist today", a subhead "Hibernation") is a common noun when the article
// also writes it in lower case ("neon", "hibernation"), or when it is a word the lists know as an
// ordinary word. A name the article also capitalises mid-sentence, puts after "Mr." or a title,
// or writes in full elsewhere (the mention then belongs to a longer name) keeps it.
import ordinaryData from '../model/ordinary.json';
import { commonAcronyms } from './acronym-nouns';
import { NON_ENTITY_ACRONYMS, Strength } from './entities-classify';
import type { ResolvedMention } from './entities-link';
import { gazetteerType, guessWordType, isFirstName, isOrgSuffix, isVocabularyWord, isWorldPlace } from './gazetteer';
import { isCompanyHead } from './name-heads';
import { isLearnedOrgHead } from './org-cues';
import { firstNameGender } from './name-gender';
import type { Token } from './tokens';

/** Words that never end a name: a tagger span that runs on over an initial's period ("Group D. The day"). */
const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'if', 'when', 'while', 'with', 'as', 'but', 'and', 'or', 'so', 'then', 'there', 'here', 'this',
  'that', 'these', 'those', 'it', 'its', 'he', 'she', 'we', 'they', 'you', 'his', 'her', 'their', 'our', 'in', 'on',
  'at', 'of', 'for', 'to', 'by', 'from', 'after', 'before', 'since', 'because', 'although', 'though', 'what', 'who',
  'how', 'why', 'where', 'which', 'not', 'no', 'yes', 'all', 'some', 'many', 'most', 'also', 'still', 'yet',
]);

/** English words usually written in lower case (scripts/train-ordinary.ts). */
const ordinaryWords = new Set<string>(ordinaryData.words.split(' '));

/** A word of the lists' ordinary vocabulary, from news or from everyday English. */
export function listedWord(lower: string): boolean {
  return isVocabularyWord(lower) || ordinaryWords.has(lower);
}

/** "Hurricanes 4, Blackhawks 2": a team's name on a results line, however ordinary the word. */
function beforeScore(tokens: Token[], m: ResolvedMention): boolean {
  const next = tokens[m.candidate.last + 1];
  return !!next && next.breakBefore === 0 && /^\d+$/.test(next.text) && tokens[m.candidate.last + 2]?.text === ',';
}

/** The token's capital says nothing: it opens a sentence, a line or a quotation, or sits on a heading line. */
function weakPosition(t: Token): boolean {
  return t.sentenceStart || t.breakBefore > 0 || t.inCapsSentence;
}

interface ArticleCasing {
  /** Lower-case word forms written in the article (its ordinary vocabulary). */
  lower: Set<string>;
  /** Words capitalised where a capital means something (mid-sentence), standing alone. */
  alone: Set<string>;
  /** The same inside a run of capitalised words ("the Neon Museum"). */
  inRun: Set<string>;
}

function capitalWord(t: Token | undefined): boolean {
  return !!t && t.isWord && t.isCap;
}

function articleCasing(tokens: Token[]): ArticleCasing {
  const casing: ArticleCasing = { lower: new Set(), alone: new Set(), inRun: new Set() };
  tokens.forEach((t, i) => {
    if (!t.isWord) return;
    if (!t.isCap) casing.lower.add(t.text);
    else if (!weakPosition(t)) {
      const next = tokens[i + 1];
      const run = capitalWord(tokens[i - 1]) || (capitalWord(next) && next!.breakBefore === 0);
      (run ? casing.inRun : casing.alone).add(t.text);
    }
  });
  return casing;
}

/**
 * Is this one-word name an ordinary word here? Written in lower case by the article, it must stand
 * alone capitalised mid-sentence somewhere to be a name (inside "the Neon Museum" it is that
 * museum's word); known only as an ordinary word of the lists, any capital mid-sentence will do.
 */
function ordinaryWord(name: string, casing: ArticleCasing): boolean {
  if (casing.alone.has(name)) return false;
  const w = name.toLowerCase();
  if (casing.lower.has(w)) return true;
  return (listedWord(w) || SENTENCE_OPENERS.has(w)) && !casing.inRun.has(name);
}

/**
 * Words that open sentences and are never names alone, which the word lists leave out: auxiliaries
 * asking a question ("Do you think…"), answers and interjections ("Yep, that's right"), warnings.
 */
const SENTENCE_OPENERS = new Set([
  'do', 'does', 'did', 'is', 'are', 'was', 'were', 'can', 'could', 'would', 'should', 'shall', 'will', 'have', 'has',
  'yep', 'yup', 'yeah', 'nope', 'nah', 'okay', 'ok', 'oh', 'wow', 'hey', 'alas', 'beware', 'please', 'thanks', 'sorry',
]);

/** Words a gerund's phrase goes on with: "Clinching in November", "Spending on roads", "Building a wall". */
const GERUND_NEXT = new Set(['in', 'on', 'for', 'at', 'to', 'with', 'from', 'into', 'over', 'up', 'out', 'a', 'an', 'the', 'this', 'that', 'your', 'my', 'our', 'their', 'more', 'less']);

/**
 * "Clinching in November", "Spending on roads": an -ing form of an ordinary word ("clinch", "spend")
 * opening its phrase. Surnames so spelled ("Harding said") are followed by their verb.
 */
function gerundOpener(tokens: Token[], m: ResolvedMention): boolean {
  const w = m.candidate.text.toLowerCase();
  if (!w.endsWith('ing') || w.length < 7 || m.candidate.first !== m.candidate.last) return false;
  const stem = w.slice(0, -3);
  if (!ordinaryWords.has(stem) && !ordinaryWords.has(`${stem}e`)) return false;
  const next = tokens[m.candidate.last + 1];
  return !next || next.breakBefore > 0 || (next.isWord && GERUND_NEXT.has(next.text));
}

/** A span that runs on over an initial's period into the next sentence's first word: "Group D. The". */
function endsInFunctionWord(tokens: Token[], m: ResolvedMention): boolean {
  const { first, last } = m.candidate;
  const t = tokens[last]!;
  return last > first && !t.isAllCaps && FUNCTION_WORDS.has(t.lower) && tokens[last - 1]!.text.endsWith('.');
}

function knownName(name: string): boolean {
  const type = gazetteerType(name);
  return (type !== undefined && type !== 'MISC') || isWorldPlace(name) || isFirstName(name);
}

/** Words written in capitals for emphasis ("your GREAT Governor", "ONLY compatible"); no agency is called so. */
const SHOUTED = new Set([
  'GREAT', 'ONLY', 'NOT', 'NEVER', 'ALWAYS', 'VERY', 'REALLY', 'MUST', 'TOTAL', 'TOTALLY', 'HUGE', 'BEST', 'WORST', 'MORE',
  'MOST', 'FREE', 'BREAKING', 'EXCLUSIVE', 'UPDATE', 'UPDATED', 'WATCH', 'READ', 'MORE', 'STRONG', 'BAD', 'SAD', 'FAKE',
  'WILL', 'WORK', 'DO', 'DON’T', "DON'T", 'YES', 'ALL', 'ANY', 'EVERY', 'BIG', 'NEW', 'NOW', 'OFF', 'SALE', 'DEAL', 'DEALS',
]);

/**
 * A lone all-capitals word no list knows as a name that is a thing's acronym ("GSM", "ECG") or a
 * word shouted for emphasis: no one's name.
 */
function thingAcronym(name: string): boolean {
  return /^\p{Lu}{2,8}$/u.test(name) && (NON_ENTITY_ACRONYMS.has(name) || SHOUTED.has(name));
}

/** Nouns a thing's name stands before: "the Europa Clipper mission", "the Hazel Hen supercomputer". */
const THING_NOUNS = new Set([
  'mission', 'missions', 'spacecraft', 'rover', 'probe', 'telescope', 'supercomputer', 'satellite', 'satellites', 'lander',
  'orbiter', 'rocket', 'capsule', 'app', 'apps', 'smartphone', 'phone', 'console', 'chip', 'processor', 'vaccine', 'drug',
  'device', 'headphones', 'laptop', 'game', 'games', 'franchise', 'software',
]);

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'our', 'this', 'that', 'other', 'any', 'every', '’s', "'s"]);

/**
 * A person's name does not stand before "mission" or "supercomputer": the mention names a thing.
 * One that opens with a given name counts only after a determiner ("the Hazel Hen supercomputer") or
 * another capitalised word: "Jane Roe mission" is not how news writes a person.
 */
function namesAThing(tokens: Token[], group: ResolvedMention[]): boolean {
  return group.some((m) => {
    const { first, last } = m.candidate;
    const next = tokens[last + 1];
    if (m.candidate.honorific || !next || next.breakBefore > 0 || !THING_NOUNS.has(next.text)) return false;
    const before = tokens[first - 1];
    // After a determiner, or as the tail of a longer capitalised name ("Europa Clipper"), or not a given name.
    return (!!before && (DETERMINERS.has(before.lower) || (before.isWord && before.isCap && before.end < tokens[first]!.start))) || !isFirstName(tokens[first]!.text);
  }) && group.every((m) => !m.candidate.honorific);
}

/** A page's time stamp opens with these: "Updated: Tue., Nov. 19", "Published 11:11 PM". */
const STAMP_WORDS = new Set(['Updated', 'Published', 'Posted']);

/**
 * "Additionally, …", "Sadly, …": an adverb in -ly opening a sentence, set off by a comma; or a time
 * stamp's first word. Given names that end so ("Emily, …") are names.
 */
function openingAdverb(tokens: Token[], m: ResolvedMention): boolean {
  const { first, last } = m.candidate;
  const t = tokens[first]!;
  if (first !== last || m.candidate.honorific || !weakPosition(t)) return false;
  if (STAMP_WORDS.has(t.text)) return true;
  return /\p{Ll}ly$/u.test(t.text) && tokens[first + 1]?.text === ',' && !isFirstName(t.text) && firstNameGender(t.text) === 'unknown';
}

const SPEECH_VERBS = new Set(['said', 'says', 'told', 'added', 'wrote', 'asked', 'explained', 'noted']);

/**
 * A plural of an ordinary word or of a nationality is a group, not a person ("Gophers", "Paramedics",
 * "Ukrainians"), unless a mention says it is one: "Mr. Banks", "Banks said".
 */
function groupNoun(tokens: Token[], name: string, group: ResolvedMention[]): boolean {
  if (!/\p{Ll}s$/u.test(name) || name.endsWith('ss')) return false;
  const singular = name.slice(0, -1);
  const demonym = gazetteerType(singular) === 'MISC';
  const lower = name.toLowerCase();
  if (!demonym && !(listedWord(lower) && listedWord(singular.toLowerCase()))) return false;
  return group.every((m) => {
    const next = tokens[m.candidate.last + 1];
    // A nationality's plural is never one person, whatever follows it ("Ukrainians said").
    return m.candidate.first === m.candidate.last && !m.candidate.honorific && (demonym || !(next && SPEECH_VERBS.has(next.text)));
  });
}

// Contractions are never names: "We'll", "Don't".
const CONTRACTION = /['’](?:t|re|ve|ll|d|m|s)$/i;

const MAX_SUBHEAD_WORDS = 10;
/** "Part Three: The": a heading's label and article before the name, in tokens. */
const MAX_LABEL_TOKENS = 8;
const SENTENCE_END = new Set(['.', '!', '?', '…']);

/**
 * Tokens first..last open a heading: a title-case heading line (markHeadingLines) or a short line
 * with no sentence end, at its start or after its label's colon ("Part Three: The New Empires").
 * Sentence starts don't count ("Blue Origin's lander"), nor names inside listing lines.
 */
function opensHeading(tokens: Token[], first: number, last: number): boolean {
  // The line's start, looked for a few tokens back only: a heading's label is short.
  let start = first;
  while (start > 0 && tokens[start]!.breakBefore === 0 && first - start < MAX_LABEL_TOKENS) start--;
  if (start > 0 && tokens[start]!.breakBefore === 0) return false;
  let k = first - 1;
  while (k >= start && /^(?:The|A|An)$/.test(tokens[k]!.text)) k--;
  if (k >= start && !(tokens[k]!.text === ':' && k - start <= 4)) return false;
  let heading = true;
  for (let i = first; i <= last; i++) if (!tokens[i]!.inCapsSentence || tokens[i]!.isAllCaps) heading = false;
  if (heading) return true;
  let words = 0;
  let end = start;
  for (; end < tokens.length && (end === start || tokens[end]!.breakBefore === 0); end++) {
    if (tokens[end]!.isWord && ++words > MAX_SUBHEAD_WORDS) return false;
  }
  return !SENTENCE_END.has(tokens[end - 1]!.text);
}

/**
 * A phrase of ordinary words seen on headings only ("Life Support Systems", "The Birth of Chaos"):
 * a heading's words, not a name (sentence starts don't count: "Blue Origin's lander"). Every capitalised word must
 * be an ordinary word of the lists or of the article, and none a first name.
 */
function ordinaryPhrase(tokens: Token[], group: ResolvedMention[], casing: ArticleCasing): boolean {
  return group.every((m) => {
    const { first, last } = m.candidate;
    if (m.candidate.honorific || !opensHeading(tokens, first, last)) return false;
    for (let i = first; i <= last; i++) {
      const t = tokens[i]!;
      if (!t.isWord) return false;
      if (!t.isCap) continue;
      if (!/^\p{Lu}\p{Ll}+$/u.test(t.text) || isFirstName(t.text)) return false;
      const w = t.lower;
      if (!casing.lower.has(w) && !listedWord(w)) return false;
    }
    return true;
  });
}

/**
 * A "person" no given name opens, whose last word is an ordinary word and who is never called by
 * that last word alone ("Liquid Retina", "Neural Engine", "Chromecast Ultra Stereo"): a product's or
 * feature's name. A person's surname is seldom an ordinary word the lists know as no surname, and
 * news refers back to people by it.
 */
/**
 * Last words that make a title-case phrase a law, an event, a market index or a product line, none
 * of them a name Lede highlights: "the Data Retention Bill", "the First Amendment", "the Velmora Film
 * Festival", "the Quanto Index", "the Auto Show", "the Apple Watch Series".
 */
const LAW_AND_EVENT_HEADS = new Set([
  'Bill', 'Act', 'Amendment', 'Treaty', 'Accord', 'Doctrine', 'Index', 'Festival', 'Expo', 'Show', 'Awards',
  'Olympics', 'Marathon', 'Championship', 'Championships', 'Series',
]);

/** A phrase of two words or more, no person's, that ends in a law's or an event's head word. */
function lawOrEvent(tokens: Token[], group: ResolvedMention[]): boolean {
  return group.every((m) => {
    const { first, last } = m.candidate;
    return m.type !== 'person' && !m.candidate.honorific && last > first && LAW_AND_EVENT_HEADS.has(tokens[last]!.text);
  });
}

/** Spelling probability of "person" above which an unknown opener reads as a given name. */
const PRODUCT_OPENER_PERSON_GUESS = 0.5;

function productPhrase(tokens: Token[], group: ResolvedMention[], casing: ArticleCasing): boolean {
  return group.every((m) => {
    const { first, last } = m.candidate;
    if (m.type !== 'person' || m.candidate.honorific || m.candidate.strength >= Strength.Context || last === first || m.candidate.text !== m.name) return false;
    const opener = tokens[first]!.text;
    const end = tokens[last]!;
    if (isFirstName(opener) || firstNameGender(opener) !== 'unknown' || gazetteerType(opener) === 'PER' || gazetteerType(end.text) === 'PER') return false;
    // An opener spelled like a given name ("Masayoshi Son", "Holly Hunter") keeps the person.
    const guess = guessWordType(opener);
    if (!ordinaryWords.has(opener.toLowerCase()) && guess?.type === 'PER' && guess.probability >= PRODUCT_OPENER_PERSON_GUESS) return false;
    // Initials and function words make personal names ("M. Butcher", "Liu He", "Hla Than"), never products.
    if (!/^\p{Lu}\p{Ll}+$/u.test(opener) || !/^\p{Lu}\p{Ll}+$/u.test(end.text) || casing.alone.has(end.text) || FUNCTION_WORDS.has(end.lower) || /^(?:than|such|he)$/.test(end.lower)) return false;
    return ordinaryWords.has(end.lower) || casing.lower.has(end.lower);
  });
}

/** Lower-case words a title-case line keeps besides its capitalised ones. */
const TITLE_LINE_SMALL_WORDS = new Set(["'s", '’s', 'a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'as', 'vs', 'via', 'into', 'over', 'up', 'off', 'out', 'is', 'are', 'its']);

/** Capitalised words inside a name that only glue across a headline: "X Unite With Y", "X Is". */
const GLUE_WORDS = new Set(['With', 'Is', 'Are', 'Was', 'To', 'For', 'On', 'At', 'In', 'From', 'Into', 'After', 'Over', 'Says', 'Will', 'Might', 'Could', 'Would', 'Can']);

/**
 * Per token, whether its line is written in title case: three capitalised words at least and no
 * lower-case word but small ones, whatever ends it ("X Stock Is Falling After Its Release.").
 */
function titleCaseLines(tokens: Token[]): Uint8Array {
  const out = new Uint8Array(tokens.length);
  let first = 0;
  while (first < tokens.length) {
    let end = first + 1;
    while (end < tokens.length && tokens[end]!.breakBefore === 0) end++;
    let caps = 0;
    let title = true;
    for (let i = first; i < end && title; i++) {
      const t = tokens[i]!;
      if (!t.isWord || !/^\p{L}/u.test(t.text)) continue;
      if (t.isCap) caps++;
      else if (!TITLE_LINE_SMALL_WORDS.has(t.text)) title = false;
    }
    if (title && caps >= 3) out.fill(1, first, end);
    first = end;
  }
  return out;
}

/** Words capitalised mid-sentence off the title-case lines: what the body itself capitalises. */
function bodyCapitals(tokens: Token[], titleLines: Uint8Array): Set<string> {
  const out = new Set<string>();
  tokens.forEach((t, i) => {
    if (t.isWord && t.isCap && !titleLines[i] && !weakPosition(t)) out.add(t.text);
  });
  return out;
}

/** A word the article writes in lower case and the body never capitalises, no organisation's head. */
function headlineWord(t: Token, casing: ArticleCasing, body: ReadonlySet<string>): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(t.text) || body.has(t.text) || isFirstName(t.text)) return false;
  if (isCompanyHead(t.text) || isOrgSuffix(t.text) || isLearnedOrgHead(t.text)) return false;
  return casing.lower.has(t.lower);
}

/**
 * A name of several words seen only on title-case lines, with a word inside it that only glues a
 * headline ("X Unite With", "X Is"), or for a person one the article writes in lower case ("X Stock"):
 * the headline's words run together, not a name. The names inside it come back in the body.
 */
function headlineGlue(tokens: Token[], group: ResolvedMention[], casing: ArticleCasing, titleLines: Uint8Array, body: ReadonlySet<string>): boolean {
  return group.every((m) => {
    const { first, last } = m.candidate;
    if (m.candidate.honorific || last === first) return false;
    for (let i = first; i <= last; i++) if (!titleLines[i]) return false;
    for (let i = first + 1; i <= last; i++) {
      const t = tokens[i]!;
      if (!t.isWord || !t.isCap || t.isAllCaps) continue;
      if (GLUE_WORDS.has(t.text)) return true;
      // A person's name holds no word the article writes in lower case ("X Stock"); a company's may ("X Music Center").
      if (m.type === 'person' && /^\p{Lu}\p{Ll}+$/u.test(t.text) && casing.lower.has(t.text.toLowerCase()) && !isFirstName(t.text)) return true;
      // An organisation's may too, but then the body writes it capitalised: a word the body writes in lower case
      // only ("X Picks Y", "The Doobie Brothers Unite") is the headline's, unless it is an organisation's head word.
      if (m.type === 'organization' && headlineWord(t, casing, body)) return true;
    }
    return false;
  });
}

/**
 * Drops mentions of one-word names the article only capitalises where capitals say nothing and
 * otherwise uses as an ordinary word, and mentions whose last word is a function word.
 */
export function dropCommonWordNames(tokens: Token[], mentions: ResolvedMention[]): ResolvedMention[] {
  const byName = new Map<string, ResolvedMention[]>();
  for (const m of mentions) {
    const key = `${m.type}:${m.name}`;
    const group = byName.get(key);
    if (group) group.push(m);
    else byName.set(key, [m]);
  }
  let casing: ArticleCasing | null = null;
  let titleLines: Uint8Array | null = null;
  let body: Set<string> | null = null;
  const drop = new Set<ResolvedMention>();
  const acronyms = commonAcronyms(tokens);
  for (const group of byName.values()) {
    const name = group[0]!.name;
    // "hypersensitivity pneumonitis, or HP", "11:21 pm CST", "2 TFL": capitals that name no one.
    if (acronyms.has(name)) {
      for (const m of group) drop.add(m);
      continue;
    }
    // The entity was named by the glued span; its lone "The" mentions go with it.
    if (group.some((m) => endsInFunctionWord(tokens, m))) {
      for (const m of group) drop.add(m);
      continue;
    }
    if (knownName(name)) continue;
    if (thingAcronym(name)) {
      for (const m of group) drop.add(m);
      continue;
    }
    if (group[0]!.type === 'person' && namesAThing(tokens, group)) {
      for (const m of group) drop.add(m);
      continue;
    }
    if (name.includes(' ')) {
      casing ??= articleCasing(tokens);
      titleLines ??= titleCaseLines(tokens);
      body ??= bodyCapitals(tokens, titleLines);
      if (ordinaryPhrase(tokens, group, casing) || headlineGlue(tokens, group, casing, titleLines, body) || productPhrase(tokens, group, casing) || lawOrEvent(tokens, group)) for (const m of group) drop.add(m);
      continue;
    }
    if (CONTRACTION.test(name)) {
      for (const m of group) drop.add(m);
      continue;
    }
    if (!/^\p{Lu}\p{Ll}/u.test(name)) continue;
    if (group.every((m) => openingAdverb(tokens, m))) {
      for (const m of group) drop.add(m);
      continue;
    }
    if (group[0]!.type === 'person' && groupNoun(tokens, name, group)) {
      for (const m of group) drop.add(m);
      continue;
    }
    const onlyWeak = group.every((m) => m.candidate.first === m.candidate.last && !m.candidate.honorific && (weakPosition(tokens[m.candidate.first]!) || opensHeading(tokens, m.candidate.first, m.candidate.last)) && !beforeScore(tokens, m));
    if (!onlyWeak) continue;
    casing ??= articleCasing(tokens);
    if (ordinaryWord(name, casing) || (!casing.alone.has(name) && group.every((m) => gerundOpener(tokens, m)))) for (const m of group) drop.add(m);
  }
  return drop.size === 0 ? mentions : mentions.filter((m) => !drop.has(m));
}
