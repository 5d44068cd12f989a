import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '@/lib/notes/annotation';
import { createLedeDB, type LedeDB } from '@/lib/background/db';
import {
  exportBackup,
  exportJsonLd,
  importAnnotations,
  ImportError,
  isZip,
  jsonLdPieces,
  MAX_MESSAGE_CHARS,
  parseImport,
  readImport,
  type ArticleRecord,
  type ImportProgress,
  type ParsedImport,
} from '@/lib/exchange';
import { JsonSplitter, reassemble } from '@/lib/exchange/json-splitter';
import { makeAnnotation, noteId } from '../../testing/fixtures/annotation-fixtures';

const ARTICLE: ArticleRecord = {
  url: 'https://news.example/story',
  title: 'Talks collapse, "again" [live]',
  site: 'news.example',
  seenAt: 1_767_000_000_000,
  entities: [{ type: 'person', name: 'John Kerry', mentions: 2, role: 'diplomat' }],
  quotes: [{ text: 'We will not leave, {ever}', kind: 'direct', speaker: 'John Kerry' }],
};

/** Notes whose bodies hold every character the splitter must not trip on. */
function trickyNotes(count: number): Annotation[] {
  return Array.from({ length: count }, (_, i) =>
    makeAnnotation({
      id: noteId(i + 1),
      start: 10 + i,
      body: `Note ${i}: "quoted" \\ back\\slash, [brackets] {braces}, comma, 😀 é 東京 \u2028 ${'x'.repeat(i % 7)}`,
      tags: i % 2 ? ['a,b', '[x]'] : [],
    }),
  );
}

function blobOf(content: string | Uint8Array): Blob {
  return new Blob([content as BlobPart]);
}

/** The ImportError a file read in chunks gives. */
async function readError(content: string | Uint8Array): Promise<string> {
  try {
    await readImport(blobOf(content), { wholeFileBytes: 0, chunkBytes: 97 });
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
}

describe('JsonSplitter', () => {
  it('gives back exactly what JSON.parse reads, whatever the chunk boundaries', () => {
    const documents = [
      exportJsonLd(trickyNotes(5), [ARTICLE]),
      [...jsonLdPieces(trickyNotes(5), [ARTICLE])].join(''),
      JSON.stringify([1, 'two', null, true, { a: [1, [2]] }, [3], -4.5e3, '', {}]),
      JSON.stringify({ rows: [{ id: 'a' }, { id: 'b' }], total: 2, nested: { deeper: { list: [1, 2] } } }),
      '  [ ]  ',
      '{"a":[],"b":[ 1 ,2 ]}',
    ];
    for (const text of documents) {
      for (const size of [1, 2, 3, 7, 64, text.length]) {
        const splitter = new JsonSplitter();
        for (let at = 0; at < text.length; at += size) splitter.push(text.slice(at, at + size));
        expect(splitter.incomplete).toBe(false);
        const { skeleton, lists } = splitter.result();
        const value = reassemble(JSON.parse(skeleton), lists.map((list) => list.map((item) => JSON.parse(item) as unknown)));
        expect(value, `${text.slice(0, 40)} in chunks of ${size}`).toEqual(JSON.parse(text));
      }
    }
  });

  it('knows a cut-off document', () => {
    for (const text of ['{"a":[1,2', '[{"a":"b', '{"a":{"b":1}']) {
      const splitter = new JsonSplitter();
      splitter.push(text);
      expect(splitter.incomplete, text).toBe(true);
    }
  });
});

describe('readImport (a Blob, in chunks)', () => {
  const notes = trickyNotes(40);
  const expected = parseImport(exportJsonLd(notes, [ARTICLE]));

  it.each([
    ['pretty JSON-LD', exportJsonLd(notes, [ARTICLE])],
    ['compact JSON-LD', [...jsonLdPieces(notes, [ARTICLE])].join('')],
    ['zipped JSON-LD', exportBackup(notes, [ARTICLE], { zipAboveChars: 0 })],
  ])('reads %s exactly as parseImport does, in tiny chunks', async (_, file) => {
    const content = typeof file === 'string' ? file : file.kind === 'zip' ? file.bytes : file.text;
    if (typeof file !== 'string') expect(isZip(content as Uint8Array)).toBe(true);
    const progress: ImportProgress[] = [];
    const parsed = await readImport(blobOf(content), { wholeFileBytes: 0, chunkBytes: 61, onProgress: (p) => progress.push(p) });
    expect(parsed).toEqual(expected);
    expect(parsed.annotations).toEqual(notes);
    expect(progress.at(-1)).toEqual({ phase: 'checking', done: 41, total: 41 });
    expect(progress.some((p) => p.phase === 'reading' && p.done > 0 && p.done < p.total)).toBe(true);
  });

  it('reads a Hypothesis export in chunks', async () => {
    const rows = [{ id: 'h1', created: '2024-03-05T09:20:11Z', uri: 'https://news.example/a', text: 'x', tags: ['t'], target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'words' }] }] }];
    const text = JSON.stringify({ export_date: '2024-04-01T00:00:00Z', annotations: rows });
    const parsed: ParsedImport = await readImport(blobOf(text), { wholeFileBytes: 0, chunkBytes: 5 });
    expect(parsed).toEqual(parseImport(text));
    expect(parsed.annotations).toHaveLength(1);
  });

  it('refuses broken files in chunks with the same kind of reason', async () => {
    const good = [...jsonLdPieces(notes, [ARTICLE])].join('');
    const bytes = new TextEncoder().encode(good);
    expect(await readError(good.slice(0, good.length / 2))).toMatch(/^The file ends too early: it is not complete JSON \(byte \d+\)/);
    expect(await readError(good.replace('"motivation":"commenting"', '"motivation":commenting'))).toMatch(/^The file is not valid JSON in item 1 of its list: /);
    expect(await readError(good.replace('"total":40', '"total":40,,'))).toMatch(/^The file is not valid JSON: /);
    expect(await readError('')).toBe('The file is empty.');
    expect(await readError('name,url,note\nA,https://a.example,b\n')).toMatch(/^This looks like a CSV file/);
    const zip = exportBackup(notes, [ARTICLE], { zipAboveChars: 0 });
    if (zip.kind !== 'zip') throw new Error('expected a zip');
    expect(await readError(zip.bytes.slice(0, zip.bytes.length - 200))).toMatch(/ends too early|isn't a text file/);
    // Latin-1: é as the single byte 0xE9.
    const latin1 = Uint8Array.from(bytes, (b) => b).map((b) => b);
    const at = good.indexOf('é');
    const latinText = Uint8Array.from(good.slice(0, at) + 'é' + 'a'.repeat(500), (ch) => ch.charCodeAt(0) & 0xff);
    expect(latin1.length).toBeGreaterThan(0);
    expect(await readError(latinText)).toMatch(/^This file is not UTF-8 text \(byte \d+ is 0xE9\); it may be saved in Latin-1 or Windows-1252/);
  });

  it('honours a size limit passed in, counting what the zip inflates to', async () => {
    const zip = exportBackup(notes, [ARTICLE], { zipAboveChars: 0 });
    if (zip.kind !== 'zip') throw new Error('expected a zip');
    await expect(readImport(blobOf(zip.bytes), { maxBytes: 2_000, chunkBytes: 100 })).rejects.toThrow(/^The file is [\d.]+ KB; Lede imports files up to 2 KB\.$/);
  });
});

