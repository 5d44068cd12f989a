import { describe, expect, it } from 'vitest';
import { joinNotesToArticles } from '@/lib/library/library-data';
import {
  buildLibraryIndex,
  groupByArticle,
  libraryFacets,
  normalizeText,
  pageOfGroups,
  searchLibrary,
  tokenize,
  GROUPS_PER_PAGE,
  NOTES_PER_PAGE,
  type LibraryItem,
} from '@/lib/library/library-index';
import { makeAnnotation, noteId } from '../../testing/fixtures/annotation-fixtures';
import { ARTICLES, KYIV, NOTES, PARIS, UNREAD } from '../../testing/fixtures/library-fixtures';

const items = joinNotesToArticles(NOTES, ARTICLES);
const index = buildLibraryIndex(items);
const ids = (found: LibraryItem[]): string[] => found.map((item) => item.annotation.id);

describe('normalising text', () => {
  it('lower-cases, folds diacritics and splits into words', () => {
    expect(normalizeText('Café ZÜRICH')).toBe('cafe zurich');
    expect(tokenize('McFaul’s “earlier” interview, 2026!')).toEqual(['mcfaul', 's', 'earlier', 'interview', '2026']);
    expect(tokenize('  ...  ')).toEqual([]);
  });
});

describe('searchLibrary', () => {
  it('returns every note, newest first, for an empty query', () => {
    expect(ids(searchLibrary(index, '', {}, 'newest'))).toEqual([noteId(3), noteId(2), noteId(1), noteId(4)]);
    expect(ids(searchLibrary(index, '   '))).toHaveLength(4);
  });

  it.each([
    ['note body', 'earlier interview', [1]],
    ['quoted passage', 'ceasefire', [2]],
    ['tag', 'climate', [3]],
    ['article title', 'kyiv', [1, 2]],
    ['diacritics folded both ways', 'resume', [3]],
    ['query with diacritics', 'Café', [3]],
    ['prefix of the last word', 'ceasef', [2]],
    ['all words must match', 'kyiv ceasefire', [2]],
    ['no match', 'zebra', []],
  ])('finds notes by %s', (_, query, expected) => {
    expect(ids(searchLibrary(index, query, {}, 'oldest')).sort()).toEqual(expected.map(noteId).sort());
  });

  it('matches only whole words once the word is finished', () => {
    expect(ids(searchLibrary(index, 'ceasef '))).toEqual([]);
    expect(ids(searchLibrary(index, 'ceasefire '))).toEqual([noteId(2)]);
  });

  it('filters by tag, site, colour and created date range', () => {
    expect(ids(searchLibrary(index, '', { tag: 'ukraine' }, 'oldest'))).toEqual([noteId(1), noteId(2)]);
    expect(ids(searchLibrary(index, '', { site: 'paper.example' }))).toEqual([noteId(3)]);
    expect(ids(searchLibrary(index, '', { color: 'pink' }))).toEqual([noteId(4)]);
    expect(ids(searchLibrary(index, '', { from: '2026-03-02', to: '2026-03-02' }, 'oldest'))).toEqual([noteId(1), noteId(2)]);
    expect(ids(searchLibrary(index, '', { from: '2026-03-03' }))).toEqual([noteId(3)]);
    expect(ids(searchLibrary(index, '', { to: '2026-02-28' }))).toEqual([noteId(4)]);
  });

  it('filters by a person or place the joined article mentions, case-insensitively', () => {
    expect(ids(searchLibrary(index, '', { entity: 'Michael McFaul' }, 'oldest'))).toEqual([noteId(1), noteId(2)]);
    expect(ids(searchLibrary(index, '', { entity: 'zürich' }))).toEqual([noteId(3)]);
    expect(ids(searchLibrary(index, 'ceasefire', { entity: 'Michael McFaul' }))).toEqual([noteId(2)]);
    expect(ids(searchLibrary(index, 'ceasefire', { entity: 'Anne Hidalgo' }))).toEqual([]);
    expect(ids(searchLibrary(index, '', { entity: 'Nobody' }))).toEqual([]);
  });

  it('combines the query with every filter', () => {
    expect(ids(searchLibrary(index, 'kyiv', { color: 'yellow', tag: 'diplomacy' }))).toEqual([noteId(1)]);
    expect(ids(searchLibrary(index, 'kyiv', { color: 'blue' }))).toEqual([]);
  });

  it('sorts by article title and by reading order within recently read articles', () => {
    expect(ids(searchLibrary(index, '', {}, 'article'))).toEqual([noteId(4), noteId(3), noteId(2), noteId(1)]);
    // Paris was read last, then Kyiv (notes by stored position: 2 at 100, 1 at 400), then the unanalysed page.
    expect(ids(searchLibrary(index, '', {}, 'position'))).toEqual([noteId(3), noteId(2), noteId(1), noteId(4)]);
  });
});

