// The WebDAV and remoteStorage clients against real servers on 127.0.0.1, started by the test:
// Debian's Apache httpd with mod_dav, and armadietto (npm). Each case runs on both. The engine
// runs on top with in-memory device stores (testing/fakes/memory-local-store.ts), so what is
// checked is the whole path from a device's records to the server's disk and back.

import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, syncErrorMessage, syncRound } from '@/lib/sync/engine';
import { KEYINFO_NAME, type SyncKeys } from '@/lib/sync/crypto';
import { openShard } from '@/lib/sync/shard-file';
import { RemoteStoreError, type RemoteStore } from '@/lib/sync/remote-store';
import { keyOf } from '@/lib/sync/records';
import type { RemoteConnection } from '@/lib/sync/remote/open-store';
import type { Annotation } from '@/lib/notes/annotation';
import { syncNote } from '@/testing/sync/sync-note';
import { MemoryLocalStore } from '@/testing/fakes/memory-local-store';
import { createLedeDB, saveArticle, type LedeDB } from '@/lib/background/db';
import { createAnnotation, deleteAnnotation } from '@/lib/background/annotation-store';
import { DexieLocalStore, startSyncTracking } from '@/lib/background/sync-local';
import { makeAnnotation, noteId } from '@/testing/fixtures/annotation-fixtures';
import { startSyncServer, storeFor, type ServerKind, type SyncServer } from '@/testing/servers/sync-servers';
import { createMemoryArea } from '@/lib/settings/storage-area';

const FAST = { iterations: 1_000, minIterations: 1_000 };
// Real servers as child processes on a busy two-core machine: generous, since only a stuck test should fail.
const SLOW = 180_000;

/** Note n on its own article. */
function note(n: number, body: string, source = `https://news.example/${n}`): Annotation {
  return syncNote(noteId(n), body, source);
}

interface Device {
  local: MemoryLocalStore;
  keys: SyncKeys;
  sync(remote?: RemoteStore): ReturnType<typeof syncRound>;
}

async function device(name: string, connection: RemoteConnection): Promise<Device> {
  const remote = storeFor(connection);
  const keys = await openLibrary(remote, 'a shared passphrase', FAST);
  const local = new MemoryLocalStore(name);
  return { local, keys, sync: (store = remote) => syncRound({ remote: store, local, keys, minIterations: FAST.minIterations }) };
}

/** What a device holds, as the reader sees it. */
function contents(local: MemoryLocalStore): string[] {
  return [...local.records.values()].map((r) => JSON.stringify([r.kind, r.id, r.deleted, r.hlc, r.payload])).sort();
}

/** Every record key in every Lede file on the server, opened with the keys (a key twice is a duplicate). */
async function keysOnServer(remote: RemoteStore, keys: SyncKeys): Promise<string[]> {
  const all: string[] = [];
  for (const entry of await remote.list()) {
    if (entry.name === KEYINFO_NAME) continue;
    const file = await remote.get(entry.name);
    for (const record of await openShard(keys, entry.name, file!.body)) all.push(keyOf(record));
  }
  return all;
}

/** Every file under a directory, with its bytes. */
function filesUnder(dir: string): { path: string; bytes: Buffer }[] {
  const found: { path: string; bytes: Buffer }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path));
    else found.push({ path, bytes: readFileSync(path) });
  }
  return found;
}

let browsers = 0;

/** A browser's side as the background has it: Lede's Dexie database with sync turned on. */
async function browserDevice(connection: RemoteConnection): Promise<{ db: LedeDB; sync(): ReturnType<typeof syncRound> }> {
  const db = createLedeDB(`lede-sync-servers-${++browsers}`);
  await db.open();
  await startSyncTracking(db);
  const remote = storeFor(connection);
  const keys = await openLibrary(remote, 'a shared passphrase', FAST);
  const local = new DexieLocalStore(db, createMemoryArea());
  return { db, sync: () => syncRound({ remote, local, keys, minIterations: FAST.minIterations }) };
}

async function failureOf(promise: Promise<unknown>): Promise<RemoteStoreError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(RemoteStoreError);
  return error as RemoteStoreError;
}

