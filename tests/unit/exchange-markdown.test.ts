import { unzipSync, strFromU8 } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportMarkdown, zipFiles, type ArticleRecord } from '@/lib/exchange';
import { blockQuote, hashtagName, yamlString } from '@/lib/exchange/markdown';
import { articleExportId, articleFileName } from '@/lib/exchange/markdown-names';
import { makeAnnotation, noteId, SOURCE } from '../../testing/fixtures/annotation-fixtures';
import { awkwardText } from '../../testing/arbitraries/exchange-arbitraries';

/**
 * The front matter exportMarkdown writes, read back by a tiny YAML reader for exactly its subset:
 * `key: "double-quoted"`, `key: plain`, `key: []`, and `key:` followed by `  - "item"` lines.
 */
function readFrontMatter(markdown: string): { data: Record<string, unknown>; rest: string } {
  const lines = markdown.split('\n');
  expect(lines[0]).toBe('---');
  const end = lines.indexOf('---', 1);
  expect(end).toBeGreaterThan(0);
  const data: Record<string, unknown> = {};
  let list: string[] | null = null;
  for (const line of lines.slice(1, end)) {
    const item = /^ {2}- (".*")$/.exec(line);
    if (item) {
      expect(list).not.toBeNull();
      list!.push(JSON.parse(item[1]!));
      continue;
    }
    const pair = /^([a-z-]+):(?: (.*))?$/.exec(line);
    expect(pair, `front matter line ${JSON.stringify(line)}`).not.toBeNull();
    const [, key, value] = pair!;
    if (value === undefined) data[key!] = list = [];
    else if (value === '[]') data[key!] = [];
    else data[key!] = value.startsWith('"') ? JSON.parse(value) : value;
  }
  return { data, rest: lines.slice(end + 1).join('\n') };
}

const ARTICLE: ArticleRecord = {
  url: `${SOURCE}?utm_source=feed#top`,
  title: 'Talks: "collapse" in Geneva?',
  site: 'news.example',
  seenAt: Date.parse('2026-01-02T08:00:00.000Z'),
  published: '2025-12-31T22:15:00.000Z',
  entities: [
    { type: 'person', name: 'Michael McFaul', mentions: 4 },
    { type: 'place', name: 'Geneva', mentions: 2 },
    { type: 'person', name: 'John Kerry', mentions: 1 },
  ],
  quotes: [],
};

