// Articles, not addresses, and a page for every person read about, in real Chromium:
// - the seed article read at two addresses (its restored and stripped pages: other markup, other
//   punctuation, the same text) is one article: the history keeps one row, and the popup on the
//   second address does not offer the first as "Also in 1 article"; a different article that names
//   the same person (BBC, Barack Obama) does count;
// - a third article (New York Times, which calls him "Obama") opens his page in the library from
//   its popup card ("All about Obama"): the three articles with site and date, the description
//   the press gave him once, his quotes with links back to their words; screenshots in light and dark.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type ExtensionBrowser } from '../../testing/harness/launch-browser';
import { openPage, openPopup, waitForLede } from '../../testing/harness/lede-page';
import { seedDir, sharedDir } from '../../testing/harness/paths';
import { expandCard, readCards, waitForCards } from '../../testing/harness/popup-cards';
import { serveDirectory, type StaticServer } from '../../testing/harness/static-server';
import { artifactPath } from '../../testing/e2e/artifacts';
import { evaluateInShadow } from '../../testing/e2e/closed-shadow';
import { storedArticleUrls } from '../../testing/e2e/stored-articles';
import { normalize } from '../../testing/e2e/text-match';

const fixturesDir = path.join(sharedDir, 'fixtures');
const seedPath = path.relative(fixturesDir, seedDir);
const RESTORED = `${seedPath}/page-restored.html`;
const STRIPPED = `${seedPath}/page-stripped.html`;
/** Two other articles that name Barack Obama: BBC ("Barack Obama", quoted at length) and NYT ("Obama"). */
const BBC = 'news-pages/bbc-news-bbc-1/page.html';
const NYT = 'news-pages/new-york-times-nytimes-1/page.html';

const fromLede = (error: string): boolean => error.includes('chrome-extension://') || error.startsWith('console warning: Lede');

let server: StaticServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await serveDirectory(fixturesDir);
  browser = await launchBrowser(); // a fresh profile: nothing read yet
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens an article, waits for Lede to paint it and for the history to hold it. */
async function read(relative: string, storedAs: string = server.url(relative)) {
  const opened = await openPage(browser, server.url(relative));
  expect(await waitForLede(browser, opened), `Lede never painted ${relative}`).toBe(true);
  await expect.poll(() => storedArticleUrls(browser), { timeout: 15_000 }).toContain(storedAs);
  return opened;
}

/** The addresses the stored article kept under `url` is known by (its aliases), read from Lede's IndexedDB. */
async function storedAliases(url: string): Promise<string[]> {
  const worker = await browser.serviceWorker();
  return worker.evaluate(
    (key) =>
      new Promise<string[]>((resolve, reject) => {
        const opening = indexedDB.open('lede');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const get = db.transaction('articles', 'readonly').objectStore('articles').get(key);
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            db.close();
            resolve((get.result?.aliases as string[] | undefined) ?? []);
          };
        };
      }),
    url,
  );
}

async function popupCards(tabId: number) {
  const { page, errors } = await openPopup(browser, tabId);
  expect(await waitForCards(page), 'the popup never showed its cards').toBe(true);
  return { popup: page, errors, cards: await readCards(page) };
}

describe('one article at two addresses', () => {
  it('is one entry in the history, and its popup does not point back at itself', async () => {
    const restored = await read(RESTORED);
    // The stripped page is the same article: it joins the restored one's row.
    const stripped = await openPage(browser, server.url(STRIPPED));
    expect(await waitForLede(browser, stripped)).toBe(true);
    await expect.poll(() => storedAliases(server.url(RESTORED)), { timeout: 15_000 }).toContain(server.url(STRIPPED));
    const { popup, errors, cards } = await popupCards(stripped.tabId);
    const obama = cards.find((card) => card.name === 'Barack Obama');
    expect(obama, `no Barack Obama card: ${cards.map((c) => c.name).join(', ')}`).toBeDefined();
    expect(obama!.history, 'the same article at another address counted as another article').toBeNull();
    expect(await storedArticleUrls(browser)).toEqual([server.url(RESTORED)]);
    await popup.close();

    // A different article that names him does count, and links to the seed article once.
    await read(BBC);
    const again = await popupCards(stripped.tabId);
    const withHistory = again.cards.find((card) => card.name === 'Barack Obama')!;
    expect(withHistory.history).not.toBeNull();
    expect(normalize(withHistory.history!.text)).toMatch(/Also in 1 article youve read/);
    expect(withHistory.history!.links.map((link) => link.href)).toEqual([server.url(BBC)]);
    await (await expandCard(again.popup, 'Barack Obama')).screenshot({ path: artifactPath('entity-history-one-article.png') });
    expect([...restored.errors, ...stripped.errors, ...errors, ...again.errors]).toEqual([]);
    await again.popup.close();
  });
});

