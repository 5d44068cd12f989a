// What Lede may change in a page: only its own shadow hosts (the legend, the hover card, the note layer and the notes toolbar once
// shown). These read the page from the test.
import type { Page } from 'playwright-core';
import type { HighlightName } from '../harness/lede-page';

export interface DomDifference {
  /** The live body (without lede-legend and lede-hovercard hosts) serialises exactly like the served HTML's body. */
  bodyUnchanged: boolean;
  liveElementCount: number;
  servedElementCount: number;
  liveText: string;
  servedText: string;
  legendHosts: number;
}

/**
 * Compares the live DOM with the same HTML parsed fresh by DOMParser (content scripts never run
 * in a DOMParser document), leaving out Lede's lede-legend and lede-hovercard hosts. The seed pages run no scripts of
 * their own, so any other difference is Lede's doing.
 */
export function compareWithServedHtml(page: Page): Promise<DomDifference> {
  return page.evaluate(async () => {
    const html = await (await fetch(location.href, { cache: 'no-store' })).text();
    const served = new DOMParser().parseFromString(html, 'text/html').body;
    const live = document.body.cloneNode(true) as HTMLElement;
    for (const host of live.querySelectorAll('lede-legend, lede-hovercard, lede-notes, lede-note-layer, lede-flash-layer')) host.remove();
    return {
      bodyUnchanged: live.innerHTML === served.innerHTML,
      liveElementCount: live.querySelectorAll('*').length,
      servedElementCount: served.querySelectorAll('*').length,
      liveText: live.textContent ?? '',
      servedText: served.textContent ?? '',
      legendHosts: document.querySelectorAll('lede-legend').length,
    };
  });
}

/** Texts of highlight ranges that do not lie inside the page's <article> element. */
export function rangesOutside(page: Page, names: readonly HighlightName[], containerSelector: string): Promise<string[]> {
  return page.evaluate(
    ({ names, containerSelector }) => {
      const container = document.querySelector(containerSelector);
      const outside: string[] = [];
      for (const name of names) {
        for (const range of CSS.highlights?.get(name) ?? []) {
          if (!(range instanceof Range) || !container?.contains(range.commonAncestorContainer)) {
            outside.push(`${name}: ${range.toString()}`);
          }
        }
      }
      return outside;
    },
    { names: [...names], containerSelector },
  );
}

/**
 * Texts of highlight ranges that start or end inside a word ("Syria" painted inside "Syrian").
 * A lone "s" after a name is allowed: it is a possessive whose apostrophe the text lost
 * ("Moscows influence" is "Moscow's influence", and "Moscow" is the right name to paint).
 */
export function rangesSplittingWords(page: Page, names: readonly HighlightName[]): Promise<string[]> {
  return page.evaluate((names) => {
    const wordChar = /[\p{L}\p{N}]/u;
    const charAt = (node: Node, offset: number): string =>
      node.nodeType === Node.TEXT_NODE ? ((node as Text).data[offset] ?? '') : '';
    const split: string[] = [];
    for (const name of names) {
      for (const range of CSS.highlights?.get(name) ?? []) {
        if (!(range instanceof Range)) continue;
        const text = range.toString();
        const before = charAt(range.startContainer, range.startOffset - 1);
        const after = charAt(range.endContainer, range.endOffset);
        const lostApostropheS = after === 's' && !wordChar.test(charAt(range.endContainer, range.endOffset + 1));
        const cutsStart = wordChar.test(before) && wordChar.test(text.charAt(0));
        const cutsEnd = wordChar.test(after) && wordChar.test(text.charAt(text.length - 1)) && !lostApostropheS;
        if (cutsStart || cutsEnd) split.push(`${name}: ${before}[${text}]${after}`);
      }
    }
    return split;
  }, [...names]);
}
