// Sync as the reader runs it, in the background (the only writer of user data): set up (start or
// join a library with the passphrase), unlock after a browser restart, rounds on an alarm, a few
// seconds after a local change, at startup and on "Sync now", one at a time; turn off. A round
// runs beside everything else: reading and writing notes never wait for it (the outbox is filled
// by the Dexie middleware, lib/background/sync-tracking.ts). After a round that changed local
// data, the open tabs and pages are told what changed, as the stores' own writes do.
// No extension APIs: the entrypoint passes in the storage areas, the server clients and the alarm.

import { KEYINFO_NAME, parseKeyInfo, unlock, type SyncKeys } from '../sync/crypto';
import { LibraryMissingError, openLibrary, syncErrorMessage, syncRound, type SyncProgress } from '../sync/engine';
import type { FiledRecord, LocalStore } from '../sync/local-store';
import type { RemoteStore } from '../sync/remote-store';
import { parseRemoteConnection } from '../sync/remote/open-store';
import { forgetSessionKey, keepSessionKey, sessionKeys } from '../sync/session-key';
import type { ConflictChoice, SyncServerInfo, SyncServerInput, SyncSetupResult, SyncStatus } from '../protocol/sync';
import type { KeyValueArea } from '../settings/storage-area';
import { isRecord } from '../shared/is-record';
import { AnnotationNotFoundError, deleteAnnotation, updateAnnotation } from './annotation-store';
import type { ChangeNotices } from './change-notifier';
import type { LedeDB } from './db';
import Dexie from 'dexie';
import { DexieLocalStore, startSyncTracking, stopSyncTracking, type SettingsArea } from './sync-local';

/** Where the server and its credentials are kept (storage.local; never synced). */
export const SYNC_CONNECTION_KEY = 'syncConnection';
/** When the last round ended well, and the last failure in words (storage.local). */
export const SYNC_RESULT_KEY = 'syncResult';
/** How long after a local change a round starts: a burst of edits goes in one round. */
export const SYNC_DEBOUNCE_MS = 3_000;
/** How often the alarm runs a round. */
export const SYNC_ALARM_MINUTES = 15;

export interface SyncServiceDeps {
  db: LedeDB;
  /** The settings area the synced settings live in, unwrapped (sync's own writes are not queued again). */
  settings: SettingsArea;
  /** Where the connection and the last result are kept (storage.local). */
  store: KeyValueArea;
  /** storage.session: the derived key, for as long as the browser runs. */
  session: KeyValueArea;
  /** A client for the reader's server (lib/sync/remote). */
  openStore: (server: SyncServerInput) => RemoteStore;
  notices: ChangeNotices;
  /** Synced settings arrived: the open tabs apply them (site switches); absent, only pages are told. */
  settingsArrived?: () => Promise<void>;
  now: () => number;
  /** Starts (true) or stops (false) the periodic alarm. */
  schedule: (on: boolean) => Promise<void>;
  debounceMs?: number;
  /** PBKDF2 iterations for a new library, and the least accepted (tests lower both). */
  kdf?: { iterations: number; minIterations: number };
}

interface SyncResult {
  lastSynced: number | null;
  lastError: string | null;
}

export class SyncService {
  private keys: SyncKeys | null = null;
  /** The running round's progress; null while none runs. */
  private progress: SyncProgress | null = null;
  /** Rounds run one after another: the last one asked for. */
  private chain: Promise<void> = Promise.resolve();
  /** A round asked for and not started yet: later requests join it. */
  private waiting: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The check a debounced change started (is sync on, is anything queued?), then its round. */
  private check: Promise<void> = Promise.resolve();
  private readonly debounceMs: number;

  constructor(private readonly deps: SyncServiceDeps) {
    this.debounceMs = deps.debounceMs ?? SYNC_DEBOUNCE_MS;
  }

  async status(): Promise<SyncStatus> {
    const server = await this.connection();
    if (!server) return { state: 'off' };
    const [pending, result, keys] = await Promise.all([this.deps.db.outbox.count(), this.result(), this.currentKeys()]);
    const shown = { server: serverInfo(server), pending, ...result };
    if (!keys) return { state: 'locked', ...shown };
    return { state: 'on', running: this.progress, ...shown };
  }

