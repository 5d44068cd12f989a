// Privacy: with encyclopedia summaries off (the default) the extension makes no network request
// at all, on the seed article and on real news pages, popup opened on each. With them on, the
// only requests go to the configured encyclopedia (here a local stub), carry only a name, and a
// second view of the same card is served from Lede's cache. The reading history, kept only in
// the browser, can be cleared and turned off from the settings page.
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEncyclopediaStub, type EncyclopediaStub } from '../../testing/harness/encyclopedia-stub';
import { launchBrowser, type ExtensionBrowser } from '../../testing/harness/launch-browser';
import { openPage, openPopup, waitForAnswer, type OpenedPage } from '../../testing/harness/lede-page';
import { seedDir, sharedDir } from '../../testing/harness/paths';
import { cardLocator, expandCard, waitForCards } from '../../testing/harness/popup-cards';
import { collectPageRequests, ExtensionRequestRecorder } from '../../testing/harness/request-recorder';
import { serveDirectory, type StaticServer } from '../../testing/harness/static-server';
import { artifactPath } from '../../testing/e2e/artifacts';
import { storedArticleUrls } from '../../testing/e2e/stored-articles';
import { readStoredUserSettings, writeUserSettings } from '../../testing/e2e/user-settings';

const fixturesDir = path.join(sharedDir, 'fixtures');
const SEED_PAGE = `${path.relative(fixturesDir, seedDir)}/page-restored.html`;
/**
 * Five core news pages whose own requests are the same on every load (some pages add a
 * timestamp to a script URL, which would make the with/without-Lede comparison meaningless).
 */
const NEWS_PAGES = [
  'bbc-news-bbc-1',
  'the-guardian-guardian-1',
  'new-york-times-nytimes-3',
  'washington-post-wapo-1',
  'spokesman-com-c13b9c0e04fb',
].map((dir) => `news-pages/${dir}/page.html`);
const PAGES = [SEED_PAGE, ...NEWS_PAGES];

/** The names the stub knows; any other name is a miss (404). */
const FOUND_NAME = 'Stephen Sestanovich';
const FOUND_EXTRACT = 'Stephen Sestanovich is an American diplomat and scholar of Russia (stub summary for Lede’s tests).';
const AMBIGUOUS_NAME = 'Josh Earnest';

let server: StaticServer;

beforeAll(async () => {
  server = await serveDirectory(fixturesDir);
});

afterAll(async () => {
  await server?.close();
});

