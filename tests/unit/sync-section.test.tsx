// @vitest-environment happy-dom
// The options page's Sync section: the setup form (passphrase twice to start, once to join, the
// warning with its link to export), the server's origin asked for in the click and given back when
// nothing was set up or sync is turned off, the locked state, and the on state's words. The
// background is a stand-in answering from the test's table.
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SyncSection, type AuthFlow } from '@/components/options/SyncSection';
import { lastSyncedLine, originPattern, pendingLine, progressLine, relativeTime } from '@/components/options/sync-view';
import type { SyncSetupResult, SyncStatus } from '@/lib/protocol/sync';
import { act } from 'preact/test-utils';
import { byTestId, clickTestId, settle, testRoot } from '../../testing/preact';
import { fakePermissions } from '../../testing/fakes/permissions';
import { fakeBackground, type FakeAnswers } from '../../testing/fakes/background';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const SERVER = { kind: 'webdav', url: 'https://dav.example/files/ada/', user: 'ada' } as const;
const ON: SyncStatus = { state: 'on', running: null, server: SERVER, pending: 2, lastSynced: NOW - 5 * 60_000, lastError: null };

const root = testRoot();
afterEach(() => {
  vi.unstubAllGlobals();
});

async function show(answers: FakeAnswers, grant = true, auth?: AuthFlow) {
  const background = fakeBackground(answers);
  const perms = fakePermissions(grant);
  await act(async () => {
    render(<SyncSection send={background.send} permissions={perms.permissions} libraryUrl="chrome-extension://lede/library.html" auth={auth} now={() => NOW} />, root);
  });
  await settle(root);
  return { background, perms };
}