  /**
   * Turns sync on with this server: joins the library there (the passphrase must open it; nothing
   * is written on a wrong one) or, with `join` false, starts one on an empty folder. The first
   * round then runs without holding the answer.
   */
  async setUp(server: SyncServerInput, passphrase: string, join: boolean): Promise<SyncSetupResult> {
    if (await this.connection()) return { ok: false, error: 'sync is already on: turn it off first' };
    const remote = this.deps.openStore(server);
    let keys: SyncKeys;
    try {
      keys = join ? await this.unlockExisting(remote, passphrase) : await openLibrary(remote, passphrase, this.deps.kdf ?? {});
    } catch (error) {
      if (join && error instanceof LibraryMissingError) return { ok: false, error: 'the server holds no Lede library yet: set up sync on your first browser with "Start syncing"' };
      return { ok: false, error: syncErrorMessage(error) };
    }
    await startSyncTracking(this.deps.db);
    await this.deps.store.set({ [SYNC_CONNECTION_KEY]: server, [SYNC_RESULT_KEY]: { lastSynced: null, lastError: null } satisfies SyncResult });
    await this.remember(keys);
    await this.deps.schedule(true);
    void this.requestRound();
    return { ok: true, status: await this.status() };
  }

  /** After a browser restart: the passphrase again, checked against the server's key file. */
  async unlock(passphrase: string): Promise<SyncSetupResult> {
    const server = await this.connection();
    if (!server) return { ok: false, error: 'sync is off' };
    let keys: SyncKeys;
    try {
      keys = await this.unlockExisting(this.deps.openStore(server), passphrase);
    } catch (error) {
      return { ok: false, error: syncErrorMessage(error) };
    }
    await this.remember(keys);
    void this.requestRound();
    return { ok: true, status: await this.status() };
  }

  /** "Sync now": a round (joining one asked for and not started yet); answers the status after it. */
  async syncNow(): Promise<SyncStatus> {
    await this.requestRound();
    return this.status();
  }

  /** Keeps the local library; forgets the key, the server, its credentials and sync's device state. */
  async turnOff(): Promise<SyncStatus> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // A round in flight finishes first, so it can't write device state after it is forgotten.
    await this.idle();
    this.keys = null;
    await this.deps.schedule(false);
    await forgetSessionKey(this.deps.session);
    await this.deps.store.remove([SYNC_CONNECTION_KEY, SYNC_RESULT_KEY]);
    await stopSyncTracking(this.deps.db);
    return this.status();
  }

  /** A note, article or synced setting changed here: a round a few seconds after the last such change. */
  localChange(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.check = this.roundIfPending();
    }, this.debounceMs);
  }

  /** Resolves once no round runs or is asked for (a debounced change still waiting is not counted). */
  async idle(): Promise<void> {
    await this.check;
    await this.chain;
  }

  /** The alarm fired, or the browser started: a round if sync is on and unlocked. */
  async wake(): Promise<void> {
    if (await this.connection()) await this.requestRound();
  }

  /** Makes the alarm match whether sync is on (after a browser start or an update). */
  async restoreSchedule(): Promise<void> {
    await this.deps.schedule((await this.connection()) !== null);
  }

  /**
   * The reader settled a conflict copy: "keep this one" puts the copy's text in the original (or,
   * the original being deleted, keeps the copy as an ordinary note); "keep the other" deletes the copy.
   */
  async resolveConflict(id: string, keep: ConflictChoice): Promise<void> {
    const { db, now } = this.deps;
    const changed = await db.transaction('rw', db.annotations, async () => {
      const copy = await db.annotations.get(id);
      if (!copy?.conflictOf) throw new AnnotationNotFoundError(id);
      if (keep === 'original') return [await deleteAnnotation(db, id)];
      const original = await db.annotations.get(copy.conflictOf);
      if (!original) {
        const { conflictOf: _settled, ...kept } = copy;
        const row = { ...kept, modified: new Date(now()).toISOString() };
        await db.annotations.put(row);
        return [row];
      }
      const updated = await updateAnnotation(db, original.id, { body: copy.body }, now());
      return [updated, await deleteAnnotation(db, id)];
    });
    await this.deps.notices.notesChanged(changed.map((note) => note.target.source));
  }

  /** Serialised rounds; resolves when a round that started after this call has ended. Never rejects. */
  requestRound(): Promise<void> {
    if (this.waiting) return this.waiting;
    const next = this.chain.then(() => {
      this.waiting = null;
      return this.round();
    });
    this.waiting = next;
    this.chain = next;
    return next;
  }

  private async roundIfPending(): Promise<void> {
    if ((await this.connection()) && (await this.deps.db.outbox.count()) > 0) await this.requestRound();
  }

  private async round(): Promise<void> {
    const server = await this.connection();
    const keys = server ? await this.currentKeys() : null;
    if (!server || !keys) return;
    const local = new NoticingLocalStore(new DexieLocalStore(this.deps.db, this.deps.settings), this.deps.db);
    this.progress = { phase: 'pull', done: 0, total: 0 };
    let result: SyncResult;
    try {
      await syncRound({
        remote: this.deps.openStore(server),
        local,
        keys,
        ...(this.deps.kdf ? { minIterations: this.deps.kdf.minIterations } : {}),
        onProgress: (progress) => {
          this.progress = progress;
        },
      });
      result = { lastSynced: this.deps.now(), lastError: null };
    } catch (error) {
      result = { ...(await this.result()), lastError: syncErrorMessage(error) };
    } finally {
      this.progress = null;
    }
    // Sync may have been turned off while the round ran: then there's nothing to record.
    if (await this.connection()) await this.deps.store.set({ [SYNC_RESULT_KEY]: result });
    await local.tell(this.deps.notices, this.deps.settingsArrived).catch((error: unknown) => console.warn('Lede could not tell the open pages:', error));
  }

  private async unlockExisting(remote: RemoteStore, passphrase: string): Promise<SyncKeys> {
    const file = await remote.get(KEYINFO_NAME);
    if (!file) throw new LibraryMissingError();
    return unlock(passphrase, parseKeyInfo(file.body, this.deps.kdf?.minIterations));
  }

  private async remember(keys: SyncKeys): Promise<void> {
    this.keys = keys;
    await keepSessionKey(this.deps.session, keys);
  }

  private async currentKeys(): Promise<SyncKeys | null> {
    // A worker woken after being stopped has lost its memory: the session area still has the key.
    this.keys ??= await sessionKeys(this.deps.session);
    return this.keys;
  }

  private async connection(): Promise<SyncServerInput | null> {
    return parseRemoteConnection((await this.deps.store.get([SYNC_CONNECTION_KEY]))[SYNC_CONNECTION_KEY]);
  }

  private async result(): Promise<SyncResult> {
    const stored = (await this.deps.store.get([SYNC_RESULT_KEY]))[SYNC_RESULT_KEY];
    if (!isRecord(stored)) return { lastSynced: null, lastError: null };
    return {
      lastSynced: typeof stored.lastSynced === 'number' ? stored.lastSynced : null,
      lastError: typeof stored.lastError === 'string' ? stored.lastError : null,
    };
  }
}

