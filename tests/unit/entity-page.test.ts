// An entity's page in the library, answered by the background through the real stores
// (saveArticle, the notes store) over fake-indexeddb: articles newest first with site and date,
// descriptions once each, quotes with a link to their words, the reader's notes that name them,
// and the getEntityPage message through the background's handlers.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ArticleSummary, EntitySummary, QuoteSummary } from '@/lib/cards/article-summary';
import { entityKey } from '@/lib/cards/entity-key';
import { quotationLink } from '@/lib/notes/quote-link';
import { createLedeDB, saveArticle, type LedeDB } from '@/lib/background/db';
import { entityPage } from '@/lib/background/entity-page';
import { saveAnnotation } from '@/lib/background/annotation-store';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { PrefsStore } from '@/lib/settings/highlight-prefs';
import { UserSettingsStore } from '@/lib/settings/user-settings';
import { createMemoryArea } from '@/lib/settings/storage-area';
import { parseMessage } from '@/lib/protocol/messages';
import { makeAnnotation, noteId } from '../../testing/fixtures/annotation-fixtures';

function article(url: string, entities: EntitySummary[], quotes: QuoteSummary[] = [], title = `Story at ${url}`): ArticleSummary {
  return { url, title, site: new URL(url).hostname, entities, quotes };
}
const person = (name: string, extra: Partial<EntitySummary> = {}): EntitySummary => ({ type: 'person', name, mentions: 2, ...extra });
const place = (name: string, extra: Partial<EntitySummary> = {}): EntitySummary => ({ type: 'place', name, mentions: 1, ...extra });
const org = (name: string): EntitySummary => ({ type: 'organization', name, mentions: 1 });
const said = (speaker: string, text: string): QuoteSummary => ({ text, kind: 'direct', speaker });

let db: LedeDB;
let count = 0;
beforeEach(() => {
  count += 1;
  db = createLedeDB(`lede-entity-page-test-${count}`);
});
afterEach(async () => {
  await db.delete();
});

