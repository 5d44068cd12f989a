// The sync message table (lib/protocol/sync.ts): only Lede's own pages may send it, a server is
// one of the two kinds with exactly its fields and a web address, a passphrase is never empty.
import { describe, expect, it } from 'vitest';
import { MessageError, parseMessage, senderProblem } from '@/lib/protocol/messages';

const WEBDAV = { kind: 'webdav', url: 'https://dav.example/files/ada/', user: 'ada', password: 'secret' };

describe('sync messages', () => {
  it('takes a WebDAV or remoteStorage server with the passphrase', () => {
    expect(parseMessage({ type: 'setUpSync', server: WEBDAV, passphrase: 'p', join: true })).toEqual({ type: 'setUpSync', server: WEBDAV, passphrase: 'p', join: true });
    const rs = { kind: 'remotestorage', address: 'ada@example.org', storageRoot: 'https://example.org/storage/ada', token: 't' };
    expect(parseMessage({ type: 'setUpSync', server: rs, passphrase: 'p', join: false })).toMatchObject({ server: rs });
  });

  it.each([
    ['an unknown kind', { ...WEBDAV, kind: 'ftp' }, /kind must be/],
    ['an extra field', { ...WEBDAV, token: 'x' }, /unexpected field\(s\) token/],
    ['an address that is not http(s)', { ...WEBDAV, url: 'file:///etc/' }, /must start with https:\/\//],
    ['a missing user', { kind: 'webdav', url: WEBDAV.url, password: 'x' }, /user must be a string/],
  ])('refuses %s', (_, server, problem) => {
    expect(() => parseMessage({ type: 'setUpSync', server, passphrase: 'p', join: false })).toThrow(problem);
  });

  it('refuses an empty or huge passphrase, and a keep that is neither side', () => {
    expect(() => parseMessage({ type: 'unlockSync', passphrase: '' })).toThrow(MessageError);
    expect(() => parseMessage({ type: 'unlockSync', passphrase: 'x'.repeat(1_001) })).toThrow(/longer than 1000/);
    expect(() => parseMessage({ type: 'resolveConflict', id: 'urn:uuid:x', keep: 'both' })).toThrow(/keep must be/);
  });

  it('may come only from Lede’s own pages, never from a content script', () => {
    for (const request of [
      parseMessage({ type: 'getSyncStatus' }),
      parseMessage({ type: 'syncNow' }),
      parseMessage({ type: 'turnOffSync' }),
      parseMessage({ type: 'setUpSync', server: WEBDAV, passphrase: 'p', join: false }),
      parseMessage({ type: 'resolveConflict', id: 'urn:uuid:x', keep: 'copy' }),
    ]) {
      expect(senderProblem(request, 'content-script')).toMatch(/may not come from a content-script/);
      expect(senderProblem(request, 'extension-page')).toBeNull();
    }
  });
});
