// The learned word lists of Lede's entity model (gazetteer, first names, organisation head words,
// ordinary vocabulary, spelling n-grams), learned from CoNLL-2003 eng.train sentences and the
// `world-countries` package. Used by `npm run train` (scripts/train.ts) for lib/model and, on
// slices of eng.train, for the tagger's cross-fold gazetteer features.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { ngramFeatures } from '../lib/analysis/entities-ngrams';
import type { TaggerLexicon } from '../lib/analysis/tagger-features';

export type Tag = 'PER' | 'LOC' | 'ORG' | 'MISC';
export const TAGS: readonly Tag[] = ['PER', 'LOC', 'ORG', 'MISC'];

interface Token {
  word: string;
  tag: Tag | 'O';
  /** Index of the entity this token belongs to within the sentence, or -1. */
  entity: number;
}

interface SentenceEntity {
  first: number;
  last: number;
  type: Tag;
}

export interface Sentence {
  /** Index of the CoNLL document (-DOCSTART-) the sentence belongs to. */
  doc: number;
  tokens: Token[];
  entities: SentenceEntity[];
  /** Headlines and sports tables are in capitals; their casing tells nothing. */
  capsMode: boolean;
}

// ---------- reading CoNLL (IOB1) ----------

export function readSentences(path: string): Sentence[] {
  const sentences: Sentence[] = [];
  let raw: { word: string; tag: string }[] = [];
  let doc = 0;
  const flush = (): void => {
    if (raw.length) sentences.push({ doc, ...buildSentence(raw) });
    raw = [];
  };
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    if (!line.trim()) {
      flush();
      continue;
    }
    const parts = line.split(' ');
    const word = parts[0] ?? '';
    if (word === '-DOCSTART-') {
      flush();
      // A file may open with a document before its first -DOCSTART- line (eng.train does).
      if (sentences.length && sentences[sentences.length - 1]!.doc === doc) doc++;
      continue;
    }
    raw.push({ word, tag: parts[3] ?? 'O' });
  }
  flush();
  return sentences;
}

function buildSentence(raw: { word: string; tag: string }[]): Omit<Sentence, 'doc'> {
  const tokens: Token[] = [];
  const entities: SentenceEntity[] = [];
  let open: SentenceEntity | null = null;
  raw.forEach(({ word, tag }, i) => {
    const [bio, kind] = tag.split('-') as [string, string | undefined];
    const type = (kind && (TAGS as readonly string[]).includes(kind) ? kind : null) as Tag | null;
    if (!type || bio === 'O') {
      open = null;
      tokens.push({ word, tag: 'O', entity: -1 });
      return;
    }
    if (open && open.type === type && bio === 'I') open.last = i;
    else {
      open = { first: i, last: i, type };
      entities.push(open);
    }
    tokens.push({ word, tag: type, entity: entities.length - 1 });
  });
  const alpha = tokens.filter((t) => /\p{L}{2,}/u.test(t.word));
  const caps = alpha.filter((t) => t.word === t.word.toUpperCase());
  return { tokens, entities, capsMode: alpha.length > 0 && caps.length / alpha.length >= 0.6 };
}

// ---------- small helpers ----------

function inc<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

function incTag(map: Map<string, Record<Tag | 'O', number>>, key: string, tag: Tag | 'O'): void {
  let counts = map.get(key);
  if (!counts) {
    counts = { PER: 0, LOC: 0, ORG: 0, MISC: 0, O: 0 };
    map.set(key, counts);
  }
  counts[tag]++;
}

function total(c: Record<string, number>): number {
  return Object.values(c).reduce((a, b) => a + b, 0);
}

function majority(c: Record<Tag | 'O', number>): { tag: Tag | 'O'; share: number } {
  let best: Tag | 'O' = 'O';
  for (const t of [...TAGS, 'O'] as const) if (c[t] > c[best]) best = t;
  return { tag: best, share: c[best] / Math.max(1, total(c)) };
}

