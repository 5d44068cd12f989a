// The page suite's setup: the fixture server, one Chromium with Lede and one without, both
// serving pages with their own scripts switched off so that the two loads are comparable.
import { launchBrowser, type ExtensionBrowser } from '../harness/launch-browser';
import { newsPagesDir } from '../harness/paths';
import type { PagesHarness } from './pages-measure';
import { serveDirectory, type StaticServer } from '../harness/static-server';

/**
 * The saved pages still carry inline scripts (lazy loaders, ad-block probes with random ids,
 * redirects). Their output differs from load to load, which would read as Lede changing the
 * page, and their work would count as Lede's long tasks. A CSP header on each fixture document
 * stops them; Lede's content script runs in its own world and is not subject to the page's CSP.
 */
const NO_PAGE_SCRIPTS = "script-src 'none'; object-src 'none'";

async function blockPageScripts(browser: ExtensionBrowser, server: StaticServer): Promise<void> {
  await browser.context.route(`${server.origin}/**`, async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': NO_PAGE_SCRIPTS } });
  });
}

export interface OpenHarness extends PagesHarness {
  close(): Promise<void>;
}

export async function openPagesHarness(pagesDir: string = newsPagesDir): Promise<OpenHarness> {
  const server = await serveDirectory(pagesDir);
  const withLede = await launchBrowser();
  const withoutLede = await launchBrowser({ extensionDir: null });
  await blockPageScripts(withLede, server);
  await blockPageScripts(withoutLede, server);
  return {
    server,
    withLede,
    withoutLede,
    close: async () => {
      await withLede.close();
      await withoutLede.close();
      await server.close();
    },
  };
}
