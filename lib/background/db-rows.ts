// The rows of Lede's IndexedDB tables (lib/background/db.ts opens it). Types only, so the modules
// that work on rows (article merging, sync tracking) need not import the database module itself.

import type { Analysis, EntityType, QuoteKind } from '../analysis/types';
import type { EntitySummary, QuoteSummary } from '../cards/article-summary';
import type { SummaryResult } from '../protocol/history';

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
  /**
   * Version 6: every address the article was read at, cleaned, and each without its AMP markers
   * (lib/notes/article-identity.ts); a multi-entry index. One article read at several addresses is one row.
   */
  aliases?: string[];
  /** Version 6: the fingerprint of the body text (bodyFingerprint), when the page sent one; indexed. */
  textHash?: string;
}

/**
 * Version 6: one entity of one stored article, as its page in the library shows it
 * (lib/background/entity-page.ts): small rows, so an entity named in a thousand articles is read
 * without reading those articles. Written and deleted with their article (writeMentions).
 */
export interface MentionRow {
  /** `${url}\n${key}`. */
  id: string;
  /** The article's row (ArticleRow.url). */
  url: string;
  /** The entity's key and the handles other spellings find it by (entityIndexTerms), a multi-entry index. */
  terms: string[];
  type: EntityType;
  name: string;
  mentions: number;
  description?: string;
  role?: string;
  /** The quotes that article attributes to it (speaker = its name there). */
  quotes: { text: string; kind: QuoteKind }[];
  title: string;
  site: string;
  seenAt: number;
  /** The article's addresses, where the reader's notes on it are kept. */
  aliases: string[];
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
