// Types candidate chunks from what they are (gazetteer, first names, organisation head words,
// spelling) and where they stand (honorific or title before, "spokesman" after, "over X").
// Context rules come first: they are the article's own statement about the name.
import { joinWords, longestGazetteerMatch, type Chunk, type TitleEnds } from './entities-candidates';
import { HONORIFICS, LOCATIVE_PREPOSITIONS, NAME_PARTICLES, ORG_CUES_BEFORE, PERSON_CONTEXT_AFTER, PLACE_NOUNS_BEFORE_OF, ROLE_NOUNS, TERRITORIAL_VERBS } from './entities-lexicon';
import { connectorHeadType, gazetteerType, type GazType, guessWordType, isVocabularyWord, isFirstName, isNewsSurname, isNonEntityCap, isOrgSuffix, isWorldPlace } from './gazetteer';
import { isGivenName, opensWithGivenName } from './given-names';
import { isCompanyHead, isStateCode, isStateName, isVenueHead } from './name-heads';
import { isLearnedOrgHead } from './org-cues';
import type { EntityType } from './types';
import type { Token } from './tokens';

/** How much a type can be trusted; a stronger reading of the same string wins document-wide. */
export const Strength = {
  Unknown: 0,
  /** Spelling guess or a lone acronym. */
  Weak: 1,
  /** Position only ("over Aleppo"). */
  Medium: 2,
  /** Learned gazetteer, first name, organisation head word. */
  Strong: 3,
  /** The article says so: "Mr. X", "spokesman X", "X spokesman". */
  Context: 4,
} as const;
export type Strength = (typeof Strength)[keyof typeof Strength];

export interface Candidate {
  first: number;
  last: number;
  /** UTF-16 span of the mention. */
  start: number;
  end: number;
  /** The lookup key: words joined by spaces (title-cased for headline capitals). */
  text: string;
  type: EntityType | null;
  strength: Strength;
  /** Preceded by "Mr."/"Mrs."/...: a surname, not a full name. */
  honorific: boolean;
  /** An ordinary word in name position ("Mark", "Will"): may only stand for a surname. Set false when
   * made (one object shape for every candidate). */
  ordinary?: boolean;
}

const TYPE_OF: Record<string, EntityType | undefined> = { PER: 'person', LOC: 'place', ORG: 'organization' };

/** Minimum naive-Bayes probability for a spelling-only guess. */
const GUESS_THRESHOLD = 0.9;

export function classifyChunks(tokens: Token[], chunks: Chunk[], titles: TitleEnds): Candidate[] {
  const out: Candidate[] = [];
  for (const chunk of chunks) classifyChunk(tokens, chunk, titles, out);
  return out;
}

function candidate(tokens: Token[], first: number, last: number, text: string, type: EntityType | null, strength: Strength, honorific = false): Candidate {
  return { first, last, start: tokens[first]!.start, end: tokens[last]!.end, text, type, strength, honorific, ordinary: false };
}

function lowerWordAt(tokens: Token[], i: number): string | null {
  const t = tokens[i];
  return t && t.isWord && !t.isCap ? t.lower : null;
}

/** What the pipeline knows about one chunk while typing it. */
interface ChunkFacts {
  tokens: Token[];
  chunk: Chunk;
  gaz: GazType | undefined;
  world: boolean;
  /** The lower-case word right before the chunk on the same line, if any. */
  prevLower: string | null;
  push: (type: EntityType | null, strength: Strength, honorific?: boolean) => void;
  out: Candidate[];
}

