// The analysis cache's IndexedDB tier: a revisit after the background restarted (its memory gone)
// gets the stored analysis; the table stays bounded; the reading-history setting governs it.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnalysisCache } from '@/lib/background/analysis-cache';
import { analyzeText } from '@/lib/analysis/analyze';
import { DexieAnalysisStore } from '@/lib/background/analysis-store';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { createLedeDB, type LedeDB } from '@/lib/background/db';
import { PrefsStore } from '@/lib/settings/highlight-prefs';
import { UserSettingsStore } from '@/lib/settings/user-settings';
import { createMemoryArea } from '@/lib/settings/storage-area';

const TEXT = 'Secretary of State John Kerry met Sergei Lavrov in Geneva. “We are close,” Mr. Kerry said.';
const URL_A = 'https://news.example/a';

let counter = 0;
const dbs: LedeDB[] = [];
function freshDb(): LedeDB {
  const db = createLedeDB(`lede-analysis-store-${++counter}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function countingAnalyze() {
  let calls = 0;
  return { analyze: (text: string) => (calls++, analyzeText(text)), calls: () => calls };
}

describe('DexieAnalysisStore behind AnalysisCache', () => {
  it('a new cache (a restarted background) gets the stored analysis without analysing', async () => {
    const db = freshDb();
    const first = countingAnalyze();
    const firstCache = new AnalysisCache({ backing: new DexieAnalysisStore(db) });
    const before = await firstCache.getOrAnalyze(URL_A, TEXT, first.analyze);
    expect(before.cached).toBe(false);
    expect(first.calls()).toBe(1);
    await firstCache.writesDone();

    const second = countingAnalyze();
    const after = await new AnalysisCache({ backing: new DexieAnalysisStore(db) }).getOrAnalyze(URL_A, TEXT, second.analyze);
    expect(after).toEqual({ analysis: before.analysis, cached: true });
    expect(second.calls()).toBe(0);
  });

  it('a changed text is analysed again', async () => {
    const db = freshDb();
    const cache = () => new AnalysisCache({ backing: new DexieAnalysisStore(db) });
    await cache().getOrAnalyze(URL_A, TEXT, analyzeText);
    const counting = countingAnalyze();
    const changed = await cache().getOrAnalyze(URL_A, `${TEXT} Lavrov said nothing.`, counting.analyze);
    expect(changed.cached).toBe(false);
    expect(counting.calls()).toBe(1);
  });

  it('keeps only the most recently used rows', async () => {
    const db = freshDb();
    let clock = 0;
    const store = new DexieAnalysisStore(db, { now: () => ++clock, maxRows: 3 });
    for (const page of ['a', 'b', 'c']) await store.put(page, `https://news.example/${page}`, 1, { entities: [], quotes: [] });
    await store.get('a'); // a is used again, so b is now the oldest
    await store.put('d', 'https://news.example/d', 1, { entities: [], quotes: [] });
    expect((await db.analyses.toCollection().primaryKeys()).sort()).toEqual(['a', 'c', 'd']);
  });

  it('with reading history off, nothing is stored or read', async () => {
    const db = freshDb();
    const store = new DexieAnalysisStore(db, { enabled: async () => false });
    await store.put('a', URL_A, 1, { entities: [], quotes: [] });
    expect(await db.analyses.count()).toBe(0);
    await db.analyses.put({ key: 'b', url: URL_A, textLength: 1, analysis: { entities: [], quotes: [] }, usedAt: 1 });
    expect(await store.get('b')).toBeUndefined();
  });
});

describe('the background', () => {
  function background(db: LedeDB, history: boolean) {
    const settings = new UserSettingsStore(createMemoryArea());
    return settings.save({ history }).then(() =>
      createBackgroundHandlers({ db, prefs: new PrefsStore(createMemoryArea()), settings, now: () => 1_000 }),
    );
  }

  it('stores analyses it makes while history is on, and clearing history clears them', async () => {
    const db = freshDb();
    const handlers = await background(db, true);
    const answer = await handlers.analyzeText({ type: 'analyzeText', url: URL_A, text: TEXT }, { context: 'content-script', pageUrl: URL_A });
    expect(answer.cached).toBe(false);
    // Written just after the answer went out.
    await vi.waitFor(async () => expect(await db.analyses.count()).toBe(1));
    await handlers.clearHistory({ type: 'clearHistory' }, { context: 'extension-page' });
    expect(await db.analyses.count()).toBe(0);
  });

  it('keeps no analysis while history is off', async () => {
    const db = freshDb();
    const handlers = await background(db, false);
    await handlers.analyzeText({ type: 'analyzeText', url: URL_A, text: TEXT }, { context: 'content-script', pageUrl: URL_A });
    expect(await db.analyses.count()).toBe(0);
  });
});
