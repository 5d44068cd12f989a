// Sync's tables in Lede's own IndexedDB, read and written from its service worker with the plain
// IndexedDB API (so the test doesn't go through the Dexie middleware it checks).
import type { ExtensionBrowser } from '../harness/launch-browser';

/** Puts sync's device state row, as turning sync on does: from then on local writes are tracked. */
export async function turnOnSyncTracking(browser: ExtensionBrowser, device: string): Promise<void> {
  const worker = await browser.serviceWorker();
  await worker.evaluate(async (device) => {
    await new Promise<void>((resolve, reject) => {
      const opening = indexedDB.open('lede');
      opening.onerror = () => reject(opening.error);
      opening.onsuccess = () => {
        const db = opening.result;
        const tx = db.transaction('syncState', 'readwrite');
        tx.objectStore('syncState').put({ name: 'state', device, clock: `000000000000000000-0000-${device}`, nextSeq: 1, etags: {}, seeded: false });
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  }, device);
}

export interface SyncTables {
  outbox: { key: string; seq: number }[];
  meta: { key: string; hlc: string; life: number; deleted: boolean; seen: Record<string, number>; bodyEdit?: { device: string; n: number } }[];
}

export async function readSyncTables(browser: ExtensionBrowser): Promise<SyncTables> {
  const worker = await browser.serviceWorker();
  return worker.evaluate(
    () =>
      new Promise<SyncTables>((resolve, reject) => {
        const opening = indexedDB.open('lede');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const tx = db.transaction(['outbox', 'syncMeta'], 'readonly');
          const outbox = tx.objectStore('outbox').getAll();
          const meta = tx.objectStore('syncMeta').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({ outbox: outbox.result as SyncTables['outbox'], meta: meta.result as SyncTables['meta'] });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}
