// Lede's own IndexedDB (the Dexie 'lede' database) read and written from an extension page or the
// service worker with the plain IndexedDB API: a test then depends neither on Dexie's internals
// nor on the Dexie middleware it may be checking. Each call is one transaction.
import type { Page, Worker } from 'playwright-core';

/** Where the database is reached: an extension page, or the background's service worker. */
export type ExtensionContext = Page | Worker;

type Operation =
  | { kind: 'read'; tables: string[] }
  | { kind: 'count'; tables: string[] }
  | { kind: 'clear'; tables: string[] }
  | { kind: 'put'; rows: Record<string, unknown[]> };

/** Runs in the page or worker: it must be self-contained (Playwright sends its source). */
function runOperation(operation: Operation): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open('lede');
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const db = opening.result;
      const tables = operation.kind === 'put' ? Object.keys(operation.rows) : operation.tables;
      const tx = db.transaction(tables, operation.kind === 'read' || operation.kind === 'count' ? 'readonly' : 'readwrite');
      const requests: Record<string, IDBRequest> = {};
      for (const table of tables) {
        const store = tx.objectStore(table);
        if (operation.kind === 'read') requests[table] = store.getAll();
        else if (operation.kind === 'count') requests[table] = store.count();
        else if (operation.kind === 'clear') store.clear();
        else for (const row of operation.rows[table]!) store.put(row);
      }
      tx.oncomplete = () => {
        db.close();
        resolve(Object.fromEntries(Object.entries(requests).map(([table, request]) => [table, request.result])));
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

function run(context: ExtensionContext, operation: Operation): Promise<Record<string, unknown>> {
  // Page and Worker have the same evaluate; TypeScript can't call it through their union.
  return (context as Page).evaluate(runOperation, operation);
}

/** Every row of each table, by table name. */
export async function readTables<T extends { [K in keyof T]: unknown[] }>(context: ExtensionContext, tables: (keyof T & string)[]): Promise<T> {
  return (await run(context, { kind: 'read', tables })) as T;
}

/** How many rows a table holds. */
export async function countRows(context: ExtensionContext, table: string): Promise<number> {
  return (await run(context, { kind: 'count', tables: [table] }))[table] as number;
}

/** Empties the tables (as a reader starting on a new machine would have them). */
export async function clearTables(context: ExtensionContext, tables: string[]): Promise<void> {
  await run(context, { kind: 'clear', tables });
}

/** Writes rows straight into the tables, by table name. */
export async function putRows(context: ExtensionContext, rows: Record<string, unknown[]>): Promise<void> {
  await run(context, { kind: 'put', rows });
}