const isCapitalised = (w: string): boolean => /^\p{Lu}/u.test(w) && /\p{Ll}/u.test(w);
const isAcronym = (w: string): boolean => /^\p{Lu}{2,6}$/u.test(w);
const isLowerWord = (w: string): boolean => /^\p{Ll}[\p{Ll}'-]*$/u.test(w);
const CONNECTORS = new Set(['of', 'on', 'for', 'the', 'and', 'de', 'du', 'la', 'del', 'di']);

// ---------- learning from CoNLL ----------

export function learn(sentences: Sentence[], newsCounts: Map<string, number>) {
  const entityStrings = new Map<string, Record<Tag | 'O', number>>();
  const tokenInEntity = new Map<string, Record<Tag | 'O', number>>(); // token -> entity type counts (and O when capitalised mid-sentence)
  const lowerCount = new Map<string, number>();
  const sentenceInitialCap = new Map<string, number>();
  const firstOfPerson = new Map<string, number>();
  const lastOfMultiword = new Map<string, Record<Tag | 'O', number>>();
  const distinctOrgsEndingWith = new Map<string, Set<string>>();
  const connectorHead = new Map<string, Record<Tag | 'O', number>>();

  for (const s of sentences) {
    if (s.capsMode) continue; // casing is the signal we learn; headlines carry none
    for (const e of s.entities) {
      const words = s.tokens.slice(e.first, e.last + 1).map((t) => t.word);
      incTag(entityStrings, words.join(' '), e.type);
      if (e.type === 'PER' && words.length >= 2) inc(firstOfPerson, words[0]!);
      if (words.length >= 2) {
        const last = words[words.length - 1]!;
        incTag(lastOfMultiword, last, e.type);
        if (e.type === 'ORG') {
          if (!distinctOrgsEndingWith.has(last)) distinctOrgsEndingWith.set(last, new Set());
          distinctOrgsEndingWith.get(last)!.add(words.join(' '));
        }
      }
      words.forEach((w, i) => {
        if (CONNECTORS.has(w) && i > 0) incTag(connectorHead, words[i - 1]!, e.type);
      });
    }
    s.tokens.forEach((t, i) => {
      if (isLowerWord(t.word)) inc(lowerCount, t.word);
      if (t.tag !== 'O') incTag(tokenInEntity, t.word, t.tag);
      else if (isCapitalised(t.word) || isAcronym(t.word)) {
        const prev = s.tokens[i - 1]?.word;
        const initial = i === 0 || prev === '"' || prev === '(' || prev === '-' || prev === ':' || prev === '--';
        if (initial) inc(sentenceInitialCap, t.word);
        else incTag(tokenInEntity, t.word, 'O');
      }
    });
  }

  // Entity strings: keep those seen twice, or seen once but as multi-word names (rarely ambiguous).
  const gazetteer: Record<Tag, string[]> = { PER: [], LOC: [], ORG: [], MISC: [] };
  for (const [text, counts] of entityStrings) {
    const n = total(counts);
    const { tag, share } = majority(counts);
    if (tag === 'O' || share < 0.6) continue;
    const tokens = text.split(' ');
    // A capitalised word that is mostly NOT an entity mid-sentence (e.g. "President") is no name.
    const asToken = tokenInEntity.get(text);
    if (tokens.length === 1 && asToken && asToken.O > total(asToken) * 0.5) continue;
    // An ordinary word more often than a name ("Black", "Start", "Promotion"): context must decide.
    if (tokens.length === 1 && tag !== 'MISC' && isCapitalised(text) && (lowerCount.get(text.toLowerCase()) ?? 0) > n) continue;
    if (n >= 2 || (tokens.length >= 2 && tag !== 'MISC')) gazetteer[tag].push(text);
  }

  const firstNames: string[] = [];
  for (const [word, n] of firstOfPerson) {
    const c = tokenInEntity.get(word);
    if (!c || n < 2) continue;
    if (c.PER / total(c) >= 0.7 && word.length > 1 && !word.endsWith('.')) firstNames.push(word);
  }

  const orgSuffixes: string[] = [];
  for (const [word, c] of lastOfMultiword) {
    // A head word ends many different organisations; "Leverkusen" ends only "Bayer Leverkusen".
    const distinct = distinctOrgsEndingWith.get(word)?.size ?? 0;
    if (distinct >= 3 && c.ORG / total(c) >= 0.7 && isCapitalised(word)) {
      // The word alone should rarely be a whole entity of another kind (e.g. "Moscow" in "Spartak Moscow").
      const alone = entityStrings.get(word);
      if (alone && (alone.LOC + alone.PER) > alone.ORG) continue;
      orgSuffixes.push(word);
    }
  }

  const connectorHeads: Record<string, Tag> = {};
  for (const [word, c] of connectorHead) {
    const { tag, share } = majority(c);
    if (total(c) >= 2 && share >= 0.7 && tag !== 'O' && tag !== 'PER' && isCapitalised(word)) connectorHeads[word] = tag;
  }

  // Capitalised mid-sentence but outside entities: weekdays, months, titles ("President").
  const nonEntityCaps: string[] = [];
  for (const [word, c] of tokenInEntity) {
    if (c.O >= 2 && c.O / total(c) >= 0.8 && (isCapitalised(word) || isAcronym(word))) nonEntityCaps.push(word);
  }

  // Words that start sentences but are ordinary lowercase words elsewhere ("Speaking", "While").
  const commonWords: string[] = [];
  for (const [word, n] of sentenceInitialCap) {
    const lower = word.toLowerCase();
    const c = tokenInEntity.get(word);
    const entityUses = c ? total(c) - c.O : 0;
    if ((lowerCount.get(lower) ?? 0) >= 2 && entityUses <= n) commonWords.push(lower);
  }

  // Ordinary vocabulary: a capitalised "Path" or "Model" is a heading word, not an unknown name.
  // CoNLL's Reuters text is small, so PolNeAR's political news (train split) widens it.
  const lowercase: string[] = [];
  const common = new Set(commonWords);
  for (const [word, n] of lowerCount) if (n >= 2 && word.length >= 3 && !common.has(word)) lowercase.push(word);
  for (const [word, n] of newsCounts) if (n >= 5 && !common.has(word) && (lowerCount.get(word) ?? 0) < 2) lowercase.push(word);

  return { gazetteer, firstNames, orgSuffixes, connectorHeads, nonEntityCaps, commonWords, lowercase, tokenInEntity };
}

/** Lower-case word counts over a folder of plain-text articles. */
export function countNewsWords(dir: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    for (const m of readFileSync(resolve(dir, file), 'utf8').matchAll(/[A-Za-z]+(?:-[A-Za-z]+)*/g)) {
      const w = m[0];
      if (w.length >= 3 && isLowerWord(w)) inc(counts, w);
    }
  }
  return counts;
}

