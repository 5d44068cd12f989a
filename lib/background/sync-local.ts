// The device's side of sync (lib/sync/local-store.ts) over Lede's database and settings storage:
// notes in `annotations`, reading history in `articles`, highlight and site settings in the
// settings area; each record's version and server file in `syncMeta` (tombstones live only there);
// the outbox and device state in `outbox` and `syncState`. Local writes reach the outbox through
// lib/background/sync-tracking.ts (Dexie) and trackSettings (the settings area).

import { formatHlc, HlcClock, newDeviceId } from '../sync/hlc';
import { recordKey, splitRecordKey, type ArticlePayload, type RecordKey, type RecordKind, type SyncRecord } from '../sync/records';
import type { FiledRecord, LocalStore, PendingChange, SyncState } from '../sync/local-store';
import { parseAnnotation } from '../notes/validation';
import type { Annotation } from '../notes/annotation';
import { GLOBAL_PREFS_KEY } from '../settings/highlight-prefs';
import { SITE_SWITCHES_KEY } from '../settings/site-switches';
import type { KeyValueArea } from '../settings/storage-area';
import { applyingSync, planStamps, SYNC_TABLES } from './sync-tracking';
import { articleIndexes, writeMentions, type ArticleRow, type LedeDB, type SyncMetaRow, type SyncStateRow } from './db';

/** The settings area, able to list its keys (browser.storage.local.get(null)). */
export interface SettingsArea extends KeyValueArea {
  getAll(): Promise<Record<string, unknown>>;
}

/** Highlight preferences (global and per site) and the site switches sync; UI state and other settings don't. */
export function isSyncedSetting(key: string): boolean {
  return key === GLOBAL_PREFS_KEY || key === SITE_SWITCHES_KEY || key.startsWith('prefs:site:');
}

/** Turns tracking on: a device id and clock, so local writes from now on are queued. */
export async function startSyncTracking(db: LedeDB): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    if (await db.syncState.get('state')) return;
    const device = newDeviceId();
    await db.syncState.put({ name: 'state', device, clock: formatHlc({ wall: 0, counter: 0, device }), nextSeq: 1, etags: {}, seeded: false });
  });
}

/** Turns sync off and forgets it: versions, outbox and device id (turning it on again starts as a new device). */
export async function stopSyncTracking(db: LedeDB): Promise<void> {
  await db.transaction('rw', db.syncMeta, db.outbox, db.syncState, async () => {
    await Promise.all([db.syncMeta.clear(), db.outbox.clear(), db.syncState.clear()]);
  });
}

/** The settings area as stores see it, with every change of a synced key queued for sync. */
export function trackSettings(area: KeyValueArea, db: LedeDB): KeyValueArea {
  return {
    get: (keys) => area.get(keys),
    set: async (items) => {
      await area.set(items);
      await queueSettings(db, Object.entries(items).filter(([key]) => isSyncedSetting(key)).map(([key, value]) => ({ key, value: { value } })));
    },
    remove: async (keys) => {
      await area.remove(keys);
      await queueSettings(db, (typeof keys === 'string' ? [keys] : keys).filter(isSyncedSetting).map((key) => ({ key, value: null })));
    },
  };
}

async function queueSettings(db: LedeDB, changes: { key: string; value: { value: unknown } | null }[]): Promise<void> {
  if (changes.length === 0) return;
  await db.transaction('rw', db.syncMeta, db.outbox, db.syncState, async () => {
    const state = await db.syncState.get('state');
    if (!state) return;
    const previous = await db.syncMeta.bulkGet(changes.map((change) => recordKey('setting', change.key)));
    const plan = planStamps(state, 'setting', changes, previous);
    await db.syncMeta.bulkPut(plan.metas);
    await db.outbox.bulkPut(plan.queued);
    await db.syncState.put(plan.state);
  });
}

function articlePayload(row: ArticlePayload): ArticlePayload {
  return { url: row.url, title: row.title, site: row.site, seenAt: row.seenAt, entities: row.entities, quotes: row.quotes };
}

function articleRow(payload: ArticlePayload): ArticleRow {
  const row = articlePayload(payload);
  return { ...row, ...articleIndexes(row.url, row.entities) };
}

function isArticlePayload(value: ArticlePayload, url: string): boolean {
  return value.url === url && typeof value.title === 'string' && typeof value.site === 'string' && Number.isFinite(value.seenAt) && Array.isArray(value.entities) && value.entities.every((e) => typeof e?.name === 'string') && Array.isArray(value.quotes);
}

