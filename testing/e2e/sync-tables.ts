// Sync's tables in Lede's own IndexedDB, read and written from its service worker with the plain
// IndexedDB API (so the test doesn't go through the Dexie middleware it checks).
import type { ExtensionBrowser } from '../harness/launch-browser';
import { putRows, readTables } from './lede-idb';

/** Puts sync's device state row, as turning sync on does: from then on local writes are tracked. */
export async function turnOnSyncTracking(browser: ExtensionBrowser, device: string): Promise<void> {
  const row = { name: 'state', device, clock: `000000000000000000-0000-${device}`, nextSeq: 1, etags: {}, seeded: false };
  await putRows(await browser.serviceWorker(), { syncState: [row] });
}

export interface SyncTables {
  outbox: { key: string; seq: number }[];
  meta: { key: string; hlc: string; life: number; deleted: boolean; seen: Record<string, number>; bodyEdit?: { device: string; n: number } }[];
}

export async function readSyncTables(browser: ExtensionBrowser): Promise<SyncTables> {
  const tables = await readTables<{ outbox: SyncTables['outbox']; syncMeta: SyncTables['meta'] }>(await browser.serviceWorker(), ['outbox', 'syncMeta']);
  return { outbox: tables.outbox, meta: tables.syncMeta };
}
