// Schema version 3 adds the annotations table; a database saved at version 2 opens with its
// articles and cached summaries intact.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { saveAnnotation } from '@/lib/background/annotation-store';
import { createLedeDB } from '@/lib/background/db';
import { makeAnnotation, noteId } from '../../testing/fixtures/annotation-fixtures';

const ARTICLE = {
  url: 'https://news.example/story',
  title: 'Talks collapse',
  site: 'news.example',
  seenAt: 100,
  entities: [{ type: 'person', name: 'John Kerry', mentions: 2 }],
  quotes: [],
  entityNames: ['John Kerry'],
};
const SUMMARY = { key: 'en|John Kerry', result: { status: 'not-found' }, fetchedAt: 5, expiresAt: 10 };

/** A database as Lede version 2 left it: its schema declared by hand, as that release did. */
async function createVersion2(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores({ articles: 'url, seenAt, site, *entityNames' });
  old.version(2).stores({ summaries: 'key, expiresAt' });
  await old.open();
  await old.table('articles').put(ARTICLE);
  await old.table('summaries').put(SUMMARY);
  old.close();
}

describe('LedeDB version 3', () => {
  it('declares the annotations table, looked up by page', async () => {
    const db = createLedeDB('lede-v3-schema');
    await db.open();
    expect(db.verno).toBe(7); // the current version: 3 added annotations, 4 the analysis cache, 5 sync, 6 article aliases and mentions, 7 dropped the notes' unused indexes
    const schema = db.annotations.schema;
    expect(schema.primKey.name).toBe('id');
    expect(schema.primKey.unique).toBe(true);
    // Version 3 also indexed modified, tags and colour; nothing queried them, and version 7 dropped them.
    expect(schema.indexes.map((index) => [index.name, index.multi])).toEqual([['target.source', false]]);
    await db.delete();
  });

  it('opens a version 2 database with its articles and summaries intact, and stores notes in it', async () => {
    await createVersion2('lede-v2-to-v3');
    const db = createLedeDB('lede-v2-to-v3');
    await db.open();
    expect(db.verno).toBe(7); // the current version: 3 added annotations, 4 the analysis cache, 5 sync, 6 article aliases and mentions, 7 dropped the notes' unused indexes
    expect(await db.articles.toArray()).toEqual([{ ...ARTICLE, aliases: [ARTICLE.url] }]);
    expect(await db.summaries.toArray()).toEqual([SUMMARY]);
    expect(await db.articles.where('entityNames').equals('John Kerry').count()).toBe(1);
    expect(await db.annotations.count()).toBe(0);
    await saveAnnotation(db, makeAnnotation(), 1000);
    expect((await db.annotations.get(noteId(1)))?.body).toBe('My note');
    await db.delete();
  });
});
