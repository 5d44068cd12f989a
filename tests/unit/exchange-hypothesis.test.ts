import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAnnotation } from '@/lib/notes/validation';
import { createLedeDB, type LedeDB } from '@/lib/background/db';
import { importAnnotations, parseImport } from '@/lib/exchange';

// Shaped like the Hypothesis client's "Export annotations" JSON (and its API's search rows).
function hypothesisRow(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'Uo9k1DqqEei2Ow9xRXPsFg',
    created: '2024-03-05T09:20:11.406513+00:00',
    updated: '2024-03-06T10:00:00.000000+00:00',
    user: 'acct:reader@hypothes.is',
    uri: 'https://www.news.example/world/talks?utm_source=newsletter&page=2#comments',
    text: 'McFaul said this **before** the talks',
    tags: ['diplomacy', ' russia ', 'diplomacy', ''],
    group: '__world__',
    permissions: { read: ['group:__world__'] },
    target: [
      {
        source: 'https://www.news.example/world/talks?utm_source=newsletter&page=2',
        selector: [
          { type: 'RangeSelector', endOffset: 52, startOffset: 0, endContainer: '/main[1]/p[3]', startContainer: '/main[1]/p[3]' },
          { type: 'TextPositionSelector', start: 1204, end: 1256 },
          { type: 'TextQuoteSelector', exact: 'We will not leave the table', prefix: 'The ambassador said: "', suffix: '," before the' },
        ],
      },
    ],
    document: { title: ['Talks collapse in Geneva'] },
    links: { html: 'https://hypothes.is/a/Uo9k1DqqEei2Ow9xRXPsFg' },
    ...overrides,
  };
}

describe('Hypothesis import', () => {
  it('maps an annotation to a valid Lede note', () => {
    const parsed = parseImport(JSON.stringify({ export_date: '2024-04-01T00:00:00Z', export_userid: 'acct:reader@hypothes.is', client_version: '1.1', annotations: [hypothesisRow()] }));
    expect(parsed.format).toBe('hypothesis');
    expect(parsed.rejected).toEqual([]);
    const [note] = parsed.annotations;
    expect(note).toEqual({
      id: expect.stringMatching(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      type: 'Annotation',
      schemaVersion: 1,
      motivation: 'commenting',
      created: '2024-03-05T09:20:11.406Z',
      modified: '2024-03-06T10:00:00.000Z',
      target: {
        source: 'https://www.news.example/world/talks?page=2',
        selector: [
          { type: 'TextQuoteSelector', exact: 'We will not leave the table', prefix: 'The ambassador said: "', suffix: '," before the' },
          { type: 'TextPositionSelector', start: 1204, end: 1256 },
        ],
      },
      body: 'McFaul said this **before** the talks',
      tags: ['diplomacy', 'russia'],
      color: 'yellow',
      page: { title: 'Talks collapse in Geneva', site: 'news.example' },
    });
    expect(parseAnnotation(note)).toEqual(note);
  });

  it('derives the same id from the same Hypothesis id, and different ids from different ones', () => {
    const first = parseImport(JSON.stringify([hypothesisRow()])).annotations[0]!;
    const again = parseImport(JSON.stringify({ total: 1, rows: [hypothesisRow({ text: 'edited since' })] })).annotations[0]!;
    const other = parseImport(JSON.stringify([hypothesisRow({ id: 'Uo9k1DqqEei2Ow9xRXPsFh' })])).annotations[0]!;
    expect(again.id).toBe(first.id);
    expect(other.id).not.toBe(first.id);
  });

  it('gives a quote without a position the start-of-text hint, and a bare highlight no note', () => {
    const row = hypothesisRow({ text: '', tags: [], target: [{ source: 'https://news.example/a', selector: [{ type: 'TextQuoteSelector', exact: 'a passage' }] }] });
    const [note] = parseImport(JSON.stringify([row])).annotations;
    expect(note!.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: 'a passage', prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 0, end: 9 },
    ]);
    expect(note!.motivation).toBe('highlighting');
    expect(note!.body).toBe('');
  });

  it('rejects a date that does not exist (2026-02-30) instead of moving it to March', () => {
    const parsed = parseImport(JSON.stringify([hypothesisRow({ created: '2026-02-30T09:20:11.406513+00:00', updated: undefined })]));
    expect(parsed.annotations).toEqual([]);
    expect(parsed.rejected[0]!.reason).toBe('Annotation 1: has no valid "created" time');
  });

  it('rejects page notes, replies and broken rows with a reason, and keeps the rest', () => {
    const rows = [
      hypothesisRow({ target: [{ source: 'https://news.example/a' }] }),
      hypothesisRow({ id: 'reply1', references: ['Uo9k1DqqEei2Ow9xRXPsFg'], target: [{ source: 'https://news.example/a' }] }),
      hypothesisRow({ id: 'good2' }),
      hypothesisRow({ id: 'badtime', created: 'yesterday' }),
      hypothesisRow({ id: 'blank', target: [{ source: 'https://news.example/a', selector: [{ type: 'TextQuoteSelector', exact: '  ' }] }] }),
    ];
    const parsed = parseImport(JSON.stringify(rows));
    expect(parsed.annotations).toHaveLength(1);
    expect(parsed.rejected).toEqual([
      { item: 'annotation', index: 0, reason: 'Annotation 1: has no TextQuoteSelector (it is a page note, not a note on a passage)' },
      { item: 'annotation', index: 1, reason: 'Annotation 2: is a reply to another annotation, with no quoted passage of its own' },
      { item: 'annotation', index: 3, reason: 'Annotation 4: has no valid "created" time' },
      { item: 'annotation', index: 4, reason: 'Annotation 5: annotation.target.selector[0].exact must not be blank' },
    ]);
  });

  describe('into the database', () => {
    let db: LedeDB;
    beforeEach(() => {
      db = createLedeDB('lede-exchange-hypothesis-test');
    });
    afterEach(async () => {
      await db.delete();
    });

    it('keeps two annotations on the same passage that differ only in their tags', async () => {
      const file = JSON.stringify([
        hypothesisRow({ id: 'first', text: '', tags: ['russia'] }),
        hypothesisRow({ id: 'second', text: '', tags: ['sanctions'] }),
        hypothesisRow({ id: 'third', text: '', tags: ['sanctions'] }), // the same as the second: a duplicate
      ]);
      expect(await importAnnotations(db, file)).toMatchObject({ added: 2, skipped: 1 });
      expect((await db.annotations.toArray()).map((a) => a.tags).sort()).toEqual([['russia'], ['sanctions']]);
    });

    it('a second import of the same export is all duplicates', async () => {
      const file = JSON.stringify([hypothesisRow(), hypothesisRow({ id: 'second', target: [{ source: 'https://news.example/b', selector: [{ type: 'TextQuoteSelector', exact: 'other words' }] }] }), hypothesisRow({ id: 'note', target: [] })]);
      const first = await importAnnotations(db, file);
      expect(first.added).toBe(2);
      expect(first.rejected).toHaveLength(1);
      expect(await importAnnotations(db, file)).toMatchObject({ added: 0, skipped: 2 });
      expect(await db.annotations.count()).toBe(2);
    });
  });
});
