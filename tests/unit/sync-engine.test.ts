import { describe, expect, it } from 'vitest';
import { LibraryMissingError, openLibrary, syncErrorMessage, syncRound, type SyncDeps, type SyncProgress } from '@/lib/sync/engine';
import { DamagedFileError, KEYINFO_NAME, WrongPassphraseError, type SyncKeys } from '@/lib/sync/crypto';
import { openShard } from '@/lib/sync/shard-file';
import { RemoteStoreError, type RemoteStore } from '@/lib/sync/remote-store';
import { keyOf, type NoteRecord, type SyncRecord } from '@/lib/sync/records';
import { MemoryFolder, MemoryRemoteStore, networkError } from '@/testing/fakes/memory-remote-store';
import { MemoryLocalStore } from '@/testing/fakes/memory-local-store';
import type { Annotation } from '@/lib/notes/annotation';
import { syncNote } from '@/testing/sync/sync-note';
import { noteId } from '@/testing/fixtures/annotation-fixtures';

const FAST = { iterations: 1_000, minIterations: 1_000 };

/** Note n on its own article. */
function note(n: number, body: string, source = `https://news.example/${n}`): Annotation {
  return syncNote(noteId(n), body, source);
}

interface Device {
  local: MemoryLocalStore;
  remote: MemoryRemoteStore;
  keys: SyncKeys;
  sync(remote?: RemoteStore): ReturnType<typeof syncRound>;
}

async function device(name: string, folder: MemoryFolder, passphrase = 'right'): Promise<Device> {
  const remote = new MemoryRemoteStore(folder);
  const keys = await openLibrary(remote, passphrase, FAST);
  const local = new MemoryLocalStore(name);
  const deps = (store: RemoteStore): SyncDeps => ({ remote: store, local, keys, minIterations: FAST.minIterations });
  return { local, remote, keys, sync: (store = remote) => syncRound(deps(store)) };
}

/** What a device holds, as the reader sees it. */
function contents(local: MemoryLocalStore): string[] {
  return [...local.records.values()].map((r) => JSON.stringify([r.kind, r.id, r.deleted, r.hlc, r.payload])).sort();
}

/** Every record in every file on the server, opened with the keys. */
async function serverRecords(folder: MemoryFolder, keys: SyncKeys): Promise<{ file: string; record: SyncRecord }[]> {
  const all: { file: string; record: SyncRecord }[] = [];
  for (const [name, file] of folder.files) {
    if (name === KEYINFO_NAME) continue;
    for (const record of await openShard(keys, name, file.body)) all.push({ file: name, record });
  }
  return all;
}

