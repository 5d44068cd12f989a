// An entity's page in the library: every stored article that mentions it, what the press called
// it, what it said, and the reader's notes that name it. Read through the articles' entity-key index
// (lib/cards/entity-key.ts) over the small mention rows (MentionRow), never by reading the articles: the page opens as fast with 5,000
// articles of history as with five. Pure over a LedeDB, so it runs under fake-indexeddb in tests.

import type { EntityType } from '../analysis/types';
import { acronymLetters, initialsOf, isAcronymOf } from '../analysis/name-variants';
import { acronymTerm, formsMatch, initialsTerm, nameForm, parseEntityKey, spellingTerm, surnameTerm } from '../cards/entity-key';
import { quoteSelectorOf, type Annotation } from '../notes/annotation';
import { articleIdentity } from '../notes/article-identity';
import { ENTITY_PAGE_WINDOW, type EntityArticle, type EntityDescription, type EntityNote, type EntityPageData, type EntityQuote, type EntitySource } from '../protocol/history';
import type { LedeDB, MentionRow } from './db';

/** Quotes and notes listed at most (newest first). */
export const ENTITY_PAGE_QUOTES = 300;
export const ENTITY_PAGE_NOTES = 100;
/** Notes that one index lookup costs about as much as reading (measured in scripts/lib/bench-entity.ts). */
const NOTES_PER_LOOKUP = 8;
/** The fewest articles' keys read at a time, newest first, while looking for the newest matching ones. */
const MIN_ORDER_CHUNK = 250;

/** One article's mention of the entity (a MentionRow: the article's title, site, date and addresses come with it). */
type Found = MentionRow;

/** Which articles name the entity, from index keys alone, and the newest of them read in full. */
interface Matches {
  /** Every matching article (its url) -> the mention row's id. */
  ids: Map<string, string>;
  /** The newest `window` of them, newest first. */
  rows: Found[];
  /** Every name the articles used, each with how many articles used it. */
  uses: Map<string, number>;
}

/**
 * The page for `key`. With `historyOn` false, only the reader's notes are looked at: nothing from
 * the reading history is shown. Which articles match comes from index keys only (mention ids carry
 * the article and the entity's key); only the newest `window` rows are read in full, so the page
 * costs about the same for someone in 50 articles as in 5,000. Descriptions and quotes come from
 * those rows; the count of articles and the notes cover every match.
 */
export async function entityPage(db: LedeDB, key: string, historyOn: boolean, window: number = ENTITY_PAGE_WINDOW): Promise<EntityPageData> {
  const parsed = parseEntityKey(key);
  if (!parsed) throw new Error(`Not an entity key: ${key}`);
  const { type, folded } = parsed;
  const found = await db.transaction('r', db.mentions, db.articles, () => matchingMentions(db, type, key, folded, Math.max(1, window)));
  const names = namesUsed(found.uses, folded);
  const complete = found.ids.size <= Math.max(1, window);
  const data: EntityPageData = {
    key,
    type,
    name: names[0] ?? folded,
    names,
    historyOn,
    totalArticles: 0,
    complete: true,
    articles: [],
    descriptions: [],
    quotes: [],
    notes: [],
  };
  data.notes = await notesMentioning(db, found, complete, names, type);
  if (!historyOn) return data;
  data.totalArticles = found.ids.size;
  data.complete = complete;
  data.articles = found.rows.map((mention): EntityArticle => ({ ...sourceOf(mention), name: mention.name, mentions: mention.mentions }));
  data.descriptions = descriptionsOf(found.rows);
  data.quotes = quotesOf(found.rows);
  return data;
}

