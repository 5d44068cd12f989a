// From the connection the settings page stores to the RemoteStore the sync engine talks to.
// The background passes its own fetch; tests pass Node's.

import type { RemoteStore } from '../remote-store';
import type { HttpOptions } from './http';
import { RemoteStorageStore } from './remote-storage-store';
import { WebDavStore } from './webdav-store';

/** A reader's sync server, as stored (in browser.storage.local, never synced). */
export type RemoteConnection =
  | { kind: 'webdav'; url: string; user: string; password: string }
  /** address: the user address it was discovered from (shown in settings); token: from OAuth. */
  | { kind: 'remotestorage'; address: string; token: string; storageRoot: string };

export function openRemoteStore(connection: RemoteConnection, options: HttpOptions = {}): RemoteStore {
  switch (connection.kind) {
    case 'webdav':
      return new WebDavStore({ url: connection.url, user: connection.user, password: connection.password }, options);
    case 'remotestorage':
      return new RemoteStorageStore({ storageRoot: connection.storageRoot, token: connection.token }, options);
  }
}

/** Whether a stored value is a connection this version understands (settings may be old or edited). */
export function parseRemoteConnection(value: unknown): RemoteConnection | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const isText = (x: unknown): x is string => typeof x === 'string';
  if (v.kind === 'webdav' && isText(v.url) && isText(v.user) && isText(v.password) && isHttpUrl(v.url)) {
    return { kind: 'webdav', url: v.url, user: v.user, password: v.password };
  }
  if (v.kind === 'remotestorage' && isText(v.address) && isText(v.token) && isText(v.storageRoot) && isHttpUrl(v.storageRoot)) {
    return { kind: 'remotestorage', address: v.address, token: v.token, storageRoot: v.storageRoot };
  }
  return null;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