/**
 * Calls `onWrite` after every committed write to the notes or the reading history, whoever made
 * it (the stores, import, clearing history, sync itself: a round's own writes queue nothing, and
 * the debounced check skips a round when the outbox is empty). Returns how to stop.
 */
export function watchLocalWrites(db: LedeDB, onWrite: () => void): () => void {
  const tracked = ['annotations', 'articles'].map((table) => `idb://${db.name}/${table}/`);
  const listener = (parts: Record<string, unknown>): void => {
    if (Object.keys(parts).some((part) => tracked.some((prefix) => part.startsWith(prefix)))) onWrite();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}

function serverInfo(server: SyncServerInput): SyncServerInfo {
  return server.kind === 'webdav' ? { kind: 'webdav', url: server.url, user: server.user } : { kind: 'remotestorage', address: server.address, storageRoot: server.storageRoot };
}

/** The device's records, noting what a round wrote: which pages' notes, whether history or settings. */
class NoticingLocalStore implements LocalStore {
  private readonly sources = new Set<string>();
  private history = false;
  private settings = false;

  constructor(private readonly inner: DexieLocalStore, private readonly db: LedeDB) {}

  loadState = () => this.inner.loadState();
  saveState: LocalStore['saveState'] = (state) => this.inner.saveState(state);
  read: LocalStore['read'] = (keys) => this.inner.read(keys);
  readFile: LocalStore['readFile'] = (file) => this.inner.readFile(file);
  assign: LocalStore['assign'] = (files) => this.inner.assign(files);
  pending = () => this.inner.pending();
  confirm: LocalStore['confirm'] = (changes) => this.inner.confirm(changes);
  enqueueAll = () => this.inner.enqueueAll();

  async write(records: readonly FiledRecord[], queue: boolean): Promise<void> {
    const noteIds = records.flatMap(({ record }) => (record.kind === 'note' ? [record.id] : []));
    // A deleted note's page is known only from the row about to go.
    const before = noteIds.length > 0 ? await this.db.annotations.bulkGet(noteIds) : [];
    for (const row of before) if (row) this.sources.add(row.target.source);
    for (const { record } of records) {
      // A payload this version can't read is stored raw; only a well-formed page address is told.
      const source = record.kind === 'note' && isRecord(record.payload) && isRecord(record.payload.target) ? record.payload.target.source : undefined;
      if (typeof source === 'string') this.sources.add(source);
      if (record.kind === 'article') this.history = true;
      if (record.kind === 'setting') this.settings = true;
    }
    await this.inner.write(records, queue);
  }

  async tell(notices: ChangeNotices, settingsArrived?: () => Promise<void>): Promise<void> {
    if (this.sources.size > 0) await notices.notesChanged(this.sources);
    if (this.history) await notices.historyChanged();
    if (this.settings) {
      await notices.settingsChanged();
      await settingsArrived?.();
    }
  }
}
