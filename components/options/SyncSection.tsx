import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { sendRequest, type Transport } from '@/lib/protocol/messages';
import type { SyncServerInput, SyncSetupResult, SyncStatus } from '@/lib/protocol/sync';
import { buildAuthUrl, newState, parseRedirect } from '@/lib/sync/remote/oauth';
import { discover } from '@/lib/sync/remote/webfinger';
import { isAllowedServer, lastSyncedLine, originPattern, pendingLine, progressLine, serverLine, serverUrl } from './sync-view';

/** browser.permissions for one server's origin, passed in so tests can stand in. */
export interface SyncPermissions {
  request(origins: string[]): Promise<boolean>;
  remove(origins: string[]): Promise<boolean>;
}

/** remoteStorage's sign-in: where the server sends the reader back, and opening the server's page (lib/sync/remote/tab-auth.ts). */
export interface AuthFlow {
  redirectUrl(): string;
  launch(url: string): Promise<string>;
}

export interface SyncSectionProps {
  send: Transport;
  permissions: SyncPermissions;
  /** The library page, for "export your library first". */
  libraryUrl: string;
  /** remoteStorage's OAuth sign-in; absent, only WebDAV is offered. */
  auth?: AuthFlow;
  now?: () => number;
  /** How often the status is read again while a round runs. */
  pollMs?: number;
}

type Kind = 'webdav' | 'remotestorage';
type Mode = 'new' | 'join';
type Notice = { kind: 'none' } | { kind: 'working'; text: string } | { kind: 'error'; text: string } | { kind: 'done'; text: string };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Sync through the reader's own server. Off: choose WebDAV or remoteStorage, start a library or
 * join one, the passphrase (twice to start). Locked after a browser restart: the passphrase
 * again. On: last synced, changes waiting, the last error in words, "Sync now", "Turn off sync".
 * Access to the server's origin is asked for in the click that sets sync up, and given back when
 * sync is turned off.
 */