/** A note from the server as a stored row, or null when it isn't a valid note. */
function noteRow(payload: unknown, id: string): Annotation | null {
  try {
    const note = parseAnnotation(payload);
    return note.id === id ? note : null;
  } catch {
    return null;
  }
}

function versionOf(meta: SyncMetaRow): Pick<SyncRecord, 'hlc' | 'life' | 'seen' | 'bodyEdit'> {
  return meta.bodyEdit ? { hlc: meta.hlc, life: meta.life, seen: meta.seen, bodyEdit: meta.bodyEdit } : { hlc: meta.hlc, life: meta.life, seen: meta.seen };
}

export class DexieLocalStore implements LocalStore {
  constructor(private readonly db: LedeDB, private readonly settings: SettingsArea) {}

  private async state(): Promise<SyncStateRow> {
    const state = await this.db.syncState.get('state');
    if (!state) throw new Error('Sync is off on this device');
    return state;
  }

  async loadState(): Promise<SyncState> {
    const state = await this.state();
    return { etags: { ...state.etags }, seeded: state.seeded };
  }

  async saveState(next: SyncState): Promise<void> {
    await this.db.transaction('rw', this.db.syncState, async () => {
      const state = await this.state();
      await this.db.syncState.put({ ...state, etags: { ...next.etags }, seeded: next.seeded });
    });
  }

  async read(keys: readonly RecordKey[]): Promise<Map<RecordKey, SyncRecord>> {
    const metas = await this.db.syncMeta.bulkGet([...keys]);
    return this.withPayloads(metas.filter((meta): meta is SyncMetaRow => meta !== undefined));
  }

  async readFile(file: string): Promise<SyncRecord[]> {
    return [...(await this.withPayloads(await this.db.syncMeta.where('file').equals(file).toArray())).values()];
  }

  /** Records from their versions and the stored notes, articles and settings. */
  private async withPayloads(metas: readonly SyncMetaRow[]): Promise<Map<RecordKey, SyncRecord>> {
    const parts = metas.map((meta) => ({ meta, ...splitRecordKey(meta.key) }));
    const live = (kind: RecordKind): string[] => parts.filter((p) => p.kind === kind && !p.meta.deleted).map((p) => p.id);
    const [notes, articles, settings] = await Promise.all([
      this.db.annotations.bulkGet(live('note')),
      this.db.articles.bulkGet(live('article')),
      this.settings.get(live('setting')),
    ]);
    const noteById = new Map(notes.flatMap((row) => (row ? [[row.id, row] as const] : [])));
    const articleByUrl = new Map(articles.flatMap((row) => (row ? [[row.url, row] as const] : [])));
    const records = new Map<RecordKey, SyncRecord>();
    for (const { meta, kind, id } of parts) {
      const base = { id, ...versionOf(meta) };
      if (meta.raw !== undefined) {
        records.set(meta.key, meta.raw as SyncRecord);
      } else if (meta.deleted) {
        records.set(meta.key, { ...base, kind, deleted: true, payload: null } as SyncRecord);
      } else if (kind === 'note' && noteById.has(id)) {
        records.set(meta.key, { ...base, kind, deleted: false, payload: noteById.get(id)! });
      } else if (kind === 'article' && articleByUrl.has(id)) {
        records.set(meta.key, { ...base, kind, deleted: false, payload: articlePayload(articleByUrl.get(id)!) });
      } else if (kind === 'setting' && id in settings) {
        records.set(meta.key, { ...base, kind, deleted: false, payload: { value: settings[id] } });
      }
    }
    return records;
  }

