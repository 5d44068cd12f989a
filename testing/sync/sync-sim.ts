// A model of several devices editing notes and swapping records, for the merge property tests:
// each device holds its records and its own clock (which may lag or stand still), writes versions
// the way the local store does (lib/sync/records.ts nextVersion) and merges what it receives
// (lib/sync/merge.ts). It also keeps the facts the properties need: every body text written, which
// of them a device replaced or deleted knowingly, and which notes were deleted or restored.

import { HlcClock } from '@/lib/sync/hlc';
import { mergeBatch } from '@/lib/sync/merge';
import { keyOf, nextVersion, recordKey, type NoteRecord, type RecordKey, type SyncRecord } from '@/lib/sync/records';
import { HIGHLIGHT_COLORS, type Annotation } from '@/lib/notes/annotation';
import { noteId } from '../fixtures/annotation-fixtures';
import { syncNote } from './sync-note';

export type SimCommand =
  | { op: 'create'; device: number; note: number }
  | { op: 'body'; device: number; pick: number }
  | { op: 'color'; device: number; pick: number }
  | { op: 'delete'; device: number; pick: number }
  | { op: 'restore'; device: number; pick: number }
  | { op: 'sync'; from: number; to: number }
  | { op: 'wait'; ms: number };

export { noteId };

export class SimDevice {
  readonly records = new Map<RecordKey, SyncRecord>();
  readonly clock: HlcClock;

  constructor(readonly id: string, now: () => number) {
    this.clock = new HlcClock(id, null, now);
  }

  liveNotes(): NoteRecord[] {
    return [...this.records.values()].filter((r): r is NoteRecord => r.kind === 'note' && !r.deleted).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  deletedNotes(): NoteRecord[] {
    return [...this.records.values()].filter((r): r is NoteRecord => r.kind === 'note' && r.deleted).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  write(id: string, payload: Annotation | null, bodyChanged: boolean): NoteRecord {
    const previous = this.records.get(recordKey('note', id));
    const version = nextVersion(previous, this.id, this.clock.tick(), payload === null, bodyChanged);
    const record: NoteRecord = { kind: 'note', id, deleted: payload === null, payload, ...version };
    this.records.set(keyOf(record), record);
    return record;
  }

  receive(incoming: readonly SyncRecord[]): void {
    for (const record of incoming) this.clock.receive(record.hlc);
    const { changed } = mergeBatch(this.records, incoming.map((r) => structuredClone(r)));
    for (const record of changed) this.records.set(keyOf(record), record);
  }
}

export interface SimOutcome {
  devices: SimDevice[];
  /** Every body text any device wrote. */
  written: Set<string>;
  /** Bodies a device replaced or deleted while it held them as the note's current body. */
  replaced: Set<string>;
  /** Notes some device deleted, and notes some device restored after a deletion. */
  deleted: Set<string>;
  restored: Set<string>;
}

/** Runs the commands, then lets every device sync with every other until nothing changes. */
export function simulate(deviceCount: number, commands: readonly SimCommand[]): SimOutcome {
  let time = 1_000_000;
  const skew = [0, -7, 5, -2, 11];
  const devices = Array.from({ length: deviceCount }, (_, i) => new SimDevice(`dev${i}`, () => time + (skew[i % skew.length] ?? 0)));
  const outcome: SimOutcome = { devices, written: new Set(), replaced: new Set(), deleted: new Set(), restored: new Set() };
  const created = new Set<number>();
  let bodies = 0;
  for (const command of commands) {
    if (command.op === 'wait') {
      time += command.ms;
      continue;
    }
    if (command.op === 'sync') {
      const from = devices[command.from % deviceCount]!;
      const to = devices[command.to % deviceCount]!;
      to.receive([...from.records.values()]);
      continue;
    }
    const device = devices[command.device % deviceCount]!;
    if (command.op === 'create') {
      if (created.has(command.note)) continue;
      created.add(command.note);
      const body = `body ${bodies++} (${device.id} new)`;
      outcome.written.add(body);
      device.write(noteId(command.note), syncNote(noteId(command.note), body), true);
      continue;
    }
    const pool = command.op === 'restore' ? device.deletedNotes() : device.liveNotes();
    if (pool.length === 0) continue;
    const target = pool[command.pick % pool.length]!;
    const current = target.payload;
    if (command.op === 'body' && current) {
      const body = `body ${bodies++} (${device.id})`;
      outcome.written.add(body);
      outcome.replaced.add(current.body);
      device.write(target.id, { ...current, body }, true);
    } else if (command.op === 'color' && current) {
      const color = HIGHLIGHT_COLORS[(HIGHLIGHT_COLORS.indexOf(current.color) + 1) % HIGHLIGHT_COLORS.length]!;
      device.write(target.id, { ...current, color }, false);
    } else if (command.op === 'delete' && current) {
      outcome.replaced.add(current.body);
      outcome.deleted.add(target.id);
      device.write(target.id, null, false);
    } else if (command.op === 'restore') {
      // Undo a deletion: the device brings back the last text it knows for the note.
      outcome.restored.add(target.id);
      device.write(target.id, syncNote(target.id, `restored ${target.id}`), true);
      outcome.written.add(`restored ${target.id}`);
    }
  }
  for (let round = 0; round < 2 * deviceCount + 2; round++) {
    for (const to of devices) for (const from of devices) if (from !== to) to.receive([...from.records.values()]);
  }
  return outcome;
}

/** A device's state as the reader sees it: every record's content, without the merge bookkeeping. */
export function visibleState(device: SimDevice): string[] {
  return [...device.records.values()]
    .map((r) => JSON.stringify([r.kind, r.id, r.deleted, r.life, r.hlc, r.payload]))
    .sort();
}
