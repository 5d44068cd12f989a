// Lede's IndexedDB, through Dexie. Opened ONLY by the background, the one writer: extension pages
// and content scripts ask it through the message protocol and the library's ports (lib/protocol),
// and it tells every open tab and page what changed (tests/unit/db-owner.test.ts checks that no
// other entrypoint loads this module). A content script could not anyway: IndexedDB opened there
// belongs to the web page's origin, which could read it.

import Dexie, { type EntityTable } from 'dexie';
import type { Analysis, EntityType, QuoteKind } from '../analysis/types';
import type { Annotation } from '../notes/annotation';
import type { ArticleSummary, EntitySummary, QuoteSummary } from '../cards/article-summary';
import { isSameSite, normalizeSourceUrl } from '../notes/source-url';
import type { SummaryResult } from '../protocol/history';
import { entityIndexTerms } from '../cards/entity-key';
import { articleIdentity, storedAliases } from '../notes/article-identity';
import { mergeDuplicateArticles } from './article-merge';
import { applyingSync, syncTracking } from './sync-tracking';

export type { AnalysisRow, ArticleRow, MentionRow, OutboxRow, SummaryRow, SyncMetaRow, SyncStateRow } from './db-rows';
import type { AnalysisRow, ArticleRow, MentionRow, OutboxRow, SummaryRow, SyncMetaRow, SyncStateRow } from './db-rows';

export const DEFAULT_DB_NAME = 'lede';

export class LedeDB extends Dexie {
  articles!: EntityTable<ArticleRow, 'url'>;
  /** Version 2: cached encyclopedia summaries (lib/background/summary-cache.ts). */
  summaries!: EntityTable<SummaryRow, 'key'>;
  /** Version 3: the reader's notes and highlights (lib/background/annotation-store.ts). */
  annotations!: EntityTable<Annotation, 'id'>;
  /** Version 4: analyses of recently read pages, by URL and text fingerprint (lib/background/analysis-store.ts). */
  analyses!: EntityTable<AnalysisRow, 'key'>;
  /** Version 5: sync (lib/background/sync-tracking.ts, lib/background/sync-local.ts). */
  syncMeta!: EntityTable<SyncMetaRow, 'key'>;
  outbox!: EntityTable<OutboxRow, 'key'>;
  syncState!: EntityTable<SyncStateRow, 'name'>;
  /** Version 6: each stored article's entities, for entity pages (MentionRow). */
  mentions!: EntityTable<MentionRow, 'id'>;

  constructor(name: string = DEFAULT_DB_NAME) {
    super(name);
    // Adding a version N (never edit a released one: readers' databases were built from it):
    //   1. below the last one, `this.version(N).stores({ newTable: 'key, index', changed: '...' })`
    //      listing only the tables that are new or whose indexes change (`null` drops a table);
    //   2. where stored rows change shape, chain `.upgrade((tx) => tx.table('t').toCollection().modify(...))`;
    //      it runs inside the version-change transaction, so a crash leaves the old version intact;
    //   3. freeze the same stores() in testing/fixtures/db-history.ts and give a new table rows there
    //      (tests/unit/db-migrations.test.ts opens a database saved at every version with this file).
    // Version 1.
    this.version(1).stores({
      articles: 'url, seenAt, site, *entityNames',
    });
    // Version 2 adds the summary cache; articles are untouched, so no upgrade() is needed.
    this.version(2).stores({
      summaries: 'key, expiresAt',
    });
    // Version 3 adds personal notes, looked up by page (target.source); nothing else changes.
    this.version(3).stores({
      annotations: '&id, target.source, modified, *tags, color',
    });
    // Version 4 adds the analysis cache; nothing else changes.
    this.version(4).stores({
      analyses: 'key, usedAt',
    });
    // Version 5 adds sync's record versions, outbox and device state; nothing else changes.
    this.version(5).stores({
      syncMeta: 'key, file',
      outbox: 'key, seq',
      syncState: 'name',
    });
    // Version 6 counts articles, not addresses: each row gets its aliases, rows that are one article
    // (the same address once cleaned, or a reprint on the same site with the same title and names)
    // are merged into one, and each article's entities are listed in `mentions` for entity pages.
    this.version(6)
      .stores({
        articles: 'url, seenAt, site, *entityNames, *aliases, textHash',
        mentions: 'id, url, *terms',
      })
      .upgrade(async (tx) => {
        // Re-indexing, not the reader's writes: sync does not queue these rows again (merged duplicates
        // stay on the server and other devices until they upgrade too).
        applyingSync(tx.idbtrans);
        const table = tx.table<ArticleRow, string>('articles');
        const rows = (await table.toArray()).map((row) => ({ ...row, ...articleIndexes(row.url, row.entities) }));
        const { kept, dropped } = mergeDuplicateArticles(rows);
        await table.bulkPut(kept);
        await table.bulkDelete(dropped);
        await tx.table<MentionRow, string>('mentions').bulkPut(kept.flatMap(mentionRowsOf));
      });
    // Version 7 drops the notes' indexes that nothing queries (modified, tags, colour: the library
    // filters its notes in memory). IndexedDB writes every index entry with each note: without them a
    // 10,000-note import costs the browser about a third less. Notes stay looked up by page.
    this.version(7).stores({
      annotations: '&id, target.source',
    });
    // Every write to notes and reading history also stamps a version and queues the record while sync is on.
    this.use(syncTracking);
  }
}

