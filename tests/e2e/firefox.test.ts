// Smoke test of the Firefox build (.output/firefox-mv2, MV2 with a background page) in Debian's
// firefox-esr, headless, through puppeteer-core's WebDriver BiDi: the seed article gets exactly
// the highlights the engine finds (judging the engine is seed.test.ts's job), and a note written
// through the in-page toolbar and Lede's editor frame (real keyboard input) is stored by the
// background and painted again after a reload (seen in screenshots: Lede's note layer is a closed
// shadow root), with nothing of it readable by the page, not even in the highlight registry. Firefox refuses to open moz-extension:// pages from automation, so the popup, library and
// options are not driven here (they are in Chromium and unit tests).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analysis/analyze';
import { HIGHLIGHT_COLORS } from '../../lib/notes/annotation';
import { extractArticle } from '../../lib/extract';
import { parseHtmlDocument } from '../../lib/extract/node-dom';
import { HIGHLIGHT_TYPES, highlightName } from '../../lib/page/highlight-types';
import { spansByType } from '../../lib/page/paint';
import { launchFirefox, type FirefoxExtensionBrowser } from '../../testing/harness/firefox-browser';
import { seedDir } from '../../testing/harness/paths';
import { serveDirectory, type StaticServer } from '../../testing/harness/static-server';
import { artifactPath } from '../../testing/e2e/artifacts';
import {
  activeElementName, editorShownBelowSelection, highlightTexts, noteHighlightsInRegistry, pageCanRead, notesHost, pageDatabaseNames, passageColour, selectText,
  watchPageErrors, type Rgb,
} from '../../testing/e2e/firefox-page';

const SEED_FILE = 'page-restored.html';
const GECKO_ID = 'lede@lede.invalid';
/** The first clause of Stephen Sestanovich's quote. */
const PASSAGE = 'Kerry is a congenial, keep-communicating kind of guy';
/** Words the seed page does not contain, so finding them anywhere the page can read would be a leak. */
const NOTE_BODY = 'Lede-firefox-note: a talker, not a door-slammer';
/** lede-person, lede-place, lede-organization, lede-quote, lede-reported. */
const LEDE_HIGHLIGHTS = HIGHLIGHT_TYPES.map(highlightName);
const WAIT_MS = 30_000;
const POLL = { timeout: 10_000, interval: 100 };

/**
 * What the engine (lib/, the code the content script bundles) finds in the seed article, per
 * highlight name, as range texts with whitespace collapsed. The build under test must come from
 * the same sources: `npm run test:e2e` builds first.
 */
function engineHighlightTexts(): Record<string, string[]> {
  const doc = parseHtmlDocument(readFileSync(path.join(seedDir, SEED_FILE), 'utf8'));
  const article = extractArticle(doc);
  if (!article) throw new Error(`the engine found no article in ${SEED_FILE}`);
  const spans = spansByType(analyzeText(article.text));
  return Object.fromEntries(
    HIGHLIGHT_TYPES.map((type) => [
      highlightName(type),
      spans[type].map(({ start, end }) => article.text.slice(start, end).replace(/\s+/g, ' ').trim()),
    ]),
  );
}

const sortedTexts = (texts: Record<string, string[]>): Record<string, string[]> =>
  Object.fromEntries(Object.entries(texts).map(([name, list]) => [name, [...list].sort()]));

async function waitForPaint(page: Page, what: string): Promise<void> {
  try {
    await page.waitForFunction(() => performance.getEntriesByName('lede-painted').length > 0, { timeout: WAIT_MS });
  } catch {
    throw new Error(`Lede never painted ${what} in Firefox within ${WAIT_MS / 1000} s (no "lede-painted" mark).`);
  }
  // A long article's opening is painted first; the whole article's highlights are there once the run settles.
  try {
    await page.waitForFunction(() => performance.getEntriesByName('lede-settled').length > 0, { timeout: WAIT_MS });
  } catch {
    throw new Error(`Lede painted ${what} in Firefox but its run never settled within ${WAIT_MS / 1000} s (no "lede-settled" mark).`);
  }
}

let firefox: FirefoxExtensionBrowser;
let server: StaticServer;
let page: Page;
let errors: string[];
/** The passage's colour before the note. */
let unnoted: Rgb;

/** True when the passage turned towards the note's yellow (the editor's first colour): blue falls, red and green stay high. */
function yellower(after: Rgb): boolean {
  return unnoted.b - after.b > 15 && after.r > 150 && after.g > 150;
}