async function type(testId: string, value: string): Promise<void> {
  const input = byTestId(root, testId) as HTMLInputElement;
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function fillWebDav(url = 'https://dav.example/files/ada/'): Promise<void> {
  await type('sync-url', url);
  await type('sync-user', 'ada');
  await type('sync-password', 'secret');
}

const text = (testId: string): string => byTestId(root, testId)?.textContent ?? '';

describe('the setup form', () => {
  it('warns that a lost passphrase can’t be recovered, with a link to export the library', async () => {
    await show({ getSyncStatus: () => ({ state: 'off' }) });
    expect(text('sync-warning')).toMatch(/A lost passphrase can’t be recovered: export your library first/);
    expect(root.querySelector('[data-testid="sync-warning"] a')?.getAttribute('href')).toBe('chrome-extension://lede/library.html');
  });

  it('asks for the passphrase twice to start, and sends nothing while the two differ', async () => {
    const { background, perms } = await show({ getSyncStatus: () => ({ state: 'off' }) });
    await fillWebDav();
    await type('sync-passphrase', 'one passphrase');
    await type('sync-passphrase-again', 'another passphrase');
    await clickTestId(root, 'sync-start');
    expect(text('sync-problem')).toBe('The two passphrases differ');
    expect(perms.calls).toEqual([]);
    expect(background.sent.map((m) => m.type)).toEqual(['getSyncStatus']);
  });

  it('refuses plain http to another machine (a password would cross the network in clear)', async () => {
    const { perms } = await show({ getSyncStatus: () => ({ state: 'off' }) });
    await fillWebDav('http://dav.example/files/ada/');
    await type('sync-passphrase', 'p');
    await type('sync-passphrase-again', 'p');
    await clickTestId(root, 'sync-start');
    expect(text('sync-problem')).toMatch(/starting with https:\/\//);
    expect(perms.calls).toEqual([]);
  });

  it('asks for exactly the server’s origin in the click, then sets sync up', async () => {
    let status: SyncStatus = { state: 'off' };
    const { background, perms } = await show({
      getSyncStatus: () => status,
      setUpSync: (): SyncSetupResult => {
        status = ON;
        return { ok: true, status };
      },
    });
    await fillWebDav();
    await type('sync-passphrase', 'correct horse');
    await type('sync-passphrase-again', 'correct horse');
    await clickTestId(root, 'sync-start');
    expect(perms.calls).toEqual(['request https://dav.example/*']);
    const setUp = background.sent.find((m) => m.type === 'setUpSync');
    expect(setUp).toEqual({ type: 'setUpSync', server: { kind: 'webdav', url: 'https://dav.example/files/ada/', user: 'ada', password: 'secret' }, passphrase: 'correct horse', join: false });
    expect(text('sync-state')).toBe('Last synced 5 minutes ago.');
  });

  it('joins with the passphrase once; a wrong one is shown in words and the server’s access goes back', async () => {
    const { background, perms } = await show({ getSyncStatus: () => ({ state: 'off' }), setUpSync: (): SyncSetupResult => ({ ok: false, error: 'wrong passphrase' }) });
    await clickTestId(root, 'sync-mode-join');
    expect(byTestId(root, 'sync-passphrase-again')).toBeNull();
    await fillWebDav();
    await type('sync-passphrase', 'wrong');
    await clickTestId(root, 'sync-start');
    expect(background.sent.find((m) => m.type === 'setUpSync')).toMatchObject({ join: true });
    expect(text('sync-result')).toBe('wrong passphrase');
    expect(perms.calls).toEqual(['request https://dav.example/*', 'remove https://dav.example/*']);
    expect(byTestId(root, 'sync-setup')).not.toBeNull();
  });

  it('sends nothing when the reader refuses access to the server', async () => {
    const { background } = await show({ getSyncStatus: () => ({ state: 'off' }) }, false);
    await fillWebDav();
    await type('sync-passphrase', 'p');
    await type('sync-passphrase-again', 'p');
    await clickTestId(root, 'sync-start');
    expect(text('sync-result')).toMatch(/Without access to the server, Lede can’t sync/);
    expect(background.sent.map((m) => m.type)).toEqual(['getSyncStatus']);
  });
});

describe('remoteStorage', () => {
  it('finds the storage, signs in for a token, then asks for the storage’s origin and sets sync up', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(
        JSON.stringify({
          links: [
            {
              rel: 'http://tools.ietf.org/id/draft-dejong-remotestorage',
              href: 'https://storage.example.org/ada',
              properties: { 'http://tools.ietf.org/html/rfc6749#section-4.2': 'https://example.org/oauth/ada' },
            },
          ],
        }),
        { status: 200, headers: { 'content-type': 'application/jrd+json' } },
      );
    });
    const launched: string[] = [];
    const auth: AuthFlow = {
      redirectUrl: () => 'chrome-extension://lede/oauth.html',
      launch: async (url) => {
        launched.push(url);
        return `chrome-extension://lede/oauth.html#access_token=the-token&token_type=bearer&state=${new URL(url).searchParams.get('state')}`;
      },
    };
    const { background, perms } = await show({ getSyncStatus: () => ({ state: 'off' }), setUpSync: (): SyncSetupResult => ({ ok: true, status: { state: 'off' } }) }, true, auth);
    await clickTestId(root, 'sync-kind-remotestorage');
    await type('sync-address', 'ada@example.org');
    await clickTestId(root, 'sync-connect');
    expect(perms.calls).toEqual(['request https://example.org/*']);
    expect(fetched).toEqual(['https://example.org/.well-known/webfinger?resource=acct%3Aada%40example.org']);
    const asked = new URL(launched[0]!);
    expect(`${asked.origin}${asked.pathname}`).toBe('https://example.org/oauth/ada');
    expect(asked.searchParams.get('scope')).toBe('lede:rw');
    expect(text('sync-result')).toMatch(/^Connected to https:\/\/storage\.example\.org\/ada/);

    await type('sync-passphrase', 'correct horse');
    await type('sync-passphrase-again', 'correct horse');
    await clickTestId(root, 'sync-start');
    expect(perms.calls[1]).toBe('request https://storage.example.org/*');
    expect(background.sent.find((m) => m.type === 'setUpSync')).toEqual({
      type: 'setUpSync',
      server: { kind: 'remotestorage', address: 'ada@example.org', storageRoot: 'https://storage.example.org/ada', token: 'the-token' },
      passphrase: 'correct horse',
      join: false,
    });
  });

  it('says so when the sign-in is refused, and sets nothing up', async () => {
    vi.stubGlobal('fetch', async () =>
      new Response(JSON.stringify({ links: [{ rel: 'remotestorage', href: 'https://example.org/s/ada', properties: { 'http://tools.ietf.org/html/rfc6749#section-4.2': 'https://example.org/oauth' } }] }), { status: 200 }),
    );
    const auth: AuthFlow = {
      redirectUrl: () => 'chrome-extension://lede/oauth.html',
      launch: async (url) => `chrome-extension://lede/oauth.html#error=access_denied&state=${new URL(url).searchParams.get('state')}`,
    };
    const { background } = await show({ getSyncStatus: () => ({ state: 'off' }) }, true, auth);
    await clickTestId(root, 'sync-kind-remotestorage');
    await type('sync-address', 'ada@example.org');
    await clickTestId(root, 'sync-connect');
    expect(text('sync-result')).toBe('The sign-in didn’t give access: access_denied');
    await type('sync-passphrase', 'p');
    await type('sync-passphrase-again', 'p');
    await clickTestId(root, 'sync-start');
    expect(text('sync-problem')).toBe('Connect to your remoteStorage first');
    expect(background.sent.map((m) => m.type)).toEqual(['getSyncStatus']);
  });
});

