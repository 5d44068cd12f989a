// A long article's opening is analysed and painted first; once the whole text's analysis has come,
// what Lede reports and paints is exactly that analysis (real Chromium, the built extension).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewEnd } from '../../lib/page/session/analysis-preview';
import { analyzeText } from '../../lib/analysis/analyze';
import type { Analysis } from '../../lib/analysis/types';
import type { ExtensionBrowser } from '../../testing/harness/launch-browser';
import { readHighlights, waitForAnswer, type HighlightTexts, type OpenedPage } from '../../testing/harness/lede-page';
import type { StaticServer } from '../../testing/harness/static-server';
import { closeBrowserSession, openSeedArticle } from '../../testing/e2e/browser-session';

let browser: ExtensionBrowser;
let server: StaticServer;
let article: OpenedPage;

beforeAll(async () => {
  ({ browser, server, article } = await openSeedArticle());
});

afterAll(() => closeBrowserSession({ browser, server }));

/** The texts an analysis would paint, by highlight name. */
function expectedHighlights(analysis: Analysis, text: string): HighlightTexts {
  const texts: HighlightTexts = { 'lede-person': [], 'lede-place': [], 'lede-organization': [], 'lede-quote': [], 'lede-reported': [] };
  for (const entity of analysis.entities) for (const m of entity.mentions) texts[`lede-${entity.type}`].push(text.slice(m.start, m.end));
  for (const quote of analysis.quotes) texts[quote.kind === 'direct' ? 'lede-quote' : 'lede-reported'].push(text.slice(quote.start, quote.end));
  return texts;
}

describe('the opening first, then the whole', () => {
  it('ends with the whole text’s analysis reported and painted, including past the opening', async () => {
    // getAnalysis answers once the whole run (both analyses, painting, legend) is over.
    const report = (await waitForAnswer(browser, article.tabId)) as { status: string; text: string; analysis: Analysis };
    expect(report.status).toBe('analyzed');
    const end = previewEnd(report.text);
    expect(end).not.toBeNull();
    expect(report.analysis).toEqual(analyzeText(report.text));
    expect(report.analysis.entities.some((entity) => entity.mentions.some((m) => m.start > end!))).toBe(true);
    // Normalised whitespace: a range's toString() is the DOM's text, the analysis reads collapsed text.
    const painted = await readHighlights(article.page);
    const squash = (texts: HighlightTexts) => Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v.map((s) => s.replace(/\s+/g, ' ').trim()).sort()]));
    expect(squash(painted)).toEqual(squash(expectedHighlights(report.analysis, report.text)));
  });

  it('on a reload paints the whole text’s analysis, which the background holds, at once and only once', async () => {
    await article.page.reload({ waitUntil: 'load' });
    const report = (await waitForAnswer(browser, article.tabId)) as { status: string; text: string; analysis: Analysis };
    expect(report.status).toBe('analyzed');
    expect(report.analysis).toEqual(analyzeText(report.text));
    // The first paint was the whole (no opening painted before it, so no second analysis came in).
    const marks = await article.page.evaluate(() => performance.getEntriesByType('mark').map((mark) => mark.name));
    expect(marks).toContain('lede-painted');
    expect(marks).not.toContain('lede-whole-analyzed');
    const painted = await readHighlights(article.page);
    const squash = (texts: HighlightTexts) => Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v.map((s) => s.replace(/\s+/g, ' ').trim()).sort()]));
    expect(squash(painted)).toEqual(squash(expectedHighlights(report.analysis, report.text)));
  });
});
