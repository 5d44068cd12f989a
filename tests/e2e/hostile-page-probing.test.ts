// A hostile page probing Lede's in-page UI, in real Chromium with the release build (what
// `npm run build` makes and readers install). The page's own scripts fake hovers, focus and keys on
// the names it prints and map the hover card with elementFromPoint, once in a browser whose reading
// history holds the same article and once in a fresh one: what it learns must be the same, so it
// cannot tell whether the reader has read about someone. (The fake hovers run in the marked build,
// whose marks say when Lede has turned each fake event away; the release build leaves the page no
// such marks, and turns events away the same way.) It clicks and types on the legend to switch
// highlights off everywhere, and reads the performance timeline for Lede's marks. A real (trusted)
// hover and real clicks on the legend must still work.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type ExtensionBrowser } from '../../testing/harness/launch-browser';
import { highlightSizes, openPage, type HighlightName, type OpenedPage } from '../../testing/harness/lede-page';
import { chromeExtensionDir, markedChromeExtensionDir, repoRoot, seedDir } from '../../testing/harness/paths';
import { serveDirectory, type StaticServer } from '../../testing/harness/static-server';
import { clickInShadow, evaluateInShadow } from '../../testing/e2e/closed-shadow';
import { footprintIn, ledePerformanceEntriesIn, legendAttackIn, syntheticHoverIn, type Footprint, type LegendAttack } from '../../testing/e2e/page-probes';
import { storedArticleUrls } from '../../testing/e2e/stored-articles';
import { waitFor } from '../../testing/harness/wait';
import { openLegend } from '../../testing/e2e/legend';
import { HOVER_MARKS } from '../../lib/page/hover/hover-marks';
import { DEFAULT_PREFS, GLOBAL_PREFS_KEY } from '../../lib/settings/highlight-prefs';

/** Grid steps of the page's elementFromPoint maps: fine enough to see one line of text come or go. */
const CARD_STEP = 4;
const LEGEND_STEP = 10;
const POLL = { timeout: 15_000, interval: 100 };

interface Findings {
  synthetic: Awaited<ReturnType<typeof syntheticHoverIn>>;
  trusted: Record<string, Footprint | null>;
  legend: LegendAttack;
}

const findings: Partial<Record<'history' | 'fresh', Findings>> = {};
let server: StaticServer;

beforeAll(async () => {
  server = await serveDirectory(seedDir);
});

afterAll(async () => {
  await server?.close();
});

/** Lede's highlight preferences as the background stored them (keys `prefs:…`). */
async function storedPrefs(browser: ExtensionBrowser): Promise<Record<string, unknown>> {
  const worker = await browser.serviceWorker();
  return worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } } };
    const all = await chrome.storage.local.get(null);
    return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith('prefs:')));
  });
}

/** Waits until `check` holds (for hooks, where expect.poll is not allowed); throws after 15 s. */
function waitUntil(what: string, check: () => Promise<boolean>): Promise<void> {
  return waitFor(what, check, { timeoutMs: POLL.timeout, intervalMs: POLL.interval });
}

/** Painted and settled without relying on performance marks (the release build has none): highlights and the legend are there. */
function waitForHighlightsAndLegend(page: Page): Promise<void> {
  return waitUntil('Lede painted and showed its legend', () =>
    page.evaluate(() => (CSS.highlights.get('lede-person')?.size ?? 0) > 0 && document.querySelector('lede-legend') !== null),
  );
}

/** The first few distinct names in the person highlight, in reading order. */
function personNames(page: Page, count: number): Promise<string[]> {
  return page.evaluate((n) => [...new Set([...(CSS.highlights.get('lede-person') ?? [])].map((r) => r.toString()))].slice(0, n), count);
}

/** Whether the hover card is shown (placed), read through DevTools since its root is closed. */
async function cardShown(page: Page): Promise<boolean> {
  return (await evaluateInShadow(page, 'lede-hovercard', (root) => !!root.querySelector<HTMLElement>('[data-testid="hovercard"]')?.dataset.side)) === true;
}

