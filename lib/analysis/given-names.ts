// Given names beyond the short list CoNLL-2003 taught (isFirstName, ~800 Reuters names, which the tagger's
// features use as they were trained): the two maintained name lists in lib/model/names.json (scripts/
// train-names.ts) as well. The rules use this wider test to read "Given Surname" as a person's name when neither
// word is known otherwise ("Linus Ullmark", "Sonya Zoghlin"). A listed name that is also an ordinary word, a
// place or an organisation ("Sierra", "Georgia", "Will") counts only if the Reuters list has it too, and so does
// one that training text shows opening other names more often than people's (lib/model/given-names.json,
// scripts/train-given-names.ts: "Yale", "Stanford").
import givenData from '../model/given-names.json';
import names from '../model/names.json';
import { TITLE_HEADS } from './entities-lexicon';
import { gazetteerType, isFirstName, isNonEntityCap, isVocabularyWord, isWorldPlace } from './gazetteer';
import type { Token } from './tokens';

let listed: Set<string> | null = null;
let excluded: Set<string> | null = null;

function load(): Set<string> {
  const set = new Set<string>();
  for (const n of names.male.split(' ')) set.add(n);
  for (const n of names.female.split(' ')) set.add(n);
  return set;
}

const cache = new Map<string, boolean>();

function listedName(word: string): boolean {
  let known = cache.get(word);
  if (known === undefined) {
    listed ??= load();
    known = /^\p{Lu}\p{Ll}+$/u.test(word) && listed.has(word.toLowerCase()) && !isVocabularyWord(word.toLowerCase()) &&
      !gazetteerType(word) && !isWorldPlace(word);
    if (cache.size > 5000) cache.clear();
    cache.set(word, known);
  }
  return known;
}

/** A given name as written in running text ("Linus", "Sonya"; not "Will", "Georgia" or "Yale"). `trained: false`
 * skips the learned exclusions (for the script that learns them). */
export function isGivenName(word: string, options: { trained?: boolean } = {}): boolean {
  if (isFirstName(word)) return true;
  if (!listedName(word)) return false;
  if (options.trained === false) return true;
  excluded ??= new Set(givenData.notGiven ? givenData.notGiven.split(' ') : []);
  return !excluded.has(word);
}

/**
 * Tokens first..last read as "Given [Middle] Surname" by their given name: a Reuters-list given name as before, or
 * a wider-list one when the name is two or three words in plain name case, none an ordinary word or a title, the last
 * no known place or organisation ("Rudyard MT", "Bartholomew County Sheriff" are no people).
 */
export function opensWithGivenName(tokens: readonly Token[], first: number, last: number): boolean {
  const given = tokens[first]!.text;
  if (isFirstName(given)) return true;
  if (last - first > 2 || !isGivenName(given)) return false;
  for (let i = first + 1; i <= last; i++) {
    const w = tokens[i]!.text;
    if (!/^(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’]*\p{Ll}[\p{L}'’-]*)$/u.test(w)) return false;
    // "Bartholomew County Sheriff": ordinary words and titles make it something else's name.
    if ((isVocabularyWord(w.toLowerCase()) && gazetteerType(w) !== 'PER') || TITLE_HEADS.has(w) || isNonEntityCap(w)) return false;
  }
  const surname = tokens[last]!.text;
  return !isWorldPlace(surname) && gazetteerType(surname) !== 'LOC' && gazetteerType(surname) !== 'ORG';
}
