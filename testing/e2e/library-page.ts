// Driving Lede's library page (chrome-extension://<id>/library.html) from a test: open it, read
// the groups and notes it shows, capture an export's download, import a file, and empty the
// notes table behind its back (as a reader starting on a new machine would have it).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../harness/launch-browser';
import { watchErrors } from '../harness/lede-page';
import { clearTables, countRows } from './lede-idb';

export interface OpenedLibrary {
  page: Page;
  /** Uncaught errors and console errors since the library opened. */
  errors: string[];
}

export async function openLibrary(browser: ExtensionBrowser): Promise<OpenedLibrary> {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`chrome-extension://${browser.extensionId}/library.html`, { waitUntil: 'load' });
  await page.waitForSelector('[data-testid="library-search"]', { timeout: 15_000 });
  return { page, errors };
}

/** Opens the library and waits until it lists its notes, or says it has none. */
export async function openLibraryNotes(browser: ExtensionBrowser): Promise<OpenedLibrary & { ids: string[] }> {
  const library = await openLibrary(browser);
  await library.page.waitForSelector('[data-testid="library-note"], [data-testid="library-empty"]', { timeout: 15_000 });
  return { ...library, ids: await libraryNoteIds(library.page) };
}

/** The ids of the notes the library lists, in the order shown. */
export function libraryNoteIds(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="library-note"][data-note-id]', (items) => items.map((item) => item.getAttribute('data-note-id') ?? ''));
}

/** The data-source of each article group shown, in order. */
export function libraryGroupSources(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="library-article"][data-source]', (groups) => groups.map((g) => g.getAttribute('data-source') ?? ''));
}

/** The visible text of the note with this id, or null when it is not shown. */
export function libraryNoteText(page: Page, id: string): Promise<string | null> {
  return page.evaluate((id) => {
    const note = [...document.querySelectorAll('[data-testid="library-note"]')].find((n) => n.getAttribute('data-note-id') === id);
    return note ? (note as HTMLElement).innerText : null;
  }, id);
}

/** Picks the export scope, whether the control is a <select> or a group of radio buttons. */
export async function chooseExportScope(page: Page, scope: 'all' | 'results' | 'selection'): Promise<void> {
  const control = page.locator('[data-testid="export-scope"]');
  const tag = await control.evaluate((element) => element.localName);
  if (tag === 'select') await control.selectOption(scope);
  else await control.locator(`input[value="${scope}"]`).check();
}

export interface Downloaded {
  name: string;
  content: Buffer;
}

/** Clicks an export button and reads the file the browser downloads. */
export async function downloadFrom(page: Page, testId: string): Promise<Downloaded> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 15_000 }),
    page.click(`[data-testid="${testId}"]`),
  ]);
  const file = await download.path();
  return { name: download.suggestedFilename(), content: readFileSync(file) };
}

/** Offers a file to the import input, as a reader picking it in the file dialog. */
export async function importFile(page: Page, name: string, content: Buffer | string): Promise<void> {
  const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  await page.setInputFiles('[data-testid="import-file"]', { name, mimeType: 'application/json', buffer });
}

/** The text of a test id's element, or null while it is absent. */
export function textOf(page: Page, testId: string): Promise<string | null> {
  return page.evaluate((testId) => {
    const element = document.querySelector(`[data-testid="${testId}"]`);
    return element ? (element as HTMLElement).innerText : null;
  }, testId);
}

/** How many notes Lede's IndexedDB holds, read with the plain IndexedDB API from an extension page. */
export function storedNoteCount(page: Page): Promise<number> {
  return countRows(page, 'annotations');
}

/** Empties the annotations table (articles stay): the database a reader restores a backup into. */
export function clearStoredNotes(page: Page): Promise<void> {
  return clearTables(page, ['annotations']);
}
