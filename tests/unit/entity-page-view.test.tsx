// @vitest-environment happy-dom
// The entity page as the reader sees it: the name, the articles with site and date, descriptions,
// quotes with a link to their words, notes, long lists behind "Show all", the empty state, the
// history-off notice; the route from the library's address; and the popup card's "All about X".
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ARTICLES_SHOWN, EntityPage, FIRST_SHOWN } from '@/components/library/EntityPage';
import { routeOf } from '@/components/library/entity-route';
import { entityView, openEntityPage } from '@/components/library/open-library';
import { EntityCard } from '@/components/popup/EntityCard';
import type { EntityCard as EntityCardModel } from '@/lib/cards/cards';
import type { EntityPageData, EntitySource } from '@/lib/protocol/history';

const source = (n: number): EntitySource => ({ url: `https://news${n}.example/story`, title: `Story ${n}`, site: `news${n}.example`, seenAt: Date.UTC(2026, 10, n) });

function pageData(extra: Partial<EntityPageData> = {}): EntityPageData {
  return {
    key: 'person:john kerry',
    type: 'person',
    name: 'John Kerry',
    names: ['John Kerry', 'Kerry'],
    historyOn: true,
    totalArticles: 2,
    complete: true,
    articles: [
      { ...source(3), name: 'Kerry', mentions: 1 },
      { ...source(1), name: 'John Kerry', mentions: 4 },
    ],
    descriptions: [{ text: 'the secretary of state', kind: 'description', first: source(1), last: source(3), count: 2 }],
    quotes: [{ text: 'We are not there yet,', kind: 'direct', source: source(1) }],
    notes: [{ id: 'n1', exact: 'Kerry flew to Geneva', body: 'check the date', tags: [], modified: '2026-11-02T10:00:00.000Z', source: source(1) }],
    ...extra,
  };
}