describe.each<ServerKind>(['webdav', 'remotestorage'])('sync against a real %s server', (kind) => {
  let server: SyncServer;

  beforeAll(async () => {
    server = await startSyncServer(kind);
  }, SLOW);

  afterAll(async () => {
    await server?.close();
  }, SLOW);

  it('lists, reads, writes and removes files with etags, refusing stale conditions with 412', async () => {
    const remote = storeFor(await server.newPlace());
    expect(await remote.list()).toEqual([]);
    expect(await remote.get('a.lede')).toBeNull();

    const first = await remote.put('a.lede', new Uint8Array([1, 2, 3]), null);
    const listed = await remote.list();
    expect(listed.map((entry) => entry.name)).toEqual(['a.lede']);
    const read = await remote.get('a.lede');
    expect(read?.body).toEqual(new Uint8Array([1, 2, 3]));
    expect(read?.etag).toBe(listed[0]!.etag);
    // The etag a put returns either is the file's or matches nothing (servers that don't say): never another version's.
    if (!first.includes('lede-unknown')) expect(first).toBe(read?.etag);

    expect((await failureOf(remote.put('a.lede', new Uint8Array([9]), null))).failure.kind).toBe('precondition');
    const second = await remote.put('a.lede', new Uint8Array([4, 5]), read!.etag);
    expect((await failureOf(remote.put('a.lede', new Uint8Array([9]), read!.etag))).failure.kind).toBe('precondition');
    expect((await failureOf(remote.remove('a.lede', read!.etag))).failure.kind).toBe('precondition');
    const now = await remote.get('a.lede');
    expect(now?.body).toEqual(new Uint8Array([4, 5]));
    if (!second.includes('lede-unknown')) expect(second).toBe(now?.etag);
    expect(now?.etag).not.toBe(read?.etag);

    await remote.put('b.lede', new Uint8Array([7]), null);
    expect((await remote.list()).map((entry) => entry.name).sort()).toEqual(['a.lede', 'b.lede']);
    await remote.remove('a.lede', now!.etag);
    expect(await remote.get('a.lede')).toBeNull();
    expect((await remote.list()).map((entry) => entry.name)).toEqual(['b.lede']);
  }, SLOW);

  it('writes a new file before anything has listed (or made) the folder', async () => {
    const remote = storeFor(await server.newPlace());
    await remote.put('first.lede', new Uint8Array([1]), null);
    expect((await remote.get('first.lede'))?.body).toEqual(new Uint8Array([1]));
    expect((await remote.list()).map((entry) => entry.name)).toEqual(['first.lede']);
  }, SLOW);

  it('reports wrong credentials as unauthorized, and the engine says to check the password', async () => {
    const place = await server.newPlace();
    const a = await device('a', place);
    a.local.edit('note', note(1, 'hello').id, note(1, 'hello'));
    await a.sync();
    const refused = storeFor(server.withWrongCredentials(place));
    expect((await failureOf(refused.list())).failure.kind).toBe('unauthorized');
    expect((await failureOf(refused.get(KEYINFO_NAME))).failure.kind).toBe('unauthorized');
    expect((await failureOf(refused.put('x.lede', new Uint8Array([1]), null))).failure.kind).toBe('unauthorized');
    a.local.edit('note', note(2, 'second').id, note(2, 'second'));
    const error = await a.sync(refused).then(() => null, (e: unknown) => e);
    expect(syncErrorMessage(error)).toBe('server refused: check the password');
    // Nothing was lost: the change is still queued and goes out with the right credentials.
    expect(a.local.outbox.size).toBe(1);
    await a.sync();
    expect(a.local.outbox.size).toBe(0);
  }, SLOW);

  it('on a stale write the server answers 412; the engine merges the other device\'s file and writes both changes', async () => {
    const place = await server.newPlace();
    const a = await device('a', place);
    const b = await device('b', place);
    // Settings share one file, so both devices write the same file.
    a.local.edit('setting', 'prefs:global', { value: { person: false } });
    b.local.edit('setting', 'siteSwitches', { value: { paused: true, offSites: [] } });
    await a.sync();
    await b.sync();
    await a.sync();
    a.local.edit('setting', 'prefs:global', { value: { person: true } });
    b.local.edit('setting', 'siteSwitches', { value: { paused: false, offSites: ['x.example'] } });
    // A writes between B's listing and B's write: B's If-Match is stale by then.
    const real = storeFor(place);
    const failures: string[] = [];
    let interleaved = false;
    const racing: RemoteStore = {
      list: () => real.list(),
      get: (name) => real.get(name),
      remove: (name, etag) => real.remove(name, etag),
      put: async (name, body, ifMatch) => {
        if (!interleaved) {
          interleaved = true;
          await a.sync();
        }
        try {
          return await real.put(name, body, ifMatch);
        } catch (error) {
          if (error instanceof RemoteStoreError) failures.push(error.failure.kind);
          throw error;
        }
      },
    };
    const report = await b.sync(racing);
    expect(failures).toEqual(['precondition']);
    expect(report.confirmed).toBe(1);
    await a.sync();
    expect(a.local.get('setting', 'siteSwitches')?.payload).toEqual({ value: { paused: false, offSites: ['x.example'] } });
    expect(b.local.get('setting', 'prefs:global')?.payload).toEqual({ value: { person: true } });
    expect(contents(a.local)).toEqual(contents(b.local));
  }, SLOW);

  it('loses and duplicates nothing when the server is killed mid-sync and started again', async () => {
    const place = await server.newPlace();
    const a = await device('a', place);
    for (let n = 0; n < 300; n++) a.local.edit('note', note(n, `note ${n}`).id, note(n, `note ${n}`));
    const real = storeFor(place);
    let puts = 0;
    // The 20th write is in flight when the server dies: it may or may not have landed.
    const dying: RemoteStore = {
      list: () => real.list(),
      get: (name) => real.get(name),
      remove: (name, etag) => real.remove(name, etag),
      put: async (name, body, ifMatch) => {
        if (++puts !== 20) return real.put(name, body, ifMatch);
        const inFlight = real.put(name, body, ifMatch);
        inFlight.catch(() => undefined); // its failure is the engine's to see, below
        await server.kill();
        return inFlight;
      },
    };
    const error = await a.sync(dying).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteStoreError);
    expect((error as RemoteStoreError).failure.kind).toBe('network');
    expect(syncErrorMessage(error)).toBe("can't reach the server");
    expect(a.local.outbox.size).toBeGreaterThan(0);
    // While it is down, a round fails the same way and changes nothing.
    expect(((await a.sync().then(() => null, (e: unknown) => e)) as RemoteStoreError).failure.kind).toBe('network');

    await server.restart();
    await a.sync();
    expect(a.local.outbox.size).toBe(0);
    const onServer = await keysOnServer(real, a.keys);
    expect(onServer.length).toBe(300);
    expect(new Set(onServer).size).toBe(300);

    const b = await device('b', place);
    await b.sync();
    expect(b.local.records.size).toBe(300);
    expect(contents(b.local)).toEqual(contents(a.local));
  }, SLOW);

  it('keeps both edits of a note made on two devices (one as a conflict copy), and a deletion stays deleted', async () => {
    const place = await server.newPlace();
    const a = await device('a', place);
    const b = await device('b', place);
    const id = note(1, '').id;
    a.local.edit('note', id, note(1, 'first draft'));
    await a.sync();
    await b.sync();
    expect(b.local.get('note', id)?.payload?.body).toBe('first draft');

    a.local.edit('note', id, note(1, 'edited on A'));
    b.local.edit('note', id, note(1, 'edited on B'));
    await a.sync();
    await b.sync();
    await a.sync();
    expect(contents(a.local)).toEqual(contents(b.local));
    const bodies = [...a.local.records.values()].filter((r) => r.kind === 'note' && !r.deleted).map((r) => (r.payload as Annotation).body).sort();
    expect(bodies).toEqual(['edited on A', 'edited on B']);
    const copies = [...a.local.records.values()].filter((r) => r.kind === 'note' && (r.payload as Annotation | null)?.conflictOf === id);
    expect(copies).toHaveLength(1);

    a.local.edit('note', id, null);
    await a.sync();
    await b.sync();
    expect(b.local.get('note', id)?.deleted).toBe(true);
    // More rounds on both, in either order, don't bring it back.
    await a.sync();
    await b.sync();
    await a.sync();
    expect(a.local.get('note', id)?.deleted).toBe(true);
    expect(b.local.get('note', id)?.deleted).toBe(true);
    expect(contents(a.local)).toEqual(contents(b.local));
    const fresh = await device('c', place);
    await fresh.sync();
    expect(fresh.local.get('note', id)?.deleted).toBe(true);
  }, SLOW);

  it("syncs two browsers' databases: notes, reading history and a deletion", async () => {
    const place = await server.newPlace();
    const a = await browserDevice(place);
    const b = await browserDevice(place);
    try {
      await createAnnotation(a.db, makeAnnotation({ id: noteId(1), body: 'written in browser A' }), 1_000);
      await saveArticle(a.db, { url: 'https://news.example/talks', title: 'Talks', site: 'news.example', entities: [{ type: 'person', name: 'John Kerry', mentions: 2 }], quotes: [] }, 1_000);
      await createAnnotation(b.db, makeAnnotation({ id: noteId(2), body: 'written in browser B', start: 40 }), 2_000);
      await a.sync();
      await b.sync();
      await a.sync();
      for (const db of [a.db, b.db]) {
        expect((await db.annotations.toArray()).map((n) => n.body).sort()).toEqual(['written in browser A', 'written in browser B']);
        expect((await db.articles.toArray()).map((row) => row.title)).toEqual(['Talks']);
        expect(await db.outbox.count()).toBe(0);
      }
      await deleteAnnotation(a.db, noteId(2));
      await a.sync();
      await b.sync();
      await a.sync();
      await b.sync();
      expect(await b.db.annotations.get(noteId(2))).toBeUndefined();
      expect(await a.db.annotations.get(noteId(2))).toBeUndefined();
      expect((await b.db.annotations.toArray()).map((n) => n.id)).toEqual([noteId(1)]);
    } finally {
      a.db.close();
      b.db.close();
      await a.db.delete();
      await b.db.delete();
    }
  }, SLOW);

  it("holds no note text, page address or entity name on the server's disk", async () => {
    const place = await server.newPlace();
    const a = await device('a', place);
    const secrets = ['Quillfeather-moonlit-memo', 'https://private-news.example/zanzibar-dossier', 'private-news.example', 'Zebulon Quartermaine', 'Thessaly Brightwater'];
    const mine = note(7, 'Quillfeather-moonlit-memo about the budget', 'https://private-news.example/zanzibar-dossier');
    a.local.edit('note', mine.id, { ...mine, page: { title: 'Zanzibar dossier', site: 'private-news.example' } });
    a.local.edit('article', 'https://private-news.example/zanzibar-dossier', {
      url: 'https://private-news.example/zanzibar-dossier',
      title: 'Zanzibar dossier',
      site: 'private-news.example',
      seenAt: 1_700_000_000_000,
      entities: [{ type: 'person', name: 'Zebulon Quartermaine', mentions: 3 }, { type: 'person', name: 'Thessaly Brightwater', mentions: 1 }],
      quotes: [],
    });
    await a.sync();
    const b = await device('b', place);
    await b.sync();
    expect(b.local.get('note', mine.id)?.payload?.body).toBe('Quillfeather-moonlit-memo about the budget');

    const files = filesUnder(server.dataDir);
    expect(files.length).toBeGreaterThan(0);
    const forms = secrets.flatMap((secret) => [secret, encodeURIComponent(secret), secret.toLowerCase()]);
    const leaks = files.flatMap(({ path, bytes }) => forms.filter((form) => bytes.includes(Buffer.from(form, 'utf8')) || bytes.includes(Buffer.from(form, 'utf16le'))).map((form) => `${path}: ${form}`));
    expect(leaks).toEqual([]);
  }, SLOW);
});

