import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { conflictCopyId, mergeBatch, mergeRecord } from '@/lib/sync/merge';
import { simulate, visibleState, SimDevice, noteId, type SimCommand } from '@/testing/sync/sync-sim';
import { HIGHLIGHT_COLORS } from '@/lib/notes/annotation';

const DEVICES = 3;
const command: fc.Arbitrary<SimCommand> = fc.oneof(
  fc.record({ op: fc.constant('create' as const), device: fc.nat(DEVICES - 1), note: fc.nat(3) }),
  fc.record({ op: fc.constant('body' as const), device: fc.nat(DEVICES - 1), pick: fc.nat(9) }),
  fc.record({ op: fc.constant('color' as const), device: fc.nat(DEVICES - 1), pick: fc.nat(9) }),
  fc.record({ op: fc.constant('delete' as const), device: fc.nat(DEVICES - 1), pick: fc.nat(9) }),
  fc.record({ op: fc.constant('restore' as const), device: fc.nat(DEVICES - 1), pick: fc.nat(9) }),
  fc.record({ op: fc.constant('sync' as const), from: fc.nat(DEVICES - 1), to: fc.nat(DEVICES - 1) }),
  fc.record({ op: fc.constant('wait' as const), ms: fc.nat(3) }),
);
const commands = fc.array(command, { maxLength: 40 });

function liveBodies(device: SimDevice): Set<string> {
  return new Set(device.liveNotes().map((note) => note.payload!.body));
}

describe('merging synced records', () => {
  it('converges: every device ends with the same records, whatever the edits and the sync order', () => {
    fc.assert(
      fc.property(commands, (cmds) => {
        const { devices } = simulate(DEVICES, cmds);
        const first = visibleState(devices[0]!);
        for (const device of devices.slice(1)) expect(visibleState(device)).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('never loses a body text: each one is on a note unless a device replaced or deleted it knowingly', () => {
    fc.assert(
      fc.property(commands, (cmds) => {
        const { devices, written, replaced } = simulate(DEVICES, cmds);
        const bodies = liveBodies(devices[0]!);
        for (const body of written) if (!replaced.has(body)) expect(bodies, body).toContain(body);
      }),
      { numRuns: 300 },
    );
  });

  it('never resurrects a deletion: a deleted note stays deleted unless a device restored it after seeing the deletion', () => {
    fc.assert(
      fc.property(commands, (cmds) => {
        const { devices, deleted, restored } = simulate(DEVICES, cmds);
        const live = new Set(devices[0]!.liveNotes().map((note) => note.id));
        for (const id of deleted) if (!restored.has(id)) expect(live.has(id), id).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps an edit that arrives after a deletion it predates deleted, even from a clock far ahead', () => {
    let aheadTime = 9_000_000;
    const a = new SimDevice('a', () => 1_000);
    const b = new SimDevice('b', () => aheadTime);
    const id = noteId(1);
    const created = a.write(id, { ...noteAt(id), body: 'first' }, true);
    b.receive([created]);
    const edit = b.write(id, { ...created.payload!, body: 'edited on b' }, true);
    aheadTime += 1;
    const tombstone = a.write(id, null, false);
    a.receive([edit]);
    b.receive([tombstone]);
    for (const device of [a, b]) {
      expect(device.records.get(`note\u0000${id}`)?.deleted).toBe(true);
      // The concurrent edit's text survives as a conflict copy.
      expect(device.liveNotes().map((n) => [n.payload!.body, n.payload!.conflictOf])).toEqual([['edited on b', id]]);
    }
  });

  it('makes one conflict copy for concurrent body edits, the same on both devices, and none for a colour change', () => {
    const a = new SimDevice('a', () => 100);
    const b = new SimDevice('b', () => 200);
    const id = noteId(2);
    const created = a.write(id, { ...noteAt(id), body: 'start' }, true);
    b.receive([created]);
    const fromA = a.write(id, { ...created.payload!, body: 'text from a' }, true);
    const fromB = b.write(id, { ...created.payload!, body: 'text from b' }, true);
    const merged = mergeRecord(fromA, fromB);
    expect(merged.record.kind === 'note' && merged.record.payload?.body).toBe('text from b');
    expect(merged.copies.map((c) => [c.id, c.payload!.body, c.payload!.conflictOf])).toEqual([[conflictCopyId(id, fromA.bodyEdit!), 'text from a', id]]);
    expect(mergeRecord(fromB, fromA)).toEqual(merged);
    // A colour change made without seeing a body edit loses nothing: its body is the one both saw.
    const recolour = a.write(id, { ...fromA.payload!, color: HIGHLIGHT_COLORS[2] }, false);
    const edit = b.write(id, { ...fromB.payload!, body: 'later text from b' }, true);
    expect(mergeRecord(edit, recolour).copies.map((c) => c.payload!.body)).toEqual(['text from a']);
  });

  it('merges a batch idempotently and reports where the local version was newer', () => {
    const a = new SimDevice('a', () => 100);
    const id = noteId(3);
    const older = a.write(id, { ...noteAt(id), body: 'one' }, true);
    const newer = a.write(id, { ...older.payload!, body: 'two' }, true);
    const local = new Map([[`note\u0000${id}`, newer]]);
    expect(mergeBatch(local, [older])).toEqual({ changed: [], localWins: [`note\u0000${id}`] });
    expect(mergeBatch(local, [newer])).toEqual({ changed: [], localWins: [] });
    expect(mergeBatch(new Map(), [older, newer]).changed).toEqual([newer]);
  });

  it('makes conflict copy ids that are UUIDs, stable, and different per edit', () => {
    const one = conflictCopyId(noteId(1), { device: 'a', n: 1 });
    expect(one).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(conflictCopyId(noteId(1), { device: 'a', n: 1 })).toBe(one);
    expect(conflictCopyId(noteId(1), { device: 'a', n: 2 })).not.toBe(one);
    expect(conflictCopyId(noteId(1), { device: 'b', n: 1 })).not.toBe(one);
  });
});

function noteAt(id: string) {
  return {
    id,
    type: 'Annotation' as const,
    schemaVersion: 1,
    motivation: 'commenting' as const,
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    target: { source: 'https://news.example/a', selector: [] },
    body: '',
    tags: [],
    color: 'yellow' as const,
    page: { title: 'A', site: 'news.example' },
  };
}
