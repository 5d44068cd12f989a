// `npx tsx scripts/train-surnames.ts` (part of `npm run train`): surnames of today's news, learned from
// shared/datasets/polnear-silver (silver labels), written to lib/model/surnames.json. A word is kept when
// it ends many two-word-or-longer person names ("Donald Trump", "Adam Schiff"), is tagged a person most
// times it stands alone, and is almost never written in lower case. CoNLL-2003 (Reuters, 1996) knew
// "Trump" as a company; today's news means the man, and the tagger learned the old sense. Run after
// scripts/train.ts: names the shipped lists know are left to them.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gazetteerType, isWorldPlace } from '../lib/analysis/gazetteer';
import { readSentences, type Tag } from './train-lists';

const root = resolve(import.meta.dirname, '..');
const outPath = process.argv.includes('--out') ? resolve(process.argv[process.argv.indexOf('--out') + 1]!) : resolve(root, 'lib/model/surnames.json');
const silver = readSentences(resolve(root, '../shared/datasets/polnear-silver/train.conll'));

/** Ends of full names at least this often, and alone as a person at least this often. */
const MIN_ENDS = 3;
const MIN_ALONE = 3;
/** Share of the word's lone uses as a name that are a person's. */
const MIN_PERSON_SHARE = 0.55;

const ends = new Map<string, number>();
const alone = new Map<string, Record<Tag, number>>();
const lower = new Map<string, number>();
const capsO = new Map<string, number>();
const inc = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);

for (const s of silver) {
  if (s.capsMode) continue;
  for (const e of s.entities) {
    const word = s.tokens[e.last]!.word;
    if (e.last > e.first) {
      if (e.type === 'PER') inc(ends, word);
      continue;
    }
    const counts = alone.get(word) ?? { PER: 0, LOC: 0, ORG: 0, MISC: 0 };
    counts[e.type]++;
    alone.set(word, counts);
  }
  s.tokens.forEach((t, i) => {
    if (/^\p{Ll}+$/u.test(t.word)) inc(lower, t.word);
    else if (t.tag === 'O' && i > 0 && /^\p{Lu}\p{Ll}/u.test(t.word)) inc(capsO, t.word);
  });
}

const out: string[] = [];
for (const [word, n] of ends) {
  const counts = alone.get(word);
  if (!counts || n < MIN_ENDS || !/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(word)) continue;
  // The shipped lists (written first by scripts/train.ts) keep priority: only names they don't know.
  if (gazetteerType(word) || isWorldPlace(word)) continue;
  const names = counts.PER + counts.LOC + counts.ORG + counts.MISC;
  if (counts.PER < MIN_ALONE || counts.PER < names * MIN_PERSON_SHARE) continue;
  // An ordinary word ("Rice", "Bush" aside: news writes them lower case rarely) or a word mostly left untagged.
  if ((lower.get(word.toLowerCase()) ?? 0) > names * 0.1) continue;
  if ((capsO.get(word) ?? 0) > names * 0.5) continue;
  out.push(word);
}
out.sort();
writeFileSync(outPath, `${JSON.stringify({ surnames: out.join(' ') })}\n`);
console.log(`surnames: ${out.length} -> ${outPath}`);
