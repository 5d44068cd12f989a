// The in-page hover card on the seed article: hovering a highlight, keyboard navigation through
// highlights, and the popup's revealSpan request (scroll to a span and flash it).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type ExtensionBrowser } from '../../testing/harness/launch-browser';
import { openPage, waitForAnswer, waitForLede, type HighlightName, type OpenedPage } from '../../testing/harness/lede-page';
import { seedDir } from '../../testing/harness/paths';
import { serveDirectory, type StaticServer } from '../../testing/harness/static-server';
import { artifactPath } from '../../testing/e2e/artifacts';
import { clickInShadow, evaluateInShadow } from '../../testing/e2e/closed-shadow';
import { loadSeedGold } from '../../testing/e2e/gold';
import { compareWithServedHtml } from '../../testing/e2e/page-dom';
import { storedArticleUrls } from '../../testing/e2e/stored-articles';
import { flashedText as flashedTextOn, pageSawInRegistry, watchRegistryFor } from '../../testing/e2e/reveal';
import { coverage } from '../../testing/e2e/text-match';
import { waitUntil } from '../../testing/harness/wait';
import { openLegend } from '../../testing/e2e/legend';
import { hoverDecisionAt, ledeMarkCount } from '../../testing/e2e/hover-marks';
import { HOVER_MARKS } from '../../lib/page/hover/hover-marks';

const gold = loadSeedGold();

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface CardState {
  entityId: string;
  /** The highlight's span in the article text. */
  span: string;
  /** The highlight type of the target the card belongs to: person, place, organization, quote. */
  highlight: string;
  name: string;
  type: string;
  text: string;
  box: Box;
  viewport: { width: number; height: number };
}

interface RevealAnswer {
  revealed?: boolean;
  harnessError?: string;
}

let browser: ExtensionBrowser;
let server: StaticServer;
let opened: OpenedPage;
let page: Page;

