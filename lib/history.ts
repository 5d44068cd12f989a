// "Also in N articles you've read": which other stored articles mention the same entity, and what
// those articles said about it. Pure over a LedeDB, so it runs under fake-indexeddb in tests.

import { articleKey, type ArticleRow, type LedeDB } from './db';
import type { EntitySummary } from './article-summary';

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

/** Names matched between pauses: a long list never holds the background's event loop for long. */
const NAMES_PER_STEP = 50;

/**
 * For each name (in the order given), the other stored articles that mention it. Each name is
 * matched against its own candidate rows only, with a macrotask every NAMES_PER_STEP names, so
 * other tabs' and pages' messages are answered while a long list is worked through.
 */
export async function entityHistories(
  db: LedeDB,
  names: readonly string[],
  excludeUrl: string,
  limit: number = HISTORY_LIMIT,
): Promise<EntityHistory[]> {
  const exclude = articleKey(excludeUrl);
  // All names' index queries in one read transaction: the popup asks about every entity at once.
  const candidates = await candidateRows(db, names);
  const histories: EntityHistory[] = [];
  for (const [i, name] of names.entries()) {
    if (i > 0 && i % NAMES_PER_STEP === 0) await pause();
    const rows = (candidates.get(name.trim()) ?? []).filter((row) => row.url !== exclude);
    histories.push(historyFrom(rows, name, limit));
  }
  return histories;
}

function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
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
 * For each (trimmed) name, the rows that may mention it: the exact canonical name, or (for full
 * names) the same first name. One key-range lookup per name, all in one read transaction: each is
 * a single native index request, where Dexie's anyOf()/ignore-case queries step a cursor name by
 * name (slower, and the popup waits on this).
 */
async function candidateRows(db: LedeDB, names: readonly string[]): Promise<Map<string, ArticleRow[]>> {
  const wanted = [...new Set(names.map((name) => name.trim()).filter((name) => name !== ''))];
  if (wanted.length === 0) return new Map();
  // "John F. Kerry" starts with "John ": found through the index too, then checked by matchingEntity().
  const prefixOf = (name: string): string | null => (nameParts(name) ? `${name.split(/\s+/)[0]!} ` : null);
  const prefixes = [...new Set(wanted.flatMap((name) => prefixOf(name) ?? []))];
  return db.transaction('r', db.articles, async () => {
    const [exactKeys, prefixKeys] = await Promise.all([
      Promise.all(wanted.map((name) => db.articles.where('entityNames').equals(name).primaryKeys())),
      Promise.all(prefixes.map((prefix) => db.articles.where('entityNames').startsWith(prefix).primaryKeys())),
    ]);
    const keysByPrefix = new Map(prefixes.map((prefix, i) => [prefix, prefixKeys[i]!]));
    const urls = [...new Set([...exactKeys.flat(), ...prefixKeys.flat()])];
    const rows = new Map<string, ArticleRow>();
    for (const row of await db.articles.bulkGet(urls)) if (row) rows.set(row.url, row);
    const byName = new Map<string, ArticleRow[]>();
    wanted.forEach((name, i) => {
      const prefix = prefixOf(name);
      const keys = new Set([...exactKeys[i]!, ...(prefix === null ? [] : keysByPrefix.get(prefix)!)]);
      byName.set(name, [...keys].flatMap((key) => rows.get(key) ?? []));
    });
    return byName;
  });
}

/** The entity in a stored article that is the one asked about, preferring an exact name match. */
export function matchingEntity(entities: readonly EntitySummary[], name: string): EntitySummary | undefined {
  const lower = name.toLowerCase();
  const exact = entities.find((entity) => entity.name.toLowerCase() === lower);
  if (exact) return exact;
  const parts = nameParts(name);
  if (!parts) return undefined;
  return entities.find((entity) => {
    if (entity.type !== 'person') return false;
    const other = nameParts(entity.name);
    return other !== null && other.first === parts.first && other.last === parts.last;
  });
}

/** First and last word, lower-cased, of a name of two words or more; null for one-word names. */
function nameParts(name: string): { first: string; last: string } | null {
  const words = name.trim().toLowerCase().split(/\s+/);
  if (words.length < 2) return null;
  return { first: words[0]!, last: words[words.length - 1]! };
}
