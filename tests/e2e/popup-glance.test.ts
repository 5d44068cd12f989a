// The popup at a glance, in real Chromium with the built extension: the first screen (the popup's
// real 400 × 600 px) answers "who is in this story" with the top people and who they are; the
// filter narrows the cards; a folded section stays folded when the popup opens again; the Notes
// tab, reached from the keyboard, shows the page's notes. Screenshots of the first screen on the
// seed and on three real news pages go to test-artifacts/.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../testing/harness/launch-browser';
import { openPage, openPopup, POPUP_SIZE, waitForLede, type OpenedPage } from '../../testing/harness/lede-page';
import { seedDir, sharedDir } from '../../testing/harness/paths';
import { waitForCards } from '../../testing/harness/popup-cards';
import { screenshotPopupScreens } from '../../testing/harness/popup-screens';
import type { StaticServer } from '../../testing/harness/static-server';
import { artifactPath } from '../../testing/e2e/artifacts';
import { loadSeedGold } from '../../testing/e2e/gold';
import { paintedNoteTexts } from '../../testing/e2e/note-paint';
import { selectText, sendToTab, waitForEditorFrame } from '../../testing/e2e/notes-page';
import { storedArticleUrls } from '../../testing/e2e/stored-articles';
import { normalize } from '../../testing/e2e/text-match';
import { closeBrowserSession, startBrowserSession } from '../../testing/e2e/browser-session';

const fixturesDir = path.join(sharedDir, 'fixtures');
const SEED_PAGE = `${path.relative(fixturesDir, seedDir)}/page-restored.html`;
/** Three real news pages; the BBC one also names Barack Obama, so his card on the seed has history. */
const REAL_PAGES = ['bbc-news-bbc-1', 'aljazeera-com-42aad16bde92', 'cnn-com-d605bdef2cde'];
const PASSAGE = 'Kerry is a congenial, keep-communicating kind of guy';
const NOTE_BODY = 'Lede-e2e-glance: Sestanovich on Kerry';
const POLL = { timeout: 15_000, interval: 100 };

const gold = loadSeedGold();
const goldDescription = (name: string): string => {
  const description = gold.people.find((person) => person.name === name)?.description;
  if (!description) throw new Error(`gold.json gives ${name} no description`);
  return description;
};
const fromLede = (error: string): boolean => error.includes('chrome-extension://') || error.startsWith('console warning: Lede');

interface ShownCard {
  type: string;
  name: string;
  /** What the card's first line shows: the name, then who they are. */
  text: string;
}

/** The cards a reader sees on the popup's first screen: rendered, not hidden, and wholly inside the viewport. */
function firstScreenCards(popup: Page): Promise<ShownCard[]> {
  return popup.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="entity-card"]')]
      .filter((card) => {
        const head = card.querySelector<HTMLElement>('.card-head')!;
        const box = head.getBoundingClientRect();
        return head.checkVisibility() && box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
      })
      .map((card) => ({
        type: card.dataset.type ?? '',
        name: card.dataset.name ?? '',
        text: card.querySelector<HTMLElement>('.card-head')!.innerText,
      })),
  );
}

/** Names of the entity items a reader can see now (anywhere down the popup), by type. */
function visibleNames(popup: Page): Promise<Record<string, string[]>> {
  return popup.evaluate(() => {
    const byType: Record<string, string[]> = { person: [], place: [], organization: [] };
    for (const item of document.querySelectorAll<HTMLElement>('[data-testid="entity-group"] [data-testid="entity"]')) {
      if (!item.checkVisibility()) continue;
      const type = item.closest<HTMLElement>('[data-testid="entity-group"]')!.dataset.type!;
      byType[type]!.push(item.dataset.name!);
    }
    return byType;
  });
}

let server: StaticServer;
let browser: ExtensionBrowser;
let seed: OpenedPage;
const pageErrors: string[] = [];
const popupErrors: string[] = [];

