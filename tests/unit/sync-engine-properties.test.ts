// The merge properties again, this time through the whole engine: devices with their own local
// stores edit notes and run sync rounds against one server folder (files, etags, 412s, a server
// that sometimes fails before or after a write), in any order. Once the server behaves and every
// device has synced, all devices hold the same records, no body text is lost unless a device
// replaced or deleted it knowingly, and no deletion is undone except by a restore.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { syncRound } from '@/lib/sync/engine';
import { KEYINFO_NAME, createKeyInfo, serializeKeyInfo, type KeyInfo, type SyncKeys } from '@/lib/sync/crypto';
import type { NoteRecord } from '@/lib/sync/records';
import { MemoryFolder, MemoryRemoteStore, networkError } from '@/testing/fakes/memory-remote-store';
import { MemoryLocalStore } from '@/testing/fakes/memory-local-store';
import { HIGHLIGHT_COLORS } from '@/lib/notes/annotation';
import { syncNote } from '@/testing/sync/sync-note';
import { noteId } from '@/testing/fixtures/annotation-fixtures';

const DEVICES = 3;
const MIN_ITERATIONS = 1_000;

type Command =
  | { op: 'create' | 'body' | 'color' | 'delete' | 'restore'; device: number; pick: number }
  | { op: 'sync'; device: number; faults: number }
  | { op: 'wait'; ms: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constantFrom('create' as const, 'body' as const, 'color' as const, 'delete' as const, 'restore' as const), device: fc.nat(DEVICES - 1), pick: fc.nat(20) }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('sync' as const), device: fc.nat(DEVICES - 1), faults: fc.nat(7) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('wait' as const), ms: fc.nat(3) }), weight: 1 },
);

function notes(local: MemoryLocalStore, deleted: boolean): NoteRecord[] {
  return [...local.records.values()].filter((r): r is NoteRecord => r.kind === 'note' && r.deleted === deleted).sort((a, b) => (a.id < b.id ? -1 : 1));
}

let keys: SyncKeys;
let info: KeyInfo;
beforeAll(async () => {
  ({ keys, info } = await createKeyInfo('right', MIN_ITERATIONS));
});

async function run(commands: readonly Command[]) {
  const folder = new MemoryFolder();
  folder.files.set(KEYINFO_NAME, { body: serializeKeyInfo(info), etag: folder.freshEtag() });
  let time = 1_000_000;
  const skew = [0, -5, 9];
  const devices = Array.from({ length: DEVICES }, (_, i) => ({ local: new MemoryLocalStore(`dev${i}`, () => time + skew[i]!), remote: new MemoryRemoteStore(folder) }));
  const written = new Set<string>();
  const replaced = new Set<string>();
  const deleted = new Set<string>();
  const restored = new Set<string>();
  let created = 0;
  let bodies = 0;
  const sync = (device: (typeof devices)[number]) => syncRound({ remote: device.remote, local: device.local, keys, minIterations: MIN_ITERATIONS });
  for (const cmd of commands) {
    if (cmd.op === 'wait') {
      time += cmd.ms;
      continue;
    }
    const device = devices[cmd.device]!;
    if (cmd.op === 'sync') {
      // `faults` has a bit for each of the round's first three requests: set, that request fails
      // (the first and third before reaching the server, the second after a write landed).
      let request = 0;
      device.remote.fault = () => {
        const i = request++;
        return i < 3 && cmd.faults & (1 << i) ? { when: i === 1 ? 'afterWrite' : 'before', error: networkError() } : null;
      };
      await sync(device).catch(() => undefined);
      device.remote.fault = null;
      continue;
    }
    if (cmd.op === 'create') {
      const id = noteId(created++);
      const body = `body ${bodies++}`;
      written.add(body);
      device.local.edit('note', id, syncNote(id, body));
      continue;
    }
    const pool = notes(device.local, cmd.op === 'restore');
    if (pool.length === 0) continue;
    const target = pool[cmd.pick % pool.length]!;
    const current = target.payload;
    if (cmd.op === 'body' && current) {
      const body = `body ${bodies++}`;
      written.add(body);
      replaced.add(current.body);
      device.local.edit('note', target.id, { ...current, body });
    } else if (cmd.op === 'color' && current) {
      device.local.edit('note', target.id, { ...current, color: HIGHLIGHT_COLORS[(HIGHLIGHT_COLORS.indexOf(current.color) + 1) % HIGHLIGHT_COLORS.length]! });
    } else if (cmd.op === 'delete' && current) {
      replaced.add(current.body);
      deleted.add(target.id);
      device.local.edit('note', target.id, null);
    } else if (cmd.op === 'restore') {
      const body = `body ${bodies++}`;
      written.add(body);
      restored.add(target.id);
      device.local.edit('note', target.id, syncNote(target.id, body));
    }
  }
  for (let round = 0; round < 3; round++) for (const device of devices) await sync(device);
  return { devices, written, replaced, deleted, restored };
}

const view = (local: MemoryLocalStore): string[] => [...local.records.values()].map((r) => JSON.stringify([r.kind, r.id, r.deleted, r.life, r.hlc, r.payload])).sort();

describe('sync rounds between devices, in any order, with a failing server', () => {
  it('converge, lose no text, resurrect no deletion, and leave every outbox empty', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 30 }), async (commands) => {
        const { devices, written, replaced, deleted, restored } = await run(commands);
        const first = view(devices[0]!.local);
        for (const device of devices) {
          expect(view(device.local)).toEqual(first);
          expect(device.local.outbox.size).toBe(0);
        }
        const live = notes(devices[0]!.local, false);
        const bodies = new Set(live.map((n) => n.payload!.body));
        for (const body of written) if (!replaced.has(body)) expect(bodies, body).toContain(body);
        const liveIds = new Set(live.map((n) => n.id));
        for (const id of deleted) if (!restored.has(id)) expect(liveIds.has(id), id).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});
