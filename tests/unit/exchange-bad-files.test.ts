import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLedeDB, type LedeDB } from '@/lib/background/db';
import { checkImportSize, exportCsv, exportJsonLd, importAnnotations, ImportError, parseImport } from '@/lib/exchange';
import { makeAnnotation, noteId } from '../../testing/fixtures/annotation-fixtures';

let db: LedeDB;
let dbCount = 0;

beforeEach(async () => {
  dbCount += 1;
  db = createLedeDB(`lede-exchange-bad-files-test-${dbCount}`);
  await db.annotations.add(makeAnnotation({ id: noteId(99), body: 'already here' }));
});

afterEach(async () => {
  await db.delete();
});

const GOOD = exportJsonLd([1, 2, 3].map((n) => makeAnnotation({ id: noteId(n), start: n * 100, body: `Note ${n} ✓` })));

/** The ImportError message for a file, checked against both entry points, and the DB left as it was. */
async function refusal(file: string | Uint8Array): Promise<string> {
  let message = '';
  try {
    parseImport(file);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    message = (error as Error).message;
  }
  expect(message).not.toBe('');
  await expect(importAnnotations(db, file)).rejects.toThrow(message);
  expect((await db.annotations.toArray()).map((a) => a.id)).toEqual([noteId(99)]);
  return message;
}

describe('files that cannot be imported', () => {
  it('truncated JSON says where the file ends', async () => {
    const cut = GOOD.slice(0, Math.floor(GOOD.length / 2));
    const bytes = new TextEncoder().encode(cut).length;
    expect(await refusal(cut)).toBe(`The file ends too early: it is not complete JSON (byte ${bytes}). It may have been cut off while downloading or copying.`);
  });

  it('truncated inside a string (mid-note, after a multi-byte character)', async () => {
    const cut = GOOD.slice(0, GOOD.indexOf('✓') + 1);
    expect(await refusal(cut)).toMatch(/^The file ends too early: it is not complete JSON \(byte \d+\)/);
  });

  it('other broken JSON names the line and column', async () => {
    const broken = GOOD.replace('"total": 3,', '"total": 3,,');
    expect(await refusal(broken)).toMatch(/^The file is not valid JSON at line 10, column 14: /);
  });

  it('a wrong @context', async () => {
    const doc = JSON.parse(GOOD);
    doc['@context'] = 'https://schema.org/';
    expect(await refusal(JSON.stringify(doc))).toBe(
      'This JSON-LD file\'s @context is "https://schema.org/", not the W3C Web Annotation context (http://www.w3.org/ns/anno.jsonld).',
    );
  });

  it('a Lede note with a missing selector', async () => {
    const doc = JSON.parse(GOOD);
    doc.first.items[2].target.selector.splice(0, 1);
    expect(await refusal(JSON.stringify(doc))).toBe('Annotation 3 has no TextQuoteSelector; this Lede backup is damaged and nothing was imported.');
  });

  it('has no size limit of its own, and honours one that is passed in', async () => {
    const MB = 1024 * 1024;
    expect(() => checkImportSize(500 * MB, undefined)).not.toThrow();
    expect(() => checkImportSize(50 * MB + 1, 50 * MB)).toThrow('The file is 50.1 MB; Lede imports files up to 50 MB.');
    expect(() => checkImportSize(50 * MB, 50 * MB)).not.toThrow();
    const big = `[${' '.repeat(3 * 1024)}]`;
    expect(() => parseImport(big, { maxBytes: 2 * 1024 })).toThrow('The file is 3 KB; Lede imports files up to 2 KB.');
  });

  it('counts bytes, not characters, against the limit', () => {
    expect(() => parseImport(`["${'é'.repeat(600)}"]`, { maxBytes: 1000 })).toThrow('The file is 1.2 KB; Lede imports files up to 1 KB.');
    expect(() => parseImport(`["${'é'.repeat(400)}"]`, { maxBytes: 1000 })).not.toThrow(/MB/);
  });

  it('binary garbage, as text or as bytes', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    const asText = new TextDecoder().decode(bytes);
    const message = "This isn't a text file (it looks like binary data); Lede imports its own JSON-LD export or Hypothesis JSON.";
    expect(await refusal(asText)).toBe(message);
    expect(await refusal(bytes)).toBe(message);
    // A zip (the Markdown export) starts with "PK" and control bytes.
    expect(await refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]))).toBe(message);
  });

  it('CSV where JSON was expected, including Lede’s own CSV export', async () => {
    const message = 'This looks like a CSV file; Lede imports its own JSON-LD export or Hypothesis JSON.';
    expect(await refusal(exportCsv([makeAnnotation()]))).toBe(message);
    expect(await refusal('title;url;note\r\nA;https://a.example;b\r\n')).toBe(message);
  });

  it('other text, an empty file, and JSON of another kind', async () => {
    expect(await refusal('Hello, I am a note')).toBe('This isn\'t JSON (it starts with "Hello, I am a note"); Lede imports its own JSON-LD export or Hypothesis JSON.');
    expect(await refusal('  \n')).toBe('The file is empty.');
    expect(await refusal('{"name": "package", "version": "1.0.0"}')).toBe('This JSON file is not in a format Lede knows; Lede imports its own JSON-LD export or Hypothesis JSON.');
    expect(await refusal('[{"a": 1}]')).toMatch(/^This JSON list does not hold Hypothesis annotations/);
    expect(await refusal('{"type": "AnnotationCollection", "first": {"items": []}}')).toMatch(/^This file has no @context/);
  });

  it('a collection whose annotations are on further pages', async () => {
    const doc = JSON.parse(GOOD);
    doc.first.next = 'https://example.org/page2';
    expect(await refusal(JSON.stringify(doc))).toBe('This file holds only the first page of a longer AnnotationCollection.');
  });

  it('a byte-order mark before good JSON is fine', async () => {
    expect(parseImport(`\uFEFF${GOOD}`).annotations).toHaveLength(3);
    expect(parseImport(new TextEncoder().encode(`\uFEFF${GOOD}`)).annotations).toHaveLength(3);
  });
});