describe('grouping and paging', () => {
  it('groups results by article in result order', () => {
    const groups = groupByArticle(searchLibrary(index, '', {}, 'newest'));
    expect(groups.map((g) => g.source)).toEqual([PARIS, KYIV, UNREAD]);
    expect(groups[1]!.items.map((i) => i.annotation.id)).toEqual([noteId(2), noteId(1)]);
    expect(groups[1]!.title).toBe('Talks in Kyiv stall');
  });

  it('shows at most a page of groups and notes at a time', () => {
    const many = Array.from({ length: 500 }, (_, n) =>
      makeAnnotation({ id: noteId(n + 1), target: { source: `https://s.example/${n % 300}`, selector: [] } }),
    );
    const groups = groupByArticle(joinNotesToArticles(many, []));
    const first = pageOfGroups(groups, 1);
    expect(first.groups.length).toBeLessThanOrEqual(GROUPS_PER_PAGE);
    expect(first.shownNotes).toBeLessThanOrEqual(NOTES_PER_PAGE);
    expect(first.groups.reduce((n, g) => n + g.items.length, 0)).toBe(first.shownNotes);
    const all = pageOfGroups(groups, 10);
    expect(all.shownNotes).toBe(500);
  });

  it('cuts a long group short at the note limit', () => {
    const many = Array.from({ length: 450 }, (_, n) => makeAnnotation({ id: noteId(n + 1) }));
    const page = pageOfGroups(groupByArticle(joinNotesToArticles(many, [])), 1);
    expect(page.groups).toHaveLength(1);
    expect(page.groups[0]!.items).toHaveLength(NOTES_PER_PAGE);
  });
});

describe('an index of notes that repeat themselves', () => {
  // A word several times in one note, in its tags and title too, and an entity named twice in two cases.
  const repeated = (n: number, body: string): LibraryItem => ({
    annotation: makeAnnotation({ id: noteId(n), body, tags: ['echo'] }),
    source: `https://echo.example/${n}`,
    articleTitle: 'Echo echo',
    site: 'echo.example',
    readAt: null,
    entities: ['Ada Lovelace', 'ada lovelace', 'Ada Lovelace'],
  });
  const echoes = [repeated(1, 'echo, echo and ECHO'), repeated(2, 'no repeats here'), repeated(3, 'Échö echo')];
  const built = buildLibraryIndex(echoes);

  it('lists each note once under a word or entity it names several times', () => {
    expect(built.postings.get('echo')).toEqual([0, 1, 2]);
    expect(built.postings.get('repeats')).toEqual([1]);
    expect(built.entityPostings.get('ada lovelace')).toEqual([0, 1, 2]);
    expect(ids(searchLibrary(built, 'echo', {}, 'oldest'))).toEqual([noteId(1), noteId(2), noteId(3)]);
  });

  it('counts an entity once per note in the facets', () => {
    expect(libraryFacets(echoes).entities).toEqual([
      { name: 'ada lovelace', count: 3 },
      { name: 'Ada Lovelace', count: 3 },
    ]);
  });
});

describe('libraryFacets', () => {
  it('lists tags, sites and people, places and organisations by how many notes mention them', () => {
    const facets = libraryFacets(items);
    expect(facets.tags).toEqual(['climate', 'diplomacy', 'ukraine']);
    expect(facets.sites).toEqual(['blog.example', 'news.example', 'paper.example']);
    expect(facets.entities.slice(0, 4)).toEqual([
      { name: 'United Nations', count: 3 },
      { name: 'John Kerry', count: 2 },
      { name: 'Kyiv', count: 2 },
      { name: 'Michael McFaul', count: 2 },
    ]);
  });
});

describe('sortedSteps', () => {
  it('sorts like Array#sort, stably, across many runs', async () => {
    const { runSteps } = await import('@/lib/exchange/steps');
    const { sortedSteps } = await import('@/lib/library/library-index');
    let seed = 7;
    const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (const size of [0, 1, 2048, 2049, 10_000, 20_483]) {
      const items = Array.from({ length: size }, (_, i) => ({ key: Math.floor(random() * 500), i }));
      const byKey = (a: { key: number }, b: { key: number }): number => a.key - b.key;
      expect(runSteps(sortedSteps(items.slice(), byKey)), `size ${size}`).toEqual(items.slice().sort(byKey));
    }
  });

  it('compares no more in one step than sorting one run takes, even in the merges of the whole list', async () => {
    const { sortedSteps } = await import('@/lib/library/library-index');
    const items = Array.from({ length: 60_000 }, (_, i) => (i * 7_919) % 60_000);
    let compares = 0;
    let most = 0;
    const steps = sortedSteps(items, (a, b) => (compares++, a - b));
    for (let next = steps.next(); ; next = steps.next()) {
      most = Math.max(most, compares);
      compares = 0;
      if (next.done) {
        expect(next.value).toEqual(Array.from({ length: 60_000 }, (_, i) => i));
        break;
      }
    }
    // A run of 2,048 sorts in about 2,048 × 11 comparisons; the last merge alone would be 60,000.
    expect(most).toBeLessThanOrEqual(2_048 * 12);
  });
});
