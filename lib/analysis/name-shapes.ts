// Mentions whose own words say what they are, whatever typed them. A holiday ("Diwali", "Thanksgiving") or a
// named storm ("Hurricane Sandy") is a date or an event; a lone capital letter ("an S line model", "T cells"), a
// weekday's abbreviation in a time stamp ("Tue, Nov 19") and a photo credit's "File" name no one. A "person"
// named like an address ("1909 Vexley Drive"), like a district ("Wichita North") or like a planet is a place.
// Mentions the article itself types ("Mr. X", "X spokesman") are left alone.
import companyData from '../model/companies.json';
import holidayData from '../model/holidays.json';
import { listedWord } from './common-word-names';
import { WEEKDAYS } from './entities-candidates';
import { Strength } from './entities-classify';
import { HONORIFICS, TITLE_HEADS, TITLE_MODIFIERS } from './entities-lexicon';
import type { ResolvedMention } from './entities-link';
import { gazetteerType, isFirstName, isNewsSurname, isOrgSuffix, isVocabularyWord, isWorldPlace } from './gazetteer';
import { isGivenName } from './given-names';
import { firstNameGender } from './name-gender';
import { isCompanyHead } from './name-heads';
import { isLearnedOrgHead, orgCueAround } from './org-cues';
import type { Token } from './tokens';

/** English names of holidays and festivals worldwide (scripts/train-holidays.ts, from `date-holidays`). */
const HOLIDAYS = new Set<string>(holidayData.names.split('|'));

/** Words that open a storm's name: "Hurricane Sandy", "Typhoon Hagibis", "Tropical Storm Imelda". */
const STORM_WORDS = new Set(['Hurricane', 'Typhoon', 'Cyclone', 'Storm']);

const WEEKDAY_ABBREVIATIONS = new Set(['Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun']);
const MONTH = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)(?:[a-z]*)\.?$/;

/** Last words of street names: "Vexley Drive", "Caldwell Place". ("Lane" and "Court" end people's names too.) */
const STREET_WORDS = new Set(['Drive', 'Street', 'Avenue', 'Road', 'Boulevard', 'Place', 'Terrace', 'Parkway', 'Highway', 'Ave.', 'Blvd.', 'Rd.']);
/** First words of street names written the French way: "Boulevard Montmartre", "Rue Cler". */
const STREET_OPENERS = new Set(['Boulevard', 'Rue', 'Avenue']);
/** Last words of districts, constituencies and the schools named after them: "Wichita Heights", "Kowloon West". */
const DISTRICT_WORDS = new Set(['Heights', 'Central']);
/** The same, but surnames too ("Kanye West"): a district only beside its town or a sibling district. */
const COMPASS_WORDS = new Set(['North', 'South', 'East', 'West']);

/** A town joined to a Saint, Fort or Mount town: "Minneapolis-St. Paul", "Dallas-Ft. Worth". */
const TWIN_TOWN = /^\p{Lu}\p{L}+-(?:St|Ft|Mt)\.$/u;

/** The planets, the Moon and the moons news writes about, named alone. */
const SKY_BODIES = new Set(['Mercury', 'Venus', 'Earth', 'Mars', 'Jupiter', 'Saturn', 'Uranus', 'Neptune', 'Pluto', 'Moon', 'Europa', 'Ganymede', 'Callisto', 'Enceladus']);

/** A mention the article types itself: an honorific or a title before it, "spokesman" after it. */
function stated(m: ResolvedMention): boolean {
  return m.candidate.honorific || m.candidate.strength >= Strength.Context;
}

/** "Tue, Nov 19", "Wed. 8:30 PM", "Sat 8:31 PM": a weekday's abbreviation in a time stamp. */
function weekdayInStamp(tokens: Token[], m: ResolvedMention): boolean {
  const { first, last } = m.candidate;
  if (first !== last || !WEEKDAY_ABBREVIATIONS.has(tokens[first]!.text)) return false;
  let k = last + 1;
  if (tokens[k]?.text === ',' || tokens[k]?.text === '.') k++;
  const next = tokens[k];
  const prev = tokens[first - 1];
  return (!!next && (MONTH.test(next.text) || /^\d/.test(next.text))) || (!!prev && prev.text === ',' && /^\d/.test(tokens[first - 2]?.text ?? ''));
}

/** "Updated April 29, 2019", "Published 10:02 AM": a page's time stamp, wherever on its line. */
function stampWord(tokens: Token[], m: ResolvedMention): boolean {
  const { first, last } = m.candidate;
  if (first !== last || !/^(?:Updated|Published|Posted|Modified)$/.test(tokens[first]!.text)) return false;
  let k = last + 1;
  if (tokens[k]?.text === ':') k++;
  const next = tokens[k];
  return !!next && (MONTH.test(next.text) || WEEKDAYS.has(next.text) || WEEKDAY_ABBREVIATIONS.has(next.text) || /^\d/.test(next.text));
}

/** "(AP Photo/Jane Roe, File)", "(NASA via AP, File)": an agency's note that the picture is from its archive. */
function creditFile(tokens: Token[], m: ResolvedMention): boolean {
  const { first, last } = m.candidate;
  const prev = tokens[first - 1]?.text;
  return first === last && tokens[first]!.text === 'File' && (prev === ',' || prev === '/') && tokens[last + 1]?.text === ')';
}