async function openSeedPopup(): Promise<Page> {
  const { page: popup, errors } = await openPopup(browser, seed.tabId);
  popup.on('close', () => popupErrors.push(...errors));
  expect(await waitForCards(popup), 'the popup never showed its cards').toBe(true);
  return popup;
}

beforeAll(async () => {
  ({ browser, server } = await startBrowserSession(fixturesDir));
});

afterAll(() => closeBrowserSession({ browser, server }));

describe('the popup at a glance on real news pages', () => {
  it.each(REAL_PAGES)('shows who is in %s on its first screen (pictured in test-artifacts/)', async (name) => {
    const url = server.url(`news-pages/${name}/page.html`);
    const opened = await openPage(browser, url);
    expect(await waitForLede(browser, opened, 30_000), `Lede never painted ${name}`).toBe(true);
    // Into the reading history: the seed's cards say where else the reader met these people.
    await expect.poll(() => storedArticleUrls(browser), POLL).toContain(url);
    const { page: popup, errors } = await openPopup(browser, opened.tabId);
    expect(await waitForCards(popup), `no cards in the popup on ${name}`).toBe(true);
    await popup.screenshot({ path: artifactPath(`popup-glance-${name}.png`) });
    const shown = await firstScreenCards(popup);
    expect(shown.length, `nothing on the first screen on ${name}`).toBeGreaterThan(0);
    // The page's own scripts may fail offline; only Lede's errors count there.
    pageErrors.push(...opened.errors.filter(fromLede));
    popupErrors.push(...errors);
    await popup.close();
    await opened.page.close();
  });
});

