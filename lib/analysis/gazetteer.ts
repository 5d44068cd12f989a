// Read-only access to the learned model in lib/model (written by `npm run train`): entity strings
// with their usual type, first names, organisation head words, non-entity capitals, and a
// character n-gram naive Bayes for words the gazetteer has never seen.
import gazetteerData from '../model/gazetteer.json';
import ngramData from '../model/ngrams.json';
import surnamesData from '../model/surnames.json';
import wordsData from '../model/words.json';
import { ngramFeatures } from './entities-ngrams';
import type { GazType, TaggerLexicon } from './tagger-features';

export type { GazType };

// One map for every list: a string's bits say which lists hold it. The stages ask several lists
// about the same word or name in turn (type, world place, longer entry ahead, first name, ...):
// one table stays in cache and one hash serves them all.
// Bits 0-2: the gazetteer type's index + 1; then one bit per list.
const GAZ_TYPES: readonly GazType[] = ['PER', 'LOC', 'ORG', 'MISC'];
const TYPE_BITS = 7;
const WORLD = 8;
const PREFIX = 16;
const FIRST_NAME = 32;
const ORG_SUFFIX = 64;
const NON_ENTITY_CAP = 128;
const COMMON_WORD = 256;
const VOCABULARY_WORD = 512;
const NEWS_SURNAME = 1024;
const entryCodes = new Map<string, number>();
let longestEntry = 1;
// The model packs each list into one string: names joined by "|", words by " ".
const names = (packed: string): string[] => (packed ? packed.split('|') : []);
const words = (packed: string): string[] => (packed ? packed.split(' ') : []);
const addCode = (key: string, bits: number): void => {
  entryCodes.set(key, (entryCodes.get(key) ?? 0) | bits);
};

for (const [k, type] of GAZ_TYPES.entries()) {
  for (const s of names(gazetteerData[type])) {
    // A later list's entry replaces an earlier one's type.
    entryCodes.set(s, ((entryCodes.get(s) ?? 0) & ~TYPE_BITS) | (k + 1));
    longestEntry = Math.max(longestEntry, s.split(' ').length);
  }
}

/** Longest gazetteer entry, in words: bounds every longest-match loop. */
export const MAX_GAZ_WORDS: number = Math.min(longestEntry, 8);

for (const s of names(gazetteerData.world)) addCode(s, WORLD);

// Every entry's leading words ("New", "New York" for "New York City"), of the typed entries and
// world places: a longest-match loop stops once its words begin no entry.
for (const entry of [...entryCodes.keys()]) {
  if (!(entryCodes.get(entry)! & (TYPE_BITS | WORLD))) continue;
  const parts = entry.split(' ');
  for (let k = 1; k < parts.length; k++) addCode(parts.slice(0, k).join(' '), PREFIX);
}

// The lists were learned from text with straight apostrophes: "O’Neill" is known as "O'Neill" is.
// Each typed entry and world place is also filed under its spellings with curly apostrophes, so the
// lookups need not rewrite the names they are asked about. (After the prefixes: a longer entry
// ahead is only ever known for the exact spelling.)
for (const [entry, code] of [...entryCodes]) {
  if (!entry.includes("'") || entry.includes('’')) continue;
  for (const curly of curlySpellings(entry)) {
    const own = entryCodes.get(curly) ?? 0;
    // The spelling's own type, if it is an entry itself, comes first.
    entryCodes.set(curly, own | (own & TYPE_BITS ? 0 : code & TYPE_BITS) | (code & WORLD));
  }
}

/** Every spelling of `entry` with one or more of its straight apostrophes curly. */
function curlySpellings(entry: string): string[] {
  let spellings = [''];
  for (const ch of entry) spellings = ch === "'" ? spellings.flatMap((s) => [s + ch, `${s}’`]) : spellings.map((s) => s + ch);
  return spellings.filter((s) => s !== entry);
}

for (const w of words(wordsData.firstNames)) addCode(w, FIRST_NAME);
for (const w of words(wordsData.orgSuffixes)) addCode(w, ORG_SUFFIX);
const connectorHeads = new Map<string, string>(Object.entries(wordsData.connectorHeads));
for (const w of words(wordsData.nonEntityCaps)) addCode(w, NON_ENTITY_CAP);
// A common word is a vocabulary word too.
for (const w of words(wordsData.commonWords)) addCode(w, COMMON_WORD | VOCABULARY_WORD);
for (const w of words(wordsData.vocabulary)) addCode(w, VOCABULARY_WORD);
for (const w of words(surnamesData.surnames)) addCode(w, NEWS_SURNAME);

/** Is `s` on the list that `bit` stands for? */
function listed(s: string, bit: number): boolean {
  return ((entryCodes.get(s) ?? 0) & bit) !== 0;
}

/** The usual type of an exact entity string ("Interfax" -> ORG, "Syrian" -> MISC). */
export function gazetteerType(name: string): GazType | undefined {
  const type = (entryCodes.get(name) ?? 0) & TYPE_BITS;
  return type ? GAZ_TYPES[type - 1] : undefined;
}

/** Does some gazetteer or world-place entry start with `words` and a space (so a longer match may follow)? */
export function mayExtendGazetteerName(words: string): boolean {
  return ((entryCodes.get(words) ?? 0) & PREFIX) !== 0;
}

/** Countries, capitals and regions: context never re-types these ("U.S. officials" stay a place). */
export function isWorldPlace(name: string): boolean {
  return listed(name, WORLD);
}

