// Driving Lede's notes from a test: select words in the article, ask the content script to open
// the note editor (as Alt+Shift+N and the context menu do), read the note highlights and the
// page's notes, and search everything a page can read for a string.
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../../scripts/lib/launch-browser';
import { noteHighlightsIn, pageCanReadIn, pageDatabaseNamesIn, selectTextIn } from './in-page';

interface ChromeInWorker {
  chrome: { tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> } };
}

/** Sends a message to the tab's content script from the service worker; errors come back as { harnessError }. */
export async function sendToTab(browser: ExtensionBrowser, tabId: number, message: unknown): Promise<unknown> {
  const worker = await browser.serviceWorker();
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

/** The text of every range in every `lede-note-<color>` highlight, by highlight name. */
export function noteHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(noteHighlightsIn);
}

/** All note-highlight range texts, whatever the colour. */
export async function noteHighlightTexts(page: Page): Promise<string[]> {
  return Object.values(await noteHighlights(page)).flat();
}

/** Note-highlight ranges whose text nodes are still in the document (a rewritten node leaves stale ranges). */
export function liveNoteHighlightTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    CSS.highlights?.forEach((highlight, name) => {
      if (!name.startsWith('lede-note-')) return;
      for (const range of highlight) {
        if (range instanceof Range && range.startContainer.isConnected && range.endContainer.isConnected) texts.push(range.toString());
      }
    });
    return texts;
  });
}

/** The paragraph (<p>) text around the first note-highlight range, or null. */
export function noteHighlightParagraph(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    let found: string | null = null;
    CSS.highlights?.forEach((highlight, name) => {
      if (found !== null || !name.startsWith('lede-note-')) return;
      for (const range of highlight) {
        if (range instanceof Range) {
          found = range.startContainer.parentElement?.closest('p')?.textContent ?? null;
          break;
        }
      }
    });
    return found;
  });
}

/** Scrolls the first note-highlight range to the middle of the viewport (for screenshots). */
export function scrollToNote(page: Page): Promise<void> {
  return page.evaluate(() => {
    CSS.highlights?.forEach((highlight, name) => {
      if (!name.startsWith('lede-note-')) return;
      const range = [...highlight][0];
      if (range instanceof Range) range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    });
  });
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
