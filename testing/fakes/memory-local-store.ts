// A device's local side of sync held in memory, for engine tests: records with their versions,
// file assignments, an outbox with sequence numbers and the sync state. `edit` is a local write,
// stamped and queued the way the background's store does it (stampLocalWrite).

import { HlcClock } from '@/lib/sync/hlc';
import { stampLocalWrite, type FiledRecord, type LocalStore, type PendingChange, type SyncState } from '@/lib/sync/local-store';
import { keyOf, recordKey, type RecordKind, type RecordKey, type SyncRecord } from '@/lib/sync/records';

export class MemoryLocalStore implements LocalStore {
  readonly records = new Map<RecordKey, SyncRecord>();
  readonly files = new Map<RecordKey, string>();
  readonly outbox = new Map<RecordKey, number>();
  readonly clock: HlcClock;
  private state: SyncState = { etags: {}, seeded: false };
  private seq = 0;

  constructor(device: string, now: () => number = Date.now) {
    this.clock = new HlcClock(device, null, now);
  }

  /** A local write: a new version of the record (payload null deletes it), queued for upload. */
  edit<K extends RecordKind>(kind: K, id: string, payload: Extract<SyncRecord, { kind: K }>['payload']): SyncRecord {
    const key = recordKey(kind, id);
    const record = stampLocalWrite(this.records.get(key), { kind, id, payload } as Pick<SyncRecord, 'kind' | 'id' | 'payload'>, this.clock);
    this.records.set(key, record);
    this.outbox.set(key, ++this.seq);
    return record;
  }

  get<K extends RecordKind>(kind: K, id: string): Extract<SyncRecord, { kind: K }> | undefined {
    return this.records.get(recordKey(kind, id)) as Extract<SyncRecord, { kind: K }> | undefined;
  }

  async loadState(): Promise<SyncState> {
    return structuredClone(this.state);
  }

  async saveState(state: SyncState): Promise<void> {
    this.state = structuredClone(state);
  }

  async read(keys: readonly RecordKey[]): Promise<Map<RecordKey, SyncRecord>> {
    const found = new Map<RecordKey, SyncRecord>();
    for (const key of keys) {
      const record = this.records.get(key);
      if (record) found.set(key, structuredClone(record));
    }
    return found;
  }

  async readFile(file: string): Promise<SyncRecord[]> {
    return [...this.records.values()].filter((record) => this.files.get(keyOf(record)) === file).map((record) => structuredClone(record));
  }

  async write(records: readonly FiledRecord[], queue: boolean): Promise<void> {
    for (const { record, file } of records) {
      const key = keyOf(record);
      this.clock.receive(record.hlc);
      this.records.set(key, structuredClone(record));
      this.files.set(key, file);
      if (queue) this.outbox.set(key, ++this.seq);
    }
  }

  async assign(files: readonly { key: RecordKey; file: string }[]): Promise<void> {
    for (const { key, file } of files) this.files.set(key, file);
  }

  async pending(): Promise<PendingChange[]> {
    return [...this.outbox].map(([key, seq]) => ({ key, seq }));
  }

  async confirm(changes: readonly PendingChange[]): Promise<void> {
    for (const { key, seq } of changes) if (this.outbox.get(key) === seq) this.outbox.delete(key);
  }

  async enqueueAll(): Promise<void> {
    for (const key of this.records.keys()) if (!this.outbox.has(key)) this.outbox.set(key, ++this.seq);
  }
}
