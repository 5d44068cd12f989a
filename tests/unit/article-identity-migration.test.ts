// The version 5 upgrade turns a history of addresses into a history of articles: a database saved
// at version 4 with the same article kept under several addresses opens as one row per article,
// every address kept as an alias, and nothing of a different article touched.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createLedeDB, isArticleAt, type ArticleRow, type LedeDB } from '@/lib/background/db';
import { mergeDuplicateArticles } from '@/lib/background/article-merge';
import { DB_HISTORY } from '../../testing/fixtures/db-history';

const TITLE = 'U.S. Seeks to Redraw Ties With Russia in Syrian Conflict';

function row(url: string, seenAt: number, names: string[], extra: Partial<ArticleRow> = {}): ArticleRow {
  return {
    url,
    title: TITLE,
    site: new URL(url).host,
    seenAt,
    entities: names.map((name) => ({ type: 'person', name, mentions: 1 })),
    quotes: [{ text: `${names[0]} spoke`, kind: 'reported', speaker: names[0] ?? null }],
    entityNames: names,
    ...extra,
  };
}

/** A reading history as version 4 kept it: one row per address. */
const V4_ROWS: ArticleRow[] = [
  row('https://news.example/story', 100, ['John Kerry', 'Sergei Lavrov']),
  row('https://news.example/story?utm_source=newsletter&fbclid=x', 200, ['John Kerry', 'Sergei Lavrov']),
  row('https://news.example/story/amp', 300, ['John Kerry', 'Sergei Lavrov', 'Barack Obama']),
  // The seed's stripped and restored pages: same site and headline, mostly the same names.
  row('http://127.0.0.1:8080/seed/page-restored.html', 400, ['John Kerry', 'Michael McFaul', 'Vladimir Putin']),
  row('http://127.0.0.1:8080/seed/page-stripped.html', 500, ['John Kerry', 'Michael McFaul', 'Vladimir Putin', 'Moscows']),
  // Different articles: same site but another headline; same headline elsewhere; same headline, other people.
  row('https://news.example/other', 600, ['John Kerry'], { title: 'Kerry flies to Geneva for another round' }),
  row('https://elsewhere.example/story', 700, ['John Kerry', 'Sergei Lavrov']),
  row('http://127.0.0.1:8080/live/1', 800, ['Angela Merkel']),
];

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function savedAtVersion4(name: string, rows: ArticleRow[]): Promise<LedeDB> {
  const old = new Dexie(name);
  for (const frozen of DB_HISTORY) if (frozen.version <= 4) old.version(frozen.version).stores({ ...frozen.stores });
  await old.open();
  await old.table('articles').bulkPut(structuredClone(rows));
  old.close();
  const db = createLedeDB(name);
  opened.push(db);
  await db.open();
  return db;
}

describe('the version 5 upgrade', () => {
  it('merges each article’s rows into one, under its first address, with the newest reading and every address', async () => {
    const db = await savedAtVersion4('lede-identity-upgrade', V4_ROWS);
    const rows = await db.articles.orderBy('seenAt').toArray();
    expect(rows.map((r) => r.url)).toEqual([
      'https://news.example/story',
      'http://127.0.0.1:8080/seed/page-restored.html',
      'https://news.example/other',
      'https://elsewhere.example/story',
      'http://127.0.0.1:8080/live/1',
    ]);
    const story = rows[0]!;
    // The newest reading's analysis (Obama was found in it), seen at its time.
    expect(story.seenAt).toBe(300);
    expect(story.entityNames).toEqual(['John Kerry', 'Sergei Lavrov', 'Barack Obama']);
    for (const address of ['https://news.example/story?utm_source=newsletter&fbclid=x', 'https://news.example/story/amp', 'https://news.example/story']) {
      expect(isArticleAt(story, address), address).toBe(true);
    }
    const seed = rows[1]!;
    expect(seed.seenAt).toBe(500);
    expect(isArticleAt(seed, 'http://127.0.0.1:8080/seed/page-stripped.html')).toBe(true);
    // Every article is indexed by its aliases, and its entities listed for entity pages.
    expect(await db.mentions.where('terms').equals('person:john kerry').count()).toBe(4);
    expect(await db.mentions.where('url').equals('https://news.example/story').count()).toBe(3);
    expect(await db.articles.where('aliases').equals('https://news.example/story/amp').primaryKeys()).toEqual(['https://news.example/story']);
  });

  it('leaves a history without duplicates as it was, apart from the new indexes', async () => {
    const distinct = [V4_ROWS[0]!, V4_ROWS[5]!, V4_ROWS[6]!, V4_ROWS[7]!];
    const db = await savedAtVersion4('lede-identity-upgrade-distinct', distinct);
    const rows = await db.articles.orderBy('seenAt').toArray();
    expect(rows.map(({ aliases: _a, ...rest }) => rest)).toEqual(distinct);
  });
});

describe('mergeDuplicateArticles', () => {
  it('never joins rows whose bodies are known to differ, even with the same site and headline', () => {
    const a = { ...row('https://news.example/live?page=1', 1, ['John Kerry']), aliases: ['https://news.example/live?page=1'], textHash: '500:aaaaaaaaaaaaaaaa' };
    const b = { ...row('https://news.example/live?page=2', 2, ['John Kerry']), aliases: ['https://news.example/live?page=2'], textHash: '500:bbbbbbbbbbbbbbbb' };
    expect(mergeDuplicateArticles([a, b]).dropped).toEqual([]);
  });

  it('joins rows with the same body fingerprint at unrelated addresses', () => {
    const a = { ...row('https://news.example/a', 1, ['John Kerry']), aliases: ['https://news.example/a'], textHash: '500:aaaaaaaaaaaaaaaa' };
    const b = { ...row('https://news.example/b', 2, ['Kerry'], { title: 'Another headline for it' }), aliases: ['https://news.example/b'], textHash: '500:aaaaaaaaaaaaaaaa' };
    const { kept, dropped } = mergeDuplicateArticles([a, b]);
    expect(dropped).toEqual(['https://news.example/b']);
    expect(kept[0]!.aliases).toEqual(expect.arrayContaining(['https://news.example/a', 'https://news.example/b']));
  });
});