describe('exportMarkdown', () => {
  it('writes one file per article with front matter and the notes in reading order', () => {
    const notes = [
      makeAnnotation({ id: noteId(1), start: 300, exact: 'later words', body: 'Second note', tags: ['foreign policy', 'russia'] }),
      makeAnnotation({ id: noteId(2), start: 20, exact: 'first line\nsecond line\n\nnew paragraph', body: 'First note\nover two lines', tags: ['russia'] }),
      makeAnnotation({ id: noteId(3), target: { source: 'https://other.example/b', selector: makeAnnotation().target.selector }, page: { title: '', site: 'other.example' }, tags: [] }),
    ];
    const { files } = exportMarkdown(notes, [ARTICLE]);
    const id = articleExportId(SOURCE);
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(files.map((f) => f.name)).toEqual([`story ${id}.md`, `b ${articleExportId('https://other.example/b')}.md`]);
    const { data, rest } = readFrontMatter(files[0]!.content);
    expect(data).toEqual({
      title: 'Talks: "collapse" in Geneva?',
      aliases: ['Talks: "collapse" in Geneva?'],
      url: SOURCE,
      site: 'news.example',
      published: '2025-12-31T22:15:00.000Z',
      read: '2026-01-02T08:00:00.000Z',
      'lede-id': id,
      'lede-notes': [noteId(2), noteId(1)],
      tags: ['russia', 'foreign-policy'],
      people: ['Michael McFaul', 'John Kerry'],
    });
    expect(rest).toBe(
      [
        '',
        '# Talks: "collapse" in Geneva?',
        '',
        '> first line',
        '> second line',
        '>',
        '> new paragraph',
        '',
        `^lede-${noteId(2).slice('urn:uuid:'.length)}`,
        '',
        `[Open the passage](${SOURCE}#:~:text=before-,first%20line,new%20paragraph,-after)`,
        '',
        'First note',
        'over two lines',
        '',
        '#russia',
        '',
        '> later words',
        '',
        `^lede-${noteId(1).slice('urn:uuid:'.length)}`,
        '',
        `[Open the passage](${SOURCE}#:~:text=before-,later%20words,-after)`,
        '',
        'Second note',
        '',
        '#foreign-policy #russia',
        '',
      ].join('\n'),
    );
    const other = readFrontMatter(files[1]!.content).data;
    expect(other).toMatchObject({ title: 'other.example', read: '2026-01-01T10:00:00.000Z', tags: [], people: [] });
    expect(other).not.toHaveProperty('published');
  });

  it('front matter reads back exactly for any title, site and tags', () => {
    fc.assert(
      fc.property(awkwardText(), awkwardText(3), (title, site) => {
        const note = makeAnnotation({ page: { title, site }, tags: ['a b', 'ü'] });
        const [file] = exportMarkdown([note]).files;
        const { data } = readFrontMatter(file!.content);
        expect(data.title).toBe(title || site || 'Untitled');
        expect(data.site).toBe(site);
        expect(data.tags).toEqual(['a-b', 'ü']);
      }),
    );
  });

  it('quotes every line, whatever the line ends', () => {
    expect(blockQuote('one\r\ntwo\rthree\n\nfour')).toBe('> one\n> two\n> three\n>\n> four');
    expect(yamlString('a\u2028b\u0085"\n')).toBe('"a\\u2028b\\u0085\\"\\n"');
    expect(hashtagName(' New  York #1 ')).toBe('New-York-1');
  });

  it('names files after the address: its telling last segment, then the article id', () => {
    const name = (url: string): string => articleFileName(url).replace(/ [0-9a-f]{12}\.md$/, '');
    expect(name('https://www.bbc.com/news/newsbeat-50470672')).toBe('newsbeat-50470672');
    expect(name('https://n.example/2024/03/05/talks-collapse/index.html')).toBe('talks-collapse');
    expect(name('https://n.example/world/ceasefire-holds.html?id=7')).toBe('ceasefire-holds');
    expect(name('https://www.n.example/')).toBe('n.example');
    expect(name('https://n.example/2024/03/05/12345')).toBe('n.example');
    expect(name('https://n.example/a/What%2Fnow%3F%20%3CA%3E%20%22B%22%20%7C%20C%3A%20d*e')).toBe('What now A B C d e');
    expect(name('https://n.example/%E2%80%A6/CON')).toBe('_CON');
    expect(name(`https://n.example/${'%F0%9F%98%80'.repeat(150)}`)).toBe('😀'.repeat(80));
    expect(name('https://n.example/bad%E0%A4%A')).toBe('bad%E0%A4%A');
    // The query tells apart articles that share a path, through the id.
    expect(articleFileName('https://n.example/article.php?id=1')).not.toBe(articleFileName('https://n.example/article.php?id=2'));
    // Tracking parameters and the fragment are no part of the article: same id, same file.
    expect(articleFileName('https://n.example/a-story?utm_source=x#top')).toBe(articleFileName('https://n.example/a-story'));
  });
});

describe('zipFiles', () => {
  it('packs the files so they unpack to the same names and text', () => {
    const { files } = exportMarkdown([
      makeAnnotation({ id: noteId(1), body: 'Ünïcödé 😀 שלום' }),
      makeAnnotation({ id: noteId(2), target: { source: 'https://other.example/b', selector: makeAnnotation().target.selector }, page: { title: 'Zweiter Artikel', site: 'other.example' } }),
    ]);
    const unpacked = unzipSync(zipFiles(files));
    expect(Object.keys(unpacked).sort()).toEqual(files.map((f) => f.name).sort());
    for (const file of files) expect(strFromU8(unpacked[file.name]!)).toBe(file.content);
  });
});
