import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLedeDB, type ArticleRow, type LedeDB } from '@/lib/background/db';
import type { SummaryFetch } from '@/lib/background/encyclopedia';
import type { FoundSummary } from '@/lib/protocol/messages';
import {
  pruneExpiredSummaries,
  readCachedSummary,
  storeSummary,
  SUMMARY_TTL_MS,
  summaryCacheKey,
} from '@/lib/background/summary-cache';
import { SummaryService } from '@/lib/background/summary-service';
import type { UserSettings } from '@/lib/settings/user-settings';

const DAY = 24 * 60 * 60 * 1000;
const BASE = 'https://en.wikipedia.org';
const KERRY: FoundSummary = {
  status: 'found',
  title: 'John Kerry',
  extract: 'John Forbes Kerry is an American politician.',
  url: 'https://en.wikipedia.org/wiki/John_Kerry',
};

let dbCount = 0;
let db: LedeDB;

beforeEach(() => {
  dbCount += 1;
  db = createLedeDB(`summary-cache-test-${dbCount}`);
});

afterEach(async () => {
  await db.delete();
});

describe('schema version 2', () => {
  it('opens a version 1 database at the current version with its articles intact and an empty summary cache', async () => {
    const name = `summary-cache-migration-${dbCount}`;
    const article: ArticleRow = {
      url: 'https://news.example/story',
      title: 'Talks collapse',
      site: 'news.example',
      seenAt: 1234,
      entities: [{ type: 'person', name: 'John Kerry', role: 'Secretary of State', mentions: 4 }],
      quotes: [{ text: 'We will talk,', kind: 'direct', speaker: 'John Kerry' }],
      entityNames: ['John Kerry'],
    };
    // The database as the previous release left it: version 1, articles only.
    const old = new Dexie(name);
    old.version(1).stores({ articles: 'url, seenAt, site, *entityNames' });
    await old.table('articles').put(article);
    old.close();

    const upgraded = createLedeDB(name);
    try {
      await upgraded.open();
      expect(upgraded.verno).toBe(7); // the current version
      expect(upgraded.tables.map((table) => table.name).sort()).toEqual(['analyses', 'annotations', 'articles', 'summaries', 'syncMeta', 'syncState', 'outbox', 'mentions'].sort());
      // Version 6 adds the article's addresses (its aliases).
      expect(await upgraded.articles.get(article.url)).toEqual({ ...article, aliases: [article.url] });
      expect(await upgraded.articles.where('entityNames').equals('John Kerry').count()).toBe(1);
      expect(await upgraded.summaries.count()).toBe(0);
      expect(upgraded.summaries.schema.primKey.name).toBe('key');
      expect(upgraded.summaries.schema.indexes.map((index) => index.name)).toEqual(['expiresAt']);
    } finally {
      await upgraded.delete();
    }
  });
});

describe('summary cache', () => {
  it('keys by source and name, ignoring stray whitespace but not case', () => {
    expect(summaryCacheKey(BASE, ' John   Kerry ')).toBe(summaryCacheKey(`${BASE}/`, 'John Kerry'));
    expect(summaryCacheKey(BASE, 'Apple')).not.toBe(summaryCacheKey(BASE, 'APPLE'));
    expect(summaryCacheKey('http://127.0.0.1:1', 'Apple')).not.toBe(summaryCacheKey(BASE, 'Apple'));
  });

  it('serves a found page for 7 days, then treats it as stale', async () => {
    const key = summaryCacheKey(BASE, 'John Kerry');
    const row = await storeSummary(db, key, KERRY, 1000);
    expect(row.expiresAt).toBe(1000 + 7 * DAY);
    expect(await readCachedSummary(db, key, 1000)).toEqual(KERRY);
    expect(await readCachedSummary(db, key, 1000 + 7 * DAY - 1)).toEqual(KERRY);
    expect(await readCachedSummary(db, key, 1000 + 7 * DAY)).toBeUndefined();
  });

  it('keeps a miss for a day and a disambiguation for a week', async () => {
    expect(SUMMARY_TTL_MS.missing).toBe(DAY);
    expect(SUMMARY_TTL_MS.ambiguous).toBe(7 * DAY);
    await storeSummary(db, 'miss', { status: 'missing' }, 0);
    expect(await readCachedSummary(db, 'miss', DAY - 1)).toEqual({ status: 'missing' });
    expect(await readCachedSummary(db, 'miss', DAY)).toBeUndefined();
  });

  it('answers undefined for a name never cached', async () => {
    expect(await readCachedSummary(db, 'nothing', 0)).toBeUndefined();
  });

  it('prunes only stale answers', async () => {
    await storeSummary(db, 'old-miss', { status: 'missing' }, 0);
    await storeSummary(db, 'fresh', KERRY, 0);
    expect(await pruneExpiredSummaries(db, 2 * DAY)).toBe(1);
    expect((await db.summaries.toArray()).map((row) => row.key)).toEqual(['fresh']);
  });
});