/** A real mouse rests on the name until its card shows; then the page maps the card. */
async function trustedHover(page: Page, name: string): Promise<Footprint | null> {
  const point = await page.evaluate((text) => {
    const range = [...(CSS.highlights.get('lede-person') ?? [])].find((r) => r.toString() === text) as Range | undefined;
    if (!range) return null;
    window.scrollBy(0, 1);
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, name);
  if (!point) return null;
  await page.mouse.move(2, 2);
  await page.mouse.move(point.x - 4, point.y, { steps: 4 });
  await page.mouse.move(point.x, point.y);
  await expect.poll(() => cardShown(page), POLL).toBe(true);
  // Placed (data-side) only once rendered whole: the card shows the model Lede built from the page's
  // analysis when it opened and awaits nothing after (HoverCard.tsx), so this is all it will show.
  const footprint = await page.evaluate(footprintIn, { host: 'lede-hovercard', step: CARD_STEP });
  await page.mouse.move(2, 2);
  return footprint;
}

/** A browser with `extensionDir`, the article open in front and painted; with `history`, the same article read before at another address. */
async function openArticle(extensionDir: string, history: boolean): Promise<{ browser: ExtensionBrowser; opened: OpenedPage }> {
  const browser = await launchBrowser({ extensionDir });
  if (history) {
    // The same article read before at another address: its people are in the reading history.
    const earlier = await openPage(browser, server.url('page-stripped.html'));
    await earlier.page.bringToFront();
    await waitUntil('the first article is stored', async () => (await storedArticleUrls(browser)).length > 0);
    await earlier.page.close();
  }
  const opened = await openPage(browser, server.url('page-restored.html'));
  await opened.page.bringToFront(); // a background tab gets no animation frames
  await waitForHighlightsAndLegend(opened.page);
  return { browser, opened };
}

/**
 * The reader switches Person off and on again with real clicks on the legend, and waits each time
 * until the highlights are repainted and the choice is stored.
 */
async function switchPersonOffAndOn(page: Page, browser: ExtensionBrowser, before: Awaited<ReturnType<typeof highlightSizes>>): Promise<void> {
  const person: HighlightName = 'lede-person';
  await clickInShadow(page, 'lede-legend', '[data-testid="legend-toggle-person"]');
  await expect.poll(() => highlightSizes(page), POLL).toEqual({ ...before, [person]: 0 });
  await expect.poll(async () => (await storedPrefs(browser))[GLOBAL_PREFS_KEY], POLL).toMatchObject({ person: false });
  await clickInShadow(page, 'lede-legend', '[data-testid="legend-toggle-person"]');
  await expect.poll(() => highlightSizes(page), POLL).toEqual(before);
  await expect.poll(async () => (await storedPrefs(browser))[GLOBAL_PREFS_KEY], POLL).toMatchObject({ person: true });
}

describe.each([
  { label: 'with the article in the reading history', key: 'history' as const, history: true },
  { label: 'in a fresh profile', key: 'fresh' as const, history: false },
])('a hostile page $label', ({ key, history }) => {
  let browser: ExtensionBrowser;
  let opened: OpenedPage;
  let page: Page;
  let names: string[] = [];
  const found = {} as Findings;

  beforeAll(async () => {
    ({ browser, opened } = await openArticle(chromeExtensionDir, history));
    page = opened.page;
    names = await personNames(page, 3);
    expect(names.length).toBe(3);
  });

  afterAll(async () => {
    findings[key] = found;
    await browser?.close();
  });

  it('cannot open the hover card with synthetic pointer, focus or key events', async () => {
    const marked = await openArticle(markedChromeExtensionDir, history);
    try {
      found.synthetic = await marked.opened.page.evaluate(syntheticHoverIn, { names, step: CARD_STEP, ignoredMark: HOVER_MARKS.untrusted });
      console.log(`[${key}] synthetic hover footprints:`, JSON.stringify(found.synthetic));
      expect(found.synthetic.hovers.map((h) => h.name)).toEqual(names);
      // Every fake move that reached Lede was turned away as it came: none started a card.
      for (const { moves } of found.synthetic.hovers) expect(moves.ignored).toBe(moves.dispatched);
      expect(found.synthetic.hovers.map((h) => h.footprint)).toEqual(names.map(() => null));
      expect(found.synthetic.keyIgnored).toBe(1);
      expect(found.synthetic.keyboard).toBeNull();
      expect(found.synthetic.focusedCard).toBe(false);
      expect(await cardShown(marked.opened.page)).toBe(false);
      expect(marked.opened.errors).toEqual([]);
    } finally {
      await marked.browser.close();
    }
  });

  it('still opens the card on a real hover', async () => {
    found.trusted = {};
    for (const name of names) found.trusted[name] = await trustedHover(page, name);
    console.log(`[${key}] trusted hover footprints:`, JSON.stringify(found.trusted));
    for (const name of names) expect(found.trusted[name], `no card for a real hover on ${name}`).not.toBeNull();
  });

  it('cannot change the legend: clicks, keys and focus on it change no highlight and no stored preference', async () => {
    // Opened by the reader (a real click), so every switch is there for the page to try.
    await openLegend(page);
    const prefsBefore = await storedPrefs(browser);
    const sizesBefore = await highlightSizes(page);
    found.legend = await page.evaluate(legendAttackIn, { step: LEGEND_STEP });
    // As if the page had got hold of a node inside: untrusted clicks on the controls themselves.
    await evaluateInShadow(page, 'lede-legend', (root) => {
      for (const id of ['legend-scope-site', 'legend-toggle-all', 'legend-toggle-quote', 'legend-collapse']) {
        root.querySelector<HTMLElement>(`[data-testid="${id}"]`)?.click();
      }
    });
    // The reader's own clicks come after the page's and go the same way (the legend, the
    // background, storage, the repaint): once theirs are stored and painted, whatever the page's had
    // changed would be too.
    await switchPersonOffAndOn(page, browser, sizesBefore);
    const prefsAfter = await storedPrefs(browser);
    const sizesAfter = await highlightSizes(page);
    console.log(`[${key}] legend attack:`, JSON.stringify({ ...found.legend, prefsBefore, prefsAfter, sizesBefore, sizesAfter }));
    expect(found.legend.hostFound).toBe(true);
    expect(found.legend.openRoot).toBe(false);
    expect(found.legend.clickedOnHost).toBeGreaterThan(0);
    // As before, but for the global choice the reader's round trip stored (every type on, as it was).
    expect(prefsAfter).toEqual({ ...prefsBefore, [GLOBAL_PREFS_KEY]: prefsBefore[GLOBAL_PREFS_KEY] ?? DEFAULT_PREFS });
    expect(sizesAfter).toEqual(sizesBefore);
    // The legend is still open and its boxes as they were: cancelled clicks toggle nothing.
    const controls = await evaluateInShadow(page, 'lede-legend', (root) => {
      const box = (id: string) => root.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)?.checked;
      return {
        expanded: root.querySelector('[data-testid="legend-collapse"]')?.getAttribute('aria-expanded'),
        all: box('legend-toggle-all'),
        quote: box('legend-toggle-quote'),
        global: box('legend-scope-global'),
        site: box('legend-scope-site'),
      };
    });
    expect(controls).toEqual({ expanded: 'true', all: true, quote: true, global: true, site: false });
  });

  it('real clicks on the legend still switch a type off and on, and are stored', async () => {
    await switchPersonOffAndOn(page, browser, await highlightSizes(page));
  });

  it('finds no Lede performance marks or measures', async () => {
    const entries = await page.evaluate(ledePerformanceEntriesIn);
    console.log(`[${key}] lede performance entries:`, JSON.stringify(entries));
    expect(entries).toEqual([]);
  });

  it('raises no errors in the page', () => {
    expect(opened.errors).toEqual([]);
  });
});

