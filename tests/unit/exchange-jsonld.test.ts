import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '@/lib/notes/annotation';
import { ANNO_CONTEXT, exportJsonLd, ImportError, LEDE_NAMESPACE, parseImport, type ArticleRecord } from '@/lib/exchange';
import { makeAnnotation, noteId } from '../../testing/fixtures/annotation-fixtures';
import { annotationSetArbitrary } from '../../testing/arbitraries/exchange-arbitraries';

const GENERATED = '2026-02-01T12:00:00.000Z';

const ARTICLE: ArticleRecord = {
  url: 'https://news.example/story',
  title: 'Talks collapse',
  site: 'news.example',
  seenAt: Date.parse('2026-01-01T09:00:00.000Z'),
  entities: [
    { type: 'person', name: 'Michael McFaul', mentions: 3, role: 'ambassador' },
    { type: 'place', name: 'Geneva', mentions: 1, description: 'city in Switzerland' },
  ],
  quotes: [{ text: 'We will not leave', kind: 'direct', speaker: 'Michael McFaul' }, { text: 'it is over', kind: 'reported', speaker: null }],
};

function roundTrip(annotations: Annotation[], articles?: ArticleRecord[]): ReturnType<typeof parseImport> {
  return parseImport(exportJsonLd(annotations, articles, { generated: GENERATED }));
}

describe('exportJsonLd', () => {
  it('writes a W3C AnnotationCollection with Lede fields under its namespace', () => {
    const doc = JSON.parse(exportJsonLd([makeAnnotation()], [ARTICLE], { generated: GENERATED }));
    expect(doc['@context']).toEqual([ANNO_CONTEXT, { lede: LEDE_NAMESPACE }]);
    expect(doc).toMatchObject({ type: 'AnnotationCollection', label: 'Lede notes', total: 1, generated: GENERATED, generator: { name: 'Lede' } });
    expect(doc['lede:articles']).toEqual([ARTICLE]);
    expect(doc.first.type).toBe('AnnotationPage');
    expect(doc.first.items).toEqual([
      {
        id: noteId(1),
        type: 'Annotation',
        motivation: 'commenting',
        created: '2026-01-01T10:00:00.000Z',
        modified: '2026-01-01T10:00:00.000Z',
        target: {
          source: 'https://news.example/story',
          selector: [
            { type: 'TextQuoteSelector', exact: 'the quoted passage', prefix: 'before ', suffix: ' after' },
            { type: 'TextPositionSelector', start: 10, end: 28 },
          ],
        },
        body: [
          { type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: 'My note' },
          { type: 'TextualBody', purpose: 'tagging', value: 'politics' },
        ],
        'lede:color': 'yellow',
        'lede:page': { title: 'Talks collapse', site: 'news.example' },
        'lede:schemaVersion': 1,
      },
    ]);
  });

  it('leaves out the note body of a bare highlight, and the body list when there are no tags either', () => {
    const doc = JSON.parse(exportJsonLd([makeAnnotation({ body: '', motivation: 'highlighting', tags: [] }), makeAnnotation({ id: noteId(2), body: '', tags: ['a', 'b c'] })]));
    expect(doc.first.items[0].body).toBeUndefined();
    expect(doc.first.items[1].body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'a' },
      { type: 'TextualBody', purpose: 'tagging', value: 'b c' },
    ]);
  });

  it('does not write the derived entityNames index of a stored article row', () => {
    const doc = JSON.parse(exportJsonLd([], [{ ...ARTICLE, entityNames: ['Michael McFaul', 'Geneva'] } as ArticleRecord]));
    expect(doc['lede:articles'][0]).not.toHaveProperty('entityNames');
    expect(doc.total).toBe(0);
  });
});