describe('a page for everyone read about', () => {
  let entityPage: Page;

  it('opens from a popup card’s "All about Obama" with his articles, descriptions and quotes', async () => {
    const nyt = await read(NYT);
    const { popup, errors } = await popupCards(nyt.tabId);
    const card = await expandCard(popup, 'Obama');
    const button = card.locator('[data-testid="card-open-entity"]');
    expect(normalize((await button.textContent()) ?? '')).toBe('All about Obama');
    const opening = browser.context.waitForEvent('page');
    await button.click();
    entityPage = await opening;
    await entityPage.waitForSelector('[data-testid="entity-article"]', { timeout: 15_000 });
    expect(new URL(entityPage.url()).hash).toBe('#entity=person%3Aobama');

    // The fullest name the articles used, and the other one.
    expect(normalize((await entityPage.textContent('[data-testid="entity-name"]')) ?? '')).toBe('All about Barack Obama');
    expect(normalize((await entityPage.textContent('[data-testid="entity-names"]')) ?? '')).toContain('Obama');
    // Every article that mentions him, newest first, with site and date; the seed article once.
    const articles = await entityPage.$$eval('[data-testid="entity-article"]', (items) =>
      items.map((li) => ({ href: li.querySelector('a')!.href, meta: li.querySelector('.entity-source-meta')!.textContent ?? '', date: li.querySelector('time')?.getAttribute('datetime') ?? '' })),
    );
    expect(articles.map((a) => a.href)).toEqual([server.url(NYT), server.url(BBC), server.url(RESTORED)]);
    for (const article of articles) {
      expect(article.meta).toContain('127.0.0.1');
      expect(article.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // The press called him President in all three: said once, with the first article and the count.
    const descriptions = await entityPage.$$eval('[data-testid="entity-description"]', (items) => items.map((li) => li.textContent ?? ''));
    expect(descriptions.filter((text) => /^President/.test(text))).toHaveLength(1);
    expect(descriptions.find((text) => /^President/.test(text))).toMatch(/and 2 other articles/);
    // His quotes (the BBC interview), each with a link that opens the article at the words.
    const quotes = await entityPage.$$eval('[data-testid="entity-quote"]', (items) =>
      items.map((li) => ({ text: li.querySelector('blockquote')!.textContent ?? '', link: li.querySelector<HTMLAnchorElement>('[data-testid="entity-quote-link"]')!.href })),
    );
    expect(quotes.length).toBeGreaterThan(5);
    for (const quote of quotes) {
      expect(quote.link.startsWith(`${server.url(BBC)}#:~:text=`), quote.link).toBe(true);
    }
    expect(normalize((await entityPage.textContent('[data-testid="entity-page"]')) ?? '')).not.toMatch(/havent read about/);
    expect([...nyt.errors.filter(fromLede), ...errors]).toEqual([]);
    await popup.close();
  });

  it('is read by keyboard: the heading has focus, and Tab reaches the first article', async () => {
    expect(await entityPage.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('entity-name');
    await entityPage.keyboard.press('Tab');
    const first = await entityPage.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid'));
    expect(first).toBe('entity-article');
  });

  it('looks right in light and dark (screenshots in test-artifacts/)', async () => {
    await entityPage.setViewportSize({ width: 1000, height: 1200 });
    await entityPage.emulateMedia({ colorScheme: 'light' });
    await entityPage.screenshot({ path: artifactPath('entity-page-light.png'), fullPage: true });
    const lightBg = await entityPage.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await entityPage.emulateMedia({ colorScheme: 'dark' });
    await entityPage.screenshot({ path: artifactPath('entity-page-dark.png'), fullPage: true });
    const darkBg = await entityPage.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(darkBg).not.toBe(lightBg);
  });

  it('opens from the in-page hover card too, by keyboard (Alt+Shift+J, Tab, Enter)', async () => {
    const opened = await openPage(browser, server.url(BBC));
    await opened.page.bringToFront(); // a background tab gets no animation frames
    expect(await waitForLede(browser, opened)).toBe(true);
    await opened.page.keyboard.press('Alt+Shift+KeyJ');
    await expect
      .poll(() => evaluateInShadow(opened.page, 'lede-hovercard', (root) => root.querySelector('[data-testid="hovercard-open-entity"]')?.textContent ?? null), { timeout: 10_000 })
      .toMatch(/^All about /);
    const name = (await evaluateInShadow(opened.page, 'lede-hovercard', (root) => root.querySelector('[data-testid="hovercard-name"]')?.textContent ?? ''))!;
    await opened.page.keyboard.press('Tab');
    expect(await evaluateInShadow(opened.page, 'lede-hovercard', (root) => root.activeElement?.getAttribute('data-testid'))).toBe('hovercard-open-entity');
    const libraryPages = (): Page[] => browser.context.pages().filter((p) => p.url().includes('/library.html'));
    const before = new Map(libraryPages().map((p) => [p, p.url()] as const));
    await opened.page.keyboard.press('Enter');
    // The library tab already open (the previous test's) moves to the entity's page; else a new one opens.
    await expect
      .poll(() => libraryPages().find((p) => p.url().includes('#entity=') && before.get(p) !== p.url()) ?? null, { timeout: 15_000 })
      .not.toBeNull();
    const library = libraryPages().find((p) => p.url().includes('#entity=') && before.get(p) !== p.url())!;
    const surname = normalize(name.split(' ').at(-1)!);
    await expect.poll(async () => normalize((await library.textContent('[data-testid="entity-name"]').catch(() => null)) ?? ''), { timeout: 15_000 }).toContain(surname);
    await opened.page.close();
  });

  it('says when the reader has read about someone nowhere else', async () => {
    const lonely = await browser.context.newPage();
    await lonely.goto(`chrome-extension://${browser.extensionId}/library.html#entity=${encodeURIComponent('person:jon sopel')}`);
    await lonely.waitForSelector('[data-testid="entity-empty"]', { timeout: 15_000 });
    expect(normalize((await lonely.textContent('[data-testid="entity-empty"]')) ?? '')).toMatch(/You havent read about Jon Sopel elsewhere yet/);
    await lonely.close();
  });
});
