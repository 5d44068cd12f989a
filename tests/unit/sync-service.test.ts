// The background's sync service over fake-indexeddb and the in-memory server: setting up and
// joining, a wrong passphrase writing nothing, locked after a browser restart, rounds a few
// seconds after local changes (fake timers), errors in words, turning off, and conflict copies.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLedeDB, saveArticle, type LedeDB } from '@/lib/background/db';
import { trackSettings } from '@/lib/background/sync-local';
import { DEFAULT_PREFS, GLOBAL_PREFS_KEY } from '@/lib/settings/highlight-prefs';
import { deleteAnnotation, saveAnnotation, updateAnnotation } from '@/lib/background/annotation-store';
import type { ChangeNotices } from '@/lib/background/change-notifier';
import { SYNC_CONNECTION_KEY, SyncService, watchLocalWrites } from '@/lib/background/sync-service';
import { KEYINFO_NAME } from '@/lib/sync/crypto';
import { RemoteStoreError } from '@/lib/sync/remote-store';
import type { SyncServerInput } from '@/lib/protocol/sync';
import { createMemoryArea, type KeyValueArea } from '@/lib/settings/storage-area';
import { MemoryFolder, MemoryRemoteStore, networkError } from '@/testing/fakes/memory-remote-store';
import { makeAnnotation, noteId, SOURCE } from '@/testing/fixtures/annotation-fixtures';

const FAST = { iterations: 1_000, minIterations: 1_000 };
const SERVER: SyncServerInput = { kind: 'webdav', url: 'https://dav.example/files/ada/', user: 'ada', password: 'secret' };
const PASSPHRASE = 'correct horse battery staple';
const DEBOUNCE = 3_000;

let count = 0;
const dbs: LedeDB[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const db of dbs.splice(0)) await db.delete();
});

interface Told {
  notes: string[][];
  history: number;
  settings: number;
  /** Times the open tabs were told to apply synced settings. */
  tabs: number;
}

/** One browser: its database, storage areas, the server views it opens, and what it told the pages. */
class Device {
  readonly db: LedeDB;
  readonly store: KeyValueArea = createMemoryArea();
  session: KeyValueArea = createMemoryArea();
  readonly settings = createMemoryArea();
  readonly told: Told = { notes: [], history: 0, settings: 0, tabs: 0 };
  readonly remote: MemoryRemoteStore;
  alarm = false;
  service: SyncService;

  constructor(folder: MemoryFolder) {
    this.db = createLedeDB(`lede-sync-service-${++count}`);
    dbs.push(this.db);
    this.remote = new MemoryRemoteStore(folder);
    this.service = this.start();
  }

  /** A new service over the same storage: the worker woken again, or (with a fresh session area) the browser restarted. */
  start(): SyncService {
    const told = this.told;
    const notices: ChangeNotices = {
      notesChanged: async (sources) => void told.notes.push([...sources]),
      historyChanged: async () => void (told.history += 1),
      settingsChanged: async () => void (told.settings += 1),
    };
    this.service = new SyncService({
      db: this.db,
      settings: this.settings,
      store: this.store,
      session: this.session,
      openStore: () => this.remote,
      notices,
      settingsArrived: async () => void (told.tabs += 1),
      now: () => Date.UTC(2026, 11, 7, 12),
      schedule: async (on) => {
        this.alarm = on;
      },
      debounceMs: DEBOUNCE,
      kdf: FAST,
    });
    return this.service;
  }
}

function snapshot(folder: MemoryFolder): [string, string][] {
  return [...folder.files].map(([name, file]) => [name, file.etag]);
}

let folder: MemoryFolder;
let a: Device;
let b: Device;
beforeEach(() => {
  folder = new MemoryFolder();
  a = new Device(folder);
  b = new Device(folder);
});

async function setUpBoth(): Promise<void> {
  expect((await a.service.setUp(SERVER, PASSPHRASE, false)).ok).toBe(true);
  await a.service.idle();
  expect((await b.service.setUp(SERVER, PASSPHRASE, true)).ok).toBe(true);
  await b.service.idle();
}

