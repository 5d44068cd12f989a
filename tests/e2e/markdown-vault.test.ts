// Re-exporting Markdown into a note vault, end to end in real Chromium: notes on two articles are
// exported from the library as a zip and unzipped into a directory (the "vault"); then one note is
// edited in the popup and a second note is written on the same article, and the new export is
// unzipped over the same directory. The vault keeps the same files (no copy for the same article),
// the edited note's new text sits under its own `^lede-<id>` block in the same file, the new note
// joins that file, and the old text is gone from every file.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteBlockId } from '../../lib/exchange/markdown-names';
import { launchBrowser, type ExtensionBrowser } from '../../testing/harness/launch-browser';
import { openPage, openPopup, waitForLede, type OpenedPage } from '../../testing/harness/lede-page';
import { seedDir, sharedDir } from '../../testing/harness/paths';
import { showNotesTab } from '../../testing/harness/popup-cards';
import { serveDirectory, type StaticServer } from '../../testing/harness/static-server';
import { isZip, unzipText } from '../../testing/e2e/library-files';
import { chooseExportScope, downloadFrom, libraryNoteIds, libraryNoteText, openLibrary, type OpenedLibrary } from '../../testing/e2e/library-page';
import { paintedNoteTexts } from '../../testing/e2e/note-paint';
import { getPageNotes, selectText, sendToTab, waitForEditorFrame } from '../../testing/e2e/notes-page';

const fixturesDir = path.join(sharedDir, 'fixtures');
const POLL = { timeout: 15_000, interval: 100 };

const SEED_PAGE = `${path.relative(fixturesDir, seedDir)}/page-restored.html`;
const SEED_PASSAGE = 'Kerry is a congenial, keep-communicating kind of guy';
/** Above the first passage on the seed page, for the note added before the second export. */
const SEED_SECOND_PASSAGE = 'Senior national-security officials, including cabinet secretaries, will meet this week';
const BBC_PAGE = 'news-pages/bbc-news-bbc-1/page.html';
const BBC_PASSAGE = 'a gunman opened fire at a cinema in the US state of Louisiana';

/** Words found nowhere else, so finding one in a file means that note's text is there. */
const OLD_BODY = 'Lede-vault-e2e: quince, the first reading';
const EDITED_BODY = 'Lede-vault-e2e: tamarind, the second reading after an edit';
const NEW_BODY = 'Lede-vault-e2e: kumquat, a note added later';
const BBC_BODY = 'Lede-vault-e2e: persimmon on the Louisiana story';

let browser: ExtensionBrowser;
let server: StaticServer;
let library: OpenedLibrary;
let vault: string;
let seedTab: OpenedPage;
let seedNoteId: string;
let addedNoteId: string;
let firstExport: Record<string, string>;

/** Selects the passage in the open tab and writes a note on it from the keyboard; returns the new note's id. */
async function writeNote(opened: OpenedPage, container: string, passage: string, body: string): Promise<string> {
  const before = await getPageNotes(browser, opened.tabId);
  if ('harnessError' in before) throw new Error(`getPageNotes: ${before.harnessError}`);
  await opened.page.bringToFront();
  expect(await selectText(opened.page, container, passage), `${passage} not on the page`).toBe(true);
  expect(await sendToTab(browser, opened.tabId, { type: 'startNote' })).toEqual({ ok: true });
  await waitForEditorFrame(opened.page);
  await opened.page.keyboard.type(body);
  await opened.page.keyboard.press('Control+Enter');
  await expect.poll(() => paintedNoteTexts(opened.page), POLL).toContain(passage);
  const after = await getPageNotes(browser, opened.tabId);
  if ('harnessError' in after) throw new Error(`getPageNotes: ${after.harnessError}`);
  const known = new Set(before.notes.map((n) => n.annotation.id));
  const added = after.notes.filter((n) => !known.has(n.annotation.id));
  expect(added.map((n) => n.annotation.body)).toEqual([body]);
  return added[0]!.annotation.id;
}

async function openAnalysed(page: string): Promise<OpenedPage> {
  const opened = await openPage(browser, server.url(page));
  expect(await waitForLede(browser, opened, 30_000), `Lede never painted ${page}`).toBe(true);
  return opened;
}

