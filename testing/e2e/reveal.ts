// Where the article page is scrolled, and whether a painted range is on screen: what a reader
// sees after asking the popup to reveal a quote or a mention.
import type { Page } from 'playwright-core';
import type { HighlightName } from '../harness/lede-page';
import { FLASH_LAYER_HOST, paintedNoteText } from './note-paint';

export interface RangeOnScreen {
  /** Text of the first range in the highlight that contains the snippet, or null if none does. */
  text: string | null;
  top: number;
  bottom: number;
  viewportHeight: number;
  scrollY: number;
  /** The range's box lies wholly inside the viewport. */
  inViewport: boolean;
}

export function scrollYOf(page: Page): Promise<number> {
  return page.evaluate(() => window.scrollY);
}

/**
 * Finds the painted range (in a Lede highlight) whose text contains `snippet`, whitespace and
 * quotation marks aside, and says where it is relative to the viewport. The `nth` match counts
 * from 0 in registry order.
 */
export function rangeOnScreen(page: Page, highlight: HighlightName, snippet: string, nth = 0): Promise<RangeOnScreen> {
  return page.evaluate(
    ({ highlight, snippet, nth }) => {
      const squash = (s: string): string => s.replace(/["'\u2018\u2019\u201c\u201d]/g, '').replace(/\s+/g, ' ').trim();
      const wanted = squash(snippet);
      const matches = [...(CSS.highlights?.get(highlight) ?? [])].filter(
        (range): range is Range => range instanceof Range && squash(range.toString()).includes(wanted),
      );
      const range = matches[nth];
      const viewportHeight = window.innerHeight;
      if (!range) return { text: null, top: 0, bottom: 0, viewportHeight, scrollY: window.scrollY, inViewport: false };
      const box = range.getBoundingClientRect();
      return {
        text: range.toString(),
        top: box.top,
        bottom: box.bottom,
        viewportHeight,
        scrollY: window.scrollY,
        inViewport: box.height > 0 && box.top >= 0 && box.bottom <= viewportHeight,
      };
    },
    { highlight, snippet, nth },
  );
}

/**
 * The words under the reveal flash now (read from Lede's closed flash layer through DevTools, as
 * the reader sees them: the characters its boxes cover), or null when nothing is flashed.
 */
export async function flashedText(page: Page): Promise<string | null> {
  const { texts } = await paintedNoteText(page, FLASH_LAYER_HOST);
  return texts.length > 0 ? texts.join(' ') : null;
}

/**
 * Starts recording, from the page's own script every `everyMs`, what a page polling the shared CSS
 * highlight registry could learn of a passage: any range whose text is exactly `words` (whitespace
 * aside), and any highlight name that was not there when the watch began. pageSawInRegistry
 * stops the watch (it keeps the page's main thread busy) and reads it.
 */
export async function watchRegistryFor(page: Page, words: string, everyMs = 4): Promise<void> {
  await page.evaluate(
    ({ words, everyMs }) => {
      const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
      const wanted = squash(words);
      const initial = new Set(CSS.highlights.keys());
      const seen: string[] = [];
      const w = window as unknown as { ledeRegistrySeen: string[]; ledeRegistryPolls: number; ledeRegistryStop: () => void };
      w.ledeRegistrySeen = seen;
      w.ledeRegistryPolls = 0;
      const timer = setInterval(() => {
        w.ledeRegistryPolls++;
        CSS.highlights.forEach((highlight, name) => {
          if (!initial.has(name)) seen.push(`new highlight ${String(name)}`);
          for (const range of highlight) {
            if (range instanceof Range && squash(range.toString()) === wanted) seen.push(`${String(name)}: ${wanted}`);
          }
        });
      }, everyMs);
      w.ledeRegistryStop = () => clearInterval(timer);
      setTimeout(w.ledeRegistryStop, 60_000);
    },
    { words, everyMs },
  );
}

/** Stops the watch; what watchRegistryFor recorded, and how many times the page looked. */
export function pageSawInRegistry(page: Page): Promise<{ seen: string[]; polls: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { ledeRegistrySeen: string[]; ledeRegistryPolls: number; ledeRegistryStop: () => void };
    w.ledeRegistryStop();
    return { seen: w.ledeRegistrySeen, polls: w.ledeRegistryPolls };
  });
}