/** The entity's mention in each stored article that names it, under any name the linking rules accept. */
async function matchingMentions(db: LedeDB, type: EntityType, key: string, folded: string, window: number): Promise<Matches> {
  const words = folded.split(' ');
  const surname = words[words.length - 1]!;
  // A person's rows all carry their surname's handle (entityIndexTerms): its keys hold theirs too.
  const bySurname = type === 'person' ? await db.mentions.where('terms').equals(surnameTerm(type, surname)).primaryKeys() : null;
  const exact = bySurname ? bySurname.filter((id) => id.endsWith(`\n${key}`)) : await db.mentions.where('terms').equals(key).primaryKeys();
  // The names as written ("U.N.", "Donald Trump"): acronyms and initials need the capitals. One row
  // tells them; a person needs none (the folded name is enough for the person rules).
  const sample = type === 'person' || exact.length === 0 ? undefined : await db.mentions.get(exact[0]!);
  const raw = new Set(sample ? [sample.name] : [folded]);
  const terms = new Set<string>();
  if (type === 'person') {
    // Exact lookups only (a range over the index would walk every surname): surnames spelled alike
    // (the same surname's were read above), which the linking rules then check.
    const spelling = spellingTerm(type, surname);
    if (spelling) terms.add(spelling);
  } else {
    for (const name of raw) {
      const letters = acronymLetters(name);
      if (letters) terms.add(initialsTerm(type, letters));
      const initials = initialsOf(name);
      if (initials) terms.add(acronymTerm(type, initials));
    }
  }
  // Handles as keys only (an index read): a mention's id is `${url}\n${its key}`, so the other
  // spellings are told apart without reading them. One equals() range per term: anyOf() walks the
  // index with cursor jumps, far slower in some IndexedDBs.
  const ids = new Map<string, string>();
  const idsByKey = new Map<string, string[]>([[key, []]]);
  for (const id of exact) {
    const url = id.slice(0, id.lastIndexOf('\n'));
    ids.set(url, id);
    idsByKey.get(key)!.push(id);
  }
  const handled = new Set([...(bySurname ?? []), ...(await Promise.all([...terms].map((term) => db.mentions.where('terms').equals(term).primaryKeys()))).flat()]);
  const others = new Map<string, string[]>();
  for (const id of handled) {
    const cut = id.lastIndexOf('\n');
    const otherKey = id.slice(cut + 1);
    if (otherKey === key) continue;
    const list = others.get(otherKey);
    if (list) list.push(id);
    else others.set(otherKey, [id]);
  }
  const asked = nameForm(folded);
  const candidates = [...others.keys()].filter((otherKey) => {
    const other = parseEntityKey(otherKey);
    return other !== null && other.type === type && (type !== 'person' || formsMatch(asked, nameForm(other.folded), true));
  });
  // Another key's name as written, from one of its rows: the acronym rules need it, and so does the list of names.
  const samples = await db.mentions.bulkGet(candidates.map((otherKey) => others.get(otherKey)![0]!));
  const nameOfKey = new Map<string, string>();
  if (sample) nameOfKey.set(key, sample.name);
  candidates.forEach((otherKey, i) => {
    const row = samples[i];
    if (!row) return;
    const same = type === 'person' || [...raw].some((name) => isAcronymOf(name, row.name) || isAcronymOf(row.name, name));
    if (!same) return;
    nameOfKey.set(otherKey, row.name);
    const kept: string[] = [];
    for (const id of others.get(otherKey)!) {
      const url = id.slice(0, id.lastIndexOf('\n'));
      if (ids.has(url)) continue;
      ids.set(url, id);
      kept.push(id);
    }
    idsByKey.set(otherKey, kept);
  });

  // Every match read at once: by one index range when they are all the key's own (one request, not one per row).
  const onlyOwn = idsByKey.get(key)!.length === ids.size;
  const rows =
    ids.size > window
      ? await readNewest(db, ids, window)
      : onlyOwn
        ? (await db.mentions.where('terms').equals(key).toArray()).sort(newestFirst)
        : await readAll(db, ids);
  // Names: as the rows read wrote them; a key none of them shows counts under its sample's name.
  const uses = new Map<string, number>();
  const shownKeys = new Map<string, number>();
  for (const row of rows) {
    uses.set(row.name, (uses.get(row.name) ?? 0) + 1);
    const rowKey = row.id.slice(row.id.lastIndexOf('\n') + 1);
    shownKeys.set(rowKey, (shownKeys.get(rowKey) ?? 0) + 1);
  }
  for (const [otherKey, list] of idsByKey) {
    const unread = list.length - (shownKeys.get(otherKey) ?? 0);
    const name = rows.find((row) => row.id.endsWith(`\n${otherKey}`))?.name ?? nameOfKey.get(otherKey);
    if (unread > 0 && name !== undefined) uses.set(name, (uses.get(name) ?? 0) + unread);
  }
  return { ids, rows, uses };
}

