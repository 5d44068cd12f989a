// "Also in N articles you've read": which other stored articles mention the same entity, and what
// those articles said about it. Pure over a LedeDB, so it runs under fake-indexeddb in tests.

import { articleKey, type ArticleRow, type LedeDB } from './db';
import type { EntitySummary } from './article-summary';
import { isAcronymOf, sameFirstName, similarSurname } from './analysis/name-variants';

/** Another article the reader has seen that mentions the entity. */
export interface HistoryArticle {
  url: string;
  title: string;
  site: string;
  /** When the reader last opened it (ms since epoch). */
  seenAt: number;
  /** The name that article used (may differ: "John F. Kerry" for "John Kerry"). */
  name: string;
  /** That article's own description and role of the entity, when it gave one. */
  description?: string;
  role?: string;
}

export interface EntityHistory {
  /** The name asked about. */
  name: string;
  /** How many other articles mention it; `articles` holds at most HISTORY_LIMIT of them. */
  total: number;
  /** Most recently seen first. */
  articles: HistoryArticle[];
}

export const HISTORY_LIMIT = 5;

/** For each name (in the order given), the other stored articles that mention it. */
export async function entityHistories(
  db: LedeDB,
  names: readonly string[],
  excludeUrl: string,
  limit: number = HISTORY_LIMIT,
): Promise<EntityHistory[]> {
  const exclude = articleKey(excludeUrl);
  // Two index queries for all names together: the popup asks about every entity at once.
  const rows = (await candidateRows(db, names)).filter((row) => row.url !== exclude);
  return names.map((name) => historyFrom(rows, name, limit));
}

function historyFrom(rows: readonly ArticleRow[], name: string, limit: number): EntityHistory {
  const matches: HistoryArticle[] = [];
  for (const row of rows) {
    const entity = matchingEntity(row.entities, name);
    if (!entity) continue;
    const article: HistoryArticle = { url: row.url, title: row.title, site: row.site, seenAt: row.seenAt, name: entity.name };
    if (entity.description) article.description = entity.description;
    if (entity.role) article.role = entity.role;
    matches.push(article);
  }
  matches.sort((a, b) => b.seenAt - a.seenAt || a.url.localeCompare(b.url));
  return { name, total: matches.length, articles: matches.slice(0, limit) };
}

/**
 * Rows that may mention any of the names, by the same entity under another spelling too: the index's distinct
 * names (keys only, one walk) are matched with sameEntityName(), then the rows of the names that match are read by
 * key. All in one read transaction; each key lookup is a single native index request.
 */
async function candidateRows(db: LedeDB, names: readonly string[]): Promise<ArticleRow[]> {
  const wanted = [...new Set(names.map((name) => name.trim()).filter((name) => name !== ''))];
  if (wanted.length === 0) return [];
  return db.transaction('r', db.articles, async () => {
    const stored = (await db.articles.orderBy('entityNames').uniqueKeys()) as string[];
    const asked = wanted.map(nameForm);
    const keys = stored.filter((key) => {
      const form = nameForm(key);
      return asked.some((a) => formsMatch(a, form, true));
    });
    const keyLists = await Promise.all(keys.map((key) => db.articles.where('entityNames').equals(key).primaryKeys()));
    const urls = [...new Set(keyLists.flat())];
    const rows = await db.articles.bulkGet(urls);
    return rows.filter((row): row is ArticleRow => row !== undefined);
  });
}

/** The entity in a stored article that is the one asked about, preferring an exact name match, then the same name
 * written another way: "Trump" for the person "Donald Trump", "Zelenskiy" for "Zelensky", "U.N." for "United
 * Nations". Person-name rules only find persons. */
export function matchingEntity(entities: readonly EntitySummary[], name: string): EntitySummary | undefined {
  const lower = name.toLowerCase();
  const exact = entities.find((entity) => entity.name.toLowerCase() === lower);
  if (exact) return exact;
  const asked = nameForm(name);
  return entities.find((entity) => formsMatch(asked, nameForm(entity.name), entity.type === 'person'));
}

/** A name as compared across articles: its raw text and its words, folded (case, accents, dots, honorifics). */
interface NameForm {
  raw: string;
  words: string[];
}

const NAME_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'jr', 'sr', 'president', 'sen', 'senator', 'rep', 'gov', 'governor']);

function nameForm(name: string): NameForm {
  const folded = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['\u2019]s$/, '');
  // "U.N." -> "un"; other punctuation separates words.
  const words = folded.replace(/\.(?=\S)/g, '').replace(/\./g, ' ').split(/[^\p{L}\p{N}-]+/u).filter((w) => w !== '');
  const core = words.filter((w) => !NAME_TITLES.has(w));
  return { raw: name.trim(), words: core.length > 0 ? core : words };
}

/** Are two names the same entity's: equal once folded, an acronym and its long form, or (for a person) the same
 * surname, spelled alike, with a first name the same or a nickname of it, or missing on one side. */
function formsMatch(a: NameForm, b: NameForm, person: boolean): boolean {
  if (a.words.length === 0 || b.words.length === 0) return false;
  if (a.words.join(' ') === b.words.join(' ')) return true;
  if (isAcronymOf(a.raw, b.raw) || isAcronymOf(b.raw, a.raw)) return true;
  if (!person) return false;
  const lastA = a.words[a.words.length - 1] as string;
  const lastB = b.words[b.words.length - 1] as string;
  if (!similarSurname(lastA, lastB) && lastA !== lastB) return false;
  // "Trump" / "Donald Trump": a surname alone meets the full name.
  if (a.words.length === 1 || b.words.length === 1) return a.words.length !== b.words.length;
  return sameFirstName(a.words[0] as string, b.words[0] as string);
}
