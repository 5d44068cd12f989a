// Loads one seed page with Lede as a reader would, and also compares its DOM with the served HTML.
import type { ExtensionBrowser } from '../harness/launch-browser';
import { visitAsReader, type ReaderView } from '../harness/reader-view';
import { artifactPath } from './artifacts';
import { compareWithServedHtml, type DomDifference } from './page-dom';

export interface SeedView extends ReaderView {
  dom: DomDifference;
}

export async function loadSeedView(browser: ExtensionBrowser, url: string, label: string): Promise<SeedView> {
  const view = await visitAsReader(browser, url, {
    page: artifactPath(`seed-${label}-page.png`),
    popup: artifactPath(`seed-${label}-popup.png`),
  });
  return { ...view, dom: await compareWithServedHtml(view.opened.page) };
}
