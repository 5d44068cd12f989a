// `npm run demo`: build Lede, serve the seed article, and show it in Chromium with Lede loaded.
// With a display (and not in CI) the browser opens headed and stays until Ctrl-C; otherwise it
// runs headless and writes screenshots of the pages and popups to demo-output/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildExtension } from '../testing/harness/build-output';
import { requireChromium } from '../testing/harness/find-chromium';
import { launchBrowser, type ExtensionBrowser } from '../testing/harness/launch-browser';
import { openPage, openPopup } from '../testing/harness/lede-page';
import { repoRoot, seedDir } from '../testing/harness/paths';
import { visitAsReader } from '../testing/harness/reader-view';
import { SEED_PAGES } from '../testing/harness/seed-pages';
import { serveDirectory, type StaticServer } from '../testing/harness/static-server';
import { summarizeView } from './lib/view-summary';

const outputDir = path.join(repoRoot, 'demo-output');

async function runHeadless(browser: ExtensionBrowser, server: StaticServer): Promise<void> {
  mkdirSync(outputDir, { recursive: true });
  for (const { file, label } of SEED_PAGES) {
    const shots = {
      page: path.join(outputDir, `page-${label}.png`),
      popup: path.join(outputDir, `popup-${label}.png`),
    };
    const view = await visitAsReader(browser, server.url(file), shots);
    console.log(`\n${file}`);
    for (const line of summarizeView(view)) console.log(`  ${line}`);
    console.log(`  screenshots: ${path.relative(repoRoot, shots.page)}, ${path.relative(repoRoot, shots.popup)}`);
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
