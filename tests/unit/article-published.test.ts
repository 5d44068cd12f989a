// The publication date a page states: read by lib/extract, carried by articleAnalyzed into the
// reading history, and kept by a backup's export and import.
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { declaredPublished } from '@/lib/extract';
import { publishedDate } from '@/lib/extract/article-metadata';
import { parseMessage } from '@/lib/protocol/messages';
import { createLedeDB, saveArticle } from '@/lib/background/db';
import { exportJsonLd, parseImport, type ArticleRecord } from '@/lib/exchange';
import type { ArticleSummary } from '@/lib/cards/article-summary';

const PAGES = '../shared/fixtures/news-pages';

function doc(head: string, body = ''): Document {
  return parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document as unknown as Document;
}

describe('declaredPublished', () => {
  it('reads article:published_time first, as a UTC time', () => {
    const page = doc(
      '<meta property="article:published_time" content="2024-03-05T10:30:00+01:00">' +
        '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-01-01"}</script>',
    );
    expect(declaredPublished(page)).toBe('2024-03-05T09:30:00.000Z');
  });

  it('reads datePublished of an Article in JSON-LD, in @graph and inside CDATA', () => {
    const graph = '{"@context":"https://schema.org","@graph":[{"@type":"WebPage","datePublished":"2001-01-01"},{"@type":["NewsArticle"],"datePublished":"2024-03-05T08:00:00Z"}]}';
    expect(declaredPublished(doc(`<script type="application/ld+json">${graph}</script>`))).toBe('2024-03-05T08:00:00.000Z');
    const cdata = '\n//<![CDATA[\n{"@type":"ReportageNewsArticle","datePublished":"2023-07-01T12:00:00-04:00"}\n//]]>\n';
    expect(declaredPublished(doc(`<script type="application/ld+json">${cdata}</script>`))).toBe('2023-07-01T16:00:00.000Z');
  });

  it('falls back to microdata and <time datetime>, keeping a bare day as a day', () => {
    expect(declaredPublished(doc('', '<article><time itemprop="datePublished" datetime="2024-03-05">5 March</time></article>'))).toBe('2024-03-05');
    expect(declaredPublished(doc('', '<article><h1>T</h1><time datetime="2022-02-02T02:02:02Z">then</time></article>'))).toBe('2022-02-02T02:02:02.000Z');
    // A <time> outside the article (a sidebar's, a comment's) says nothing about it.
    expect(declaredPublished(doc('', '<aside><time datetime="2022-02-02">x</time></aside>'))).toBeNull();
  });

  it('skips placeholders and unparseable values for the next source', () => {
    const page = doc(
      '<meta property="article:published_time" content="0001-01-01T00:00:00Z">' +
        '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":""}</script>' +
        '<script type="application/ld+json">{ not json</script>' +
        '<meta itemprop="datePublished dateCreated" content="2019-11-19T11:00:09.000Z">',
    );
    expect(declaredPublished(page)).toBe('2019-11-19T11:00:09.000Z');
    expect(declaredPublished(doc('<meta property="article:published_time" content="last Tuesday">'))).toBeNull();
    expect(publishedDate('9999-12-31')).toBeNull();
    expect(publishedDate('2024-13-40')).toBeNull();
  });

  it('finds the date on most of the real news pages, and the stated one on known pages', () => {
    const found = new Map<string, string | null>();
    for (const dir of readdirSync(PAGES)) {
      let html: string;
      try {
        html = readFileSync(`${PAGES}/${dir}/page.html`, 'utf8');
      } catch {
        continue;
      }
      found.set(dir, declaredPublished(parseHTML(html).document as unknown as Document));
    }
    expect(found.size).toBeGreaterThan(150);
    // 120 of 152 when written; the rest state no date in any of these forms.
    expect([...found.values()].filter(Boolean).length).toBeGreaterThanOrEqual(115);
    expect(found.get('bbc-com-70cb2d5bca75')).toBe('2019-11-19T09:44:09.000Z');
    expect(found.get('the-guardian-guardian-1')).toBe('2019-01-03T07:00:02.000Z');
    expect(found.get('nytimes-com-04a6711caa7c')).toBe('2019-11-19T11:00:09.000Z');
  });
});

const ARTICLE: ArticleSummary = { url: 'https://a.example/story', title: 'T', site: 'a.example', published: '2024-03-05', entities: [], quotes: [] };

describe('the publication date in the reading history', () => {
  it('articleAnalyzed carries it, and refuses one that is not an ISO date', () => {
    expect(parseMessage({ type: 'articleAnalyzed', article: ARTICLE })).toEqual({ type: 'articleAnalyzed', article: ARTICLE });
    const { published: _published, ...undated } = ARTICLE;
    expect(parseMessage({ type: 'articleAnalyzed', article: undated })).toEqual({ type: 'articleAnalyzed', article: undated });
    expect(() => parseMessage({ type: 'articleAnalyzed', article: { ...ARTICLE, published: 'March 5' } })).toThrow(/published must be/);
    expect(() => parseMessage({ type: 'articleAnalyzed', article: { ...ARTICLE, published: 20240305 } })).toThrow(/published must be/);
  });

  it('is stored with the article, and survives a backup’s export and import', async () => {
    const db = createLedeDB('lede-published-test');
    try {
      await saveArticle(db, ARTICLE, 1000);
      const row = (await db.articles.get('https://a.example/story'))!;
      expect(row.published).toBe('2024-03-05');
      const record: ArticleRecord = { url: row.url, title: row.title, site: row.site, seenAt: row.seenAt, published: row.published, entities: [], quotes: [] };
      const parsed = parseImport(exportJsonLd([], [record, { ...record, url: 'https://a.example/undated', published: undefined }]));
      expect(parsed.articles.map((a) => a.published)).toEqual(['2024-03-05', undefined]);
      expect(parsed.articles[1]).not.toHaveProperty('published');
      expect(parseImport(exportJsonLd([], [{ ...record, published: 'soon' }])).rejected[0]!.reason).toMatch(/published must be/);
    } finally {
      db.close();
    }
  });
});