describe('import error messages quote little of the file', () => {
  it('caps a huge value quoted in an ImportError', () => {
    const file = JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'x'.repeat(200_000) });
    let message = '';
    try {
      parseImport(file);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^This JSON-LD file holds a "x+…, not an AnnotationCollection\.$/);
    expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
  });

  it('caps a rejected item’s reason, and a wrong @context', () => {
    const doc = JSON.parse(exportJsonLd([makeAnnotation()])) as { first: { items: Record<string, unknown>[] } };
    doc.first.items[0]!.motivation = 'y'.repeat(200_000);
    const parsed = parseImport(JSON.stringify({ ...doc, '@context': ['http://www.w3.org/ns/anno.jsonld'] }));
    for (const item of parsed.rejected) expect(item.reason.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(() => parseImport(JSON.stringify({ '@context': 'z'.repeat(200_000), type: 'AnnotationCollection' }))).toThrow(/^This JSON-LD file's @context is "z+…, not the W3C/);
  });
});

describe('a backup larger than the old 50 MB limit', () => {
  let db: LedeDB;
  beforeEach(() => {
    db = createLedeDB('lede-exchange-large-test');
  });
  afterEach(async () => {
    await db.delete();
  });

  it('exports compact, and restores every note into an empty library, read in chunks', async () => {
    // 55 notes with bodies near the 1,000,000-character limit: over 50 MB of JSON. (Zipping this
    // much takes longer than a unit test should; the zipped path is the same reader, tested above.)
    const block = 'ceasefire talks in Zürich, ministers in 東京 said: "sanctions" \\ border {1} [2]\n';
    const notes = Array.from({ length: 55 }, (_, i) =>
      makeAnnotation({ id: noteId(i + 1), start: 10 + i, body: `${i} ${block.repeat(Math.floor(960_000 / block.length))}` }),
    );
    const backup = exportBackup(notes, [ARTICLE], { zipAboveChars: Number.POSITIVE_INFINITY });
    if (backup.kind !== 'jsonld') throw new Error('expected plain JSON-LD');
    expect(backup.text.startsWith('{"@context"')).toBe(true); // compact, not pretty-printed
    const file = blobOf(backup.text);
    expect(file.size).toBeGreaterThan(50 * 1024 * 1024);

    const parsed = await readImport(file);
    const summary = await importAnnotations(db, parsed);
    expect(summary).toEqual({ added: 55, skipped: 0, rejected: [], articlesAdded: 1 });
    expect((await db.annotations.toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(notes);
    expect(await db.articles.get(ARTICLE.url)).toMatchObject(ARTICLE);
  }, 60_000);
});