function namedStorm(tokens: Token[], m: ResolvedMention): boolean {
  const { first, last } = m.candidate;
  if (last === first) return false;
  const opener = tokens[first]!.text === 'Tropical' ? tokens[first + 1] : tokens[first];
  return !!opener && STORM_WORDS.has(opener.text) && opener.end < tokens[last]!.start;
}

/** A place as the lists know it, or a planet. */
function knownPlace(word: string): boolean {
  return isWorldPlace(word) || gazetteerType(word) === 'LOC' || SKY_BODIES.has(word);
}

/**
 * "US-China trade talks", "the Mars-Moon program": two places joined by a hyphen qualify a noun; the pair
 * names nothing ("Guinea-Bissau", a place whole, stays).
 */
function placePair(tokens: Token[], m: ResolvedMention): boolean {
  const { first, last } = m.candidate;
  if (first !== last) return false;
  const text = tokens[first]!.text;
  const parts = text.split('-');
  return parts.length === 2 && !knownPlace(text) && parts.every((p) => /^\p{Lu}/u.test(p) && knownPlace(p));
}

/** Endings of Latin species epithets: "pestis", "aeruginosa", "aegypti", "falciparum" (English plurals and verbs aside). */
const EPITHET = /^\p{Ll}{2,}(?:us|um|a|ae|is|i)$/u;

/**
 * "Yersinia pestis", "Pseudomonas aeruginosa", "Homo naledi": a genus before its species epithet, a
 * lower-case Latin word no English list knows, names an organism, not a place, person or organisation.
 */
function genusName(tokens: Token[], m: ResolvedMention): boolean {
  const { first, last } = m.candidate;
  const epithet = tokens[last + 1];
  if (first !== last || !epithet || epithet.breakBefore > 0 || epithet.text.length < 4 || !EPITHET.test(epithet.text)) return false;
  if (listedWord(epithet.text)) return false;
  // "Maria della Rovere": a particle before a surname, not an epithet.
  const after = tokens[last + 2];
  return !(after && after.isWord && after.isCap && after.breakBefore === 0);
}

/**
 * "6. Max out your retirement accounts": the first word of a numbered list item, the phrase going on in lower
 * case. Its capital opens the item as a sentence's would; a person so listed keeps a surname ("6. Max Verstappen").
 */
function listItemOpener(tokens: Token[], m: ResolvedMention): boolean {
  const { first, last } = m.candidate;
  const mark = tokens[first - 1];
  const num = tokens[first - 2];
  const next = tokens[last + 1];
  if (first !== last || !mark || !num || !next || (mark.text !== '.' && mark.text !== ')') || !/^\d{1,2}$/.test(num.text)) return false;
  if ((num.breakBefore === 0 && first > 2) || mark.breakBefore > 0 || tokens[first]!.breakBefore > 0) return false;
  const word = tokens[first]!.text;
  if (!/^\p{Lu}\p{Ll}+$/u.test(word) || knownPlace(word) || (gazetteerType(word) !== undefined && gazetteerType(word) !== 'MISC')) return false;
  return next.breakBefore === 0 && next.isWord && /^\p{Ll}/u.test(next.text);
}

/** A company's legal form written alone after its name and a comma: "U.S. Games Systems, Inc.". */
const LEGAL_FORM = /^(?:Inc|Corp|Co|Ltd|LLC|LLP|PLC|Plc|GmbH)\.?$/;

/** Why a mention is no name at all, or null. */
function notAName(tokens: Token[], m: ResolvedMention): boolean {
  const text = m.candidate.text;
  // A connector's type stays one whatever cue stands by it ("USB-C car chargers" reads like a brand's), and so does
  // a standard named after it ("USB-C PD").
  if (PLUG_TYPE.test(tokens[m.candidate.first]!.text)) return true;
  if (stated(m)) return false;
  // A name opens with a letter or a digit: "& Regional Operations" is the tail of a title or a notice.
  return HOLIDAYS.has(text) || /^\p{Lu}$/u.test(text) || !/^[\p{L}\p{N}]/u.test(text) || namedStorm(tokens, m) || placePair(tokens, m) || genusName(tokens, m) || weekdayInStamp(tokens, m) || stampWord(tokens, m) || creditFile(tokens, m) || listItemOpener(tokens, m) || LEGAL_FORM.test(text);
}

/** An acronym and one letter after a hyphen: a connector's or a standard's type ("USB-C", "HDMI-A"), no name. */
const PLUG_TYPE = /^\p{Lu}{2,5}-\p{Lu}$/u;

/** A first word that could open a person's name: a listed given name, or one news knows as a person's. */
function givenLike(word: string): boolean {
  return isFirstName(word) || firstNameGender(word) !== 'unknown' || gazetteerType(word) === 'PER';
}

