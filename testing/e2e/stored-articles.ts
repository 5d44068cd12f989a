// What Lede has stored in its own IndexedDB (the Dexie 'lede' database), read from its service
// worker with the plain IndexedDB API so the test does not depend on Dexie's internals.
import type { ExtensionBrowser } from '../harness/launch-browser';

/** URLs (primary keys) of the articles table; [] while the database does not exist yet. */
export async function storedArticleUrls(browser: ExtensionBrowser): Promise<string[]> {
  const worker = await browser.serviceWorker();
  return worker.evaluate(async () => {
    const known = await indexedDB.databases();
    // Opening a database that does not exist would create an empty one under Dexie's feet.
    if (!known.some((db) => db.name === 'lede')) return [];
    return new Promise<string[]>((resolve, reject) => {
      const opening = indexedDB.open('lede');
      opening.onerror = () => reject(opening.error);
      opening.onsuccess = () => {
        const db = opening.result;
        if (!db.objectStoreNames.contains('articles')) {
          db.close();
          resolve([]);
          return;
        }
        const keys = db.transaction('articles', 'readonly').objectStore('articles').getAllKeys();
        keys.onerror = () => reject(keys.error);
        keys.onsuccess = () => {
          db.close();
          resolve(keys.result.map(String));
        };
      };
    });
  });
}
