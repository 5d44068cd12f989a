// The two real sync servers behind one shape, for the server tests and the bench: each test gets
// a fresh, empty place on the server (a new WebDAV folder, or a new remoteStorage account) and a
// RemoteStore for it, made the way the background makes one (openRemoteStore).

import { openRemoteStore, type RemoteConnection } from '../../lib/sync/remote/open-store';
import type { RemoteStore } from '../../lib/sync/remote-store';
import { startApache, type ApacheOptions, type ApacheServer } from './apache';
import { createAccount, startArmadietto, type ArmadiettoServer } from './armadietto';

export type ServerKind = 'webdav' | 'remotestorage';

export interface SyncServer {
  readonly kind: ServerKind;
  /** Where the server keeps its files, to look at the bytes it holds. */
  readonly dataDir: string;
  /** A fresh place for one library: the connection the settings page would store. */
  newPlace(): Promise<RemoteConnection>;
  /** The same place with credentials the server refuses. */
  withWrongCredentials(connection: RemoteConnection): RemoteConnection;
  kill(): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startSyncServer(kind: ServerKind, apache: ApacheOptions = {}): Promise<SyncServer> {
  return kind === 'webdav' ? webdav(await startApache(apache)) : remoteStorage(await startArmadietto());
}

export function storeFor(connection: RemoteConnection): RemoteStore {
  return openRemoteStore(connection);
}

function webdav(server: ApacheServer): SyncServer {
  let places = 0;
  const auth = 'Basic ' + Buffer.from(`${server.user}:${server.password}`).toString('base64');
  return {
    kind: 'webdav',
    dataDir: server.dataDir,
    async newPlace() {
      const url = `${server.url}reader-${++places}/`;
      const made = await fetch(url, { method: 'MKCOL', headers: { authorization: auth } });
      await made.arrayBuffer();
      if (made.status !== 201) throw new Error(`MKCOL ${url}: HTTP ${made.status}`);
      return { kind: 'webdav', url, user: server.user, password: server.password };
    },
    withWrongCredentials(connection) {
      if (connection.kind !== 'webdav') throw new Error('not a WebDAV connection');
      return { ...connection, password: `${connection.password} but wrong` };
    },
    kill: () => server.kill(),
    restart: () => server.restart(),
    close: () => server.close(),
  };
}

function remoteStorage(server: ArmadiettoServer): SyncServer {
  let places = 0;
  return {
    kind: 'remotestorage',
    dataDir: server.dataDir,
    async newPlace() {
      const account = await createAccount(server, `reader${++places}`, 'a long reader password');
      return { kind: 'remotestorage', address: account.address, token: account.token, storageRoot: account.storageRoot };
    },
    withWrongCredentials(connection) {
      if (connection.kind !== 'remotestorage') throw new Error('not a remoteStorage connection');
      return { ...connection, token: 'not-a-token-the-server-gave' };
    },
    kill: () => server.kill(),
    restart: () => server.restart(),
    close: () => server.close(),
  };
}
