// Bench: how long the popup takes from being opened to showing its entity cards, over several opens.
// The time runs from the popup document's navigation start (performance.timeOrigin) to the
// popup's own 'lede-popup-cards' mark when it sets one, else to the moment a MutationObserver
// the bench injects sees data-cards-ready="true" on the popup root.
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../testing/harness/launch-browser';
import { openPage, POPUP_SIZE, waitForLede } from '../../testing/harness/lede-page';
import { waitForCards } from '../../testing/harness/popup-cards';

export const POPUP_CARDS_MARK = 'lede-popup-cards';
const OBSERVED_MARK = 'lede-bench-cards-ready';

export interface PopupCardsTimings {
  samples: number[];
  /** For the same opens: when the popup document had loaded (DOMContentLoaded ended), before any card work. */
  domContentLoaded: number[];
  /** Where the numbers came from: the popup's own mark, the bench's observer, or nothing. */
  source: 'popup-mark' | 'observer' | 'mixed' | 'none';
  /** Opens whose cards never appeared. */
  failures: number;
}

/**
 * Runs in the popup before its own scripts: marks the moment the root first says its cards are
 * ready. A string, not a function: the TypeScript runner would wrap a function's inner helpers
 * in calls that do not exist inside the page.
 */
function markCardsReadyScript(markName: string): string {
  return `(() => {
    const ready = () => document.querySelector('[data-testid="popup"][data-cards-ready="true"]') !== null;
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      performance.mark(${JSON.stringify(markName)});
      observer.disconnect();
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-cards-ready'] });
  })();`;
}

interface OpenTiming {
  ms: number;
  source: 'popup-mark' | 'observer';
  domContentLoaded: number;
}

async function readTiming(popup: Page): Promise<OpenTiming | null> {
  return popup.evaluate(
    ({ own, observed }) => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const domContentLoaded = navigation?.domContentLoadedEventEnd ?? Number.NaN;
      const mark = performance.getEntriesByName(own, 'mark')[0];
      if (mark) return { ms: mark.startTime, source: 'popup-mark' as const, domContentLoaded };
      const seen = performance.getEntriesByName(observed, 'mark')[0];
      return seen ? { ms: seen.startTime, source: 'observer' as const, domContentLoaded } : null;
    },
    { own: POPUP_CARDS_MARK, observed: OBSERVED_MARK },
  );
}

/** Opens the page once, lets Lede paint it, then opens its popup `opens` times (after one warm-up). */
export async function measurePopupCards(browser: ExtensionBrowser, url: string, opens: number): Promise<PopupCardsTimings> {
  const opened = await openPage(browser, url);
  const samples: number[] = [];
  const domContentLoaded: number[] = [];
  const sources = new Set<'popup-mark' | 'observer'>();
  let failures = 0;
  try {
    if (!(await waitForLede(browser, opened))) return { samples, domContentLoaded, source: 'none', failures: opens };
    const popupUrl = `chrome-extension://${browser.extensionId}/popup.html?tab=${opened.tabId}`;
    for (let i = -1; i < opens; i++) {
      const popup = await browser.context.newPage();
      await popup.setViewportSize(POPUP_SIZE);
      await popup.addInitScript({ content: markCardsReadyScript(OBSERVED_MARK) });
      await popup.goto(popupUrl);
      const shown = await waitForCards(popup, 10_000);
      const timing = shown ? await readTiming(popup) : null;
      await popup.close();
      if (i < 0) continue; // warm-up: the first open also starts the service worker and Dexie
      if (!timing) {
        failures++;
        continue;
      }
      samples.push(timing.ms);
      domContentLoaded.push(timing.domContentLoaded);
      sources.add(timing.source);
    }
  } finally {
    await opened.page.close();
  }
  const source = sources.size === 0 ? 'none' : sources.size > 1 ? 'mixed' : [...sources][0]!;
  return { samples, domContentLoaded, source, failures };
}
