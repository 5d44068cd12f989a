// `npm run demo`: build Lede, serve the seed article, and show it in Chromium with Lede loaded.
// With a display (and not in CI) the browser opens headed and stays until Ctrl-C; otherwise it
// runs headless and writes screenshots of the pages and popups to demo-output/: each popup at its
// real size, one picture per screen (first screen, a card unfolded, the Notes tab).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildExtension } from '../testing/harness/build-output';
import { requireChromium } from '../testing/harness/find-chromium';
import { launchBrowser, type ExtensionBrowser } from '../testing/harness/launch-browser';
import { openPage, openPopup, type OpenedPage } from '../testing/harness/lede-page';
import { waitUntil } from '../testing/harness/wait';
import { getPageNotes, selectText, sendToTab, waitForEditorFrame } from '../testing/e2e/notes-page';
import { waitForCards } from '../testing/harness/popup-cards';
import { screenshotPopupScreens, type PopupScreenFiles } from '../testing/harness/popup-screens';
import { repoRoot, seedDir } from '../testing/harness/paths';
import { visitAsReader } from '../testing/harness/reader-view';
import { SEED_PAGES } from '../testing/harness/seed-pages';
import { serveDirectory, type StaticServer } from '../testing/harness/static-server';
import { summarizeView } from './lib/view-summary';

const outputDir = path.join(repoRoot, 'demo-output');

/** The words of the seed the demo's note is on, and what it says: the Notes tab then has a note to show. */
const DEMO_PASSAGE = 'Kerry is a congenial, keep-communicating kind of guy';
const DEMO_NOTE = 'Sestanovich reads Kerry as a talker, not a door-slammer.';

/** Writes a note on the page as a reader would (select, Note, type, Ctrl+Enter); false when it could not. */
async function addDemoNote(browser: ExtensionBrowser, opened: OpenedPage): Promise<boolean> {
  await opened.page.bringToFront();
  if (!(await selectText(opened.page, 'article', DEMO_PASSAGE))) return false;
  await sendToTab(browser, opened.tabId, { type: 'startNote' });
  await waitForEditorFrame(opened.page);
  await opened.page.keyboard.type(DEMO_NOTE);
  await opened.page.keyboard.press('Control+Enter');
  const answer = await waitUntil(
    () => getPageNotes(browser, opened.tabId),
    (notes) => 'notes' in notes && notes.notes.length > 0,
    { timeoutMs: 10_000, intervalMs: 200 },
  );
  return 'notes' in answer && answer.notes.length > 0;
}

async function runHeadless(browser: ExtensionBrowser, server: StaticServer): Promise<void> {
  mkdirSync(outputDir, { recursive: true });
  for (const [index, { file, label }] of SEED_PAGES.entries()) {
    const page = path.join(outputDir, `page-${label}.png`);
    const popup: Required<PopupScreenFiles> = {
      first: path.join(outputDir, `popup-${label}-1.png`),
      card: path.join(outputDir, `popup-${label}-2.png`),
      notes: path.join(outputDir, `popup-${label}-3.png`),
    };
    const view = await visitAsReader(browser, server.url(file));
    await view.opened.page.screenshot({ path: page, fullPage: true });
    await view.popupPage.close();
    // A note on the first page, so its Notes tab shows one; the second shows the empty tab.
    if (index === 0 && !(await addDemoNote(browser, view.opened))) console.log('  (could not write the demo note)');
    const { page: popupPage } = await openPopup(browser, view.opened.tabId);
    if (await waitForCards(popupPage)) await screenshotPopupScreens(popupPage, popup);
    console.log(`\n${file}`);
    for (const line of summarizeView(view)) console.log(`  ${line}`);
    const shots = [page, popup.first, popup.card, popup.notes].map((shot) => path.relative(repoRoot, shot));
    console.log(`  screenshots: ${shots.join(', ')}`);
    await popupPage.close();
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
