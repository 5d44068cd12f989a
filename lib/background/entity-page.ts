// An entity's page in the library: every stored article that mentions it, what the press called
// it, what it said, and the reader's notes that name it. Read through the articles' entity-key index
// (lib/cards/entity-key.ts) over the small mention rows (MentionRow), never by reading the articles: the page opens as fast with 5,000
// articles of history as with five. Pure over a LedeDB, so it runs under fake-indexeddb in tests.

import type { EntityType } from '../analysis/types';
import { acronymLetters, initialsOf, isAcronymOf } from '../analysis/name-variants';
import { acronymTerm, formsMatch, initialsTerm, nameForm, parseEntityKey, spellingTerm, surnameTerm } from '../cards/entity-key';
import { quoteSelectorOf, type Annotation } from '../notes/annotation';
import type { EntityArticle, EntityDescription, EntityNote, EntityPageData, EntityQuote, EntitySource } from '../protocol/history';
import type { LedeDB, MentionRow } from './db';

/** Quotes and notes listed at most (newest first); articles are all listed. */
export const ENTITY_PAGE_QUOTES = 300;
export const ENTITY_PAGE_NOTES = 300;
/** Notes that one index lookup costs about as much as reading (measured in scripts/lib/bench-entity.ts). */
const NOTES_PER_LOOKUP = 8;

/** One article's mention of the entity (a MentionRow: the article's title, site, date and addresses come with it). */
type Found = MentionRow;

/**
 * The page for `key`. With `historyOn` false, only the reader's notes are looked at: nothing from
 * the reading history is shown. Two reads, each in one transaction: the entity's mention rows (its
 * key, then the other spellings' handles), then the notes on those articles.
 */
export async function entityPage(db: LedeDB, key: string, historyOn: boolean): Promise<EntityPageData> {
  const parsed = parseEntityKey(key);
  if (!parsed) throw new Error(`Not an entity key: ${key}`);
  const { type, folded } = parsed;
  const found = await db.transaction('r', db.mentions, () => matchingMentions(db, type, key, folded));
  const names = namesUsed(found, folded);
  const data: EntityPageData = {
    key,
    type,
    name: names[0] ?? folded,
    names,
    historyOn,
    articles: [],
    descriptions: [],
    quotes: [],
    notes: [],
  };
  found.sort((a, b) => b.seenAt - a.seenAt || a.url.localeCompare(b.url));
  data.notes = await notesMentioning(db, found, names, type);
  if (!historyOn) return data;
  data.articles = found.map((mention): EntityArticle => ({ ...sourceOf(mention), name: mention.name, mentions: mention.mentions }));
  data.descriptions = descriptionsOf(found);
  data.quotes = quotesOf(found);
  return data;
}

/** The entity's mention in each stored article that names it, under any name the linking rules accept. */
async function matchingMentions(db: LedeDB, type: EntityType, key: string, folded: string): Promise<Found[]> {
  const exact = await db.mentions.where('terms').equals(key).toArray();
  // The names as written ("U.N.", "Donald Trump"): acronyms and initials need the capitals.
  const raw = new Set(exact.map((mention) => mention.name));
  if (raw.size === 0) raw.add(folded);
  const terms = new Set<string>();
  const words = folded.split(' ');
  const surname = words[words.length - 1]!;
  if (type === 'person') {
    // Exact lookups only (a range over the index would walk every surname): the same surname, and
    // surnames spelled alike, which the linking rules then check.
    terms.add(surnameTerm(type, surname));
    const spelling = spellingTerm(type, surname);
    if (spelling) terms.add(spelling);
  }
  for (const name of raw) {
    const letters = acronymLetters(name);
    if (letters) terms.add(initialsTerm(type, letters));
    const initials = initialsOf(name);
    if (initials) terms.add(acronymTerm(type, initials));
  }
  // Handles first as keys only (an index read): a person's other mentions are told apart by the
  // key inside their id, so only the mentions that are theirs are read. One equals() range per
  // term: anyOf() walks the index with cursor jumps, far slower in some IndexedDBs.
  const asked = nameForm(folded);
  const byArticle = new Map<string, Found>();
  for (const mention of exact) byArticle.set(mention.url, mention);
  const ids = new Set((await Promise.all([...terms].map((term) => db.mentions.where('terms').equals(term).primaryKeys()))).flat());
  const wanted: string[] = [];
  for (const id of ids) {
    const cut = id.lastIndexOf('\n');
    const url = id.slice(0, cut);
    const other = parseEntityKey(id.slice(cut + 1));
    if (byArticle.has(url) || !other || other.type !== type) continue;
    // A person's folded name is enough for the person rules; acronyms need the name as written.
    if (type === 'person' && !formsMatch(asked, nameForm(other.folded), true)) continue;
    wanted.push(id);
  }
  for (const mention of await db.mentions.bulkGet(wanted)) {
    if (!mention || byArticle.has(mention.url)) continue;
    const same =
      type === 'person' || [...raw].some((name) => isAcronymOf(name, mention.name) || isAcronymOf(mention.name, name));
    if (same) byArticle.set(mention.url, mention);
  }
  return [...byArticle.values()];
}

