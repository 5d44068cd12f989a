// Writes are all-or-nothing: a failure in the middle of a multi-row, multi-table write (an import
// that dies after its first batch, a storage error while writing the reading history, a bulk delete
// that meets a note deleted elsewhere, an upgrade that throws half-way) leaves the database exactly
// as it was. fake-indexeddb implements IndexedDB transactions, aborts included.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnnotationNotFoundError, deleteAnnotation, saveAnnotation, updateAnnotation } from '@/lib/background/annotation-store';
import type { Annotation } from '@/lib/notes/annotation';
import { createLedeDB, type LedeDB } from '@/lib/background/db';
import { exportJsonLd, importAnnotations, IMPORT_BATCH_SIZE, type ArticleRecord } from '@/lib/exchange';
import { makeAnnotation, noteId } from '../../testing/fixtures/annotation-fixtures';
import { DB_HISTORY } from '../../testing/fixtures/db-history';

let db: LedeDB;
let count = 0;

beforeEach(async () => {
  count += 1;
  db = createLedeDB(`lede-transactions-${count}`);
  await db.annotations.bulkAdd([makeAnnotation({ id: noteId(1), body: 'kept', tags: ['a', 'b'] })]);
  await db.articles.put({ url: 'https://news.example/kept', title: 'Kept', site: 'news.example', seenAt: 1, entities: [], quotes: [], entityNames: [] });
});

afterEach(async () => {
  await db.delete();
});

async function snapshot(): Promise<{ annotations: Annotation[]; articles: unknown[] }> {
  return { annotations: await db.annotations.toArray(), articles: await db.articles.toArray() };
}

/** A backup of `n` notes on distinct pages, with one article of reading history per note. */
function backup(n: number): string {
  const notes = Array.from({ length: n }, (_, i) =>
    makeAnnotation({ id: noteId(100 + i), body: `note ${i}`, tags: ['import', `t${i % 7}`], target: { ...makeAnnotation().target, source: `https://news.example/p${i}` } }),
  );
  const articles: ArticleRecord[] = notes.map((note, i) => ({
    url: note.target.source,
    title: `Page ${i}`,
    site: 'news.example',
    seenAt: 1_000 + i,
    entities: [{ type: 'person', name: 'John Kerry', mentions: 1 }],
    quotes: [],
  }));
  return exportJsonLd(notes, articles);
}

describe('an import that fails midway', () => {
  it('writes no note when storage fails on a note in the second batch', async () => {
    const before = await snapshot();
    let created = 0;
    // A storage failure (like a full disk) on one row, after a whole batch was written.
    db.annotations.hook('creating', () => {
      created += 1;
      if (created === IMPORT_BATCH_SIZE + 7) throw new Error('QuotaExceededError: disk full');
    });
    await expect(importAnnotations(db, backup(IMPORT_BATCH_SIZE + 50))).rejects.toThrow(/disk full/);
    expect(created).toBe(IMPORT_BATCH_SIZE + 7);
    expect(await snapshot()).toEqual(before);
  });

  it('writes no note when the reading history fails after every note was written', async () => {
    const before = await snapshot();
    db.articles.hook('creating', (_key, article) => {
      if ((article as { title: string }).title === 'Page 3') throw new Error('write failed');
    });
    await expect(importAnnotations(db, backup(10))).rejects.toThrow(/write failed/);
    expect(await snapshot()).toEqual(before);
  });

  it('imports everything once nothing fails (the same file, same database)', async () => {
    const summary = await importAnnotations(db, backup(12));
    expect(summary).toMatchObject({ added: 12, skipped: 0, articlesAdded: 12 });
    expect((await db.annotations.toArray()).filter((note) => note.tags.includes('import'))).toHaveLength(12);
  });
});

describe('notes', () => {
  it('a note with its tags is saved whole or not at all', async () => {
    const before = await snapshot();
    db.annotations.hook('creating', () => {
      throw new Error('write failed');
    });
    await expect(saveAnnotation(db, makeAnnotation({ id: noteId(2), body: 'new', tags: ['x', 'y', 'z'] }), 5)).rejects.toThrow(/write failed/);
    expect(await snapshot()).toEqual(before);
  });

  it('an edit of body and tags that fails leaves the stored note as it was', async () => {
    const before = await snapshot();
    db.annotations.hook('updating', () => {
      throw new Error('write failed');
    });
    await expect(updateAnnotation(db, noteId(1), { body: 'changed', tags: ['c'] }, 5)).rejects.toThrow(/write failed/);
    expect(await snapshot()).toEqual(before);
  });

  it('a bulk delete that meets a note already gone deletes none (the library’s one-transaction delete)', async () => {
    await db.annotations.bulkAdd([makeAnnotation({ id: noteId(2), start: 50 }), makeAnnotation({ id: noteId(3), start: 90 })]);
    const before = await snapshot();
    const ids = [noteId(1), noteId(2), noteId(404), noteId(3)];
    await expect(
      db.transaction('rw', db.annotations, async () => {
        for (const id of ids) await deleteAnnotation(db, id);
      }),
    ).rejects.toThrow(AnnotationNotFoundError);
    expect(await snapshot()).toEqual(before);
  });
});

describe('schema upgrades', () => {
  it('an upgrade() that throws half-way leaves the database at its old version with its rows', async () => {
    db.close();
    const name = db.name;
    const latest = DB_HISTORY.at(-1)!.version;
    const broken = new Dexie(name);
    for (const frozen of DB_HISTORY) broken.version(frozen.version).stores({ ...frozen.stores });
    let touched = 0;
    broken
      .version(latest + 1)
      .stores({})
      .upgrade(async (tx) => {
        await tx.table('annotations').toCollection().modify((note: Annotation) => {
          note.body = 'rewritten by a broken upgrade';
          touched += 1;
        });
        throw new Error('upgrade crashed');
      });
    await expect(broken.open()).rejects.toThrow(/upgrade crashed/);
    expect(touched).toBe(1);
    broken.close();

    db = createLedeDB(name);
    await db.open();
    expect(db.verno).toBe(latest);
    expect((await db.annotations.get(noteId(1)))?.body).toBe('kept');
  });
});
