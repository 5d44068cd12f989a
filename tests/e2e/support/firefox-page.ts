// Reading and driving a page in Firefox (puppeteer-core) from the page's own world: the highlight
// registry, the selection, and what the page can store. Firefox runs content scripts in an
// isolated sandbox (Xray wrappers), but CSS.highlights is the document's one registry, so what
// Lede's content script registers is visible here just as in Chromium.
import type { Page } from 'puppeteer-core';
import { noteHighlightsIn, pageCanReadIn, pageDatabaseNamesIn, selectTextIn } from './in-page';

/** Each named highlight's ranges as text (whitespace collapsed), in registry order; [] when missing. */
export function highlightTexts(page: Page, names: readonly string[]): Promise<Record<string, string[]>> {
  return page.evaluate((names) => {
    const texts: Record<string, string[]> = {};
    for (const name of names) {
      const highlight = CSS.highlights?.get(name);
      texts[name] = highlight ? [...highlight].map((range) => range.toString().replace(/\s+/g, ' ').trim()) : [];
    }
    return texts;
  }, names);
}

/** Every `lede-note-<colour>` highlight with at least one range, by name, as range texts. */
export function noteHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(noteHighlightsIn);
}

/**
 * Selects the first occurrence of `snippet` inside one text node under `container` with the
 * page's Selection API (as a reader's drag ends up), and scrolls it into view. False when absent.
 */
export function selectText(page: Page, container: string, snippet: string): Promise<boolean> {
  return page.evaluate(selectTextIn, { container, snippet });
}

/** The local name of the focused element (a closed shadow root's host when focus is inside it). */
export function activeElementName(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.localName ?? null);
}

/**
 * Where the page itself could find `needle`: its DOM (outerHTML leaves out closed shadow roots),
 * open shadow roots, attributes, cookies, window.name, local/session storage and any IndexedDB
 * database of its origin (the test also checks there is none at all: pageDatabaseNames).
 */
export function pageCanRead(page: Page, needle: string): Promise<string[]> {
  return page.evaluate(pageCanReadIn, needle);
}

/** The names of the IndexedDB databases of the page's origin. */
export function pageDatabaseNames(page: Page): Promise<string[]> {
  return page.evaluate(pageDatabaseNamesIn);
}

/** Collects the page's uncaught errors and console errors from now on. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error') errors.push(`console: ${text}`);
    // Lede catches its own failures and reports them as warnings that start with its name.
    if (message.type() === 'warn' && text.startsWith('Lede')) errors.push(`console warning: ${text}`);
  });
  return errors;
}