/** Every name used, the fullest first (most words, then most used, then alphabetical). */
function namesUsed(found: readonly Found[], folded: string): string[] {
  const uses = new Map<string, number>();
  for (const { name } of found) uses.set(name, (uses.get(name) ?? 0) + 1);
  const words = (name: string): number => nameForm(name).words.length;
  const names = [...uses.keys()].sort((a, b) => words(b) - words(a) || uses.get(b)! - uses.get(a)! || a.localeCompare(b));
  return names.length > 0 ? names : [folded];
}

function sourceOf(mention: Found): EntitySource {
  return { url: mention.url, title: mention.title, site: mention.site, seenAt: mention.seenAt };
}

/** Each distinct description or role once (case, spacing and a closing stop aside), with the first article that gave it; newest first. */
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
      if (known) known.articles.add(mention.url);
      else byText.set(same, { description: { text, kind, first: sourceOf(mention), count: 0 }, articles: new Set([mention.url]) });
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
 * entity: any name the articles used, or a person's surname, as a whole word.
 */
async function notesMentioning(db: LedeDB, found: readonly Found[], names: readonly string[], type: EntityType): Promise<EntityNote[]> {
  const rowBySource = new Map<string, Found>();
  for (const mention of found) for (const alias of [mention.url, ...mention.aliases]) if (!rowBySource.has(alias)) rowBySource.set(alias, mention);
  if (rowBySource.size === 0) return [];
  const sources = [...rowBySource.keys()];
  const notes = await db.transaction('r', db.annotations, async () => {
    // Someone in a third of the history: reading every note once beats a lookup per article.
    if (sources.length * NOTES_PER_LOOKUP > (await db.annotations.count())) {
      return (await db.annotations.toArray()).filter((note) => rowBySource.has(note.target.source));
    }
    return (await Promise.all(sources.map((source) => db.annotations.where('target.source').equals(source).toArray()))).flat();
  });
  const words = new Set(names.map((name) => name.trim()).filter((name) => name !== ''));
  if (type === 'person') for (const name of names) words.add(nameForm(name).raw.split(/\s+/).at(-1)!);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...words].map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
  const matched: EntityNote[] = [];
  for (const note of notes.sort(newestNoteFirst)) {
    const exact = quoteSelectorOf(note.target)?.exact ?? '';
    if (!pattern.test(exact) && !pattern.test(note.body)) continue;
    const row = rowBySource.get(note.target.source)!;
    matched.push({
      id: note.id,
      exact,
      body: note.body,
      tags: note.tags,
      modified: note.modified,
      source: { ...sourceOf(row), url: note.target.source },
    });
    if (matched.length >= ENTITY_PAGE_NOTES) break;
  }
  return matched;
}

function newestNoteFirst(a: Annotation, b: Annotation): number {
  return a.modified < b.modified ? 1 : a.modified > b.modified ? -1 : a.id.localeCompare(b.id);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
