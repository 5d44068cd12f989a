// An entity's page in the library: every stored article that mentions it, what the press called
// it, what it said, and the reader's notes that name it. Read through the articles' entity-key index
// (lib/cards/entity-key.ts), never by reading every article: the page opens as fast with 5,000
// articles of history as with five. Pure over a LedeDB, so it runs under fake-indexeddb in tests.

import type { EntityType } from '../analysis/types';
import type { EntitySummary } from '../cards/article-summary';
import { acronymLetters, initialsOf, isAcronymOf, similarSurname } from '../analysis/name-variants';
import { acronymTerm, entityKey, formsMatch, initialsTerm, nameForm, parseEntityKey, surnameTerm } from '../cards/entity-key';
import { quoteSelectorOf, type Annotation } from '../notes/annotation';
import { textFragmentUrl } from '../notes/quote-link';
import type { EntityArticle, EntityDescription, EntityNote, EntityPageData, EntityQuote, EntitySource } from '../protocol/history';
import type { ArticleRow, LedeDB } from './db';

/** Quotes and notes listed at most (newest first); articles are all listed. */
export const ENTITY_PAGE_QUOTES = 300;
export const ENTITY_PAGE_NOTES = 300;

interface Found {
  row: ArticleRow;
  entity: EntitySummary;
}

/**
 * The page for `key`. With `historyOn` false, only the reader's notes are looked at: nothing from
 * the reading history is shown. Two reads, each in one transaction: the articles (exact key, then
 * the other spellings' handles), then the notes on those articles.
 */
export async function entityPage(db: LedeDB, key: string, historyOn: boolean): Promise<EntityPageData> {
  const parsed = parseEntityKey(key);
  if (!parsed) throw new Error(`Not an entity key: ${key}`);
  const { type, folded } = parsed;
  const found = await db.transaction('r', db.articles, () => matchingArticles(db, type, key, folded));
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
  found.sort((a, b) => b.row.seenAt - a.row.seenAt || a.row.url.localeCompare(b.row.url));
  data.notes = await notesMentioning(db, found, names, type);
  if (!historyOn) return data;
  data.articles = found.map(({ row, entity }): EntityArticle => ({ ...sourceOf(row), name: entity.name, mentions: entity.mentions }));
  data.descriptions = descriptionsOf(found);
  data.quotes = quotesOf(found, type, folded);
  return data;
}

/** The stored articles that mention the entity, each with the entity as that article named it. */
async function matchingArticles(db: LedeDB, type: EntityType, key: string, folded: string): Promise<Found[]> {
  const exact = await db.articles.where('entityKeys').equals(key).toArray();
  // The names as written ("U.N.", "Donald Trump"): acronyms and initials need the capitals.
  const raw = new Set<string>();
  for (const row of exact) for (const entity of row.entities) if (entity.type === type && entityKey(type, entity.name) === key) raw.add(entity.name);
  if (raw.size === 0) raw.add(folded);
  const terms = new Set<string>();
  const words = folded.split(' ');
  const surname = words[words.length - 1]!;
  if (type === 'person') {
    // Surname handles sharing the first two letters, then only the surnames the rules call the same.
    const prefix = surnameTerm(type, surname.slice(0, 2));
    const handles = (await db.articles.where('entityKeys').between(prefix, `${prefix}\uffff`, true, true).uniqueKeys()) as string[];
    const start = surnameTerm(type, '').length;
    for (const handle of handles) {
      const other = handle.slice(start);
      if (other === surname || similarSurname(other, surname)) terms.add(handle);
    }
  }
  for (const name of raw) {
    const letters = acronymLetters(name);
    if (letters) terms.add(initialsTerm(type, letters));
    const initials = initialsOf(name);
    if (initials) terms.add(acronymTerm(type, initials));
  }
  const byUrl = new Map(exact.map((row) => [row.url, row] as const));
  const more = terms.size > 0 ? await db.articles.where('entityKeys').anyOf([...terms]).primaryKeys() : [];
  const missing = [...new Set(more)].filter((url) => !byUrl.has(url));
  for (const row of await db.articles.bulkGet(missing)) if (row) byUrl.set(row.url, row);
  const asked = nameForm(folded);
  const found: Found[] = [];
  for (const row of byUrl.values()) {
    const entity = entityIn(row, type, key, asked, raw);
    if (entity) found.push({ row, entity });
  }
  return found;
}

