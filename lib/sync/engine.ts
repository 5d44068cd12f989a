// One sync round against the reader's server:
//   1. list the folder; a changed `lede-keyinfo.json` is checked against the keys (a library reset
//      with another passphrase stops sync with "wrong passphrase" instead of mixing two libraries);
//   2. pull every file whose etag differs from the one remembered, decrypt, merge into the local
//      records (lib/sync/merge.ts), remember its etag;
//   3. push each file holding an outbox entry (or a record the server had older) with If-Match on
//      the remembered etag; on 412 read the file again, merge, and write again;
//   4. only a confirmed write empties the outbox entries it carried.
// A server that dies mid-round leaves the outbox and the remembered etags consistent: the next
// round pulls what it missed and writes again whatever wasn't confirmed. Records are keyed, so a
// write repeated after a lost reply duplicates nothing.

import { KEYINFO_NAME, WrongPassphraseError, DamagedFileError, checkKeys, createKeyInfo, parseKeyInfo, serializeKeyInfo, shardFileName, shardOf, unlock, type SyncKeys, type KeyInfo } from './crypto';
import { mergeBatch } from './merge';
import { keyOf, splitRecordKey, type RecordKey, type SyncRecord } from './records';
import { RemoteStoreError, type RemoteStore } from './remote-store';
import { SHARDS, openShard, sealShard } from './shard-file';
import type { LocalStore, PendingChange, SyncState } from './local-store';

/** The names of the files the engine writes (lib/sync/crypto.ts shardFileName); anything else in the folder is left alone. */
const SHARD_NAME = /^[0-9a-f]{32}\.lede$/;

/** The folder on the server holds no Lede library (its key file is gone): sync must be set up again. */
export class LibraryMissingError extends Error {
  override name = 'LibraryMissingError';
  constructor() {
    super('the server holds no Lede library');
  }
}

/** How often one file is re-read and re-written when other devices keep changing it. */
const MAX_WRITE_ATTEMPTS = 5;

/**
 * The waits before each write after a 412. Another device may be writing the same file right
 * now; and Apache mod_dav with its default ETags refuses every conditional write during the second
 * after a change (the file's ETag is weak then), so retrying at once would fail all five times.
 */
export const RETRY_DELAYS_MS: readonly number[] = [250, 500, 1_000, 2_000];

export interface SyncProgress {
  phase: 'pull' | 'push';
  done: number;
  total: number;
}

export interface SyncReport {
  /** Files read and merged. */
  pulled: number;
  /** Files written. */
  pushed: number;
  /** Local changes the server confirmed. */
  confirmed: number;
  /** Records that changed on this device (conflict copies included). */
  received: number;
}

export interface SyncDeps {
  remote: RemoteStore;
  local: LocalStore;
  keys: SyncKeys;
  /** Minimum PBKDF2 iterations accepted when the key file changed (tests lower it). */
  minIterations?: number;
  onProgress?: (progress: SyncProgress) => void;
  /** Waits before writing a file again after a 412 (tests pass zeros); RETRY_DELAYS_MS by default. */
  retryDelaysMs?: readonly number[];
}

/**
 * The keys for the library on this server: unlocks the existing one, or starts one (writing
 * `lede-keyinfo.json` only if none exists). A wrong passphrase throws WrongPassphraseError and
 * writes nothing.
 */
export async function openLibrary(remote: RemoteStore, passphrase: string, options: { iterations?: number; minIterations?: number } = {}): Promise<SyncKeys> {
  const existing = await remote.get(KEYINFO_NAME);
  if (existing) return unlock(passphrase, parseKeyInfo(existing.body, options.minIterations));
  const { info, keys } = await createKeyInfo(passphrase, options.iterations);
  try {
    await remote.put(KEYINFO_NAME, serializeKeyInfo(info), null);
  } catch (error) {
    // Another device started the library at the same moment: use its key file.
    if (error instanceof RemoteStoreError && error.failure.kind === 'precondition') return openLibrary(remote, passphrase, options);
    throw error;
  }
  return keys;
}

/**
 * Runs one round. Throws (RemoteStoreError, WrongPassphraseError, LibraryMissingError,
 * DamagedFileError) with nothing lost. One round at a time per device: the caller serialises them.
 */
