// `npx tsx scripts/train-companies.ts [--out FILE]` (part of `npm run train`): the one-word company names of the maintained
// @cspell/dict-companies word list and the brands of the simple-icons set (apps, services, makers; an icon's word that
// @cspell/dict-people-names lists as someone's name is left out) that cannot be anything else, written to lib/model/companies.json. Reuters 1996
// and the politics news the other lists learn from never saw most of today's companies ("Nintendo", "Lockheed"),
// so the tagger takes their lone names for surnames. A word is kept only when no list knows it as a given name (even one the rules set aside, "Morgan"), a
// surname, a place or an English word, and neither CoNLL-2003 eng.train nor the silver-tagged news ever tag it a
// person or a place more than a fifth as often as an organisation: "Ford", "Harris" and "Boston" stay out.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readSentences, type Sentence } from './train-lists';
import { gazetteerType, isFirstName, isNewsSurname, isVocabularyWord, isWorldPlace } from '../lib/analysis/gazetteer';
import { isGivenName } from '../lib/analysis/given-names';
import { firstNameGender } from '../lib/analysis/name-gender';
import { listedWord } from '../lib/analysis/common-word-names';
import { isStateName } from '../lib/analysis/name-heads';
import names from '../lib/model/names.json';

const root = resolve(import.meta.dirname, '..');
const outPath = process.argv.includes('--out') ? resolve(process.argv[process.argv.indexOf('--out') + 1]!) : resolve(root, 'lib/model/companies.json');
const dict = readFileSync(resolve(root, 'node_modules/@cspell/dict-companies/dict/companies.txt'), 'utf8');
/** The brands of the maintained simple-icons set (apps, services, makers, airlines), by title. */
const icons = JSON.parse(readFileSync(resolve(root, 'node_modules/simple-icons/data/simple-icons.json'), 'utf8')) as { title: string }[];
/** People's names of the maintained cspell list: a brand named so ("Jenkins", "Dolby") may be someone. */
const peopleNames = new Set(readFileSync(resolve(root, 'node_modules/@cspell/dict-people-names/dict/people-names.txt'), 'utf8').split('\n').map((l) => l.trim()));

/** Words tagged as one kind or another in a labelled source: person and place against organisation. */
function tagCounts(sentences: Sentence[], counts: Map<string, { other: number; org: number; place: number }>): void {
  for (const s of sentences) {
    if (s.capsMode) continue;
    for (const e of s.entities) {
      for (let i = e.first; i <= e.last; i++) {
        const word = s.tokens[i]!.word;
        const c = counts.get(word) ?? { other: 0, org: 0, place: 0 };
        if (e.type === 'ORG') c.org++;
        else if (e.type === 'PER' || e.type === 'LOC') c.other++;
        if (e.type === 'LOC' && e.first === e.last) c.place++;
        counts.set(word, c);
      }
    }
  }
}

const counts = new Map<string, { other: number; org: number; place: number }>();
tagCounts(readSentences(resolve(root, '../shared/datasets/conll2003/eng.train')), counts);
tagCounts(readSentences(resolve(root, '../shared/datasets/polnear-silver/train.conll')), counts);

// Any listed given name, even one the rules no longer read as one ("Morgan"): people are named so.
const givenNames = new Set<string>([...names.male.split(' '), ...names.female.split(' ')]);
// Each brand's one word: the dictionary's words, the icons' one-word titles and the first word of the longer ones
// ("Alibaba Cloud", "Alibaba.com" -> "Alibaba"). An icon's word that is also someone's name ("Jenkins") is left out.
const brandWords = new Set<string>();
for (const line of dict.split('\n')) brandWords.add(line.trim());
for (const { title } of icons) {
  const word = title.replace(/\.com$/, '').split(' ')[0]!;
  if (!peopleNames.has(word)) brandWords.add(word);
}
const words = new Set<string>();
for (const word of brandWords) {
  if (!/^\p{Lu}\p{Ll}{3,}$/u.test(word)) continue;
  if (givenNames.has(word.toLowerCase()) || isFirstName(word) || isGivenName(word) || firstNameGender(word) !== 'unknown' || isNewsSurname(word)) continue;
  const gaz = gazetteerType(word);
  if (gaz === 'PER' || gaz === 'LOC' || isWorldPlace(word)) continue;
  if (isVocabularyWord(word.toLowerCase()) || listedWord(word.toLowerCase())) continue;
  const c = counts.get(word);
  if (c && c.other * 5 > c.org) continue;
  words.add(word);
}
// Apps, services and airlines named by one word, even a place's ("Spotify", "Emirates"): the simple-icons titles of one
// word that are no English word or state and that the labelled text never tags alone as a place ("Jordan" is a country
// first). Whether the page names the place or the brand is for its own words to tell.
const apps = new Set<string>();
for (const { title } of icons) {
  const c = counts.get(title);
  if (/^\p{Lu}\p{Ll}{3,}$/u.test(title) && !isVocabularyWord(title.toLowerCase()) && !listedWord(title.toLowerCase()) && !isStateName(title) && !(c && c.place > 0)) apps.add(title);
}
writeFileSync(outPath, JSON.stringify({ words: [...words].sort().join(' '), apps: [...apps].sort().join(' ') }) + '\n');
console.log(`companies: ${words.size} words, ${apps.size} apps -> ${outPath}`);