const newestFirst = (a: Found, b: Found): number => b.seenAt - a.seenAt || a.url.localeCompare(b.url);

async function readAll(db: LedeDB, ids: ReadonlyMap<string, string>): Promise<Found[]> {
  const rows = (await db.mentions.bulkGet([...ids.values()])).filter((row): row is Found => row !== undefined);
  return rows.sort(newestFirst);
}

/**
 * The newest `window` matching rows: the articles' reading-time index, newest first, a chunk at a
 * time. Each chunk is one forward read of keys (getAllKeys) above a time found by one cursor jump:
 * walking the index backwards a key at a time costs a round trip per key in a browser's IndexedDB.
 */
async function readNewest(db: LedeDB, ids: ReadonlyMap<string, string>, window: number): Promise<Found[]> {
  // Chromium counts a store by walking it, so the entity's share of the history is learnt as the
  // chunks go: the next chunk is sized for the matches still wanted at the share seen so far.
  let chunk = Math.max(MIN_ORDER_CHUNK, window * 4);
  // Articles read so far: every one read at or after `upper`.
  let seen = 0;
  const wanted: string[] = [];
  let upper: number | null = null;
  while (wanted.length < window) {
    const [lower] = (await db.articles.orderBy('seenAt').reverse().offset(seen + chunk - 1).limit(1).keys()) as number[];
    const range =
      lower === undefined
        ? upper === null
          ? db.articles.orderBy('seenAt')
          : db.articles.where('seenAt').below(upper)
        : upper === null
          ? db.articles.where('seenAt').aboveOrEqual(lower)
          : db.articles.where('seenAt').between(lower, upper, true, false);
    const urls = (await range.primaryKeys()) as string[];
    for (let k = urls.length - 1; k >= 0 && wanted.length < window; k -= 1) {
      const id = ids.get(urls[k]!);
      if (id !== undefined) wanted.push(id);
    }
    if (lower === undefined) break;
    upper = lower;
    seen += urls.length;
    const share = wanted.length / seen;
    chunk = Math.max(MIN_ORDER_CHUNK, share > 0 ? Math.ceil(((window - wanted.length) * 1.25) / share) : chunk * 4);
  }
  const rows = (await db.mentions.bulkGet(wanted)).filter((row): row is Found => row !== undefined);
  return rows.sort(newestFirst);
}

/** Every name used, the fullest first (most words, then most used, then alphabetical). */
function namesUsed(uses: ReadonlyMap<string, number>, folded: string): string[] {
  const words = (name: string): number => nameForm(name).words.length;
  const names = [...uses.keys()].sort((a, b) => words(b) - words(a) || uses.get(b)! - uses.get(a)! || a.localeCompare(b));
  return names.length > 0 ? names : [folded];
}

function sourceOf(mention: Found): EntitySource {
  return { url: mention.url, title: mention.title, site: mention.site, seenAt: mention.seenAt };
}

/** Each distinct description or role once (case, spacing and a closing stop aside), with the first and the last article that gave it; newest first. */
function descriptionsOf(found: readonly Found[]): EntityDescription[] {
  const byText = new Map<string, { description: EntityDescription; articles: Set<string> }>();
  const oldestFirst = [...found].reverse();
  for (const mention of oldestFirst) {
    for (const kind of ['description', 'role'] as const) {
      const text = mention[kind]?.replace(/\s+/g, ' ').trim();
      if (!text) continue;
      // A role and a description in the same words ("President") are said once.
      const same = text.toLowerCase().replace(/[.,;]+$/, '');
      const known = byText.get(same);
      if (known) {
        known.articles.add(mention.url);
        known.description.last = sourceOf(mention);
      } else byText.set(same, { description: { text, kind, first: sourceOf(mention), last: sourceOf(mention), count: 0 }, articles: new Set([mention.url]) });
    }
  }
  return [...byText.values()]
    .map(({ description, articles }) => ({ ...description, count: articles.size }))
    .sort((a, b) => b.first.seenAt - a.first.seenAt || a.text.localeCompare(b.text));
}

