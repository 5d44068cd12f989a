import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createLedeDB, saveArticle, type LedeDB } from '@/lib/background/db';
import { createAnnotation, deleteAnnotation, saveAnnotation, updateAnnotation } from '@/lib/background/annotation-store';
import { DexieLocalStore, startSyncTracking, stopSyncTracking, trackSettings } from '@/lib/background/sync-local';
import { openLibrary, syncRound } from '@/lib/sync/engine';
import { recordKey, type SyncRecord } from '@/lib/sync/records';
import { PrefsStore, withType, DEFAULT_PREFS } from '@/lib/settings/highlight-prefs';
import { SiteSwitchStore } from '@/lib/settings/site-switches';
import { MemoryFolder, MemoryRemoteStore, networkError } from '@/testing/fakes/memory-remote-store';
import { makeAnnotation, noteId } from '@/testing/fixtures/annotation-fixtures';
import type { ArticleSummary } from '@/lib/cards/article-summary';
import { createMemoryArea } from '@/lib/settings/storage-area';

const FAST = { iterations: 1_000, minIterations: 1_000 };
let count = 0;
const dbs: LedeDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function newDb(): LedeDB {
  const db = createLedeDB(`lede-sync-local-${++count}`);
  dbs.push(db);
  return db;
}

function article(url: string, title = 'Talks'): ArticleSummary {
  return { url, title, site: new URL(url).hostname, entities: [{ type: 'person', name: 'John Kerry', mentions: 2 }], quotes: [] };
}

const noteKey = (n: number): string => recordKey('note', noteId(n));

describe('tracking local writes for sync', () => {
  it('queues nothing while sync is off', async () => {
    const db = newDb();
    await saveAnnotation(db, makeAnnotation({ id: noteId(1) }), 1);
    await saveArticle(db, article('https://news.example/a'), 1);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.syncMeta.count()).toBe(0);
  });

  it('stamps a version and queues every note write, telling body edits from colour changes', async () => {
    const db = newDb();
    await startSyncTracking(db);
    await createAnnotation(db, makeAnnotation({ id: noteId(1), body: 'first' }), 1);
    const created = await db.syncMeta.get(noteKey(1));
    expect(created).toMatchObject({ life: 0, deleted: false });
    expect(created?.bodyEdit?.n).toBe(1);
    await updateAnnotation(db, noteId(1), { color: 'green' }, 2);
    const recoloured = await db.syncMeta.get(noteKey(1));
    expect(recoloured!.hlc > created!.hlc).toBe(true);
    expect(recoloured?.bodyEdit).toEqual(created?.bodyEdit);
    await updateAnnotation(db, noteId(1), { body: 'second' }, 3);
    expect((await db.syncMeta.get(noteKey(1)))?.bodyEdit?.n).toBe(3);
    const seqBefore = (await db.outbox.get(noteKey(1)))!.seq;
    await deleteAnnotation(db, noteId(1));
    expect(await db.syncMeta.get(noteKey(1))).toMatchObject({ life: 1, deleted: true });
    expect((await db.outbox.get(noteKey(1)))!.seq).toBeGreaterThan(seqBefore);
    expect(await db.outbox.count()).toBe(1);
  });

  it('queues imports, reading history and clearing it, and nothing for a write that failed', async () => {
    const db = newDb();
    await startSyncTracking(db);
    await db.annotations.bulkAdd([makeAnnotation({ id: noteId(1) }), makeAnnotation({ id: noteId(2) })]);
    await saveArticle(db, article('https://news.example/a'), 1);
    await saveArticle(db, article('https://news.example/b'), 2);
    expect(await db.outbox.count()).toBe(4);
    await db.articles.clear();
    expect((await db.syncMeta.get(recordKey('article', 'https://news.example/b')))?.deleted).toBe(true);
    const before = await db.outbox.toArray();
    await expect(createAnnotation(db, makeAnnotation({ id: noteId(1) }), 5)).rejects.toThrow();
    await expect(db.transaction('rw', db.annotations, async () => {
      await db.annotations.put(makeAnnotation({ id: noteId(3) }));
      throw new Error('the write fails after the put');
    })).rejects.toThrow('fails');
    expect(await db.outbox.toArray()).toEqual(before);
    expect(await db.syncMeta.get(noteKey(3))).toBeUndefined();
  });

  it('queues only the rows a partly failing bulk add stored', async () => {
    const db = newDb();
    await startSyncTracking(db);
    await saveAnnotation(db, makeAnnotation({ id: noteId(1) }), 1);
    const seq = (await db.outbox.get(noteKey(1)))!.seq;
    await db.transaction('rw', db.annotations, async () => {
      await db.annotations.bulkAdd([makeAnnotation({ id: noteId(1), body: 'duplicate' }), makeAnnotation({ id: noteId(2) })]).catch(() => undefined);
    });
    expect((await db.annotations.get(noteId(1)))?.body).toBe('My note');
    expect((await db.outbox.get(noteKey(1)))!.seq).toBe(seq);
    expect(await db.outbox.get(noteKey(2))).toBeDefined();
  });

  it('queues synced settings through the tracked area, and not the others', async () => {
    const db = newDb();
    await startSyncTracking(db);
    const area = trackSettings(createMemoryArea(), db);
    await new PrefsStore(area).save('site', 'bbc.co.uk', withType(DEFAULT_PREFS, 'person', false));
    await new SiteSwitchStore(area).setPaused(true);
    await new PrefsStore(area).saveLegendOpen(true);
    expect((await db.outbox.toArray()).map((row) => row.key).sort()).toEqual([recordKey('setting', 'prefs:site:bbc.co.uk'), recordKey('setting', 'siteSwitches')]);
  });

  it('applies records from the server without queueing them, and confirms only the change it carried', async () => {
    const db = newDb();
    await startSyncTracking(db);
    const settings = createMemoryArea();
    const local = new DexieLocalStore(db, settings);
    const remoteNote: SyncRecord = { kind: 'note', id: noteId(5), hlc: '000009000000000000-0000-other', life: 0, seen: { other: 1 }, bodyEdit: { device: 'other', n: 1 }, deleted: false, payload: makeAnnotation({ id: noteId(5), body: 'from afar' }) };
    const remoteSetting: SyncRecord = { kind: 'setting', id: 'siteSwitches', hlc: '000009000000000001-0000-other', life: 0, seen: { other: 1 }, deleted: false, payload: { value: { paused: true, offSites: [] } } };
    await local.write([{ record: remoteNote, file: 'f1' }, { record: remoteSetting, file: 'f2' }], false);
    expect((await db.annotations.get(noteId(5)))?.body).toBe('from afar');
    expect((await settings.get(['siteSwitches'])).siteSwitches).toEqual({ paused: true, offSites: [] });
    expect(await db.outbox.count()).toBe(0);
    expect((await local.readFile('f1')).map((r) => r.id)).toEqual([noteId(5)]);
    await updateAnnotation(db, noteId(5), { body: 'edited here' }, 1);
    // The clock moved past the stamps it saw: a local edit orders after them.
    expect((await db.syncMeta.get(noteKey(5)))!.hlc > remoteSetting.hlc).toBe(true);
    const [queued] = await local.pending();
    await updateAnnotation(db, noteId(5), { body: 'edited again' }, 2);
    await local.confirm([queued!]);
    expect(await local.pending()).toHaveLength(1);
  });

  it('forgets everything when sync is turned off', async () => {
    const db = newDb();
    await startSyncTracking(db);
    await saveAnnotation(db, makeAnnotation({ id: noteId(1) }), 1);
    await stopSyncTracking(db);
    expect(await db.syncMeta.count() + (await db.outbox.count()) + (await db.syncState.count())).toBe(0);
    expect(await db.annotations.count()).toBe(1);
  });
});