// ---------- character n-gram naive Bayes over entity tokens ----------

const NGRAM_CLASSES = ['PER', 'LOC', 'ORG', 'MISC'] as const;

export function trainNgrams(tokenInEntity: Map<string, Record<Tag | 'O', number>>, extraPlaces: Iterable<string>) {
  const counts = new Map<string, number[]>();
  const classTotals = NGRAM_CLASSES.map(() => 0);
  const classFeatureTotals = NGRAM_CLASSES.map(() => 0);
  const examples = new Map<string, Tag>();
  for (const [word, c] of tokenInEntity) {
    if (!isCapitalised(word) || word.length < 3) continue;
    const { tag, share } = majority(c);
    if (tag === 'O' || share < 0.7) continue;
    examples.set(word, tag);
  }
  // Country and capital names teach what place names look like (CoNLL alone has few).
  for (const place of extraPlaces) {
    for (const word of place.split(' ')) if (isCapitalised(word) && word.length >= 3 && !examples.has(word)) examples.set(word, 'LOC');
  }
  for (const [word, tag] of [...examples].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const k = NGRAM_CLASSES.indexOf(tag);
    classTotals[k]!++; // each distinct word counts once: frequent names must not dominate
    for (const f of ngramFeatures(word)) {
      let row = counts.get(f);
      if (!row) counts.set(f, (row = NGRAM_CLASSES.map(() => 0)));
      row[k]!++;
      classFeatureTotals[k]!++;
    }
  }
  const features: Record<string, number[]> = {};
  for (const f of [...counts.keys()].sort()) {
    const row = counts.get(f)!;
    if (row.reduce((a, b) => a + b, 0) >= 3) features[f] = row;
  }
  return { classes: NGRAM_CLASSES, classTotals, classFeatureTotals, features };
}

// ---------- world-countries ----------

