// `npx tsx scripts/train-holidays.ts` (part of `npm run train`): the English names of holidays, festivals and
// observances worldwide, from the `date-holidays` package's data, written to lib/model/holidays.json. A holiday is
// a date, never a person, place or organisation ("Since Diwali, …", "before Thanksgiving"), though its capital and
// the tagger's spelling guesses often make it one. Kept: each full English name ("Eid al-Fitr", "Christmas Day")
// and, for "X Day"/"X Eve", the bare X when X is one word no list knows as a name ("Christmas", not "Columbus").
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gazetteerType, isFirstName, isVocabularyWord, isWorldPlace } from '../lib/analysis/gazetteer';

const root = resolve(import.meta.dirname, '..');
const outPath = process.argv.includes('--out') ? resolve(process.argv[process.argv.indexOf('--out') + 1]!) : resolve(root, 'lib/model/holidays.json');
// The package exports its data only through its code; its data file is read from where npm put it.
const data = JSON.parse(readFileSync(resolve(root, 'node_modules/date-holidays/data/holidays.json'), 'utf8')) as {
  holidays: Record<string, Region>;
  names: Record<string, { name?: Record<string, string> }>;
};
interface Day {
  name?: Record<string, string>;
}
interface Region {
  days?: Record<string, Day | string | boolean>;
  states?: Record<string, Region>;
  regions?: Record<string, Region>;
}

const english = new Set<string>();
const add = (name: string | undefined): void => {
  if (!name) return;
  // "Christmas Day (substitute day)", "Eid al-Adha (Feast of Sacrifice)": the name before any note.
  const clean = name.replace(/\s*\(.*$/, '').replace(/\s+/g, ' ').trim();
  // Names with digits or of one letter are no words of running text.
  if (clean.length > 2 && !/\d/.test(clean) && /^\p{Lu}/u.test(clean)) english.add(clean);
};
for (const entry of Object.values(data.names)) add(entry.name?.en);
const walk = (region: Region): void => {
  for (const day of Object.values(region.days ?? {})) if (day && typeof day === 'object') add(day.name?.en);
  for (const sub of Object.values(region.states ?? {})) walk(sub);
  for (const sub of Object.values(region.regions ?? {})) walk(sub);
};
for (const region of Object.values(data.holidays)) walk(region);

/** A word the lists know as a name of someone or somewhere ("Columbus Day", "Washington's Birthday"). */
const knownName = (word: string): boolean => {
  const type = gazetteerType(word);
  return (type !== undefined && type !== 'MISC') || isWorldPlace(word) || isFirstName(word);
};
// The bare X of "X Day" only when the data also writes X with another holiday word ("Christmas Eve",
// "Easter Monday", "Thanksgiving Day" beside "Thanksgiving"): "Army Day" or "Truman Day" leave "Army" and "Truman" alone.
const withDay = new Map<string, number>();
for (const name of english) {
  const bare = /^(\S+) (?:Day|Eve|Sunday|Monday|Tuesday|Friday|Saturday)$/.exec(name)?.[1];
  if (bare && !/['’]s$/.test(bare)) withDay.set(bare, (withDay.get(bare) ?? 0) + 1);
}
const names = new Set<string>();
for (const name of english) {
  // A holiday named after a person or place alone ("Nyerere") is that name too; one named by an ordinary
  // word ("Anniversary", "Assumption") is that word, which other rules judge.
  if (!name.includes(' ') && (knownName(name) || isVocabularyWord(name.toLowerCase()))) continue;
  names.add(name);
}
for (const [bare, count] of withDay) if ((count >= 2 || english.has(bare)) && !knownName(bare) && !isVocabularyWord(bare.toLowerCase())) names.add(bare);
const sorted = [...names].sort();
writeFileSync(outPath, JSON.stringify({ names: sorted.join('|') }) + '\n');
console.log(`holidays: ${sorted.length} names (${english.size} English holiday names in date-holidays)`);