/** The entity in one article: the same key, else the same name written another way ("Trump", "U.N."). */
function entityIn(row: ArticleRow, type: EntityType, key: string, asked: ReturnType<typeof nameForm>, raw: ReadonlySet<string>): EntitySummary | undefined {
  const ofType = row.entities.filter((entity) => entity.type === type);
  return (
    ofType.find((entity) => entityKey(type, entity.name) === key) ??
    ofType.find((entity) => [...raw].some((name) => isAcronymOf(name, entity.name) || isAcronymOf(entity.name, name))) ??
    (type === 'person' ? ofType.find((entity) => formsMatch(asked, nameForm(entity.name), true)) : undefined)
  );
}

/** Every name used, the fullest first (most words, then most used, then alphabetical). */
function namesUsed(found: readonly Found[], folded: string): string[] {
  const uses = new Map<string, number>();
  for (const { entity } of found) uses.set(entity.name, (uses.get(entity.name) ?? 0) + 1);
  const words = (name: string): number => nameForm(name).words.length;
  const names = [...uses.keys()].sort((a, b) => words(b) - words(a) || uses.get(b)! - uses.get(a)! || a.localeCompare(b));
  return names.length > 0 ? names : [folded];
}

function sourceOf(row: ArticleRow): EntitySource {
  return { url: row.url, title: row.title, site: row.site, seenAt: row.seenAt };
}

/** Each distinct description or role once (case, spacing and a closing stop aside), with the first article that gave it; newest first. */
function descriptionsOf(found: readonly Found[]): EntityDescription[] {
  const byText = new Map<string, EntityDescription>();
  const oldestFirst = [...found].reverse();
  for (const { row, entity } of oldestFirst) {
    for (const kind of ['description', 'role'] as const) {
      const text = entity[kind]?.replace(/\s+/g, ' ').trim();
      if (!text) continue;
      const same = text.toLowerCase().replace(/[.,;]+$/, '');
      const known = byText.get(same);
      if (known) known.count += 1;
      else byText.set(same, { text, kind, first: sourceOf(row), count: 1 });
    }
  }
  return [...byText.values()].sort((a, b) => b.first.seenAt - a.first.seenAt || a.text.localeCompare(b.text));
}

/** The entity's quotes in each article (the analysis attributes them by the article's name for it), newest article first. */
function quotesOf(found: readonly Found[], type: EntityType, folded: string): EntityQuote[] {
  const quotes: EntityQuote[] = [];
  const asked = nameForm(folded);
  for (const { row, entity } of found) {
    for (const quote of row.quotes) {
      if (!quote.speaker) continue;
      const theirs = quote.speaker === entity.name || formsMatch(asked, nameForm(quote.speaker), type === 'person');
      if (!theirs) continue;
      quotes.push({ text: quote.text, kind: quote.kind, source: sourceOf(row), link: textFragmentUrl(row.url, unquoted(quote.text)) });
      if (quotes.length >= ENTITY_PAGE_QUOTES) return quotes;
    }
  }
  return quotes;
}

/** The quoted words without the quotation marks around them: a text fragment must match the page's own characters. */
function unquoted(text: string): string {
  return text.replace(/^[\s"'“”‘’«»„]+|[\s"'“”‘’«»„]+$/g, '');
}

/**
 * The reader's notes on those articles (at any of their addresses) whose passage or note names the
 * entity: any name the articles used, or a person's surname, as a whole word.
 */
async function notesMentioning(db: LedeDB, found: readonly Found[], names: readonly string[], type: EntityType): Promise<EntityNote[]> {
  const rowBySource = new Map<string, ArticleRow>();
  for (const { row } of found) for (const alias of [row.url, ...(row.aliases ?? [])]) if (!rowBySource.has(alias)) rowBySource.set(alias, row);
  if (rowBySource.size === 0) return [];
  const notes = await db.transaction('r', db.annotations, () => db.annotations.where('target.source').anyOf([...rowBySource.keys()]).toArray());
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
      link: textFragmentUrl(note.target.source, exact),
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