export function SyncSection({ send, permissions, libraryUrl, auth, now = Date.now, pollMs = 700 }: SyncSectionProps) {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const [, setTick] = useState(0);
  /** Requests to the background finished (set up, unlock, sync now, turn off): tests wait on it. */
  const [finished, setFinished] = useState(0);

  const load = useCallback(async (): Promise<SyncStatus | null> => {
    try {
      const loaded = await sendRequest(send, { type: 'getSyncStatus' });
      setStatus(loaded);
      setLoadError(null);
      return loaded;
    } catch (error) {
      setLoadError(messageOf(error));
      return null;
    }
  }, [send]);

  useEffect(() => {
    void load();
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    // "Last synced 3 minutes ago" moves on, and rounds run on their own.
    const timer = setInterval(() => {
      setTick((n) => n + 1);
      if (document.visibilityState === 'visible') void load();
    }, 30_000);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(timer);
    };
  }, [load]);

  // While a round runs, show its progress.
  const running = status?.state === 'on' && status.running !== null;
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => void load(), pollMs);
    return () => clearInterval(timer);
  }, [running, load, pollMs]);

  if (status === null) {
    return (
      <Card finished={finished}>
        {loadError !== null ? (
          <p class="message error" role="alert">
            Lede couldn’t load the sync settings: {loadError}
          </p>
        ) : (
          <p class="message" role="status">
            Loading sync settings…
          </p>
        )}
      </Card>
    );
  }

  /** Runs a request to the background, reading the status again every poll while it runs. */
  const run = async <T,>(working: string, request: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setNotice({ kind: 'working', text: working });
    const timer = setInterval(() => void load(), pollMs);
    try {
      return await request();
    } catch (error) {
      setNotice({ kind: 'error', text: messageOf(error) });
      return null;
    } finally {
      clearInterval(timer);
      setBusy(false);
      await load();
      setFinished((n) => n + 1);
    }
  };

  const afterSetup = (result: SyncSetupResult | null, done: string): void => {
    if (!result) return;
    if (result.ok) {
      setStatus(result.status);
      setNotice({ kind: 'done', text: done });
    } else {
      setNotice({ kind: 'error', text: result.error });
    }
  };

  if (status.state === 'off') {
    return (
      <Card finished={finished}>
        <SetupForm
          busy={busy}
          libraryUrl={libraryUrl}
          auth={auth}
          permissions={permissions}
          onSetUp={(server, passphrase, join) =>
            void run(join ? 'Checking the passphrase…' : 'Setting up sync…', () => sendRequest(send, { type: 'setUpSync', server, passphrase, join })).then(async (result) => {
              afterSetup(result, 'Sync is on.');
              // Nothing was set up: the access asked for a moment ago goes back.
              const origin = originPattern(serverUrl(server));
              if (result?.ok !== true && origin) await permissions.remove([origin]).catch(() => false);
            })
          }
          onNotice={setNotice}
        />
        <Result notice={notice} />
      </Card>
    );
  }

  const syncNow = (): void => {
    void run('Syncing…', () => sendRequest(send, { type: 'syncNow' })).then((after) => {
      if (!after) return;
      setStatus(after);
      setNotice(after.state === 'on' && after.lastError === null ? { kind: 'done', text: 'Synced.' } : { kind: 'none' });
    });
  };

  const turnOff = (): void => {
    const origin = originPattern(serverUrl(status.server));
    void run('Turning sync off…', () => sendRequest(send, { type: 'turnOffSync' })).then(async (after) => {
      if (!after) return;
      setStatus(after);
      setNotice({ kind: 'done', text: 'Sync is off. Your notes stay in this browser.' });
      // Lede has no use for the server any more: give its access back.
      if (origin) await permissions.remove([origin]).catch(() => false);
    });
  };

  return (
    <Card finished={finished}>
      <p class="sync-server" data-testid="sync-server">
        {serverLine(status.server)}
      </p>
      {status.state === 'locked' ? (
        <UnlockForm
          busy={busy}
          onUnlock={(passphrase) =>
            void run('Checking the passphrase…', () => sendRequest(send, { type: 'unlockSync', passphrase })).then((result) => afterSetup(result, 'Unlocked.'))
          }
        />
      ) : (
        <>
          <p class="sync-state" data-testid="sync-state" data-state={status.lastError === null ? 'ok' : 'error'}>
            {status.running ? progressLine(status.running) : lastSyncedLine(status.lastSynced, now())}
          </p>
          {status.lastError !== null && !status.running && (
            <p class="message error" role="alert" data-testid="sync-error">
              Sync failed: {status.lastError}
            </p>
          )}
        </>
      )}
      <p class="count" data-testid="sync-pending">
        {pendingLine(status.pending)}
      </p>
      <div class="buttons">
        {status.state === 'on' && (
          <button type="button" data-testid="sync-now" disabled={busy || running} aria-busy={busy || running ? 'true' : 'false'} onClick={syncNow}>
            {busy || running ? 'Syncing…' : 'Sync now'}
          </button>
        )}
        <TurnOff busy={busy} onConfirm={turnOff} />
      </div>
      <Result notice={notice} />
    </Card>
  );
}

function Result({ notice }: { notice: Notice }) {
  return (
    <p class="result" role="status" data-testid="sync-result">
      {notice.kind === 'working' && notice.text}
      {notice.kind === 'done' && notice.text}
      {notice.kind === 'error' && <span class="error">{notice.text}</span>}
    </p>
  );
}

function TurnOff({ busy, onConfirm }: { busy: boolean; onConfirm: () => void }) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" class="secondary" data-testid="sync-off" disabled={busy} onClick={() => setAsking(true)}>
        Turn off sync
      </button>
    );
  }
  return (
    <div class="confirm" role="group" aria-label="Turn off sync?">
      <p class="confirm-question">Turn off sync? Your notes stay in this browser; Lede forgets the server, its password and the key.</p>
      <div class="buttons">
        <button
          type="button"
          class="danger"
          ref={confirmRef}
          data-testid="sync-off-confirm"
          disabled={busy}
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          Turn off sync
        </button>
        <button type="button" class="secondary" onClick={() => setAsking(false)}>
          Keep syncing
        </button>
      </div>
    </div>
  );
}

