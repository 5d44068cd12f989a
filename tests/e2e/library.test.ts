// The notes library in real Chromium: notes made with the keyboard on two articles (the seed page
// and a BBC page, both analysed, so their people are stored), then the library page lists both
// articles, finds a note by a word of its body, narrows to the articles that mention a person,
// exports JSON-LD, CSV and Markdown (the downloads are read and checked), and, after the notes are
// wiped, imports the JSON-LD back: everything returns, a second import only skips, and a
// truncated file is refused with a clear message and changes nothing.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../testing/harness/launch-browser';
import { openPage, waitForLede, type OpenedPage } from '../../testing/harness/lede-page';
import { seedDir, sharedDir } from '../../testing/harness/paths';
import type { StaticServer } from '../../testing/harness/static-server';
import { artifactPath } from '../../testing/e2e/artifacts';
import { collectionItems, isZip, parseCsv, unzipText, type JsonLdItem } from '../../testing/e2e/library-files';
import {
  chooseExportScope, clearStoredNotes, downloadFrom, importFile, libraryGroupSources, libraryNoteIds,
  libraryNoteText, openLibrary, storedNoteCount, textOf, type OpenedLibrary,
} from '../../testing/e2e/library-page';
import { paintedNoteTexts } from '../../testing/e2e/note-paint';
import { getPageNotes, selectText, sendToTab, waitForEditorFrame } from '../../testing/e2e/notes-page';
import { closeBrowserSession, startBrowserSession } from '../../testing/e2e/browser-session';

const fixturesDir = path.join(sharedDir, 'fixtures');
const POLL = { timeout: 15_000, interval: 100 };

interface NoteSpec {
  page: string;
  container: string;
  passage: string;
  body: string;
  tags: string[];
  /** The publication date the page states (its article:published_time, JSON-LD or <time>). */
  published: string;
}

/** Each body has a word found nowhere else (zeppelin, marmalade), and commas and quotation marks for the CSV. */
const SEED: NoteSpec = {
  page: `${path.relative(fixturesDir, seedDir)}/page-restored.html`,
  container: 'article',
  passage: 'Kerry is a congenial, keep-communicating kind of guy',
  body: 'Lede-library-e2e: zeppelin diplomacy, "a talker", not a door-slammer',
  tags: ['kerry-watch', 'europe-angle'],
  published: '2016-10-05',
};
const BBC: NoteSpec = {
  page: 'news-pages/bbc-news-bbc-1/page.html',
  container: 'body',
  passage: 'a gunman opened fire at a cinema in the US state of Louisiana',
  body: 'Lede-library-e2e: marmalade, check the Louisiana follow-up',
  tags: ['guns', 'obama-interview'],
  published: '2015-07-24T04:36:09.000Z',
};
/** Named on the seed page only (the seed's Russia experts); the BBC page is about Obama and guns. */
const SEED_ONLY_PERSON = 'Michael McFaul';

interface MadeNote {
  spec: NoteSpec;
  id: string;
  source: string;
}

let browser: ExtensionBrowser;
let server: StaticServer;
const made: MadeNote[] = [];
let library: OpenedLibrary;
let exportedJsonLd: Buffer;

/** Opens the page, lets Lede analyse and paint it, and writes the note from the keyboard as a reader does. */
async function makeNote(spec: NoteSpec): Promise<MadeNote> {
  const opened: OpenedPage = await openPage(browser, server.url(spec.page));
  expect(await waitForLede(browser, opened, 30_000), `Lede never painted ${spec.page}`).toBe(true);
  const { page } = opened;
  await page.bringToFront();
  expect(await selectText(page, spec.container, spec.passage), `${spec.passage} not on ${spec.page}`).toBe(true);
  expect(await sendToTab(browser, opened.tabId, { type: 'startNote' })).toEqual({ ok: true });
  await waitForEditorFrame(page);
  await page.keyboard.type(spec.body);
  await page.keyboard.press('Tab');
  await page.keyboard.type(spec.tags.join(', '));
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => paintedNoteTexts(page), POLL).toEqual([spec.passage]);
  const answer = await getPageNotes(browser, opened.tabId);
  if ('harnessError' in answer) throw new Error(`getPageNotes: ${answer.harnessError}`);
  expect(answer.notes).toHaveLength(1);
  const note = answer.notes[0]!.annotation;
  expect(note).toMatchObject({ body: spec.body, tags: spec.tags });
  await page.close();
  return { spec, id: note.id, source: answer.source };
}