describe('JSON-LD round trip', () => {
  it('gives back exactly the same annotations for random sets (Unicode, emoji, RTL, newlines, quotes, empty notes)', () => {
    fc.assert(
      fc.property(annotationSetArbitrary(), (annotations) => {
        const parsed = roundTrip(annotations);
        expect(parsed.format).toBe('lede-jsonld');
        expect(parsed.rejected).toEqual([]);
        expect(parsed.annotations).toEqual(annotations);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps 100 tags, a 100 kB note and a highlight with an empty note', () => {
    const tags = Array.from({ length: 100 }, (_, i) => `tag ${i} ✓ تگ`);
    const longNote = 'Ein Absatz, mit "Zitaten" und 😀\n'.repeat(3_300).slice(0, 100_000);
    const annotations = [
      makeAnnotation({ id: noteId(1), tags, body: longNote }),
      makeAnnotation({ id: noteId(2), body: '', motivation: 'highlighting', tags: [], start: 50 }),
      makeAnnotation({ id: noteId(3), exact: 'שלום עולם\nمرحبا', body: '\r\n  ', start: 90, color: 'purple' }),
    ];
    expect(longNote.length).toBe(100_000);
    expect(roundTrip(annotations).annotations).toEqual(annotations);
  });

  it('reads a commenting body without a value as an empty note', () => {
    const doc = JSON.parse(exportJsonLd([makeAnnotation({ body: '', motivation: 'highlighting', tags: ['x'] })]));
    doc.first.items[0].body.unshift({ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown' });
    expect(parseImport(JSON.stringify(doc)).annotations[0]).toMatchObject({ body: '', tags: ['x'], motivation: 'highlighting' });
  });

  it('carries the reading history', () => {
    const parsed = roundTrip([makeAnnotation()], [ARTICLE]);
    expect(parsed.articles).toEqual([ARTICLE]);
  });

  it('lists a damaged item with its reason and keeps the others', () => {
    const doc = JSON.parse(exportJsonLd([makeAnnotation({ id: noteId(1) }), makeAnnotation({ id: noteId(2), start: 40 })], [ARTICLE]));
    doc.first.items[1]['lede:color'] = 'orange';
    doc['lede:articles'].push({ url: 'not a url' });
    const parsed = parseImport(JSON.stringify(doc));
    expect(parsed.annotations.map((a) => a.id)).toEqual([noteId(1)]);
    expect(parsed.rejected).toEqual([
      { item: 'annotation', index: 1, reason: 'Annotation 2: annotation.color must be one of yellow, green, blue, pink, purple' },
      { item: 'article', index: 1, reason: 'Article 2: url must be an absolute URL' },
    ]);
    expect(parsed.articles).toEqual([ARTICLE]);
  });

  it('refuses a Lede file with a note that lost a selector, as a whole', () => {
    const doc = JSON.parse(exportJsonLd([1, 2, 3].map((n) => makeAnnotation({ id: noteId(n), start: n * 40 }))));
    doc.first.items[2].target.selector = [doc.first.items[2].target.selector[1]];
    expect(() => parseImport(JSON.stringify(doc))).toThrow(new ImportError('Annotation 3 has no TextQuoteSelector; this Lede backup is damaged and nothing was imported.'));
    doc.first.items[2].target.selector = [{ type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }];
    expect(() => parseImport(JSON.stringify(doc))).toThrow(/^Annotation 3 has no TextPositionSelector/);
  });
});

describe('W3C JSON-LD from other tools', () => {
  const foreign = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationPage',
    items: [
      {
        id: 'http://example.org/anno/1',
        type: 'Annotation',
        motivation: 'describing',
        created: '2025-05-05T10:00:00Z',
        body: { type: 'TextualBody', value: 'Interesting' },
        target: { source: 'https://news.example/a', selector: { type: 'TextQuoteSelector', exact: 'the passage' } },
      },
      { id: 'http://example.org/anno/2', type: 'Annotation', created: '2025-05-05T10:00:00Z', target: 'https://news.example/b' },
    ],
  };

  it('takes annotations with a quote, with Lede defaults, a derived id and a position hint', () => {
    const parsed = parseImport(JSON.stringify(foreign));
    expect(parsed.annotations).toHaveLength(1);
    const [note] = parsed.annotations;
    expect(note).toMatchObject({
      motivation: 'commenting',
      body: 'Interesting',
      tags: [],
      color: 'yellow',
      created: '2025-05-05T10:00:00Z',
      modified: '2025-05-05T10:00:00Z',
      page: { title: '', site: 'news.example' },
      target: {
        source: 'https://news.example/a',
        selector: [
          { type: 'TextQuoteSelector', exact: 'the passage', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 0, end: 11 },
        ],
      },
    });
    expect(note!.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(parseImport(JSON.stringify(foreign)).annotations[0]!.id).toBe(note!.id);
    expect(parsed.rejected).toEqual([{ item: 'annotation', index: 1, reason: 'Annotation 2 has no TextQuoteSelector (Lede notes mark a quoted passage)' }]);
  });
});