export async function syncRound(deps: SyncDeps): Promise<SyncReport> {
  return new Round(deps).run();
}

class Round {
  private readonly remote: RemoteStore;
  private readonly local: LocalStore;
  private readonly keys: SyncKeys;
  private state!: SyncState;
  private readonly fileNames = new Map<string, string>();
  private readonly report: SyncReport = { pulled: 0, pushed: 0, confirmed: 0, received: 0 };
  /** Files whose server copy holds an older version of some record than this device. */
  private readonly stale = new Set<string>();
  /** The versions each file read this round holds, by record key ("life hlc"). */
  private readonly onServer = new Map<string, Map<RecordKey, string>>();

  constructor(private readonly deps: SyncDeps) {
    this.remote = deps.remote;
    this.local = deps.local;
    this.keys = deps.keys;
  }

  async run(): Promise<SyncReport> {
    this.state = await this.local.loadState();
    if (!this.state.seeded) {
      await this.local.enqueueAll();
      this.state = { ...this.state, seeded: true };
      await this.local.saveState(this.state);
    }
    const listed = await this.remote.list();
    const keyinfo = listed.find((entry) => entry.name === KEYINFO_NAME);
    if (!keyinfo) throw new LibraryMissingError();
    if (keyinfo.etag !== this.state.etags[KEYINFO_NAME]) await this.checkKeyInfo();
    const files = listed.filter((entry) => SHARD_NAME.test(entry.name));
    const listedNames = new Set(files.map((entry) => entry.name));
    // A file this device wrote that is gone from the server: write it again from local records.
    for (const name of Object.keys(this.state.etags)) {
      if (name !== KEYINFO_NAME && !listedNames.has(name)) {
        this.forgetEtag(name);
        this.stale.add(name);
      }
    }
    const changed = files.filter((entry) => entry.etag !== this.state.etags[entry.name]);
    for (const [i, entry] of changed.entries()) {
      this.deps.onProgress?.({ phase: 'pull', done: i, total: changed.length });
      await this.pull(entry.name);
    }
    await this.push();
    return this.report;
  }

  private async checkKeyInfo(): Promise<void> {
    const file = await this.remote.get(KEYINFO_NAME);
    if (!file) throw new LibraryMissingError();
    let info: KeyInfo;
    try {
      info = parseKeyInfo(file.body, this.deps.minIterations);
    } catch (error) {
      if (error instanceof DamagedFileError) throw new WrongPassphraseError();
      throw error;
    }
    await checkKeys(this.keys, info);
    this.state.etags = { ...this.state.etags, [KEYINFO_NAME]: file.etag };
    await this.local.saveState(this.state);
  }

  /** Reads one file and merges it in; remembers its etag once the merge is stored. */
  private async pull(name: string): Promise<void> {
    const file = await this.remote.get(name);
    if (!file) {
      this.forgetEtag(name);
      await this.local.saveState(this.state);
      return;
    }
    const incoming = await openShard(this.keys, name, file.body);
    await this.merge(name, incoming);
    this.state.etags = { ...this.state.etags, [name]: file.etag };
    await this.local.saveState(this.state);
    this.report.pulled += 1;
  }

  private async merge(name: string, incoming: readonly SyncRecord[]): Promise<void> {
    const local = await this.local.read(incoming.map(keyOf));
    const { changed, localWins } = mergeBatch(local, incoming);
    const incomingKeys = new Set(incoming.map(keyOf));
    this.onServer.set(name, new Map(incoming.map((record) => [keyOf(record), versionTag(record)])));
    const fromServer = changed.filter((record) => incomingKeys.has(keyOf(record))).map((record) => ({ record, file: name }));
    // Conflict copies are new records of this device's making: filed where their own id belongs, and queued.
    const copies = await Promise.all(changed.filter((record) => !incomingKeys.has(keyOf(record))).map(async (record) => ({ record, file: await this.fileOf(keyOf(record)) })));
    if (fromServer.length > 0) await this.local.write(fromServer, false);
    if (copies.length > 0) await this.local.write(copies, true);
    if (localWins.length > 0) this.stale.add(name);
    this.report.received += changed.length;
  }