const ids = (): string[] => made.map((n) => n.id).sort();
const shownIds = async (page: Page): Promise<string[]> => (await libraryNoteIds(page)).sort();

async function reloadLibrary(): Promise<void> {
  await library.page.reload({ waitUntil: 'load' });
  await library.page.waitForSelector('[data-testid="library-search"]', { timeout: 15_000 });
}

/** The bare items of a JSON-LD export, without the collection's `generated` time. */
function itemsOf(file: Buffer): JsonLdItem[] {
  return collectionItems(JSON.parse(file.toString('utf8')));
}

beforeAll(async () => {
  ({ browser, server } = await startBrowserSession(fixturesDir));
});

afterAll(() => closeBrowserSession({ browser, server }));

describe('the library', () => {
  it('gets a note with a body and tags on each of two analysed articles', async () => {
    made.push(await makeNote(SEED));
    made.push(await makeNote(BBC));
    expect(new Set(made.map((n) => n.source)).size).toBe(2);
  });

  it('lists both articles, each with its note', async () => {
    library = await openLibrary(browser);
    const { page } = library;
    await expect.poll(() => shownIds(page), POLL).toEqual(ids());
    expect((await libraryGroupSources(page)).sort()).toEqual(made.map((n) => n.source).sort());
    for (const note of made) {
      const text = await libraryNoteText(page, note.id);
      expect(text).toContain(note.spec.passage);
      expect(text).toContain(note.spec.body);
      for (const tag of note.spec.tags) expect(text).toContain(tag);
    }
    await page.screenshot({ path: artifactPath('library.png'), fullPage: true });
  });

  it('finds a note by a word of its body', async () => {
    const { page } = library;
    await page.fill('[data-testid="library-search"]', 'zeppelin');
    await expect.poll(() => shownIds(page), POLL).toEqual([made[0]!.id]);
    await page.screenshot({ path: artifactPath('library-search.png') });
    await page.fill('[data-testid="library-search"]', 'marmalade');
    await expect.poll(() => shownIds(page), POLL).toEqual([made[1]!.id]);
    await page.fill('[data-testid="library-search"]', '');
    await expect.poll(() => shownIds(page), POLL).toEqual(ids());
  });

  it('narrows to the notes on articles that mention a person', async () => {
    const { page } = library;
    const options = await page.$$eval('[data-testid="filter-entity"] option', (items) => items.map((o) => (o as HTMLOptionElement).value));
    expect(options).toContain(SEED_ONLY_PERSON);
    await page.selectOption('[data-testid="filter-entity"]', SEED_ONLY_PERSON);
    await expect.poll(() => shownIds(page), POLL).toEqual([made[0]!.id]);
    await page.screenshot({ path: artifactPath('library-person.png') });
    await page.selectOption('[data-testid="filter-entity"]', '');
    await expect.poll(() => shownIds(page), POLL).toEqual(ids());
  });

  it('exports everything as a W3C AnnotationCollection with both notes, their selectors and tags', async () => {
    const { page } = library;
    await chooseExportScope(page, 'all');
    const file = await downloadFrom(page, 'export-jsonld');
    expect(file.name).toMatch(/\.jsonld$|\.json$/);
    const collection = JSON.parse(file.content.toString('utf8')) as Record<string, unknown>;
    expect(collection.type).toBe('AnnotationCollection');
    expect(JSON.stringify(collection['@context'])).toContain('http://www.w3.org/ns/anno.jsonld');
    const items = collectionItems(collection);
    expect(items.map((item) => item.id).sort()).toEqual(ids());
    for (const note of made) {
      const item = items.find((i) => i.id === note.id)!;
      expect(item.type).toBe('Annotation');
      expect(item.target.source).toBe(note.source);
      const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector');
      const position = item.target.selector.find((s) => s.type === 'TextPositionSelector');
      expect(quote?.exact).toBe(note.spec.passage);
      expect(position!.end! - position!.start!).toBe(note.spec.passage.length);
      const bodies = item.body ?? [];
      expect(bodies.filter((b) => b.purpose === 'commenting').map((b) => b.value)).toEqual([note.spec.body]);
      expect(bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value).sort()).toEqual([...note.spec.tags].sort());
    }
    exportedJsonLd = file.content;
  });

  it('exports CSV: a header and one RFC 4180 row per note, commas and quotation marks intact', async () => {
    const file = await downloadFrom(library.page, 'export-csv');
    expect(file.name).toMatch(/\.csv$/);
    const records = parseCsv(file.content.toString('utf8')).filter((r) => r.some((cell) => cell !== ''));
    expect(records).toHaveLength(3);
    const [header, ...rows] = records;
    for (const row of rows) expect(row).toHaveLength(header!.length);
    for (const note of made) {
      const row = rows.find((r) => r.includes(note.spec.body));
      expect(row, `no CSV row with the body of ${note.spec.page}`).toBeDefined();
      expect(row).toContain(note.spec.passage);
    }
  });

  it('exports Markdown: one file per article with front matter, the passage as a block quote and the note under it', async () => {
    const file = await downloadFrom(library.page, 'export-markdown');
    const files = isZip(file.content) ? unzipText(file.content) : { [file.name]: file.content.toString('utf8') };
    const markdown = Object.entries(files).filter(([name]) => name.endsWith('.md'));
    expect(markdown).toHaveLength(2);
    for (const note of made) {
      const found = markdown.find(([, text]) => text.includes(note.spec.body));
      expect(found, `no Markdown file with the note on ${note.spec.page}`).toBeDefined();
      const text = found![1];
      expect(text.startsWith('---\n')).toBe(true);
      expect(text).toMatch(/^title: /m);
      expect(text).toContain(note.source);
      expect(text).toContain(`> ${note.spec.passage}`);
      expect(text.indexOf(note.spec.body)).toBeGreaterThan(text.indexOf(`> ${note.spec.passage}`));
      // The date the page states came through the reading history; the names and ids are stable ones.
      expect(text).toMatch(new RegExp(`^published: ${note.spec.published.replace(/\./g, '\\.')}$`, 'm'));
      expect(found![0]).toMatch(/ [0-9a-f]{12}\.md$/);
      expect(text).toContain(`\n^lede-${note.id.replace('urn:uuid:', '')}\n`);
      expect(text).toMatch(/^\[Open the passage\]\(http:\/\/127\.0\.0\.1:\d+\/[^)\s]+#:~:text=[^)\s]+\)$/m);
    }
  });

  it('after the notes are wiped, imports the JSON-LD file and shows everything again', async () => {
    const { page } = library;
    await clearStoredNotes(page);
    await reloadLibrary();
    expect(await storedNoteCount(page)).toBe(0);
    await expect.poll(() => shownIds(page), POLL).toEqual([]);
    await importFile(page, 'lede-notes.jsonld', exportedJsonLd);
    await expect.poll(() => textOf(page, 'import-summary'), POLL).toMatch(/added 2\b/i);
    await expect.poll(() => shownIds(page), POLL).toEqual(ids());
    expect(await storedNoteCount(page)).toBe(2);
    await page.screenshot({ path: artifactPath('library-imported.png'), fullPage: true });
    // Lossless: exporting again gives the very same annotations.
    const again = await downloadFrom(page, 'export-jsonld');
    const byId = (a: JsonLdItem, b: JsonLdItem): number => a.id.localeCompare(b.id);
    expect(itemsOf(again.content).sort(byId)).toEqual(itemsOf(exportedJsonLd).sort(byId));
  });

  it('importing the same file again adds nothing and says both were skipped', async () => {
    const { page } = library;
    await importFile(page, 'lede-notes-again.jsonld', exportedJsonLd);
    await expect.poll(() => textOf(page, 'import-summary'), POLL).toMatch(/skipped 2\b/i);
    expect(await textOf(page, 'import-summary')).toMatch(/added 0\b/i);
    expect(await storedNoteCount(page)).toBe(2);
    await expect.poll(() => shownIds(page), POLL).toEqual(ids());
  });

  it('refuses a truncated file with a clear message and changes nothing', async () => {
    const { page } = library;
    const truncated = exportedJsonLd.subarray(0, Math.floor(exportedJsonLd.length / 2));
    await importFile(page, 'lede-notes-truncated.jsonld', truncated);
    await expect.poll(() => textOf(page, 'import-error'), POLL).toMatch(/truncated|incomplete|cut off|not (valid|complete) JSON/i);
    expect(await storedNoteCount(page)).toBe(2);
    expect(await shownIds(page)).toEqual(ids());
    await page.screenshot({ path: artifactPath('library-import-error.png') });
  });

  it('raised no errors on the library page', () => {
    expect(library.errors).toEqual([]);
  });
});