describe("sync against Apache mod_dav with its default ETags", () => {
  // Without FileETag Digest, Apache's ETag for a file changed in the last second is weak, and
  // If-Match compares strongly: a write to a file another device wrote a moment ago gets 412
  // however often it is retried within that second.
  let server: SyncServer;

  beforeAll(async () => {
    server = await startSyncServer('webdav', { etags: 'default' });
  }, SLOW);

  afterAll(async () => {
    await server?.close();
  }, SLOW);

  it('two devices writing the same file moment after moment both get their changes through', async () => {
    const place = await server.newPlace();
    const a = await device('a', place);
    const b = await device('b', place);
    for (let turn = 0; turn < 3; turn++) {
      a.local.edit('setting', 'prefs:global', { value: { person: turn % 2 === 0 } });
      b.local.edit('setting', 'siteSwitches', { value: { paused: false, offSites: [`site${turn}.example`] } });
      await a.sync();
      await b.sync();
    }
    await a.sync();
    expect(a.local.outbox.size + b.local.outbox.size).toBe(0);
    expect(a.local.get('setting', 'siteSwitches')?.payload).toEqual({ value: { paused: false, offSites: ['site2.example'] } });
    expect(b.local.get('setting', 'prefs:global')?.payload).toEqual({ value: { person: true } });
    expect(contents(a.local)).toEqual(contents(b.local));
  }, SLOW);
});
