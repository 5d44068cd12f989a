// The core real news pages: Lede must read each one without breaking it, and find the article on news pages.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../testing/harness/launch-browser';
import { openPage, waitForAnswer } from '../../testing/harness/lede-page';
import { newsPagesDir } from '../../testing/harness/paths';
import type { StaticServer } from '../../testing/harness/static-server';
import { artifactPath } from '../../testing/e2e/artifacts';
import { closeBrowserSession, startBrowserSession } from '../../testing/e2e/browser-session';

interface IndexEntry {
  dir: string;
  category: string;
  core?: boolean;
}

const corePages = (JSON.parse(readFileSync(path.join(newsPagesDir, 'index.json'), 'utf8')) as IndexEntry[])
  .filter((entry) => entry.core && existsSync(path.join(newsPagesDir, entry.dir, 'page.html')));

/** The pages run some scripts of their own; only errors from Lede's code, or Lede's own warnings, count here. */
const fromLede = (error: string): boolean => error.includes('chrome-extension://') || error.startsWith('console warning: Lede');

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  ({ browser, server } = await startBrowserSession(newsPagesDir));
});

afterAll(() => closeBrowserSession({ browser, server }));

describe.each(corePages)('news page $dir', ({ dir, category }) => {
  it(`is read without errors${category === 'en-news' ? ' and analysed as an article' : ''}`, async () => {
    const opened = await openPage(browser, server.url(`${dir}/page.html`));
    const answer = await waitForAnswer(browser, opened.tabId, 30_000);
    await opened.page.screenshot({ path: artifactPath(`news-${dir}.png`) });
    await opened.page.close();
    expect(answer, `getAnalysis answered ${JSON.stringify(answer)?.slice(0, 300)}`).toMatchObject({
      status: category === 'en-news' ? 'analyzed' : expect.stringMatching(/^(analyzed|not-article)$/),
    });
    expect(opened.errors.filter(fromLede)).toEqual([]);
  });
});
