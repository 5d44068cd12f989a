import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '@/lib/notes/annotation';
import { createLedeDB, saveArticle, type ArticleRow, type LedeDB } from '@/lib/background/db';
import { exportJsonLd, importAnnotations, IMPORT_BATCH_SIZE, parseImport, type ArticleRecord, type ParsedImport } from '@/lib/exchange';
import { makeAnnotation, noteId } from '../../testing/fixtures/annotation-fixtures';
import { annotationSetArbitrary } from '../../testing/arbitraries/exchange-arbitraries';

let db: LedeDB;
let dbCount = 0;

beforeEach(() => {
  dbCount += 1;
  db = createLedeDB(`lede-exchange-import-test-${dbCount}`);
});

afterEach(async () => {
  await db.delete();
});

const byId = (a: Annotation, b: Annotation): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function parsedOf(annotations: Annotation[], articles: ArticleRecord[] = []): ParsedImport {
  return { format: 'lede-jsonld', annotations, rejected: [], articles };
}

const ARTICLE: ArticleRecord = {
  url: 'https://news.example/story#comments',
  title: 'Talks collapse',
  site: 'news.example',
  seenAt: 1_767_258_000_000,
  entities: [{ type: 'person', name: 'Michael McFaul', mentions: 2 }],
  quotes: [{ text: 'We will not leave', kind: 'direct', speaker: 'Michael McFaul' }],
};

describe('importAnnotations', () => {
  it('export → import into an empty database gives the same rows (random sets)', async () => {
    await fc.assert(
      fc.asyncProperty(annotationSetArbitrary(8), async (annotations) => {
        await db.annotations.clear();
        const summary = await importAnnotations(db, parseImport(exportJsonLd(annotations)));
        expect(summary).toEqual({ added: annotations.length, skipped: 0, rejected: [], articlesAdded: 0 });
        expect((await db.annotations.toArray()).sort(byId)).toEqual([...annotations].sort(byId));
      }),
      { numRuns: 30 },
    );
  });

  it('round-trips 100 tags and a 100 kB note through the database', async () => {
    const annotations = [
      makeAnnotation({ id: noteId(1), tags: Array.from({ length: 100 }, (_, i) => `#${i} 😀`), body: 'x, "y"\n'.repeat(14_286).slice(0, 100_000) }),
      makeAnnotation({ id: noteId(2), body: '', motivation: 'highlighting', tags: [], start: 400 }),
    ];
    await importAnnotations(db, exportJsonLd(annotations));
    expect((await db.annotations.toArray()).sort(byId)).toEqual(annotations);
  });

  it('skips notes with a stored id, or the same page, passage, note and tags under another id, and counts them', async () => {
    await db.annotations.bulkAdd([
      makeAnnotation({ id: noteId(1), body: 'stored' }),
      makeAnnotation({ id: noteId(2), start: 100, body: 'second', tags: ['a', 'b'] }),
    ]);
    const summary = await importAnnotations(
      db,
      parsedOf([
        makeAnnotation({ id: noteId(1), body: 'changed elsewhere' }), // same id
        makeAnnotation({ id: noteId(3), start: 100, body: 'second', tags: ['b', 'a'] }), // same target, body and tags
        makeAnnotation({ id: noteId(6), start: 100, body: 'second', tags: ['other'] }), // same passage and note, other tags: added
        makeAnnotation({ id: noteId(4), start: 100, body: 'a different note' }), // same passage, new note: added
        makeAnnotation({ id: noteId(4), start: 100, body: 'a different note' }), // repeated in the file
        makeAnnotation({ id: noteId(5), start: 200, body: 'new' }),
      ]),
    );
    expect(summary).toEqual({ added: 3, skipped: 3, rejected: [], articlesAdded: 0 });
    expect((await db.annotations.toArray()).map((a) => [a.id, a.body])).toEqual([
      [noteId(1), 'stored'],
      [noteId(2), 'second'],
      [noteId(4), 'a different note'],
      [noteId(5), 'new'],
      [noteId(6), 'second'],
    ]);
  });

  it('importing the same file twice adds nothing the second time', async () => {
    const file = exportJsonLd([1, 2, 3].map((n) => makeAnnotation({ id: noteId(n), start: n * 50 })));
    expect((await importAnnotations(db, file)).added).toBe(3);
    expect(await importAnnotations(db, file)).toEqual({ added: 0, skipped: 3, rejected: [], articlesAdded: 0 });
    expect(await db.annotations.count()).toBe(3);
  });

  it('reports progress in batches, ending at the total', async () => {
    const annotations = Array.from({ length: IMPORT_BATCH_SIZE * 2 + 7 }, (_, i) => makeAnnotation({ id: noteId(i + 1), start: i * 100 }));
    const calls: [number, number][] = [];
    await importAnnotations(db, parsedOf(annotations), (done, total) => calls.push([done, total]));
    expect(calls).toEqual([
      [IMPORT_BATCH_SIZE, annotations.length],
      [IMPORT_BATCH_SIZE * 2, annotations.length],
      [annotations.length, annotations.length],
    ]);
    expect(await db.annotations.count()).toBe(annotations.length);
  });

  it('writes nothing when anything fails inside the transaction', async () => {
    await db.annotations.add(makeAnnotation({ id: noteId(1) }));
    const annotations = Array.from({ length: IMPORT_BATCH_SIZE + 10 }, (_, i) => makeAnnotation({ id: noteId(i + 2), start: (i + 1) * 100 }));
    const failing = importAnnotations(db, parsedOf(annotations, [ARTICLE]), (done) => {
      if (done > IMPORT_BATCH_SIZE) throw new Error('disk full');
    });
    await expect(failing).rejects.toThrow('disk full');
    expect((await db.annotations.toArray()).map((a) => a.id)).toEqual([noteId(1)]);
    expect(await db.articles.count()).toBe(0);
  });

  it('validates a hand-made list again before writing and lists what fails', async () => {
    const bad = { ...makeAnnotation({ id: noteId(2), start: 60 }), color: 'orange' } as unknown as Annotation;
    const summary = await importAnnotations(db, parsedOf([makeAnnotation({ id: noteId(1) }), bad]));
    expect(summary.added).toBe(1);
    expect(summary.rejected).toEqual([{ item: 'annotation', index: 1, reason: 'Annotation 2: annotation.color must be one of yellow, green, blue, pink, purple' }]);
  });

  it('adds the backup’s articles that are not stored, with their entity index, and leaves stored ones alone', async () => {
    await saveArticle(db, { url: 'https://news.example/older', title: 'Stored title', site: 'news.example', entities: [], quotes: [] }, 5);
    const older: ArticleRecord = { ...ARTICLE, url: 'https://news.example/older', title: 'Backup title' };
    const summary = await importAnnotations(db, exportJsonLd([makeAnnotation()], [ARTICLE, older]));
    expect(summary.articlesAdded).toBe(1);
    const stored = (await db.articles.get('https://news.example/story')) as ArticleRow;
    expect(stored).toEqual({
      ...ARTICLE,
      url: 'https://news.example/story',
      entityNames: ['Michael McFaul'],
      aliases: ['https://news.example/story'],
    });
    expect(await db.mentions.where('terms').equals('person:michael mcfaul').primaryKeys()).toEqual(['https://news.example/story\nperson:michael mcfaul']);
    expect((await db.articles.get('https://news.example/older'))?.title).toBe('Stored title');
  });
});
