// The popup's context cards, as a reader meets them in the popup on the seed article: who the people
// are, what they said, a click that takes the page to it, and "Also in N articles you've read".
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type ExtensionBrowser } from '../../testing/harness/launch-browser';
import { openPage, openPopup, POPUP_SIZE, waitForLede, type OpenedPage } from '../../testing/harness/lede-page';
import { seedDir, sharedDir } from '../../testing/harness/paths';
import { cardLocator, expandCard, readCards, waitForCards, type EntityCardView } from '../../testing/harness/popup-cards';
import { serveDirectory, type StaticServer } from '../../testing/harness/static-server';
import { artifactPath } from '../../testing/e2e/artifacts';
import { loadSeedGold, type GoldPerson } from '../../testing/e2e/gold';
import { rangeOnScreen, scrollYOf } from '../../testing/e2e/reveal';
import { storedArticleUrls } from '../../testing/e2e/stored-articles';
import { coverage, normalize } from '../../testing/e2e/text-match';

const gold = loadSeedGold();
/** score_gold.py's rule: a quote is shown when 80% of its words are covered, in order. */
const MIN_COVERAGE = 0.8;
/** The popup's own width (entrypoints/popup/style.css): cards must fit it without scrolling sideways. */
const POPUP_WIDTH = POPUP_SIZE.width;

const fixturesDir = path.join(sharedDir, 'fixtures');
const SEED_PAGE = `${path.relative(fixturesDir, seedDir)}/page-restored.html`;
/** A different article that also names Barack Obama (and none of the seed's other people). */
const OBAMA_PAGE = 'news-pages/bbc-news-bbc-1/page.html';

/** Whitespace, quotation marks and a closing full stop aside, the same words. */
const sameText = (a: string | null, b: string): boolean =>
  a !== null && normalize(a).replace(/\.$/, '') === normalize(b).replace(/\.$/, '');

const goldPerson = (name: string): GoldPerson => {
  const person = gold.people.find((p) => p.name === name);
  if (!person) throw new Error(`gold.json has no ${name}`);
  return person;
};

/** Every direct quotation gold gives a speaker, continuations included (each is its own quoted span). */
function goldDirectQuotes(speaker: string): string[] {
  return gold.quotes.filter((q) => q.speaker === speaker).flatMap((q) => (q.continuation ? [q.text, q.continuation] : [q.text]));
}

const fromLede = (error: string): boolean => error.includes('chrome-extension://') || error.startsWith('console warning: Lede');

const describeCards = (cards: EntityCardView[]): string => cards.map((c) => `${c.type}:${c.name}`).join(', ');

let server: StaticServer;

beforeAll(async () => {
  server = await serveDirectory(fixturesDir);
});

afterAll(async () => {
  await server?.close();
});

/** Opens a page, lets Lede paint it, opens its popup at the popup's own size and waits for cards. */
async function openWithCards(browser: ExtensionBrowser, url: string): Promise<{ opened: OpenedPage; popup: Page; popupErrors: string[]; cards: EntityCardView[] }> {
  const opened = await openPage(browser, url);
  await waitForLede(browser, opened);
  const { page: popup, errors: popupErrors } = await openPopup(browser, opened.tabId);
  await waitForCards(popup);
  return { opened, popup, popupErrors, cards: await readCards(popup) };
}

