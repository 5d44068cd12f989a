// Reading and driving a page in Firefox (puppeteer-core) from the page's own world: the highlight
// registry, the selection, and what the page can store. Firefox runs content scripts in an
// isolated sandbox (Xray wrappers), but CSS.highlights is the document's one registry, so what
// Lede's content script registers is visible here just as in Chromium.
import type { Page } from 'puppeteer-core';
import { noteHighlightsIn, notesHostIn, pageCanReadIn, pageDatabaseNamesIn, passageRectsIn, pngStatsIn, selectTextIn } from './in-page';

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

/**
 * Every `lede-note-<colour>` highlight in the registry the page shares, by name, as range texts:
 * Lede paints notes in its own closed layer instead, so this must stay empty.
 */
export function noteHighlightsInRegistry(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(noteHighlightsIn);
}

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/**
 * The mean colour of the first line of `passage` as Firefox paints it: the passage is scrolled to
 * the middle, screenshotted, and the PNG decoded in a canvas that is never added to the page.
 */
export async function passageColour(page: Page, passage: string): Promise<Rgb> {
  const first = (await page.evaluate(passageRectsIn, passage))[0]!;
  const rect = { x: first.left, y: first.top, width: first.right - first.left, height: first.bottom - first.top };
  // The layer follows the scroll on the next frame.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return (await screenStats(page, rect)).mean;
}

/**
 * The mean colour of a stretch of the screen (`clip` in viewport coordinates), and how many of its
 * pixels are dark (text).
 */
export async function screenStats(page: Page, clip: { x: number; y: number; width: number; height: number }): Promise<{ mean: Rgb; dark: number }> {
  // Puppeteer's Firefox clips in document coordinates.
  const scroll = await page.evaluate(() => ({ x: scrollX, y: scrollY }));
  const png = await page.screenshot({ clip: { ...clip, x: clip.x + scroll.x, y: clip.y + scroll.y }, encoding: 'base64' });
  return page.evaluate(pngStatsIn, png as string);
}

/**
 * Whether Lede's note editor frame shows its title below the selection (puppeteer cannot reach
 * into a moz-extension frame, so this looks at the screen): dark text where the title goes.
 */
export async function editorShownBelowSelection(page: Page): Promise<boolean> {
  const line = await page.evaluate(() => {
    const rects = getSelection()?.getRangeAt(0).getClientRects();
    const last = rects?.[rects.length - 1];
    return last ? { left: last.left, bottom: last.bottom } : null;
  });
  if (!line) return false;
  // The frame opens 6 px below the selection's last line (placeCard); its title sits in its first 30 px.
  const { dark } = await screenStats(page, { x: line.left + 8, y: line.bottom + 12, width: 140, height: 18 });
  return dark > 20;
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

/** The notes UI's host as the page sees it: { shadowRootVisible: false } when its shadow root is closed to the page. */
export function notesHost(page: Page): Promise<{ shadowRootVisible: boolean } | null> {
  return page.evaluate(notesHostIn);
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
