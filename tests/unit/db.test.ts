import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleSummary } from '@/lib/cards/article-summary';
import { articleKey, articlesMentioning, createLedeDB, saveArticle, type LedeDB } from '@/lib/background/db';

function article(url: string, names: string[], title = 'Title'): ArticleSummary {
  return {
    url,
    title,
    site: new URL(url).hostname,
    entities: names.map((name) => ({ type: 'person', name, mentions: 1 })),
    quotes: [{ text: 'Words', kind: 'reported', speaker: null }],
  };
}

describe('LedeDB', () => {
  let db: LedeDB;
  let dbCount = 0;

  beforeEach(() => {
    dbCount += 1;
    db = createLedeDB(`lede-db-test-${dbCount}`);
  });

  afterEach(async () => {
    await db.delete();
  });

  it('declares the articles table with the url key and the query indexes (schema now at version 7)', async () => {
    await db.open();
    expect(db.verno).toBe(7);
    const schema = db.articles.schema;
    expect(schema.primKey.name).toBe('url');
    expect(schema.indexes.map((index) => [index.name, index.multi])).toEqual([
      ['seenAt', false],
      ['site', false],
      ['entityNames', true],
      ['aliases', true],
      ['textHash', false],
    ]);
    expect(db.mentions.schema.indexes.map((index) => [index.name, index.multi])).toEqual([
      ['url', false],
      ['terms', true],
    ]);
  });

  it('saves an article with its summary and the entity names it mentions', async () => {
    await saveArticle(db, article('https://a.example/story', ['John Kerry', 'Sergei Lavrov', 'John Kerry']), 100);
    const row = await db.articles.get('https://a.example/story');
    expect(row).toMatchObject({ title: 'Title', site: 'a.example', seenAt: 100, entityNames: ['John Kerry', 'Sergei Lavrov'] });
    expect(row?.quotes).toEqual([{ text: 'Words', kind: 'reported', speaker: null }]);
  });

  it('updates the same row on a revisit, fragments included, instead of adding another', async () => {
    await saveArticle(db, article('https://a.example/story', ['John Kerry'], 'Old title'), 100);
    await saveArticle(db, article('https://a.example/story#comments', ['John Kerry', 'Barack Obama'], 'New title'), 200);
    expect(await db.articles.count()).toBe(1);
    expect(await db.articles.get('https://a.example/story')).toMatchObject({
      title: 'New title',
      seenAt: 200,
      entityNames: ['John Kerry', 'Barack Obama'],
    });
  });

  it('finds the articles that mention an entity, ignoring case, most recent first', async () => {
    await saveArticle(db, article('https://a.example/1', ['John Kerry', 'Syria']), 100);
    await saveArticle(db, article('https://b.example/2', ['Angela Merkel']), 200);
    await saveArticle(db, article('https://c.example/3', ['john kerry']), 300);
    const rows = await articlesMentioning(db, 'JOHN KERRY');
    expect(rows.map((row) => row.url)).toEqual(['https://c.example/3', 'https://a.example/1']);
    expect(await articlesMentioning(db, 'Vladimir Putin')).toEqual([]);
  });

  it('keys articles by URL without the fragment', () => {
    expect(articleKey('https://a.example/x?y=1#z')).toBe('https://a.example/x?y=1');
    expect(articleKey('https://a.example/x')).toBe('https://a.example/x');
  });
});
