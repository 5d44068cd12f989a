// Every local write to notes and reading history lands in sync's outbox, in the same IndexedDB
// transaction as the write, through one Dexie middleware: whatever writes (the note stores, import,
// history, clearing history), the record gets a new version (lib/sync/records.ts nextVersion) and
// its key is queued. While sync is off (no device state row) the middleware only looks and passes.
// Writes that sync itself applies from the server are marked (applyingSync) and not queued.

import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { HlcClock } from '../sync/hlc';
import { nextVersion, recordKey, type RecordKind } from '../sync/records';
import type { OutboxRow, SyncMetaRow, SyncStateRow } from './db-rows';

/** The tables whose rows are sync records, and the kind each holds. */
export const TRACKED_TABLES: Readonly<Record<string, RecordKind>> = { annotations: 'note', articles: 'article' };
export const SYNC_TABLES = ['syncMeta', 'outbox', 'syncState'] as const;

const applying = new WeakSet<object>();

/** Marks a transaction as sync applying the server's records: its writes are not queued again. */
export function applyingSync(idbtrans: object): void {
  applying.add(idbtrans);
}

export const syncTracking: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'lede-sync-tracking',
  create(down) {
    return {
      ...down,
      // A write transaction on a tracked table also covers the sync tables, so the outbox entry
      // commits (or fails) with the write itself.
      transaction(stores, mode, options) {
        const tracked = mode === 'readwrite' && stores.some((store) => store in TRACKED_TABLES) && down.schema.tables.some((t) => t.name === 'outbox');
        return down.transaction(tracked ? [...new Set([...stores, ...SYNC_TABLES])] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        const kind = TRACKED_TABLES[name];
        if (kind === undefined) return table;
        return { ...table, mutate: (req) => trackedMutate(down, table, kind, req) };
      },
    };
  },
};

async function trackedMutate(down: DBCore, table: DBCoreTable, kind: RecordKind, req: DBCoreMutateRequest): Promise<Awaited<ReturnType<DBCoreTable['mutate']>>> {
  if (applying.has(req.trans)) return table.mutate(req);
  const state = (await down.table('syncState').get({ trans: req.trans, key: 'state' })) as SyncStateRow | undefined;
  if (!state) return table.mutate(req);
  const keys = await keysOf(table, req);
  const writing = req.type === 'add' || req.type === 'put';
  // Notes: the rows before the write, to tell a body edit from a colour or tag change.
  const before = writing && kind === 'note' ? ((await table.getMany({ trans: req.trans, keys })) as (object | undefined)[]) : [];
  const result = await table.mutate(req);
  const changes = keys.flatMap((key, i) => (result.failures[i] ? [] : [{ key: String(key), value: writing ? (req.values[i] as object) : null, before: before[i] }]));
  await stamp(down, req.trans, state, kind, changes);
  return result;
}

async function keysOf(table: DBCoreTable, req: DBCoreMutateRequest): Promise<unknown[]> {
  switch (req.type) {
    case 'add':
    case 'put':
      return req.keys ?? req.values.map((value) => table.schema.primaryKey.extractKey!(value));
    case 'delete':
      return req.keys;
    case 'deleteRange': {
      const found = await table.query({ trans: req.trans, values: false, query: { index: table.schema.primaryKey, range: req.range } });
      return found.result;
    }
  }
}

async function stamp(down: DBCore, trans: DBCoreTransaction, state: SyncStateRow, kind: RecordKind, changes: readonly LocalChange[]): Promise<void> {
  if (changes.length === 0) return;
  const metaTable = down.table('syncMeta');
  const previous = (await metaTable.getMany({ trans, keys: changes.map((change) => recordKey(kind, change.key)) })) as (SyncMetaRow | undefined)[];
  const plan = planStamps(state, kind, changes, previous);
  if (plan.metas.length === 0) return;
  await metaTable.mutate({ type: 'put', trans, values: plan.metas });
  await down.table('outbox').mutate({ type: 'put', trans, values: plan.queued });
  await down.table('syncState').mutate({ type: 'put', trans, values: [plan.state] });
}

function bodyOf(row: object | null | undefined): unknown {
  return row ? (row as { body?: unknown }).body : undefined;
}

/** One local write of a record: its id, the new value (null: deleted) and, for notes, the row before. */
export interface LocalChange {
  key: string;
  value: object | null;
  before?: object | undefined;
}

/**
 * The new versions, outbox entries and device state for local writes, given each record's previous
 * version (`previous[i]` for `changes[i]`). Pure: callers read and write in their own transaction.
 */
export function planStamps(state: SyncStateRow, kind: RecordKind, changes: readonly LocalChange[], previous: readonly (SyncMetaRow | undefined)[]): { metas: SyncMetaRow[]; queued: OutboxRow[]; state: SyncStateRow } {
  const clock = new HlcClock(state.device, state.clock);
  let seq = state.nextSeq;
  const metas: SyncMetaRow[] = [];
  const queued: OutboxRow[] = [];
  for (const [i, change] of changes.entries()) {
    const prev = previous[i];
    const deleted = change.value === null;
    // Deleting what sync never knew, or what is already deleted, changes nothing.
    if (deleted && (!prev || prev.deleted)) continue;
    const bodyChanged = kind === 'note' && !deleted && (!prev || prev.deleted || bodyOf(change.before) !== bodyOf(change.value));
    const version = nextVersion(prev, state.device, clock.tick(), deleted, bodyChanged);
    const meta: SyncMetaRow = { key: recordKey(kind, change.key), ...version, seen: { ...version.seen }, deleted };
    if (prev?.file !== undefined) meta.file = prev.file;
    metas.push(meta);
    queued.push({ key: meta.key, seq: seq++ });
  }
  return { metas, queued, state: { ...state, clock: clock.latest, nextSeq: seq } };
}