beforeAll(async () => {
  server = await serveDirectory(seedDir);
  browser = await launchBrowser();
  // The same article read before at another address: its people are in the reading history.
  const earlier = await openPage(browser, server.url('page-stripped.html'));
  expect(await waitForLede(browser, earlier)).toBe(true);
  // Stored in the reading history: the next visit's cards can say it was read before.
  await waitUntil(() => storedArticleUrls(browser), (urls) => urls.length >= 1, { timeoutMs: 15_000 });
  await earlier.page.close();
  opened = await openPage(browser, server.url('page-restored.html'));
  page = opened.page;
  await page.bringToFront(); // a background tab gets no animation frames
  expect(await waitForLede(browser, opened)).toBe(true);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The card as shown (placed: it is hidden until measured and positioned), or null. */
function shownCard(): Promise<CardState | null> {
  // The card's shadow root is closed (it shows reading history): reached through DevTools.
  return evaluateInShadow(page, 'lede-hovercard', (root) => {
    const card = root.querySelector<HTMLElement>('[data-testid="hovercard"]');
    if (!card || !card.dataset.side) return null;
    const box = card.getBoundingClientRect();
    const text = (selector: string): string => card.querySelector(selector)?.textContent ?? '';
    return {
      entityId: card.dataset.entityId ?? '',
      span: `${card.dataset.start}-${card.dataset.end}`,
      highlight: card.dataset.highlight ?? '',
      name: text('[data-testid="hovercard-name"]'),
      type: text('[data-testid="hovercard-type"]'),
      text: card.textContent ?? '',
      box: { left: box.left, top: box.top, right: box.right, bottom: box.bottom },
      viewport: { width: innerWidth, height: innerHeight },
    };
  });
}

async function waitForCard(): Promise<CardState> {
  await expect.poll(shownCard, { timeout: 10_000 }).not.toBeNull();
  return (await shownCard())!;
}

async function waitForNoCard(): Promise<void> {
  await expect.poll(shownCard, { timeout: 10_000 }).toBeNull();
}

/**
 * Scrolls the first range of `highlight` whose text contains `snippet` to the middle of the
 * viewport, and returns the middle of its first line box, in viewport coordinates.
 */
function pointOnRange(highlight: HighlightName, snippet: string): Promise<{ x: number; y: number; box: Box } | null> {
  return page.evaluate(
    ({ highlight, snippet }) => {
      const range = [...(CSS.highlights.get(highlight) ?? [])].find(
        (r): r is Range => r instanceof Range && r.toString().includes(snippet),
      );
      if (!range) return null;
      const first = range.getClientRects()[0]!;
      window.scrollTo({ top: window.scrollY + first.top - innerHeight / 2, behavior: 'instant' });
      const rect = range.getClientRects()[0]!;
      return {
        x: rect.left + rect.width / 2,
        y: rect.top + rect.height / 2,
        box: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
      };
    },
    { highlight, snippet },
  );
}

/** A point on the page with no text under it: the left margin beside the article. */
async function emptyPoint(): Promise<{ x: number; y: number }> {
  const left = await page.evaluate(() => document.querySelector('article')!.getBoundingClientRect().left);
  return { x: Math.max(2, left / 2), y: 40 };
}

/** The words under Lede's reveal flash now (its closed layer), or null when there is no flash. */
function flashedText(): Promise<string | null> {
  return flashedTextOn(page);
}

/** Closes any card and puts the pointer where there is nothing to hover. */
async function reset(): Promise<void> {
  const point = await emptyPoint();
  await page.mouse.move(point.x, point.y);
  await page.keyboard.press('Escape');
  await waitForNoCard();
}

const overlaps = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('hover card', () => {
  it('opens after the pointer rests on a person, with the name and the article’s description', async () => {
    await reset();
    const target = await pointOnRange('lede-person', 'Sestanovich');
    expect(target, 'no painted range for Sestanovich').not.toBeNull();
    await page.mouse.move(target!.x - 4, target!.y, { steps: 4 });
    await page.mouse.move(target!.x, target!.y);
    const card = await waitForCard();
    expect(card.name).toBe('Stephen Sestanovich');
    expect(card.entityId).toBe('person:Stephen Sestanovich');
    expect(card.type).toMatch(/person/i);
    const description = gold.people.find((p) => p.name === 'Stephen Sestanovich')!.description!;
    expect(coverage(description, card.text)).toBeGreaterThanOrEqual(0.8);
    expect(card.text).toMatch(/1 mention · 2 quotes/);
    // This article was read before at another address, but the reading history stays out of the
    // card: a page can measure the card (the popup shows the history, cards.test.ts). The card is
    // rendered whole from the page's analysis before it is placed (it awaits no message), so what
    // it shows once placed is all it shows; it is read again after the screenshots below.
    expect(card.text).not.toMatch(/you.ve read/);

    // Beside the highlight, inside the viewport, never over the name itself.
    expect(overlaps(card.box, target!.box)).toBe(false);
    expect(card.box.left).toBeGreaterThanOrEqual(0);
    expect(card.box.top).toBeGreaterThanOrEqual(0);
    expect(card.box.right).toBeLessThanOrEqual(card.viewport.width);
    expect(card.box.bottom).toBeLessThanOrEqual(card.viewport.height);

    await page.screenshot({ path: artifactPath('hovercard-seed.png') });
    // The same card in a dark theme, for people to look at.
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      expect(await shownCard()).not.toBeNull();
      await page.screenshot({ path: artifactPath('hovercard-seed-dark.png') });
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
    }
    expect((await shownCard())?.text).not.toMatch(/you.ve read/);
  });

  it('uses real accessible dialog markup', async () => {
    const attrs = await evaluateInShadow(page, 'lede-hovercard', (root) => {
      const card = root.querySelector('[data-testid="hovercard"]')!;
      const labelId = card.getAttribute('aria-labelledby') ?? '';
      return { role: card.getAttribute('role'), label: card.getRootNode() instanceof ShadowRoot ? (card.getRootNode() as ShadowRoot).getElementById(labelId)?.textContent : null };
    });
    expect(attrs).toEqual({ role: 'dialog', label: 'Stephen Sestanovich' });
  });

  it('closes on Escape', async () => {
    expect(await shownCard()).not.toBeNull();
    await page.keyboard.press('Escape');
    await waitForNoCard();
  });

  it('stays open while the pointer moves into the card, and closes once it leaves both', async () => {
    await reset();
    const target = await pointOnRange('lede-person', 'McFaul');
    expect(target).not.toBeNull();
    await page.mouse.move(target!.x, target!.y, { steps: 3 });
    const card = await waitForCard();
    expect(card.name).toBe('Michael McFaul');
    // Into the card: it must survive the trip, and stay while the pointer is in it (Lede marks that
    // it saw the pointer enter: no close grace runs from then on).
    const inCardBefore = await ledeMarkCount(page, HOVER_MARKS.inCard);
    const inside = { x: (card.box.left + card.box.right) / 2, y: (card.box.top + card.box.bottom) / 2 };
    await page.mouse.move(inside.x, inside.y, { steps: 3 });
    await expect.poll(() => ledeMarkCount(page, HOVER_MARKS.inCard), { timeout: 10_000 }).toBeGreaterThan(inCardBefore);
    expect((await shownCard())?.name).toBe('Michael McFaul');
    // Moving about inside it keeps it too.
    const inCardAfterEntry = await ledeMarkCount(page, HOVER_MARKS.inCard);
    await page.mouse.move(inside.x + 5, inside.y + 3, { steps: 2 });
    await expect.poll(() => ledeMarkCount(page, HOVER_MARKS.inCard), { timeout: 10_000 }).toBeGreaterThan(inCardAfterEntry);
    expect((await shownCard())?.name).toBe('Michael McFaul');
    const away = await emptyPoint();
    await page.mouse.move(away.x, away.y, { steps: 3 });
    await waitForNoCard();
  });

  it('shows a quote’s speaker with that quote marked', async () => {
    await reset();
    const target = await pointOnRange('lede-quote', 'Contact is continuing');
    expect(target, 'no painted quote with "Contact is continuing"').not.toBeNull();
    await page.mouse.move(target!.x, target!.y, { steps: 3 });
    const card = await waitForCard();
    const marked = await evaluateInShadow(page, 'lede-hovercard', (root) => {
      return [...root.querySelectorAll('[data-testid="hovercard-quote"][data-marked="true"]')].map((q) => q.textContent ?? '');
    });
    expect(card.name).toBe('Dmitry Peskov');
    expect(marked).toHaveLength(1);
    expect(marked![0]).toContain('Contact is continuing');
  });

  it('closes when the page scrolls', async () => {
    expect(await shownCard()).not.toBeNull();
    await page.mouse.wheel(0, 300);
    await waitForNoCard();
  });
});

describe('keyboard navigation', () => {
  it('steps to the next highlight with Alt+Shift+J: scrolls to it, flashes it, shows its card with focus', async () => {
    await reset();
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    // It starts from what the reader sees: the first painted range on screen, in reading order.
    const firstOnScreen = await page.evaluate(() => {
      const ranges = ['lede-person', 'lede-place', 'lede-organization', 'lede-quote', 'lede-reported']
        .flatMap((name) => [...(CSS.highlights.get(name) ?? [])])
        .filter((r): r is Range => r instanceof Range)
        .filter((r) => {
          const box = r.getBoundingClientRect();
          return box.bottom > 0 && box.top < innerHeight;
        })
        .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b) || b.compareBoundaryPoints(Range.END_TO_END, a));
      return ranges[0]?.toString() ?? null;
    });
    await page.keyboard.press('Alt+Shift+KeyJ');
    await waitForCard();
    const firstFlash = await flashedText();
    expect(firstOnScreen).not.toBeNull();
    expect(firstFlash).toBe(firstOnScreen);
    // Focus moved into the card, so a screen reader reads it out.
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('lede-hovercard');
    expect(await evaluateInShadow(page, 'lede-hovercard', (root) => root.activeElement?.getAttribute('data-testid'))).toBe('hovercard');
    // Closed: the page's scripts cannot reach into the card.
    expect(await page.evaluate(() => document.querySelector('lede-hovercard')!.shadowRoot)).toBeNull();
    await page.screenshot({ path: artifactPath('hovercard-seed-keyboard.png') });

    await page.keyboard.press('Alt+Shift+KeyJ');
    await expect.poll(flashedText).not.toBe(firstFlash);
    const second = await waitForCard();
    expect(second.name.length).toBeGreaterThan(0);
    // Reading order: the second target starts after the first.
    const order = await page.evaluate(
      ([a, b]) => {
        const find = (text: string): Range | undefined =>
          ['lede-person', 'lede-place', 'lede-organization', 'lede-quote', 'lede-reported']
            .flatMap((name) => [...(CSS.highlights.get(name) ?? [])])
            .find((r): r is Range => r instanceof Range && r.toString() === text);
        const ra = find(a!);
        const rb = find(b!);
        return ra && rb ? ra.compareBoundaryPoints(Range.START_TO_START, rb) : null;
      },
      [firstFlash, await flashedText()],
    );
    expect(order).toBeLessThanOrEqual(0);

    await page.keyboard.press('Alt+Shift+KeyK');
    await expect.poll(flashedText).toBe(firstFlash);
    await waitForCard();
  });

  it('closes on Escape and gives focus back to the page', async () => {
    await page.keyboard.press('Escape');
    await waitForNoCard();
    expect(await page.evaluate(() => document.activeElement?.localName)).not.toBe('lede-hovercard');
  });

  it('gives focus back to what had it on the page, after several steps', async () => {
    await reset();
    await page.evaluate(() => document.querySelector<HTMLElement>('a[href="#a2"]')!.focus({ preventScroll: true }));
    for (let i = 0; i < 2; i += 1) {
      const before = (await shownCard())?.span ?? '';
      await page.keyboard.press('Alt+Shift+KeyJ');
      await expect.poll(async () => (await shownCard())?.span ?? before).not.toBe(before);
    }
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('lede-hovercard');
    await page.keyboard.press('Escape');
    await waitForNoCard();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#a2');
  });

  it('skips hidden highlight types, and hidden highlights open no card on hover', async () => {
    await reset();
    await openLegend(page);
    // The legend's root is closed: a real click at the box DevTools reports.
    const toggle = { click: () => clickInShadow(page, 'lede-legend', '[data-testid="legend-toggle-person"]') };
    await toggle.click();
    try {
      await expect.poll(() => page.evaluate(() => CSS.highlights.has('lede-person'))).toBe(false);
      const types: string[] = [];
      let before = '';
      for (let i = 0; i < 6; i += 1) {
        await page.keyboard.press('Alt+Shift+KeyJ');
        await expect.poll(async () => (await shownCard())?.span ?? before).not.toBe(before);
        const card = (await shownCard())!;
        before = card.span;
        types.push(card.highlight);
      }
      expect(types.length).toBe(6);
      expect(types.filter((t) => t === 'person')).toEqual([]);

      await reset();
      const target = await page.evaluate(() => {
        // The person highlight is gone from the registry: find "Sestanovich" in the text itself.
        const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent!.indexOf('Sestanovich');
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 'Sestanovich'.length);
          window.scrollTo({ top: window.scrollY + range.getBoundingClientRect().top - innerHeight / 2, behavior: 'instant' });
          const rect = range.getClientRects()[0]!;
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
        return null;
      });
      expect(target).not.toBeNull();
      await page.mouse.move(target!.x, target!.y, { steps: 3 });
      // Lede hit-tests the resting pointer and decides: nothing shown is there, so no card is waited for.
      const decision = await hoverDecisionAt(page, target!);
      expect(decision).toBe('nothing');
      expect(await shownCard()).toBeNull();
    } finally {
      await toggle.click();
    }
  });

  it('leaves keys typed into the page’s own fields alone', async () => {
    await reset();
    const scrollBefore = await page.evaluate(() => window.scrollY);
    // A text field of the page's own (added by the test, removed right after).
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'lede-test-input';
      input.style.cssText = 'position: fixed; top: 0; left: 0;'; // takes no room: the page must not reflow
      document.body.prepend(input);
      input.focus({ preventScroll: true });
    });
    try {
      const ignoredBefore = await ledeMarkCount(page, HOVER_MARKS.keyIgnored);
      await page.keyboard.press('Alt+Shift+KeyJ');
      // Lede saw the keys and left them to the field (it marks that decision).
      await expect.poll(() => ledeMarkCount(page, HOVER_MARKS.keyIgnored), { timeout: 10_000 }).toBeGreaterThan(ignoredBefore);
      expect(await shownCard()).toBeNull();
      expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
    } finally {
      await page.evaluate(() => document.getElementById('lede-test-input')?.remove());
    }
  });
});

