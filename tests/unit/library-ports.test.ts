// The library's ports to the background: the whole library read in chunks no bigger than the
// limits, from one consistent read; an import written as it arrives but committed only once all of it arrived, all or
// nothing, with progress; malformed or unannounced chunks refused; and no port for anyone but
// Lede's own pages.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLibrary, uploadChunks, uploadImport, type LibraryRuntime } from '@/components/library/library-backend';
import { articleKey, createLedeDB, type LedeDB } from '@/lib/background/db';
import { acceptLibraryPort } from '@/lib/background/library-ports';
import type { ChangeNotices } from '@/lib/background/change-notifier';
import { parseImport } from '@/lib/exchange/parse-import';
import { exportJsonLd } from '@/lib/exchange/jsonld';
import { Slicer } from '@/lib/exchange/steps';
import type { Annotation } from '@/lib/notes/annotation';
import {
  CHUNK_MAX_CHARS,
  CHUNK_MAX_ITEMS,
  chunksOf,
  jsonChunksOf,
  jsonSize,
  LIBRARY_IMPORT_PORT,
  LIBRARY_LOAD_PORT,
  parseImportReply,
  parseImportUpload,
  parseLoadMessage,
  parseLoadStart,
  PortMessageError,
} from '@/lib/protocol/library-ports';
import { makeAnnotation, noteId } from '../../testing/fixtures/annotation-fixtures';
import { ARTICLES } from '../../testing/fixtures/library-fixtures';
import { LIBRARY_SENDER, TEST_SELF } from '../../testing/fakes/library-runtime';
import { portPair, type FakePort } from '../../testing/fakes/port-pair';

let db: LedeDB;
let count = 0;
let told: { sources: string[]; history: number };

const notices: ChangeNotices = {
  notesChanged: async (sources) => void told.sources.push(...sources),
  historyChanged: async () => void (told.history += 1),
  settingsChanged: async () => {},
};

beforeEach(() => {
  db = createLedeDB(`library-ports-${++count}`);
  told = { sources: [], history: 0 };
});

afterEach(async () => {
  await db.delete();
});

/** The page's side of the ports, connected to the real background code; `seen` records what the background posted. */
function runtimeOver(sender: FakePort['sender'] = LIBRARY_SENDER): LibraryRuntime & { seen: unknown[]; backgroundEnds: FakePort[] } {
  const seen: unknown[] = [];
  const backgroundEnds: FakePort[] = [];
  return {
    seen,
    backgroundEnds,
    connect: (name) => {
      const [page, background] = portPair(name, sender);
      backgroundEnds.push(background);
      acceptLibraryPort(background, { db, self: TEST_SELF, notices });
      page.onMessage.addListener((message) => seen.push(message));
      return page;
    },
    send: async () => {
      throw new Error('not used here');
    },
    listen: () => () => {},
  };
}

function notes(n: number, body = (i: number) => `note ${i}`): Annotation[] {
  return Array.from({ length: n }, (_, i) => makeAnnotation({ id: noteId(i + 1), start: i * 10, body: body(i) }));
}

/** Resolves once the background's end of the newest port has lost the page: its own listener came first, so it has handled that by then. */
function backgroundLostPage(runtime: { backgroundEnds: FakePort[] }): Promise<void> {
  const end = runtime.backgroundEnds.at(-1)!;
  return new Promise((resolve) => end.onDisconnect.addListener(resolve));
}

/** The notes chunks the background posted, read as the page reads them. */
function noteChunks(seen: unknown[]): { annotations: Annotation[] }[] {
  return seen.map(parseLoadMessage).filter((m): m is Extract<ReturnType<typeof parseLoadMessage>, { type: 'notes' }> => m.type === 'notes');
}

const json = (items: unknown[]): string => JSON.stringify(items);

