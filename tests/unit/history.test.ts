// "Also in N articles you've read": the query over the stored articles, and its background handler.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleSummary, EntitySummary } from '@/lib/cards/article-summary';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { createLedeDB, saveArticle, type LedeDB } from '@/lib/background/db';
import { entityHistories, matchingEntity } from '@/lib/background/history';
import { PrefsStore } from '@/lib/settings/highlight-prefs';
import type { KeyValueArea } from '@/lib/settings/storage-area';
import { fakeBrowser } from 'wxt/testing/fake-browser';

function article(url: string, entities: EntitySummary[], title = `Story at ${url}`): ArticleSummary {
  return { url, title, site: new URL(url).hostname, entities, quotes: [] };
}
const person = (name: string, extra: Partial<EntitySummary> = {}): EntitySummary => ({ type: 'person', name, mentions: 2, ...extra });
const place = (name: string): EntitySummary => ({ type: 'place', name, mentions: 1 });

describe('entityHistories', () => {
  let db: LedeDB;
  let count = 0;

  beforeEach(() => {
    count += 1;
    db = createLedeDB(`lede-history-test-${count}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('answers a long list of names in order, each from its own matches (the list is worked through in steps)', async () => {
    await saveArticle(db, article('https://a.example/1', [person('John F. Kerry'), place('Geneva')]), 100);
    await saveArticle(db, article('https://b.example/2', [person('Sergei Lavrov'), place('Geneva')]), 200);
    const names = Array.from({ length: 130 }, (_, i) => `Nobody ${i}`);
    names[60] = 'John Kerry';
    names[125] = 'Geneva';
    const histories = await entityHistories(db, names, 'https://c.example/now');
    expect(histories.map((history) => history.name)).toEqual(names);
    expect(histories[60]).toMatchObject({ total: 1, articles: [{ url: 'https://a.example/1', name: 'John F. Kerry' }] });
    expect(histories[125]!.articles.map((a) => a.url)).toEqual(['https://b.example/2', 'https://a.example/1']);
    expect(histories.filter((history) => history.total > 0)).toHaveLength(2);
  });

  it('lists the other articles that mention the name, most recent first, without the current one', async () => {
    await saveArticle(db, article('https://a.example/1', [person('John Kerry', { role: 'Secretary of State' })], 'First'), 100);
    await saveArticle(db, article('https://b.example/2', [person('John Kerry', { description: 'the former senator' })], 'Second'), 300);
    await saveArticle(db, article('https://c.example/now', [person('John Kerry')], 'Current'), 400);
    await saveArticle(db, article('https://d.example/3', [person('Sergei Lavrov')]), 200);

    const [kerry] = await entityHistories(db, ['John Kerry'], 'https://c.example/now#top');
    expect(kerry).toEqual({
      name: 'John Kerry',
      total: 2,
      articles: [
        { url: 'https://b.example/2', title: 'Second', site: 'b.example', seenAt: 300, name: 'John Kerry', description: 'the former senator' },
        { url: 'https://a.example/1', title: 'First', site: 'a.example', seenAt: 100, name: 'John Kerry', role: 'Secretary of State' },
      ],
    });
  });

  it('answers each name in request order, with an empty history for names never seen', async () => {
    await saveArticle(db, article('https://a.example/1', [person('John Kerry'), place('Moscow')]), 100);
    const histories = await entityHistories(db, ['Moscow', 'Nobody Here', 'John Kerry'], 'https://x.example/');
    expect(histories.map((h) => [h.name, h.total])).toEqual([
      ['Moscow', 1],
      ['Nobody Here', 0],
      ['John Kerry', 1],
    ]);
    expect(histories[1]!.articles).toEqual([]);
  });

  it('shows at most five articles but counts them all', async () => {
    for (let i = 0; i < 7; i += 1) await saveArticle(db, article(`https://a.example/${i}`, [place('Aleppo')]), i);
    const [aleppo] = await entityHistories(db, ['Aleppo'], 'https://x.example/');
    expect(aleppo!.total).toBe(7);
    expect(aleppo!.articles.map((a) => a.seenAt)).toEqual([6, 5, 4, 3, 2]);
  });

  it('matches a person stored with a middle name or initial, by first name and surname', async () => {
    await saveArticle(db, article('https://a.example/1', [person('John F. Kerry', { description: 'the top U.S. diplomat' })]), 100);
    await saveArticle(db, article('https://b.example/2', [person('John Kirby')]), 200);
    await saveArticle(db, article('https://c.example/3', [place('John Kerry Street')]), 300);
    const [kerry] = await entityHistories(db, ['John Kerry'], 'https://x.example/');
    expect(kerry!.total).toBe(1);
    expect(kerry!.articles[0]).toMatchObject({ url: 'https://a.example/1', name: 'John F. Kerry', description: 'the top U.S. diplomat' });
  });

  it('matches a one-word name whatever its case, but not as the first name of someone else', async () => {
    await saveArticle(db, article('https://a.example/1', [person('Kerry')]), 100);
    await saveArticle(db, article('https://b.example/2', [person('Kerry Washington')]), 200);
    await saveArticle(db, article('https://c.example/3', [person('KERRY')]), 300);
    const [kerry] = await entityHistories(db, ['Kerry'], 'https://x.example/');
    expect(kerry!.articles.map((a) => a.url)).toEqual(['https://c.example/3', 'https://a.example/1']);
  });

  it('meets the same person under a surname alone, a nickname or another spelling, and only as a person', async () => {
    await saveArticle(db, article('https://a.example/1', [person('Donald Trump')]), 100);
    await saveArticle(db, article('https://b.example/2', [person('Mr. Trump')]), 200);
    await saveArticle(db, article('https://c.example/3', [place('Trump Tower')]), 300);
    await saveArticle(db, article('https://d.example/4', [person('Ivanka Trump')]), 400);
    const [trump] = await entityHistories(db, ['Trump'], 'https://x.example/');
    expect(trump!.articles.map((a) => a.url).sort()).toEqual(['https://a.example/1', 'https://b.example/2', 'https://d.example/4']);
    const [donald] = await entityHistories(db, ['Donald Trump'], 'https://x.example/');
    // The surname alone may be him; his daughter is not.
    expect(donald!.articles.map((a) => a.url).sort()).toEqual(['https://a.example/1', 'https://b.example/2']);

    await saveArticle(db, article('https://e.example/5', [person('Volodymyr Zelenskiy')]), 500);
    await saveArticle(db, article('https://f.example/6', [person('Josh Roe')]), 600);
    const [zelensky, joshua] = await entityHistories(db, ['Volodymyr Zelensky', 'Joshua Roe'], 'https://x.example/');
    expect(zelensky!.articles.map((a) => a.name)).toEqual(['Volodymyr Zelenskiy']);
    expect(joshua!.articles.map((a) => a.name)).toEqual(['Josh Roe']);
  });

  it('meets an organisation under its acronym, dotted or not', async () => {
    await saveArticle(db, article('https://a.example/1', [{ type: 'organization', name: 'United Nations', mentions: 3 }]), 100);
    await saveArticle(db, article('https://b.example/2', [{ type: 'organization', name: 'UN', mentions: 1 }]), 200);
    const [un] = await entityHistories(db, ['U.N.'], 'https://x.example/');
    expect(un!.articles.map((a) => a.url)).toEqual(['https://b.example/2', 'https://a.example/1']);
  });
});

describe('matchingEntity', () => {
  it('prefers the exact name over a first-and-surname match', () => {
    const entities = [person('John F. Kerry', { role: 'senator' }), person('John Kerry', { role: 'secretary' })];
    expect(matchingEntity(entities, 'John Kerry')?.role).toBe('secretary');
  });
  it('only stretches names for people', () => {
    expect(matchingEntity([place('New South Wales')], 'New Wales')).toBeUndefined();
  });
});

describe('getEntityHistory handler', () => {
  it('answers from the stored articles', async () => {
    const db = createLedeDB('lede-history-handler');
    fakeBrowser.reset();
    let now = 1000;
    const handlers = createBackgroundHandlers({
      db,
      prefs: new PrefsStore(fakeBrowser.storage.local as unknown as KeyValueArea),
      now: () => now,
    });
    await handlers.articleAnalyzed({ type: 'articleAnalyzed', article: article('https://a.example/1', [person('Michael McFaul')]) });
    now = 2000;
    await handlers.articleAnalyzed({ type: 'articleAnalyzed', article: article('https://b.example/2', [person('Michael McFaul')]) });
    const response = await handlers.getEntityHistory({ type: 'getEntityHistory', names: ['Michael McFaul'], excludeUrl: 'https://b.example/2' });
    expect(response.histories).toEqual([
      { name: 'Michael McFaul', total: 1, articles: [expect.objectContaining({ url: 'https://a.example/1', seenAt: 1000 })] },
    ]);
    await db.delete();
  });
});
