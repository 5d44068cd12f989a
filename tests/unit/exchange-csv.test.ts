import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, exportCsv } from '@/lib/exchange';
import { csvCell } from '@/lib/exchange/csv';
import { makeAnnotation, noteId } from '../../testing/fixtures/annotation-fixtures';
import { annotationSetArbitrary } from '../../testing/arbitraries/exchange-arbitraries';

/** A strict RFC 4180 reader (CRLF records, quoted fields with doubled quotes) for checking the export. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        const quote = text.indexOf('"', i);
        expect(quote).toBeGreaterThanOrEqual(0);
        field += text.slice(i, quote);
        i = quote + 1;
        if (text[i] === '"') {
          field += '"';
          i += 1;
        } else break;
      }
    } else {
      const stop = text.slice(i).search(/,|\r\n/);
      const end = stop === -1 ? text.length : i + stop;
      field = text.slice(i, end);
      expect(field).not.toMatch(/["\r\n]/);
      i = end;
    }
    row.push(field);
    if (text[i] === ',') i += 1;
    else {
      expect(text.slice(i, i + 2)).toBe('\r\n');
      i += 2;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

/** What a cell should read back as: neutralised formula starts get their apostrophe. */
function expected(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

describe('exportCsv', () => {
  it('starts with a BOM and the header, and ends every record with CRLF', () => {
    const csv = exportCsv([makeAnnotation({ tags: ['a', 'b c'] })]);
    expect(csv.startsWith('\uFEFFid,created,modified,url,title,site,color,quote,prefix,suffix,start,end,note,tags\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(readCsv(csv.slice(1))).toEqual([
      [...CSV_HEADER],
      [noteId(1), '2026-01-01T10:00:00.000Z', '2026-01-01T10:00:00.000Z', 'https://news.example/story', 'Talks collapse', 'news.example', 'yellow', 'the quoted passage', 'before ', ' after', '10', '28', 'My note', 'a; b c'],
    ]);
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"');
    expect(csvCell('')).toBe('');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+33 1 23')).toBe("'+33 1 23");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvCell('\t=cmd')).toBe("'\t=cmd");
    expect(csvCell('\r=cmd')).toBe('"\'\r=cmd"');
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    expect(csvCell('a=1')).toBe('a=1');
    const [, row] = readCsv(exportCsv([makeAnnotation({ body: '=cmd|" /C calc"!A0', exact: '-minus', tags: ['@me'] })]).slice(1));
    expect([row![7], row![12], row![13]]).toEqual(["'-minus", '\'=cmd|" /C calc"!A0', "'@me"]);
  });

  it('reads back cell for cell for random notes (Unicode, emoji, RTL, newlines, quotes, commas)', () => {
    fc.assert(
      fc.property(annotationSetArbitrary(6), (annotations) => {
        const rows = readCsv(exportCsv(annotations).slice(1));
        expect(rows).toHaveLength(annotations.length + 1);
        annotations.forEach((a, i) => {
          const row = rows[i + 1]!;
          expect(row).toHaveLength(CSV_HEADER.length);
          const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
          expect(row[0]).toBe(a.id);
          expect(row[4]).toBe(expected(a.page.title));
          expect(row[7]).toBe(expected(quote.exact));
          expect(row[12]).toBe(expected(a.body));
          expect(row[13]).toBe(expected(a.tags.join('; ')));
        });
      }),
    );
  });
});
