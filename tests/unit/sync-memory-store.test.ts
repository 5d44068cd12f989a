import { describe, expect, it } from 'vitest';
import { MemoryFolder, MemoryRemoteStore, networkError } from '@/testing/fakes/memory-remote-store';
import { RemoteStoreError } from '@/lib/sync/remote-store';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (body: Uint8Array): string => new TextDecoder().decode(body);

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RemoteStoreError) return error.failure.kind;
    throw error;
  }
  return 'none';
}

describe('the in-memory remote store', () => {
  it('creates with If-None-Match and refuses a second create', async () => {
    const store = new MemoryRemoteStore();
    const etag = await store.put('a', bytes('one'), null);
    expect(await failure(store.put('a', bytes('two'), null))).toBe('precondition');
    const got = await store.get('a');
    expect(got && text(got.body)).toBe('one');
    expect(got?.etag).toBe(etag);
  });

  it('gives a fresh etag on every write and refuses a stale If-Match', async () => {
    const folder = new MemoryFolder();
    const deviceA = new MemoryRemoteStore(folder);
    const deviceB = new MemoryRemoteStore(folder);
    const first = await deviceA.put('a', bytes('one'), null);
    const second = await deviceB.put('a', bytes('two'), first);
    expect(second).not.toBe(first);
    expect(await failure(deviceA.put('a', bytes('three'), first))).toBe('precondition');
    expect(await failure(deviceA.remove('a', first))).toBe('precondition');
    expect(await failure(deviceA.put('b', bytes('x'), 'made-up'))).toBe('precondition');
    await deviceA.remove('a', second);
    expect(await deviceA.get('a')).toBeNull();
    expect(await failure(deviceA.remove('a', second))).toBe('not-found');
    expect(await deviceA.list()).toEqual([]);
  });

  it('copies bodies so callers cannot change what the server holds', async () => {
    const store = new MemoryRemoteStore();
    const body = bytes('one');
    await store.put('a', body, null);
    body[0] = 0;
    const got = await store.get('a');
    got!.body[1] = 0;
    expect(text((await store.get('a'))!.body)).toBe('one');
  });

  it('fails like a dead server, before a write or after it landed', async () => {
    const store = new MemoryRemoteStore();
    store.fault = () => ({ when: 'before', error: networkError() });
    expect(await failure(store.put('a', bytes('one'), null))).toBe('network');
    store.fault = null;
    expect(await store.list()).toEqual([]);
    store.fault = () => ({ when: 'afterWrite', error: networkError() });
    expect(await failure(store.put('a', bytes('one'), null))).toBe('network');
    store.fault = null;
    expect((await store.list()).map((entry) => entry.name)).toEqual(['a']);
  });
});