describe('once set up', () => {
  it('shows when it last synced, what waits, and the last failure in words', async () => {
    await show({ getSyncStatus: () => ({ ...ON, lastError: 'server refused: check the password' }) });
    expect(text('sync-server')).toBe('WebDAV: ada at https://dav.example/files/ada/');
    expect(text('sync-state')).toBe('Last synced 5 minutes ago.');
    expect(text('sync-pending')).toBe('2 changes waiting to sync.');
    expect(text('sync-error')).toBe('Sync failed: server refused: check the password');
  });

  it('"Sync now" asks the background for a round and shows the outcome', async () => {
    let status = ON;
    const { background } = await show({
      getSyncStatus: () => status,
      syncNow: () => {
        status = { ...ON, pending: 0, lastSynced: NOW };
        return status;
      },
    });
    await clickTestId(root, 'sync-now');
    expect(background.sent.filter((m) => m.type === 'syncNow')).toHaveLength(1);
    expect(text('sync-state')).toBe('Last synced just now.');
    expect(text('sync-pending')).toBe('Every change here is on the server.');
    expect(text('sync-result')).toBe('Synced.');
  });

  it('turns off only after confirming, and gives the server’s access back', async () => {
    let status: SyncStatus = ON;
    const { background, perms } = await show({
      getSyncStatus: () => status,
      turnOffSync: () => {
        status = { state: 'off' };
        return status;
      },
    });
    await clickTestId(root, 'sync-off');
    expect(background.sent.some((m) => m.type === 'turnOffSync')).toBe(false);
    expect(document.activeElement).toBe(byTestId(root, 'sync-off-confirm'));
    await clickTestId(root, 'sync-off-confirm');
    expect(background.sent.some((m) => m.type === 'turnOffSync')).toBe(true);
    expect(perms.calls).toEqual(['remove https://dav.example/*']);
    expect(byTestId(root, 'sync-setup')).not.toBeNull();
  });

  it('after a browser restart says it is locked and unlocks with the passphrase', async () => {
    let status: SyncStatus = { state: 'locked', server: SERVER, pending: 1, lastSynced: null, lastError: null };
    const { background } = await show({
      getSyncStatus: () => status,
      unlockSync: (): SyncSetupResult => {
        status = ON;
        return { ok: true, status };
      },
    });
    expect(text('sync-state')).toMatch(/^Locked: enter your passphrase/);
    expect(byTestId(root, 'sync-now')).toBeNull();
    await type('sync-unlock-passphrase', 'correct horse');
    await clickTestId(root, 'sync-unlock');
    expect(background.sent.find((m) => m.type === 'unlockSync')).toEqual({ type: 'unlockSync', passphrase: 'correct horse' });
    expect(byTestId(root, 'sync-now')).not.toBeNull();
  });
});

describe('the words', () => {
  it('says how long ago, what waits, and how far a round is', () => {
    expect(relativeTime(NOW - 10_000, NOW)).toBe('just now');
    expect(relativeTime(NOW - 60_000, NOW)).toBe('a minute ago');
    expect(relativeTime(NOW - 3 * 3_600_000, NOW)).toBe('3 hours ago');
    expect(relativeTime(NOW - 26 * 3_600_000, NOW)).toBe('yesterday');
    expect(lastSyncedLine(null, NOW)).toBe('Not synced yet.');
    expect(pendingLine(1)).toBe('1 change waiting to sync.');
    expect(progressLine({ phase: 'push', done: 2, total: 9 })).toBe('Syncing… Saving 3 of 9 files');
    expect(progressLine({ phase: 'pull', done: 0, total: 0 })).toBe('Syncing…');
  });

  it('asks for one origin, any port, and nothing for what isn’t a web address', () => {
    expect(originPattern('https://cloud.example:8443/remote.php/dav/')).toBe('https://cloud.example/*');
    expect(originPattern('http://127.0.0.1:8080/dav/')).toBe('http://127.0.0.1/*');
    expect(originPattern('ftp://x/')).toBeNull();
    expect(originPattern('not a url')).toBeNull();
  });
});