describe('setting sync up', () => {
  it('is off until set up, then on with the alarm running and nothing pending after the first round', async () => {
    expect(await a.service.status()).toEqual({ state: 'off' });
    await saveAnnotation(a.db, makeAnnotation({ id: noteId(1), body: 'before sync' }), 1);
    const result = await a.service.setUp(SERVER, PASSPHRASE, false);
    expect(result.ok).toBe(true);
    expect(a.alarm).toBe(true);
    expect(folder.files.has(KEYINFO_NAME)).toBe(true);
    await a.service.idle();
    const status = await a.service.status();
    expect(status).toMatchObject({ state: 'on', running: null, pending: 0, lastError: null, lastSynced: Date.UTC(2026, 11, 7, 12) });
    expect(status.state !== 'off' && status.server).toEqual({ kind: 'webdav', url: SERVER.url, user: 'ada' });
    // The password is kept for the rounds, but never shown back.
    expect(JSON.stringify(status)).not.toContain('secret');
    expect(folder.files.size).toBeGreaterThan(1);
  });

  it('joins on a second browser: the first one\'s notes arrive and the pages showing them are told', async () => {
    await saveAnnotation(a.db, makeAnnotation({ id: noteId(1), body: 'made on A' }), 1);
    await setUpBoth();
    expect((await b.db.annotations.get(noteId(1)))?.body).toBe('made on A');
    expect(b.told.notes.flat()).toContain(SOURCE);
  });

  it('refuses a wrong passphrase when joining, writing nothing on the server or the device', async () => {
    await a.service.setUp(SERVER, PASSPHRASE, false);
    await a.service.idle();
    const before = snapshot(folder);
    const requests = folder.requests.length;
    expect(await b.service.setUp(SERVER, 'not the passphrase', true)).toEqual({ ok: false, error: 'wrong passphrase' });
    expect(snapshot(folder)).toEqual(before);
    expect(folder.requests.slice(requests).every((request) => request.method === 'get' || request.method === 'list')).toBe(true);
    expect(await b.service.status()).toEqual({ state: 'off' });
    expect(await b.db.syncState.count()).toBe(0);
    expect(await b.store.get([SYNC_CONNECTION_KEY])).toEqual({});
  });

  it('will not join a server that holds no library, and writes nothing there', async () => {
    const result = await b.service.setUp(SERVER, PASSPHRASE, true);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/no Lede library yet/);
    expect(folder.files.size).toBe(0);
  });

  it('says "server refused: check the password" when the server says 401', async () => {
    a.remote.fault = () => ({ when: 'before', error: new RemoteStoreError({ kind: 'unauthorized', message: 'HTTP 401' }) });
    expect(await a.service.setUp(SERVER, PASSPHRASE, false)).toEqual({ ok: false, error: 'server refused: check the password' });
    expect(await a.service.status()).toEqual({ state: 'off' });
  });
});

describe('after a browser restart', () => {
  it('is locked until the passphrase is entered again, and a wrong one leaves it locked', async () => {
    await a.service.setUp(SERVER, PASSPHRASE, false);
    await a.service.idle();
    a.session = createMemoryArea();
    a.start();
    expect(await a.service.status()).toMatchObject({ state: 'locked', pending: 0 });
    // A round asked for while locked does nothing at all.
    const requests = folder.requests.length;
    await a.service.wake();
    expect(folder.requests.length).toBe(requests);
    expect(await a.service.unlock('wrong')).toEqual({ ok: false, error: 'wrong passphrase' });
    expect((await a.service.status()).state).toBe('locked');
    expect((await a.service.unlock(PASSPHRASE)).ok).toBe(true);
    expect((await a.service.status()).state).toBe('on');
  });

  it('stays unlocked when only the worker was stopped (the session area keeps the key)', async () => {
    await a.service.setUp(SERVER, PASSPHRASE, false);
    await a.service.idle();
    a.start();
    expect((await a.service.status()).state).toBe('on');
  });
});

