// Lede's IndexedDB, through Dexie. Opened ONLY by the background, the one writer: extension pages
// and content scripts ask it through the message protocol and the library's ports (lib/protocol),
// and it tells every open tab and page what changed (tests/unit/db-owner.test.ts checks that no
// other entrypoint loads this module). A content script could not anyway: IndexedDB opened there
// belongs to the web page's origin, which could read it.

import Dexie, { type EntityTable } from 'dexie';
import type { Analysis } from '../analysis/types';
import type { Annotation } from '../notes/annotation';
import type { ArticleSummary, EntitySummary, QuoteSummary } from '../cards/article-summary';
import type { SummaryResult } from '../protocol/history';
import { syncTracking } from './sync-tracking';

export interface ArticleRow {
  /** Primary key: the page URL without its #fragment. */
  url: string;
  title: string;
  site: string;
  /** When the reader last opened the article (ms since epoch). */
  seenAt: number;
  /** When the page says it was first published (ArticleSummary.published); not indexed, so no new version. */
  published?: string;
  entities: EntitySummary[];
  quotes: QuoteSummary[];
  /** Canonical entity names, kept as a multi-entry index: "which articles mention X?". */
  entityNames: string[];
}

/** A remembered analysis (lib/background/analysis-store.ts): a revisit after the background restarted is instant. */
export interface AnalysisRow {
  /** `${text fingerprint} ${url}` (AnalysisCache.keyFor). */
  key: string;
  url: string;
  textLength: number;
  analysis: Analysis;
  /** Last read or written (ms since epoch): the least recently used rows go first. */
  usedAt: number;
}

/** A cached encyclopedia answer (lib/background/summary-cache.ts). */
export interface SummaryRow {
  /** Primary key: summaryCacheKey(baseUrl, name). */
  key: string;
  result: SummaryResult;
  /** When the answer arrived (ms since epoch). */
  fetchedAt: number;
  /** After this (ms since epoch) the answer is stale and is fetched again. */
  expiresAt: number;
}

/** Version 5: sync's view of one record (lib/sync/records.ts): its version, and the server file it lives in. Tombstones live only here. */
export interface SyncMetaRow {
  /** recordKey(kind, id). */
  key: string;
  hlc: string;
  life: number;
  seen: Record<string, number>;
  bodyEdit?: { device: string; n: number };
  deleted: boolean;
  /** The server file, once the engine has filed the record. */
  file?: string;
  /** A record from the server this version can't store (a later Lede's note shape): kept as it came, so rewriting its file keeps it. */
  raw?: unknown;
}

/** Version 5: a record changed on this device and not yet confirmed by the server. */
export interface OutboxRow {
  key: string;
  seq: number;
}

/** Version 5: the one row of sync's device state (lib/background/sync-tracking.ts). */
export interface SyncStateRow {
  name: 'state';
  device: string;
  /** The greatest clock stamp issued or seen (lib/sync/hlc.ts). */
  clock: string;
  nextSeq: number;
  etags: Record<string, string>;
  seeded: boolean;
}

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

/** Save an article, or refresh it on a revisit (newer analysis, newer seenAt). */
export async function saveArticle(db: LedeDB, article: ArticleSummary, seenAt: number): Promise<ArticleRow> {
  const row: ArticleRow = {
    url: articleKey(article.url),
    title: article.title,
    site: article.site,
    seenAt,
    entities: article.entities,
    quotes: article.quotes,
    entityNames: [...new Set(article.entities.map((entity) => entity.name))],
  };
  if (article.published) row.published = article.published;
  await db.articles.put(row);
  return row;
}

/** Articles that mention an entity by canonical name (case-insensitive), most recently seen first. */
export async function articlesMentioning(db: LedeDB, name: string): Promise<ArticleRow[]> {
  const rows = await db.articles.where('entityNames').equalsIgnoreCase(name).distinct().toArray();
  return rows.sort((a, b) => b.seenAt - a.seenAt);
}