describe('cards on the seed article', () => {
  let browser: ExtensionBrowser;
  let opened: OpenedPage;
  let popup: Page;
  let popupErrors: string[];
  let cards: EntityCardView[];

  const card = (name: string): EntityCardView | undefined => cards.find((c) => c.name === name);

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ opened, popup, popupErrors, cards } = await openWithCards(browser, server.url(SEED_PAGE)));
    await popup.screenshot({ path: artifactPath('cards-popup.png'), fullPage: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the cards once they are ready', async () => {
    expect(await popup.getAttribute('[data-testid="popup"]', 'data-cards-ready')).toBe('true');
    expect(cards.length, 'no [data-testid="entity-card"] in the popup').toBeGreaterThan(0);
  });

  it.each(['Stephen Sestanovich', 'Michael McFaul'])('shows a card for %s with the article’s description of him', (name) => {
    const shown = card(name);
    expect(shown, `no card named ${name}; cards: ${describeCards(cards)}`).toBeDefined();
    expect(shown!.type).toBe('person');
    const description = goldPerson(name).description!;
    expect(sameText(shown!.description, description), `card-description: ${shown!.description}`).toBe(true);
  });

  it('lists exactly John Kerry’s five direct quotes on his card', () => {
    const kerry = card('John Kerry');
    expect(kerry, `no John Kerry card; cards: ${describeCards(cards)}`).toBeDefined();
    const expected = goldDirectQuotes('John Kerry');
    expect(expected).toHaveLength(5);
    const direct = kerry!.quotes.filter((q) => q.kind === 'direct').map((q) => q.text);
    const unmatched = direct.filter((shown) => !expected.some((g) => coverage(g, shown) >= MIN_COVERAGE));
    const missing = expected.filter((g) => !direct.some((shown) => coverage(g, shown) >= MIN_COVERAGE));
    expect({ unmatched, missing, count: direct.length }).toEqual({ unmatched: [], missing: [], count: 5 });
  });

  it('marks every quote on a card as direct or reported', () => {
    const kinds = new Set(cards.flatMap((c) => c.quotes.map((q) => q.kind)));
    expect([...kinds].filter((kind) => kind !== 'direct' && kind !== 'reported')).toEqual([]);
    // Kerry's reported statements are on his card too, marked as reported.
    const reported = card('John Kerry')?.quotes.filter((q) => q.kind === 'reported') ?? [];
    const goldReported = gold.reported_speech.filter((r) => r.speaker === 'John Kerry');
    const missing = goldReported.filter((r) => !reported.some((q) => coverage(r.text, q.text) >= MIN_COVERAGE)).map((r) => r.text);
    expect(missing).toEqual([]);
  });

  it('shows on Dmitry Peskov’s card the quote the article attributes with “he said”', () => {
    const peskov = card('Dmitry Peskov');
    expect(peskov, `no Dmitry Peskov card; cards: ${describeCards(cards)}`).toBeDefined();
    const viaHe = gold.quotes.find((q) => q.speaker === 'Dmitry Peskov')!;
    const shown = peskov!.quotes.filter((q) => q.kind === 'direct' && coverage(viaHe.text, q.text) >= MIN_COVERAGE);
    expect(shown.map((q) => q.text), `Peskov's quotes: ${JSON.stringify(peskov!.quotes)}`).toHaveLength(1);
  });

  it('scrolls the article to a quote when it is clicked on a card', async () => {
    const { page } = opened;
    const snippet = 'Together, the Syrian regime and Russia seem to have rejected diplomacy';
    const before = await rangeOnScreen(page, 'lede-quote', snippet);
    expect(before.text, 'the quote is not painted on the page').not.toBeNull();
    expect(before.inViewport, 'the quote is already on screen before the click').toBe(false);
    await expandCard(popup, 'John Kerry');
    const quote = cardLocator(popup, 'John Kerry').locator('[data-testid="card-quote"][data-kind="direct"]', { hasText: 'Together, the Syrian regime' });
    await quote.click();
    // The reader goes back to the article; a background tab gets no animation frames for a smooth scroll.
    await page.bringToFront();
    await expect.poll(() => rangeOnScreen(page, 'lede-quote', snippet), { timeout: 10_000 }).toMatchObject({ inViewport: true });
    expect(await scrollYOf(page)).toBeGreaterThan(before.scrollY);
  });

  it('scrolls the article to a person’s mention when the mention count is clicked', async () => {
    const { page } = opened;
    await page.evaluate(() => window.scrollTo(0, 0));
    const before = await rangeOnScreen(page, 'lede-person', 'Michael McFaul');
    expect(before.inViewport, 'McFaul is already on screen at the top of the page').toBe(false);
    await popup.bringToFront();
    await expandCard(popup, 'Michael McFaul');
    await cardLocator(popup, 'Michael McFaul').locator('[data-testid="card-mentions"]').click();
    await page.bringToFront();
    await expect.poll(() => rangeOnScreen(page, 'lede-person', 'Michael McFaul'), { timeout: 10_000 }).toMatchObject({ inViewport: true });
    expect(await scrollYOf(page)).toBeGreaterThan(0);
  });

  it(`fits a ${POPUP_WIDTH} px wide popup without horizontal overflow`, async () => {
    const overflow = await popup.evaluate(() => {
      const root = document.documentElement;
      const wide = [...document.querySelectorAll('[data-testid="entity-card"] *')]
        .filter((element) => element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX === 'visible')
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}: ${element.scrollWidth} > ${element.clientWidth}`);
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide: wide.slice(0, 5) };
    });
    expect(overflow.scrollWidth, JSON.stringify(overflow)).toBeLessThanOrEqual(overflow.clientWidth);
  });

  it('raises no errors in the page or the popup', () => {
    expect(opened.errors).toEqual([]);
    expect(popupErrors).toEqual([]);
  });
});

describe('"Also in N articles you’ve read"', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchBrowser(); // a fresh profile: nothing read yet
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('links a person’s card on a second article to the first article that named them', async () => {
    const firstUrl = server.url(SEED_PAGE);
    const first = await openPage(browser, firstUrl);
    expect(await waitForLede(browser, first), 'Lede never painted the first article').toBe(true);
    await expect.poll(() => storedArticleUrls(browser), { timeout: 10_000 }).toContain(firstUrl);

    const { opened, popup, popupErrors, cards } = await openWithCards(browser, server.url(OBAMA_PAGE));
    await popup.screenshot({ path: artifactPath('cards-popup-history.png'), fullPage: true });
    const obama = cards.find((c) => c.name === 'Barack Obama');
    expect(obama, `no Barack Obama card; cards: ${describeCards(cards)}`).toBeDefined();
    expect(obama!.history, 'no card-history on the Barack Obama card').not.toBeNull();
    expect(normalize(obama!.history!.text)).toMatch(/Also in 1 article youve read/);
    expect(obama!.history!.links.map((link) => link.href)).toContain(firstUrl);
    // Someone only the second article names has no history to show.
    const onlyHere = cards.find((c) => c.name === 'Jon Sopel');
    expect(onlyHere?.history ?? null).toBeNull();
    // The news page runs scripts of its own; only Lede's errors count there.
    expect([...first.errors, ...opened.errors.filter(fromLede), ...popupErrors]).toEqual([]);
  });
});
