// Debian's Apache httpd with mod_dav, as a real WebDAV server for tests and the sync bench: a
// generated minimal httpd.conf in a temp directory (Listen on a free 127.0.0.1 port, Basic auth
// from an htpasswd file, a DavLockDB), run in the foreground (-DFOREGROUND, one process tree we
// kill on teardown). Run as root (CI), Apache's workers must drop to another user, so the temp
// directory is handed to www-data; run as anyone else, it stays theirs.
//
// Needs /usr/sbin/apache2 and htpasswd: `apt-get install -y apache2 apache2-utils` (.ci/run does).

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startOnFreePort, waitForPort } from './free-port';

export const APACHE_BIN = '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';
const MODULE_NAMES = ['mpm_event', 'authz_core', 'authz_user', 'authn_core', 'authn_file', 'auth_basic', 'dav', 'dav_fs', 'headers'];

export interface ApacheServer {
  /** The WebDAV root, e.g. http://127.0.0.1:PORT/dav/ */
  readonly url: string;
  readonly user: string;
  readonly password: string;
  /** The directory Apache stores the files in. */
  readonly dataDir: string;
  /** Stops the server at once (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port and directory. */
  restart(): Promise<void>;
  /** Stops it and deletes the temp directory. */
  close(): Promise<void>;
}

/** Throws a message saying what to install when Apache isn't there. */
export function requireApache(): void {
  const missing = [APACHE_BIN, '/usr/bin/htpasswd'].filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(`The WebDAV tests need Debian's Apache httpd with mod_dav (${missing.join(', ')} missing): run \`apt-get install -y apache2 apache2-utils\`.`);
  }
}

export interface ApacheOptions {
  user?: string;
  password?: string;
  /**
   * 'digest' (FileETag Digest): strong content-hash ETags, what docs/sync.md recommends.
   * 'default': Apache's own mtime-and-size ETags, weak during the second after a change, when
   * If-Match can't succeed (the sync engine waits and retries).
   */
  etags?: 'digest' | 'default';
}

export async function startApache(options: ApacheOptions = {}): Promise<ApacheServer> {
  requireApache();
  const user = options.user ?? 'reader';
  const password = options.password ?? 'a reader password';
  const root = mkdtempSync(join(tmpdir(), 'lede-apache-'));
  const dataDir = join(root, 'www', 'dav');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(join(root, 'run'));
  const made = spawnSync('/usr/bin/htpasswd', ['-b', '-c', '-B', join(root, 'htpasswd'), user, password], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`htpasswd failed: ${made.stderr}`);
  let port = 0;
  const asRoot = process.getuid?.() === 0;
  const configure = async (): Promise<void> => {
    port = await freePort();
    writeFileSync(join(root, 'httpd.conf'), config(root, dataDir, port, asRoot, options.etags ?? 'digest'));
    if (asRoot) spawnSync('chown', ['-R', 'www-data:www-data', root]);
  };

  let child: ChildProcess | null = null;
  let exited = true;
  const start = async (): Promise<void> => {
    // Its own process group, so a kill takes the workers down with the parent.
    const proc = spawn(APACHE_BIN, ['-f', join(root, 'httpd.conf'), '-DFOREGROUND'], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    exited = false;
    // If the test process ends without closing the server, take Apache down with it.
    const killOnExit = (): void => {
      try {
        process.kill(-proc.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    process.once('exit', killOnExit);
    proc.once('exit', () => {
      exited = true;
      process.removeListener('exit', killOnExit);
    });
    child = proc;
    try {
      await waitForPort(port, () => !exited);
    } catch (error) {
      const log = existsSync(join(root, 'error.log')) ? readFileSync(join(root, 'error.log'), 'utf8') : '';
      throw new Error(`${(error as Error).message}\n${stderr}${log}`);
    }
  };
  const stop = async (): Promise<void> => {
    const proc = child;
    if (!proc || exited) return;
    const gone = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    try {
      process.kill(-proc.pid!, 'SIGKILL');
    } catch {
      proc.kill('SIGKILL');
    }
    await gone;
    child = null;
    await waitForGroupGone(proc.pid!);
  };
  try {
    await startOnFreePort(configure, start);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}/dav/`,
    user,
    password,
    dataDir,
    kill: stop,
    restart: async () => {
      await stop();
      await start();
    },
    close: async () => {
      await stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function config(root: string, dataDir: string, port: number, asRoot: boolean, etags: 'digest' | 'default'): string {
  return [
    `ServerRoot "${root}"`,
    `ServerName 127.0.0.1`,
    `Listen 127.0.0.1:${port}`,
    ...MODULE_NAMES.map((name) => `LoadModule ${name}_module ${MODULES}/mod_${name}.so`),
    ...(asRoot ? ['User www-data', 'Group www-data'] : []),
    `PidFile "${root}/run/httpd.pid"`,
    `DefaultRuntimeDir "${root}/run"`,
    `Mutex file:${root}/run`,
    `ErrorLog "${root}/error.log"`,
    'LogLevel warn',
    // Few workers: the machine is small, and tests make one request at a time.
    'StartServers 1',
    'ServerLimit 1',
    'ThreadsPerChild 8',
    'MaxRequestWorkers 8',
    'KeepAlive On',
    ...(etags === 'digest' ? ['FileETag Digest'] : []),
    `DavLockDB "${root}/run/davlock"`,
    `DocumentRoot "${root}/www"`,
    `<Directory "${dataDir}">`,
    '  Dav On',
    '  AuthType Basic',
    '  AuthName "Lede test"',
    `  AuthUserFile "${root}/htpasswd"`,
    '  Require valid-user',
    '</Directory>',
    '',
  ].join('\n');
}

/** Waits until no process of the group is left (the workers hold the port until they exit). */
async function waitForGroupGone(pgid: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Apache's processes (group ${pgid}) did not exit`);
}
