// Driving Lede's notes from a test: select words in the article, ask the content script to open
// the note editor (as Alt+Shift+N and the context menu do), wait for its frame, read the page's
// notes, and search everything a page can read for a string. What is painted: note-paint.ts.
import type { Frame, Page, Worker } from 'playwright-core';
import type { ExtensionBrowser } from '../harness/launch-browser';
import { within } from './within';
import { noteHighlightsIn, notesHostIn, pageCanReadIn, pageDatabaseNamesIn, selectTextIn } from './in-page';

interface ChromeInWorker {
  chrome: { tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> } };
}

/** How long a tab may take to answer one message before the harness reports it as unanswered. */
const TAB_ANSWER_MS = 30_000;

/**
 * Sends a message to the tab's content script from the service worker; errors come back as
 * { harnessError }, and so does a tab that does not answer (rather than hanging the test).
 */
export async function sendToTab(browser: ExtensionBrowser, tabId: number, message: unknown): Promise<unknown> {
  const worker = await browser.serviceWorker();
  const unanswered = { harnessError: `no answer from tab ${tabId} in ${TAB_ANSWER_MS / 1000} s to ${JSON.stringify(message).slice(0, 80)}` };
  return within(sendFrom(worker, tabId, message), TAB_ANSWER_MS, unanswered);
}

function sendFrom(worker: Worker, tabId: number, message: unknown): Promise<unknown> {
  return worker.evaluate(
    async ({ tabId, message }) => {
      const { chrome } = globalThis as unknown as ChromeInWorker;
      try {
        return await chrome.tabs.sendMessage(tabId, message);
      } catch (error) {
        return { harnessError: String(error) };
      }
    },
    { tabId, message },
  );
}

/** Selects the first occurrence of `snippet` inside one text node under `container`, as a reader's drag would. */
export function selectText(page: Page, container: string, snippet: string): Promise<boolean> {
  return page.evaluate(selectTextIn, { container, snippet });
}

/**
 * Every `lede-note-<colour>` highlight in the registry the page shares, by name, as range texts:
 * what a page could read of the notes if Lede painted them there. Lede paints notes in its own
 * closed layer (note-paint.ts reads it), so this must stay empty.
 */
export function noteHighlightsInRegistry(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(noteHighlightsIn);
}

/** In the editor frame: whether its note field has focus, so the keyboard types into it. */
export const editorFieldFocused = (): boolean => document.hasFocus() && document.activeElement?.id === 'lede-notes-body';

const isExtensionFrame = (frame: Frame): boolean => frame.url().startsWith('chrome-extension://');

/**
 * Waits until Lede's note editor frame (an extension page inside the closed <lede-notes> root) is
 * loaded and its note field has focus, so the keyboard types into it; returns the frame.
 */
export async function waitForEditorFrame(page: Page, timeoutMs = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  const left = (): number => Math.max(1, deadline - Date.now());
  while (Date.now() < deadline) {
    const frame =
      page.frames().find(isExtensionFrame) ??
      (await page.waitForEvent('framenavigated', { predicate: isExtensionFrame, timeout: left() }).catch(() => null));
    if (!frame) break;
    // Playwright waits for the frame's document to come up, then for the focus; a frame replaced
    // meanwhile (detached) fails at once and the next one is waited for.
    const focused = await frame.waitForFunction(editorFieldFocused, undefined, { polling: 50, timeout: left() }).then(
      () => true,
      () => false,
    );
    if (focused) return frame;
  }
  throw new Error('the note editor frame never took focus');
}

/** Lede's extension frames in the page (the note editor while it is open). */
export function extensionFrames(page: Page): Frame[] {
  return page.frames().filter((f) => f.url().startsWith('chrome-extension://'));
}

export interface PageNoteAnswer {
  source: string;
  notes: {
    annotation: { id: string; body: string; tags: string[]; color: string; target: { source: string } };
    anchor: { status: 'anchored'; start: number; end: number; method: string } | { status: 'orphan'; reason: string };
  }[];
}

export async function getPageNotes(browser: ExtensionBrowser, tabId: number): Promise<PageNoteAnswer | { harnessError: string }> {
  return (await sendToTab(browser, tabId, { type: 'getPageNotes' })) as PageNoteAnswer | { harnessError: string };
}

/**
 * Every place the page itself can read where `needle` appears: its DOM (text and attributes, as
 * outerHTML serialises them, which leaves out closed shadow roots), open shadow roots, cookies,
 * window.name, localStorage, sessionStorage and every IndexedDB database of its origin.
 */
export function pageCanRead(page: Page, needle: string): Promise<string[]> {
  return page.evaluate(pageCanReadIn, needle);
}

/** How many IndexedDB databases the page's origin has (so a test can say it looked). */
export function pageDatabaseNames(page: Page): Promise<string[]> {
  return page.evaluate(pageDatabaseNamesIn);
}

/** The notes UI's host as the page sees it: { shadowRootVisible: false } when its shadow root is closed to the page. */
export function notesHost(page: Page): Promise<{ shadowRootVisible: boolean } | null> {
  return page.evaluate(notesHostIn);
}
