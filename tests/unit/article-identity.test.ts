// One article read at several addresses is one article: the identity rules (canonical link, AMP,
// tracking parameters, fragments, the body's fingerprint), the store that merges on save, and the
// "Also in N articles" history that no longer points back at the article being read.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleSummary, EntitySummary } from '@/lib/cards/article-summary';
import { articleIdentity, withoutAmp } from '@/lib/notes/article-identity';
import { bodyFingerprint } from '@/lib/notes/body-fingerprint';
import { createLedeDB, isArticleAt, saveArticle, type LedeDB } from '@/lib/background/db';
import { entityHistories } from '@/lib/background/history';
import { extractArticle } from '@/lib/extract';
import { parseHtmlDocument } from '@/lib/extract/node-dom';
import { readSeed } from '../../testing/fixtures/quotes-fixtures';

const STORY = 'https://news.example/2026/12/talks-collapse';

describe('articleIdentity', () => {
  it.each([
    ['tracking parameters and a fragment', `${STORY}?utm_source=newsletter&utm_medium=email&fbclid=abc#comments`],
    ['gclid and mc_cid among kept parameters', `${STORY}?gclid=1&mc_cid=2`],
    ['an amp path segment', 'https://news.example/amp/2026/12/talks-collapse'],
    ['a trailing /amp', `${STORY}/amp`],
    ['a trailing /amp/', `${STORY}/amp/`],
    ['?amp', `${STORY}?amp`],
    ['?amp=1 with tracking', `${STORY}?amp=1&utm_campaign=x`],
    ['an amp. host', 'https://amp.news.example/2026/12/talks-collapse'],
    ['a .amp.html ending', 'https://news.example/2026/12/talks-collapse.amp.html', `${STORY}.html`],
  ])('gives %s an alias the plain address shares', (_, address, plainAddress = STORY) => {
    const plain = new Set(articleIdentity({ url: plainAddress }).aliases);
    const shared = articleIdentity({ url: address }).aliases.filter((alias) => plain.has(alias));
    expect(shared.length, `${address} -> ${articleIdentity({ url: address }).aliases.join(' ')}`).toBeGreaterThan(0);
  });

  it('keys the article by its canonical link on the same site, and keeps the address read as an alias', () => {
    const identity = articleIdentity({ url: 'https://www.news.example/p/123?ref=home', canonical: `${STORY}?utm_source=x` });
    expect(identity.key).toBe(STORY);
    expect(identity.aliases).toContain('https://www.news.example/p/123');
  });

  it('refuses a canonical link or an amphtml link to another site: a page cannot claim another site’s article', () => {
    const identity = articleIdentity({ url: 'https://evil.example/copy', canonical: STORY, amphtml: `${STORY}/amp` });
    expect(identity.key).toBe('https://evil.example/copy');
    expect(identity.aliases.some((alias) => alias.includes('news.example'))).toBe(false);
  });

  it('counts the page’s <link rel=amphtml> as another address of the same article', () => {
    const identity = articleIdentity({ url: STORY, amphtml: '/amp/2026/12/talks-collapse' });
    expect(identity.aliases).toContain('https://news.example/amp/2026/12/talks-collapse');
  });

  it('keeps different articles apart: other paths and other meaningful parameters', () => {
    const a = new Set(articleIdentity({ url: 'https://news.example/story?id=1' }).aliases);
    expect(articleIdentity({ url: 'https://news.example/story?id=2' }).aliases.some((alias) => a.has(alias))).toBe(false);
    expect(articleIdentity({ url: 'https://news.example/ampere-record' }).aliases).not.toContain('https://news.example/ere-record');
    expect(withoutAmp('https://news.example/examples/amp-stories')).toBe('https://news.example/examples/amp-stories');
    expect(withoutAmp('https://amp.example/story')).toBe('https://amp.example/story');
  });
});

describe('bodyFingerprint', () => {
  const bodyOf = (page: 'page-stripped.html' | 'page-restored.html'): string => extractArticle(parseHtmlDocument(readSeed(page)))!.text;

  it('is the same for the seed article with its quotation marks and apostrophes stripped and restored', () => {
    const stripped = bodyOf('page-stripped.html');
    const restored = bodyOf('page-restored.html');
    expect(stripped).not.toBe(restored);
    expect(bodyFingerprint(stripped)).toBeDefined();
    expect(bodyFingerprint(stripped)).toBe(bodyFingerprint(restored));
  });

  it('differs when a word of the text differs, and is absent for a short body', () => {
    const text = bodyOf('page-restored.html');
    expect(bodyFingerprint(text.replace('Kerry', 'Kelly'))).not.toBe(bodyFingerprint(text));
    expect(bodyFingerprint('Breaking: talks collapse.')).toBeUndefined();
  });
});

