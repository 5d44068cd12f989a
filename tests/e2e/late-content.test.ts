// Late content, in real Chromium: paragraphs added to the seed article after load are analysed on
// their own, merged into what was found before, and painted (a later "Kerry" is John Kerry).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../lib/analysis/types';
import type { ExtensionBrowser } from '../../testing/harness/launch-browser';
import { getAnalysis, readHighlights, type OpenedPage } from '../../testing/harness/lede-page';
import type { StaticServer } from '../../testing/harness/static-server';
import { waitUntil } from '../../testing/harness/wait';
import { closeBrowserSession, openSeedArticle } from '../../testing/e2e/browser-session';

const ADDED = [
  'Later on Wednesday, Kerry spoke by telephone with German Chancellor Angela Merkel about Aleppo.',
  '“We are not giving up on a ceasefire,” Kerry told reporters in Brussels.',
];

let browser: ExtensionBrowser;
let server: StaticServer;
let article: OpenedPage;

interface Report {
  status: string;
  text?: string;
  analysis?: Analysis;
}

function reportWhen(done: (report: Report) => boolean, timeoutMs = 15_000): Promise<Report> {
  return waitUntil(async () => (await getAnalysis(browser, article.tabId)) as Report, done, { timeoutMs, intervalMs: 200 });
}

beforeAll(async () => {
  ({ browser, server, article } = await openSeedArticle());
});

afterAll(() => closeBrowserSession({ browser, server }));

describe('late content', () => {
  it('analyses appended paragraphs, paints their names, and links them to the people named before', async () => {
    const before = await reportWhen((report) => report.status === 'analyzed');
    expect(before.text).not.toContain('Angela Merkel');
    const kerryBefore = before.analysis!.entities.find((entity) => entity.name === 'John Kerry')!;
    expect(kerryBefore.type).toBe('person');

    // The page adds two paragraphs at the end of the article, as "read more" would.
    await article.page.evaluate((paragraphs) => {
      const last = [...document.querySelectorAll('p')].filter((p) => p.textContent?.includes('Mr. Ban said')).pop()!;
      for (const text of [...paragraphs].reverse()) {
        const p = document.createElement('p');
        p.textContent = text;
        last.after(p);
      }
    }, ADDED);

    const after = await reportWhen((report) => report.text?.includes('Angela Merkel') === true);
    const text = after.text!;
    expect(text).toContain(ADDED[1]);
    // Only the new paragraphs were analysed (then merged): the incremental path left its mark.
    expect(await article.page.evaluate(() => performance.getEntriesByName('lede-block-analyzed').length)).toBeGreaterThan(0);

    const kerry = after.analysis!.entities.find((entity) => entity.name === 'John Kerry')!;
    expect(kerry.type).toBe('person');
    const laterKerrys = [text.indexOf('Kerry spoke'), text.indexOf('Kerry told reporters')];
    for (const start of laterKerrys) expect(kerry.mentions).toContainEqual({ start, end: start + 'Kerry'.length });
    expect(after.analysis!.entities.filter((entity) => entity.name === 'Kerry')).toEqual([]);
    // Earlier mentions kept their place: the text before the new paragraphs did not move.
    expect(kerry.mentions.slice(0, kerryBefore.mentions.length)).toEqual(kerryBefore.mentions);

    // Painted: the new names are among the highlights.
    const highlights = await waitUntil(() => readHighlights(article.page), (painted) => painted['lede-person'].includes('Angela Merkel'), {
      timeoutMs: 4_000,
      intervalMs: 200,
    });
    expect(highlights['lede-person']).toContain('Angela Merkel');
    const kerrys = highlights['lede-person'].filter((name) => name === 'Kerry').length;
    expect(kerrys).toBeGreaterThanOrEqual(2);
    expect(article.errors).toEqual([]);
  });
});
