// The Markdown export's "Open the passage" links, followed in real Chromium: each text fragment
// brings its own passage into view. The page repeats a phrase, so only the stored context can pick
// the right one; paragraphs sit far apart, so landing on the wrong one shows.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeSpan } from '../../lib/anchoring/describe';
import { exportMarkdown } from '../../lib/exchange';
import { noteBlockId } from '../../lib/exchange/markdown-names';
import { launchBrowser, type ExtensionBrowser } from '../../testing/harness/launch-browser';
import { makeAnnotation, noteId } from '../../testing/fixtures/annotation-fixtures';

const PARAGRAPHS = [
  'The talks in Geneva stalled on Monday, officials said.',
  'The minister said the well-known, R&D-heavy firms (all of them) would pay; the ceasefire holds, for now.',
  'Nobody else spoke. In Kyiv, though, the ceasefire holds too, a spokesman said.',
  'A last paragraph that goes on for a while before it ends here.',
];
/** The article text as Lede reads it: blocks joined by blank lines. */
const TEXT = PARAGRAPHS.join('\n\n');

/** Quotes and the paragraph each must land on. */
const CASES: { exact: string; occurrence?: number; paragraph: number }[] = [
  { exact: 'the ceasefire holds', paragraph: 1 },
  { exact: 'the ceasefire holds', occurrence: 2, paragraph: 2 },
  { exact: 'well-known, R&D-heavy firms (all of them)', paragraph: 1 },
  { exact: 'eva stall', paragraph: 0 },
  { exact: 'ceasefire holds, for now.\n\nNobody else spoke. In Kyiv', paragraph: 1 },
  { exact: 'goes on for a while before it ends here.', paragraph: 3 },
];

const SPACER = '<div style="height: 3000px"></div>';
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Talks</title></head><body>${SPACER}${PARAGRAPHS.map(
  (text, i) => `<p id="p${i}">${text.replace(/&/g, '&amp;')}</p>${SPACER}`,
).join('')}</body></html>`;

let browser: ExtensionBrowser;
let server: http.Server;
let source: string;

beforeAll(async () => {
  server = http.createServer((_request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  source = `http://127.0.0.1:${(server.address() as AddressInfo).port}/talks`;
  browser = await launchBrowser({ extensionDir: null });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

function startOf(exact: string, occurrence = 1): number {
  let at = -1;
  for (let n = 0; n < occurrence; n += 1) at = TEXT.indexOf(exact, at + 1);
  expect(at, exact).toBeGreaterThanOrEqual(0);
  return at;
}

describe('the Markdown export’s passage links', () => {
  it('scroll Chromium to the note’s own passage', async () => {
    const notes = CASES.map((spec, i) => {
      const start = startOf(spec.exact, spec.occurrence);
      const [quote, position] = describeSpan(TEXT, start, start + spec.exact.length);
      return makeAnnotation({ id: noteId(i + 1), target: { source, selector: [quote, position] } });
    });
    const [file] = exportMarkdown(notes).files;
    // Each note's block id, then its link: `^lede-<uuid>`, a blank line, `[Open the passage](…)`.
    const links = new Map([...file!.content.matchAll(/^\^(lede-[0-9a-f-]+)\n\n\[Open the passage\]\(([^)\s]+)\)$/gm)].map((m) => [m[1]!, m[2]!]));
    expect(links.size).toBe(CASES.length);

    const page = await browser.context.newPage();
    for (const [i, spec] of CASES.entries()) {
      const link = links.get(noteBlockId(noteId(i + 1)))!;
      expect(link.startsWith(`${source}#:~:text=`)).toBe(true);
      await page.goto('about:blank');
      await page.goto(link);
      await expect
        .poll(
          () =>
            page.evaluate((id) => {
              const box = document.getElementById(id)!.getBoundingClientRect();
              return box.bottom > 0 && box.top < window.innerHeight;
            }, `p${spec.paragraph}`),
          { timeout: 10_000, interval: 100, message: `${spec.exact} via ${link}` },
        )
        .toBe(true);
    }
    await page.close();
  });
});
