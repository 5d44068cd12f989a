// CSV export (RFC 4180): one row per note, UTF-8 with a byte-order mark so spreadsheets read the
// accents and emoji right, CRLF line ends, and cells a spreadsheet would run as a formula
// neutralised with a leading apostrophe (OWASP "CSV injection").

import { positionSelectorOf, quoteSelectorOf, type Annotation } from '../notes/annotation';
import type { ArticleRecord } from './types';

export const CSV_HEADER = ['id', 'created', 'modified', 'url', 'title', 'site', 'color', 'quote', 'prefix', 'suffix', 'start', 'end', 'note', 'tags'] as const;

const BOM = '\uFEFF';
const LINE_END = '\r\n';
// A spreadsheet starts a formula at these; tab and CR can hide one after leading blanks.
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Every note as a row, in the order given. The `articles` argument is accepted for symmetry with
 * the other exports; the row's title and site come from the note (as they were when it was made).
 */
export function exportCsv(annotations: readonly Annotation[], _articles?: readonly ArticleRecord[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const annotation of annotations) lines.push(rowOf(annotation).map(csvCell).join(','));
  return BOM + lines.join(LINE_END) + LINE_END;
}

function rowOf(annotation: Annotation): string[] {
  const quote = quoteSelectorOf(annotation.target);
  const position = positionSelectorOf(annotation.target);
  return [
    annotation.id,
    annotation.created,
    annotation.modified,
    annotation.target.source,
    annotation.page.title,
    annotation.page.site,
    annotation.color,
    quote?.exact ?? '',
    quote?.prefix ?? '',
    quote?.suffix ?? '',
    position ? String(position.start) : '',
    position ? String(position.end) : '',
    annotation.body,
    annotation.tags.join('; '),
  ];
}

/** One RFC 4180 field: neutralised if it could be a formula, quoted if it holds , " CR or LF. */
export function csvCell(value: string): string {
  const safe = value !== '' && FORMULA_STARTS.has(value[0]!) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