/** What the page says around district-shaped names: its places, and the compass words each opener takes. */
interface PageNames {
  places: ReadonlySet<string>;
  compass: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * A "person" whose words name a street, a district or a planet: a place. "X North" is a district when the page
 * names X as a place or names another district of X ("Wichita North", "Wichita West"), not "Kanye West" alone.
 */
function placeShaped(tokens: Token[], m: ResolvedMention, page: PageNames): boolean {
  if (m.type !== 'person' || stated(m) || m.name !== m.candidate.text) return false;
  const { first, last } = m.candidate;
  if (first === last) return SKY_BODIES.has(tokens[first]!.text);
  const opener = tokens[first]!.text;
  if (TWIN_TOWN.test(opener)) return true;
  const head = tokens[last]!.text;
  if (STREET_OPENERS.has(opener)) return true;
  // "Caldwell Place": a surname may name a street; a given name opens a person ("Mary Kay Place").
  if (STREET_WORDS.has(head)) return !givenName(opener);
  if (givenLike(opener)) return false;
  if (last !== first + 1) return false;
  if (DISTRICT_WORDS.has(head)) return true;
  return COMPASS_WORDS.has(head) && (page.places.has(opener) || (page.compass.get(opener)?.size ?? 0) > 1);
}

/** Surname prefixes written with a capital after them: "McCall", "DeBose", "LaGuardia", "VanDyke". */
const SURNAME_PREFIXES = /^(?:Mc|Fitz|De|Di|Da|Du|Del|Della|La|Le|Van|Von|St)$/;

/**
 * A brand's spelling: capitals run together ("CNNMoney", "RAVPower"), or an ordinary word after an inner
 * capital ("MacBook", "PlayStation"), where surnames carry a name ("MacArthur", "DeBose", "LeBron").
 */
function brandWord(word: string): boolean {
  if (/^\p{Lu}{2,}\p{Ll}/u.test(word)) return true;
  const parts = /^(\p{Lu}\p{Ll}+)(\p{Lu}\p{Ll}+)$/u.exec(word);
  if (!parts || SURNAME_PREFIXES.test(parts[1]!) || gazetteerType(word) === 'PER') return false;
  const tail = parts[2]!;
  return tail.length > 2 && isVocabularyWord(tail.toLowerCase()) && !givenName(tail) && gazetteerType(tail) !== 'PER';
}

/** One-word company names no list knows as anything else (scripts/train-companies.ts): "Nintendo", "Lockheed". */
const COMPANY_WORDS = new Set<string>(companyData.words.split(' '));
/** Apps, services and airlines named by one word, places' names among them ("Spotify", "Emirates"; scripts/train-companies.ts). */
const APP_WORDS = new Set<string>(companyData.apps.split(' '));

/** Words after a name that say it is someone: "X, who", "X, whose". */
const SOMEONE_AFTER = new Set(['who', 'whose']);

/** A word that may open a person's name: a given name by any list, a known surname, a person's in the lists. */
function personWord(w: string): boolean {
  return givenName(w) || isGivenName(w) || isNewsSurname(w) || gazetteerType(w) === 'PER';
}

/**
 * Whether a "person"'s name reads as a listed company's: it opens with a company's word, the rest ordinary words or
 * places ("Nintendo Switch", "Lexus Philippines"); or with an app's or a maker's one-word brand, even one people are
 * named by, and goes on so ("Dolby Vision", "Nissan Connect").
 */
function companyName(words: readonly string[]): boolean {
  const opener = words[0]!;
  if (!(COMPANY_WORDS.has(opener) || (words.length > 1 && APP_WORDS.has(opener))) || givenName(opener) || isGivenName(opener)) return false;
  // Any later word that may be a person's name makes it one: "Morgan Burnett", not "Nintendo Switch".
  return !words.slice(1).some((w) => givenName(w) || isNewsSurname(w) || gazetteerType(w) === 'PER' || !isVocabularyWord(w.toLowerCase()) && !isWorldPlace(w));
}

/**
 * A "person" the article never shows to be someone (no title or honorific, no "who" after it) whose name reads as a
 * listed company's (companyName), or a one-word "person" the page also names as a company ("Acme" beside
 * "Acme.com" or "Acme Holdings"): "Nintendo's Metroid series", "Edmunds expects 16.6 million vehicles". The tagger
 * learned from 1996 news, which never saw most of today's companies, and reads their names as surnames.
 */
function companyPerson(tokens: Token[], group: readonly ResolvedMention[], pageCompanies: ReadonlySet<string>): boolean {
  const words = group[0]!.name.split(' ');
  if (group[0]!.type !== 'person') return false;
  if (!companyName(words) && !(words.length === 1 && pageCompanies.has(words[0]!) && !personWord(words[0]!))) return false;
  return group.every((m) => {
    if (stated(m)) return false;
    const next = tokens[m.candidate.last + 1];
    const after = next && next.text === ',' ? tokens[m.candidate.last + 2] : next;
    return !(after && SOMEONE_AFTER.has(after.lower));
  });
}

/** The company an organisation's name shows: "Acme" of "Acme.com", "Acme Holdings", "Acme Airlines"; or undefined. */
function companyOf(name: string): string | undefined {
  const site = /^(\p{Lu}\p{L}+)\.com$/u.exec(name);
  if (site) return site[1];
  const words = name.split(' ');
  return words.length === 2 && (isCompanyHead(words[1]!) || CORPORATE_TAILS.has(words[1]!)) ? words[0] : undefined;
}

/**
 * A mention where news places a name: "in X", "the X", "X, Ohio". "Of X" fits a company as well ("versions of X"), and
 * so does "the X" before a lower-case noun ("the X fleet").
 */
function placeContext(tokens: Token[], m: ResolvedMention): boolean {
  const { first, last } = m.candidate;
  const prev = tokens[first - 1];
  const next = tokens[last + 1];
  const modifier = !!next && next.breakBefore === 0 && next.isWord && !next.isCap;
  if (prev && tokens[first]!.breakBefore === 0 && ((LOCATIVES.has(prev.lower) && prev.lower !== 'of') || (prev.lower === 'the' && !modifier))) return true;
  return !!next && next.text === ',' && next.breakBefore === 0 && !!tokens[last + 2]?.isCap && tokens[last + 2]!.breakBefore === 0;
}

/**
 * A one-word "place" the page never places (no "in X", "the X" or "X, Ohio") that is an app, a service or an airline
 * named by one word ("Spotify", "Pandora", "Emirates"): they share places' names, and the page speaks of the brand.
 */
function appPlace(tokens: Token[], group: readonly ResolvedMention[]): boolean {
  const name = group[0]!.name;
  if (group[0]!.type !== 'place' || !APP_WORDS.has(name) || SKY_BODIES.has(name)) return false;
  return group.every((m) => m.candidate.text === name && !stated(m) && !placeContext(tokens, m));
}

/** A "person" whose name is spelled as a brand: a company or its product, not someone. */
function brandPerson(m: ResolvedMention): boolean {
  return m.type === 'person' && !stated(m) && m.name.split(' ').some(brandWord);
}

/** A planet or the Moon typed an organisation: a place. */
function skyBodyOrg(m: ResolvedMention): boolean {
  return m.type === 'organization' && !stated(m) && m.name === m.candidate.text && SKY_BODIES.has(m.name);
}

/** A listed given name, or one news text shows as someone's (he/she after it). */
function givenName(word: string): boolean {
  return isFirstName(word) || firstNameGender(word) !== 'unknown';
}

/** Capitalised only because they open a sentence: "The Howitt-Garrett papers". */
const CLOSED_CLASS = new Set(['The', 'A', 'An', 'This', 'That', 'These', 'Those', 'His', 'Her', 'Its', 'Their', 'Our', 'My', 'Your', 'Both', 'Neither', 'Either']);

/** A capitalised word of running text, no title, honorific, weekday or acronym: another name's word. */
function nameWordOfText(t: Token | undefined): boolean {
  return !!t && t.isWord && t.isCap && !t.isAllCaps && !t.inCapsSentence && !/\d/.test(t.text) &&
    !TITLE_HEADS.has(t.text) && !TITLE_MODIFIERS.has(t.text) && !HONORIFICS.has(t.text) && !WEEKDAYS.has(t.text) && !MONTH.test(t.text);
}

/**
 * A one-word "person" written against a capitalised word the name left out, on a line of running text:
 * "Wells Fargo analyst", "at Jones Beach Theater", "the Nintendo Switch", "Stewart Island". It is a fragment
 * of a longer name Lede did not read whole (a bank, a venue, a product, a film), not someone. A given name next
 * to it ("Buck Cullen") makes it a person whose name was split; a title ("Queen Elizabeth") says it is one.
 */
function nameFragment(tokens: Token[], m: ResolvedMention): boolean {
  const { first, last } = m.candidate;
  if (first !== last || m.type !== 'person' || stated(m) || m.name !== m.candidate.text) return false;
  const t = tokens[first]!;
  if (t.inCapsSentence || givenName(t.text)) return false;
  const prev = tokens[first - 1];
  const next = tokens[last + 1];
  const before = t.breakBefore === 0 && nameWordOfText(prev) && !CLOSED_CLASS.has(prev!.text) && !givenName(prev!.text) && gazetteerType(prev!.text) !== 'MISC';
  const after = !!next && next.breakBefore === 0 && nameWordOfText(next);
  return before || after;
}

/** Irregular plurals whose possessive opens a name and never names anyone: "the People’s Liberation Army". */
const IRREGULAR_PLURALS = new Set(['People', 'Women', 'Men', 'Children']);

/** An organisation or place written right after "People’s": the mention with that word, or null. */
function withPluralPossessive(tokens: Token[], m: ResolvedMention): ResolvedMention | null {
  const { first } = m.candidate;
  const mark = tokens[first - 1];
  const plural = tokens[first - 2];
  if (m.type === 'person' || !mark || !plural || tokens[first]!.breakBefore > 0 || mark.breakBefore > 0) return null;
  if ((mark.text !== '’s' && mark.text !== "'s") || mark.start !== plural.end || !IRREGULAR_PLURALS.has(plural.text)) return null;
  const text = `${plural.text}${mark.text} ${m.candidate.text}`;
  return { ...m, name: m.name === m.candidate.text ? text : m.name, candidate: { ...m.candidate, first: first - 2, start: plural.start, text } };
}

/**
 * A one-word "person" written after a model number ("Boeing's 787-9 Dreamliner jets", "its 737 Max fleet",
 * "the 11 Pro Max") is the product's name: people are not numbered so. Years ("2019 Toyota") and ordinals
 * don't count.
 */
function afterModelNumber(tokens: Token[], m: ResolvedMention): boolean {
  const { first, last } = m.candidate;
  if (first !== last || m.type !== 'person' || stated(m) || tokens[first]!.breakBefore > 0) return false;
  const prev = tokens[first - 1];
  return !!prev && /^\d+(?:-\d+)?$/.test(prev.text) && !/^(?:1[89]|20)\d\d$/.test(prev.text);
}

/** Adverbs between "is" and a release's verb: "is currently streaming", "is now available". */
const RELEASE_ADVERBS = new Set(['currently', 'now', 'also', 'still', 'already']);
/** What "available to …" says of a work: "available to rent", "available to digitally purchase". */
const RELEASE_VERBS = new Set(['rent', 'buy', 'stream', 'purchase', 'download', 'watch']);

/**
 * "Lady Bird is currently streaming on Netflix", "Rat Film is available to digitally rent on YouTube", "X is now
 * playing in theaters": a film's, a show's or a record's title, not a person, place or organisation. A title
 * reads like a name ("Lady Bird", "Columbus"), so the cue outweighs even an honorific before it.
 */
function releasedWork(tokens: Token[], m: ResolvedMention): boolean {
  let k = m.candidate.last + 1;
  if (!/^(?:is|are)$/.test(tokens[k]?.text ?? '')) return false;
  k++;
  if (RELEASE_ADVERBS.has(tokens[k]?.lower ?? '')) k++;
  const verb = tokens[k]?.lower;
  if (verb === 'streaming') return true;
  if (verb === 'playing' || verb === 'in') return tokens[k + (verb === 'in' ? 1 : 2)]?.lower === 'theaters' || tokens[k + 2]?.lower === 'theatres';
  if (verb !== 'available' || tokens[k + 1]?.lower !== 'to') return false;
  k += 2;
  if (tokens[k]?.lower.endsWith('ly')) k++;
  return RELEASE_VERBS.has(tokens[k]?.lower ?? '');
}

/** Verbs after a version number: "Wi-Fi 6 is still launching", "AirPods 2 has dropped". */
const VERBS_AFTER_VERSION = new Set(['is', 'was', 'has', 'does', 'goes', 'comes', 'runs', 'uses', 'gets', 'looks', 'lets', 'makes', 'supports']);
/** Measures counted in the singular after a number: "Rs 40 lakh", "Jones 1 goal", "Smith 1 assist". */
const SINGULAR_MEASURES = new Set(['lakh', 'crore', 'percent', 'per', 'total', 'goal', 'assist', 'save', 'point', 'yard', 'year', 'month', 'day', 'week', 'hour', 'minute', 'mile', 'run', 'hit', 'steal', 'rebound', 'tackle', 'sack']);

/**
 * A name written right before a version number ("AirPods 2 with wireless charging", "Wi-Fi 6 is still
 * launching", "Star Trek 4 eyes a director", "the PlayStation 4 Pro"): a product, a standard or a work in its
 * series, not a company or a person. A count of something after the number ("Baker 6 points", "Mojang 2 years
 * ago", "Rs 40 lakh"), a score or a line of figures ("Bruins 5, Devils 1", "Rockledge 14 11 6 15") is no version.
 * An organisation's head before it names a channel or a unit ("Channel 4"); a person's name before a
 * Roman numeral is a monarch's.
 */
function beforeVersion(tokens: Token[], m: ResolvedMention): boolean {
  const { first, last } = m.candidate;
  if (stated(m) || m.type === 'place') return false;
  if (m.type === 'person' && (first !== last || givenName(tokens[first]!.text))) return false;
  const num = tokens[last + 1];
  if (!num || num.breakBefore > 0 || num.start !== tokens[last]!.end + 1) return false;
  if (!/^[1-9]\d?$/.test(num.text) && !(m.type === 'organization' && /^(?:II|III|IV)$/.test(num.text))) return false;
  const head = tokens[last]!.text;
  if (isLearnedOrgHead(head) || isCompanyHead(head) || isOrgSuffix(head)) return false;
  const next = tokens[last + 2];
  // A results line goes on with the other side's name ("Leeds 2 Arsenal 1"); a product with its tier ("4 Pro").
  if (!next || next.breakBefore > 0 || !next.isWord || /^\d/.test(next.text)) return false;
  if (!/^\p{Ll}/u.test(next.text)) return MODEL_TIERS.has(next.text);
  // An innings' second score: "Somerset 83 and 174".
  if (/^\d/.test(tokens[last + 3]?.text ?? '')) return false;
  // A plural noun or a singular measure counts something: "6 points", "2 years", "1 goal".
  return VERBS_AFTER_VERSION.has(next.lower) || !(/s$/.test(next.lower) || SINGULAR_MEASURES.has(next.lower));
}

/** Words that grade a product's model: "PlayStation 4 Pro", "iPhone 11 Pro Max", "Galaxy Note 10 Plus". */
const MODEL_TIERS = new Set(['Pro', 'Max', 'Plus', 'Ultra', 'Lite', 'Mini', 'XL']);

/**
 * A tier word alone, written right after a model number, another tier or a brand's spelling ("the 11 Pro Max",
 * "a MacBook Pro"): the tail of a product's name, neither a company nor a person "Max".
 */
function modelTier(tokens: Token[], m: ResolvedMention): boolean {
  const { first, last } = m.candidate;
  if (first !== last || stated(m) || !MODEL_TIERS.has(tokens[first]!.text) || tokens[first]!.breakBefore > 0) return false;
  const prev = tokens[first - 1];
  return !!prev && prev.end === tokens[first]!.start - 1 && (/^\d+$/.test(prev.text) || MODEL_TIERS.has(prev.text) || brandWord(prev.text));
}

/**
 * A lone "place" that is an ordinary English word no list knows as a place ("on Master difficulty", "Sword or
 * Shield", "10 Things in Tech"): a capitalised word of a title, a product or a setting. Places named by an
 * ordinary word ("Reading", "Mobile", "Bath") are in the gazetteer.
 */
function ordinaryPlace(tokens: Token[], m: ResolvedMention): boolean {
  const { first, last } = m.candidate;
  if (first !== last || m.type !== 'place' || stated(m) || m.name !== m.candidate.text) return false;
  const word = tokens[first]!.text;
  if (!/^\p{Lu}\p{Ll}+$/u.test(word) || !listedWord(word.toLowerCase()) || knownPlace(word)) return false;
  // Where a town named by an ordinary word stands: "in Mobile", "from Bath", "Paradise, Calif.", "Bath's mayor".
  const prev = tokens[first - 1];
  const next = tokens[last + 1];
  if (prev && prev.breakBefore === 0 && tokens[first]!.breakBefore === 0 && LOCATIVES.has(prev.lower)) return false;
  if (!next || next.breakBefore > 0) return true;
  // "Paradise, Calif.", a results line's "Hove: Sussex beat Kent".
  if (next.text === ',' || next.text === ':') return !tokens[last + 2]?.isCap;
  return !/^['’]s$/.test(next.text);
}

/** Prepositions before a town: "in X", "from X", "near X". */
const LOCATIVES = new Set(['in', 'at', 'from', 'to', 'near', 'into', 'outside', 'across', 'around', 'toward', 'towards', 'of', 'via', 'through', 'between']);

/** Last words of companies' own longer names that no learned head covers: "Toyota Motor", "Sony Pictures". */
const CORPORATE_TAILS = new Set([
  'Motor', 'Motors', 'Pictures', 'Entertainment', 'Studios', 'Games', 'Interactive', 'Electronics', 'Energy', 'Airways',
  'Labs', 'Systems', 'Financial', 'Securities', 'Defense', 'Aerospace', 'Ventures', 'Robotics', 'Pharmaceuticals', 'Health',
  'Solutions', 'Software', 'Semiconductor', 'Telecom', 'Mobile', 'Communications', 'Industries', 'Motorsport',
]);

/** A word that names a product after its maker: an ordinary word ("Watch", "Music"), a brand's spelling, "TV". */
function productWord(word: string): boolean {
  return listedWord(word.toLowerCase()) || brandWord(word) || /^\p{Lu}{2,3}\+?$/u.test(word) || /\d/.test(word);
}

/**
 * A name that opens with a company the page names alone, the rest product words ("Apple Watch", "Amazon Music
 * Unlimited", "Google Play"; or a word the page also names alone, "Google Stadia"): the maker's product or service, not another organisation, person or place. Its
 * mention is the maker's. A company's own longer name ends in an organisation's head or a corporate word ("Alibaba
 * Group", "Amazon Web Services", "Toyota Motor") or in a surname ("Goldman Sachs"), and is left alone.
 */
function makerOfProduct(tokens: Token[], m: ResolvedMention, makers: ReadonlyMap<string, string>, alone: ReadonlySet<string>): string | undefined {
  const { first, last } = m.candidate;
  // An organisation's cue ("new X subscribers") fits a service as well as its maker: only a person's counts.
  if (first === last || m.candidate.honorific || (m.type !== 'organization' && stated(m)) || m.name !== m.candidate.text) return undefined;
  const maker = makers.get(tokens[first]!.text);
  if (maker === undefined) return undefined;
  const head = tokens[last]!.text;
  if (isLearnedOrgHead(head) || isCompanyHead(head) || CORPORATE_TAILS.has(head) || isOrgSuffix(head)) return undefined;
  // A town's team is named so too: "Pittsburgh Steelers", "Cleveland Browns".
  if (last === first + 1 && /^\p{Lu}\p{Ll}+s$/u.test(head) && !brandWord(head)) return undefined;
  for (let i = first + 1; i <= last; i++) {
    const t = tokens[i]!;
    if (!t.isWord || t.breakBefore > 0 || !(productWord(t.text) || alone.has(t.text)) || knownPlace(t.text) || gazetteerType(t.text) === 'PER') return undefined;
  }
  return maker;
}

/**
 * A "person" whose name ends in a model's tier and opens with no given name ("Chromecast Ultra", "Switch Lite"):
 * a product. People are not graded "Pro" or "Lite".
 */
function tieredProduct(tokens: Token[], m: ResolvedMention): boolean {
  const { first, last } = m.candidate;
  if (m.type !== 'person' || last === first || stated(m) || !MODEL_TIERS.has(tokens[last]!.text)) return false;
  const opener = tokens[first]!.text;
  return !givenName(opener) && !isGivenName(opener) && gazetteerType(opener) !== 'PER';
}

/** Words after a name that say a person acts or is spoken of: "X said", "X, who". */
const PERSON_WORDS_AFTER = new Set(['said', 'says', 'told', 'added', 'wrote', 'asked', 'explained', 'noted', 'who', 'whose']);

/**
 * A one-word "person" that is an ordinary English word ("Stereo sound", "32GB – Black", "the Go stores", "Safari in
 * the middle of the room") and that nothing on the page shows to be someone: no given name, title or honorific
 * with it, no list knowing it as a person's name, a given name or a surname in the news, no "said" or "who" after
 * it, no possessive ("Musk's firm"), no figures after it (a results line's "Baker 6 points"). A capitalised
 * ordinary word alone names a thing.
 */
function ordinaryPerson(tokens: Token[], group: readonly ResolvedMention[]): boolean {
  const word = group[0]!.name;
  if (group[0]!.type !== 'person' || !/^\p{Lu}\p{Ll}+$/u.test(word) || !listedWord(word.toLowerCase())) return false;
  if (givenName(word) || isGivenName(word) || gazetteerType(word) === 'PER' || isNewsSurname(word)) return false;
  return group.every((m) => {
    const { first, last } = m.candidate;
    if (first !== last || stated(m) || m.candidate.text !== word) return false;
    const next = tokens[last + 1];
    return !(next && next.breakBefore === 0 && (PERSON_WORDS_AFTER.has(next.lower) || /^\d/.test(next.text) || /^['’]s?$/.test(next.text)));
  });
}

/**
 * Words after a name that say a body acts or speaks ("X said", "X announced"), or name the kind of body it is ("the
 * X government", "X magazine").
 */
const BODY_WORDS_AFTER = new Set([
  'said', 'says', 'told', 'added', 'announced', 'reported', 'confirmed', 'declined', 'denied', 'wrote', 'who', 'which',
  'government', 'party', 'magazine', 'newspaper', 'network', 'union', 'council', 'club', 'team', 'brand', 'company', 'group',
]);

/**
 * A one-word "organisation" that is an ordinary English word no list knows as a name ("Lightning", "Password",
 * "Trilogy") and that nothing on the page shows to be a body: no cue typed it or stands by it (the learned "X
 * magazine", "shares of X"), never "the X" (publications: "the Independent"), never "X said" or "X's", never beside a
 * listed company in a list ("Disney, X, and Y"), never the opener of a longer organisation's name on the page ("X
 * Hybrid HR"), no plural or figures after it (teams: "Flyers", "Bath 56"). A capitalised ordinary word alone, typed by the tagger's guess, names a
 * product, a feature or a setting.
 */
function ordinaryOrg(tokens: Token[], group: readonly ResolvedMention[], openers: ReadonlySet<string>): boolean {
  const word = group[0]!.name;
  if (group[0]!.type !== 'organization' || !/^\p{Lu}\p{Ll}+$/u.test(word) || word.endsWith('s') || !listedWord(word.toLowerCase()) || openers.has(word)) return false;
  if (gazetteerType(word) !== undefined || knownPlace(word) || COMPANY_WORDS.has(word) || isLearnedOrgHead(word) || isCompanyHead(word) || isOrgSuffix(word)) return false;
  return group.every((m) => {
    const { first, last } = m.candidate;
    if (first !== last || stated(m) || m.candidate.strength >= Strength.Strong || m.candidate.text !== word || orgCueAround(tokens, first, last)) return false;
    const prev = tokens[first - 1];
    if (prev && prev.lower === 'the' && tokens[first]!.breakBefore === 0) return false;
    if (listedCompanyBeside(tokens, first, last)) return false;
    const next = tokens[last + 1];
    // Figures after it make a results line's team: "Orrell 13 Bath 56".
    return !(next && next.breakBefore === 0 && (BODY_WORDS_AFTER.has(next.lower) || /^['’]s?$/.test(next.text) || /^\d/.test(next.text)));
  });
}

/** A company the lists know, written next to the name in a list: "Disney, X", "X and Acme". */
function listedCompanyBeside(tokens: Token[], first: number, last: number): boolean {
  const listed = (t: Token | undefined): boolean => !!t && t.isCap && (gazetteerType(t.text) === 'ORG' || COMPANY_WORDS.has(t.text));
  const glue = (t: Token | undefined): boolean => !!t && (t.text === ',' || t.lower === 'and' || t.lower === 'or');
  return (glue(tokens[first - 1]) && listed(tokens[first - 2])) || (glue(tokens[last + 1]) && listed(tokens[last + 2]));
}

/** Drops the mentions that are no names and retypes the place-shaped "people" and organisations as places. */
export function reviseByShape(tokens: Token[], mentions: ResolvedMention[]): ResolvedMention[] {
  const places = new Set<string>();
  const compass = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (m.type === 'place') places.add(m.candidate.text);
    const { first, last } = m.candidate;
    if (last !== first + 1 || !COMPASS_WORDS.has(tokens[last]!.text)) continue;
    const heads = compass.get(tokens[first]!.text) ?? new Set<string>();
    heads.add(tokens[last]!.text);
    compass.set(tokens[first]!.text, heads);
  }
  const page: PageNames = { places, compass };
  // Companies the page names alone, by their word: the makers of products named after them.
  const makers = new Map<string, string>();
  const alone = new Set<string>();
  for (const m of mentions) {
    if (m.candidate.first !== m.candidate.last || m.name !== m.candidate.text) continue;
    // An ordinary word alone ("our Blue lander") is no maker: "Blue Origin" stays whole.
    if (m.type === 'organization' && !listedWord(m.name.toLowerCase())) makers.set(m.name, m.name);
    alone.add(m.name);
  }
  // A fragment counts only when every mention of its name is one: "Fargo" alone elsewhere is a name.
  // One mention after a model number is enough to make a product of the name.
  const fragments = new Map<string, boolean>();
  const products = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'person') continue;
    fragments.set(m.name, (fragments.get(m.name) ?? true) && nameFragment(tokens, m));
    if (afterModelNumber(tokens, m)) products.add(m.name);
  }
  // A name written once before a version number is a product's wherever it stands, and one a release cue follows a
  // work's.
  const thingNames = new Set<string>();
  for (const m of mentions) if (beforeVersion(tokens, m) || releasedWork(tokens, m) || tieredProduct(tokens, m)) thingNames.add(`${m.type}:${m.name}`);
  const byName = new Map<string, ResolvedMention[]>();
  for (const m of mentions) {
    if (m.type !== 'person') continue;
    const group = byName.get(m.name);
    if (group) group.push(m);
    else byName.set(m.name, [m]);
  }
  // Companies the page names with a company's head or as a website: "Acme Holdings", "Acme.com".
  const pageCompanies = new Set<string>();
  for (const m of mentions) {
    const company = m.type === 'organization' ? companyOf(m.name) : undefined;
    if (company !== undefined) pageCompanies.add(company);
  }
  const companies = new Set<string>();
  const orgsByName = new Map<string, ResolvedMention[]>();
  for (const m of mentions) {
    if (m.type !== 'organization') continue;
    const group = orgsByName.get(m.name);
    if (group) group.push(m);
    else orgsByName.set(m.name, [m]);
  }
  // First words of the page's longer organisations' names: "Fossil" of "Fossil Hybrid HR".
  const orgOpeners = new Set<string>();
  for (const name of orgsByName.keys()) if (name.includes(' ')) orgOpeners.add(name.slice(0, name.indexOf(' ')));
  for (const [name, group] of orgsByName) if (ordinaryOrg(tokens, group, orgOpeners)) thingNames.add(`organization:${name}`);
  for (const [name, group] of byName) {
    if (ordinaryPerson(tokens, group)) thingNames.add(`person:${name}`);
    else if (companyPerson(tokens, group, pageCompanies)) companies.add(name);
  }
  // The page's places by name.
  const placesByName = new Map<string, ResolvedMention[]>();
  for (const m of mentions) {
    if (m.type !== 'place') continue;
    const group = placesByName.get(m.name);
    if (group) group.push(m);
    else placesByName.set(m.name, [m]);
  }
  const companyPlaces = new Set<string>();
  for (const [name, group] of placesByName) if (appPlace(tokens, group)) companyPlaces.add(name);
  // A product named so once is one wherever the page names it, whatever cue stands by it there ("new Amazon Music
  // Unlimited subscribers").
  const productMakers = new Map<string, string>();
  for (const m of mentions) {
    const maker = makerOfProduct(tokens, m, makers, alone);
    if (maker !== undefined) productMakers.set(`${m.type}:${m.name}`, maker);
  }
  const out: ResolvedMention[] = [];
  // "Liberation Army" written alone elsewhere is the short form of "People’s Liberation Army".
  const renamed = new Map<string, string>();
  for (const m of mentions) {
    if (notAName(tokens, m) || modelTier(tokens, m) || ordinaryPlace(tokens, m) || thingNames.has(`${m.type}:${m.name}`) || (m.type === 'person' && (fragments.get(m.name) || products.has(m.name)))) continue;
    const maker = productMakers.get(`${m.type}:${m.name}`);
    if (maker !== undefined) {
      // The product's full form is the maker's mention; a short form of the product ("Music Unlimited") is none.
      const t = tokens[m.candidate.first]!;
      if (m.candidate.text === m.name && t.text === maker) out.push({ type: 'organization', name: maker, candidate: { ...m.candidate, last: m.candidate.first, end: t.end, text: t.text } });
      continue;
    }
    const longer = withPluralPossessive(tokens, m);
    if (longer) {
      renamed.set(`${m.type}:${m.name}`, longer.name);
      out.push(longer);
    } else if (placeShaped(tokens, m, page) || skyBodyOrg(m)) out.push({ ...m, type: 'place', name: m.candidate.text });
    else if (brandPerson(m) || (m.type === 'person' && companies.has(m.name)) || (m.type === 'place' && companyPlaces.has(m.name))) out.push({ ...m, type: 'organization' });
    else out.push(m);
  }
  if (renamed.size === 0) return out;
  return out.map((m) => {
    const name = renamed.get(`${m.type}:${m.name}`);
    return name === undefined ? m : { ...m, name };
  });
}