function classifyChunk(tokens: Token[], chunk: Chunk, titles: TitleEnds, out: Candidate[]): void {
  const { first, last, text } = chunk;
  const prev = tokens[first]!.breakBefore === 0 ? tokens[first - 1] : undefined;
  const facts: ChunkFacts = {
    tokens,
    chunk,
    gaz: gazetteerType(text),
    world: isWorldPlace(text),
    prevLower: prev ? lowerWordAt(tokens, first - 1) : null,
    push: (type, strength, honorific = false) => out.push(candidate(tokens, first, last, text, type, strength, honorific)),
    out,
  };
  if (classifyBySetting(facts, titles, prev)) return;
  if (classifyByName(facts)) return;
  if (last > first) splitByGazetteer(tokens, chunk, out);
  else classifySingleWord(facts);
}

/** Special settings and the article's own statements: headlines, datelines, "Mr. X", "spokesman X". */
function classifyBySetting(facts: ChunkFacts, titles: TitleEnds, prev: Token | undefined): boolean {
  const { tokens, chunk, gaz, world, push, out } = facts;
  const { first, last, text } = chunk;
  if (chunk.unknownOnly) {
    out.push({ ...candidate(tokens, first, last, text, null, Strength.Unknown), ordinary: true });
    return true;
  }
  if (chunk.fromCaps) {
    push(TYPE_OF[gaz ?? 'LOC'] ?? null, Strength.Medium);
    return true;
  }
  // A dateline: "CLEVELAND, Ohio —", "LOS ANGELES (AP) —" at the start of a line.
  if (isDateline(tokens, first, last)) {
    out.push(candidate(tokens, first, last, titleCaseWords(tokens, first, last), 'place', Strength.Strong));
    return true;
  }
  // "Camden, N.J.", "Allentown, PA": a town written with its state; and the state's code itself.
  if (townBeforeState(tokens, first, last) || (first === last && stateCodeAfterTown(tokens, first))) {
    push('place', Strength.Context);
    return true;
  }
  // "Aberdeen, Scotland", "Ithaca, New York": an unknown town written with its country.
  // Only after a preposition of place or origin: "questions about Trump, Ukraine" is a list.
  const placedBy = facts.prevLower !== null && (LOCATIVE_PREPOSITIONS.has(facts.prevLower) || TOWN_PREPOSITIONS.has(facts.prevLower));
  if (!world && gaz !== 'PER' && placedBy && townBeforeCountry(tokens, first, last)) {
    // "in Aberdeen, Scotland": the article places it, whatever sports clubs share the name.
    push('place', Strength.Context);
    return true;
  }
  // "according to the Courier": a named source with an article is a publication or body, not a person.
  if (!world && gaz !== 'LOC' && gaz !== 'PER' && accordingToThe(tokens, first)) {
    push('organization', Strength.Context);
    return true;
  }
  // "the chief economist at Flexport", "a professor at Cornell": where a role is held is an organisation.
  if (!world && gaz !== 'LOC' && gaz !== 'PER' && roleAt(tokens, first)) {
    push('organization', Strength.Context);
    return true;
  }
  // A name set in capitals inside normal text: "LONDON", "SAUDI ARABIA".
  if (!gaz && !world && allCaps(tokens, first, last)) {
    const titled = titleCaseWords(tokens, first, last);
    const titledType = isWorldPlace(titled) ? 'LOC' : gazetteerType(titled);
    const type = titledType ? TYPE_OF[titledType] : undefined;
    if (type) out.push(candidate(tokens, first, last, titled, type, Strength.Strong));
    if (titledType) return true;
  }
  if (chunk.forcedOrg) {
    push('organization', Strength.Context);
    return true;
  }
  // "the Assad regime", "the Obama administration": a leader's surname (known places such as
  // "the Kabul administration" were typed above by the lists and never get here).
  if (first === last && !gaz && !world && personContextAfter(tokens, last)) {
    push('person', Strength.Context);
    return true;
  }
  if (prev && HONORIFICS.has(prev.text)) {
    push('person', Strength.Context, true);
    return true;
  }
  const knownPlaceOrOrg = world || gaz === 'LOC' || gaz === 'ORG';
  const titled = titles.has(first - 1) || (facts.prevLower !== null && ROLE_NOUNS.has(facts.prevLower));
  if (titled && !knownPlaceOrOrg && last - first < 4 && !(first === last && isBrandCased(tokens[first]!.text))) {
    push('person', Strength.Context);
    return true;
  }
  return false;
}

