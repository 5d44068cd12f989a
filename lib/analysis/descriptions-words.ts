// Words of "who is this" phrases: role nouns that head them ("spokesman", "counsel"), the words that may
// modify a role ("senior", "campaign"), and the closed classes that bound a phrase. The learned lists come
// from PolNeAR train Source spans (lib/model/roles.json, written by scripts/train-roles.ts); the hand lists
// in entities-lexicon.ts and speech-cues.ts extend them.
import personNounModel from '../model/person-nouns.json';
import roleModel from '../model/roles.json';
import { ROLE_MODIFIERS, ROLE_NOUNS, TITLE_HEADS, TITLE_MODIFIERS } from './entities-lexicon';
import { lowerCase } from './lower-case';
import { HUMAN_NOUNS, STRONG_CUES } from './speech-cues';
import type { Token } from './tokens';

/** Role nouns news style uses that the learned list is too small to hold (occupations, ranks). */
const MORE_ROLE_HEADS = [
  'teacher', 'producer', 'superintendent', 'counselor', 'counsellor', 'specialist', 'rival', 'partner', 'member', 'official',
  'physician', 'officer', 'instructor', 'principal', 'nurse', 'surgeon', 'engineer', 'sheriff', 'lieutenant', 'sergeant',
  'chef', 'designer', 'artist', 'musician', 'guitarist', 'drummer', 'bassist', 'songwriter', 'songstress', 'star',
  'singer', 'comedian', 'host', 'anchor', 'chair', 'trustee', 'treasurer', 'clerk', 'administrator', 'coordinator',
  'attorney', 'lawyer', 'solicitor', 'barrister', 'mp', 'legislator', 'councilman', 'councilwoman', 'councillor',
  'rep.', 'sen.', 'gov.', 'lt.', 'col.', 'gen.', 'sgt.', 'capt.', 'adm.', 'maj.', 'prof.', 'dr.', 'col', 'lt',
  // Occupations and standings of the people news describes by a bare noun ("media mogul", "Cruz constituent").
  'frontman', 'frontwoman', 'vocalist', 'pianist', 'dancer', 'choreographer', 'magician', 'playwright', 'painter', 'sculptor',
  'supermodel', 'influencer', 'youtuber', 'celebrity', 'socialite', 'heiress', 'personality', 'athlete', 'swimmer', 'astronaut',
  'mogul', 'tycoon', 'titan', 'boss', 'philanthropist', 'cofounder', 'cfo', 'coo', 'cto', 'contributor', 'legend', 'dissident',
  'constituent', 'councilmember', 'freeholder', 'paralegal', 'architect', 'stylist', 'baker', 'rancher', 'dentist',
  'pharmacist', 'veterinarian', 'therapist', 'psychiatrist', 'neuroscientist', 'chemist', 'epidemiologist', 'virologist',
  'geologist', 'mathematician', 'programmer', 'retiree', 'millionaire', 'newspaperman', 'homemaker', 'scholar', 'confidant',
  'committeewoman', 'technician', 'waitress', 'waiter', 'bartender', 'guru', 'surrogate', 'undersecretary', 'loyalist',
  'postdoc', 'freshman', 'sophomore', 'janitor', 'electrician', 'plumber', 'mechanic', 'carpenter', 'welder', 'trucker',
  'cashier', 'accountant', 'librarian', 'homeowner', 'native',
  // Public figures news names by what they do: "disgraced financier", "pop superstar", "TV presenter".
  'financier', 'heir', 'superstar', 'comedienne', 'broadcaster', 'presenter', 'pundit', 'rocker', 'crooner', 'diva',
  'starlet', 'sportsman', 'sportswoman', 'footballer', 'cricketer', 'golfer', 'wrestler', 'sprinter', 'skater', 'dealmaker',
  'showrunner', 'newsreader', 'podcaster', 'vlogger', 'explorer', 'mountaineer', 'preacher', 'evangelist', 'televangelist',
  'warlord', 'strongman', 'fraudster', 'ballerina', 'rookie', 'junior', 'winner', 'laureate', 'model', 'offender', 'royal',
  'finalist', 'medalist', 'medallist', 'olympian',
  // Positions and officials in sport, and a skipper: "Anaheim defenseman", "Capitals winger".
  'defenseman', 'winger', 'skipper', 'referee', 'umpire', 'jockey', 'wicketkeeper', 'fullback',
  // Where a case stands: "murder suspect Jane Roe", "The suspect, John Doe, was".
  'suspect',
];

