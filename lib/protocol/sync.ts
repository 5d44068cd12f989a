// Sync, answered by the background (lib/background/sync-service.ts); only Lede's own pages (the
// options page and the library) may send these. The passphrase travels once, from the options
// page to the background, which derives the key and forgets the passphrase.

import { isRecord } from '../shared/is-record';
import { MessageError, needBoolean, needBounded, needString } from './fields';
import { answer, messageTable, type RequestOf } from './spec';
import type { RemoteConnection } from '../sync/remote/open-store';

/** Where the reader's library is kept, as the settings page enters it (and the background stores it). */
export type SyncServerInput = RemoteConnection;

/** The server as the settings page shows it (no password or token). */
export type SyncServerInfo = { kind: 'webdav'; url: string; user: string } | { kind: 'remotestorage'; address: string; storageRoot: string };

export interface SyncProgressInfo {
  phase: 'pull' | 'push';
  done: number;
  total: number;
}

interface SyncShown {
  server: SyncServerInfo;
  /** Local changes not yet confirmed by the server. */
  pending: number;
  /** When a round last ended well (ms since the epoch), or null. */
  lastSynced: number | null;
  /** The last round's failure, in words (lib/sync/engine.ts syncErrorMessage), or null. */
  lastError: string | null;
}

export type SyncStatus =
  | { state: 'off' }
  /** Set up, but the key is gone (the browser restarted): the reader must enter the passphrase. */
  | ({ state: 'locked' } & SyncShown)
  | ({ state: 'on'; running: SyncProgressInfo | null } & SyncShown);

/** setUpSync and unlockSync: the new status, or why nothing was done. */
export type SyncSetupResult = { ok: true; status: SyncStatus } | { ok: false; error: string };

/** Which text a conflict copy's reader keeps: the copy's ("keep this one") or the original's. */
export type ConflictChoice = 'copy' | 'original';

export interface GetSyncStatusRequest {
  type: 'getSyncStatus';
}
/** Turns sync on: `join` an existing library (the passphrase must open it) or start one. */
export interface SetUpSyncRequest {
  type: 'setUpSync';
  server: SyncServerInput;
  passphrase: string;
  join: boolean;
}
export interface UnlockSyncRequest {
  type: 'unlockSync';
  passphrase: string;
}
export interface SyncNowRequest {
  type: 'syncNow';
}
/** Keeps the local library; forgets the key, the server and its credentials. */
export interface TurnOffSyncRequest {
  type: 'turnOffSync';
}
export interface ResolveConflictRequest {
  type: 'resolveConflict';
  /** The conflict copy's id. */
  id: string;
  keep: ConflictChoice;
}

export const SYNC_LIMITS = { syncField: 2_000, passphrase: 1_000 } as const;

function needServer(value: unknown, where: string): SyncServerInput {
  if (!isRecord(value)) throw new MessageError(`${where} must be an object`);
  const field = (name: string): string => needBounded(value[name], `${where}.${name}`, SYNC_LIMITS.syncField);
  const only = (names: string[]): void => {
    const extra = Object.keys(value).filter((key) => !names.includes(key));
    if (extra.length > 0) throw new MessageError(`${where}: unexpected field(s) ${extra.join(', ')}`);
  };
  if (value.kind === 'webdav') {
    only(['kind', 'url', 'user', 'password']);
    return { kind: 'webdav', url: needHttpUrl(field('url'), `${where}.url`), user: field('user'), password: field('password') };
  }
  if (value.kind === 'remotestorage') {
    only(['kind', 'address', 'storageRoot', 'token']);
    return { kind: 'remotestorage', address: field('address'), storageRoot: needHttpUrl(field('storageRoot'), `${where}.storageRoot`), token: field('token') };
  }
  throw new MessageError(`${where}.kind must be "webdav" or "remotestorage"`);
}

function needHttpUrl(text: string, where: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new MessageError(`${where} must be a web address`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new MessageError(`${where} must start with https:// or http://`);
  return url.toString();
}

const fromPages = ['extension-page'] as const;

export const SYNC_MESSAGES = messageTable({
  getSyncStatus: { senders: fromPages, fields: [], parse: (_, type): GetSyncStatusRequest => ({ type }), answer: answer<SyncStatus>() },
  setUpSync: {
    senders: fromPages,
    fields: ['server', 'passphrase', 'join'],
    limits: SYNC_LIMITS,
    parse: (value, type): SetUpSyncRequest => ({
      type,
      server: needServer(value.server, `${type}.server`),
      passphrase: needPassphrase(value.passphrase, `${type}.passphrase`),
      join: needBoolean(value.join, `${type}.join`),
    }),
    answer: answer<SyncSetupResult>(),
  },
  unlockSync: {
    senders: fromPages,
    fields: ['passphrase'],
    parse: (value, type): UnlockSyncRequest => ({ type, passphrase: needPassphrase(value.passphrase, `${type}.passphrase`) }),
    answer: answer<SyncSetupResult>(),
  },
  syncNow: { senders: fromPages, fields: [], parse: (_, type): SyncNowRequest => ({ type }), answer: answer<SyncStatus>() },
  turnOffSync: { senders: fromPages, fields: [], parse: (_, type): TurnOffSyncRequest => ({ type }), answer: answer<SyncStatus>() },
  resolveConflict: {
    senders: fromPages,
    fields: ['id', 'keep'],
    parse: (value, type): ResolveConflictRequest => {
      if (value.keep !== 'copy' && value.keep !== 'original') throw new MessageError(`${type}.keep must be "copy" or "original"`);
      return { type, id: needBounded(value.id, `${type}.id`, SYNC_LIMITS.syncField), keep: value.keep };
    },
    answer: answer<{ ok: true }>(),
  },
});

function needPassphrase(value: unknown, where: string): string {
  const text = needBounded(needString(value, where), where, SYNC_LIMITS.passphrase);
  if (text.length === 0) throw new MessageError(`${where} must not be empty`);
  return text;
}

/** Sync, answered by the background; only Lede's own pages may send it. */
export type SyncRequest = RequestOf<typeof SYNC_MESSAGES>;
