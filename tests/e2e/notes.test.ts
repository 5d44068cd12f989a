// Personal notes in real Chromium on the seed article: select a passage, write a note with tags
// from the keyboard, and find it again — painted on exactly those words and listed in the popup —
// after a reload, from a link with tracking parameters, after the page rewrote the paragraph's
// DOM, and after the publisher edited the page (a paragraph added above it, a word fixed
// elsewhere). Deleting from the popup removes the highlight, Undo brings it back; a note
// whose words were rewritten is listed as an orphan and can be re-attached to a new selection;
// a deleted note stays gone after a reload. The page itself can never read the note's text: the
// note is typed in Lede's extension frame and painted in Lede's closed layer (what is painted is
// read from that layer's boxes and the words under them: testing/e2e/note-paint.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type ExtensionBrowser } from '../../testing/harness/launch-browser';
import { openPage, openPopup, waitForLede, type OpenedPage } from '../../testing/harness/lede-page';
import { showNotesTab } from '../../testing/harness/popup-cards';
import { seedDir } from '../../testing/harness/paths';
import { serveDirectory, type StaticServer } from '../../testing/harness/static-server';
import { artifactPath } from '../../testing/e2e/artifacts';
import { paintedNoteText, paintedNoteTexts, scrollToPaintedNote } from '../../testing/e2e/note-paint';
import {
  extensionFrames, getPageNotes, noteHighlightsInRegistry, pageCanRead, notesHost, pageDatabaseNames, selectText, sendToTab,
  waitForEditorFrame, type PageNoteAnswer,
} from '../../testing/e2e/notes-page';

/** The first clause of Stephen Sestanovich's quote. */
const PASSAGE = 'Kerry is a congenial, keep-communicating kind of guy';
const NOTE_BODY = 'Lede-e2e-note: Sestanovich reads Kerry as a talker, not a door-slammer';
/** Words the seed page does not contain, so finding them anywhere the page can read would be a leak. */
const TAGS = ['kerry-watch', 'europe-angle'];
const ADDED_PARAGRAPH = '<p>Editor’s note: This article was updated on Oct. 6 with reaction from European officials.</p>';
const FIXED_WORD = ['deep skepticism', 'deep scepticism'] as const;
/** What the publisher later wrote instead of the passage: too different to be the same words. */
const REWRITTEN = 'Mr. Kerry has always preferred talking to walking out';
const POLL = { timeout: 15_000, interval: 100 };

let browser: ExtensionBrowser;
let server: StaticServer;
let servedDir: string;
let opened: OpenedPage;
let articleUrl: string;
/** Where the note's passage starts in the article text of the page as first served. */
let firstStart = -1;
const original = readFileSync(path.join(seedDir, 'page-restored.html'), 'utf8');

/** Both versions of the page carry the same canonical link, so Lede files the note under one source. */
function withCanonical(html: string): string {
  return html.replace('</head>', `  <link rel="canonical" href="${articleUrl}">\n</head>`);
}

function editedVersion(html: string): string {
  const sestanovich = '<p>“Kerry is a congenial';
  if (!html.includes(sestanovich) || !html.includes(FIXED_WORD[0])) throw new Error('the seed page changed: update the edit');
  return html.replace(sestanovich, `${ADDED_PARAGRAPH}\n        ${sestanovich}`).replace(FIXED_WORD[0], FIXED_WORD[1]);
}

function rewrittenVersion(html: string): string {
  if (!html.includes(PASSAGE)) throw new Error('the seed page changed: update the rewrite');
  return html.replace(PASSAGE, REWRITTEN);
}

function serve(html: string): void {
  writeFileSync(path.join(servedDir, 'article.html'), withCanonical(html));
}

async function reloadArticle(): Promise<void> {
  await opened.page.bringToFront();
  await opened.page.reload({ waitUntil: 'load' });
  expect(await waitForLede(browser, opened, 30_000), 'Lede never painted after the reload').toBe(true);
}

async function pageNotes(): Promise<PageNoteAnswer> {
  const answer = await getPageNotes(browser, opened.tabId);
  if ('harnessError' in answer) throw new Error(`getPageNotes: ${answer.harnessError}`);
  return answer;
}

interface PopupNote {
  id: string | null;
  status: string | null;
  quote: string;
  body: string;
  tags: string[];
}

/** The popup's notes section once it has loaded: one entry per note. */
async function popupNotes(popup: Page): Promise<PopupNote[]> {
  await popup.waitForSelector('[data-testid="notes"][data-state="ready"]', { timeout: 15_000 });
  return popup.$$eval('[data-testid="note"]', (items) =>
    items.map((item) => ({
      id: item.getAttribute('data-note-id'),
      status: item.getAttribute('data-status'),
      quote: item.querySelector('[data-testid="note-quote"]')?.textContent ?? '',
      body: item.querySelector('[data-testid="note-body"]')?.textContent ?? '',
      tags: [...item.querySelectorAll('[data-testid="note-tags"] li')].map((li) => li.textContent ?? ''),
    })),
  );
}