/** Waits for a page's own requests to die down; every non-local one is aborted at once, so this is quick. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
}

describe('with encyclopedia summaries off (the default)', () => {
  /** Each page's requests in a browser without Lede. */
  const withoutLede = new Map<string, Set<string>>();
  const withLede = new Map<string, Set<string>>();
  let browser: ExtensionBrowser;
  let recorder: ExtensionRequestRecorder;
  const statuses = new Map<string, string | null>();
  let cardsShown = 0;

  /** Each page's own requests, in a browser without Lede. */
  async function recordWithoutLede(): Promise<void> {
    const plain = await launchBrowser({ extensionDir: null });
    try {
      for (const file of PAGES) {
        const page = await plain.context.newPage();
        withoutLede.set(file, collectPageRequests(page));
        await page.goto(server.url(file), { waitUntil: 'load' });
        await settle(page);
        await page.close();
      }
    } finally {
      await plain.close();
    }
  }

  /** Each page with Lede, as a reader uses it: analysed, then the popup opened on it. */
  async function visitWithLede(): Promise<void> {
    browser = await launchBrowser();
    recorder = new ExtensionRequestRecorder(browser.context);
    for (const file of PAGES) {
      const opened: OpenedPage = await openPage(browser, server.url(file), {
        beforeNavigate: async (page) => {
          withLede.set(file, collectPageRequests(page));
          await recorder.watchPage(page);
        },
      });
      const answer = await waitForAnswer(browser, opened.tabId, 30_000);
      statuses.set(file, (answer as { status?: string } | undefined)?.status ?? null);
      // The page's own requests die down while the popup opens and shows its cards.
      const pageSettled = settle(opened.page);
      const { page: popup } = await openPopup(browser, opened.tabId);
      if (await waitForCards(popup)) cardsShown++;
      await Promise.all([pageSettled, settle(popup)]);
      await popup.close();
      await opened.page.close();
    }
  }

  // Two separate browsers, side by side: most of either run is waiting for the network to go quiet.
  beforeAll(() => Promise.all([recordWithoutLede(), visitWithLede()]));

  afterAll(async () => {
    recorder?.stop();
    await browser?.close();
  });

  it('stores no setting that turns summaries on', async () => {
    const stored = (await readStoredUserSettings(browser)) as { encyclopedia?: unknown } | undefined;
    expect(stored?.encyclopedia ?? false).toBe(false);
  });

  it('analyses the pages and shows their cards, so the popup really ran', () => {
    expect(statuses.get(SEED_PAGE)).toBe('analyzed');
    expect(cardsShown).toBeGreaterThanOrEqual(PAGES.length - 1);
  });

  it('makes no request from its service worker, popup or content scripts', () => {
    expect(recorder.requests).toEqual([]);
  });

  it('adds no request to any page beyond what the page makes without Lede', () => {
    const added = PAGES.flatMap((file) => {
      const before = withoutLede.get(file) ?? new Set<string>();
      return [...(withLede.get(file) ?? [])].filter((url) => !before.has(url) && !url.startsWith('chrome-extension://')).map((url) => `${file}: ${url}`);
    });
    expect(withLede.size).toBe(PAGES.length);
    expect(added).toEqual([]);
  });

  it('leaves the seed article, which loads nothing from elsewhere, with no refused request at all', () => {
    const seedRequests = [...(withLede.get(SEED_PAGE) ?? [])].filter((url) => !url.startsWith(server.origin + '/'));
    expect(seedRequests).toEqual([]);
  });
});