beforeAll(async () => {
  server = await serveDirectory(seedDir);
  firefox = await launchFirefox();
  page = await firefox.newPage();
  errors = watchPageErrors(page);
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(server.url(SEED_FILE), { waitUntil: 'load', timeout: WAIT_MS });
  await waitForPaint(page, 'the seed page');
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('Lede in Firefox (MV2 build, firefox-esr)', () => {
  it('installs the MV2 build under its gecko id', () => {
    expect(firefox.extensionId).toBe(GECKO_ID);
    const manifest = JSON.parse(readFileSync(path.join(firefox.installedDir, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
  });

  it("paints exactly the people, places, organisations and quotes the engine finds, visible from the page's world", async () => {
    const expected = engineHighlightTexts();
    const painted = await highlightTexts(page, LEDE_HIGHLIGHTS);
    const sizes = (texts: Record<string, string[]>): Record<string, number> =>
      Object.fromEntries(Object.entries(texts).map(([name, list]) => [name, list.length]));
    for (const name of LEDE_HIGHLIGHTS) expect(expected[name]!.length, `the engine finds no ${name} in the seed`).toBeGreaterThan(0);
    expect(sizes(painted), 'CSS.highlights sizes (a build from other sources? run `npm run build`)').toEqual(sizes(expected));
    expect(sortedTexts(painted)).toEqual(sortedTexts(expected));
  });

  it('saves a note written in the in-page toolbar and editor, with the keyboard', async () => {
    unnoted = await passageColour(page, PASSAGE);
    expect(await selectText(page, 'article', PASSAGE), 'the passage is not in the seed article').toBe(true);
    // The selection toolbar's host is added to the page the first time it is shown.
    await page
      .waitForFunction(() => document.querySelector('lede-notes') !== null, { timeout: WAIT_MS })
      .catch(() => {
        throw new Error('the selection toolbar (<lede-notes>) never appeared for the selection');
      });
    // Tab from the page moves focus into the closed shadow root, to the first colour.
    await page.keyboard.press('Tab');
    expect(await activeElementName(page), 'Tab did not move focus into the toolbar').toBe('lede-notes');
    // Past the colours to "Note", which opens the editor frame with focus in its body.
    for (let i = 0; i < HIGHLIGHT_COLORS.length; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // Puppeteer cannot reach into the moz-extension frame: wait until its editor shows on screen.
    await expect.poll(() => editorShownBelowSelection(page), POLL).toBe(true);
    await page.keyboard.type(NOTE_BODY);
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    // Saved: the passage is painted in the note's colour.
    await expect.poll(async () => yellower(await passageColour(page, PASSAGE)), POLL).toBe(true);
    await page.screenshot({ path: artifactPath('firefox-note.png') });
  });

  it('keeps the note in the background: the page can read none of it and has no database', async () => {
    expect(await pageCanRead(page, NOTE_BODY)).toEqual([]);
    expect(await pageDatabaseNames(page)).toEqual([]);
    expect(await noteHighlightsInRegistry(page)).toEqual({});
    // The notes UI's host is in the page, but its closed shadow root is out of the page's reach.
    expect(await notesHost(page)).toEqual({ shadowRootVisible: false });
  });

  it('paints the note and the entities again after a reload', async () => {
    // A flag on the old document: gone after the reload, so what is read next is the new document.
    await page.evaluate(() => Object.assign(window, { ledeBeforeReload: true }));
    await page.reload({ waitUntil: 'load', timeout: WAIT_MS });
    expect(await page.evaluate(() => 'ledeBeforeReload' in window)).toBe(false);
    await waitForPaint(page, 'the reloaded page');
    await expect.poll(async () => yellower(await passageColour(page, PASSAGE)), POLL).toBe(true);
    expect(await noteHighlightsInRegistry(page)).toEqual({});
    const sizes = await page.evaluate((names) => names.map((name) => CSS.highlights.get(name)?.size ?? 0), LEDE_HIGHLIGHTS);
    for (const size of sizes) expect(size).toBeGreaterThan(0);
    expect(await pageDatabaseNames(page)).toEqual([]);
  });

  it("raised no errors in the page or in Lede's scripts (the background page's included), and reached nothing off this machine", () => {
    expect(errors).toEqual([]);
    expect(firefox.extensionProblems).toEqual([]);
    expect(firefox.blockedRequests).toEqual([]);
  });
});