describe('sync engine', () => {
  it('brings two devices to the same notes, history and settings', async () => {
    const folder = new MemoryFolder();
    const a = await device('a', folder);
    const b = await device('b', folder);
    for (let n = 0; n < 30; n++) a.local.edit('note', note(n, `note ${n}`).id, note(n, `note ${n}`));
    a.local.edit('article', 'https://news.example/1', { url: 'https://news.example/1', title: 'One', site: 'news.example', seenAt: 5, entities: [], quotes: [] });
    b.local.edit('setting', 'prefs:global', { value: { person: false, place: true, organization: true, quote: true, reported: true } });
    b.local.edit('note', note(100, 'from b').id, note(100, 'from b'));
    await a.sync();
    await b.sync();
    await a.sync();
    expect(contents(b.local)).toEqual(contents(a.local));
    expect(a.local.records.size).toBe(33);
    expect(a.local.outbox.size + b.local.outbox.size).toBe(0);
    // A deletion travels as a tombstone.
    a.local.edit('note', note(3, '').id, null);
    await a.sync();
    await b.sync();
    expect(b.local.get('note', note(3, '').id)?.deleted).toBe(true);
    expect(contents(b.local)).toEqual(contents(a.local));
  });

  it('sends 10 changes to a library of 1,000 notes in at most 50 requests', async () => {
    const folder = new MemoryFolder();
    const a = await device('a', folder);
    for (let n = 0; n < 1_000; n++) a.local.edit('note', note(n, `note ${n}`).id, note(n, `note ${n}`));
    await a.sync();
    const before = folder.requests.length;
    for (let n = 0; n < 10; n++) a.local.edit('note', note(n * 97, '').id, note(n * 97, `changed ${n}`));
    const report = await a.sync();
    expect(report.confirmed).toBe(10);
    expect(folder.requests.length - before).toBeLessThanOrEqual(50);
    // A round with nothing to do lists the folder and nothing else.
    const idle = folder.requests.length;
    await a.sync();
    expect(folder.requests.slice(idle).map((r) => r.method)).toEqual(['list']);
  });

  it('uploads only ciphertext under hashed names', async () => {
    const folder = new MemoryFolder();
    const a = await device('a', folder);
    a.local.edit('note', note(1, 'my private thought').id, note(1, 'my private thought'));
    await a.sync();
    for (const [name, file] of folder.files) {
      if (name === KEYINFO_NAME) continue;
      expect(name).toMatch(/^[0-9a-f]{32}\.lede$/);
      const text = new TextDecoder('latin1').decode(file.body);
      expect(text).not.toContain('private');
      expect(text).not.toContain('news.example');
    }
  });

  it('on a stale write (412) reads the file again, merges and writes both changes', async () => {
    const folder = new MemoryFolder();
    const a = await device('a', folder);
    const b = await device('b', folder);
    // Settings share one file, so both devices write the same file.
    a.local.edit('setting', 'prefs:global', { value: { person: false } });
    b.local.edit('setting', 'siteSwitches', { value: { paused: true, offSites: [] } });
    await b.sync();
    await a.sync();
    b.local.edit('setting', 'siteSwitches', { value: { paused: false, offSites: ['x.example'] } });
    a.local.edit('setting', 'prefs:global', { value: { person: true } });
    // A writes between B's listing and B's write.
    let interleaved = false;
    const racing: RemoteStore = {
      list: () => b.remote.list(),
      get: (name) => b.remote.get(name),
      remove: (name, etag) => b.remote.remove(name, etag),
      put: async (name, body, ifMatch) => {
        if (!interleaved) {
          interleaved = true;
          await a.sync();
        }
        return b.remote.put(name, body, ifMatch);
      },
    };
    const puts = (): number => folder.requests.filter((r) => r.method === 'put').length;
    const before = puts();
    await b.sync(racing);
    expect(puts() - before).toBe(3); // A's write, B's refused write, B's write after merging
    await a.sync();
    expect(contents(a.local)).toEqual(contents(b.local));
    expect(a.local.get('setting', 'prefs:global')?.payload).toEqual({ value: { person: true } });
    expect(a.local.get('setting', 'siteSwitches')?.payload).toEqual({ value: { paused: false, offSites: ['x.example'] } });
    expect(b.local.outbox.size + a.local.outbox.size).toBe(0);
  });

  it('keeps both texts when two devices edit the same note, one as a conflict copy', async () => {
    const folder = new MemoryFolder();
    const a = await device('a', folder);
    const b = await device('b', folder);
    const id = note(7, '').id;
    a.local.edit('note', id, note(7, 'first'));
    await a.sync();
    await b.sync();
    a.local.edit('note', id, note(7, 'edited on a'));
    b.local.edit('note', id, note(7, 'edited on b'));
    await a.sync();
    await b.sync();
    await a.sync();
    expect(contents(a.local)).toEqual(contents(b.local));
    const notes = [...a.local.records.values()].filter((r): r is NoteRecord => r.kind === 'note');
    expect(notes.map((r) => r.payload!.body).sort()).toEqual(['edited on a', 'edited on b']);
    expect(notes.filter((r) => r.payload!.conflictOf === id)).toHaveLength(1);
  });

  it('loses and duplicates nothing when the server keeps dying mid-round, then recovers', async () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const folder = new MemoryFolder();
      const a = await device('a', folder);
      const b = await device('b', folder);
      let state = seed;
      const random = (): number => {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        return state / 2 ** 32;
      };
      for (const store of [a.remote, b.remote]) {
        store.fault = () => (random() < 0.25 ? { when: random() < 0.5 ? 'before' : 'afterWrite', error: networkError() } : null);
      }
      const expected = new Map<string, string>();
      for (let step = 0; step < 40; step++) {
        const who = random() < 0.5 ? a : b;
        const n = Math.floor(random() * 200);
        const body = `step ${step} on ${who === a ? 'a' : 'b'}`;
        who.local.edit('note', note(n, '').id, note(n, body));
        expected.set(body, note(n, '').id);
        if (random() < 0.3) await who.sync().catch((error: unknown) => expect(syncErrorMessage(error)).toBe("can't reach the server"));
      }
      a.remote.fault = null;
      b.remote.fault = null;
      for (let round = 0; round < 3; round++) {
        await a.sync();
        await b.sync();
      }
      expect(contents(a.local), `seed ${seed}`).toEqual(contents(b.local));
      expect(a.local.outbox.size + b.local.outbox.size).toBe(0);
      // Nothing lost: each device's latest text per note is there, or a conflict copy holds it.
      const bodies = new Set([...a.local.records.values()].flatMap((r) => (r.kind === 'note' && r.payload ? [r.payload.body] : [])));
      const latest = new Map<string, string>();
      for (const who of [a, b]) for (const r of who.local.records.values()) if (r.kind === 'note' && r.payload && !r.payload.conflictOf) latest.set(r.id, r.payload.body);
      for (const body of latest.values()) expect(bodies).toContain(body);
      // Nothing duplicated: every record is in exactly one file, once, and matches the devices.
      const onServer = await serverRecords(folder, a.keys);
      const keys = onServer.map(({ record }) => keyOf(record));
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.length).toBe(a.local.records.size);
      for (const { record } of onServer) expect(JSON.stringify(a.local.records.get(keyOf(record))?.payload)).toBe(JSON.stringify(record.payload));
    }
  });

  it('queues what was stored before sync was turned on, once', async () => {
    const folder = new MemoryFolder();
    const a = await device('a', folder);
    a.local.edit('note', note(1, 'old').id, note(1, 'old'));
    a.local.outbox.clear(); // as if written before sync existed
    const report = await a.sync();
    expect(report.confirmed).toBe(1);
    expect((await serverRecords(folder, a.keys)).map(({ record }) => record.id)).toEqual([note(1, '').id]);
  });

  it('stops with "wrong passphrase" and writes nothing when the library was reset under another passphrase', async () => {
    const folder = new MemoryFolder();
    const a = await device('a', folder);
    await a.sync();
    folder.files.clear();
    await openLibrary(new MemoryRemoteStore(folder), 'another', FAST);
    a.local.edit('note', note(1, 'x').id, note(1, 'x'));
    const writes = folder.requests.filter((r) => r.method === 'put').length;
    const error = await a.sync().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongPassphraseError);
    expect(syncErrorMessage(error)).toBe('wrong passphrase');
    expect(folder.requests.filter((r) => r.method === 'put').length).toBe(writes);
    expect(a.local.outbox.size).toBe(1);
  });

  it('reports progress, leaves foreign files alone, and says so when the library is gone', async () => {
    const folder = new MemoryFolder();
    const a = await device('a', folder);
    const b = await device('b', folder);
    for (let n = 0; n < 20; n++) a.local.edit('note', note(n, 'x').id, note(n, `note ${n}`));
    await a.sync();
    folder.files.set('README.txt', { body: new TextEncoder().encode('my own file'), etag: folder.freshEtag() });
    const seen: SyncProgress[] = [];
    await syncRound({ remote: b.remote, local: b.local, keys: b.keys, minIterations: FAST.minIterations, onProgress: (p) => seen.push(p) });
    expect(b.local.records.size).toBe(20);
    const pulls = seen.filter((p) => p.phase === 'pull');
    expect(pulls.length).toBeGreaterThan(1);
    expect(pulls.every((p) => p.total === pulls[0]!.total && p.done < p.total)).toBe(true);
    expect(seen.at(-1)).toMatchObject({ phase: 'push', done: 0, total: 0 });
    expect(new TextDecoder().decode(folder.files.get('README.txt')!.body)).toBe('my own file');
    folder.files.clear();
    const error = await a.sync().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryMissingError);
    expect(syncErrorMessage(error)).toContain('set up sync again');
  });

  it('puts failures in words for the settings page', () => {
    const failure = (f: ConstructorParameters<typeof RemoteStoreError>[0]): string => syncErrorMessage(new RemoteStoreError(f));
    expect(failure({ kind: 'unauthorized', message: '401' })).toBe('server refused: check the password');
    expect(failure({ kind: 'network', message: 'ECONNREFUSED' })).toBe("can't reach the server");
    expect(failure({ kind: 'server', status: 507, message: 'full' })).toBe('the server failed (HTTP 507)');
    expect(syncErrorMessage(new WrongPassphraseError())).toBe('wrong passphrase');
    expect(syncErrorMessage(new DamagedFileError('f.lede', 'bad'))).toContain('damaged');
  });
});

describe('a write whose reply was lost', () => {
  it('is confirmed by the next round without writing the file again', async () => {
    const folder = new MemoryFolder();
    const a = await device('a', folder);
    a.local.edit('note', note(1, '').id, note(1, 'one'));
    a.remote.fault = (method) => (method === 'put' ? { when: 'afterWrite', error: networkError() } : null);
    await expect(a.sync()).rejects.toThrow("can't reach the server");
    a.remote.fault = null;
    expect(a.local.outbox.size).toBe(1);
    const before = folder.requests.length;
    await a.sync();
    expect(folder.requests.slice(before).map((r) => r.method)).toEqual(['list', 'get']);
    expect(a.local.outbox.size).toBe(0);
  });
});
