// What most end-to-end files start with: the seed article's folder served on 127.0.0.1 and a
// Chromium with the (marked) built extension, and often the restored seed article open with
// Lede done with it.
import { launchBrowser, type ExtensionBrowser } from '../harness/launch-browser';
import { openPage, waitForLede, type OpenedPage } from '../harness/lede-page';
import { seedDir } from '../harness/paths';
import { serveDirectory, type StaticServer } from '../harness/static-server';

export interface SeedSession {
  browser: ExtensionBrowser;
  server: StaticServer;
}

/** Serves the seed folder and launches the browser; if the browser can't start, the server is closed. */
export async function startSeedSession(): Promise<SeedSession> {
  const server = await serveDirectory(seedDir);
  try {
    return { server, browser: await launchBrowser() };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/**
 * The same, with page-restored.html open and Lede's run on it over (whether Lede painted is the
 * tests' to check: waitForLede's answer is in `painted`).
 */
export async function openSeedArticle(timeoutMs?: number): Promise<SeedSession & { article: OpenedPage; painted: boolean }> {
  const session = await startSeedSession();
  try {
    const article = await openPage(session.browser, session.server.url('page-restored.html'));
    return { ...session, article, painted: await waitForLede(session.browser, article, timeoutMs) };
  } catch (error) {
    await closeSeedSession(session);
    throw error;
  }
}

/** Closes the browser, then the server; either may be missing (a setup that failed half-way). */
export async function closeSeedSession(session: Partial<SeedSession>): Promise<void> {
  await session.browser?.close();
  await session.server?.close();
}
