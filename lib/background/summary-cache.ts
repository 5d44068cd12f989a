// Encyclopedia answers kept in Dexie (the `summaries` table, schema version 2), so that opening
// the same card again makes no request. Each answer expires: a found page or a disambiguation
// after a week, a miss after a day (a page may be written meanwhile). Errors are never cached.

import type { LedeDB, SummaryRow } from './db';
import type { SummaryResult } from '../protocol/history';
import { normaliseEntityName } from './encyclopedia';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long each kind of answer stays fresh. */
export const SUMMARY_TTL_MS: Readonly<Record<SummaryResult['status'], number>> = {
  found: 7 * DAY_MS,
  ambiguous: 7 * DAY_MS,
  missing: 1 * DAY_MS,
};

/**
 * One entry per source and name. Case is kept apart from whitespace: Wikipedia titles are
 * case-sensitive after the first letter ("Apple" and "APPLE" are different pages).
 */
export function summaryCacheKey(baseUrl: string, name: string): string {
  return `${baseUrl.replace(/\/+$/, '')}|${normaliseEntityName(name)}`;
}

/** The cached answer while it is fresh, else undefined. */
export async function readCachedSummary(db: LedeDB, key: string, now: number): Promise<SummaryResult | undefined> {
  const row = await db.summaries.get(key);
  if (!row || row.expiresAt <= now) return undefined;
  return row.result;
}

export async function storeSummary(db: LedeDB, key: string, result: SummaryResult, now: number): Promise<SummaryRow> {
  const row: SummaryRow = { key, result, fetchedAt: now, expiresAt: now + SUMMARY_TTL_MS[result.status] };
  await db.summaries.put(row);
  return row;
}

/** Drops stale answers; returns how many. */
export function pruneExpiredSummaries(db: LedeDB, now: number): Promise<number> {
  return db.summaries.where('expiresAt').belowOrEqual(now).delete();
}