  private async push(): Promise<void> {
    const pending = await this.local.pending();
    const byFile = new Map<string, PendingChange[]>();
    const filed: { key: RecordKey; file: string }[] = [];
    for (const change of pending) {
      const file = await this.fileOf(change.key);
      filed.push({ key: change.key, file });
      const group = byFile.get(file);
      if (group) group.push(change);
      else byFile.set(file, [change]);
    }
    if (filed.length > 0) await this.local.assign(filed);
    for (const name of this.stale) if (!byFile.has(name)) byFile.set(name, []);
    let done = 0;
    for (const [name, changes] of byFile) {
      this.deps.onProgress?.({ phase: 'push', done: done++, total: byFile.size });
      if (await this.alreadyOnServer(name, changes)) await this.local.confirm(changes);
      else await this.write(name, changes);
    }
    this.deps.onProgress?.({ phase: 'push', done, total: byFile.size });
  }

  /** Writes one file from the local records; on 412 merges the server's version in and tries again. */
  private async write(name: string, changes: readonly PendingChange[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const records = await this.local.readFile(name);
      const body = await sealShard(this.keys, name, records);
      try {
        const etag = await this.remote.put(name, body, this.state.etags[name] ?? null);
        this.state.etags = { ...this.state.etags, [name]: etag };
        await this.local.saveState(this.state);
        await this.local.confirm(changes);
        this.report.pushed += 1;
        this.report.confirmed += changes.length;
        return;
      } catch (error) {
        const stale = error instanceof RemoteStoreError && error.failure.kind === 'precondition';
        if (!stale || attempt >= MAX_WRITE_ATTEMPTS) throw error;
      }
      const delays = this.deps.retryDelaysMs ?? RETRY_DELAYS_MS;
      const wait = delays[Math.min(attempt, delays.length) - 1] ?? 0;
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await this.pull(name);
    }
  }

  /**
   * Whether the file as read this round already holds the local version of every change queued
   * for it: a write whose reply was lost last round. Then there is nothing to write again.
   */
  private async alreadyOnServer(name: string, changes: readonly PendingChange[]): Promise<boolean> {
    const held = this.onServer.get(name);
    if (!held || this.stale.has(name) || changes.length === 0) return false;
    const local = await this.local.read(changes.map((change) => change.key));
    return changes.every((change) => {
      const record = local.get(change.key);
      return record !== undefined && held.get(change.key) === versionTag(record);
    });
  }

  private forgetEtag(name: string): void {
    const { [name]: _gone, ...rest } = this.state.etags;
    this.state.etags = rest;
  }

  /** The server file a record lives in (cached per shard: names cost an HMAC each). */
  private async fileOf(key: RecordKey): Promise<string> {
    const { kind, id } = splitRecordKey(key);
    const shard = await shardOf(this.keys, kind, id, SHARDS[kind]);
    const label = `${kind}/${shard}`;
    let name = this.fileNames.get(label);
    if (name === undefined) {
      name = await shardFileName(this.keys, kind, shard);
      this.fileNames.set(label, name);
    }
    return name;
  }
}

function versionTag(record: SyncRecord): string {
  return `${record.life} ${record.hlc}`;
}

/** The words the settings page shows for a failed round. */
export function syncErrorMessage(error: unknown): string {
  if (error instanceof WrongPassphraseError) return 'wrong passphrase';
  if (error instanceof LibraryMissingError) return 'the server holds no Lede library any more: set up sync again';
  if (error instanceof DamagedFileError) return `a file on the server is damaged or not Lede's (${error.file})`;
  if (error instanceof RemoteStoreError) {
    const failure = error.failure;
    switch (failure.kind) {
      case 'unauthorized':
        return 'server refused: check the password';
      case 'network':
        return "can't reach the server";
      case 'precondition':
        return 'another device kept changing the same files: sync will try again';
      case 'not-found':
        return "the sync folder wasn't found on the server";
      case 'server':
        return `the server failed (HTTP ${failure.status})`;
    }
  }
  return 'sync failed: ' + (error instanceof Error ? error.message : String(error));
}