describe('the popup at a glance on the seed article', () => {
  beforeAll(async () => {
    seed = await openPage(browser, server.url(SEED_PAGE));
    expect(await waitForLede(browser, seed, 30_000), 'Lede never painted the seed').toBe(true);
  });

  it('shows the top people with who they are within its first 600 px', async () => {
    const popup = await openSeedPopup();
    expect(await popup.evaluate(() => [window.innerWidth, window.innerHeight])).toEqual([POPUP_SIZE.width, POPUP_SIZE.height]);
    const shown = await firstScreenCards(popup);
    const people = shown.filter((card) => card.type === 'person');
    expect(people.length, JSON.stringify(shown)).toBeGreaterThanOrEqual(6);
    expect(people[0]?.name).toBe('John Kerry');
    const sestanovich = people.find((card) => card.name === 'Stephen Sestanovich');
    expect(sestanovich, `Sestanovich is not on the first screen: ${JSON.stringify(shown)}`).toBeDefined();
    expect(normalize(sestanovich!.text)).toContain(normalize(goldDescription('Stephen Sestanovich')).replace(/\.$/, ''));
    expect(normalize(people[0]!.text)).toContain('Secretary of State');
    // The body is the popup's width: nothing sticks out sideways, and no wider page leaves a margin.
    const widths = await popup.evaluate(() => ({ body: document.body.getBoundingClientRect().width, scroll: document.documentElement.scrollWidth }));
    expect(widths).toEqual({ body: POPUP_SIZE.width, scroll: POPUP_SIZE.width });
    await popup.close();
  });

  it('narrows the cards to what the reader types in the filter', async () => {
    const popup = await openSeedPopup();
    const everything = await visibleNames(popup);
    expect(everything.place!.length).toBeGreaterThan(1);
    await popup.fill('[data-testid="card-filter"]', 'sestanovich');
    await expect.poll(() => visibleNames(popup), POLL).toEqual({ person: ['Stephen Sestanovich'], place: [], organization: [] });
    // By what the article says of someone, not only by name.
    await popup.fill('[data-testid="card-filter"]', 'Kremlin');
    await expect.poll(async () => (await visibleNames(popup)).person, POLL).toEqual(['Dmitry Peskov']);
    // By type: every place, nothing else.
    await popup.fill('[data-testid="card-filter"]', 'places');
    await expect.poll(() => visibleNames(popup), POLL).toEqual({ person: [], place: everything.place, organization: [] });
    await popup.fill('[data-testid="card-filter"]', '');
    await expect.poll(async () => (await visibleNames(popup)).place, POLL).toEqual(everything.place);
    await popup.close();
  });

  it('unfolds a card from the keyboard to its quotes, and folds it again', async () => {
    const popup = await openSeedPopup();
    const kerry = popup.locator('[data-testid="entity-card"][data-name="John Kerry"]');
    const toggle = kerry.locator('[data-testid="card-toggle"]');
    expect(await kerry.locator('[data-testid="card-quote"]').first().isVisible()).toBe(false);
    await toggle.focus();
    await popup.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await kerry.locator('[data-testid="card-quote"][data-kind="direct"]').count()).toBe(5);
    expect(await kerry.locator('[data-testid="card-quote"]').first().isVisible()).toBe(true);
    await popup.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await kerry.locator('[data-testid="card-quote"]').first().isVisible()).toBe(false);
    await popup.close();
  });

  it('keeps a section folded when the popup opens again', async () => {
    const first = await openSeedPopup();
    await first.click('[data-testid="fold-places"]');
    expect(await first.getAttribute('[data-testid="fold-places"]', 'aria-expanded')).toBe('false');
    expect(await first.isVisible('#section-places')).toBe(false);
    await first.close();

    const again = await openSeedPopup();
    expect(await again.getAttribute('[data-testid="fold-places"]', 'aria-expanded')).toBe('false');
    expect(await again.isVisible('#section-places')).toBe(false);
    expect(await again.isVisible('#section-people')).toBe(true);
    // Unfolded again, for the tests after this one.
    await again.click('[data-testid="fold-places"]');
    expect(await again.isVisible('#section-places')).toBe(true);
    await again.close();
    const third = await openSeedPopup();
    expect(await third.getAttribute('[data-testid="fold-places"]', 'aria-expanded')).toBe('true');
    await third.close();
  });

  it('shows the page’s notes in the Notes tab, reached with the arrow keys', async () => {
    const { page } = seed;
    await page.bringToFront();
    expect(await selectText(page, 'article', PASSAGE)).toBe(true);
    expect(await sendToTab(browser, seed.tabId, { type: 'startNote' })).toEqual({ ok: true });
    await waitForEditorFrame(page);
    await page.keyboard.type(NOTE_BODY);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => paintedNoteTexts(page), POLL).toEqual([PASSAGE]);

    const popup = await openSeedPopup();
    const notesTab = popup.locator('[data-testid="tab-notes"]');
    await expect.poll(() => notesTab.textContent(), POLL).toBe('Notes1');
    expect(await popup.isVisible('[data-testid="notes"]')).toBe(false);
    await popup.focus('[data-testid="tab-people"]');
    await popup.keyboard.press('ArrowRight');
    expect(await notesTab.getAttribute('aria-selected')).toBe('true');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tab-notes');
    await popup.waitForSelector('[data-testid="notes"][data-state="ready"]', { timeout: 15_000 });
    const notes = await popup.$$eval('[data-testid="note"]', (items) => items.map((item) => item.textContent ?? ''));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(NOTE_BODY);
    expect(notes[0]).toContain(PASSAGE);
    await popup.keyboard.press('ArrowLeft');
    expect(await popup.getAttribute('[data-testid="tab-people"]', 'aria-selected')).toBe('true');

    // The three screens, at the popup's real size: first screen, Obama's card unfolded (history from the BBC page), Notes.
    await screenshotPopupScreens(
      popup,
      { first: artifactPath('popup-seed-1.png'), card: artifactPath('popup-seed-2.png'), notes: artifactPath('popup-seed-3.png') },
      'Barack Obama',
    );
    const obama = popup.locator('[data-testid="entity-card"][data-name="Barack Obama"]');
    expect(normalize((await obama.locator('[data-testid="card-history"]').textContent()) ?? '')).toMatch(/Also in 1 article youve read/);
    await popup.close();
  });

  it('raises no errors from Lede in the pages or the popups', () => {
    expect([...pageErrors, ...seed.errors]).toEqual([]);
    expect(popupErrors).toEqual([]);
  });
});