interface Country {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  altSpellings: string[];
  capital?: string[];
  region: string;
  subregion: string;
  demonyms?: Record<string, { f: string; m: string }>;
}

export function worldPlaces() {
  const require = createRequire(import.meta.url);
  const countries = require('world-countries/countries.json') as Country[];
  const places = new Set<string>();
  const capitals = new Set<string>();
  const demonyms = new Set<string>();
  const codes = new Set<string>();
  const plainName = (s: string): boolean => /^[\p{L} .'-]+$/u.test(s) && /\p{Ll}/u.test(s) && !/\(/.test(s);
  for (const c of countries) {
    if (plainName(c.name.common)) places.add(c.name.common);
    if (plainName(c.name.official) && c.name.official.split(' ').length <= 4) places.add(c.name.official);
    for (const alt of c.altSpellings) if (plainName(alt) && alt.length >= 4 && alt.split(' ').length <= 4) places.add(alt);
    for (const cap of c.capital ?? []) {
      if (!plainName(cap)) continue;
      capitals.add(cap);
      const short = cap.replace(/ D\.C\.$/, '');
      if (short !== cap) capitals.add(short);
    }
    // Country codes as news writes them ("U.S.", "U.K."), kept only when CoNLL confirms the form as a place.
    const shortAlts = c.altSpellings.filter((a) => /^[A-Z]{2,3}$/.test(a));
    for (const code of [c.cca2, c.cca3, ...shortAlts]) {
      codes.add(code);
      codes.add(code.split('').join('.') + '.');
    }
    if (c.region) places.add(c.region);
    if (c.subregion) places.add(c.subregion);
    const eng = c.demonyms?.['eng'];
    if (eng) {
      demonyms.add(eng.m);
      demonyms.add(eng.f);
    }
  }
  // Continents the package names only as regions of other continents.
  for (const extra of ['Asia', 'Africa', 'Europe', 'North America', 'South America', 'Middle East']) places.add(extra);
  return { places, capitals, demonyms, codes };
}

// ---------- output ----------

export function sorted(xs: Iterable<string>): string[] {
  return [...new Set(xs)].sort();
}

// ---------- merged lists ----------

export type ModelLists = ReturnType<typeof buildLists>;

/** Everything the model's word lists hold, learned from `sentences` and merged with world-countries. */
export function buildLists(sentences: Sentence[], newsCounts: Map<string, number>, world: ReturnType<typeof worldPlaces>) {
  const learned = learn(sentences, newsCounts);
  // Merge: countries and regions are places whatever CoNLL says; capitals only when CoNLL has
  // no other majority (e.g. "Kingston", "Hamilton" are people as often as places).
  const gaz: Record<Tag, Set<string>> = {
    PER: new Set(learned.gazetteer.PER),
    LOC: new Set(learned.gazetteer.LOC),
    ORG: new Set(learned.gazetteer.ORG),
    MISC: new Set(learned.gazetteer.MISC),
  };
  const typeOf = (s: string): Tag | null => TAGS.find((t) => gaz[t].has(s)) ?? null;
  for (const p of world.places) {
    for (const t of TAGS) gaz[t].delete(p);
    gaz.LOC.add(p);
  }
  for (const cap of world.capitals) if (!typeOf(cap)) gaz.LOC.add(cap);
  const confirmedCodes = [...world.codes].filter((code) => gaz.LOC.has(code) && code.length >= 2);
  for (const d of world.demonyms) if (!typeOf(d)) gaz.MISC.add(d);
  const worldNames = new Set([...world.places, ...world.capitals, ...confirmedCodes]);
  return { learned, gaz, worldNames };
}

/** The lists as the tagger's features ask them (the same questions lib/analysis/gazetteer.ts answers). */
export function listsLexicon(lists: ModelLists): TaggerLexicon {
  const types = new Map<string, Tag>();
  let maxWords = 1;
  for (const t of TAGS) {
    for (const s of sorted(lists.gaz[t])) {
      types.set(s, t);
      maxWords = Math.max(maxWords, s.split(' ').length);
    }
  }
  const firstNames = new Set(lists.learned.firstNames);
  const orgSuffixes = new Set(lists.learned.orgSuffixes);
  const nonEntityCaps = new Set(lists.learned.nonEntityCaps);
  const vocabulary = new Set([...lists.learned.commonWords, ...lists.learned.lowercase]);
  return {
    gazetteerType: (name) => types.get(name),
    isWorldPlace: (name) => lists.worldNames.has(name),
    isFirstName: (w) => firstNames.has(w),
    isOrgSuffix: (w) => orgSuffixes.has(w),
    isNonEntityCap: (w) => nonEntityCaps.has(w) || (w.endsWith('.') && nonEntityCaps.has(w.slice(0, -1))),
    isVocabularyWord: (w) => vocabulary.has(w),
    maxWords: Math.min(maxWords, 8),
  };
}

// ---------- names of today's news (silver labels) ----------

/**
 * Names that recent news (shared/datasets/polnear-silver, tagged by a strong existing tagger) gives
 * one type again and again, and that CoNLL's lists don't know: "Facebook", "Netflix", "Pentagon".
 * Silver labels carry their tagger's mistakes, so a name needs `minCount` mentions, a clear
 * majority, and a single word must rarely be written in lower case. CoNLL's lists keep priority.
 */
export function silverNames(sentences: Sentence[], known: (name: string) => boolean, minCount = 4): Record<Tag, string[]> {
  const strings = new Map<string, Record<Tag | 'O', number>>();
  const lowerCount = new Map<string, number>();
  const capsO = new Map<string, number>();
  for (const s of sentences) {
    if (s.capsMode) continue;
    for (const e of s.entities) incTag(strings, s.tokens.slice(e.first, e.last + 1).map((t) => t.word).join(' '), e.type);
    s.tokens.forEach((t, i) => {
      if (isLowerWord(t.word)) inc(lowerCount, t.word);
      else if (t.tag === 'O' && i > 0 && (isCapitalised(t.word) || isAcronym(t.word))) inc(capsO, t.word);
    });
  }
  const out: Record<Tag, string[]> = { PER: [], LOC: [], ORG: [], MISC: [] };
  for (const [text, counts] of strings) {
    const n = total(counts);
    const { tag, share } = majority(counts);
    if (tag === 'O' || n < minCount || share < 0.85 || known(text)) continue;
    if (!/^\p{Lu}/u.test(text) || text.includes('`') || text.includes("'") || /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.? /.test(text)) continue;
    const single = !text.includes(' ');
    // Mid-sentence the word is mostly no entity ("Senate" in some taggers' eyes), or an ordinary word.
    if (single && (capsO.get(text) ?? 0) > n * 0.25) continue;
    if (single && (lowerCount.get(text.toLowerCase()) ?? 0) > n * 0.5) continue;
    out[tag].push(text);
  }
  return out;
}

/**
 * Given names from the silver articles: words that open three or more two-word-or-longer person
 * names and are almost always part of a person's name ("Emily", "Kanye"), CoNLL's own list aside.
 */
export function silverFirstNames(sentences: Sentence[], known: ReadonlySet<string>): string[] {
  const opens = new Map<string, number>();
  const ends = new Map<string, number>();
  const lower = new Map<string, number>();
  const asToken = new Map<string, Record<Tag | 'O', number>>();
  for (const s of sentences) {
    if (s.capsMode) continue;
    for (const e of s.entities) {
      if (e.type !== 'PER' || e.last === e.first) continue;
      inc(opens, s.tokens[e.first]!.word);
      inc(ends, s.tokens[e.last]!.word);
    }
    s.tokens.forEach((t, i) => {
      if (isLowerWord(t.word)) inc(lower, t.word);
      if (t.tag !== 'O') incTag(asToken, t.word, t.tag);
      else if (i > 0 && isCapitalised(t.word)) incTag(asToken, t.word, 'O');
    });
  }
  const out: string[] = [];
  for (const [word, n] of opens) {
    const c = asToken.get(word)!;
    // Not a surname more than a given name ("Clinton"), nor an ordinary word ("Hope", "Pope").
    const surname = (ends.get(word) ?? 0) * 2 > n;
    const ordinary = (lower.get(word.toLowerCase()) ?? 0) > 0;
    if (n >= 3 && c.PER / total(c) >= 0.9 && !surname && !ordinary && isCapitalised(word) && word.length > 2 && !word.endsWith('.') && !known.has(word)) out.push(word);
  }
  return out;
}
