// What most end-to-end files start with: a folder of pages (the seed article's, by default)
// served on 127.0.0.1 and a Chromium with the (marked) built extension, and often the restored
// seed article open with Lede done with it.
import { launchBrowser, type ExtensionBrowser } from '../harness/launch-browser';
import { openPage, waitForLede, type OpenedPage } from '../harness/lede-page';
import { seedDir } from '../harness/paths';
import { serveDirectory, type StaticServer } from '../harness/static-server';

export interface BrowserSession {
  browser: ExtensionBrowser;
  server: StaticServer;
}

/** Serves `dir` and launches the browser; if the browser can't start, the server is closed. */
export async function startBrowserSession(dir: string = seedDir): Promise<BrowserSession> {
  const server = await serveDirectory(dir);
  try {
    return { server, browser: await launchBrowser() };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** Runs `use` with a session on `dir`, and closes the session after it, whatever happens. */
export async function withBrowserSession<T>(use: (session: BrowserSession) => Promise<T>, dir: string = seedDir): Promise<T> {
  const session = await startBrowserSession(dir);
  try {
    return await use(session);
  } finally {
    await closeBrowserSession(session);
  }
}

/**
 * The same, with page-restored.html open and Lede's run on it over (whether Lede painted is the
 * tests' to check: waitForLede's answer is in `painted`).
 */
export async function openSeedArticle(timeoutMs?: number): Promise<BrowserSession & { article: OpenedPage; painted: boolean }> {
  const session = await startBrowserSession();
  try {
    const article = await openPage(session.browser, session.server.url('page-restored.html'));
    return { ...session, article, painted: await waitForLede(session.browser, article, timeoutMs) };
  } catch (error) {
    await closeBrowserSession(session);
    throw error;
  }
}

/** Closes the browser, then the server; either may be missing (a setup that failed half-way). */
export async function closeBrowserSession(session: Partial<BrowserSession>): Promise<void> {
  await session.browser?.close();
  await session.server?.close();
}
