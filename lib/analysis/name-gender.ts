// A first name's usual gender, from lib/model/names.json (scripts/train-names.ts): two maintained name lists,
// checked against how PolNeAR train and CoNLL train refer back to each name. Unknown when neither is clear.
import names from '../model/names.json';

export type NameGender = 'male' | 'female' | 'unknown';

let table: Map<string, NameGender> | null = null;

function load(): Map<string, NameGender> {
  const map = new Map<string, NameGender>();
  for (const n of names.male.split(' ')) map.set(n, 'male');
  for (const n of names.female.split(' ')) map.set(n, 'female');
  return map;
}

/** The gender a first name usually has ("Hillary": female); "unknown" for names on neither side. */
export function firstNameGender(word: string): NameGender {
  table ??= load();
  return table.get(word.toLowerCase()) ?? 'unknown';
}