/** The factory: the background creates the one instance it owns. */
export function createLedeDB(name: string = DEFAULT_DB_NAME): LedeDB {
  return new LedeDB(name);
}

/** The same article reached through #fragments is one article. */
export function articleKey(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** The derived, indexed fields of a row for an article kept under `url`. */
export function articleIndexes(url: string, entities: readonly EntitySummary[]): Required<Pick<ArticleRow, 'aliases' | 'entityNames'>> {
  return {
    aliases: storedAliases(url),
    entityNames: [...new Set(entities.map((entity) => entity.name))],
  };
}

/** The mention rows of one stored article: one per entity with a key, with the quotes attributed to it. */
export function mentionRowsOf(row: ArticleRow): MentionRow[] {
  const mentions = new Map<string, MentionRow>();
  for (const entity of row.entities) {
    const terms = entityIndexTerms(entity.type, entity.name);
    const id = `${row.url}\n${terms[0]}`;
    if (terms.length === 0 || mentions.has(id)) continue;
    const mention: MentionRow = {
      id,
      url: row.url,
      terms,
      type: entity.type,
      name: entity.name,
      mentions: entity.mentions,
      quotes: row.quotes.filter((quote) => quote.speaker === entity.name).map((quote) => ({ text: quote.text, kind: quote.kind })),
      title: row.title,
      site: row.site,
      seenAt: row.seenAt,
      aliases: row.aliases ?? [row.url],
    };
    if (entity.description !== undefined) mention.description = entity.description;
    if (entity.role !== undefined) mention.role = entity.role;
    mentions.set(id, mention);
  }
  return [...mentions.values()];
}

/** Replaces the mention rows of these articles (urls) with those of `rows`; inside a transaction on mentions. */
export async function writeMentions(db: LedeDB, urls: readonly string[], rows: readonly ArticleRow[]): Promise<void> {
  const old = (await Promise.all(urls.map((url) => db.mentions.where('url').equals(url).primaryKeys()))).flat();
  await db.mentions.bulkDelete(old);
  await db.mentions.bulkPut(rows.flatMap(mentionRowsOf));
}

/** Is `row` the article read at `address` (the address as the browser shows it)? */
export function isArticleAt(row: ArticleRow, address: string): boolean {
  if (row.url === articleKey(address)) return true;
  const aliases = new Set(row.aliases ?? []);
  return articleIdentity({ url: address }).aliases.some((alias) => aliases.has(alias));
}

/**
 * Save an article, or refresh it on a revisit (newer analysis, newer seenAt). The same article
 * read at another address (canonical link, AMP, tracking parameters) or with the same body text
 * is the same row: the stored rows it matches are merged into one, which keeps every alias; it
 * stays under the address it was first kept under unless the page names a canonical one.
 */
export async function saveArticle(db: LedeDB, article: ArticleSummary, seenAt: number): Promise<ArticleRow> {
  const identity = articleIdentity({ url: article.url, canonical: article.canonical, amphtml: article.amphtml });
  const forms = [...new Set([...identity.aliases, articleKey(article.url)])];
  return db.transaction('rw', db.articles, db.mentions, async () => {
    // One equals() range per address: anyOf() walks the index with cursor jumps, far slower in some IndexedDBs.
    const byAlias = (await Promise.all(forms.map((form) => db.articles.where('aliases').equals(form).toArray()))).flat();
    // The same body counts only on the page's own site: a page elsewhere cannot take over an article's row.
    const byText = article.textHash ? (await db.articles.where('textHash').equals(article.textHash).toArray()).filter((row) => sameSite(row.url, article.url)) : [];
    const matches = new Map([...byAlias, ...byText].map((row) => [row.url, row] as const));
    const oldest = [...matches.values()].sort((a, b) => a.seenAt - b.seenAt || a.url.localeCompare(b.url))[0];
    const named = Boolean(article.canonical) && identity.key !== normalizeSourceUrl(article.url);
    const url = matches.has(identity.key) || named || !oldest ? identity.key : oldest.url;
    const aliases = new Set(identity.aliases);
    for (const row of matches.values()) for (const alias of row.aliases ?? [row.url]) aliases.add(alias);
    aliases.add(url);
    const textHash = article.textHash ?? [...matches.values()].find((row) => row.textHash)?.textHash;
    const row: ArticleRow = {
      url,
      title: article.title,
      // The site shown is the kept address's.
      site: matches.get(url)?.site ?? article.site,
      seenAt,
      entities: article.entities,
      quotes: article.quotes,
      ...articleIndexes(url, article.entities),
    };
    row.aliases = [...new Set([...(row.aliases ?? []), ...aliases])];
    if (textHash) row.textHash = textHash;
    const published = article.published ?? [...matches.values()].find((match) => match.published)?.published;
    if (published) row.published = published;
    await db.articles.bulkDelete([...matches.keys()].filter((key) => key !== url));
    await db.articles.put(row);
    await writeMentions(db, [...new Set([...matches.keys(), url])], [row]);
    return row;
  });
}

function sameSite(a: string, b: string): boolean {
  try {
    return isSameSite(new URL(a).hostname, new URL(b).hostname);
  } catch {
    return false;
  }
}

/** Articles that mention an entity by canonical name (case-insensitive), most recently seen first. */
export async function articlesMentioning(db: LedeDB, name: string): Promise<ArticleRow[]> {
  const rows = await db.articles.where('entityNames').equalsIgnoreCase(name).distinct().toArray();
  return rows.sort((a, b) => b.seenAt - a.seenAt);
}