/** Exports every note as Markdown from the library and unzips it into the vault, over what is there. */
async function exportIntoVault(page: Page): Promise<Record<string, string>> {
  await page.bringToFront();
  await chooseExportScope(page, 'all');
  const file = await downloadFrom(page, 'export-markdown');
  expect(isZip(file.content), `the Markdown export of two articles is a zip, got ${file.name}`).toBe(true);
  const entries = unzipText(file.content);
  for (const [name, text] of Object.entries(entries)) {
    const target = path.join(vault, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return entries;
}

/** Every file in the vault (relative paths, sorted) with its text. */
function readVault(): Record<string, string> {
  const files = readdirSync(vault, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  const out: Record<string, string> = {};
  for (const entry of files) {
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(vault, full)] = readFileSync(full, 'utf8');
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** The note's section of an article file: from its `^lede-<id>` line to the next note's quote (or the end). */
function sectionOf(text: string, noteId: string): string | null {
  const marker = `\n^${noteBlockId(noteId)}\n`;
  const start = text.indexOf(marker);
  if (start < 0 || text.indexOf(marker, start + 1) >= 0) return null;
  const next = text.indexOf('\n\n> ', start);
  return text.slice(start, next < 0 ? undefined : next);
}

function fileHolding(files: Record<string, string>, needle: string): [string, string] | undefined {
  return Object.entries(files).find(([, text]) => text.includes(needle));
}

beforeAll(async () => {
  vault = mkdtempSync(path.join(os.tmpdir(), 'lede-vault-'));
  server = await serveDirectory(fixturesDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (vault) rmSync(vault, { recursive: true, force: true });
});

describe('re-exporting Markdown into a note vault', () => {
  it('exports notes on two articles as a zip, unzipped into the vault', async () => {
    const bbc = await openAnalysed(BBC_PAGE);
    const bbcNoteId = await writeNote(bbc, 'body', BBC_PASSAGE, BBC_BODY);
    await bbc.page.close();
    seedTab = await openAnalysed(SEED_PAGE);
    seedNoteId = await writeNote(seedTab, 'article', SEED_PASSAGE, OLD_BODY);

    library = await openLibrary(browser);
    await expect.poll(async () => (await libraryNoteIds(library.page)).sort(), POLL).toEqual([bbcNoteId, seedNoteId].sort());
    firstExport = await exportIntoVault(library.page);
    const files = readVault();
    expect(Object.keys(files).filter((name) => name.endsWith('.md'))).toHaveLength(2);
    const [, seedFile] = fileHolding(files, OLD_BODY)!;
    expect(sectionOf(seedFile, seedNoteId)).toContain(OLD_BODY);
  });

  it('after an edit in the popup and a new note on the same article, a second export updates the same files in place', async () => {
    const namesBefore = Object.keys(readVault());
    const [seedName] = fileHolding(readVault(), OLD_BODY)!;
    const [bbcName, bbcBefore] = fileHolding(readVault(), BBC_BODY)!;

    // The edit, in the popup's Notes tab for the seed tab, as a reader makes it.
    const { page: popup, errors } = await openPopup(browser, seedTab.tabId);
    try {
      await showNotesTab(popup);
      await popup.waitForSelector('[data-testid="notes"][data-state="ready"]', { timeout: 15_000 });
      await popup.click(`[data-testid="note"][data-note-id="${seedNoteId}"] [data-testid="note-edit"]`);
      await popup.fill('[data-testid="note-editor-body"]', EDITED_BODY);
      await popup.click('[data-testid="note-editor-save"]');
      await expect.poll(() => libraryNoteText(library.page, seedNoteId), POLL).toContain(EDITED_BODY);
      expect(errors).toEqual([]);
    } finally {
      await popup.close();
    }
    // A second note on the same article, written in the page's editor.
    addedNoteId = await writeNote(seedTab, 'article', SEED_SECOND_PASSAGE, NEW_BODY);
    await expect.poll(() => libraryNoteIds(library.page), POLL).toContain(addedNoteId);

    const secondExport = await exportIntoVault(library.page);
    expect(Object.keys(secondExport).sort()).toEqual(Object.keys(firstExport).sort());
    const files = readVault();
    // The same files, no copy for the same article.
    expect(Object.keys(files)).toEqual(namesBefore);
    // The edit replaced the old text in the same file, under the note's own block id.
    const seedFile = files[seedName]!;
    const edited = sectionOf(seedFile, seedNoteId);
    expect(edited, `no single ^${noteBlockId(seedNoteId)} block in ${seedName}`).not.toBeNull();
    expect(edited).toContain(EDITED_BODY);
    expect(edited).not.toContain(NEW_BODY);
    // The new note joined that file, under its own block id.
    expect(sectionOf(seedFile, addedNoteId)).toContain(NEW_BODY);
    expect(fileHolding(files, NEW_BODY)?.[0]).toBe(seedName);
    // The old text is gone from every file in the vault; the other article's file is as it was.
    expect(Object.entries(files).filter(([, text]) => text.includes(OLD_BODY)).map(([name]) => name)).toEqual([]);
    expect(files[bbcName]).toBe(bbcBefore);
  });

  it('raised no errors on the library page', () => {
    expect(library.errors).toEqual([]);
  });
});
