// One seed-style visit as a reader makes it: open the page, let Lede paint, open the popup, take pictures.
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './launch-browser';
import {
  openPage, openPopup, popupStatus, readHighlights, timeToHighlightsMs, waitForLede,
  type HighlightTexts, type OpenedPage,
} from './lede-page';
import { readPopup, type PopupContents } from './popup-contents';

export interface ReaderView {
  opened: OpenedPage;
  painted: boolean;
  timeToHighlightsMs: number | null;
  highlights: HighlightTexts;
  popupPage: Page;
  popupErrors: string[];
  popup: PopupContents;
}

export interface Screenshots {
  page: string;
  popup: string;
}

/** Opens url with Lede, waits for the paint, reads highlights and the popup; saves screenshots if asked. */
export async function visitAsReader(
  browser: ExtensionBrowser,
  url: string,
  screenshots?: Screenshots,
): Promise<ReaderView> {
  const opened = await openPage(browser, url);
  const painted = await waitForLede(browser, opened);
  const highlights = await readHighlights(opened.page);
  const time = await timeToHighlightsMs(opened.page);
  if (screenshots) await opened.page.screenshot({ path: screenshots.page, fullPage: true });
  const { page: popupPage, errors: popupErrors } = await openPopup(browser, opened.tabId);
  await popupStatus(popupPage);
  const popup = await readPopup(popupPage);
  if (screenshots) await popupPage.screenshot({ path: screenshots.popup, fullPage: true });
  return { opened, painted, timeToHighlightsMs: time, highlights, popupPage, popupErrors, popup };
}