/** The entity's quotes in each article (attributed by the article's name for it), newest article first. */
function quotesOf(found: readonly Found[]): EntityQuote[] {
  const quotes: EntityQuote[] = [];
  for (const mention of found) {
    for (const quote of mention.quotes) {
      quotes.push({ text: quote.text, kind: quote.kind, source: sourceOf(mention) });
      if (quotes.length >= ENTITY_PAGE_QUOTES) return quotes;
    }
  }
  return quotes;
}

/**
 * The reader's notes on those articles (at any of their addresses) whose passage or note names the
 * entity: any name the articles used, or a person's surname, as a whole word. When only the newest
 * articles were read, the others' addresses are not known: every note is read (or, with many more
 * notes than articles, those kept under the articles' own addresses), and a note kept elsewhere is
 * matched to its article by its cleaned, AMP-free address.
 */
async function notesMentioning(db: LedeDB, found: Matches, complete: boolean, names: readonly string[], type: EntityType): Promise<EntityNote[]> {
  if (found.ids.size === 0) return [];
  const rowBySource = new Map<string, Found>();
  for (const mention of found.rows) for (const alias of [mention.url, ...mention.aliases]) if (!rowBySource.has(alias)) rowBySource.set(alias, mention);
  const sources = complete ? [...rowBySource.keys()] : [...new Set([...rowBySource.keys(), ...found.ids.keys()])];
  const words = new Set(names.map((name) => name.trim()).filter((name) => name !== ''));
  if (type === 'person') for (const name of names) words.add(nameForm(name).raw.split(/\s+/).at(-1)!);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...words].map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
  return db.transaction('r', db.annotations, db.mentions, async () => {
    const total = await db.annotations.count();
    // Someone in a third of the history: reading every note once beats a lookup per article.
    const everyNote = sources.length * NOTES_PER_LOOKUP > total;
    const notes = everyNote
      ? await db.annotations.toArray()
      : (await Promise.all(sources.map((source) => db.annotations.where('target.source').equals(source).toArray()))).flat();
    // Which article each note is on (a row read, else an article matched by its url or its AMP-free
    // address), before the costlier test of its words.
    const urlOf = new Map<string, string | null>();
    const articleOf = (source: string): string | null => {
      let url = urlOf.get(source);
      if (url === undefined) {
        url = rowBySource.get(source)?.url ?? (found.ids.has(source) ? source : null);
        // The note's source is already cleaned; an address only a canonical link joined to an
        // unread article is known from its row alone.
        if (url === null && /amp/i.test(source)) url = articleIdentity({ url: source }).aliases.find((alias) => found.ids.has(alias)) ?? null;
        urlOf.set(source, url);
      }
      return url;
    };
    const naming = notes.filter((note) => articleOf(note.target.source) !== null && (pattern.test(quoteSelectorOf(note.target)?.exact ?? '') || pattern.test(note.body)));
    const kept = naming.sort(newestNoteFirst).slice(0, ENTITY_PAGE_NOTES);
    // The articles of notes beyond the rows read, for their title, site and date.
    const missing = [...new Set(kept.map((note) => urlOf.get(note.target.source)!))].filter((url) => !rowBySource.has(url));
    const extra = await db.mentions.bulkGet(missing.map((url) => found.ids.get(url)!));
    const rowByUrl = new Map<string, Found>();
    for (const row of [...found.rows, ...extra]) if (row) rowByUrl.set(row.url, row);
    return kept.flatMap((note): EntityNote[] => {
      const row = rowBySource.get(note.target.source) ?? rowByUrl.get(urlOf.get(note.target.source)!);
      if (!row) return [];
      const exact = quoteSelectorOf(note.target)?.exact ?? '';
      return [{ id: note.id, exact, body: note.body, tags: note.tags, modified: note.modified, source: { ...sourceOf(row), url: note.target.source } }];
    });
  });
}

function newestNoteFirst(a: Annotation, b: Annotation): number {
  return a.modified < b.modified ? 1 : a.modified > b.modified ? -1 : a.id.localeCompare(b.id);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