describe('rounds', () => {
  it('runs one round a few seconds after a burst of local changes, and none when nothing is queued', async () => {
    await setUpBoth();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const lists = (): number => folder.requests.filter((request) => request.method === 'list').length;
    const listed = lists();
    await saveAnnotation(a.db, makeAnnotation({ id: noteId(2), body: 'one' }), 2);
    a.service.localChange();
    await vi.advanceTimersByTimeAsync(DEBOUNCE - 500);
    await updateAnnotation(a.db, noteId(2), { body: 'one, edited' }, 3);
    a.service.localChange();
    await vi.advanceTimersByTimeAsync(DEBOUNCE - 500);
    expect(lists()).toBe(listed);
    expect(await a.service.status()).toMatchObject({ state: 'on', pending: 1 });
    await vi.advanceTimersByTimeAsync(500);
    await a.service.idle();
    expect(lists()).toBe(listed + 1);
    expect(await a.service.status()).toMatchObject({ pending: 0 });
    // The round's own writes, or a change that queued nothing, start no round.
    a.service.localChange();
    await vi.advanceTimersByTimeAsync(DEBOUNCE);
    await a.service.idle();
    expect(lists()).toBe(listed + 1);

    await b.service.syncNow();
    expect((await b.db.annotations.get(noteId(2)))?.body).toBe('one, edited');
  });

  it('brings a deletion across and never brings the note back', async () => {
    await saveAnnotation(a.db, makeAnnotation({ id: noteId(1), body: 'doomed' }), 1);
    await setUpBoth();
    await deleteAnnotation(a.db, noteId(1));
    await a.service.syncNow();
    const told = b.told.notes.length;
    await b.service.syncNow();
    expect(await b.db.annotations.get(noteId(1))).toBeUndefined();
    expect(b.told.notes.slice(told).flat()).toContain(SOURCE);
    await a.service.syncNow();
    await b.service.syncNow();
    expect(await a.db.annotations.get(noteId(1))).toBeUndefined();
    expect(await b.db.annotations.get(noteId(1))).toBeUndefined();
  });

  it('tells pages and tabs when synced settings arrive, and the pages when history does', async () => {
    await setUpBoth();
    await trackSettings(a.settings, a.db).set({ [GLOBAL_PREFS_KEY]: { ...DEFAULT_PREFS, quote: false } });
    await saveArticle(a.db, { url: 'https://news.example/a', title: 'Talks', site: 'news.example', entities: [], quotes: [] }, 5);
    await a.service.syncNow();
    const before = { ...b.told };
    await b.service.syncNow();
    expect(await b.settings.get([GLOBAL_PREFS_KEY])).toEqual({ [GLOBAL_PREFS_KEY]: { ...DEFAULT_PREFS, quote: false } });
    expect(b.told.settings).toBe(before.settings + 1);
    expect(b.told.tabs).toBe(before.tabs + 1);
    expect(b.told.history).toBe(before.history + 1);
  });

  it('keeps changes queued and says "can\'t reach the server" while it is down, then catches up', async () => {
    await setUpBoth();
    await saveAnnotation(a.db, makeAnnotation({ id: noteId(3), body: 'offline' }), 3);
    a.remote.fault = () => ({ when: 'before', error: networkError() });
    const down = await a.service.syncNow();
    expect(down).toMatchObject({ state: 'on', pending: 1, lastError: "can't reach the server" });
    a.remote.fault = null;
    expect(await a.service.syncNow()).toMatchObject({ pending: 0, lastError: null });
  });

  it('keeps both texts when both browsers edit a note while the server is down, one as a conflict copy', async () => {
    await saveAnnotation(a.db, makeAnnotation({ id: noteId(1), body: 'original' }), 1);
    await setUpBoth();
    a.remote.fault = () => ({ when: 'before', error: networkError() });
    b.remote.fault = () => ({ when: 'before', error: networkError() });
    await updateAnnotation(a.db, noteId(1), { body: 'edited on A' }, 10);
    await updateAnnotation(b.db, noteId(1), { body: 'edited on B' }, 11);
    await a.service.syncNow();
    await b.service.syncNow();
    a.remote.fault = null;
    b.remote.fault = null;
    await a.service.syncNow();
    await b.service.syncNow();
    await a.service.syncNow();
    for (const device of [a, b]) {
      const notes = await device.db.annotations.toArray();
      expect(notes.map((note) => note.body).sort()).toEqual(['edited on A', 'edited on B']);
      expect(notes.filter((note) => note.conflictOf === noteId(1))).toHaveLength(1);
    }
  });
});

