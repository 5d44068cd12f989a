// "Also in N articles you've read": which other stored articles mention the same entity, and what
// those articles said about it. Pure over a LedeDB, so it runs under fake-indexeddb in tests.

import { isArticleAt, type ArticleRow, type LedeDB } from './db';
import type { EntitySummary } from '../cards/article-summary';
import type { EntityHistory, HistoryArticle } from '../protocol/history';
import { acronymLetters, initialsOf } from '../analysis/name-variants';
import { formsMatch, nameForm, type NameForm } from '../cards/entity-key';

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
  // All names' index queries in one read transaction: the popup asks about every entity at once.
  const candidates = await candidateRows(db, names);
  const histories: EntityHistory[] = [];
  for (const [i, name] of names.entries()) {
    if (i > 0 && i % NAMES_PER_STEP === 0) await pause();
    // The current article at any of its addresses is not "another article".
    const rows = (candidates.get(name.trim()) ?? []).filter((row) => !isArticleAt(row, excludeUrl));
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
 * For each (trimmed) name, the rows that may mention it, under any spelling matchingEntity()
 * accepts. The index's distinct names are read once (keys only) and put in buckets by what a match
 * must share: the first two letters of the last word (equal or similar surnames), or the letters
 * of an acronym and its long form. Each asked name then checks only its buckets, so a long history
 * and a long list of names never meet in a full cross product. All in one read transaction.
 */
async function candidateRows(db: LedeDB, names: readonly string[]): Promise<Map<string, ArticleRow[]>> {
  const wanted = [...new Set(names.map((name) => name.trim()).filter((name) => name !== ''))];
  if (wanted.length === 0) return new Map();
  return db.transaction('r', db.articles, async () => {
    const stored = (await db.articles.orderBy('entityNames').uniqueKeys()) as string[];
    const buckets = new Map<string, string[]>();
    const put = (bucket: string, key: string): void => {
      const list = buckets.get(bucket);
      if (list) list.push(key);
      else buckets.set(bucket, [key]);
    };
    const forms = new Map<string, NameForm>();
    for (const key of stored) {
      const form = nameForm(key);
      forms.set(key, form);
      const last = form.words[form.words.length - 1];
      if (last !== undefined) put(`s:${last.slice(0, 2)}`, key);
      const initials = initialsOf(key);
      if (initials) put(`i:${initials}`, key);
      const letters = acronymLetters(key);
      if (letters) put(`a:${letters}`, key);
    }
    const keysByName = new Map<string, string[]>();
    for (const name of wanted) {
      const asked = nameForm(name);
      const last = asked.words[asked.words.length - 1];
      const letters = acronymLetters(name);
      const initials = initialsOf(name);
      const pool = new Set([
        ...(last === undefined ? [] : buckets.get(`s:${last.slice(0, 2)}`) ?? []),
        ...(letters ? buckets.get(`i:${letters}`) ?? [] : []),
        ...(initials ? buckets.get(`a:${initials}`) ?? [] : []),
      ]);
      keysByName.set(name, [...pool].filter((key) => formsMatch(asked, forms.get(key)!, true)));
    }
    const keys = [...new Set([...keysByName.values()].flat())];
    const keyLists = await Promise.all(keys.map((key) => db.articles.where('entityNames').equals(key).primaryKeys()));
    const urlsByKey = new Map(keys.map((key, i) => [key, keyLists[i]!]));
    const rows = new Map<string, ArticleRow>();
    for (const row of await db.articles.bulkGet([...new Set(keyLists.flat())])) if (row) rows.set(row.url, row);
    const byName = new Map<string, ArticleRow[]>();
    for (const [name, nameKeys] of keysByName) {
      const urls = new Set(nameKeys.flatMap((key) => urlsByKey.get(key) ?? []));
      byName.set(name, [...urls].flatMap((url) => rows.get(url) ?? []));
    }
    return byName;
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