/** The chunk is followed by ", <state>" and the state ends the phrase: "Camden, NJ", "Irving, Texas,". */
function townBeforeState(tokens: Token[], first: number, last: number): boolean {
  const comma = tokens[last + 1];
  if (comma?.text !== ',' || comma.breakBefore > 0) return false;
  // "Jane Roe, Texas" is a person from somewhere: a full personal name stays a person.
  if (last > first && isFirstName(tokens[first]!.text)) return false;
  let end = last + 2;
  const one = tokens[end];
  if (!one || !one.isCap || one.breakBefore > 0) return false;
  let state = isStateCode(one.text) || isStateName(one.text);
  const two = tokens[end + 1];
  if (!state && two?.isCap && two.breakBefore === 0 && isStateName(`${one.text} ${two.text}`)) {
    state = true;
    end++;
  }
  if (!state) return false;
  // The state closes the phrase: not "Roe, Virginia's governor" or "Smith, Texas Republican".
  const after = tokens[end + 1];
  return closesPhrase(after);
}

/** The chunk is followed by ", <country or known place>" that ends the phrase. */
function townBeforeCountry(tokens: Token[], first: number, last: number): boolean {
  const comma = tokens[last + 1];
  if (comma?.text !== ',' || comma.breakBefore > 0 || last - first > 2) return false;
  if (isFirstName(tokens[first]!.text)) return false;
  const n = longestGazetteerMatch(tokens, last + 2, Math.min(tokens.length - 1, last + 5));
  if (n === 0) return false;
  const country = joinWords(tokens, last + 2, last + 1 + n);
  if (!isWorldPlace(country) && gazetteerType(country) !== 'LOC') return false;
  const after = tokens[last + 2 + n];
  return closesPhrase(after);
}