const roots: HTMLElement[] = [];
async function show(data: EntityPageData | null, onMore?: () => void): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.appendChild(root);
  roots.push(root);
  await act(async () => render(<EntityPage state={data ? { status: 'ready', data } : { status: 'loading' }} backHref="/library.html" onMore={onMore} />, root));
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) {
    render(null, root);
    root.remove();
  }
});
const all = (root: HTMLElement, id: string): HTMLElement[] => [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('EntityPage', () => {
  it('shows the name, the articles newest first with site, date and the name each used, and the other names', async () => {
    const root = await show(pageData());
    expect(text(root.querySelector('h1'))).toBe('All about John Kerry');
    expect(document.activeElement).toBe(root.querySelector('h1'));
    expect(text(all(root, 'entity-names')[0])).toContain('“Kerry”');
    const articles = all(root, 'entity-article');
    expect(articles.map((li) => li.querySelector('a')!.getAttribute('href'))).toEqual(['https://news3.example/story', 'https://news1.example/story']);
    expect(text(articles[0])).toMatch(/Story 3.*news3\.example · Nov 3, 2026 · as “Kerry” · 1 mention/);
    expect(articles[0]!.querySelector('time')!.getAttribute('datetime')).toBe('2026-11-03');
    expect(all(root, 'entity-empty')).toEqual([]);
  });

  it('lists descriptions once with their first article, quotes with a link to the passage, and the reader’s notes', async () => {
    const root = await show(pageData());
    expect(text(all(root, 'entity-description')[0])).toMatch(/the secretary of state.*Story 1.*and 1 other article/);
    const quote = all(root, 'entity-quote')[0]!;
    expect(text(quote.querySelector('blockquote'))).toBe('“We are not there yet,”');
    expect(quote.querySelector('[data-testid="entity-quote-link"]')!.getAttribute('href')).toBe('https://news1.example/story#:~:text=We%20are%20not%20there%20yet%2C');
    expect(text(all(root, 'entity-note')[0])).toMatch(/Kerry flew to Geneva.*check the date/);
    expect(all(root, 'entity-note')[0]!.querySelector('a')!.getAttribute('href')).toBe('https://news1.example/story#:~:text=Kerry%20flew%20to%20Geneva');
  });

  it('shows the newest articles a page at a time on "Show more", and moves the focus to the first new one', async () => {
    const many = Array.from({ length: ARTICLES_SHOWN + 5 }, (_, i) => ({ ...source(i + 1), url: `https://news.example/${i}`, name: 'John Kerry', mentions: 1 }));
    const root = await show(pageData({ articles: many, totalArticles: many.length }));
    expect(all(root, 'entity-article')).toHaveLength(ARTICLES_SHOWN);
    expect(text(all(root, 'entity-summary')[0])).toMatch(/^· 55 articles/);
    const button = all(root, 'entity-show-more-articles')[0]!;
    expect(text(button)).toBe('Show more (5 not shown)');
    await act(async () => button.click());
    expect(all(root, 'entity-article')).toHaveLength(ARTICLES_SHOWN + 5);
    expect(document.activeElement).toBe(all(root, 'entity-article')[ARTICLES_SHOWN]!.querySelector('a'));
    expect(all(root, 'entity-show-more-articles')).toEqual([]);
  });

  it('asks for older articles once those it was sent are all shown, and keeps the rest of the page', async () => {
    const sent = Array.from({ length: ARTICLES_SHOWN }, (_, i) => ({ ...source(i + 1), url: `https://news.example/${i}`, name: 'John Kerry', mentions: 1 }));
    const onMore = vi.fn();
    const root = await show(pageData({ articles: sent, totalArticles: 1_234, complete: false }), onMore);
    expect(text(all(root, 'entity-name')[0])).toBe('All about John Kerry');
    expect(text(root.querySelector('#entity-articles-heading'))).toBe('Articles (1,234)');
    // Descriptions and quotes come from the articles sent: the page says so.
    expect(text(all(root, 'entity-summary')[0])).toContain('1 quote in the newest 50 articles');
    expect(all(root, 'entity-descriptions-window')).toHaveLength(1);
    const button = all(root, 'entity-show-more-articles')[0]!;
    expect(text(button)).toBe('Show more (1,184 not shown)');
    await act(async () => button.click());
    expect(onMore).toHaveBeenCalledTimes(1);
    // The older articles arrive: the page shows the next ones and the focus lands on the first of them.
    const older = [...sent, ...Array.from({ length: 10 }, (_, i) => ({ ...source(1), url: `https://old.example/${i}`, name: 'Kerry', mentions: 1 }))];
    await act(async () => render(<EntityPage state={{ status: 'ready', data: pageData({ articles: older, totalArticles: 1_234, complete: false }) }} backHref="/library.html" onMore={onMore} />, root));
    expect(all(root, 'entity-article')).toHaveLength(ARTICLES_SHOWN + 10);
    expect(document.activeElement).toBe(all(root, 'entity-article')[ARTICLES_SHOWN]!.querySelector('a'));
  });

  it('shows quotes a page at a time, and descriptions with their first and last article', async () => {
    const quotes = Array.from({ length: FIRST_SHOWN + 3 }, (_, i) => ({ text: `Said ${i}`, kind: 'direct' as const, source: source(1) }));
    const root = await show(pageData({ quotes }));
    expect(all(root, 'entity-quote')).toHaveLength(FIRST_SHOWN);
    await act(async () => all(root, 'entity-show-more-quotes')[0]!.click());
    expect(all(root, 'entity-quote')).toHaveLength(FIRST_SHOWN + 3);
    expect(all(root, 'entity-show-more-quotes')).toEqual([]);
    expect(text(all(root, 'entity-description')[0])).toMatch(/and 1 other article, last Nov 3, 2026/);
  });

  it('says when the reader has not read about them elsewhere, and when history is off', async () => {
    const one = await show(pageData({ articles: [{ ...source(1), name: 'John Kerry', mentions: 1 }], totalArticles: 1, descriptions: [], quotes: [], notes: [] }));
    expect(text(all(one, 'entity-empty')[0])).toBe('You haven’t read about John Kerry elsewhere yet.');
    const off = await show(pageData({ historyOn: false, articles: [], descriptions: [], quotes: [] }));
    expect(all(off, 'entity-history-off')).toHaveLength(1);
    expect(all(off, 'entity-note')).toHaveLength(1);
  });

  it('says it is loading until the answer comes', async () => {
    const root = await show(null);
    expect(text(root.querySelector('[role="status"]'))).toBe('Loading…');
  });
});

describe('the library route', () => {
  it('reads an entity key from the hash openEntityPage writes, and anything else as the notes', () => {
    expect(routeOf(`#${entityView('person:john kerry')}`)).toEqual({ view: 'entity', key: 'person:john kerry' });
    expect(routeOf('')).toEqual({ view: 'notes' });
    expect(routeOf('#entity=')).toEqual({ view: 'notes' });
    expect(routeOf('#entity=nobody')).toEqual({ view: 'notes' });
  });
});

describe('"All about X" on a popup card', () => {
  it('opens the entity’s page by its key (type and folded name)', async () => {
    const root = document.createElement('div');
    roots.push(root);
    const open = vi.fn();
    const card: EntityCardModel = { id: 'person:0', type: 'person', name: 'Mr. John Kerry', mentions: [], mentionCount: 0, quotes: [], prominence: 1 };
    await act(async () => render(<EntityCard card={card} domId="c" expanded onReveal={async () => true} onOpenEntity={open} />, root));
    const button = root.querySelector<HTMLButtonElement>('[data-testid="card-open-entity"]')!;
    expect(text(button)).toBe('All about Mr. John Kerry');
    await act(async () => button.click());
    expect(open).toHaveBeenCalledWith('person:john kerry');
  });

  it('opens the library at the entity’s page in a new tab when none is open', async () => {
    fakeBrowser.reset();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await openEntityPage('place:aleppo');
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/library\.html#entity=place%3Aaleppo$/) });
  });
});