describe('what the page learns about the reading history', () => {
  it('synthetic probing maps the same with and without the article in the history', () => {
    expect(findings.history?.synthetic).toBeDefined();
    expect(findings.history?.synthetic).toEqual(findings.fresh?.synthetic);
  });

  it('the card a real hover opens has the same footprint with and without the history', () => {
    expect(findings.history?.trusted).toBeDefined();
    expect(findings.history?.trusted).toEqual(findings.fresh?.trusted);
  });
});

describe('the release build', () => {
  it.each(['chrome-mv3', 'firefox-mv2'])('%s: its content script has no performance.mark or measure call at all', (folder) => {
    const script = readFileSync(path.join(repoRoot, '.output', folder, 'content-scripts/content.js'), 'utf8');
    expect(script).not.toMatch(/performance\.(mark|measure)\b/);
  });
});

describe('the marked test build', () => {
  it('does leave lede-* marks (so the release check above can fail)', async () => {
    const browser = await launchBrowser({ extensionDir: markedChromeExtensionDir });
    try {
      const { page } = await openPage(browser, server.url('page-restored.html'));
      await page.bringToFront();
      await expect.poll(() => page.evaluate(ledePerformanceEntriesIn), POLL).toContain('mark:lede-painted');
    } finally {
      await browser.close();
    }
  });
});
