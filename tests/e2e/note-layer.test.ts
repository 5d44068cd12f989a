// Lede's note layer (lib/page/notes/note-layer.ts) on a page unlike the seed's: a dark theme,
// and the noted paragraph in a scrolling box of its own. The reader highlights a passage from the
// selection toolbar with the keyboard; the box tints it with a translucent veil (multiplying would
// vanish into the dark background), is
// cut to the scrolling box when the passage scrolls out of it, and follows it back.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type ExtensionBrowser } from '../../testing/harness/launch-browser';
import { openPage, waitForLede, type OpenedPage } from '../../testing/harness/lede-page';
import { seedDir } from '../../testing/harness/paths';
import { serveDirectory, type StaticServer } from '../../testing/harness/static-server';
import { artifactPath } from '../../testing/e2e/artifacts';
import { meanColour, paintedNoteBoxes, paintedNoteTexts } from '../../testing/e2e/note-paint';
import { selectText } from '../../testing/e2e/notes-page';

const PASSAGE = 'Kerry is a congenial, keep-communicating kind of guy';
const POLL = { timeout: 15_000, interval: 100 };
const DARK = '<style>html, body { background: #121214 !important; color: #ececec !important; } a { color: #9cf !important; }</style>';

let browser: ExtensionBrowser;
let server: StaticServer;
let servedDir: string;
let opened: OpenedPage;

/** The passage's first line box and the scrolling paragraph's box, in viewport coordinates. */
function geometry(): Promise<{ line: { x: number; y: number; width: number; height: number }; box: DOMRect }> {
  return opened.page.evaluate((passage) => {
    const paragraph = document.getElementById('scroller')!;
    const node = [...paragraph.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && (n as Text).data.includes(passage)) as Text;
    const at = node.data.indexOf(passage);
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + passage.length);
    const first = range.getClientRects()[0]!;
    const box = paragraph.getBoundingClientRect();
    return { line: { x: first.left, y: first.top, width: first.width, height: first.height }, box: box.toJSON() as DOMRect };
  }, PASSAGE);
}

function scrollParagraph(top: number): Promise<void> {
  return opened.page.evaluate(async (top) => {
    document.getElementById('scroller')!.scrollTop = top;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }, top);
}

beforeAll(async () => {
  servedDir = mkdtempSync(path.join(os.tmpdir(), 'lede-note-layer-'));
  const seed = readFileSync(path.join(seedDir, 'page-restored.html'), 'utf8');
  const paragraph = '<p>“Kerry is a congenial';
  if (!seed.includes(paragraph) || !seed.includes('</head>')) throw new Error('the seed page changed: update the test page');
  const page = seed
    .replace('</head>', `${DARK}\n</head>`)
    .replace(paragraph, '<p id="scroller" style="max-height: 3.2em; overflow: auto; border: 1px solid #555">“Kerry is a congenial');
  writeFileSync(path.join(servedDir, 'dark.html'), page);
  server = await serveDirectory(servedDir);
  browser = await launchBrowser();
  opened = await openPage(browser, server.url('dark.html'));
  expect(await waitForLede(browser, opened, 30_000), 'Lede never painted the page').toBe(true);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (servedDir) rmSync(servedDir, { recursive: true, force: true });
});

describe('the note layer on a dark page with a scrolling paragraph', () => {
  it('tints a highlight made from the toolbar light on dark, on exactly the passage', async () => {
    const { page } = opened;
    await page.bringToFront();
    expect(await selectText(page, '#scroller', PASSAGE)).toBe(true);
    const before = await meanColour(browser, page, (await geometry()).line);
    // The toolbar shows beside the selection; Tab reaches its first colour, Enter highlights.
    await expect.poll(() => page.evaluate(() => document.querySelector('lede-notes') !== null), POLL).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('lede-notes');
    await page.keyboard.press('Enter');
    await expect.poll(() => paintedNoteTexts(page), POLL).toEqual([PASSAGE]);
    const boxes = await paintedNoteBoxes(page);
    for (const box of boxes) expect(box.className.split(' ')).toEqual(expect.arrayContaining(['yellow', 'dark']));
    const after = await meanColour(browser, page, (await geometry()).line);
    // A translucent veil on the dark background: brighter, and yellow (red and green above blue).
    expect(after.r + after.g - (before.r + before.g), `${JSON.stringify(before)} -> ${JSON.stringify(after)}`).toBeGreaterThan(30);
    expect(after.r - after.b).toBeGreaterThan(10);
    await page.screenshot({ path: artifactPath('note-layer-dark.png') });
  });

  it('cuts the boxes to the scrolling paragraph when the passage scrolls out of it, and follows it back', async () => {
    const { page } = opened;
    await scrollParagraph(10_000);
    await expect.poll(() => paintedNoteTexts(page), POLL).toEqual([]);
    const { box } = await geometry();
    for (const painted of await paintedNoteBoxes(page)) {
      expect(painted.top).toBeGreaterThanOrEqual(box.top - 0.5);
      expect(painted.bottom).toBeLessThanOrEqual(box.bottom + 0.5);
    }
    await scrollParagraph(0);
    await expect.poll(() => paintedNoteTexts(page), POLL).toEqual([PASSAGE]);
  });

  it('raised no errors in the page', () => {
    expect(opened.errors).toEqual([]);
  });
});
