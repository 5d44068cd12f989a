// Pictures of the popup at its real size, one per screen a reader meets: the first screen, a
// card unfolded, the Notes tab. Shared by the demo and the popup's end-to-end test.
import type { Page } from 'playwright-core';
import { POPUP_SIZE } from './lede-page';
import { expandCard, showNotesTab } from './popup-cards';

export interface PopupScreenFiles {
  /** The first screen, as the popup opens. */
  first: string;
  /** The same popup with one card unfolded (scrolled to it). */
  card?: string;
  /** The Notes tab. */
  notes?: string;
}

/** The most prominent person's name (the first person card), or null when there is none. */
export function topPersonName(popup: Page): Promise<string | null> {
  return popup.evaluate(
    () => document.querySelector('[data-testid="entity-group"][data-type="person"] [data-testid="entity-card"]')?.getAttribute('data-name') ?? null,
  );
}

/**
 * Takes the screens of an open popup whose cards are shown. `cardName` picks the card to unfold
 * (by default the top person). Leaves the popup as it found it: card folded, first tab.
 */
export async function screenshotPopupScreens(popup: Page, files: PopupScreenFiles, cardName?: string): Promise<void> {
  await popup.setViewportSize(POPUP_SIZE);
  await popup.evaluate(() => window.scrollTo(0, 0));
  await popup.screenshot({ path: files.first });
  const name = cardName ?? (await topPersonName(popup));
  if (files.card && name) {
    const card = await expandCard(popup, name);
    // The card's top just under the sticky tabs, as a reader scrolls to it.
    await card.evaluate((element) => {
      const tabs = document.querySelector('.tabs-bar')?.getBoundingClientRect().height ?? 0;
      window.scrollBy(0, element.getBoundingClientRect().top - tabs - 8);
    });
    // The pointer away from the card, so no hover shading shows in the picture.
    await popup.mouse.move(POPUP_SIZE.width - 1, POPUP_SIZE.height - 1);
    await popup.screenshot({ path: files.card });
    await card.locator('[data-testid="card-toggle"]').click();
    await popup.evaluate(() => window.scrollTo(0, 0));
  }
  if (files.notes) {
    await showNotesTab(popup);
    await popup.screenshot({ path: files.notes });
    await popup.click('[data-testid="tab-people"]');
  }
}
