// Reads what the popup shows, through its data-testid contract, into plain data.
import type { Page } from 'playwright-core';

export interface PopupEntity {
  type: string;
  name: string;
  mentions: number;
  /** Everything the entry shows: name, role, description, count. */
  text: string;
}

export interface PopupQuote {
  /** data-speaker of the enclosing speaker group, or null when the quote sits outside any. */
  speaker: string | null;
  kind: string;
  text: string;
}

export interface PopupContents {
  status: string | null;
  entities: PopupEntity[];
  quotes: PopupQuote[];
}

export function readPopup(popup: Page): Promise<PopupContents> {
  return popup.evaluate(() => {
    const root = document.querySelector('[data-testid="popup"]');
    const entities = [...document.querySelectorAll('[data-testid="entity-group"]')].flatMap((group) =>
      [...group.querySelectorAll('[data-testid="entity"]')].map((item) => ({
        type: group.getAttribute('data-type') ?? '',
        name: item.getAttribute('data-name') ?? '',
        mentions: Number(item.getAttribute('data-mentions') ?? '0'),
        text: item.textContent ?? '',
      })),
    );
    const quotes = [...document.querySelectorAll('[data-testid="quote"]')].map((item) => ({
      speaker: item.closest('[data-testid="speaker-group"]')?.getAttribute('data-speaker') ?? null,
      kind: item.getAttribute('data-kind') ?? '',
      text: item.textContent ?? '',
    }));
    return { status: root?.getAttribute('data-status') ?? null, entities, quotes };
  });
}
