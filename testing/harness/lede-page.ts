// Drives one page with Lede loaded: its tab id, the content script's answers, its highlights, its popup.
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './launch-browser';
import { waitUntil } from './wait';

export const HIGHLIGHT_NAMES = ['lede-person', 'lede-place', 'lede-organization', 'lede-quote', 'lede-reported'] as const;
export type HighlightName = (typeof HIGHLIGHT_NAMES)[number];
/** The text of every range in each Lede highlight, in registry order. Missing highlights read as []. */
export type HighlightTexts = Record<HighlightName, string[]>;

/** The slice of the `chrome` API that the harness calls inside the service worker. */
interface ChromeInWorker {
  chrome: {
    tabs: {
      query(filter: object): Promise<{ id?: number }[]>;
      sendMessage(tabId: number, message: unknown): Promise<unknown>;
    };
  };
}

export interface OpenedPage {
  page: Page;
  tabId: number;
  /** Uncaught errors and console errors seen on the page since it opened. */
  errors: string[];
}

async function tabIds(browser: ExtensionBrowser): Promise<number[]> {
  const worker = await browser.serviceWorker();
  return worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as ChromeInWorker;
    return (await chrome.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
  });
}

/** Console noise that is the page's own, not Lede's (we abort every non-local request). */
function isNetworkNoise(text: string): boolean {
  return /Failed to load resource|net::ERR_/.test(text);
}

/** Collects the page's uncaught errors, console errors and Lede's own warnings from now on. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  // The stack names the script's URL: chrome-extension://… for Lede's own code.
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.stack ?? error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !isNetworkNoise(text)) errors.push(`console: ${text}`);
    // Lede catches its own failures and reports them as warnings that start with its name.
    if (message.type() === 'warning' && text.startsWith('Lede')) errors.push(`console warning: ${text}`);
  });
  return errors;
}

/**
 * Opens url in a new tab and finds that tab's chrome.tabs id without the "tabs" permission:
 * it is the one id that was not there before the tab opened.
 */
export async function openPage(
  browser: ExtensionBrowser,
  url: string,
  options: { beforeNavigate?: (page: Page) => Promise<void> } = {},
): Promise<OpenedPage> {
  const before = new Set(await tabIds(browser));
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await options.beforeNavigate?.(page); // e.g. start recording the page's requests
  await page.goto(url, { waitUntil: 'load' });
  const added = (await tabIds(browser)).filter((id) => !before.has(id));
  if (added.length !== 1) throw new Error(`Expected one new tab for ${url}, found ${added.length}.`);
  return { page, tabId: added[0]!, errors };
}

/** Asks the tab's content script for its analysis, the way the popup does. Undefined if nobody answers. */
export async function getAnalysis(browser: ExtensionBrowser, tabId: number): Promise<unknown> {
  const worker = await browser.serviceWorker();
  return worker.evaluate(async (id) => {
    const { chrome } = globalThis as unknown as ChromeInWorker;
    try {
      return await chrome.tabs.sendMessage(id, { type: 'getAnalysis' });
    } catch (error) {
      return { harnessError: String(error) };
    }
  }, tabId);
}

function answered(response: unknown): boolean {
  return typeof response === 'object' && response !== null && !('harnessError' in response);
}

/** Polls getAnalysis until the content script answers; returns the answer, or the last failure. */
export async function waitForAnswer(browser: ExtensionBrowser, tabId: number, timeoutMs = 15_000): Promise<unknown> {
  return waitUntil(() => getAnalysis(browser, tabId), answered, { timeoutMs });
}

/** True once the content script has marked 'lede-painted' (visible from the page's main world). */
export function hasPainted(page: Page): Promise<boolean> {
  return page.evaluate(() => performance.getEntriesByName('lede-painted').length > 0);
}

/** The 'lede-time-to-highlights' measure in ms, or null if the page has none. */
export function timeToHighlightsMs(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const entries = performance.getEntriesByName('lede-time-to-highlights', 'measure');
    return entries.length ? entries[entries.length - 1]!.duration : null;
  });
}

function statusOf(report: unknown): string | null {
  if (typeof report !== 'object' || report === null || !('status' in report)) return null;
  return typeof report.status === 'string' ? report.status : null;
}

/**
 * Waits until Lede has painted ('lede-painted' mark) and its run has settled, or until it answers
 * getAnalysis with a status other than 'analyzed' (it settled without painting: not an article,
 * unsupported, error).
 * Returns whether it painted, so callers can report instead of hanging.
 */
export async function waitForLede(browser: ExtensionBrowser, opened: OpenedPage, timeoutMs = 15_000): Promise<boolean> {
  // Painted, or the content script answered that it will not paint (its answer waits for the run).
  const outcome = await waitUntil(
    async (): Promise<'painted' | 'idle' | 'waiting'> => {
      if (await hasPainted(opened.page)) return 'painted';
      const status = statusOf(await getAnalysis(browser, opened.tabId));
      return status !== null && status !== 'analyzed' ? 'idle' : 'waiting';
    },
    (state) => state !== 'waiting',
    { timeoutMs },
  );
  if (outcome !== 'painted') return false;
  // A long article's opening is painted first; what a reader ends up with is there once the run settles.
  await waitUntil(() => hasSettled(opened.page), (settled) => settled, { timeoutMs });
  return true;
}

/** True once a run of the content script has marked its end ('lede-settled', 'lede-rerun-settled', …). */
function hasSettled(page: Page): Promise<boolean> {
  return page.evaluate(() => performance.getEntriesByType('mark').some((entry) => entry.name.endsWith('settled')));
}

export function readHighlights(page: Page): Promise<HighlightTexts> {
  return page.evaluate((names) => {
    const texts = {} as Record<string, string[]>;
    for (const name of names) {
      const highlight = CSS.highlights?.get(name);
      texts[name] = highlight ? [...highlight].map((range) => range.toString()) : [];
    }
    return texts as HighlightTexts;
  }, [...HIGHLIGHT_NAMES]);
}

/** How many ranges each Lede highlight holds (0 when the highlight is absent). */
export function highlightSizes(page: Page): Promise<Record<HighlightName, number>> {
  return page.evaluate((names) => {
    const sizes = {} as Record<string, number>;
    for (const name of names) sizes[name] = CSS.highlights?.get(name)?.size ?? 0;
    return sizes as Record<HighlightName, number>;
  }, [...HIGHLIGHT_NAMES]);
}

/** The popup's real size: its width (entrypoints/popup/style.css) and the tallest a browser shows it. */
export const POPUP_SIZE = { width: 400, height: 600 } as const;

/** Opens the popup for an article tab as a page of its own (popup.html?tab=<id>), at the popup's real size. */
export async function openPopup(browser: ExtensionBrowser, tabId: number): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.setViewportSize(POPUP_SIZE);
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  return { page, errors };
}

/** Waits for the popup to leave its loading state; returns data-status, or null if the root never appears. */
export async function popupStatus(popup: Page, timeoutMs = 10_000): Promise<string | null> {
  try {
    await popup.waitForFunction(
      () => {
        const status = document.querySelector('[data-testid="popup"]')?.getAttribute('data-status');
        return typeof status === 'string' && status !== 'loading';
      },
      undefined,
      { timeout: timeoutMs },
    );
  } catch {
    // Report whatever state it is stuck in; the caller's assertions say what was expected.
  }
  return popup.locator('[data-testid="popup"]').getAttribute('data-status', { timeout: 100 }).catch(() => null);
}
