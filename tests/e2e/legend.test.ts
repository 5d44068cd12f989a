// The in-page legend on the seed article: a pill at first, open or closed as the reader last left
// it on the next page, clear of the article's text; and the two quote styles, painted under their
// own highlight names and switched on and off apart.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../testing/harness/launch-browser';
import { highlightSizes, openPage, readHighlights, waitForLede, type OpenedPage } from '../../testing/harness/lede-page';
import type { StaticServer } from '../../testing/harness/static-server';
import { clickInShadow, evaluateInShadow } from '../../testing/e2e/closed-shadow';
import { loadSeedGold } from '../../testing/e2e/gold';
import { coverage } from '../../testing/e2e/text-match';
import { artifactPath } from '../../testing/e2e/artifacts';
import { HIGHLIGHT_PALETTE, type TintStyle } from '../../lib/page/highlight-palette';
import { closeBrowserSession, startBrowserSession } from '../../testing/e2e/browser-session';

const gold = loadSeedGold();

interface LegendState {
  open: boolean;
  placement: string;
  box: { left: number; top: number; right: number; bottom: number };
  toggles: number;
}

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  ({ browser, server } = await startBrowserSession());
});

afterAll(() => closeBrowserSession({ browser, server }));

async function openSeed(file = 'page-restored.html'): Promise<OpenedPage> {
  const opened = await openPage(browser, server.url(file));
  await opened.page.bringToFront(); // a background tab gets no animation frames
  expect(await waitForLede(browser, opened)).toBe(true);
  return opened;
}

/** The legend as shown, read through DevTools (its shadow root is closed); null before it is. */
function legendState(page: Page): Promise<LegendState | null> {
  return evaluateInShadow(page, 'lede-legend', (root) => {
    const aside = root.querySelector<HTMLElement>('.lede-legend');
    if (!aside) return null;
    const box = aside.getBoundingClientRect();
    return {
      open: aside.dataset.open === 'true',
      placement: aside.dataset.placement ?? '',
      box: { left: box.left, top: box.top, right: box.right, bottom: box.bottom },
      toggles: root.querySelectorAll('[data-testid^="legend-toggle-"]').length,
    };
  });
}

async function waitForLegend(page: Page): Promise<LegendState> {
  await expect.poll(() => legendState(page), { timeout: 10_000 }).not.toBeNull();
  return (await legendState(page))!;
}

/** Whether the legend's box covers any of the article's text: line boxes of the paragraphs' text. */
function coversText(page: Page, box: LegendState['box']): Promise<boolean> {
  return page.evaluate((legend) => {
    const walker = document.createTreeWalker(document.querySelector('article') ?? document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        if (r.left < legend.right && legend.left < r.right && r.top < legend.bottom && legend.top < r.bottom) return true;
      }
    }
    return false;
  }, box);
}

describe('legend', () => {
  it('starts as a pill, and is open or closed on the next page as the reader last left it', async () => {
    const first = await openSeed();
    const pill = await waitForLegend(first.page);
    expect(pill).toMatchObject({ open: false, toggles: 0 });
    expect(pill.box.right - pill.box.left).toBeLessThan(190);

    await clickInShadow(first.page, 'lede-legend', '[data-testid="legend-collapse"]');
    await expect.poll(() => legendState(first.page)).toMatchObject({ open: true });
    await first.page.close();

    const second = await openSeed('page-stripped.html');
    expect(await waitForLegend(second.page)).toMatchObject({ open: true });
    expect((await legendState(second.page))!.toggles).toBeGreaterThan(0);
    await clickInShadow(second.page, 'lede-legend', '[data-testid="legend-collapse"]');
    await expect.poll(() => legendState(second.page)).toMatchObject({ open: false, toggles: 0 });
    await second.page.close();

    const third = await openSeed();
    expect(await waitForLegend(third.page)).toMatchObject({ open: false });
    await third.page.close();
  });

  it('keeps off the article text: in its column, and on a full-width page, wide or as narrow as a phone', async () => {
    const opened = await openSeed();
    const { page } = opened;
    await expectClearOfText(page);
    // The same article across the whole page with 32 px gutters: no corner is clear of its text.
    await page.addStyleTag({
      content: 'main { display: block !important; max-width: none !important; margin: 0 !important; padding: 0 32px !important; } main > aside { display: none !important; }',
    });
    await expectClearOfText(page);
    expect((await legendState(page))!.placement).toBe('tucked');
    await page.close();
  });
});

