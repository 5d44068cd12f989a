// Rendering safety in real Chromium: a Lede backup whose note body, tags, page title and reading
// history carry script-injection payloads (each would set window.__ledeXss if it ever ran) is
// imported in the library page, then shown there, in the toolbar popup for the seed article, and
// painted on the page itself. Nothing runs, no element is made from the payloads, the words are
// shown literally, and no page logs an error or a CSP violation.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type ExtensionBrowser } from '../../testing/harness/launch-browser';
import { getAnalysis, openPage, openPopup, waitForLede, type OpenedPage } from '../../testing/harness/lede-page';
import { showNotesTab } from '../../testing/harness/popup-cards';
import { seedDir } from '../../testing/harness/paths';
import { serveDirectory, type StaticServer } from '../../testing/harness/static-server';
import { importFile, openLibrary, textOf, type OpenedLibrary } from '../../testing/e2e/library-page';
import { paintedNoteTexts } from '../../testing/e2e/note-paint';
import { getPageNotes, sendToTab } from '../../testing/e2e/notes-page';

const PASSAGE = 'Kerry is a congenial, keep-communicating kind of guy';
const NOTE_ID = 'urn:uuid:5afe5afe-0000-4000-8000-000000000001';
const BODY_PAYLOADS = [
  '<img src=x onerror="window.__ledeXss=1">',
  '<script>window.__ledeXss=1</script>',
  '"><svg onload=window.__ledeXss=1>',
  '[click](javascript:window.__ledeXss=1)',
  "<iframe srcdoc='<script>parent.__ledeXss=1</script>'></iframe>",
];
const BODY = BODY_PAYLOADS.join('\n');
const TAG = '<img src=y onerror=window.__ledeXss=1>';
const TITLE = 'Title "><script>window.__ledeXss=1</script>';
const POLL = { timeout: 15_000, interval: 100 };

let browser: ExtensionBrowser;
let server: StaticServer;
let article: OpenedPage;
let library: OpenedLibrary;

/** A Lede backup (W3C JSON-LD) with the payloads everywhere text goes. */
function backup(source: string, text: string): string {
  const start = text.indexOf(PASSAGE);
  return JSON.stringify({
    '@context': ['http://www.w3.org/ns/anno.jsonld', { lede: 'https://lede.invalid/ns#' }],
    type: 'AnnotationCollection',
    label: 'Lede notes',
    total: 1,
    'lede:articles': [
      // Reading history the reader does not have yet (the seed article is stored already, and
      // what is stored wins): it reaches the library's quotes by speaker.
      {
        url: 'https://other.example/story',
        title: TITLE,
        site: '127.0.0.1',
        seenAt: Date.parse('2026-11-20T09:10:00Z'),
        entities: [{ type: 'person', name: 'John Kerry', mentions: 3, description: '<img src=z onerror=window.__ledeXss=1>' }],
        quotes: [{ text: '<script>window.__ledeXss=1</script>', kind: 'direct', speaker: 'John Kerry' }],
      },
    ],
    first: {
      type: 'AnnotationPage',
      startIndex: 0,
      items: [
        {
          id: NOTE_ID,
          type: 'Annotation',
          motivation: 'commenting',
          created: '2026-11-20T09:14:03.000Z',
          modified: '2026-11-20T09:15:40.000Z',
          target: {
            source,
            selector: [
              { type: 'TextQuoteSelector', exact: PASSAGE, prefix: text.slice(start - 32, start), suffix: text.slice(start + PASSAGE.length, start + PASSAGE.length + 32) },
              { type: 'TextPositionSelector', start, end: start + PASSAGE.length },
            ],
          },
          body: [
            { type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: BODY },
            { type: 'TextualBody', purpose: 'tagging', value: TAG },
          ],
          'lede:color': 'pink',
          'lede:page': { title: TITLE, site: '127.0.0.1' },
          'lede:schemaVersion': 1,
        },
      ],
    },
  });
}

/** What a page shows or ran: the flag, elements the payloads would make, script links, CSP reports. */
function inspect(page: Page, scope: string): Promise<{ flag: unknown; injected: string[]; scriptLinks: number; text: string }> {
  return page.evaluate((scope) => {
    const root = document.querySelector(scope) ?? document.body;
    return {
      flag: (window as unknown as { __ledeXss?: unknown }).__ledeXss ?? null,
      injected: [...root.querySelectorAll('script, img, svg, iframe, object, embed')].map((el) => el.outerHTML.slice(0, 80)),
      scriptLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
      // textContent: collapsed sections (a speaker’s quotes) count too.
      text: root.textContent ?? '',
    };
  }, scope);
}

beforeAll(async () => {
  server = await serveDirectory(seedDir);
  browser = await launchBrowser();
  article = await openPage(browser, server.url('page-restored.html'));
  expect(await waitForLede(browser, article, 30_000)).toBe(true);
  const { source } = (await getPageNotes(browser, article.tabId)) as { source: string };
  const { text } = (await getAnalysis(browser, article.tabId)) as { text: string };
  library = await openLibrary(browser);
  await importFile(library.page, 'payloads.jsonld', backup(source, text));
  await library.page.waitForFunction(() => document.querySelector('[data-testid="import-summary"]')?.textContent?.includes('Added 1'), undefined, { timeout: 15_000 });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('an imported note full of script payloads', () => {
  it('is listed in the library with every payload as literal text, and nothing ran', async () => {
    await library.page.waitForSelector('[data-testid="library-note"]', { timeout: 15_000 });
    expect(await textOf(library.page, 'import-summary')).toContain('Added 1');
    const shown = await inspect(library.page, 'main');
    expect(shown.flag).toBeNull();
    expect(shown.injected).toEqual([]);
    expect(shown.scriptLinks).toBe(0);
    for (const payload of [...BODY_PAYLOADS, TAG]) expect(shown.text, payload).toContain(payload);
    // Quotes by speaker shows the imported reading history's quote, as text.
    await library.page.click('[data-testid="tab-quotes"], button:has-text("Quotes by speaker")');
    const quotes = await inspect(library.page, 'main');
    expect(quotes.flag).toBeNull();
    expect(quotes.injected).toEqual([]);
    expect(quotes.text).toContain('<script>window.__ledeXss=1</script>');
    expect(library.errors).toEqual([]);
  });

  it('is painted on the article and listed in the popup as text, and nothing ran there either', async () => {
    expect(await sendToTab(browser, article.tabId, { type: 'notesChanged' })).toEqual({ ok: true });
    await expect.poll(() => paintedNoteTexts(article.page), POLL).toEqual([PASSAGE]);
    const onPage = await inspect(article.page, 'body');
    expect(onPage.flag).toBeNull();
    expect(onPage.text).not.toContain('__ledeXss');

    const { page: popup, errors } = await openPopup(browser, article.tabId);
    try {
      await showNotesTab(popup);
      await popup.waitForSelector('[data-testid="notes"][data-state="ready"]', { timeout: 15_000 });
      const shown = await inspect(popup, '[data-testid="notes"]');
      expect(shown.flag).toBeNull();
      expect(shown.injected).toEqual([]);
      expect(shown.scriptLinks).toBe(0);
      // The popup previews the body: its first payload and the tag are shown as written.
      expect(shown.text).toContain(BODY_PAYLOADS[0]);
      expect(shown.text).toContain(TAG);
      expect(errors).toEqual([]);
    } finally {
      await popup.close();
    }
    expect(article.errors.filter((e) => e.includes('chrome-extension://') || e.includes('Lede'))).toEqual([]);
  });
});