describe('entityPage', () => {
  it('lists every article that mentions the person, newest first, under any name the linking rules accept', async () => {
    await saveArticle(db, article('https://a.example/1', [person('Donald Trump', { role: 'President' })]), 100);
    await saveArticle(db, article('https://b.example/2', [person('Trump')]), 300);
    await saveArticle(db, article('https://c.example/3', [person('Mr. Trump', { description: 'the former president' })]), 200);
    await saveArticle(db, article('https://d.example/4', [person('Ivanka Trump')]), 400);
    await saveArticle(db, article('https://e.example/5', [place('Trump Tower')]), 500);
    await saveArticle(db, article('https://f.example/6', [person('Donald Tusk')]), 600);
    const page = await entityPage(db, entityKey('person', 'Donald Trump')!, true);
    expect(page.name).toBe('Donald Trump');
    expect(page.articles.map((a) => [a.url, a.site, a.seenAt, a.name])).toEqual([
      ['https://b.example/2', 'b.example', 300, 'Trump'],
      ['https://c.example/3', 'c.example', 200, 'Mr. Trump'],
      ['https://a.example/1', 'a.example', 100, 'Donald Trump'],
    ]);
    // "Trump" alone opens the same page's articles.
    const bySurname = await entityPage(db, entityKey('person', 'Trump')!, true);
    expect(bySurname.articles.map((a) => a.url)).toEqual(expect.arrayContaining(['https://a.example/1', 'https://b.example/2', 'https://c.example/3']));
  });

  it('meets another spelling of a long surname, and keeps a different surname out', async () => {
    await saveArticle(db, article('https://a.example/1', [person('Volodymyr Zelensky')]), 100);
    await saveArticle(db, article('https://b.example/2', [person('Volodymyr Zelenskiy')]), 200);
    await saveArticle(db, article('https://c.example/3', [person('Volodymyr Zelenko')]), 300);
    const page = await entityPage(db, 'person:volodymyr zelensky', true);
    expect(page.articles.map((a) => a.name)).toEqual(['Volodymyr Zelenskiy', 'Volodymyr Zelensky']);
  });

  it('gives each description once, with the first article that gave it and how many did', async () => {
    await saveArticle(db, article('https://a.example/1', [person('Michael McFaul', { description: 'a former U.S. ambassador to Russia' })]), 100);
    await saveArticle(db, article('https://b.example/2', [person('Michael McFaul', { description: 'A former U.S. ambassador to Russia.' })]), 200);
    await saveArticle(db, article('https://c.example/3', [person('Michael McFaul', { description: 'a Stanford professor', role: 'Ambassador' })]), 300);
    await saveArticle(db, article('https://d.example/4', [person('Michael McFaul', { description: 'Ambassador', role: 'Ambassador' })]), 50);
    const page = await entityPage(db, 'person:michael mcfaul', true);
    expect(page.descriptions.map((d) => [d.text, d.kind, d.first.url, d.count])).toEqual([
      ['a Stanford professor', 'description', 'https://c.example/3', 1],
      ['a former U.S. ambassador to Russia', 'description', 'https://a.example/1', 2],
      // The same words as a description and a title: once, counted by articles.
      ['Ambassador', 'description', 'https://d.example/4', 2],
    ]);
  });

  it('lists their quotes with a text-fragment link to the words, and no one else’s', async () => {
    await saveArticle(db, article('https://a.example/1', [person('John Kerry'), person('Sergei Lavrov')], [said('John Kerry', '“We are not there yet,”'), said('Sergei Lavrov', '“No comment.”')]), 100);
    await saveArticle(db, article('https://b.example/2', [person('Kerry')], [said('Kerry', '“Talks go on”')]), 200);
    const page = await entityPage(db, 'person:john kerry', true);
    expect(page.quotes.map((q) => [q.text, q.source.url])).toEqual([
      ['“Talks go on”', 'https://b.example/2'],
      ['“We are not there yet,”', 'https://a.example/1'],
    ]);
    expect(quotationLink(page.quotes[1]!.source.url, page.quotes[1]!.text)).toBe('https://a.example/1#:~:text=We%20are%20not%20there%20yet%2C');
  });

  it('finds an organisation by its acronym and its long form', async () => {
    await saveArticle(db, article('https://a.example/1', [org('United Nations')]), 100);
    await saveArticle(db, article('https://b.example/2', [org('U.N.')]), 200);
    await saveArticle(db, article('https://c.example/3', [org('National Union of Students')]), 300);
    const page = await entityPage(db, entityKey('organization', 'U.N.')!, true);
    expect(page.articles.map((a) => a.url)).toEqual(['https://b.example/2', 'https://a.example/1']);
  });

  it('lists the reader’s notes on those articles that name them, at any address of the article', async () => {
    await saveArticle(db, article('https://a.example/1', [place('Aleppo')]), 100);
    await saveArticle(db, article('https://a.example/1?utm_source=feed', [place('Aleppo')]), 150);
    await saveArticle(db, article('https://b.example/2', [place('Geneva')]), 200);
    const on = (id: number, source: string, exact: string, body: string) =>
      saveAnnotation(db, makeAnnotation({ id: noteId(id), exact, body, target: { source, selector: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 0, end: exact.length }] } }), 1_000 + id);
    await on(1, 'https://a.example/1', 'the siege of Aleppo ended', 'Check the dates');
    await on(2, 'https://a.example/1', 'rebels said', 'not about the city');
    await on(3, 'https://b.example/2', 'talks in Geneva', 'Aleppo again?');
    const page = await entityPage(db, 'place:aleppo', true);
    expect(page.notes.map((n) => n.id)).toEqual([noteId(1)]);
    expect(page.notes[0]!.source.url).toBe('https://a.example/1');
    expect(page.notes[0]!.exact).toBe('the siege of Aleppo ended');
  });

  it('shows nothing from the reading history when it is off, and an empty page for someone never read about', async () => {
    await saveArticle(db, article('https://a.example/1', [person('John Kerry', { role: 'Secretary of State' })], [said('John Kerry', '“Yes.”')]), 100);
    const off = await entityPage(db, 'person:john kerry', false);
    expect([off.historyOn, off.articles, off.descriptions, off.quotes]).toEqual([false, [], [], []]);
    const nobody = await entityPage(db, 'person:nobody known', true);
    expect([nobody.name, nobody.articles, nobody.quotes, nobody.notes]).toEqual(['nobody known', [], [], []]);
  });
});