describe('SummaryService', () => {
  interface Harness {
    service: SummaryService;
    requests: string[];
    permissionChecks: string[][];
    clock: { now: number };
    settings: UserSettings;
  }

  function harness(options: {
    settings?: Partial<UserSettings>;
    permission?: boolean;
    answer?: () => Promise<{ ok: boolean; status: number; text: () => Promise<string> }>;
  } = {}): Harness {
    const requests: string[] = [];
    const permissionChecks: string[][] = [];
    const clock = { now: 10_000 };
    const settings: UserSettings = { history: true, encyclopedia: true, ...options.settings };
    const answer =
      options.answer ??
      (async () => ({
        ok: true,
        status: 200,
        text: async () =>
          JSON.stringify({
            type: 'standard',
            title: 'John Kerry',
            extract: KERRY.extract,
            content_urls: { desktop: { page: KERRY.url } },
          }),
      }));
    const fetch: SummaryFetch = async (url) => {
      requests.push(url);
      return answer();
    };
    const service = new SummaryService({
      db,
      loadSettings: async () => settings,
      fetch,
      hasHostPermission: async (origins) => {
        permissionChecks.push(origins);
        return options.permission ?? true;
      },
      now: () => clock.now,
    });
    return { service, requests, permissionChecks, clock, settings };
  }

  it('makes no request at all while the setting is off', async () => {
    const h = harness({ settings: { encyclopedia: false } });
    expect(await h.service.get('John Kerry')).toEqual({ status: 'disabled' });
    expect(h.requests).toEqual([]);
    expect(h.permissionChecks).toEqual([]);
    expect(await db.summaries.count()).toBe(0);
  });

  it('fetches once, then serves the cache until the answer expires', async () => {
    const h = harness();
    expect(await h.service.get('John Kerry')).toEqual({ ...KERRY, cached: false });
    expect(h.requests).toEqual(['https://en.wikipedia.org/api/rest_v1/page/summary/John_Kerry']);
    expect(h.permissionChecks).toEqual([['https://en.wikipedia.org/*']]);

    h.clock.now += DAY;
    expect(await h.service.get('John  Kerry')).toEqual({ ...KERRY, cached: true });
    expect(h.requests).toHaveLength(1);

    h.clock.now += 7 * DAY;
    expect(await h.service.get('John Kerry')).toEqual({ ...KERRY, cached: false });
    expect(h.requests).toHaveLength(2);
  });

  it('shares one request between two cards asking at once', async () => {
    const h = harness();
    const [a, b] = await Promise.all([h.service.get('John Kerry'), h.service.get('John Kerry')]);
    expect(a).toEqual(b);
    expect(h.requests).toHaveLength(1);
  });

  it('asks for the host permission before a real request, and sends nothing without it', async () => {
    const h = harness({ permission: false });
    expect(await h.service.get('John Kerry')).toEqual({ status: 'permission-needed' });
    expect(h.requests).toEqual([]);
    expect(await db.summaries.count()).toBe(0);
  });

  it('needs no permission for a loopback test server, and keeps its answers apart', async () => {
    const h = harness({ settings: { encyclopediaBaseUrl: 'http://127.0.0.1:4321' }, permission: false });
    expect(await h.service.get('John Kerry')).toMatchObject({ status: 'found', cached: false });
    expect(h.requests).toEqual(['http://127.0.0.1:4321/api/rest_v1/page/summary/John_Kerry']);
    expect(h.permissionChecks).toEqual([]);
    expect((await db.summaries.toArray()).map((row) => row.key)).toEqual(['http://127.0.0.1:4321|John Kerry']);
  });

  it('caches a miss', async () => {
    const h = harness({ answer: async () => ({ ok: false, status: 404, text: async () => '{}' }) });
    expect(await h.service.get('Nobody Atall')).toEqual({ status: 'missing', cached: false });
    expect(await h.service.get('Nobody Atall')).toEqual({ status: 'missing', cached: true });
    expect(h.requests).toHaveLength(1);
  });

  it('does not cache an error, so the next view tries again', async () => {
    const h = harness({ answer: async () => Promise.reject(new TypeError('Failed to fetch')) });
    expect(await h.service.get('John Kerry')).toEqual({ status: 'error', message: 'Could not reach Wikipedia (Failed to fetch).' });
    expect(await h.service.get('John Kerry')).toMatchObject({ status: 'error' });
    expect(h.requests).toHaveLength(2);
    expect(await db.summaries.count()).toBe(0);
  });
});