/** Occupations by their ending: "oncologist", "pediatrician", "demographer", "psychiatrist". */
const OCCUPATION_ENDING = /^\p{Ll}{3,}(?:ologist|ician|ographer|iatrist)$/u;
/** "-ist" nouns for people ("lobbyist", "columnist"), not the verbs and lists that end so. */
const IST_NOUN = /^\p{Ll}{4,}ist$/u;
const IST_NOT_PEOPLE = new Set(['persist', 'consist', 'subsist', 'checklist', 'playlist', 'wishlist', 'shortlist', 'blacklist', 'whitelist', 'waitlist']);

function isOccupationWord(w: string): boolean {
  // Every ending above ends in "t", "n" or "r": most words are ruled out before a Unicode-class regex runs.
  const end = w.charCodeAt(w.length - 1);
  if (end !== 116 && end !== 110 && end !== 114) return false;
  // "-list" words are lists ("checklist", "setlist") unless a vowel or an "l" comes before: "capitalist", "novelist".
  return OCCUPATION_ENDING.test(w) || (IST_NOUN.test(w) && (!w.endsWith('list') || /[aeioly]list$/.test(w)) && !IST_NOT_PEOPLE.has(w));
}

/** Human nouns that say nothing about who someone is, or that name a party rather than a role. */
const NOT_HEADS = new Set(['person', 'man', 'woman', 'people', 'source', 'witness', 'republican', 'democrat', 'conservative', 'liberal', 'progressive']);

const LEARNED_HEADS = Object.keys(roleModel.heads).filter((w) => !w.endsWith('ed'));
const HEADS: ReadonlySet<string> = new Set(
  [...ROLE_NOUNS, ...LEARNED_HEADS, ...HUMAN_NOUNS, ...MORE_ROLE_HEADS, ...[...TITLE_HEADS].map((w) => w.toLowerCase())].filter((w) => !NOT_HEADS.has(w)),
);
/** Nouns for people from WordNet (lib/model/person-nouns.json, scripts/train-person-nouns.ts): "accuser",
 * "linebacker", "planner". They head a role phrase, but not an epithet (descriptions-anaphora.ts): "the burglar
 * said" is as often someone the article never names. */
/** Comparatives WordNet also lists as nouns for people ("a younger", "a longer"): "the longer the farce". */
const COMPARATIVES = new Set(['longer', 'younger', 'elder', 'older', 'better', 'stronger', 'shorter', 'higher', 'lower', 'greater', 'wider', 'closer', 'faster', 'slower', 'bigger', 'smaller', 'richer', 'poorer']);
const PERSON_NOUNS: ReadonlySet<string> = new Set(personNounModel.words.split(' ').filter((w) => !NOT_HEADS.has(w) && !COMPARATIVES.has(w)));
const MODIFIERS: ReadonlySet<string> = new Set([
  ...ROLE_MODIFIERS,
  ...Object.keys(roleModel.modifiers),
  ...[...TITLE_MODIFIERS].map((w) => w.toLowerCase()),
  'founding', 'managing', 'acting', 'retired', 'ruling', 'leading', 'governing', 'elected', 'appointed', 'then',
  // Adjectives with a verb's or an adverb's ending: "Famed fight doctor", "nightly news anchor", "Likely nominee".
  'famed', 'renowned', 'acclaimed', 'beloved', 'embattled', 'disgraced', 'alleged', 'presumed', 'legendary', 'likely',
  'nightly', 'weekly', 'daily', 'monthly', 'elderly',
  // What befell a public figure: "convicted sex offender", "jailed financier", "deposed president".
  'convicted', 'jailed', 'exiled', 'slain', 'deposed',
]);

/** Common verbs without a regular ending that take a person as object ("heard President Trump") or make a
 * clause ("the photographer gave Smith her own show"). */
