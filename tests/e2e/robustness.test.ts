// Pages that could break a content script: Lede must stay quiet and keep answering.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type ExtensionBrowser } from '../../testing/harness/launch-browser';
import { openPage, waitForAnswer } from '../../testing/harness/lede-page';
import { serveDirectory, type StaticServer } from '../../testing/harness/static-server';
import { artifactPath } from '../../testing/e2e/artifacts';
import { writeStressPages } from '../../testing/e2e/stress-pages';

const pagesDir = mkdtempSync(path.join(os.tmpdir(), 'lede-stress-'));
const stressPages = writeStressPages(pagesDir);

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveDirectory(pagesDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(pagesDir, { recursive: true, force: true });
});

describe.each(stressPages)('$description ($file)', ({ file }) => {
  it('loads without errors and Lede still answers getAnalysis', async () => {
    const opened = await openPage(browser, server.url(file));
    const answer = await waitForAnswer(browser, opened.tabId, 60_000);
    // A settled, non-error status: analysed, or recognised as not an article / not readable.
    expect(answer, `getAnalysis answered ${JSON.stringify(answer)?.slice(0, 300)}`).toMatchObject({
      status: expect.stringMatching(/^(analyzed|not-article|unsupported)$/),
    });
    // The page itself still runs script promptly.
    expect(await opened.page.evaluate(() => document.readyState)).toBe('complete');
    await opened.page.screenshot({ path: artifactPath(`stress-${file.replace('.html', '')}.png`) });
    expect(opened.errors).toEqual([]);
    await opened.page.close();
  });
});