/**
 * Whether `name` is a typed entry or a world place (as gazetteerType or isWorldPlace would say),
 * and whether a longer entry may follow (as mayExtendGazetteerName): one lookup, for the
 * longest-match loops that ask all three at every step.
 */
export function gazetteerStep(name: string): { known: boolean; mayExtend: boolean } {
  const code = entryCodes.get(name) ?? 0;
  const known = (code & (TYPE_BITS | WORLD)) !== 0;
  return (code & PREFIX) !== 0 ? (known ? KNOWN_MAY_EXTEND : MAY_EXTEND) : known ? KNOWN : NEITHER;
}

/** isWorldPlace ? 'LOC' : gazetteerType, and mayExtendGazetteerName, from one lookup (the tagger's cover loop). */
function coverStep(name: string): { type: GazType | undefined; mayExtend: boolean } {
  const code = entryCodes.get(name) ?? 0;
  const type = code & WORLD ? 2 : code & TYPE_BITS;
  return COVER_STEPS[(code & PREFIX ? 5 : 0) + type]!;
}

const COVER_STEPS: readonly { type: GazType | undefined; mayExtend: boolean }[] = [false, true].flatMap((mayExtend) =>
  [undefined, ...GAZ_TYPES].map((type) => Object.freeze({ type, mayExtend })),
);

const KNOWN_MAY_EXTEND = Object.freeze({ known: true, mayExtend: true });
const MAY_EXTEND = Object.freeze({ known: false, mayExtend: true });
const KNOWN = Object.freeze({ known: true, mayExtend: false });
const NEITHER = Object.freeze({ known: false, mayExtend: false });

export function isFirstName(word: string): boolean {
  return listed(word, FIRST_NAME);
}

/** Surnames today's news writes alone for a person ("Trump"), learned by scripts/train-surnames.ts. */
export function isNewsSurname(word: string): boolean {
  return listed(word, NEWS_SURNAME);
}

/** Last words that mark organisations ("University", "Agency", "Council"). */
export function isOrgSuffix(word: string): boolean {
  return listed(word, ORG_SUFFIX);
}

/** Words after which "of/on/for" continues a name ("Council on …", "Bank of …"), with the name's type. */
export function connectorHeadType(word: string): GazType | undefined {
  return connectorHeads.get(word) as GazType | undefined;
}

/** Capitalised mid-sentence, yet not part of names: "Tuesday", "January", "President". */
export function isNonEntityCap(word: string): boolean {
  return listed(word, NON_ENTITY_CAP) || (word.endsWith('.') && listed(word.slice(0, -1), NON_ENTITY_CAP));
}

/**
 * isFirstName, isOrgSuffix and isNonEntityCap of one capitalised word as bits 1, 2 and 4, from one look-up
 * (the tagger asks all three of every capitalised word it scores).
 */
export function capWordLists(word: string): number {
  const code = entryCodes.get(word) ?? 0;
  let bits = (code & FIRST_NAME ? 1 : 0) | (code & ORG_SUFFIX ? 2 : 0) | (code & NON_ENTITY_CAP ? 4 : 0);
  if (!(bits & 4) && word.endsWith('.') && listed(word.slice(0, -1), NON_ENTITY_CAP)) bits |= 4;
  return bits;
}

/** Ordinary lower-case words that also start sentences ("speaking", "while", "the"). */
export function isCommonWord(lowerWord: string): boolean {
  return listed(lowerWord, COMMON_WORD);
}

/** Any ordinary lower-case word seen in training ("path", "model", "streets"). */
export function isVocabularyWord(lowerWord: string): boolean {
  return listed(lowerWord, VOCABULARY_WORD);
}

// ---------- naive Bayes over character prefixes and suffixes ----------

const classes = ngramData.classes as GazType[];
const features = ngramData.features as Record<string, number[]>;
const vocabulary = Object.keys(features).length;
const logPrior = ngramData.classTotals.map((n: number, _i: number, all: number[]) => Math.log(n / all.reduce((a, b) => a + b, 0)));

export interface TypeGuess {
  type: GazType;
  probability: number;
}

// Guesses by word: an article repeats its names, and the guess depends on the spelling alone.
const guesses = new Map<string, TypeGuess | null>();
const MAX_GUESSES = 20_000;

/** Guesses the type of an unseen capitalised word from its spelling ("Sestanovich" -> PER). Callers share the result: read only. */
export function guessWordType(word: string): TypeGuess | null {
  let guess = guesses.get(word);
  if (guess === undefined) {
    if (guesses.size >= MAX_GUESSES) guesses.clear();
    guesses.set(word, (guess = spellingGuess(word)));
  }
  return guess;
}

function spellingGuess(word: string): TypeGuess | null {
  const feats = ngramFeatures(word.replace(/’/g, "'")).filter((f) => f in features);
  if (feats.length < 2) return null;
  const scores = classes.map((_, k) => {
    let s = logPrior[k]!;
    for (const f of feats) s += Math.log(((features[f]![k] ?? 0) + 1) / (ngramData.classFeatureTotals[k]! + vocabulary));
    return s;
  });
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  let best = 0;
  for (let k = 1; k < exp.length; k++) if (exp[k]! > exp[best]!) best = k;
  return { type: classes[best]!, probability: exp[best]! / sum };
}

/** The lists above as the tagger's features ask them. */
export const gazetteerLexicon: TaggerLexicon = {
  gazetteerType,
  isWorldPlace,
  isFirstName,
  isOrgSuffix,
  isNonEntityCap,
  isVocabularyWord,
  capWordLists,
  maxWords: MAX_GAZ_WORDS,
  mayExtend: mayExtendGazetteerName,
  coverStep,
};
