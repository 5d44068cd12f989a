// Merging two versions of a record. The winner is the version with the greater (life, hlc): last
// writer wins by hybrid clock, except that a deletion outranks every edit made without knowing of
// it (life, lib/sync/records.ts), so a deletion is never undone by an older or concurrent edit.
// Merging is commutative, associative and idempotent for the winner (a max over a total order)
// and for `seen` (a pointwise max), so devices that see the same versions in any order agree.
//
// A note's body is text the reader wrote, so it is never dropped silently: when the losing
// version carries a body the winner never saw (the two edits were concurrent: the winner's
// version vector doesn't include the loser's body edit), that body survives as a conflict copy,
// a new note marked `conflictOf` the original, for the reader to resolve. Its id comes from the
// original id and the body edit, so every device that meets the same conflict makes the same
// copy, and copies merge like any other record.

import { compareStamps } from './hlc';
import { keyOf, type NoteRecord, type RecordKey, type RecordVersion, type SyncRecord } from './records';

/** >0 when `a` wins over `b`, <0 when `b` wins, 0 for the same write. */
export function compareVersions(a: RecordVersion, b: RecordVersion): number {
  if (a.life !== b.life) return a.life - b.life;
  return compareStamps(a.hlc, b.hlc);
}

export function unionSeen(a: RecordVersion['seen'], b: RecordVersion['seen']): Record<string, number> {
  const seen: Record<string, number> = { ...a };
  for (const [device, n] of Object.entries(b)) if ((seen[device] ?? 0) < n) seen[device] = n;
  return seen;
}

function sameSeen(a: RecordVersion['seen'], b: RecordVersion['seen']): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((device) => a[device] === b[device]);
}

/** Whether `version` has seen the write that set `loser`'s body. */
function sawBody(version: RecordVersion, loser: NoteRecord): boolean {
  const edit = loser.bodyEdit;
  return edit === undefined || (version.seen[edit.device] ?? 0) >= edit.n;
}

export interface RecordMerge {
  /** The merged record: the winner's content, with everything both versions had seen. */
  record: SyncRecord;
  /** Conflict copies of a body the winner never saw (at most one). */
  copies: NoteRecord[];
}

/** Merges two versions of the same record (same kind and id). */
export function mergeRecord(local: SyncRecord, remote: SyncRecord): RecordMerge {
  if (keyOf(local) !== keyOf(remote)) throw new Error('mergeRecord: different records');
  const order = compareVersions(local, remote);
  const [winner, loser] = order >= 0 ? [local, remote] : [remote, local];
  const seen = unionSeen(winner.seen, loser.seen);
  const record = sameSeen(seen, winner.seen) ? winner : ({ ...winner, seen } as SyncRecord);
  if (order === 0 || winner.kind !== 'note' || loser.kind !== 'note') return { record, copies: [] };
  return { record, copies: bodyCopy(winner, loser) };
}

function bodyCopy(winner: NoteRecord, loser: NoteRecord): NoteRecord[] {
  const lost = loser.payload;
  if (loser.deleted || lost === null || lost.body.trim() === '' || sawBody(winner, loser)) return [];
  if (!winner.deleted && winner.payload?.body === lost.body) return [];
  const id = conflictCopyId(loser.id, loser.bodyEdit!);
  // The copy starts its own history: no `seen`, so any edit of it wins; its stamp is the lost
  // write's, so copies of the same body made on different devices order the same way everywhere.
  return [{
    kind: 'note',
    id,
    hlc: loser.hlc,
    life: 0,
    seen: {},
    deleted: false,
    payload: { ...lost, id, conflictOf: lost.conflictOf ?? loser.id },
  }];
}

/**
 * The id of the conflict copy of one body edit: a `urn:uuid:` (version 8, as RFC 9562 allows for
 * ids made by an application's own hash) from a 128-bit hash of the original id and the edit.
 */
export function conflictCopyId(originalId: string, edit: { device: string; n: number }): string {
  const text = `${originalId}\u0000${edit.device}\u0000${edit.n}`;
  const hex = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((seed) => fnv1a(text, seed).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** 32-bit FNV-1a over UTF-16 code units, from a seed: four seeds make a 128-bit hash. */
function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // A final avalanche so nearby inputs differ in every hex digit.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  return hash >>> 0;
}

export interface BatchMerge {
  /** Records whose local state changes (new, newer, more seen), conflict copies included. */
  changed: SyncRecord[];
  /** Keys where the local version won over the incoming one: the remote copy is stale. */
  localWins: RecordKey[];
}

/**
 * Merges incoming records into the local ones (`local` maps key to the local version, missing when
 * the device has none). Conflict copies are merged in too, so one already made locally (or deleted
 * by the reader) stays as it is. Pure: the caller writes `changed`.
 */
export function mergeBatch(local: ReadonlyMap<RecordKey, SyncRecord>, incoming: readonly SyncRecord[]): BatchMerge {
  const state = new Map(local);
  const changed = new Map<RecordKey, SyncRecord>();
  const localWins = new Set<RecordKey>();
  const queue = [...incoming];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const key = keyOf(next);
    const current = state.get(key);
    if (current === undefined) {
      state.set(key, next);
      changed.set(key, next);
      continue;
    }
    const { record, copies } = mergeRecord(current, next);
    if (record !== current) {
      state.set(key, record);
      changed.set(key, record);
    }
    if (compareVersions(current, next) > 0) localWins.add(key);
    queue.push(...copies);
  }
  return { changed: [...changed.values()], localWins: [...localWins] };
}