describe('loading the library over a port', () => {
  it('sends every note and article in chunks within the limits, notes in id order', async () => {
    const stored = notes(2_500);
    await db.annotations.bulkPut(stored);
    await db.articles.bulkPut(ARTICLES);
    const runtime = runtimeOver();
    const progress: [number, number][] = [];
    const loaded = await loadLibrary(runtime, (done, total) => progress.push([done, total]));
    expect(loaded.annotations).toEqual([...stored].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(loaded.articles.map((a) => a.url).sort()).toEqual(ARTICLES.map((a) => a.url).sort());
    const chunks = noteChunks(runtime.seen);
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    for (const chunk of chunks) expect(chunk.annotations.length).toBeLessThanOrEqual(CHUNK_MAX_ITEMS);
    expect(progress[0]).toEqual([0, 2_500]);
    expect(progress.at(-1)).toEqual([2_500, 2_500]);
  });

  it('sends a huge note in a message of its own, and no message over the size limit otherwise', async () => {
    const big = 'x'.repeat(CHUNK_MAX_CHARS);
    await db.annotations.bulkPut(notes(30, (i) => (i === 10 ? big : 'y'.repeat(200_000))));
    const runtime = runtimeOver();
    const loaded = await loadLibrary(runtime);
    expect(loaded.annotations).toHaveLength(30);
    for (const message of runtime.seen.filter((m) => (m as { type: string }).type === 'notes') as { json: string }[]) {
      if (message.json.includes(big)) expect(JSON.parse(message.json)).toHaveLength(1);
      else expect(message.json.length).toBeLessThanOrEqual(CHUNK_MAX_CHARS);
    }
  });

  it('an empty library loads as empty', async () => {
    expect(await loadLibrary(runtimeOver())).toEqual({ annotations: [], articles: [] });
  });

  it('gives no port to a content script', async () => {
    await db.annotations.bulkPut(notes(3));
    const runtime = runtimeOver({ id: TEST_SELF.runtimeId, url: 'https://news.example/story', tab: { id: 4 }, frameId: 0 });
    await expect(loadLibrary(runtime)).rejects.toThrow(/stopped answering/);
    expect(runtime.seen).toEqual([]);
    const upload = uploadImport(runtimeOver({ id: TEST_SELF.runtimeId, url: 'https://news.example/story', tab: { id: 4 } }), parseImport(exportJsonLd(notes(2))));
    await expect(upload).rejects.toThrow(/stopped answering/);
    expect(await db.annotations.count()).toBe(3);
  });
});

describe('importing over a port', () => {
  it('writes the file’s notes and articles once all arrived, with progress, and tells who shows them', async () => {
    const file = notes(1_500);
    const progress: [number, number][] = [];
    const summary = await uploadImport(runtimeOver(), parseImport(exportJsonLd(file, ARTICLES)), (done, total) => progress.push([done, total]));
    expect(summary).toEqual({ added: 1_500, skipped: 0, rejected: [], articlesAdded: ARTICLES.length });
    expect(await db.annotations.count()).toBe(1_500);
    expect(progress.at(-1)).toEqual([1_500, 1_500]);
    expect(progress.length).toBeGreaterThan(1);
    expect(new Set(told.sources)).toEqual(new Set(file.map((a) => a.target.source)));
    expect(told.history).toBe(1);
    // Again: everything is a duplicate, nothing written, nobody told.
    told = { sources: [], history: 0 };
    expect(await uploadImport(runtimeOver(), parseImport(exportJsonLd(file)))).toMatchObject({ added: 0, skipped: 1_500 });
    expect(told).toEqual({ sources: [], history: 0 });
  });

  it('hands the page’s thread back between the chunks it sends', async () => {
    const file = notes(2_500);
    let yields = 0;
    // A slicer whose every slice is due at once: it yields after each chunk sent.
    const slicer = new Slicer(0, async () => void (yields += 1));
    const summary = await uploadImport(runtimeOver(), parseImport(exportJsonLd(file, ARTICLES)), undefined, slicer);
    expect(summary).toMatchObject({ added: 2_500, skipped: 0, articlesAdded: ARTICLES.length });
    // Three chunks of notes and one of articles.
    expect(yields).toBeGreaterThanOrEqual(3);
  });

  it('lets no reader see an uncommitted import, and keeps nothing when the page goes away first', async () => {
    const runtime = runtimeOver();
    const page = runtime.connect(LIBRARY_IMPORT_PORT);
    page.postMessage({ type: 'begin', format: 'lede-jsonld', notes: 2, articles: 0 });
    page.postMessage({ type: 'notes', json: json(notes(2)) });
    // Both notes are written inside the import's transaction before any commit...
    await expect.poll(() => runtime.seen.map(parseImportReply).filter((r) => r.type === 'progress' && r.done === 2), { timeout: 10_000 }).not.toHaveLength(0);
    // ...so a reader asking now waits for that transaction (it must not be awaited before the page leaves).
    const countedMeanwhile = db.annotations.count();
    const pageGone = backgroundLostPage(runtime);
    page.disconnect();
    await pageGone;
    expect(await countedMeanwhile).toBe(0);
    expect(await db.annotations.count()).toBe(0);
  });

  it('writes the chunks as they arrive, yet keeps none of them when the page goes away before the commit', async () => {
    const runtime = runtimeOver();
    const page = runtime.connect(LIBRARY_IMPORT_PORT);
    const file = notes(2_000);
    page.postMessage({ type: 'begin', format: 'lede-jsonld', notes: 3_000, articles: 0 });
    page.postMessage({ type: 'notes', json: json(file.slice(0, 1_000)) });
    page.postMessage({ type: 'notes', json: json(file.slice(1_000)) });
    // The background reports notes written (inside the import's transaction) before the rest arrived.
    await expect.poll(() => runtime.seen.map(parseImportReply).filter((r) => r.type === 'progress' && r.done >= 1_000), { timeout: 10_000 }).not.toHaveLength(0);
    const pageGone = backgroundLostPage(runtime);
    page.disconnect();
    await pageGone;
    expect(await db.annotations.count()).toBe(0);
    // The database is free again: a later import writes.
    expect(await uploadImport(runtimeOver(), parseImport(exportJsonLd(file.slice(0, 10))))).toMatchObject({ added: 10 });
  });

  it('skips notes stored before, and repeats within the upload, whichever chunk they come in', async () => {
    const stored = notes(3);
    await uploadImport(runtimeOver(), parseImport(exportJsonLd(stored)));
    // Same content, new ids: duplicates by content; and the same note twice in the file.
    const sameContent = stored.map((a, i) => ({ ...a, id: noteId(100 + i) }));
    const fresh = notes(1_200, (i) => `fresh ${i}`).map((a, i) => ({ ...a, id: noteId(1_000 + i), target: { ...a.target, source: `https://example.org/fresh-${i % 7}` } }));
    const runtime = runtimeOver();
    const page = runtime.connect(LIBRARY_IMPORT_PORT);
    const chunks = [[...fresh.slice(0, 900), stored[0]!], [...fresh.slice(900), ...sameContent, fresh[5]!]];
    page.postMessage({ type: 'begin', format: 'lede-jsonld', notes: chunks.flat().length, articles: 0 });
    for (const chunk of chunks) page.postMessage({ type: 'notes', json: json(chunk) });
    page.postMessage({ type: 'commit' });
    await expect.poll(() => runtime.seen.at(-1), { timeout: 10_000 }).toMatchObject({ type: 'imported' });
    expect((runtime.seen.at(-1) as { summary: unknown }).summary).toMatchObject({ added: 1_200, skipped: 5, rejected: [] });
    expect(await db.annotations.count()).toBe(1_203);
  });

  it('adds an article whose address is not stored, whichever chunk it comes in; a later copy in the upload replaces the earlier one', async () => {
    const [kept, fresh] = [ARTICLES[0]!, ARTICLES[1]!];
    await uploadImport(runtimeOver(), parseImport(exportJsonLd(notes(1), [kept])));
    const runtime = runtimeOver();
    const page = runtime.connect(LIBRARY_IMPORT_PORT);
    const renamed = { ...fresh, title: 'The later copy' };
    page.postMessage({ type: 'begin', format: 'lede-jsonld', notes: 0, articles: 3 });
    page.postMessage({ type: 'articles', json: json([fresh, { ...kept, title: 'Not this one' }]) });
    page.postMessage({ type: 'articles', json: json([renamed]) });
    page.postMessage({ type: 'commit' });
    await expect.poll(() => runtime.seen.at(-1), { timeout: 10_000 }).toMatchObject({ type: 'imported' });
    expect((runtime.seen.at(-1) as { summary: unknown }).summary).toMatchObject({ added: 0, articlesAdded: 1, rejected: [] });
    const byUrl = new Map((await db.articles.toArray()).map((row) => [row.url, row.title]));
    expect(byUrl.get(articleKey(kept.url))).toBe(kept.title);
    expect(byUrl.get(articleKey(fresh.url))).toBe('The later copy');
    expect(await db.mentions.where('url').equals(articleKey(fresh.url)).count()).toBeGreaterThan(0);
  });

  it('refuses more notes than announced, or a commit before all arrived, and writes nothing', async () => {
    for (const messages of [
      [{ type: 'begin', format: 'lede-jsonld', notes: 1, articles: 0 }, { type: 'notes', json: json(notes(2)) }, { type: 'commit' }],
      [{ type: 'begin', format: 'lede-jsonld', notes: 3, articles: 0 }, { type: 'notes', json: json(notes(2)) }, { type: 'commit' }],
      [{ type: 'notes', json: json(notes(2)) }, { type: 'commit' }],
      [{ type: 'begin', format: 'lede-jsonld', notes: 2, articles: 0 }, { type: 'notes', json: json(notes(2)), extra: 1 }, { type: 'commit' }],
      [{ type: 'begin', format: 'lede-jsonld', notes: 2, articles: 0 }, { type: 'notes', annotations: notes(2) }, { type: 'commit' }],
      [{ type: 'begin', format: 'lede-jsonld', notes: 2, articles: 0 }, { type: 'notes', json: '[{"id":' }, { type: 'commit' }],
    ]) {
      const runtime = runtimeOver();
      const page = runtime.connect(LIBRARY_IMPORT_PORT);
      for (const message of messages) page.postMessage(message);
      await expect.poll(() => runtime.seen, { timeout: 5_000 }).toHaveLength(1);
      expect(runtime.seen[0], JSON.stringify(messages).slice(0, 200)).toMatchObject({ type: 'failed' });
      expect(await db.annotations.count()).toBe(0);
    }
  });

  it('checks every note and article itself: bad ones are rejected, the rest written', async () => {
    const good = notes(2);
    const bad = { ...notes(3)[2]!, id: 'not-a-urn' };
    const badArticle = { ...ARTICLES[0]!, url: 'javascript:alert(1)' };
    const runtime = runtimeOver();
    const page = runtime.connect(LIBRARY_IMPORT_PORT);
    page.postMessage({ type: 'begin', format: 'lede-jsonld', notes: 3, articles: 2 });
    page.postMessage({ type: 'notes', json: json([...good, bad]) });
    page.postMessage({ type: 'articles', json: json([ARTICLES[1], badArticle]) });
    page.postMessage({ type: 'commit' });
    await expect.poll(() => runtime.seen.at(-1), { timeout: 5_000 }).toMatchObject({ type: 'imported' });
    const { summary } = runtime.seen.at(-1) as { summary: { added: number; rejected: { item: string; index: number }[]; articlesAdded: number } };
    expect(summary.added).toBe(2);
    expect(summary.articlesAdded).toBe(1);
    expect(summary.rejected.map((r) => [r.item, r.index])).toEqual([
      ['article', 1],
      ['annotation', 2],
    ]);
    expect((await db.annotations.toArray()).map((a) => a.id).sort()).toEqual(good.map((a) => a.id).sort());
  });

  it('a failed write changes nothing and says why', async () => {
    const runtime = runtimeOver();
    const original = db.annotations.bulkAdd.bind(db.annotations);
    let calls = 0;
    db.annotations.bulkAdd = ((...args: Parameters<typeof original>) => {
      calls += 1;
      if (calls === 3) return Promise.reject(new Error('disk full'));
      return original(...args);
    }) as typeof original;
    await expect(uploadImport(runtime, parseImport(exportJsonLd(notes(1_000))))).rejects.toThrow(/disk full/);
    db.annotations.bulkAdd = original;
    expect(await db.annotations.count()).toBe(0);
    expect(told.sources).toEqual([]);
  });
});

describe('the port messages', () => {
  it('writes JSON chunks by count and by exact size, each a JSON array of its items', () => {
    const items = Array.from({ length: 2_500 }, (_, i) => ({ i }));
    const chunks = [...jsonChunksOf(items)];
    expect(chunks.map((c) => (JSON.parse(c) as unknown[]).length)).toEqual([1_000, 1_000, 500]);
    expect(chunks.flatMap((c) => JSON.parse(c) as unknown[])).toEqual(items);
    const big = ['a'.repeat(60), 'b'.repeat(60), 'c'.repeat(10), 'd'.repeat(10)];
    const sized = [...jsonChunksOf(big, 10, 100)];
    expect(sized.map((c) => (JSON.parse(c) as unknown[]).length)).toEqual([1, 3]);
    expect(sized[1]!.length).toBeLessThanOrEqual(100);
    expect([...jsonChunksOf([])]).toEqual([]);
  });

  it('uploads chunks of at most 250 items and 250,000 characters, each item once and in order, and lets go of each item once sent', () => {
    const items: unknown[] = Array.from({ length: 1_000 }, (_, i) => ({ i, text: 'x'.repeat(i % 7 === 0 ? 3_000 : 500) }));
    const copy = structuredClone(items);
    const chunks: string[] = [];
    for (const json of uploadChunks(items)) {
      chunks.push(json);
      // Everything sent so far is cleared from the list, nothing after it.
      const sent = chunks.reduce((sum, c) => sum + (JSON.parse(c) as unknown[]).length, 0);
      expect(items.slice(0, sent).every((item) => item === undefined)).toBe(true);
      expect(items.slice(sent).every((item) => item !== undefined)).toBe(true);
    }
    expect(chunks.flatMap((c) => JSON.parse(c) as unknown[])).toEqual(copy);
    for (const c of chunks) {
      expect((JSON.parse(c) as unknown[]).length).toBeLessThanOrEqual(CHUNK_MAX_ITEMS / 4);
      expect(c.length).toBeLessThanOrEqual(CHUNK_MAX_CHARS / 8);
    }
    // A single item over the size travels alone; small items fill chunks up to the count.
    const huge = ['y'.repeat(CHUNK_MAX_CHARS / 8 + 10), 'z'];
    expect([...uploadChunks([...huge])].map((c) => JSON.parse(c) as unknown[])).toEqual([[huge[0]], ['z']]);
    expect([...uploadChunks(Array.from({ length: 600 }, (_, i) => i))].map((c) => (JSON.parse(c) as unknown[]).length)).toEqual([250, 250, 100]);
    expect([...uploadChunks([])]).toEqual([]);
  });

  it('chunks by count and by size', () => {
    const items = Array.from({ length: 2_500 }, (_, i) => ({ i }));
    expect([...chunksOf(items)].map((c) => c.length)).toEqual([1_000, 1_000, 500]);
    const big = ['a'.repeat(60), 'b'.repeat(60), 'c'.repeat(10), 'd'.repeat(10)];
    expect([...chunksOf(big, 10, 100)].map((c) => c.length)).toEqual([1, 3]);
    expect([...chunksOf([])]).toEqual([]);
  });

  it('estimates JSON sizes closely', () => {
    for (const value of [makeAnnotation(), ARTICLES[0], { a: [1, 'two', null, true] }]) {
      const actual = JSON.stringify(value).length;
      expect(jsonSize(value)).toBeGreaterThanOrEqual(actual * 0.9);
      expect(jsonSize(value)).toBeLessThanOrEqual(actual * 1.5 + 20);
    }
  });

  it.each([
    ['a load start with extras', () => parseLoadStart({ type: 'load', all: true })],
    ['a load start of another type', () => parseLoadStart({ type: 'begin' })],
    ['an upload chunk over the item limit', () => parseImportUpload({ type: 'notes', json: JSON.stringify(new Array(CHUNK_MAX_ITEMS + 1).fill({})) })],
    ['an upload chunk that is not a list', () => parseImportUpload({ type: 'articles', json: '{}' })],
    ['an upload chunk that is not JSON', () => parseImportUpload({ type: 'articles', json: '[1,' })],
    ['an upload chunk as objects, not JSON text', () => parseImportUpload({ type: 'notes', annotations: [] })],
    ['an upload of an unknown format', () => parseImportUpload({ type: 'begin', format: 'csv', notes: 1, articles: 0 })],
    ['a negative count', () => parseImportUpload({ type: 'begin', format: 'hypothesis', notes: -1, articles: 0 })],
    ['an unknown upload message', () => parseImportUpload({ type: 'write' })],
    ['a reply summary without rejections', () => parseImportReply({ type: 'imported', summary: { added: 1, skipped: 0, articlesAdded: 0 } })],
    ['progress with a fraction', () => parseImportReply({ type: 'progress', done: 0.5, total: 1 })],
    ['a load chunk that is not a list', () => parseLoadMessage({ type: 'notes', json: '"all"' })],
    ['a load message of another type', () => parseLoadMessage({ type: 'commit' })],
  ])('refuses %s', (_, parse) => {
    expect(parse).toThrow(PortMessageError);
  });

  it('accepts each well-formed message as it is', () => {
    expect(parseLoadStart({ type: 'load' })).toEqual({ type: 'load' });
    expect(parseLoadMessage({ type: 'started', notes: 3, articles: 1 })).toEqual({ type: 'started', notes: 3, articles: 1 });
    expect(parseImportUpload({ type: 'commit' })).toEqual({ type: 'commit' });
    expect(parseImportReply({ type: 'failed', message: 'x'.repeat(5_000) })).toEqual({ type: 'failed', message: 'x'.repeat(2_000) });
    expect(LIBRARY_LOAD_PORT).not.toBe(LIBRARY_IMPORT_PORT);
  });
});
