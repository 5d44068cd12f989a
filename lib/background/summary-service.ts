// The background's answer to getSummary: settings first (off means no request at all), then the
// Dexie cache, then the host permission, then one request carrying only the entity's name.
// Every dependency is passed in, so tests run it with fake-indexeddb, a fake fetch and a fixed clock.

import type { LedeDB } from './db';
import type { SummaryAnswer } from '../protocol/history';
import { lookupSummary, normaliseEntityName, type SummaryFetch } from './encyclopedia';
import { pruneExpiredSummaries, readCachedSummary, storeSummary, summaryCacheKey } from './summary-cache';
import { encyclopediaBaseUrl, isLoopbackBaseUrl, type UserSettings } from '../settings/user-settings';

/**
 * What the popup gets for one name:
 * - found / ambiguous / missing: the encyclopedia's answer; `cached` says it came from Dexie;
 * - disabled: the reader has not turned summaries on (nothing was sent);
 * - permission-needed: the setting is on but the browser has not granted the host permission;
 * - error: the request failed (not cached, so the next view tries again).
 */
export interface SummaryServiceDeps {
  db: LedeDB;
  loadSettings: () => Promise<UserSettings>;
  fetch: SummaryFetch;
  /** browser.permissions.contains({ origins }) in the extension. */
  hasHostPermission: (origins: string[]) => Promise<boolean>;
  now: () => number;
  timeoutMs?: number;
}

export class SummaryService {
  /** Requests under way, by cache key: two cards asking for one name share one request. */
  private readonly inFlight = new Map<string, Promise<SummaryAnswer>>();

  constructor(private readonly deps: SummaryServiceDeps) {}

  async get(name: string): Promise<SummaryAnswer> {
    const settings = await this.deps.loadSettings();
    if (!settings.encyclopedia) return { status: 'disabled' };
    if (normaliseEntityName(name) === '') return { status: 'missing', cached: false };
    const baseUrl = encyclopediaBaseUrl(settings);
    const key = summaryCacheKey(baseUrl, name);
    const cached = await readCachedSummary(this.deps.db, key, this.deps.now());
    if (cached) return { ...cached, cached: true };

    const running = this.inFlight.get(key);
    if (running) return running;
    const request = this.fetchAndStore(baseUrl, key, name).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, request);
    return request;
  }

  private async fetchAndStore(baseUrl: string, key: string, name: string): Promise<SummaryAnswer> {
    if (!isLoopbackBaseUrl(baseUrl) && !(await this.deps.hasHostPermission([originPattern(baseUrl)]))) {
      return { status: 'permission-needed' };
    }
    const result = await lookupSummary(name, { baseUrl, fetch: this.deps.fetch, timeoutMs: this.deps.timeoutMs });
    if (result.status === 'error') return result;
    const now = this.deps.now();
    await storeSummary(this.deps.db, key, result, now);
    // Keep the table small: whenever something is added, stale answers go.
    await pruneExpiredSummaries(this.deps.db, now);
    return { ...result, cached: false };
  }
}

/** "https://en.wikipedia.org" -> "https://en.wikipedia.org/*", the form permissions.contains takes. */
function originPattern(baseUrl: string): string {
  return `${new URL(baseUrl).origin}/*`;
}