async function withPopup<T>(use: (popup: Page) => Promise<T>): Promise<T> {
  const { page: popup, errors } = await openPopup(browser, opened.tabId);
  try {
    await showNotesTab(popup);
    const result = await use(popup);
    expect(errors).toEqual([]);
    return result;
  } finally {
    await popup.close();
  }
}

beforeAll(async () => {
  servedDir = mkdtempSync(path.join(os.tmpdir(), 'lede-notes-e2e-'));
  server = await serveDirectory(servedDir);
  articleUrl = server.url('article.html');
  serve(original);
  browser = await launchBrowser();
  opened = await openPage(browser, articleUrl);
  expect(await waitForLede(browser, opened, 30_000), 'Lede never painted the seed page').toBe(true);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (servedDir) rmSync(servedDir, { recursive: true, force: true });
});

describe('a note on the seed article', () => {
  it('opens the editor on the selected passage and saves a note with tags from the keyboard', async () => {
    const { page } = opened;
    await page.bringToFront();
    expect(await selectText(page, 'article', PASSAGE)).toBe(true);
    // What Alt+Shift+N and the context menu entry send.
    expect(await sendToTab(browser, opened.tabId, { type: 'startNote' })).toEqual({ ok: true });
    // The editor is Lede's frame inside a closed shadow root: focus shows as its host, and the
    // keyboard reaches the frame's note field.
    await waitForEditorFrame(page);
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('lede-notes');
    await page.screenshot({ path: artifactPath('notes-editor.png') });
    await page.keyboard.type(NOTE_BODY);
    await page.keyboard.press('Tab');
    await page.keyboard.type(TAGS.join(', '));
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => paintedNoteTexts(page), POLL).toEqual([PASSAGE]);
    // Saved: the frame is gone.
    expect(extensionFrames(page)).toHaveLength(0);
  });

  it('paints the note on exactly the passage, and Lede can list it', async () => {
    const { page } = opened;
    expect((await paintedNoteText(page)).paragraph).toContain('said Stephen Sestanovich');
    const answer = await pageNotes();
    expect(answer.notes).toHaveLength(1);
    const [note] = answer.notes;
    expect(note!.annotation).toMatchObject({ body: NOTE_BODY, tags: TAGS });
    expect(note!.anchor.status).toBe('anchored');
    if (note!.anchor.status === 'anchored') firstStart = note!.anchor.start;
    await scrollToPaintedNote(page);
    await page.screenshot({ path: artifactPath('notes-page.png') });
  });

  it('keeps the note text out of everything the page can read', async () => {
    const { page } = opened;
    expect(await pageCanRead(page, NOTE_BODY)).toEqual([]);
    expect(await pageCanRead(page, 'Sestanovich reads Kerry')).toEqual([]);
    for (const tag of TAGS) expect(await pageCanRead(page, tag), tag).toEqual([]);
    expect(await pageDatabaseNames(page)).toEqual([]);
    // Nor which words were noted: nothing of the note in the highlight registry the page shares.
    expect(await noteHighlightsInRegistry(page)).toEqual({});
    // Lede's notes UI is in a closed shadow root: its host is there, its inside is not reachable.
    expect(await notesHost(page)).toEqual({ shadowRootVisible: false });
  });

  it('lists the note in the popup with its quote, body and tags', async () => {
    const notes = await withPopup(async (popup) => {
      const listed = await popupNotes(popup);
      await popup.screenshot({ path: artifactPath('notes-popup.png') });
      return listed;
    });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ status: 'anchored', body: NOTE_BODY, tags: TAGS });
    expect(notes[0]!.quote).toContain('congenial');
  });

  it('paints it again after a reload, and the popup still lists it', async () => {
    await reloadArticle();
    await expect.poll(() => paintedNoteTexts(opened.page), POLL).toEqual([PASSAGE]);
    const notes = await withPopup(popupNotes);
    expect(notes.map((n) => [n.status, n.body])).toEqual([['anchored', NOTE_BODY]]);
  });

  it('finds it again from a link with tracking parameters and a fragment', async () => {
    await opened.page.bringToFront();
    await opened.page.goto(`${articleUrl}?utm_source=newsletter&utm_medium=email&fbclid=abc#comments`, { waitUntil: 'load' });
    expect(await waitForLede(browser, opened, 30_000)).toBe(true);
    await expect.poll(() => paintedNoteTexts(opened.page), POLL).toEqual([PASSAGE]);
    expect((await pageNotes()).source).toBe(articleUrl);
  });

  it('repaints it when the page rewrites the paragraph after it loaded', async () => {
    await opened.page.evaluate(() => {
      const paragraph = [...document.querySelectorAll('article p')].find((p) => p.textContent?.includes('said Stephen Sestanovich'));
      if (!paragraph) throw new Error('no Sestanovich paragraph');
      const late = document.createElement('p');
      late.textContent = 'A paragraph the page added after it loaded, as a live blog does.';
      paragraph.before(late);
      // New text nodes: the ranges painted on the old ones now point at nothing.
      paragraph.textContent = paragraph.textContent ?? '';
    });
    await expect.poll(() => paintedNoteTexts(opened.page), POLL).toEqual([PASSAGE]);
  });

  it('re-attaches it to the same words after the publisher edited the page', async () => {
    serve(editedVersion(original));
    await reloadArticle();
    expect(await opened.page.evaluate((word) => document.body.textContent?.includes(word), FIXED_WORD[1])).toBe(true);
    await expect.poll(() => paintedNoteTexts(opened.page), POLL).toEqual([PASSAGE]);
    expect((await paintedNoteText(opened.page)).paragraph).toContain('said Stephen Sestanovich');
    const after = await pageNotes();
    expect(after.notes).toHaveLength(1);
    const anchor = after.notes[0]!.anchor;
    expect(anchor.status).toBe('anchored');
    // The added paragraph moved the passage down the article text.
    expect(firstStart).toBeGreaterThan(0);
    if (anchor.status === 'anchored') expect(anchor.start).toBeGreaterThan(firstStart);
    await scrollToPaintedNote(opened.page);
    await opened.page.screenshot({ path: artifactPath('notes-page-edited.png') });
  });

  it('deletes it from the popup (the highlight goes), and Undo brings it back', async () => {
    await withPopup(async (popup) => {
      expect(await popupNotes(popup)).toHaveLength(1);
      await popup.click('[data-testid="note-delete"]');
      await popup.waitForSelector('[data-testid="note-undo"]', { timeout: 5_000 });
      await expect.poll(() => paintedNoteTexts(opened.page), POLL).toEqual([]);
      expect(await popup.$$('[data-testid="note"]')).toHaveLength(0);
      await popup.click('[data-testid="note-undo"] button');
      await expect.poll(() => paintedNoteTexts(opened.page), POLL).toEqual([PASSAGE]);
      await popup.waitForSelector('[data-testid="note"]', { timeout: 5_000 });
      expect((await popupNotes(popup)).map((n) => n.body)).toEqual([NOTE_BODY]);
    });
  });

  it('lists it as an orphan when its words are gone, and re-attaches it to newly selected words', async () => {
    serve(rewrittenVersion(original));
    await reloadArticle();
    const answer = await pageNotes();
    expect(answer.notes.map((n) => n.anchor.status)).toEqual(['orphan']);
    expect(await paintedNoteTexts(opened.page)).toEqual([]);
    await withPopup(async (popup) => {
      const [orphan] = await popupNotes(popup);
      expect(orphan).toMatchObject({ status: 'orphan', body: NOTE_BODY });
      expect(orphan!.quote).toContain('congenial');
      expect(await popup.$$('[data-testid="notes-orphans"] [data-testid="note-reattach"]')).toHaveLength(1);
      // The reader selects the new words in the article, then asks the popup to re-attach.
      expect(await selectText(opened.page, 'article', REWRITTEN)).toBe(true);
      await popup.click('[data-testid="note-reattach"]');
      await expect.poll(() => paintedNoteTexts(opened.page), POLL).toEqual([REWRITTEN]);
      await popup.waitForSelector('[data-testid="note"][data-status="anchored"]', { timeout: 5_000 });
    });
    await reloadArticle();
    await expect.poll(() => paintedNoteTexts(opened.page), POLL).toEqual([REWRITTEN]);
  });

  it('stays gone after it is deleted again and the page reloads', async () => {
    await withPopup(async (popup) => {
      await popupNotes(popup);
      await popup.click('[data-testid="note-delete"]');
      await popup.waitForSelector('[data-testid="note-undo"]', { timeout: 5_000 });
      await expect.poll(() => paintedNoteTexts(opened.page), POLL).toEqual([]);
    });
    await reloadArticle();
    expect((await pageNotes()).notes).toEqual([]);
    expect(await paintedNoteTexts(opened.page)).toEqual([]);
    expect(await withPopup(popupNotes)).toEqual([]);
  });

  it('raised no errors in the page', () => {
    expect(opened.errors).toEqual([]);
  });
});
