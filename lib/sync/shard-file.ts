// One file on the server: the records of one kind whose HMAC puts them in the same shard, as JSON,
// then encrypted (lib/sync/crypto.ts). A change rewrites only its shard's file.
//
// Shard counts are fixed per kind, so a record never moves between files: 64 shards give about
// 150 notes a file at 10,000 notes and 80 articles at 5,000 (a few hundred kB at most), few enough
// files for a first upload of a large library to be ~130 requests, and small enough that one
// change rewrites a small file. Settings are a handful of keys: one file.

import { parseHlc } from './hlc';
import { decryptFile, encryptFile, DamagedFileError, type SyncKeys } from './crypto';
import { RECORD_KINDS, type RecordKind, type SyncRecord } from './records';

export const SHARDS: Readonly<Record<RecordKind, number>> = { note: 64, article: 64, setting: 1 };

interface ShardFile {
  format: 'lede-shard';
  version: 1;
  records: SyncRecord[];
}

export async function sealShard(keys: SyncKeys, name: string, records: readonly SyncRecord[]): Promise<Uint8Array> {
  const file: ShardFile = { format: 'lede-shard', version: 1, records: [...records] };
  return encryptFile(keys, name, new TextEncoder().encode(JSON.stringify(file)));
}

/** The records in a server file; DamagedFileError when it doesn't decrypt or isn't a shard. */
export async function openShard(keys: SyncKeys, name: string, body: Uint8Array): Promise<SyncRecord[]> {
  const plain = await decryptFile(keys, name, body);
  let file: Partial<ShardFile> | null;
  try {
    file = JSON.parse(new TextDecoder().decode(plain)) as Partial<ShardFile> | null;
  } catch {
    throw new DamagedFileError(name, 'not JSON');
  }
  if (file?.format !== 'lede-shard' || file.version !== 1 || !Array.isArray(file.records)) throw new DamagedFileError(name, 'not a Lede shard');
  // A kind this version doesn't know (a later Lede's) lives in files of its own, which this
  // device never writes: it leaves them alone rather than failing every round.
  const known = file.records.filter((record: unknown) => (RECORD_KINDS as readonly unknown[]).includes((record as { kind?: unknown } | null)?.kind));
  for (const record of known) {
    const problem = recordProblem(record);
    if (problem) throw new DamagedFileError(name, problem);
  }
  return known;
}

/** What is wrong with a record read from a file (shape only: payloads are checked where they're applied). */
export function recordProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'a record is not an object';
  const record = value as Record<string, unknown>;
  if (!(RECORD_KINDS as readonly unknown[]).includes(record.kind)) return 'a record has an unknown kind';
  if (typeof record.id !== 'string' || record.id === '') return 'a record has no id';
  if (typeof record.hlc !== 'string' || parseHlc(record.hlc) === null) return 'a record has a bad clock stamp';
  if (!Number.isInteger(record.life) || (record.life as number) < 0) return 'a record has a bad life';
  if (typeof record.deleted !== 'boolean' || (record.life as number) % 2 !== (record.deleted ? 1 : 0)) return 'a record has a bad deleted flag';
  if ((record.payload === null) !== record.deleted || typeof record.payload !== 'object') return 'a record payload does not match its deleted flag';
  const seen = record.seen;
  if (typeof seen !== 'object' || seen === null || Object.values(seen).some((n) => !Number.isInteger(n) || (n as number) < 1)) return 'a record has a bad version vector';
  const edit = record.bodyEdit as { device?: unknown; n?: unknown } | undefined;
  if (edit !== undefined && (typeof edit !== 'object' || edit === null || typeof edit.device !== 'string' || !Number.isInteger(edit.n))) return 'a record has a bad body edit';
  return null;
}
