// The device's side of sync, as the engine (lib/sync/engine.ts) sees it. The background
// implements it over Dexie and the settings storage (lib/background/sync-local.ts); tests use an
// in-memory one (testing/fakes/memory-local-store.ts).
//
// Every local write (a note saved, an article read, a setting changed) stamps a new version of its
// record (stampLocalWrite) and puts the record's key in the outbox, in the same transaction as the
// write. The engine empties the outbox only for changes the server confirmed.

import type { HlcClock } from './hlc';
import { nextVersion, type RecordKey, type SyncRecord } from './records';

/** One entry of the outbox: a record changed locally since the server last confirmed it. */
export interface PendingChange {
  readonly key: RecordKey;
  /** Grows with every local change: a confirmation for an older seq leaves a newer change queued. */
  readonly seq: number;
}

/** What the engine remembers between rounds. */
export interface SyncState {
  /** Per file on the server: the etag of the version this device last read or wrote (and merged). */
  etags: Record<string, string>;
  /** Whether records written before sync was turned on were queued for upload. */
  seeded: boolean;
}

export interface FiledRecord {
  record: SyncRecord;
  /** The server file the record lives in. */
  file: string;
}

export interface LocalStore {
  loadState(): Promise<SyncState>;
  saveState(state: SyncState): Promise<void>;
  /** The local version of each key the device has (tombstones included). */
  read(keys: readonly RecordKey[]): Promise<Map<RecordKey, SyncRecord>>;
  /** Every local record (tombstones included) filed under this server file. */
  readFile(file: string): Promise<SyncRecord[]>;
  /**
   * Stores merged records in the notes, history and settings, each filed under its server file,
   * and moves the device's clock past their stamps. Queued for upload only with `queue` (conflict
   * copies this device made); records that came from the server are not.
   */
  write(records: readonly FiledRecord[], queue: boolean): Promise<void>;
  /** Files records that were changed locally and not yet filed. */
  assign(files: readonly { key: RecordKey; file: string }[]): Promise<void>;
  pending(): Promise<PendingChange[]>;
  /** Drops these outbox entries, unless their key changed again since (a newer seq). */
  confirm(changes: readonly PendingChange[]): Promise<void>;
  /** Queues every local record, with a first version where it has none (sync just turned on). */
  enqueueAll(): Promise<void>;
}

/**
 * The record a local write makes: the next version on top of the device's previous one. A note's
 * body edit is noted only when the body text changed, so a colour or tag change never causes a
 * conflict copy.
 */
export function stampLocalWrite<R extends SyncRecord>(previous: SyncRecord | undefined, next: Pick<R, 'kind' | 'id' | 'payload'>, clock: HlcClock): R {
  const deleted = next.payload === null;
  const previousBody = previous?.kind === 'note' && previous.payload ? previous.payload.body : undefined;
  const body = next.kind === 'note' && next.payload ? (next.payload as { body: string }).body : undefined;
  const bodyChanged = next.kind === 'note' && !deleted && (previous === undefined || previous.deleted || previousBody !== body);
  const version = nextVersion(previous, clock.device, clock.tick(), deleted, bodyChanged);
  return { ...version, kind: next.kind, id: next.id, deleted, payload: next.payload } as R;
}
