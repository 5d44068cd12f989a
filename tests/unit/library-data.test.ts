import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createLedeDB, type LedeDB } from '@/lib/background/db';
import { joinNotesToArticles, loadLibraryData, quotesBySpeaker } from '@/lib/library/library-data';
import { noteId } from '../../testing/fixtures/annotation-fixtures';
import { ARTICLES, KYIV, NOTES, UNREAD } from '../../testing/fixtures/library-fixtures';

describe('joinNotesToArticles', () => {
  const items = joinNotesToArticles(NOTES, ARTICLES);

  it('joins by normalised URL, even when the article was stored with tracking parameters', () => {
    const kyiv = items.find((i) => i.annotation.id === noteId(1))!;
    expect(kyiv.source).toBe(KYIV);
    expect(kyiv.readAt).toBe(Date.parse('2026-03-02T08:00:00Z'));
    expect(kyiv.entities).toEqual(['Michael McFaul', 'John Kerry', 'Kyiv', 'United Nations']);
  });

  it('keeps the note’s own page title and site when no analysis is stored', () => {
    const unread = items.find((i) => i.source === UNREAD)!;
    expect(unread).toMatchObject({ articleTitle: 'A blog post', site: 'blog.example', readAt: null, entities: [] });
  });

  it('takes the most recently read of two analyses of one article', () => {
    const older = { ...ARTICLES[0]!, url: KYIV, title: 'Old title', seenAt: 1 };
    const [item] = joinNotesToArticles([NOTES[0]!], [ARTICLES[0]!, older]);
    expect(item!.articleTitle).toBe('Talks in Kyiv stall');
  });
});

describe('quotesBySpeaker', () => {
  it('groups attributed quotes across articles, most quoted first, newest article first', () => {
    const speakers = quotesBySpeaker(ARTICLES);
    expect(speakers.map((s) => [s.speaker, s.quotes.length, s.articleCount])).toEqual([
      ['John Kerry', 2, 2],
      ['Anne Hidalgo', 1, 1],
      ['Michael McFaul', 1, 1],
    ]);
    expect(speakers[0]!.quotes.map((q) => q.text)).toEqual(['Diplomacy takes time', 'We are not there yet']);
    expect(speakers[0]!.quotes[1]).toMatchObject({ title: 'Talks in Kyiv stall', site: 'news.example', kind: 'direct' });
  });
});

describe('loadLibraryData', () => {
  let db: LedeDB | undefined;
  afterEach(async () => {
    await db?.delete();
  });

  it('reads notes and articles from Dexie and joins them', async () => {
    db = createLedeDB(`library-data-${Math.random()}`);
    await db.articles.bulkPut(ARTICLES);
    await db.annotations.bulkPut(NOTES);
    const data = await loadLibraryData(db);
    expect(data.annotations).toHaveLength(4);
    expect(data.articles).toHaveLength(2);
    expect(data.items.filter((i) => i.entities.includes('Michael McFaul')).map((i) => i.annotation.id).sort()).toEqual([noteId(1), noteId(2)]);
    expect(data.speakers[0]!.speaker).toBe('John Kerry');
  });
});
