// Imports in real Chromium through the library page's file input, of the file the library's own
// export writes (compact JSON-LD, zipped when large):
// - measureChromiumImport: the 10,000-note backup into an emptied database, several runs: the
//   time from the input's change event to the import summary being shown (reading, checking, the
//   one IndexedDB transaction);
// - measureChromiumRestore: a 100,000-note backup into a fresh profile, once: the time to the
//   summary and to the list showing every note, with the longest main-thread task and the longest
//   gap between animation frames seen meanwhile (the page must stay responsive throughout).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../testing/harness/launch-browser';
import { clearTables } from '../../testing/e2e/lede-idb';

export interface BackupFileForBench {
  name: string;
  content: string | Uint8Array;
}

export interface ChromiumImport {
  samplesMs: number[];
  /** Of each sample, the time until the write began: the file read and checked, before any write. */
  parsedMs: number[];
  summary: string;
}

export interface ChromiumRestore {
  /** Change event → import summary shown. */
  summaryMs: number;
  /** Change event → the list counts every note (read back, indexed for search, first page shown). */
  listedMs: number;
  /** Change event → the write began. */
  parsedMs: number;
  /** Longest main-thread task (PerformanceObserver "longtask"), and how many went over 200 ms. */
  longestTaskMs: number;
  longTasksOver200: number;
  /** Longest gap between two animation frames. */
  longestFrameMs: number;
  frames: number;
  /** Tasks over 100 ms: when they started (ms after the change event) and how long they took. */
  worstTasks: { atMs: number; ms: number }[];
  /** When each phase began (progress bar's phase, then indexing and listing). */
  phases: { phase: string; atMs: number }[];
  summary: string;
  count: string;
  fileBytes: number;
}

/** Empties Lede's notes and articles tables from an extension page. */
function emptyDatabase(page: Page): Promise<void> {
  return clearTables(page, ['annotations', 'articles']);
}

// In-page code as a string: tsx's keepNames would wrap named functions in a __name() the page lacks.
// Starts a clock (and frame and long-task watchers) on the import input's change event; resolves
// when the summary shows and the list's count reads `until`, or rejects on an import error.
const ARM_CLOCK = `(until) => {
  const w = window;
  w.__ledeImport = new Promise((resolve, reject) => {
    const input = document.querySelector('[data-testid="import-file"]');
    if (!input) throw new Error('no import input');
    input.addEventListener('change', () => {
      const start = performance.now();
      const out = { summaryMs: -1, listedMs: -1, parsedMs: -1, longestTaskMs: 0, longTasksOver200: 0, longestFrameMs: 0, frames: 0, worstTasks: [], phases: [] };
      let phase = 'start';
      const note = (entry) => {
        out.longestTaskMs = Math.max(out.longestTaskMs, entry.duration);
        if (entry.duration > 200) out.longTasksOver200 += 1;
        if (entry.duration > 100) out.worstTasks.push({ atMs: Math.round(entry.startTime - start), ms: Math.round(entry.duration) });
      };
      const tasks = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) note(entry);
      });
      tasks.observe({ type: 'longtask' });
      let last = start;
      let done = false;
      const frame = (now) => {
        out.longestFrameMs = Math.max(out.longestFrameMs, now - last);
        out.frames += 1;
        last = now;
        if (!done) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      const check = (observer) => {
        const error = document.querySelector('[data-testid="import-error"]');
        const progress = document.querySelector('[data-testid="import-progress"]');
        if (out.parsedMs < 0 && progress && progress.getAttribute('data-phase') === 'writing') out.parsedMs = performance.now() - start;
        const now = (progress && progress.getAttribute('data-phase')) || (document.querySelector('[data-testid="library-indexing"]') ? 'indexing' : out.summaryMs >= 0 ? 'listing' : phase);
        if (now !== phase) {
          phase = now;
          out.phases.push({ phase, atMs: Math.round(performance.now() - start) });
        }
        if (error) {
          done = true;
          observer.disconnect();
          tasks.disconnect();
          reject(new Error(error.textContent || 'import error'));
          return;
        }
        if (out.summaryMs < 0 && document.querySelector('[data-testid="import-summary"]')) out.summaryMs = performance.now() - start;
        const count = document.querySelector('[data-testid="library-count"]');
        if (out.summaryMs >= 0 && count && count.textContent.startsWith(until)) {
          out.listedMs = performance.now() - start;
          observer.disconnect();
          // One more frame, so a long task that ends the work is counted too.
          requestAnimationFrame(() => setTimeout(() => {
            done = true;
            for (const entry of tasks.takeRecords()) note(entry);
            tasks.disconnect();
            resolve(out);
          }, 50));
        }
      };
      const observer = new MutationObserver(() => check(observer));
      observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    }, { capture: true, once: true });
  });
}`;

type Measured = Omit<ChromiumRestore, 'summary' | 'count' | 'fileBytes'>;

async function importThroughPage(page: Page, file: string, until: string): Promise<Measured> {
  await page.evaluate(`(${ARM_CLOCK})(${JSON.stringify(until)})`);
  await page.setInputFiles('[data-testid="import-file"]', file);
  return page.evaluate('window.__ledeImport') as Promise<Measured>;
}

function writeTemp(file: BackupFileForBench): { dir: string; path: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lede-bench-import-'));
  const at = path.join(dir, file.name);
  writeFileSync(at, file.content);
  return { dir, path: at };
}

async function openLibraryPage(page: Page, browser: ExtensionBrowser): Promise<void> {
  await page.goto(`chrome-extension://${browser.extensionId}/library.html`, { waitUntil: 'load' });
  await page.waitForSelector('[data-testid="import-file"]', { timeout: 30_000 });
}

export async function measureChromiumImport(browser: ExtensionBrowser, backup: BackupFileForBench, notes: number, runs: number): Promise<ChromiumImport> {
  const { dir, path: file } = writeTemp(backup);
  const page = await browser.context.newPage();
  const samplesMs: number[] = [];
  const parsedMs: number[] = [];
  let summary = '';
  try {
    for (let run = 0; run < runs; run++) {
      await openLibraryPage(page, browser);
      await emptyDatabase(page);
      await openLibraryPage(page, browser);
      const measured = await importThroughPage(page, file, `${notes} notes`);
      samplesMs.push(measured.summaryMs);
      parsedMs.push(measured.parsedMs);
      summary = (await page.textContent('[data-testid="import-summary"]')) ?? '';
    }
  } finally {
    await page.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { samplesMs, parsedMs, summary: summary.replace(/\s+/g, ' ').trim() };
}

/** One restore into the (fresh) profile of `browser`, whose library must be empty. */
export async function measureChromiumRestore(browser: ExtensionBrowser, backup: BackupFileForBench, notes: number): Promise<ChromiumRestore> {
  const { dir, path: file } = writeTemp(backup);
  const page = await browser.context.newPage();
  page.setDefaultTimeout(300_000);
  try {
    await openLibraryPage(page, browser);
    const measured = await importThroughPage(page, file, `${notes} notes`);
    const summary = ((await page.textContent('[data-testid="import-summary"]')) ?? '').replace(/\s+/g, ' ').trim();
    const count = ((await page.textContent('[data-testid="library-count"]')) ?? '').trim();
    return { ...measured, summary, count, fileBytes: backup.content.length };
  } finally {
    await page.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
