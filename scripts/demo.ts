// `npm run demo`: build Lede, serve the seed article, and show it in Chromium with Lede loaded.
// With a display (and not in CI) the browser opens headed and stays until Ctrl-C; otherwise it
// runs headless and writes screenshots of the pages and popups to demo-output/: each popup at its
// real size, one picture per screen (first screen, a card unfolded, the Notes tab).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildExtension } from '../testing/harness/build-output';
import { requireChromium } from '../testing/harness/find-chromium';
import { launchBrowser, type ExtensionBrowser } from '../testing/harness/launch-browser';
import { openPage, openPopup } from '../testing/harness/lede-page';
import { waitForCards } from '../testing/harness/popup-cards';
import { screenshotPopupScreens, type PopupScreenFiles } from '../testing/harness/popup-screens';
import { repoRoot, seedDir } from '../testing/harness/paths';
import { visitAsReader } from '../testing/harness/reader-view';
import { SEED_PAGES } from '../testing/harness/seed-pages';
import { serveDirectory, type StaticServer } from '../testing/harness/static-server';
import { summarizeView } from './lib/view-summary';

const outputDir = path.join(repoRoot, 'demo-output');

async function runHeadless(browser: ExtensionBrowser, server: StaticServer): Promise<void> {
  mkdirSync(outputDir, { recursive: true });
  for (const { file, label } of SEED_PAGES) {
    const page = path.join(outputDir, `page-${label}.png`);
    const popup: Required<PopupScreenFiles> = {
      first: path.join(outputDir, `popup-${label}-1.png`),
      card: path.join(outputDir, `popup-${label}-2.png`),
      notes: path.join(outputDir, `popup-${label}-3.png`),
    };
    const view = await visitAsReader(browser, server.url(file));
    await view.opened.page.screenshot({ path: page, fullPage: true });
    if (await waitForCards(view.popupPage)) await screenshotPopupScreens(view.popupPage, popup);
    console.log(`\n${file}`);
    for (const line of summarizeView(view)) console.log(`  ${line}`);
    const shots = [page, popup.first, popup.card, popup.notes].map((shot) => path.relative(repoRoot, shot));
    console.log(`  screenshots: ${shots.join(', ')}`);
    await view.popupPage.close();
    await view.opened.page.close();
  }
}

async function runHeaded(browser: ExtensionBrowser, server: StaticServer): Promise<void> {
  const [restored, stripped] = SEED_PAGES;
  const opened = await openPage(browser, server.url(restored!.file));
  await openPopup(browser, opened.tabId);
  await opened.page.bringToFront();
  console.log(`\nLede is loaded on ${server.url(restored!.file)} (its popup is open in the next tab).`);
  console.log(`Also try ${server.url(stripped!.file)}. Press Ctrl-C to quit.`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    browser.context.once('close', () => resolve());
  });
}

async function main(): Promise<void> {
  requireChromium(); // fail before building when there is no browser to show the result in
  buildExtension();
  const headed = Boolean(process.env.DISPLAY) && !process.env.CI;
  const server = await serveDirectory(seedDir);
  const browser = await launchBrowser({ headless: !headed });
  try {
    await (headed ? runHeaded(browser, server) : runHeadless(browser, server));
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
