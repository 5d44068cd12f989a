// Sync's outbox in real Chromium: with sync on, the reader's writes on the seed article (the
// article remembered in the reading history, a note saved from the keyboard, then deleted from
// the popup) each stamp a version and queue the record, through the Dexie middleware in the
// background's real IndexedDB (lib/background/sync-tracking.ts). Before sync is on, nothing is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../testing/harness/launch-browser';
import { openPopup, waitForLede, type OpenedPage } from '../../testing/harness/lede-page';
import type { StaticServer } from '../../testing/harness/static-server';
import { paintedNoteTexts } from '../../testing/e2e/note-paint';
import { getPageNotes, selectText, sendToTab, waitForEditorFrame } from '../../testing/e2e/notes-page';
import { readSyncTables, turnOnSyncTracking } from '../../testing/e2e/sync-tables';
import { storedArticleUrls } from '../../testing/e2e/stored-articles';
import { showNotesTab } from '../../testing/harness/popup-cards';
import { closeBrowserSession, openSeedArticle } from '../../testing/e2e/browser-session';

const PASSAGE = 'Kerry is a congenial, keep-communicating kind of guy';
const DEVICE = 'e2e0000000000001';
const POLL = { timeout: 15_000, interval: 100 };

let browser: ExtensionBrowser;
let server: StaticServer;
let opened: OpenedPage;
let noteId = '';

beforeAll(async () => {
  let painted: boolean;
  ({ browser, server, article: opened, painted } = await openSeedArticle(30_000));
  expect(painted, 'Lede never painted the seed page').toBe(true);
});

afterAll(() => closeBrowserSession({ browser, server }));

describe('sync tracking in the browser', () => {
  it('queues nothing while sync is off', async () => {
    // The article is stored (history is on by default) once Lede has analysed the page.
    await expect.poll(async () => (await storedArticleUrls(browser)).length, POLL).toBe(1);
    expect(await readSyncTables(browser)).toEqual({ outbox: [], meta: [] });
  });

  it('queues a note saved from the keyboard, with its body as a body edit', async () => {
    await turnOnSyncTracking(browser, DEVICE);
    const { page } = opened;
    await page.bringToFront();
    expect(await selectText(page, 'article', PASSAGE)).toBe(true);
    expect(await sendToTab(browser, opened.tabId, { type: 'startNote' })).toEqual({ ok: true });
    await waitForEditorFrame(page);
    await page.keyboard.type('Lede-sync-e2e: a note to sync');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => paintedNoteTexts(page), POLL).toEqual([PASSAGE]);
    const answer = await getPageNotes(browser, opened.tabId);
    if ('harnessError' in answer) throw new Error(answer.harnessError);
    noteId = answer.notes[0]!.annotation.id;
    const key = `note\u0000${noteId}`;
    await expect.poll(async () => (await readSyncTables(browser)).outbox.map((row) => row.key), POLL).toContain(key);
    const meta = (await readSyncTables(browser)).meta.find((row) => row.key === key);
    expect(meta).toMatchObject({ life: 0, deleted: false, seen: { [DEVICE]: 1 }, bodyEdit: { device: DEVICE, n: 1 } });
    expect(meta!.hlc).toMatch(new RegExp(`^\\d{18}-[0-9a-f]{4}-${DEVICE}$`));
  });

  it('queues the article when the reader comes back to it', async () => {
    await opened.page.reload({ waitUntil: 'load' });
    expect(await waitForLede(browser, opened, 30_000)).toBe(true);
    await expect.poll(async () => (await readSyncTables(browser)).outbox.map((row) => row.key.split('\u0000')[0]), POLL).toContain('article');
  });

  it('turns a note deleted from the popup into a queued tombstone', async () => {
    const key = `note\u0000${noteId}`;
    const before = (await readSyncTables(browser)).outbox.find((row) => row.key === key)!.seq;
    const { page: popup, errors } = await openPopup(browser, opened.tabId);
    try {
      await showNotesTab(popup);
      await popup.waitForSelector('[data-testid="notes"][data-state="ready"]', { timeout: 15_000 });
      await popup.click(`[data-note-id="${noteId}"] [data-testid="note-delete"]`);
      await expect.poll(async () => (await readSyncTables(browser)).meta.find((row) => row.key === key)?.deleted, POLL).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await popup.close();
    }
    const tables = await readSyncTables(browser);
    expect(tables.meta.find((row) => row.key === key)).toMatchObject({ life: 1, deleted: true, seen: { [DEVICE]: 2 } });
    expect(tables.outbox.find((row) => row.key === key)!.seq).toBeGreaterThan(before);
  });
});