  async write(records: readonly FiledRecord[], queue: boolean): Promise<void> {
    // Settings first: the area isn't transactional, and a version stored before its value would
    // hide the value from the next round's merge.
    const settings = records.filter(({ record }) => record.kind === 'setting');
    const setItems = Object.fromEntries(settings.flatMap(({ record }) => (record.kind === 'setting' && record.payload ? [[record.id, record.payload.value]] : [])));
    const removed = settings.flatMap(({ record }) => (record.deleted ? [record.id] : []));
    if (Object.keys(setItems).length > 0) await this.settings.set(setItems);
    if (removed.length > 0) await this.settings.remove(removed);
    const db = this.db;
    await db.transaction('rw', [db.annotations, db.articles, db.mentions, ...SYNC_TABLES.map((name) => db.table(name))], async (tx) => {
      applyingSync(tx.idbtrans);
      const state = await this.state();
      const clock = new HlcClock(state.device, state.clock);
      let seq = state.nextSeq;
      const metas: SyncMetaRow[] = [];
      for (const { record, file } of records) {
        clock.receive(record.hlc);
        const meta: SyncMetaRow = { key: recordKey(record.kind, record.id), ...versionOf(record as SyncMetaRow & SyncRecord), deleted: record.deleted, file };
        if (record.kind === 'note') {
          const row = record.payload && noteRow(record.payload, record.id);
          // A note this version can't store: the local row goes (a newer version replaced it) and
          // the record is kept as it came, for the file and for a later Lede.
          if (record.payload && !row) meta.raw = structuredClone(record);
          if (row) await db.annotations.put(row);
          else await db.annotations.delete(record.id);
        } else if (record.kind === 'article') {
          const valid = record.payload !== null && isArticlePayload(record.payload, record.id);
          if (record.payload && !valid) meta.raw = structuredClone(record);
          // Its entities are listed for entity pages with it (writeMentions).
          const row = valid ? articleRow(record.payload!) : null;
          if (row) await db.articles.put(row);
          else await db.articles.delete(record.id);
          await writeMentions(db, [record.id], row ? [row] : []);
        }
        metas.push(meta);
      }
      await db.syncMeta.bulkPut(metas);
      if (queue) await db.outbox.bulkPut(metas.map((meta) => ({ key: meta.key, seq: seq++ })));
      await db.syncState.put({ ...state, clock: clock.latest, nextSeq: seq });
    });
  }

  async assign(files: readonly { key: RecordKey; file: string }[]): Promise<void> {
    await this.db.transaction('rw', this.db.syncMeta, async () => {
      const metas = await this.db.syncMeta.bulkGet(files.map((f) => f.key));
      const changed = metas.flatMap((meta, i) => (meta && meta.file !== files[i]!.file ? [{ ...meta, file: files[i]!.file }] : []));
      await this.db.syncMeta.bulkPut(changed);
    });
  }

  async pending(): Promise<PendingChange[]> {
    return this.db.outbox.toArray();
  }

  async confirm(changes: readonly PendingChange[]): Promise<void> {
    await this.db.transaction('rw', this.db.outbox, async () => {
      const rows = await this.db.outbox.bulkGet(changes.map((change) => change.key));
      await this.db.outbox.bulkDelete(changes.filter((change, i) => rows[i]?.seq === change.seq).map((change) => change.key));
    });
  }

  /**
   * Queues everything stored. A record written before sync was on gets a first version stamped
   * with its own time (a note's `modified`, an article's `seenAt`; settings have none: 0), so the
   * same note on two devices merges by when it was really changed, not by when sync was turned on.
   */
  async enqueueAll(): Promise<void> {
    const db = this.db;
    const all = await this.settings.getAll();
    const settingKeys = Object.keys(all).filter(isSyncedSetting);
    await db.transaction('rw', [db.annotations, db.articles, ...SYNC_TABLES.map((name) => db.table(name))], async () => {
      const state = await this.state();
      let seq = state.nextSeq;
      const stamped: SyncMetaRow[] = [];
      const keys: string[] = [];
      const add = async (kind: RecordKind, items: { id: string; wall: number; body?: boolean }[]): Promise<void> => {
        const metaKeys = items.map((item) => recordKey(kind, item.id));
        const metas = await db.syncMeta.bulkGet(metaKeys);
        for (const [i, item] of items.entries()) {
          keys.push(metaKeys[i]!);
          if (metas[i]) continue;
          const meta: SyncMetaRow = { key: metaKeys[i]!, hlc: formatHlc({ wall: item.wall, counter: 0, device: state.device }), life: 0, seen: { [state.device]: 1 }, deleted: false };
          if (item.body) meta.bodyEdit = { device: state.device, n: 1 };
          stamped.push(meta);
        }
      };
      await add('note', (await db.annotations.toArray()).map((note) => ({ id: note.id, wall: Math.max(0, Date.parse(note.modified) || 0), body: true })));
      await add('article', (await db.articles.toArray()).map((row) => ({ id: row.url, wall: Math.max(0, Math.floor(row.seenAt) || 0) })));
      await add('setting', settingKeys.map((key) => ({ id: key, wall: 0 })));
      await db.syncMeta.bulkPut(stamped);
      const clock = new HlcClock(state.device, state.clock);
      for (const meta of stamped) clock.receive(meta.hlc);
      const queued = await db.outbox.bulkGet(keys);
      await db.outbox.bulkPut(keys.filter((_, i) => !queued[i]).map((key) => ({ key, seq: seq++ })));
      await db.syncState.put({ ...state, clock: clock.latest, nextSeq: seq });
    });
  }
}

