// How a person, place or organisation is named across articles: the key of its library page
// (type + normalised name, `person:donald trump`), the rules by which two articles' names are the
// same entity's (shared with the reading history, lib/background/history.ts), and the terms an
// article is indexed under so both are found without reading every article. Pure.

import type { EntityType } from '../analysis/types';
import { acronymLetters, initialsOf, isAcronymOf, sameFirstName, similarSurname } from '../analysis/name-variants';

/** `${type}:${folded name}`, e.g. "person:donald trump", "organization:un". */
export type EntityKey = string;

/** A name as compared across articles: its raw text and its words, folded (case, accents, dots, honorifics). */
export interface NameForm {
  raw: string;
  words: string[];
}

const NAME_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'jr', 'sr', 'president', 'sen', 'senator', 'rep', 'gov', 'governor']);
const TYPES: readonly EntityType[] = ['person', 'place', 'organization'];

export function nameForm(name: string): NameForm {
  const folded = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['\u2019]s$/, '');
  // "U.N." -> "un"; other punctuation separates words.
  const words = folded.replace(/\.(?=\S)/g, '').replace(/\./g, ' ').split(/[^\p{L}\p{N}-]+/u).filter((w) => w !== '');
  const core = words.filter((w) => !NAME_TITLES.has(w));
  return { raw: name.trim(), words: core.length > 0 ? core : words };
}

/** Are two names the same entity's: equal once folded, an acronym and its long form, or (for a person) the same
 * surname, spelled alike, with a first name the same or a nickname of it, or missing on one side. */
export function formsMatch(a: NameForm, b: NameForm, person: boolean): boolean {
  if (a.words.length === 0 || b.words.length === 0) return false;
  if (a.words.join(' ') === b.words.join(' ')) return true;
  if (isAcronymOf(a.raw, b.raw) || isAcronymOf(b.raw, a.raw)) return true;
  if (!person) return false;
  const lastA = a.words[a.words.length - 1] as string;
  const lastB = b.words[b.words.length - 1] as string;
  if (!similarSurname(lastA, lastB) && lastA !== lastB) return false;
  // "Trump" / "Donald Trump": a surname alone meets the full name.
  if (a.words.length === 1 || b.words.length === 1) return a.words.length !== b.words.length;
  return sameFirstName(a.words[0] as string, b.words[0] as string);
}

/** The key of an entity's page; null for a name with no letters or digits. */
export function entityKey(type: EntityType, name: string): EntityKey | null {
  const words = nameForm(name).words;
  return words.length > 0 ? `${type}:${words.join(' ')}` : null;
}

/** The type and folded name of a key, or null when it is not one (a hand-edited address). */
export function parseEntityKey(key: string): { type: EntityType; folded: string } | null {
  const colon = key.indexOf(':');
  const type = key.slice(0, colon) as EntityType;
  const folded = key.slice(colon + 1);
  if (colon < 0 || !TYPES.includes(type) || folded.trim() === '' || folded !== folded.trim()) return null;
  return { type, folded };
}

/** A person's surname handle: every article naming someone of that surname has it. */
export function surnameTerm(type: EntityType, surname: string): string {
  return `${type}~s:${surname}`;
}

/** Surnames shorter than this have no spelling handle (similarSurname never joins them). */
const MIN_SPELLING_LETTERS = 7;

/**
 * A long surname's spelling handle: its first two letters, then its consonants without h, y, w and
 * doubled letters ("zelensky" and "zelenskiy" -> ze:lnsk, "gaddafi" and "gadhafi" -> ga:df). Two
 * spellings similarSurname joins mostly share it, so they are found by one exact lookup, never by
 * scanning every surname; similarSurname then decides.
 */
export function spellingTerm(type: EntityType, surname: string): string | null {
  if (surname.length < MIN_SPELLING_LETTERS) return null;
  const skeleton = surname
    .slice(2)
    .replace(/[aeiouyhw]/g, '')
    .replace(/(.)\1+/g, '$1');
  return `${type}~k:${surname.slice(0, 2)}:${skeleton}`;
}

/** The initials of a long form ("United Nations" -> un), met by the acronym "U.N.". */
export function initialsTerm(type: EntityType, letters: string): string {
  return `${type}~i:${letters}`;
}

/** An acronym's letters ("U.N." -> un), met by the long form "United Nations". */
export function acronymTerm(type: EntityType, letters: string): string {
  return `${type}~a:${letters}`;
}

/**
 * What an article is indexed under for one of its entities (a Dexie multi-entry index): the
 * entity's key, and the handles by which other spellings find it: a person's surname and its spelling; a place's or
 * organisation's initials (long form) or letters (acronym).
 */
export function entityIndexTerms(type: EntityType, name: string): string[] {
  const key = entityKey(type, name);
  if (key === null) return [];
  const terms = [key];
  const words = nameForm(name).words;
  if (type === 'person') {
    const surname = words[words.length - 1] as string;
    const spelling = spellingTerm(type, surname);
    return spelling ? [...terms, surnameTerm(type, surname), spelling] : [...terms, surnameTerm(type, surname)];
  }
  const initials = initialsOf(name.trim());
  if (initials) terms.push(initialsTerm(type, initials));
  const letters = acronymLetters(name.trim());
  if (letters) terms.push(acronymTerm(type, letters));
  return terms;
}

/** Every entity's index terms for one article, each once. */
export function articleEntityTerms(entities: readonly { type: EntityType; name: string }[]): string[] {
  return [...new Set(entities.flatMap((entity) => entityIndexTerms(entity.type, entity.name)))];
}
