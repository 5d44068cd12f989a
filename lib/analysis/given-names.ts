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
import { isRomanisedGivenName, type Token } from './tokens';

let listed: Set<string> | null = null;
let excluded: Set<string> | null = null;

function load(): Set<string> {
  const set = new Set<string>();
  for (const n of names.male.split(' ')) set.add(n);
  for (const n of names.female.split(' ')) set.add(n);
  for (const n of names.either.split(' ')) set.add(n);
  return set;
}

const cache = new Map<string, boolean>();

function listedName(word: string): boolean {
  let known = cache.get(word);
  if (known === undefined) {
    listed ??= load();
    // The lists spell without accents: "André" is "andre".
    const plain = word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    known = /^\p{Lu}\p{Ll}+$/u.test(word) && listed.has(plain) && !isVocabularyWord(word.toLowerCase()) &&
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

/** Common Chinese surnames as romanised in pinyin (they open a name: "Liu Xiaming"). */
const CHINESE_SURNAMES = new Set([
  'Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He',
  'Lin', 'Gao', 'Luo', 'Zheng', 'Liang', 'Xie', 'Song', 'Tang', 'Han', 'Feng', 'Deng', 'Cao', 'Peng', 'Zeng', 'Xiao', 'Tian',
  'Dong', 'Pan', 'Yuan', 'Cai', 'Jiang', 'Yu', 'Du', 'Ye', 'Cheng', 'Wei', 'Su', 'Lu', 'Ding', 'Ren', 'Shen', 'Yao', 'Cui',
  'Zhong', 'Tan', 'Fan', 'Jin', 'Shi', 'Liao', 'Jia', 'Xia', 'Fu', 'Fang', 'Bai', 'Zou', 'Meng', 'Xiong', 'Qin', 'Qiu', 'Hou',
  'Yin', 'Xue', 'Yan', 'Duan', 'Lei', 'Long', 'Tao', 'Mao', 'Hao', 'Gu', 'Gong', 'Shao', 'Wan', 'Qian', 'Lai', 'Kong', 'Xi',
  'Bo', 'Hua', 'Ouyang', 'Chai', 'Geng', 'Rao', 'Qi', 'Niu', 'Zhai', 'Hong', 'Mo',
]);

// One pinyin syllable: an initial and a final; without an initial only the finals written so (a, ai, an, er, ...); j, q
// and x take only i- and u-finals.
const PINYIN_SYLLABLE =
  /^(?:(?:zh|ch|sh|[bpmfdtnlgkhrzcsyw])(?:iang|iong|uang|iao|ian|ang|eng|ing|ong|uai|uan|ai|ei|ao|ou|an|en|ia|ie|iu|in|ua|uo|ui|un|ue|a|o|e|i|u)|[jqx](?:iang|iong|iao|ian|ing|ia|ie|iu|in|ue|un|uan|i|u)|(?:ang|eng|ai|ei|ao|ou|an|en|er|a|o|e))$/;

/** A two-syllable pinyin given name written as one word: "Xiaming", "Jinping", "Mengguang". */
export function isPinyinGivenName(word: string): boolean {
  if (!/^\p{Lu}\p{Ll}{3,9}$/u.test(word)) return false;
  const w = word.toLowerCase();
  for (let cut = 1; cut < w.length; cut++) {
    // A syllable after one ending in a vowel does not begin with a bare vowel in pinyin ("Xian" is one syllable).
    if (/^[aeo]/.test(w.slice(cut))) continue;
    if (PINYIN_SYLLABLE.test(w.slice(0, cut)) && PINYIN_SYLLABLE.test(w.slice(cut))) return true;
  }
  return false;
}

/**
 * Names written surname first: a romanised Korean given name ("Moon Jae-in") or a Chinese surname and a two-syllable
 * pinyin given name ("Liu Xiaming", "Fan Mengguang"). A lone first word is then the surname.
 */
export function isSurnameFirstName(first: string, second: string): boolean {
  if (isRomanisedGivenName(second)) return true;
  return CHINESE_SURNAMES.has(first) && isPinyinGivenName(second) && !isVocabularyWord(second.toLowerCase()) && !gazetteerType(second) && !isWorldPlace(second);
}
