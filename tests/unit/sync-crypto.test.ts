import { describe, expect, it } from 'vitest';
import { DEFAULT_ITERATIONS, DamagedFileError, KEYINFO_NAME, WrongPassphraseError, createKeyInfo, decryptFile, encryptFile, keysFromMaster, parseKeyInfo, serializeKeyInfo, shardFileName, shardOf, unlock } from '@/lib/sync/crypto';
import { openLibrary } from '@/lib/sync/engine';
import { openShard, sealShard } from '@/lib/sync/shard-file';
import { MemoryFolder, MemoryRemoteStore } from '@/testing/fakes/memory-remote-store';
import type { SyncRecord } from '@/lib/sync/records';
import { SESSION_KEY_NAME, forgetSessionKey, keepSessionKey, sessionKeys } from '@/lib/sync/session-key';
import { createMemoryArea } from '@/lib/settings/storage-area';

const FAST = { iterations: 1_000, minIterations: 1_000 };

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const utf16 = (text: string): Uint8Array => new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer);

const URL = 'https://news.example.org/2026/12/07/secret-article?id=42';
const NAME = 'Ursula Vandenbroucke';
const record: SyncRecord = {
  kind: 'article',
  id: URL,
  hlc: '000001765100000000-0000-abc',
  life: 0,
  seen: { abc: 1 },
  deleted: false,
  payload: { url: URL, title: `${NAME} speaks`, site: 'news.example.org', seenAt: 1, entities: [{ type: 'person', name: NAME, mentions: 3 }], quotes: [] },
};

describe('sync encryption', () => {
  it('derives with PBKDF2-SHA-256 at 600,000 iterations by default and a fresh salt each time', async () => {
    const { info } = await createKeyInfo('correct horse battery staple');
    expect(info.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: DEFAULT_ITERATIONS });
    expect(DEFAULT_ITERATIONS).toBe(600_000);
    const again = await createKeyInfo('correct horse battery staple', FAST.iterations);
    expect(again.info.kdf.salt).not.toBe(info.kdf.salt);
    expect(atob(info.kdf.salt)).toHaveLength(16);
  });

  it('opens with the right passphrase and says "wrong passphrase" for another', async () => {
    const { info } = await createKeyInfo('right', FAST.iterations);
    const parsed = parseKeyInfo(serializeKeyInfo(info), FAST.minIterations);
    await expect(unlock('right', parsed)).resolves.toBeDefined();
    await expect(unlock('wrong', parsed)).rejects.toThrow(WrongPassphraseError);
    await expect(unlock('wrong', parsed)).rejects.toThrow('wrong passphrase');
  });

  it('writes nothing to the server when the passphrase is wrong', async () => {
    const folder = new MemoryFolder();
    await openLibrary(new MemoryRemoteStore(folder), 'right', FAST);
    const before = [...folder.files.keys()];
    const writes = folder.requests.length;
    await expect(openLibrary(new MemoryRemoteStore(folder), 'wrong', FAST)).rejects.toThrow('wrong passphrase');
    expect(folder.requests.slice(writes).map((r) => r.method)).toEqual(['get']);
    expect([...folder.files.keys()]).toEqual(before);
  });

  it('refuses a key file that asks for fewer iterations than the minimum', async () => {
    const { info } = await createKeyInfo('right', FAST.iterations);
    expect(() => parseKeyInfo(serializeKeyInfo(info))).toThrow(DamagedFileError);
    expect(() => parseKeyInfo(utf8('{"format":"something else"}'), 1)).toThrow(DamagedFileError);
  });

  it('puts no plaintext on the server: neither the URL nor a name, in the file or its name', async () => {
    const { keys } = await createKeyInfo('right', FAST.iterations);
    const name = await shardFileName(keys, 'article', await shardOf(keys, 'article', URL, 64));
    expect(name).toMatch(/^[0-9a-f]{32}\.lede$/);
    const body = await sealShard(keys, name, [record]);
    for (const secret of [URL, 'news.example.org', NAME, 'Vandenbroucke', 'article', 'entities']) {
      expect(contains(body, utf8(secret)), secret).toBe(false);
      expect(contains(body, utf16(secret)), secret).toBe(false);
    }
    expect(await openShard(keys, name, body)).toEqual([record]);
  });

  it('uses a fresh IV for every write and binds a file to its name', async () => {
    const { keys } = await createKeyInfo('right', FAST.iterations);
    const one = await encryptFile(keys, 'a.lede', utf8('same text'));
    const two = await encryptFile(keys, 'a.lede', utf8('same text'));
    expect(one.subarray(1, 13)).not.toEqual(two.subarray(1, 13));
    expect(one).not.toEqual(two);
    await expect(decryptFile(keys, 'b.lede', one)).rejects.toThrow(DamagedFileError);
    const tampered = one.slice();
    tampered[20] = tampered[20]! ^ 1;
    await expect(decryptFile(keys, 'a.lede', tampered)).rejects.toThrow(DamagedFileError);
    expect(new TextDecoder().decode(await decryptFile(keys, 'a.lede', one))).toBe('same text');
  });

  it('gives the same keys back from the session-kept master bits, and different ones for another library', async () => {
    const { keys, info } = await createKeyInfo('right', FAST.iterations);
    const restored = await keysFromMaster(keys.master);
    expect(await shardFileName(restored, 'note', 3)).toBe(await shardFileName(keys, 'note', 3));
    expect(new TextDecoder().decode(await decryptFile(restored, 'x', await encryptFile(keys, 'x', utf8('hello'))))).toBe('hello');
    const other = await createKeyInfo('right', FAST.iterations);
    expect(await shardFileName(other.keys, 'note', 3)).not.toBe(await shardFileName(keys, 'note', 3));
    expect(info.check).not.toContain('lede');
    expect(KEYINFO_NAME).toBe('lede-keyinfo.json');
  });
});

describe('shard files', () => {
  it('leaves records of a kind it does not know out, and refuses a malformed record', async () => {
    const { keys } = await createKeyInfo('right', FAST.iterations);
    const later = { ...record, kind: 'bookmark' } as unknown as SyncRecord;
    expect(await openShard(keys, 'f', await sealShard(keys, 'f', [later, record]))).toEqual([record]);
    const broken = { ...record, life: 1 } as SyncRecord; // odd life, not deleted
    await expect(openShard(keys, 'f', await sealShard(keys, 'f', [broken]))).rejects.toThrow(DamagedFileError);
  });
});

describe('the key kept for the browser session', () => {
  it('gives the same keys back, never holds the passphrase, and can be forgotten', async () => {
    const session = createMemoryArea();
    expect(await sessionKeys(session)).toBeNull();
    const { keys } = await createKeyInfo('a passphrase nobody stores', FAST.iterations);
    await keepSessionKey(session, keys);
    const kept = JSON.stringify(await session.get([SESSION_KEY_NAME]));
    expect(kept).not.toContain('passphrase');
    const back = await sessionKeys(session);
    expect(await shardFileName(back!, 'note', 1)).toBe(await shardFileName(keys, 'note', 1));
    await forgetSessionKey(session);
    expect(await sessionKeys(session)).toBeNull();
    await session.set({ [SESSION_KEY_NAME]: 'not base64 at all!' });
    expect(await sessionKeys(session)).toBeNull();
  });
});
