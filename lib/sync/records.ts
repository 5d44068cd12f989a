// What syncs. Each record is one thing the reader made or chose, identified by (kind, id), with
// the version information merge needs. Caches (analyses, encyclopedia summaries) never sync: any
// device can rebuild them.
//
//   note     a highlight or note (lib/notes/annotation.ts), tags and colour included; an orphan is
//            just a note whose passage wasn't found, so it syncs like any other. A conflict copy is
//            a note with `conflictOf` set.
//   article  a reading-history entry with its analysis summary (people, places, quotes), by URL.
//   setting  a highlight preference (global or per site) or the site switches, by storage key.
//
// A deletion is a record too (a tombstone: deleted, payload null), so it reaches the other
// devices and an older edit arriving later can't bring the thing back.

import type { Annotation } from '../notes/annotation';
import type { EntitySummary, QuoteSummary } from '../cards/article-summary';

/** A reading-history entry as it syncs: the stored article row without its derived index. */
export interface ArticlePayload {
  url: string;
  title: string;
  site: string;
  seenAt: number;
  entities: EntitySummary[];
  quotes: QuoteSummary[];
}

/** A setting as it syncs: the storage key's JSON value (checked again by its own parser on arrival). */
export interface SettingPayload {
  value: unknown;
}

interface Payloads {
  note: Annotation;
  article: ArticlePayload;
  setting: SettingPayload;
}

export type RecordKind = keyof Payloads;
export const RECORD_KINDS: readonly RecordKind[] = ['note', 'article', 'setting'];

/** Which version of a record this is, for merging (lib/sync/merge.ts). */
export interface RecordVersion {
  /** Hybrid logical clock stamp of the write (lib/sync/hlc.ts). */
  hlc: string;
  /**
   * How many times the record was deleted or brought back: even while it exists, odd while deleted.
   * It orders before `hlc`, so a deletion wins over edits made without knowing of it, and only a
   * restore made after seeing the deletion (one more) wins over the deletion.
   */
  life: number;
  /** Version vector: per device, how many of this record's writes it made that this version has seen. */
  seen: Readonly<Record<string, number>>;
  /** Notes only: the write that set the body, as (device, its count in `seen`); tells whether a winner saw this body. */
  bodyEdit?: { device: string; n: number };
}

interface RecordOf<K extends RecordKind> extends RecordVersion {
  kind: K;
  id: string;
  deleted: boolean;
  /** null exactly when deleted. */
  payload: Payloads[K] | null;
}

export type NoteRecord = RecordOf<'note'>;
export type ArticleRecord = RecordOf<'article'>;
export type SettingRecord = RecordOf<'setting'>;
export type SyncRecord = NoteRecord | ArticleRecord | SettingRecord;

/** (kind, id) as one string: the key of a record everywhere in the sync code. */
export type RecordKey = string;

export function recordKey(kind: RecordKind, id: string): RecordKey {
  return `${kind}\u0000${id}`;
}

export function splitRecordKey(key: RecordKey): { kind: RecordKind; id: string } {
  const at = key.indexOf('\u0000');
  const kind = key.slice(0, at);
  if (at === -1 || !(RECORD_KINDS as readonly string[]).includes(kind)) throw new Error('Not a record key');
  return { kind: kind as RecordKind, id: key.slice(at + 1) };
}

export function keyOf(record: SyncRecord): RecordKey {
  return recordKey(record.kind, record.id);
}

/**
 * The version a device writes next on top of `previous` (undefined: the device never had the
 * record): a fresh stamp, one more own write in `seen`, a new life when the record is deleted or
 * comes back, and for a note whose body changed, this write as the body's edit.
 */
export function nextVersion(previous: (RecordVersion & { deleted: boolean }) | undefined, device: string, hlc: string, deleted: boolean, bodyChanged: boolean): RecordVersion {
  const seen = { ...(previous?.seen ?? {}) };
  const n = (seen[device] ?? 0) + 1;
  seen[device] = n;
  const life = previous === undefined ? (deleted ? 1 : 0) : previous.life + (previous.deleted === deleted ? 0 : 1);
  const version: RecordVersion = { hlc, life, seen };
  if (bodyChanged) version.bodyEdit = { device, n };
  else if (previous?.bodyEdit) version.bodyEdit = previous.bodyEdit;
  return version;
}