describe('with encyclopedia summaries on, against a local stub', () => {
  let browser: ExtensionBrowser;
  let recorder: ExtensionRequestRecorder;
  let stub: EncyclopediaStub;
  let opened: OpenedPage;

  /** Opens the seed article's popup and waits for its cards. */
  async function openSeedPopup(): Promise<Page> {
    const { page: popup } = await openPopup(browser, opened.tabId);
    expect(await waitForCards(popup), 'the popup never set data-cards-ready').toBe(true);
    return popup;
  }

  /** Unfolds a card and scrolls it into view (the popup asks for summaries lazily, for open cards on screen) and waits for its summary. */
  async function summaryOf(popup: Page, name: string, status: string): Promise<Locator> {
    const card = await expandCard(popup, name);
    await card.scrollIntoViewIfNeeded();
    const summary = card.locator(`[data-testid="card-summary"][data-status="${status}"]`);
    await summary.waitFor({ timeout: 10_000 });
    return summary;
  }

  beforeAll(async () => {
    stub = await startEncyclopediaStub({
      [FOUND_NAME]: { type: 'standard', extract: FOUND_EXTRACT },
      [AMBIGUOUS_NAME]: { type: 'disambiguation' },
    });
    browser = await launchBrowser();
    recorder = new ExtensionRequestRecorder(browser.context);
    await writeUserSettings(browser, { history: true, encyclopedia: true, encyclopediaBaseUrl: stub.baseUrl });
    opened = await openPage(browser, server.url(SEED_PAGE), { beforeNavigate: (page) => recorder.watchPage(page) });
    await waitForAnswer(browser, opened.tabId, 30_000);
  });

  afterAll(async () => {
    recorder?.stop();
    await browser?.close();
    await stub?.close();
  });

  it('shows the summary from the configured encyclopedia, with a link to its page', async () => {
    const popup = await openSeedPopup();
    const summary = await summaryOf(popup, FOUND_NAME, 'found');
    await popup.screenshot({ path: artifactPath('cards-popup-summary.png'), fullPage: true });
    expect(await summary.textContent()).toContain(FOUND_EXTRACT);
    const links = await summary.locator('a[href]').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toContain(stub.pageUrl(FOUND_NAME));
    expect(stub.hits(FOUND_NAME)).toBe(1);
    await popup.close();
  });

  it('serves the summary from its cache when the popup opens again', async () => {
    const hitsBefore = stub.hits(FOUND_NAME);
    const popup = await openSeedPopup();
    const summary = await summaryOf(popup, FOUND_NAME, 'found');
    expect(await summary.textContent()).toContain(FOUND_EXTRACT);
    expect(await summary.getAttribute('data-cached')).toBe('true');
    expect(stub.hits(FOUND_NAME)).toBe(hitsBefore);
    await popup.close();
  });

  it('says several pages match when the encyclopedia answers with a disambiguation page', async () => {
    const popup = await openSeedPopup();
    const summary = await summaryOf(popup, AMBIGUOUS_NAME, 'ambiguous');
    expect(await summary.textContent()).toMatch(/several pages/i);
    const links = await summary.locator('a[href]').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toContain(stub.pageUrl(AMBIGUOUS_NAME));
    await popup.close();
  });

  it('sends nothing but names, and only to the configured encyclopedia', () => {
    const elsewhere = recorder.outside([stub.baseUrl]);
    expect(elsewhere).toEqual([]);
    const notSummaries = stub.requests.filter((line) => !/^(GET|OPTIONS) \/api\/rest_v1\/page\/summary\/[^/?#]+$/.test(line));
    expect(notSummaries).toEqual([]);
    expect(recorder.requests.length).toBeGreaterThan(0);
  });
});

describe('reading history, which the reader can clear and turn off on the settings page', () => {
  let browser: ExtensionBrowser;
  let settings: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens an article, lets Lede answer, and closes it again. */
  async function read(file: string): Promise<void> {
    const opened = await openPage(browser, server.url(file));
    await waitForAnswer(browser, opened.tabId, 30_000);
    await opened.page.close();
  }

  it('forgets every remembered article when the reader clears the history', async () => {
    await read(SEED_PAGE);
    await expect.poll(() => storedArticleUrls(browser), { timeout: 10_000 }).toContain(server.url(SEED_PAGE));
    settings = await browser.context.newPage();
    await settings.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await settings.locator('[data-testid="history-count"][data-count="1"]').waitFor({ timeout: 10_000 });
    await settings.locator('[data-testid="clear-history"]').click();
    await settings.locator('[data-testid="clear-history-confirm"]').click();
    await settings.locator('[data-testid="history-count"][data-count="0"]').waitFor({ timeout: 10_000 });
    expect(await storedArticleUrls(browser)).toEqual([]);
  });

  it('remembers nothing, and shows no "Also in" history, once the reader turns it off', async () => {
    const toggle = settings.locator('[data-testid="setting-history"]');
    expect(await toggle.isChecked()).toBe(true);
    // A click, not uncheck(): the switch shows the stored value, which changes once the save is done.
    await toggle.click();
    await expect.poll(() => readStoredUserSettings(browser), { timeout: 10_000 }).toMatchObject({ history: false });
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await read(SEED_PAGE);
    const opened = await openPage(browser, server.url('news-pages/bbc-news-bbc-1/page.html'));
    await waitForAnswer(browser, opened.tabId, 30_000);
    const { page: popup } = await openPopup(browser, opened.tabId);
    expect(await waitForCards(popup), 'the popup never set data-cards-ready').toBe(true);
    const obama = cardLocator(popup, 'Barack Obama');
    await obama.waitFor({ timeout: 5_000 });
    expect(await obama.locator('[data-testid="card-history"]').count()).toBe(0);
    expect(await storedArticleUrls(browser)).toEqual([]);
  });
});