describe('syncing two browsers through their databases', () => {
  it('converges notes, history and settings, keeps what was there before sync, and survives a dying server', async () => {
    const folder = new MemoryFolder();
    const devices = await Promise.all(['a', 'b'].map(async () => {
      const db = newDb();
      const raw = createMemoryArea();
      const settings = trackSettings(raw, db);
      return { db, raw, settings, local: new DexieLocalStore(db, raw), remote: new MemoryRemoteStore(folder) };
    }));
    const [a, b] = devices as [typeof devices[0], typeof devices[0]];
    // Written before sync was turned on.
    await saveAnnotation(a.db, makeAnnotation({ id: noteId(1), body: 'old note on a' }), Date.parse('2026-01-01'));
    await saveArticle(b.db, article('https://news.example/b'), 10);
    for (const device of devices) await startSyncTracking(device.db);
    const keys = await openLibrary(a.remote, 'pass phrase', FAST);
    const sync = async (device: typeof a): Promise<void> => {
      await syncRound({ remote: device.remote, local: device.local, keys, minIterations: FAST.minIterations });
    };
    await saveAnnotation(b.db, makeAnnotation({ id: noteId(2), body: 'new note on b' }), 5);
    await new SiteSwitchStore(b.settings).setSite('spam.example', false);
    await sync(a);
    await sync(b);
    await sync(a);
    for (const device of devices) {
      expect((await device.db.annotations.orderBy('id').toArray()).map((n) => n.body)).toEqual(['old note on a', 'new note on b']);
      expect(await device.db.articles.get('https://news.example/b')).toMatchObject({ title: 'Talks', entityNames: ['John Kerry'] });
      expect((await device.raw.get(['siteSwitches'])).siteSwitches).toEqual({ paused: false, offSites: ['spam.example'] });
      expect(await device.db.outbox.count()).toBe(0);
    }
    // A deletes, B edits other things; the server dies on every other request for a while.
    await deleteAnnotation(a.db, noteId(2));
    await updateAnnotation(b.db, noteId(1), { tags: ['kept'] }, 20);
    let calls = 0;
    for (const device of devices) device.remote.fault = () => (++calls % 2 === 0 ? { when: 'afterWrite', error: networkError() } : null);
    for (let i = 0; i < 4; i++) for (const device of devices) await sync(device).catch(() => undefined);
    for (const device of devices) device.remote.fault = null;
    await sync(a);
    await sync(b);
    await sync(a);
    for (const device of devices) {
      expect((await device.db.annotations.toArray()).map((n) => [n.id, n.tags])).toEqual([[noteId(1), ['kept']]]);
      expect(await device.db.outbox.count()).toBe(0);
    }
  });
});

describe('records this version cannot store', () => {
  it('keeps a note it cannot read as it came, so rewriting its file keeps it', async () => {
    const db = newDb();
    await startSyncTracking(db);
    const local = new DexieLocalStore(db, createMemoryArea());
    const future = { kind: 'note', id: noteId(8), hlc: '000009000000000000-0000-other', life: 0, seen: { other: 1 }, deleted: false, payload: { ...makeAnnotation({ id: noteId(8) }), schemaVersion: 2, ink: 'gold' } } as unknown as SyncRecord;
    const known: SyncRecord = { kind: 'note', id: noteId(9), hlc: '000009000000000001-0000-other', life: 0, seen: { other: 1 }, deleted: false, payload: makeAnnotation({ id: noteId(9) }) };
    await local.write([{ record: future, file: 'f' }, { record: known, file: 'f' }], false);
    expect(await db.annotations.get(noteId(8))).toBeUndefined();
    expect((await local.readFile('f')).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([future, known]);
  });
});
