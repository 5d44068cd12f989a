// A large backup restored in real Chromium: a library of 7,000 notes on 200 analysed articles
// (about 9 MB of JSON: the library's export writes it compact, on one line) is exported from the
// library page, then imported through the library page of a fresh profile, which reads a file
// this size in chunks, split into its items. Every note and every article comes back exactly as
// stored, a second import of the same file only skips, and the list counts every note. (Zipped
// backups, written above 32 M characters, take the same reader: unit tests and the restore bench.)
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../lib/notes/annotation';
import type { ArticleRow } from '../../lib/background/db';
import { launchBrowser, type ExtensionBrowser } from '../../testing/harness/launch-browser';
import { libraryCorpus } from '../../testing/fixtures/library-corpus';
import { isZip } from '../../testing/e2e/library-files';
import { downloadFrom, importFile, openLibrary, textOf } from '../../testing/e2e/library-page';
import { putRows, readTables } from '../../testing/e2e/lede-idb';

const NOTES = 7_000;
const corpus = libraryCorpus({ notes: NOTES, articles: 200, seed: 7 });
const POLL = { timeout: 90_000, interval: 250 };

interface Stored {
  annotations: Annotation[];
  articles: ArticleRow[];
}

/** Writes notes and articles straight into Lede's database from an extension page, in one transaction. */
function seed(page: Page, rows: Stored): Promise<void> {
  return putRows(page, { annotations: rows.annotations, articles: rows.articles });
}

/** Everything in the notes and articles tables, sorted by key. */
function readBack(page: Page): Promise<Stored> {
  return readTables<Stored>(page, ['annotations', 'articles']);
}

const byId = (a: Annotation, b: Annotation): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byUrl = (a: ArticleRow, b: ArticleRow): number => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

let first: ExtensionBrowser;
let fresh: ExtensionBrowser;
let backup: { name: string; content: Buffer };

beforeAll(async () => {
  first = await launchBrowser();
});

afterAll(async () => {
  await first?.close();
  await fresh?.close();
});

describe('restoring a large backup into a fresh profile', () => {
  it('exports a 7,000-note library as one compact JSON-LD file', async () => {
    const library = await openLibrary(first);
    await seed(library.page, corpus);
    await library.page.reload({ waitUntil: 'load' });
    await expect.poll(() => textOf(library.page, 'library-count'), POLL).toMatch(new RegExp(`^${NOTES} notes`));
    backup = await downloadFrom(library.page, 'export-jsonld');
    expect(backup.name).toMatch(/^lede-notes-\d{4}-\d{2}-\d{2}\.jsonld$/);
    expect(isZip(backup.content)).toBe(false);
    expect(backup.content.length).toBeGreaterThan(4 * 1024 * 1024); // read in chunks, not whole
    expect(backup.content.subarray(0, 12).toString('utf8')).toBe('{"@context":'); // compact
    expect(library.errors).toEqual([]);
  });

  it('restores every note and article exactly, and lists them all', async () => {
    fresh = await launchBrowser();
    const { page, errors } = await openLibrary(fresh);
    expect((await readBack(page)).annotations).toEqual([]);
    await importFile(page, backup.name, backup.content);
    await expect.poll(() => textOf(page, 'import-summary'), POLL).toMatch(/^Added 7000, skipped 0 duplicates, rejected 0\. Also added 200 articles/);
    await expect.poll(() => textOf(page, 'library-count'), POLL).toMatch(new RegExp(`^${NOTES} notes in 200 articles`));
    const stored = await readBack(page);
    expect(stored.annotations.sort(byId)).toEqual([...corpus.annotations].sort(byId));
    expect(stored.articles.sort(byUrl)).toEqual([...corpus.articles].sort(byUrl));
    expect(errors).toEqual([]);
  });

  it('a second import of the same file adds nothing', async () => {
    const { page } = await openLibrary(fresh);
    await importFile(page, backup.name, backup.content);
    await expect.poll(() => textOf(page, 'import-summary'), POLL).toMatch(/^Added 0, skipped 7000 duplicates, rejected 0\./);
    expect((await readBack(page)).annotations).toHaveLength(NOTES);
  });
});
