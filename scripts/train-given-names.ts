// `npx tsx scripts/train-given-names.ts` (part of `npm run train`): which names of the two maintained first-name
// lists (lib/model/names.json) are no safe sign of a person in news text, written to lib/model/given-names.json.
// A listed name that opens organisations, places or other names ("Yale", "Stanford", "Capitol", "Costa") more
// often than it opens a person's name in CoNLL-2003 eng.train and the silver-tagged PolNeAR train split is left
// out. Only training text is read (never eng.testa or the gold pages). Run after scripts/train-names.ts.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isGivenName } from '../lib/analysis/given-names';
import { isFirstName } from '../lib/analysis/gazetteer';
import { readSentences } from './train-lists';

const root = resolve(import.meta.dirname, '..');
const outPath = process.argv.includes('--out') ? resolve(process.argv[process.argv.indexOf('--out') + 1]!) : resolve(root, 'lib/model/given-names.json');
const sentences = [
  ...readSentences(resolve(root, '../shared/datasets/conll2003/eng.train')),
  ...readSentences(resolve(root, '../shared/datasets/polnear-silver/train.conll')),
];

/** One stray tag is no evidence: a name must open other names at least this often to be left out. */
const MIN_OTHER = 2;

/** How often each listed name opens a person's name, and anything else that is a name. */
const opens = new Map<string, { person: number; other: number }>();
for (const s of sentences) {
  if (s.capsMode) continue;
  for (const e of s.entities) {
    const word = s.tokens[e.first]!.word;
    // Judged with the list as it stands, exclusions off: the wider list only (the Reuters list is trusted as is).
    if (isFirstName(word) || !isGivenName(word, { trained: false })) continue;
    const c = opens.get(word) ?? { person: 0, other: 0 };
    if (e.type === 'PER') c.person++;
    else c.other++;
    opens.set(word, c);
  }
}
const notGiven = [...opens].filter(([, c]) => c.other > c.person && c.other >= MIN_OTHER).map(([w]) => w).sort();
writeFileSync(outPath, JSON.stringify({ notGiven: notGiven.join(' ') }) + '\n');
console.log(`given-names: ${notGiven.length} listed names left out (of ${opens.size} seen opening names)`);