const IRREGULAR_VERBS = [
  'heard', 'saw', 'met', 'meet', 'see', 'hear', 'made', 'make', 'took', 'take', 'gave', 'give', 'got', 'get', 'found',
  'find', 'left', 'leave', 'thought', 'knew', 'know', 'became', 'become', 'went', 'came', 'come', 'brought', 'bring',
  'sent', 'send', 'kept', 'keep', 'led', 'lead', 'won', 'win', 'lost', 'lose', 'beat', 'hit', 'let', 'put', 'set', 'paid',
  'pay', 'sold', 'sell', 'bought', 'buy', 'wrote', 'write', 'read', 'ran', 'run', 'held', 'hold', 'stood', 'spoke', 'chose',
  'choose', 'join', 'joins', 'thank', 'thanks', 'urge', 'urges', 'ask', 'asks', 'tell', 'tells', 'call', 'calls', 'defeat',
  'endorse', 'back', 'backs', 'support', 'supports', 'attack', 'blame', 'criticize', 'kill', 'elect', 'replace', 'fire',
  'hire', 'invite', 'interview', 'visit', 'visits', 'welcome', 'welcomes', 'accuse', 'accuses', 'sue', 'sues', 'told',
  // "the cast includes singer Jane Roe".
  'include', 'includes', 'honor', 'honors', 'honour', 'honours', 'congratulate',
];

/** Words a role phrase never runs over: function words, clause openers, speech verbs. */
const STOPS = new Set([
  'and', 'or', 'but', 'nor', 'of', 'at', 'for', 'to', 'in', 'on', 'with', 'from', 'by', 'as', 'into', 'about', 'over',
  'after', 'before', 'during', 'against', 'between', 'among', 'through', 'under', 'without', 'within', 'including', 'like',
  'off', 'up', 'out', 'down', 'away', 'around', 'near', 'toward', 'towards', 'upon', 'onto', 'across', 'behind', 'beside',
  'who', 'whom', 'whose', 'which', 'that', 'what', 'when', 'where', 'while', 'why', 'how', 'if', 'because', 'although',
  'though', 'since', 'until', 'unless', 'whether', 'than', 'so', 'then', 'also', 'not', 'is', 'was', 'are', 'were', 'be',
  'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could', 'may', 'might', 'should',
  'shall', 'must', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'him', 'them', 'us', 'me', 'there', 'here', 'this',
  'these', 'those', 'some', 'any', 'all', 'both', 'each', 'every', 'many', 'most', 'more', 'few', 'no', 'yes', 'very',
  'just', 'only', 'even', 'still', 'now', 'ago', 'yet', 'again', 'today', 'yesterday', 'tomorrow', 'tonight', 'via', 'per',
  'according', 'including', 'named', 'called', 'dubbed', 'meanwhile', 'however', 'later', 'earlier', 'instead', 'last',
  'next', 'first', 'soon', 'once', 'twice', 'well', 'too', 'either', 'neither', 'such', 'other', 'others', 'said', 'says',
  'same',
  // Time words: "Last week State Department official David Holmes".
  'week', 'weeks', 'month', 'months', 'year', 'years', 'day', 'days', 'weekend', 'morning', 'afternoon', 'evening', 'night',
  'time', 'times', 'season',
  ...IRREGULAR_VERBS,
]);

/** Words that open a noun phrase and end a backward walk ("the president’s lawyer", "his business partner"). */
export const PHRASE_DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'another', 'one']);

export function lower(t: Token): string {
  return t.lower;
}

/** A noun that may head a role or description ("spokesman", "Superintendent", "members"). */
export function isRoleHead(word: string): boolean {
  return cachedByWord(roleHeads, word, isRoleHeadUncached);
}

/** isRoleHead without the cache (the tests compare the two). */
export function isRoleHeadUncached(word: string): boolean {
  const w = lowerCase(word);
  if (HEADS.has(w) || PERSON_NOUNS.has(w) || isOccupationWord(w) || isCompoundRoleHead(w)) return true;
  // Plurals head list roles: "founding members Tom Johnston, Michael McDonald and …".
  return isPluralRoleHead(w);
}