/** Ends a "Town, State" phrase: a line end, punctuation or a lower-case word; not a possessive ("China’s"). */
function closesPhrase(after: Token | undefined): boolean {
  if (!after || after.breakBefore > 0) return true;
  if (/^['’]/.test(after.text)) return false;
  return !after.isWord || !after.isCap;
}

function accordingToThe(tokens: Token[], first: number): boolean {
  if (tokens[first]!.breakBefore > 0) return false;
  return lowerWordAt(tokens, first - 1) === 'the' && lowerWordAt(tokens, first - 2) === 'to' && lowerWordAt(tokens, first - 3) === 'according';
}

/** "economist at", "professor at" right before the chunk. */
function roleAt(tokens: Token[], first: number): boolean {
  const at = tokens[first - 1];
  if (!at || at.text !== 'at' || tokens[first]!.breakBefore > 0 || at.breakBefore > 0) return false;
  const role = lowerWordAt(tokens, first - 2);
  return role !== null && ROLE_NOUNS.has(role);
}

/** A state code right after "Town,": "Camden, NJ". */
function stateCodeAfterTown(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const comma = tokens[i - 1];
  const town = tokens[i - 2];
  return isStateCode(t.text) && t.breakBefore === 0 && comma?.text === ',' && comma.breakBefore === 0 && !!town && town.isWord && town.isCap;
}

function personContextAfter(tokens: Token[], last: number): boolean {
  const next = tokens[last + 1];
  return !!next && next.breakBefore === 0 && next.isWord && !next.isCap && PERSON_CONTEXT_AFTER.has(next.text);
}

/** What the name itself says: gazetteer, organisation head words, first names, spelling. */
function classifyByName(facts: ChunkFacts): boolean {
  const { tokens, chunk, gaz, world, push } = facts;
  const { first, last, text } = chunk;
  const decide = (type: EntityType | null, strength: Strength): boolean => {
    push(type, strength);
    return true;
  };
  if (world) return decide('place', Strength.Strong);
  if (gaz === 'MISC') return true;
  if (gaz) return decide(TYPE_OF[gaz] ?? null, Strength.Strong);
  // A surname today's news writes alone for a person, which the 1996 lists and tagger took for a company.
  if (first === last && isNewsSurname(text)) return decide('person', Strength.Strong);

  const lastWord = tokens[last]!.text;
  const firstWord = tokens[first]!.text;
  const multi = last > first;
  // "Emily Post", "Stuart Hall" stay people: a given name and one more word is a personal name.
  const givenAndOne = last - first === 1 && isFirstName(firstWord);
  // "Harbor Amphitheatre", "Lakeside Arena": venues are places.
  if (multi && isVenueHead(lastWord) && !givenAndOne) return decide('place', Strength.Strong);
  if (multi && !givenAndOne && (isOrgSuffix(lastWord) || isCompanyHead(lastWord) || isLearnedOrgHead(lastWord))) return decide('organization', Strength.Strong);
  // "Chapter & Verse", "Procter & Gamble".
  if (text.includes(' & ')) return decide('organization', Strength.Strong);
  const connectorType = connectorInside(tokens, first, last);
  if (connectorType !== undefined) {
    const type = TYPE_OF[connectorType];
    if (type) push(type, Strength.Strong);
    return true;
  }
  // "Stephen Sestanovich"; but not "Magic Keyboard" or "Disney Channel", which end in an ordinary word.
  const endsOrdinary = isVocabularyWord(lastWord.toLowerCase()) && gazetteerType(lastWord) !== 'PER';
  if (multi && opensWithGivenName(tokens, first, last) && !endsOrdinary) return decide('person', Strength.Strong);
  if (facts.prevLower !== null && ORG_CUES_BEFORE.has(facts.prevLower)) return decide('organization', Strength.Strong);
  // A known surname after an unknown given name ("The Hill" is an outlet: no given name is "The").
  if (multi && last - first < 3 && gazetteerType(lastWord) === 'PER' && !knownPlaceOrOrgWord(firstWord) && firstWord !== 'The') {
    return decide('person', Strength.Strong);
  }
  if (multi && looksLikePersonName(tokens, first, last)) return decide('person', Strength.Medium);
  return false;
}

/** A single unknown word: an acting acronym, a place by position, or a spelling guess. */
function classifySingleWord(facts: ChunkFacts): void {
  const { tokens, chunk, push, out } = facts;
  const { first, last, text } = chunk;
  const word = tokens[first]!.text;
  if (isActorAcronym(tokens, first) || isBareAcronym(tokens[first]!)) return push('organization', Strength.Weak);
  if (isNonEntityCap(word)) return;
  // Ordinary words ("Path", "Model") and words with digits ("Q3") get no guess from spelling or
  // position: headings and product names capitalise them.
  if (isVocabularyWord(word.toLowerCase()) || /\d/.test(word)) {
    out.push({ ...candidate(tokens, first, last, text, null, Strength.Unknown), ordinary: true });
    return;
  }
  const brand = isBrandCased(word) || tokens[first]!.isAllCaps;
  // "a village southwest of Ithaca": the article places it.
  if (!brand && compassOf(tokens, first)) return push('place', Strength.Context);
  if (!brand && isLocative(tokens, first)) return push('place', Strength.Medium);
  if (!tokens[first]!.sentenceStart && !brand) {
    const guess = guessWordType(word);
    if (guess && guess.probability >= GUESS_THRESHOLD && guess.type !== 'MISC') return push(TYPE_OF[guess.type] ?? null, Strength.Weak);
  }
  push(null, Strength.Unknown);
}

/** Minimum spelling probability of "person" for the surname of an unknown two- or three-word name. */
const NAME_GUESS_THRESHOLD = 0.7;

/**
 * "Nolan Henke", "Jesper Parnevik": two or three unknown, non-ordinary words whose last word is
 * spelled like a surname and none like a place or organisation head.
 */
function looksLikePersonName(tokens: Token[], first: number, last: number): boolean {
  if (last - first > 2) return false;
  for (let i = first; i <= last; i++) {
    const w = tokens[i]!.text;
    if (tokens[i]!.isAllCaps || /[\d.&]/.test(w) || isVocabularyWord(w.toLowerCase()) || gazetteerType(w) === 'LOC' || gazetteerType(w) === 'ORG' || isWorldPlace(w)) return false;
  }
  const surname = guessWordType(tokens[last]!.text);
  const given = guessWordType(tokens[first]!.text);
  return !!surname && surname.type === 'PER' && surname.probability >= NAME_GUESS_THRESHOLD && (!given || given.type === 'PER');
}

function allCaps(tokens: Token[], first: number, last: number): boolean {
  for (let i = first; i <= last; i++) if (!tokens[i]!.isAllCaps || tokens[i]!.text.includes('.')) return false;
  return true;
}

/** "SAUDI ARABIA" -> "Saudi Arabia". */
function titleCaseWords(tokens: Token[], first: number, last: number): string {
  return tokens.slice(first, last + 1).map((t) => t.text.charAt(0) + t.text.slice(1).toLowerCase()).join(' ');
}

function knownPlaceOrOrgWord(word: string): boolean {
  const gaz = gazetteerType(word);
  return isWorldPlace(word) || gaz === 'LOC' || gaz === 'ORG' || gaz === 'MISC';
}

/**
 * An unknown acronym that acts: "the CIA", "CIA-vetted rebels", "NATO-led forces". Bare acronyms
 * are too often things ("CEO", "GDP", "DNA") to call organisations without such a sign.
 */
function isActorAcronym(tokens: Token[], first: number): boolean {
  const t = tokens[first]!;
  if (!t.isAllCaps || t.text.includes('.') || t.text.length < 3 || t.text.length > 6 || isNonEntityCap(t.text)) return false;
  if (NON_ENTITY_ACRONYMS.has(t.text)) return false;
  const hyphen = tokens[first + 1];
  const participle = tokens[first + 2];
  if (hyphen?.text === '-' && hyphen.start === t.end && participle && ACTOR_PARTICIPLE.test(participle.text)) return true;
  return lowerWordAt(tokens, first - 1) === 'the' && t.breakBefore === 0;
}

/**
 * An unknown acronym of three to five capitals in running text ("NPR reported", "a KFF survey"): news
 * writes bodies that way far more often than anything else, once the things and measures
 * (NON_ENTITY_ACRONYMS) and places the lists know are set apart. Weak: any sure tag outranks it.
 */
function isBareAcronym(t: Token): boolean {
  if (!t.isAllCaps || t.inCapsSentence || t.furniture || !/^\p{Lu}{3,5}$/u.test(t.text)) return false;
  return !NON_ENTITY_ACRONYMS.has(t.text) && !isNonEntityCap(t.text) && !isStateCode(t.text) && !isVocabularyWord(t.lower);
}

/** "-backed", "-led", "-vetted", "-funded", "-run", "-owned", "-sponsored", "-trained". */
const ACTOR_PARTICIPLE = /^(?:backed|led|vetted|funded|run|owned|sponsored|trained|brokered|supported|allied|aligned|controlled|designated)$/;

/** Acronyms for things and measures, not organisations. */
export const NON_ENTITY_ACRONYMS: ReadonlySet<string> = new Set([
  'CEO', 'CFO', 'COO', 'CTO', 'GDP', 'HIV', 'AIDS', 'DNA', 'RNA', 'MRI', 'IPO', 'ETF', 'VAT', 'USB', 'PDF', 'FAQ', 'API',
  'GPS', 'LED', 'LCD', 'SUV', 'ATM', 'PIN', 'URL', 'HTML', 'CPU', 'GPU', 'RAM', 'VPN', 'TV', 'PC', 'ICU', 'ER', 'OK',
  'GMT', 'EST', 'EDT', 'PST', 'PDT', 'UTC', 'BST', 'CET', 'ADHD', 'PTSD', 'COVID', 'SARS', 'MERS', 'LGBT', 'LGBTQ',
  'NFT', 'NFTS', 'HDMI', 'FPS', 'SSD', 'HDD', 'OLED', 'LTE', 'WIFI', 'IRA', 'APR', 'CPI', 'PPI', 'GPA', 'MVP', 'RBI', 'ERA',
  'DIY', 'RSVP', 'ASAP', 'LOL', 'OMG', 'CBD', 'THC', 'BMI', 'PPE', 'STEM', 'HVAC', 'RPG', 'MMO', 'DLC', 'SUVS', 'EVS', 'ESG',
  'DUI', 'DWI', 'SWAT', 'PAC', 'AWOL', 'MPH', 'MPG', 'KPH', 'BTU', 'ROI', 'EPS', 'YOY', 'QOQ', 'TBD', 'TBA', 'ETA',
  'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'BTC', 'ETH', 'CEOS', 'SMS', 'OTC', 'IOS', 'POV', 'VIP', 'DVD', 'CD', 'MP3', 'JPEG',
  'PNG', 'GIF', 'AM', 'PM', 'BC', 'AD', 'BCE', 'CE', 'RIP', 'AWD', 'RWD', 'FWD', 'WLTP', 'JAN', 'FEB', 'MAR', 'JUN', 'JUL',
  'AUG', 'SEP', 'SEPT', 'OCT', 'NOV', 'DEC', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN',
  // Hardware, networks and displays.
  'SIM', 'GSM', 'CDMA', 'RGB', 'IPS', 'GTX', 'RTX', 'NAS', 'HDR', 'LAN', 'WAN', 'DVI', 'NFC', 'UHD', 'HD', 'FHD', 'QHD',
  'AMOLED', 'QLED', 'OS', 'VR', 'XR', 'AI', 'IOT', 'SDK', 'DNS', 'ISP', 'HTTP', 'HTTPS', 'SSL', 'DDR', 'NVME', 'PCIE',
  'EV', 'ECU', 'RPM', 'KW', 'KWH', 'MW', 'GW', 'MAH', 'DSLR', 'AC', 'UV', 'PV', 'LNG', 'GHG',
  // Medicine and drugs.
  'ECG', 'EKG', 'IVF', 'STD', 'STI', 'UTI', 'COPD', 'MDMA', 'LSD', 'PCP', 'GHB', 'OCD', 'IQ',
  // Business, media and jobs.
  'PR', 'HR', 'EVP', 'SVP', 'VP', 'CMO', 'CIO', 'MBA', 'EBITDA', 'YTD', 'REIT', 'AUM', 'LP', 'EP', 'DJ', 'FAQS', 'PSA',
  // Sports positions and statistics.
  'QB', 'WR', 'RB', 'OL', 'DL', 'LB', 'CB', 'DB', 'PBU', 'TD', 'TDS', 'INT', 'INTS', 'PPG', 'OT',
  // Roman numerals after a title or a ruler's name: "Metroid Prime III", "Henry VIII".
  'II', 'III', 'IV', 'VI', 'VII', 'VIII', 'IX', 'XI', 'XII',
]);

/** "WeWork", "MacBook", "iPhone": an inner capital marks a brand, except name prefixes ("McFaul", "DeSantis"). */
export function isBrandCased(word: string): boolean {
  return /\p{Ll}\p{Lu}/u.test(word) && !/^(?:Mc|Mac|O['’]|De|Di|Da|La|Le|Van|Von|Du)\p{Lu}/u.test(word);
}

/** An all-capitals name opening a line and followed by a comma or dash: a dateline. */
function isDateline(tokens: Token[], first: number, last: number): boolean {
  const t = tokens[first]!;
  if (!(first === 0 || t.breakBefore > 0) || !allCaps(tokens, first, last)) return false;
  const next = tokens[last + 1]?.text;
  return next === ',' || next === '-' || next === '—' || next === '–' || next === '(';
}

/** Prepositions before "Town, Country" besides the locative ones: "of Aberdeenshire, Scotland". */
const TOWN_PREPOSITIONS = new Set(['of', 'from', 'at', 'to', 'in']);

const COMPASS = /^(?:north|south|east|west|northeast|northwest|southeast|southwest)$/;

function compassOf(tokens: Token[], first: number): boolean {
  return tokens[first]!.breakBefore === 0 && lowerWordAt(tokens, first - 1) === 'of' && COMPASS.test(lowerWordAt(tokens, first - 2) ?? '');
}

/** "over Aleppo", "in the Crimea", "annex Crimea", "the outskirts of Mosul". */
function isLocative(tokens: Token[], first: number): boolean {
  if (tokens[first]!.breakBefore > 0) return false;
  let k = first - 1;
  if (lowerWordAt(tokens, k) === 'the' && tokens[k]!.breakBefore === 0) {
    // "in the Lakers’ ...", "across the Clintons": a plural after "the" names a team or family.
    if (tokens[first]!.text.endsWith('s')) return false;
    k--;
  }
  const w = lowerWordAt(tokens, k);
  if (w === null) return false;
  if (LOCATIVE_PREPOSITIONS.has(w) || TERRITORIAL_VERBS.has(w)) return true;
  const noun = w === 'of' ? lowerWordAt(tokens, k - 1) : null;
  return noun !== null && PLACE_NOUNS_BEFORE_OF.has(noun);
}

/** The type named by the head word before a connector ("Council on …" -> ORG). */
function connectorInside(tokens: Token[], first: number, last: number): string | undefined {
  for (let i = first + 1; i < last; i++) {
    const t = tokens[i]!;
    if (t.isCap) continue;
    // "Antoine Court de Gébelin": a given name, then a surname with its particles, whatever word precedes them.
    if (NAME_PARTICLES.has(t.text) && isGivenName(tokens[first]!.text) && last - first <= 4) return 'PER';
    const head = tokens[i - 1]!.text;
    const type = connectorHeadType(head) ?? (isOrgSuffix(head) ? 'ORG' : undefined);
    if (type) return type;
    // "Luis de Miranda", "Edwin van der Sar": a given name, then a surname with its particles.
    return NAME_PARTICLES.has(t.text) && isGivenName(tokens[first]!.text) ? 'PER' : 'NONE';
  }
  return undefined;
}

/**
 * A multi-word chunk with no evidence as a whole. When known names cover it entirely ("Germany
 * Italy"), keep them; otherwise a part is unknown ("Fox News") and guessing from the known part
 * would be wrong, so leave the whole span for document-level linking only.
 */
function splitByGazetteer(tokens: Token[], chunk: Chunk, out: Candidate[]): void {
  const pieces: Candidate[] = [];
  let i = chunk.first;
  while (i <= chunk.last) {
    const len = longestGazetteerMatch(tokens, i, chunk.last);
    const text = len > 0 ? joinWords(tokens, i, i + len - 1) : '';
    const gaz = len === 0 ? undefined : isWorldPlace(text) ? 'LOC' : gazetteerType(text);
    const type = gaz ? TYPE_OF[gaz] : undefined;
    if (!type) {
      out.push(candidate(tokens, chunk.first, chunk.last, chunk.text, null, Strength.Unknown));
      return;
    }
    pieces.push(candidate(tokens, i, i + len - 1, text, type, Strength.Strong));
    i += len;
  }
  out.push(...pieces);
}
