// Reads the popup's entity cards, through their data-testid contract, into plain data.
import type { Locator, Page } from 'playwright-core';

export interface CardQuoteView {
  kind: string;
  text: string;
}

export interface CardHistoryLink {
  href: string;
  text: string;
}

export interface CardSummaryView {
  status: string;
  text: string;
  links: string[];
}

export interface EntityCardView {
  id: string;
  type: string;
  name: string;
  role: string | null;
  description: string | null;
  mentions: string | null;
  quotes: CardQuoteView[];
  history: { text: string; links: CardHistoryLink[] } | null;
  placeFacts: string | null;
  summary: CardSummaryView | null;
  /** Everything the card shows. */
  text: string;
}

const CARDS_READY = '[data-testid="popup"][data-cards-ready="true"]';
/** The history lines are settled: answered, or known to be unavailable. */
const HISTORY_SETTLED = '[data-testid="popup"]:is([data-history="ready"], [data-history="unavailable"])';

/** Waits until the popup says its cards are shown and their history is filled in; false if they never are. */
export async function waitForCards(popup: Page, timeoutMs = 15_000): Promise<boolean> {
  try {
    await popup.waitForSelector(CARDS_READY, { timeout: timeoutMs, state: 'attached' });
    await popup.waitForSelector(HISTORY_SETTLED, { timeout: timeoutMs, state: 'attached' });
    return true;
  } catch {
    return false;
  }
}

export function readCards(popup: Page): Promise<EntityCardView[]> {
  return popup.evaluate(() => {
    const text = (element: Element | null): string | null => (element ? (element.textContent ?? '') : null);
    return [...document.querySelectorAll('[data-testid="entity-card"]')].map((card) => {
      const history = card.querySelector('[data-testid="card-history"]');
      const summary = card.querySelector('[data-testid="card-summary"]');
      return {
        id: card.getAttribute('data-entity-id') ?? '',
        type: card.getAttribute('data-type') ?? '',
        name: card.getAttribute('data-name') ?? '',
        role: text(card.querySelector('[data-testid="card-role"]')),
        description: text(card.querySelector('[data-testid="card-description"]')),
        mentions: text(card.querySelector('[data-testid="card-mentions"]')),
        quotes: [...card.querySelectorAll('[data-testid="card-quote"]')].map((quote) => ({
          kind: quote.getAttribute('data-kind') ?? '',
          text: quote.textContent ?? '',
        })),
        history: history
          ? {
              text: history.textContent ?? '',
              links: [...history.querySelectorAll('a[href]')].map((a) => ({
                href: (a as HTMLAnchorElement).href,
                text: a.textContent ?? '',
              })),
            }
          : null,
        placeFacts: text(card.querySelector('[data-testid="card-place-facts"]')),
        summary: summary
          ? {
              status: summary.getAttribute('data-status') ?? '',
              text: summary.textContent ?? '',
              links: [...summary.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
            }
          : null,
        text: card.textContent ?? '',
      };
    });
  });
}

/** The card for one entity, by its data-name. */
export function cardLocator(popup: Page, name: string): Locator {
  return popup.locator(`[data-testid="entity-card"][data-name="${name.replace(/"/g, '\\"')}"]`);
}

/**
 * Makes one card visible and unfolded, as a reader would: "Show N more people" when it is past
 * the first few, then its name (a button with aria-expanded). Returns the card.
 */
export async function expandCard(popup: Page, name: string): Promise<Locator> {
  const card = cardLocator(popup, name);
  if (!(await card.isVisible())) {
    const more = popup.locator('[data-testid="show-all-people"]');
    if (await more.isVisible()) await more.click();
  }
  const toggle = card.locator('[data-testid="card-toggle"]');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await card.locator('[data-testid="card-toggle"][aria-expanded="true"]').waitFor();
  return card;
}

/** Shows the popup's Notes tab (the reader's notes on the page). */
export async function showNotesTab(popup: Page): Promise<void> {
  await popup.click('[data-testid="tab-notes"]');
  await popup.waitForSelector('[data-testid="tab-notes"][aria-selected="true"]');
}
