// Where Lede runs, in real Chromium: "Lede on this site" and "Pause Lede" in the popup clear the
// open tab at once and keep Lede idle after a reload, while "Analyse this page" still works once.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../testing/harness/launch-browser';
import { getAnalysis, highlightSizes, openPopup, popupStatus, waitForLede, type OpenedPage } from '../../testing/harness/lede-page';
import type { StaticServer } from '../../testing/harness/static-server';
import { waitUntil } from '../../testing/harness/wait';
import { closeBrowserSession, openSeedArticle } from '../../testing/e2e/browser-session';

let browser: ExtensionBrowser;
let server: StaticServer;
let article: OpenedPage;

async function paintedRanges(page: Page): Promise<number> {
  const sizes = await highlightSizes(page);
  return Object.values(sizes).reduce((sum, size) => sum + size, 0);
}

/** Waits until the page's Lede highlights hold some ranges (or none), within timeoutMs. */
function waitForRanges(page: Page, wanted: 'some' | 'none', timeoutMs = 10_000): Promise<number> {
  return waitUntil(() => paintedRanges(page), (count) => (wanted === 'some' ? count > 0 : count === 0), { timeoutMs });
}

const hasLegend = (page: Page): Promise<boolean> => page.evaluate(() => document.querySelector('lede-legend') !== null);

function field(report: unknown, name: string): unknown {
  return typeof report === 'object' && report !== null ? (report as Record<string, unknown>)[name] : undefined;
}

/** Opens the popup for the article's tab and flips one of its switches; waits until the background answered. */
async function flipInPopup(testId: 'site-switch' | 'pause-switch', expectChecked: boolean): Promise<void> {
  const popup = await openPopup(browser, article.tabId);
  await popupStatus(popup.page);
  const control = popup.page.locator(`[data-testid="${testId}"]`);
  await control.waitFor();
  expect(await control.isChecked()).toBe(!expectChecked);
  await control.click();
  await popup.page.waitForFunction(
    ([id, checked]) => {
      const input = document.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
      return input !== null && input.checked === checked && !input.disabled;
    },
    [testId, expectChecked] as const,
  );
  expect(popup.errors).toEqual([]);
  await popup.page.close();
}

async function reloadArticle(): Promise<void> {
  await article.page.reload({ waitUntil: 'load' });
  await waitForLede(browser, article);
}

/**
 * Lede's decision on the reloaded page: the content script answers getAnalysis only once its
 * automatic run is over (it waits for it), so the answer means Lede has decided and, if it stayed
 * idle, will paint nothing later. Asked through the service worker: the page cannot see it.
 */
function decision(): Promise<unknown> {
  return getAnalysis(browser, article.tabId);
}

async function analyseFromPopup(): Promise<void> {
  const popup = await openPopup(browser, article.tabId);
  expect(await popupStatus(popup.page)).toBe('not-article');
  await popup.page.locator('[data-testid="analyze-now"]').click();
  await popup.page.waitForFunction(() => document.querySelector('[data-testid="popup"]')?.getAttribute('data-status') === 'analyzed');
  await popup.page.close();
}

beforeAll(async () => {
  ({ browser, server, article } = await openSeedArticle());
});

afterAll(() => closeBrowserSession({ browser, server }));

describe('where Lede runs', () => {
  it('paints the seed article by default', async () => {
    expect(await waitForRanges(article.page, 'some')).toBeGreaterThan(0);
    expect(await hasLegend(article.page)).toBe(true);
  });

  it('switching the site off clears the open tab at once, and it stays idle after a reload', async () => {
    await flipInPopup('site-switch', false);
    expect(await waitForRanges(article.page, 'none')).toBe(0);
    expect(await hasLegend(article.page)).toBe(false);
    await reloadArticle();
    const report = await decision();
    expect(field(report, 'status')).toBe('not-article');
    expect(field(report, 'idleReason')).toBe('site-off');
    expect(await paintedRanges(article.page)).toBe(0);
    expect(await article.page.evaluate(() => performance.getEntriesByName('lede-painted').length)).toBe(0);
  });

  it('"Analyse this page" still works on a switched-off site, once', async () => {
    await analyseFromPopup();
    expect(await waitForRanges(article.page, 'some')).toBeGreaterThan(0);
    await reloadArticle();
    expect(field(await decision(), 'idleReason')).toBe('site-off');
    expect(await paintedRanges(article.page)).toBe(0);
  });

  it('switching the site back on paints the open tab again', async () => {
    await flipInPopup('site-switch', true);
    expect(await waitForRanges(article.page, 'some')).toBeGreaterThan(0);
    expect(await hasLegend(article.page)).toBe(true);
  });

  it('pausing Lede clears the tab and keeps every page idle; "Analyse this page" still works', async () => {
    await flipInPopup('pause-switch', true);
    expect(await waitForRanges(article.page, 'none')).toBe(0);
    await reloadArticle();
    expect(field(await decision(), 'idleReason')).toBe('paused');
    expect(await paintedRanges(article.page)).toBe(0);
    await analyseFromPopup();
    expect(await waitForRanges(article.page, 'some')).toBeGreaterThan(0);
  });

  it('resuming Lede paints after a reload again', async () => {
    await flipInPopup('pause-switch', false);
    await reloadArticle();
    expect(await waitForRanges(article.page, 'some')).toBeGreaterThan(0);
    expect(field(await getAnalysis(browser, article.tabId), 'status')).toBe('analyzed');
    expect(article.errors).toEqual([]);
  });
});