/** A role noun from the hand-made and PolNeAR-learned lists, not only WordNet's: one that may head an epithet. */
export function isListedRoleHead(word: string): boolean {
  return cachedByWord(listedRoleHeads, word, isListedRoleHeadUncached);
}

/** isListedRoleHead without the cache. */
export function isListedRoleHeadUncached(word: string): boolean {
  const w = lowerCase(word);
  return HEADS.has(w) || isOccupationWord(w) || isCompoundRoleHead(w);
}

// Answers by word: the description passes ask about the same words again and again. Kept small.
const roleHeads = new Map<string, boolean>();
const listedRoleHeads = new Map<string, boolean>();
const WORD_CACHE_SIZE = 20000;

function cachedByWord(cache: Map<string, boolean>, word: string, answer: (word: string) => boolean): boolean {
  let known = cache.get(word);
  if (known === undefined) {
    if (cache.size >= WORD_CACHE_SIZE) cache.clear();
    cache.set(word, (known = answer(word)));
  }
  return known;
}

/** "editor-in-chief", "co-founder", "vice-chairman", "ex-wife": a hyphenated role whose main part is a role noun. */
function isCompoundRoleHead(w: string): boolean {
  if (!w.includes('-')) return false;
  const inner = /^(\p{Ll}+)-(?:in|at|of)-\p{Ll}+$/u.exec(w);
  if (inner) return HEADS.has(inner[1]!);
  const prefixed = /^(?:co|vice|ex|deputy|under|step)-(\p{Ll}+)$/u.exec(w);
  if (prefixed) return HEADS.has(prefixed[1]!) || PERSON_NOUNS.has(prefixed[1]!);
  // "Inspector-General", "Attorney-General", "president-elect": a role noun and a word that ranks it.
  const ranked = /^(\p{Ll}+)-(general|elect|designate)$/u.exec(w);
  return !!ranked && HEADS.has(ranked[1]!);
}

export function isPluralRoleHead(word: string): boolean {
  const w = lowerCase(word);
  if (w.length < 4 || !w.endsWith('s')) return false;
  if (PERSON_NOUNS.has(w.slice(0, -1))) return true;
  return HEADS.has(w.slice(0, -1)) || isOccupationWord(w.slice(0, -1)) || (w.endsWith('es') && HEADS.has(w.slice(0, -2))) || w === 'spokesmen' || w === 'spokeswomen';
}

export function isRoleModifier(word: string): boolean {
  return MODIFIERS.has(lowerCase(word));
}

/**
 * A lower-case word that may sit inside a role phrase before its head ("talent manager", "high school math
 * teacher"): a known modifier or role noun, or any open-class word that is not a function word, a speech verb
 * or a past-tense/adverb form.
 */
export function mayModifyRole(t: Token): boolean {
  if (!t.isWord) return false;
  const w = lower(t);
  if (MODIFIERS.has(w) || HEADS.has(w)) return true;
  if (STOPS.has(w) || PHRASE_DETERMINERS.has(w) || STRONG_CUES.has(w)) return false;
  if (/^\d/.test(w)) return false;
  // "doesn’t", "can't": a verb's contraction.
  if (/n[’']t$/.test(w)) return false;
  // Compound adjectives: "award-winning", "Los Angeles-based".
  // Not a verb with its prefix: "re-elected", "co-opted".
  if (/\p{L}-\p{L}/u.test(w)) return !/^(?:re|pre|co|un|over|out)-\p{L}+ed$/u.test(w);
  // "-ly" adverbs ("recently"), not nouns that end so ("family", "assembly": the stem ends in -i or is short).
  const adverb = w.endsWith('ly') && w.length >= 6 && !/(?:i|mb)ly$/.test(w);
  return !adverb && !/(?:ed|ing)$/.test(w) && w.length > 2;
}

export function isStopWord(word: string): boolean {
  return STOPS.has(lowerCase(word));
}

export function isSpeechVerb(word: string): boolean {
  return STRONG_CUES.has(lowerCase(word));
}

/** The possessive "’s" / "'s" token, or a bare apostrophe after a plural ("the teachers’ union"). */
export function isPossessiveMark(t: Token | undefined): boolean {
  return !!t && (t.text === '’s' || t.text === "'s" || t.text === '’' || t.text === "'");
}
