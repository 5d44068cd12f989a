// Where the article page is scrolled, and whether a painted range is on screen: what a reader
// sees after asking the popup to reveal a quote or a mention.
import type { Page } from 'playwright-core';
import type { HighlightName } from '../../../scripts/lib/lede-page';

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
