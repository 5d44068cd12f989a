// One writer, everyone told: in real Chromium, two tabs show the seed article with a note, and the
// library and the popup are open. A delete in the library takes the note off both tabs without a
// reload; Undo paints it back; an edit in the popup shows up in the library; a file imported in
// the library that adds a note for the page gets painted in both tabs. The background, the only
// writer, tells every frame showing the page and every extension page after each write.
// (How long the tabs take to repaint is written to the artifacts, single-writer-timings.json; no
// test here depends on it.)
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJsonLd } from '../../lib/exchange/jsonld';
import type { Annotation } from '../../lib/notes/annotation';
import { launchBrowser, type ExtensionBrowser } from '../../testing/harness/launch-browser';
import { openPage, openPopup, waitForLede, type OpenedPage } from '../../testing/harness/lede-page';
import { showNotesTab } from '../../testing/harness/popup-cards';
import { seedDir } from '../../testing/harness/paths';
import { serveDirectory, type StaticServer } from '../../testing/harness/static-server';
import { artifactPath } from '../../testing/e2e/artifacts';
import { importFile, libraryNoteIds, libraryNoteText, openLibrary, textOf, type OpenedLibrary } from '../../testing/e2e/library-page';
import { paintedNoteTexts } from '../../testing/e2e/note-paint';
import { getPageNotes, selectText, sendToTab, waitForEditorFrame } from '../../testing/e2e/notes-page';

const PASSAGE = 'Kerry is a congenial, keep-communicating kind of guy';
const BODY = 'Lede-writer-e2e: first thoughts';
const EDITED = 'Lede-writer-e2e: second thoughts, edited in the popup';
/** Another passage of the seed article (above the first), for the note the imported file brings. */
const IMPORTED_PASSAGE = 'Senior national-security officials, including cabinet secretaries, will meet this week';
const POLL = { timeout: 20_000, interval: 20 };

let browser: ExtensionBrowser;
let server: StaticServer;
let tabs: OpenedPage[] = [];
let library: OpenedLibrary;
let note: Annotation;
const timings: Record<string, number> = {};

/** Waits until every tab paints exactly `texts` (in page order); returns how long that took. */
async function untilBothPaint(texts: string[]): Promise<number> {
  const start = performance.now();
  await Promise.all(tabs.map((tab) => expect.poll(() => paintedNoteTexts(tab.page), POLL).toEqual(texts)));
  return Math.round(performance.now() - start);
}

beforeAll(async () => {
  server = await serveDirectory(seedDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  writeFileSync(artifactPath('single-writer-timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
  await browser?.close();
  await server?.close();
});

async function clickNoteCheckbox(page: Page, id: string): Promise<void> {
  await page.click(`[data-testid="library-note"][data-note-id="${id}"] input[type="checkbox"]`);
}

describe('the background tells every tab and page after each write', () => {
  it('shows a note made in one tab in a second tab on the page and in the library', async () => {
    const url = server.url('page-restored.html');
    const first = await openPage(browser, url);
    expect(await waitForLede(browser, first, 30_000), 'Lede never painted the seed page').toBe(true);
    // The note, written from the keyboard in the first tab as a reader does.
    await first.page.bringToFront();
    expect(await selectText(first.page, 'article', PASSAGE)).toBe(true);
    expect(await sendToTab(browser, first.tabId, { type: 'startNote' })).toEqual({ ok: true });
    await waitForEditorFrame(first.page);
    await first.page.keyboard.type(BODY);
    await first.page.keyboard.press('Control+Enter');
    await expect.poll(() => paintedNoteTexts(first.page), POLL).toEqual([PASSAGE]);
    const answer = await getPageNotes(browser, first.tabId);
    if ('harnessError' in answer) throw new Error(answer.harnessError);
    note = answer.notes[0]!.annotation as unknown as Annotation;

    const second = await openPage(browser, url);
    expect(await waitForLede(browser, second, 30_000), 'Lede never painted the second tab').toBe(true);
    tabs = [first, second];
    await untilBothPaint([PASSAGE]);
    library = await openLibrary(browser);
    await expect.poll(() => libraryNoteIds(library.page), POLL).toEqual([note.id]);
  });

  it('a delete in the library takes the note off both tabs, and Undo paints it back', async () => {
    await clickNoteCheckbox(library.page, note.id);
    await library.page.click('[data-testid="delete-selected"]');
    timings.deleteRepaintMs = await untilBothPaint([]);
    await expect.poll(() => libraryNoteIds(library.page), POLL).toEqual([]);

    await library.page.click('[data-testid="library-undo-button"]');
    timings.undoRepaintMs = await untilBothPaint([PASSAGE]);
    await expect.poll(() => libraryNoteIds(library.page), POLL).toEqual([note.id]);
  });

  it('an edit in the popup shows up in the library', async () => {
    const { page: popup, errors } = await openPopup(browser, tabs[0]!.tabId);
    try {
      await showNotesTab(popup);
      await popup.waitForSelector('[data-testid="notes"][data-state="ready"]', { timeout: 15_000 });
      await popup.click(`[data-testid="note"][data-note-id="${note.id}"] [data-testid="note-edit"]`);
      await popup.fill('[data-testid="note-editor-body"]', EDITED);
      const start = performance.now();
      await popup.click('[data-testid="note-editor-save"]');
      await expect.poll(() => libraryNoteText(library.page, note.id), POLL).toContain(EDITED);
      timings.popupEditToLibraryMs = Math.round(performance.now() - start);
      expect(errors).toEqual([]);
    } finally {
      await popup.close();
    }
  });

  it('a note imported in the library is painted in both tabs', async () => {
    const imported: Annotation = {
      ...note,
      id: 'urn:uuid:6f1c1a5e-0d0e-4f55-9a51-3c0f2f7a8b11',
      body: 'Lede-writer-e2e: imported',
      target: {
        source: note.target.source,
        selector: [
          { type: 'TextQuoteSelector', exact: IMPORTED_PASSAGE, prefix: '', suffix: '' },
          // Not where the passage is: the quote finds it.
          { type: 'TextPositionSelector', start: 0, end: IMPORTED_PASSAGE.length },
        ],
      },
    };
    await library.page.bringToFront();
    const start = performance.now();
    await importFile(library.page, 'one-note.jsonld', exportJsonLd([imported]));
    await expect.poll(() => textOf(library.page, 'import-summary'), POLL).toMatch(/^Added 1, skipped 0 duplicates, rejected 0/);
    timings.importToSummaryMs = Math.round(performance.now() - start);
    timings.importRepaintAfterSummaryMs = await untilBothPaint([IMPORTED_PASSAGE, PASSAGE]);
    expect(library.errors).toEqual([]);
  });
});