function article(url: string, entities: EntitySummary[], extra: Partial<ArticleSummary> = {}): ArticleSummary {
  return { url, title: `Story at ${url}`, site: new URL(url).hostname, entities, quotes: [], ...extra };
}
const person = (name: string): EntitySummary => ({ type: 'person', name, mentions: 2 });

describe('saveArticle and the history, by article', () => {
  let db: LedeDB;
  let count = 0;
  beforeEach(() => {
    count += 1;
    db = createLedeDB(`lede-identity-test-${count}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('keeps one row for the article read plain, from a newsletter, as AMP and with a fragment', async () => {
    await saveArticle(db, article(STORY, [person('John Kerry')]), 100);
    await saveArticle(db, article(`${STORY}?utm_source=newsletter&fbclid=x`, [person('John Kerry')]), 200);
    await saveArticle(db, article(`${STORY}/amp`, [person('John Kerry')]), 300);
    await saveArticle(db, article(`https://amp.news.example/2026/12/talks-collapse#top`, [person('John Kerry')]), 400);
    const rows = await db.articles.toArray();
    expect(rows.map((row) => row.url)).toEqual([STORY]);
    expect(rows[0]!.seenAt).toBe(400);
  });

  it('merges a page into the article its canonical link names, under the canonical address', async () => {
    await saveArticle(db, article('https://news.example/p/123', [person('John Kerry')]), 100);
    await saveArticle(db, article(STORY, [person('John Kerry')]), 200);
    expect(await db.articles.count()).toBe(2);
    await saveArticle(db, article('https://news.example/p/123', [person('John Kerry')], { canonical: STORY }), 300);
    const rows = await db.articles.toArray();
    expect(rows.map((row) => row.url)).toEqual([STORY]);
    expect(rows[0]!.aliases).toEqual(expect.arrayContaining([STORY, 'https://news.example/p/123']));
  });

  it('merges the same body read at an address nothing links (a reprint), and keeps different bodies apart', async () => {
    const hash = bodyFingerprint('The same article body, word for word. '.repeat(20))!;
    await saveArticle(db, article('http://127.0.0.1/seed/page-restored.html', [person('John Kerry')], { textHash: hash }), 100);
    await saveArticle(db, article('http://127.0.0.1/seed/page-stripped.html', [person('John Kerry')], { textHash: hash }), 200);
    await saveArticle(db, article('http://127.0.0.1/other.html', [person('John Kerry')], { textHash: bodyFingerprint('Another story. '.repeat(40)) }), 300);
    const rows = await db.articles.orderBy('seenAt').toArray();
    expect(rows.map((row) => row.url)).toEqual(['http://127.0.0.1/seed/page-restored.html', 'http://127.0.0.1/other.html']);
    expect(isArticleAt(rows[0]!, 'http://127.0.0.1/seed/page-stripped.html#x')).toBe(true);
  });

  it('joins the same body only on the page’s own site: a page elsewhere cannot take over an article’s row', async () => {
    const hash = bodyFingerprint('The same article body, word for word. '.repeat(20))!;
    await saveArticle(db, article('https://news.example/story', [person('John Kerry')], { textHash: hash }), 100);
    await saveArticle(db, article('https://evil.example/copy', [person('Someone Else')], { textHash: hash, title: 'Spoofed' }), 200);
    const rows = await db.articles.orderBy('seenAt').toArray();
    expect(rows.map((row) => [row.url, row.title])).toEqual([
      ['https://news.example/story', 'Story at https://news.example/story'],
      ['https://evil.example/copy', 'Spoofed'],
    ]);
  });

  it('does not offer the article being read, at another address, as "also in", but counts a different article', async () => {
    const hash = bodyFingerprint('The same article body, word for word. '.repeat(20))!;
    await saveArticle(db, article('http://127.0.0.1/seed/page-restored.html', [person('John Kerry')], { textHash: hash }), 100);
    await saveArticle(db, article('http://127.0.0.1/seed/page-stripped.html', [person('John Kerry')], { textHash: hash }), 200);
    const [alone] = await entityHistories(db, ['John Kerry'], 'http://127.0.0.1/seed/page-stripped.html');
    expect(alone!.total).toBe(0);
    await saveArticle(db, article('http://127.0.0.1/bbc.html', [person('John Kerry')]), 300);
    const [withOther] = await entityHistories(db, ['John Kerry'], 'http://127.0.0.1/seed/page-stripped.html');
    expect(withOther!.articles.map((a) => a.url)).toEqual(['http://127.0.0.1/bbc.html']);
    const [fromOther] = await entityHistories(db, ['John Kerry'], 'http://127.0.0.1/bbc.html?utm_source=x');
    expect(fromOther!.articles.map((a) => a.url)).toEqual(['http://127.0.0.1/seed/page-restored.html']);
  });
});