describe('conflict copies', () => {
  async function withCopy(device: Device): Promise<string> {
    await saveAnnotation(device.db, makeAnnotation({ id: noteId(1), body: 'kept text' }), 1);
    await saveAnnotation(device.db, makeAnnotation({ id: noteId(2), body: 'lost text', conflictOf: noteId(1) }), 1);
    return noteId(2);
  }

  it('"keep this one" puts the copy\'s text in the original and removes the copy', async () => {
    await a.service.resolveConflict(await withCopy(a), 'copy');
    expect((await a.db.annotations.toArray()).map((note) => [note.id, note.body, note.conflictOf])).toEqual([[noteId(1), 'lost text', undefined]]);
    expect(a.told.notes).toEqual([[SOURCE, SOURCE]]);
  });

  it('"keep the other" removes the copy', async () => {
    await a.service.resolveConflict(await withCopy(a), 'original');
    expect((await a.db.annotations.toArray()).map((note) => note.body)).toEqual(['kept text']);
  });

  it('keeps the copy as an ordinary note when the original was deleted', async () => {
    const copy = await withCopy(a);
    await deleteAnnotation(a.db, noteId(1));
    await a.service.resolveConflict(copy, 'copy');
    const notes = await a.db.annotations.toArray();
    expect(notes.map((note) => [note.id, note.body, 'conflictOf' in note])).toEqual([[noteId(2), 'lost text', false]]);
  });

  it('refuses a note that is not a conflict copy', async () => {
    await saveAnnotation(a.db, makeAnnotation({ id: noteId(1) }), 1);
    await expect(a.service.resolveConflict(noteId(1), 'copy')).rejects.toThrow();
    expect(await a.db.annotations.count()).toBe(1);
  });
});

describe('turning sync off', () => {
  it('keeps the notes and forgets the server, its credentials, the key and the device state', async () => {
    await saveAnnotation(a.db, makeAnnotation({ id: noteId(1) }), 1);
    await a.service.setUp(SERVER, PASSPHRASE, false);
    await a.service.idle();
    expect(await a.service.turnOff()).toEqual({ state: 'off' });
    expect(a.alarm).toBe(false);
    expect(await a.db.annotations.count()).toBe(1);
    expect(await a.store.get([SYNC_CONNECTION_KEY])).toEqual({});
    expect(await a.session.get(['syncSessionKey'])).toEqual({});
    expect(await a.db.syncState.count()).toBe(0);
    // Local writes are no longer queued.
    await saveAnnotation(a.db, makeAnnotation({ id: noteId(2) }), 2);
    expect(await a.db.outbox.count()).toBe(0);
  });
});

describe('watching local writes', () => {
  it('hears writes to the notes and the history of its own database only', async () => {
    let heard = 0;
    const stop = watchLocalWrites(a.db, () => (heard += 1));
    try {
      await saveAnnotation(a.db, makeAnnotation({ id: noteId(1) }), 1);
      await vi.waitFor(() => expect(heard).toBeGreaterThan(0));
      const afterNote = heard;
      await saveAnnotation(b.db, makeAnnotation({ id: noteId(1) }), 1);
      await a.db.summaries.put({ key: 'x', name: 'x', fetchedAt: 1 } as never);
      await deleteAnnotation(a.db, noteId(1));
      await vi.waitFor(() => expect(heard).toBe(afterNote + 1));
    } finally {
      stop();
    }
  });
});