function UnlockForm({ busy, onUnlock }: { busy: boolean; onUnlock: (passphrase: string) => void }) {
  const [passphrase, setPassphrase] = useState('');
  return (
    <form
      class="sync-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (passphrase !== '') onUnlock(passphrase);
      }}
    >
      <p class="message" data-testid="sync-state" data-state="locked">
        Locked: enter your passphrase. (Lede forgets the key when the browser quits.)
      </p>
      <label class="field">
        <span>Passphrase</span>
        <input type="password" autocomplete="current-password" data-testid="sync-unlock-passphrase" value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} />
      </label>
      <div class="buttons">
        <button type="submit" data-testid="sync-unlock" disabled={busy || passphrase === ''}>
          Unlock
        </button>
      </div>
    </form>
  );
}

interface SetupFormProps {
  busy: boolean;
  libraryUrl: string;
  auth?: AuthFlow;
  permissions: SyncPermissions;
  onSetUp: (server: SyncServerInput, passphrase: string, join: boolean) => void;
  onNotice: (notice: Notice) => void;
}

/** remoteStorage after the sign-in: where the storage is, and the token. */
type RemoteStorageGrant = { address: string; storageRoot: string; token: string };

function SetupForm({ busy, libraryUrl, auth, permissions, onSetUp, onNotice }: SetupFormProps) {
  const [kind, setKind] = useState<Kind>('webdav');
  const [mode, setMode] = useState<Mode>('new');
  const [url, setUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [address, setAddress] = useState('');
  const [grant, setGrant] = useState<RemoteStorageGrant | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const mismatch = mode === 'new' && again !== '' && again !== passphrase;

  const server = (): SyncServerInput | string => {
    if (kind === 'webdav') {
      if (!isAllowedServer(url.trim())) return 'Enter the server address, starting with https:// (http:// only for a server on this computer)';
      if (user.trim() === '') return 'Enter your user name on the server';
      return { kind: 'webdav', url: url.trim(), user: user.trim(), password };
    }
    return grant ? { kind: 'remotestorage', ...grant } : 'Connect to your remoteStorage first';
  };

  // Runs in the click's handler: the permission request must happen during the click, so
  // nothing is awaited before it.
  const submit = (event: Event): void => {
    event.preventDefault();
    const chosen = server();
    if (typeof chosen === 'string') return setProblem(chosen);
    if (passphrase === '') return setProblem('Enter a passphrase');
    if (mode === 'new' && passphrase !== again) return setProblem('The two passphrases differ');
    setProblem(null);
    const origin = originPattern(serverUrl(chosen))!;
    onNotice({ kind: 'working', text: `Waiting for your permission to reach ${new URL(serverUrl(chosen)).host}…` });
    void permissions.request([origin]).then((granted) => {
      if (!granted) return onNotice({ kind: 'error', text: 'Without access to the server, Lede can’t sync. Nothing changed.' });
      onSetUp(chosen, passphrase, mode === 'join');
    });
  };

  // remoteStorage: access to the address's host in this click; then
  // discovery, the storage's own host, and the sign-in.
  const connect = (): void => {
    const host = /@([^@\s/]+)$/.exec(address.trim())?.[1];
    if (!host || !auth) return setProblem('Enter your user address, like ada@example.org');
    setProblem(null);
    const hostOrigin = `${/^(localhost|127\.0\.0\.1)(:\d+)?$/.test(host) ? 'http' : 'https'}://${host.replace(/:\d+$/, '')}/*`;
    onNotice({ kind: 'working', text: `Waiting for your permission to reach ${host}…` });
    void permissions
      .request([hostOrigin])
      .then(async (granted) => {
        if (!granted) return onNotice({ kind: 'error', text: 'Without access to the server, Lede can’t sync. Nothing changed.' });
        onNotice({ kind: 'working', text: 'Finding your storage…' });
        const found = await discover(address.trim());
        if (!found.authUrl) return onNotice({ kind: 'error', text: 'This server offers no sign-in Lede can use.' });
        const request = { authUrl: found.authUrl, redirectUri: auth.redirectUrl(), state: newState() };
        onNotice({ kind: 'working', text: 'Sign in and allow Lede in the tab that opened…' });
        const answer = parseRedirect(await auth.launch(buildAuthUrl(request)), request);
        if (answer.kind !== 'token') return onNotice({ kind: 'error', text: `The sign-in didn’t give access: ${answer.message}` });
        setGrant({ address: address.trim(), storageRoot: found.storageRoot, token: answer.token });
        onNotice({ kind: 'done', text: `Connected to ${found.storageRoot}. Now choose the passphrase.` });
      })
      .catch((error: unknown) => onNotice({ kind: 'error', text: messageOf(error) }));
  };

  return (
    <form class="sync-form" onSubmit={submit} data-testid="sync-setup" aria-busy={busy ? 'true' : 'false'}>
      <p class="setting-hint">
        Keep your notes, reading history and highlight settings the same on several browsers, through your own storage server. Everything is encrypted
        here with your passphrase before it leaves: the server can’t read it.
      </p>
      <fieldset class="backup-choices" disabled={busy}>
        <legend>Server</legend>
        <label class="backup-choice">
          <input type="radio" name="sync-kind" data-testid="sync-kind-webdav" checked={kind === 'webdav'} onChange={() => setKind('webdav')} /> WebDAV (Nextcloud, ownCloud, …)
        </label>
        {auth && (
          <label class="backup-choice">
            <input type="radio" name="sync-kind" data-testid="sync-kind-remotestorage" checked={kind === 'remotestorage'} onChange={() => setKind('remotestorage')} /> remoteStorage
          </label>
        )}
      </fieldset>
      {kind === 'webdav' ? (
        <fieldset class="sync-fields" disabled={busy}>
          <label class="field">
            <span>Server address</span>
            <input type="url" inputMode="url" placeholder="https://cloud.example/remote.php/dav/files/you/" data-testid="sync-url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>User</span>
            <input type="text" autocomplete="username" data-testid="sync-user" value={user} onInput={(e) => setUser(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>Password</span>
            <input type="password" autocomplete="current-password" data-testid="sync-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
          </label>
        </fieldset>
      ) : (
        <fieldset class="sync-fields" disabled={busy}>
          <label class="field">
            <span>User address</span>
            <input type="text" placeholder="you@example.org" data-testid="sync-address" value={address} onInput={(e) => { setAddress(e.currentTarget.value); setGrant(null); }} />
          </label>
          <div class="buttons">
            <button type="button" class="secondary" data-testid="sync-connect" onClick={connect}>
              {grant ? 'Connected' : 'Connect'}
            </button>
          </div>
        </fieldset>
      )}
      <fieldset class="backup-choices" disabled={busy}>
        <legend>This browser</legend>
        <label class="backup-choice">
          <input type="radio" name="sync-mode" data-testid="sync-mode-new" checked={mode === 'new'} onChange={() => setMode('new')} /> Start syncing (my first browser)
        </label>
        <label class="backup-choice">
          <input type="radio" name="sync-mode" data-testid="sync-mode-join" checked={mode === 'join'} onChange={() => setMode('join')} /> Join (already syncing in another browser)
        </label>
      </fieldset>
      <p class="sync-warning" data-testid="sync-warning">
        <strong>A lost passphrase can’t be recovered:</strong> <a href={libraryUrl} target="_blank" rel="noopener">export your library first</a> (Library →
        Export → JSON-LD) and keep the file.
      </p>
      <fieldset class="sync-fields" disabled={busy}>
        <label class="field">
          <span>Passphrase</span>
          <input type="password" autocomplete={mode === 'new' ? 'new-password' : 'current-password'} data-testid="sync-passphrase" value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} />
        </label>
        {mode === 'new' && (
          <label class="field">
            <span>Passphrase again</span>
            <input
              type="password"
              autocomplete="new-password"
              data-testid="sync-passphrase-again"
              aria-invalid={mismatch ? 'true' : 'false'}
              value={again}
              onInput={(e) => setAgain(e.currentTarget.value)}
            />
          </label>
        )}
      </fieldset>
      {problem !== null && (
        <p class="message error" role="alert" data-testid="sync-problem">
          {problem}
        </p>
      )}
      <div class="buttons">
        <button type="submit" data-testid="sync-start" disabled={busy}>
          {mode === 'new' ? 'Start syncing' : 'Join'}
        </button>
      </div>
    </form>
  );
}

function Card({ finished, children }: { finished: number; children: ComponentChildren }) {
  return (
    <section class="card" aria-labelledby="sync-title" data-testid="sync-section" data-finished={finished}>
      <h2 id="sync-title">Sync</h2>
      {children}
    </section>
  );
}