describe('entityPage, a window at a time', () => {
  async function history(): Promise<void> {
    // Six articles name him, newest last; the oldest two call him "Kerry" only.
    await saveArticle(db, article('https://a.example/1', [person('Kerry', { description: 'the envoy' })], [said('Kerry', '“Old words”')]), 100);
    await saveArticle(db, article('https://a.example/2', [person('Kerry')]), 150);
    // The same article read again at its AMP address: one article, known by both.
    await saveArticle(db, { ...article('https://a.example/amp/2', [person('Kerry')]), canonical: 'https://a.example/2' }, 200);
    for (let n = 3; n <= 6; n += 1) {
      await saveArticle(db, article(`https://b.example/${n}`, [person('John Kerry', { description: 'the secretary of state' }), place('Geneva')], [said('John Kerry', `“Words ${n}”`)]), n * 100);
    }
    await saveArticle(db, article('https://c.example/7', [person('Maria Kerry'), place('Geneva')]), 700);
  }

  it('reads only the newest articles in full, and still counts and names every one', async () => {
    await history();
    const page = await entityPage(db, 'person:john kerry', true, 2);
    expect(page.totalArticles).toBe(6);
    expect(page.complete).toBe(false);
    expect(page.articles.map((a) => a.url)).toEqual(['https://b.example/6', 'https://b.example/5']);
    // Descriptions and quotes come from the articles read.
    expect(page.descriptions.map((d) => [d.text, d.count, d.first.url, d.last.url])).toEqual([['the secretary of state', 2, 'https://b.example/5', 'https://b.example/6']]);
    expect(page.quotes.map((q) => q.text)).toEqual(['“Words 6”', '“Words 5”']);
    // A name only the older articles used is still listed.
    expect(page.names).toEqual(['John Kerry', 'Kerry']);
  });

  it('gives the next window when asked for more, and everything once the window holds every article', async () => {
    await history();
    const four = await entityPage(db, 'person:john kerry', true, 4);
    expect(four.articles.map((a) => a.url)).toEqual(['https://b.example/6', 'https://b.example/5', 'https://b.example/4', 'https://b.example/3']);
    const all = await entityPage(db, 'person:john kerry', true, 6);
    expect(all.complete).toBe(true);
    expect(all.articles.map((a) => a.url)).toEqual([...four.articles.map((a) => a.url), 'https://a.example/2', 'https://a.example/1']);
    expect(all.descriptions.map((d) => d.text)).toEqual(['the secretary of state', 'the envoy']);
    expect(all.quotes.at(-1)!.text).toBe('“Old words”');
  });

  it('finds the reader’s notes on articles outside the window, at any of their addresses', async () => {
    await history();
    const on = (id: number, source: string, exact: string) =>
      saveAnnotation(db, makeAnnotation({ id: noteId(id), exact, body: '', target: { source, selector: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 0, end: exact.length }] } }), 1_000 + id);
    await on(1, 'https://a.example/1', 'Kerry said little');
    // Kept under the address as read, not the article's key.
    await on(2, 'https://a.example/amp/2', 'Kerry again');
    await on(3, 'https://c.example/7', 'Kerry is not him here');
    await on(4, 'https://b.example/6', 'John Kerry in Geneva');
    const page = await entityPage(db, 'person:john kerry', true, 1);
    expect(page.articles.map((a) => a.url)).toEqual(['https://b.example/6']);
    expect(page.notes.map((n) => [n.id, n.source.url, n.source.title])).toEqual([
      [noteId(4), 'https://b.example/6', 'Story at https://b.example/6'],
      [noteId(2), 'https://a.example/amp/2', 'Story at https://a.example/amp/2'],
      [noteId(1), 'https://a.example/1', 'Story at https://a.example/1'],
    ]);
  });

  it('takes a window size in the message, and refuses one that is not a positive whole number', () => {
    expect(parseMessage({ type: 'getEntityPage', key: 'person:john kerry', limit: 400 })).toEqual({ type: 'getEntityPage', key: 'person:john kerry', limit: 400 });
    expect(() => parseMessage({ type: 'getEntityPage', key: 'person:john kerry', limit: 0 })).toThrow(/limit/);
    expect(() => parseMessage({ type: 'getEntityPage', key: 'person:john kerry', limit: 2.5 })).toThrow(/limit/);
  });
});

describe('the openEntityPage message (the hover card’s "All about X")', () => {
  it('has the background open the library at the entity’s page, and answers nothing about it', async () => {
    const views: string[] = [];
    const handlers = createBackgroundHandlers({ db, prefs: new PrefsStore(createMemoryArea()), now: () => 1, openLibrary: async (view) => void views.push(view) });
    expect(await handlers.openEntityPage(parseMessage({ type: 'openEntityPage', key: 'place:são paulo' }) as never)).toEqual({ ok: true });
    expect(views).toEqual(['entity=place%3As%C3%A3o%20paulo']);
  });
});

describe('the getEntityPage message', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is answered by the background from its stores, and refuses a key that is not type:name', async () => {
    const handlers = createBackgroundHandlers({
      db,
      prefs: new PrefsStore(createMemoryArea()),
      now: () => 1_000,
      settings: new UserSettingsStore(createMemoryArea()),
    });
    await handlers.articleAnalyzed({ type: 'articleAnalyzed', article: article('https://a.example/1', [person('John Kerry')]) });
    const request = parseMessage({ type: 'getEntityPage', key: 'person:john kerry' });
    expect(request.type).toBe('getEntityPage');
    const page = await handlers.getEntityPage({ type: 'getEntityPage', key: 'person:john kerry' });
    expect(page.articles.map((a) => a.url)).toEqual(['https://a.example/1']);
    expect(() => parseMessage({ type: 'getEntityPage', key: 'john kerry' })).toThrow(/type:name/);
    expect(() => parseMessage({ type: 'openEntityPage', key: 'person:' })).toThrow(/type:name/);
    expect(() => parseMessage({ type: 'getEntityPage', key: 'alien:john kerry' })).toThrow(/type:name/);
  });
});
