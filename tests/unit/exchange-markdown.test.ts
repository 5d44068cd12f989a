import { unzipSync, strFromU8 } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportMarkdown, zipFiles, type ArticleRecord } from '@/lib/exchange';
import { blockQuote, hashtagName, uniqueFileName, yamlString } from '@/lib/exchange/markdown';
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
    const pair = /^([a-z]+):(?: (.*))?$/.exec(line);
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
    expect(files.map((f) => f.name)).toEqual(['Talks collapse in Geneva.md', 'other.example.md']);
    const { data, rest } = readFrontMatter(files[0]!.content);
    expect(data).toEqual({
      title: 'Talks: "collapse" in Geneva?',
      url: SOURCE,
      site: 'news.example',
      date: '2026-01-02T08:00:00.000Z',
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
        'First note',
        'over two lines',
        '',
        '#russia',
        '',
        '> later words',
        '',
        'Second note',
        '',
        '#foreign-policy #russia',
        '',
      ].join('\n'),
    );
    const other = readFrontMatter(files[1]!.content).data;
    expect(other).toMatchObject({ title: 'other.example', date: '2026-01-01T10:00:00.000Z', tags: [], people: [] });
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

  it('makes safe, unique file names', () => {
    const used = new Set<string>();
    expect(uniqueFileName('What/now? <A> "B" | C: d*e', used)).toBe('What now A B C d e.md');
    expect(uniqueFileName('Same', used)).toBe('Same.md');
    expect(uniqueFileName('same', used)).toBe('same (2).md');
    expect(uniqueFileName('SAME', used)).toBe('SAME (3).md');
    expect(uniqueFileName('...', used)).toBe('Untitled.md');
    expect(uniqueFileName('CON', used)).toBe('_CON.md');
    expect(uniqueFileName('😀'.repeat(150), used)).toBe(`${'😀'.repeat(100)}.md`);
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
