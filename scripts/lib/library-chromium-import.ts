// Import of the 10,000-note JSON-LD backup in real Chromium, through the library page's file
// input, into an emptied database: the time from the input's change event to the import summary
// being shown (reading the file, validating, the one IndexedDB transaction, and the list reloading).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './launch-browser';

export interface ChromiumImport {
  samplesMs: number[];
  /** Of each sample, the time until the progress bar first showed: the file read and validated, before any write. */
  parsedMs: number[];
  summary: string;
}

/** Empties Lede's notes and articles tables from an extension page. */
function emptyDatabase(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open('lede');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const tx = db.transaction(['annotations', 'articles'], 'readwrite');
          tx.objectStore('annotations').clear();
          tx.objectStore('articles').clear();
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Starts a clock on the file input's change event and stops it when the summary (or an error) shows. */
function armClock(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __ledeImportMs?: Promise<[number, number]> };
    w.__ledeImportMs = new Promise<[number, number]>((resolve, reject) => {
      const input = document.querySelector('[data-testid="import-file"]');
      if (!input) throw new Error('no import input');
      input.addEventListener(
        'change',
        () => {
          const start = performance.now();
          let parsed = -1;
          // No named inner functions here: tsx's keepNames would wrap them in a __name() the page lacks.
          new MutationObserver((_records, observer) => {
            const error = document.querySelector('[data-testid="import-error"]');
            if (parsed < 0 && document.querySelector('[data-testid="import-progress"]')) parsed = performance.now() - start;
            if (error) {
              observer.disconnect();
              reject(new Error(error.textContent ?? 'import error'));
            } else if (document.querySelector('[data-testid="import-summary"]')) {
              observer.disconnect();
              resolve([performance.now() - start, parsed]);
            }
          }).observe(document.body, { childList: true, subtree: true });
        },
        { capture: true, once: true },
      );
    });
  });
}

export async function measureChromiumImport(browser: ExtensionBrowser, jsonLd: string, runs: number): Promise<ChromiumImport> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lede-bench-import-'));
  const file = path.join(dir, 'lede-notes-10000.jsonld');
  writeFileSync(file, jsonLd);
  const page = await browser.context.newPage();
  const url = `chrome-extension://${browser.extensionId}/library.html`;
  const samplesMs: number[] = [];
  const parsedMs: number[] = [];
  let summary = '';
  try {
    for (let run = 0; run < runs; run++) {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForSelector('[data-testid="import-file"]', { timeout: 15_000 });
      await emptyDatabase(page);
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector('[data-testid="import-file"]', { timeout: 15_000 });
      await armClock(page);
      await page.setInputFiles('[data-testid="import-file"]', file);
      const [total, parsed] = await page.evaluate(() => (window as unknown as { __ledeImportMs: Promise<[number, number]> }).__ledeImportMs);
      samplesMs.push(total);
      parsedMs.push(parsed);
      summary = (await page.textContent('[data-testid="import-summary"]')) ?? '';
    }
  } finally {
    await page.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { samplesMs, parsedMs, summary: summary.replace(/\s+/g, ' ').trim() };
}
