// Debian's Apache httpd with mod_dav, as a real WebDAV server for tests and the sync bench: a
// generated minimal httpd.conf in a temp directory (Listen on a free 127.0.0.1 port, Basic auth
// from an htpasswd file, a DavLockDB), run in the foreground (-DFOREGROUND, one process group
// killed on teardown: server-process.ts). Run as root (CI), Apache's workers must drop to another
// user, so the temp directory is handed to www-data; run as anyone else, it stays theirs.
//
// Needs /usr/sbin/apache2 and htpasswd: `apt-get install -y apache2 apache2-utils` (.ci/run does).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from './server-process';

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
  const asRoot = process.getuid?.() === 0;
  const server = await startServerProcess({
    name: 'Apache',
    root,
    configure: (port) => {
      writeFileSync(join(root, 'httpd.conf'), config(root, dataDir, port, asRoot, options.etags ?? 'digest'));
      if (asRoot) spawnSync('chown', ['-R', 'www-data:www-data', root]);
    },
    command: APACHE_BIN,
    args: ['-f', join(root, 'httpd.conf'), '-DFOREGROUND'],
    processGroup: true,
    startupLog: () => (existsSync(join(root, 'error.log')) ? readFileSync(join(root, 'error.log'), 'utf8') : ''),
  });
  return {
    url: `http://127.0.0.1:${server.port}/dav/`,
    user,
    password,
    dataDir,
    kill: server.kill,
    restart: server.restart,
    close: server.close,
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
