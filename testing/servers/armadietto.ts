// armadietto (npm), the remoteStorage server, for tests and the sync bench: its classic
// file-tree server run as a child process (so a test can kill it mid-sync and start it again on
// the same port and directory), on a free 127.0.0.1 port, with a temp storage directory. A reader
// account is made the way a person would: POST /signup, then the OAuth form (POST /oauth) whose
// redirect carries the bearer token, read with Lede's own parseRedirect.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildAuthUrl, newState, parseRedirect } from '../../lib/sync/remote/oauth';
import { discover } from '../../lib/sync/remote/webfinger';
import { startServerProcess } from './server-process';

export interface ArmadiettoServer {
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  /** The directory armadietto keeps accounts and documents in. */
  readonly dataDir: string;
  /** Stops the server at once (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port and directory. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface ArmadiettoAccount {
  /** user@127.0.0.1:PORT */
  address: string;
  storageRoot: string;
  token: string;
}

const REDIRECT_URI = 'https://lede-test.invalid/oauth-done';

export async function startArmadietto(): Promise<ArmadiettoServer> {
  const bin = join(dirname(createRequire(import.meta.url).resolve('armadietto/package.json')), 'bin', 'armadietto.js');
  const root = mkdtempSync(join(tmpdir(), 'lede-armadietto-'));
  const dataDir = join(root, 'storage');
  const server = await startServerProcess({
    name: 'armadietto',
    root,
    configure: (port) => {
      const conf = {
        allow_signup: true,
        storage_path: dataDir,
        cache_views: true,
        http: { host: '127.0.0.1', port },
        logging: { log_dir: root, stdout: [], log_files: ['error'] },
        basePath: '',
      };
      writeFileSync(join(root, 'conf.json'), JSON.stringify(conf));
    },
    command: process.execPath,
    args: [bin, '-c', join(root, 'conf.json')],
  });
  return { origin: `http://127.0.0.1:${server.port}`, dataDir, kill: server.kill, restart: server.restart, close: server.close };
}

const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
  redirect: 'manual',
});

/** Signs a user up through armadietto's signup form; returns the user address (user@127.0.0.1:PORT). */
export async function signUp(server: ArmadiettoServer, username: string, password: string): Promise<string> {
  const signup = await fetch(`${server.origin}/signup`, form({ username, email: `${username}@example.org`, password }));
  await signup.arrayBuffer();
  if (signup.status !== 201) throw new Error(`armadietto signup failed: HTTP ${signup.status}`);
  return `${username}@${new URL(server.origin).host}`;
}

/** Signs a user up and authorises Lede's scope for them, over HTTP; returns the token and storage root. */
export async function createAccount(server: ArmadiettoServer, username: string, password: string): Promise<ArmadiettoAccount> {
  const address = await signUp(server, username, password);
  const info = await discover(address);
  if (!info.authUrl) throw new Error('armadietto offered no OAuth endpoint');
  // The form the reader would submit on the page buildAuthUrl opens, with the same parameters.
  const request = { authUrl: info.authUrl, redirectUri: REDIRECT_URI, state: newState() };
  const params = Object.fromEntries(new URL(buildAuthUrl(request)).searchParams);
  const granted = await fetch(`${server.origin}/oauth`, form({ ...params, username, password }));
  await granted.arrayBuffer();
  const location = granted.headers.get('location');
  if (granted.status !== 302 || !location) throw new Error(`armadietto's OAuth form answered HTTP ${granted.status}`);
  const result = parseRedirect(location, request);
  if (result.kind !== 'token') throw new Error(`armadietto refused the authorisation: ${result.message}`);
  return { address, storageRoot: info.storageRoot, token: result.token };
}