describe('revealSpan', () => {
  async function sendReveal(start: number, end: number): Promise<RevealAnswer> {
    const worker = await browser.serviceWorker();
    return worker.evaluate(
      async ({ tabId, start, end }) => {
        const { chrome } = globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } } };
        try {
          return (await chrome.tabs.sendMessage(tabId, { type: 'revealSpan', start, end })) as RevealAnswer;
        } catch (error) {
          return { harnessError: String(error) };
        }
      },
      { tabId: opened.tabId, start, end },
    );
  }

  it('scrolls a late quote into view and flashes it briefly', async () => {
    await reset();
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    const report = (await waitForAnswer(browser, opened.tabId)) as {
      text: string;
      analysis: { quotes: { start: number; end: number }[] };
    };
    const last = [...report.analysis.quotes].sort((a, b) => b.start - a.start)[0]!;
    const quoteText = report.text.slice(last.start, last.end);
    // A flash left by the keyboard steps before fades by itself: only this reveal's flash is recorded.
    await expect.poll(flashedText, { timeout: 10_000 }).toBeNull();
    // The page polls the shared highlight registry all along: the flash must never show up there.
    await watchRegistryFor(page, quoteText);
    const flashes: string[] = [];
    let stop = false;
    const recording = (async () => {
      for (let i = 0; i < 400 && !stop; i++) {
        const text = await flashedText();
        if (text) flashes.push(text);
      }
    })();

    const answer = await sendReveal(last.start, last.end);
    expect(answer).toEqual({ revealed: true });

    const where = await page.evaluate((text) => {
      const range = [...(CSS.highlights.get('lede-quote') ?? [])].find((r): r is Range => r instanceof Range && r.toString() === text);
      const box = range?.getBoundingClientRect();
      return { scrollY: window.scrollY, top: box?.top ?? -1, bottom: box?.bottom ?? -1, height: innerHeight };
    }, quoteText);
    expect(where.scrollY).toBeGreaterThan(0);
    expect(where.top).toBeGreaterThanOrEqual(0);
    expect(where.bottom).toBeLessThanOrEqual(where.height);

    await expect.poll(() => flashes.length, { timeout: 10_000 }).toBeGreaterThan(0);
    // ...and it goes away by itself.
    await expect.poll(flashedText, { timeout: 10_000 }).toBeNull();
    stop = true;
    await recording;
    const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
    expect(new Set(flashes.map(squash))).toEqual(new Set([squash(quoteText)]));
    const watched = await pageSawInRegistry(page);
    expect(watched.polls).toBeGreaterThan(10);
    expect(watched.seen.filter((entry) => !entry.startsWith('lede-quote:'))).toEqual([]);
  });

  it('answers revealed: false for a span beyond the article text', async () => {
    expect(await sendReveal(10_000_000, 10_000_010)).toEqual({ revealed: false });
  });

  it('refuses a malformed span', async () => {
    const answer = await sendReveal(5, 5);
    expect(answer.harnessError).toMatch(/start must be less than end/);
  });
});

describe('the page', () => {
  it('keeps its DOM: only Lede’s own hosts were added', async () => {
    const dom = await compareWithServedHtml(page);
    expect(dom.bodyUnchanged).toBe(true);
    expect(await page.evaluate(() => document.querySelectorAll('lede-hovercard').length)).toBe(1);
  });

  it('raised no errors', () => {
    expect(opened.errors).toEqual([]);
    expect(browser.blockedRequests).toEqual([]);
  });
});