/** At two viewport sizes and three scroll positions, the legend's box covers none of the article's text. */
async function expectClearOfText(page: Page): Promise<void> {
  for (const size of [{ width: 1280, height: 800 }, { width: 420, height: 760 }]) {
    await page.setViewportSize(size);
    for (const y of [0, 600, 1800]) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      // Placement follows scroll and resize on the next frame: poll until the legend is clear.
      await expect
        .poll(async () => {
          const state = await legendState(page);
          return state ? coversText(page, state.box) : true;
        }, { timeout: 10_000 })
        .toBe(false);
    }
  }
}

describe('direct quotes and reported speech', () => {
  it('are painted under their own highlight names', async () => {
    const opened = await openSeed();
    const highlights = await readHighlights(opened.page);
    const coveredBy = (text: string, ranges: string[]): boolean => ranges.some((r) => coverage(text, r) >= 0.8);
    expect(gold.reported_speech.filter((r) => !coveredBy(r.text, highlights['lede-reported'])).map((r) => r.text.slice(0, 50))).toEqual([]);
    expect(gold.reported_speech.filter((r) => coveredBy(r.text, highlights['lede-quote'])).map((r) => r.text.slice(0, 50))).toEqual([]);
    expect(gold.quotes.filter((q) => !coveredBy(q.text, highlights['lede-quote'])).map((q) => q.text.slice(0, 50))).toEqual([]);
    // Distinct looks: the style each highlight name paints with on the article's paragraphs.
    const styles = await opened.page.evaluate(() => {
      const paragraph = document.querySelector('article p') ?? document.querySelector('p')!;
      const line = (name: string): string => getComputedStyle(paragraph, `::highlight(${name})`).textDecorationStyle;
      return { quote: line('lede-quote'), reported: line('lede-reported') };
    });
    expect(styles).toEqual({ quote: 'solid', reported: 'dotted' });
    await opened.page.close();
  });

  it('switch on and off independently from the legend', async () => {
    const { page } = await openSeed();
    const state = await waitForLegend(page);
    if (!state.open) await clickInShadow(page, 'lede-legend', '[data-testid="legend-collapse"]');
    await expect.poll(() => legendState(page)).toMatchObject({ open: true });
    const before = await highlightSizes(page);
    expect(before['lede-quote']).toBeGreaterThan(0);
    expect(before['lede-reported']).toBeGreaterThan(0);

    await clickInShadow(page, 'lede-legend', '[data-testid="legend-toggle-reported"]');
    await expect.poll(() => highlightSizes(page)).toEqual({ ...before, 'lede-reported': 0 });
    await clickInShadow(page, 'lede-legend', '[data-testid="legend-toggle-quote"]');
    await expect.poll(() => highlightSizes(page)).toEqual({ ...before, 'lede-reported': 0, 'lede-quote': 0 });
    await clickInShadow(page, 'lede-legend', '[data-testid="legend-toggle-reported"]');
    await expect.poll(() => highlightSizes(page)).toEqual({ ...before, 'lede-quote': 0 });
    await clickInShadow(page, 'lede-legend', '[data-testid="legend-toggle-quote"]');
    await expect.poll(() => highlightSizes(page)).toEqual(before);
    await page.close();
  });
});

describe('colour scheme', () => {
  /** The tint a highlight name paints on the article's paragraphs, as the browser computes it. */
  function tintOf(page: Page, name: string): Promise<string> {
    return page.evaluate((highlight) => {
      const paragraph = document.querySelector('article p') ?? document.querySelector('p')!;
      return getComputedStyle(paragraph, `::highlight(${highlight})`).backgroundColor;
    }, name);
  }

  /** '#rrggbb' as the browser writes a computed colour. */
  function rgb(hex: string): string {
    const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
    return `rgb(${r}, ${g}, ${b})`;
  }

  it('paints with the light palette on a light page and the dark one on a dark page (screenshots of both)', async () => {
    const { page } = await openSeed();
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => tintOf(page, 'lede-person')).toBe(rgb((HIGHLIGHT_PALETTE.light.person as TintStyle).background));
    await page.screenshot({ path: artifactPath('page-light.png') });

    // A site with its own dark mode: the page goes dark with the reader's setting, and so do Lede's tints.
    await page.addStyleTag({ content: '@media (prefers-color-scheme: dark) { html, body, article, main { background: #121212 !important; color: #e8e8e8 !important; } a { color: #8ab4f8 !important; } }' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => tintOf(page, 'lede-person')).toBe(rgb((HIGHLIGHT_PALETTE.dark.person as TintStyle).background));
    expect(await tintOf(page, 'lede-place')).toBe(rgb((HIGHLIGHT_PALETTE.dark.place as TintStyle).background));
    await page.screenshot({ path: artifactPath('page-dark.png') });
    await page.close();
  });
});
