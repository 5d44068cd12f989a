// Hypothesis export JSON (the client's "Export annotations" file `{ export_date, annotations }`,
// the API's search result `{ total, rows }`, or a bare list) → Lede notes.
//
// Mapping: the id becomes a urn:uuid derived from the Hypothesis id (re-import is a duplicate);
// text → the note, tags → tags (trimmed, repeats dropped), uri → target source (normalised like
// Lede's own, lib/notes/source-url.ts), document.title[0] → page title, the URI's host → site, colour yellow.
// Replies and page notes have no quoted passage; they are rejected with that reason.
// Hypothesis's positions count the whole page, so they are kept only as a hint (position-hint.ts).

import { ANNOTATION_SCHEMA_VERSION, type Annotation, type TextQuoteSelector } from '../notes/annotation';
import { ANNOTATION_LIMITS, AnnotationValidationError, hasRealCalendarDate, parseAnnotation } from '../notes/validation';
import { motivationFor } from '../notes/annotation';
import { siteOf } from '../shared/page-address';
import { normalizeSourceUrl } from '../notes/source-url';
import { derivedAnnotationId } from './derived-ids';
import { capMessage, ImportError } from './import-error';
import { runSteps, type Steps } from './steps';
import { positionHint } from './position-hint';
import type { ParsedImport, RejectedItem } from './types';
import { isRecord } from '../shared/is-record';

/** The list of annotations in any of Hypothesis's export shapes, or null if `value` is none of them. */
export function hypothesisRows(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (isRecord(value) && Array.isArray(value.annotations)) return value.annotations;
  if (isRecord(value) && Array.isArray(value.rows)) return value.rows;
  return null;
}

export function parseHypothesis(rows: readonly unknown[]): ParsedImport {
  return runSteps(parseHypothesisSteps(rows));
}

/** parseHypothesis as steps: yields the number of rows checked so far. */
export function* parseHypothesisSteps(rows: readonly unknown[]): Steps<ParsedImport> {
  if (rows.length > 0 && !rows.some(looksLikeHypothesis)) {
    throw new ImportError('This JSON list does not hold Hypothesis annotations (they have "uri" and "target"); Lede imports its own JSON-LD export or Hypothesis JSON.');
  }
  const annotations: Annotation[] = [];
  const rejected: RejectedItem[] = [];
  for (let index = 0; index < rows.length; index += 1) {
    const number = index + 1;
    try {
      annotations.push(fromHypothesis(rows[index]));
    } catch (error) {
      if (!(error instanceof AnnotationValidationError)) throw error;
      rejected.push({ item: 'annotation', index, reason: capMessage(`Annotation ${number}: ${error.message}`) });
    }
    yield number;
  }
  return { format: 'hypothesis', annotations, rejected, articles: [] };
}

function fromHypothesis(row: unknown): Annotation {
  if (!isRecord(row)) throw fail('is not an object');
  if (typeof row.id !== 'string' || row.id === '') throw fail('has no Hypothesis id');
  if (Array.isArray(row.references) && row.references.length > 0) throw fail('is a reply to another annotation, with no quoted passage of its own');
  const target = Array.isArray(row.target) ? row.target[0] : row.target;
  const selectors: unknown[] = isRecord(target) && Array.isArray(target.selector) ? target.selector : [];
  const quote = selectors.find((s): s is Record<string, unknown> => isRecord(s) && s.type === 'TextQuoteSelector');
  if (!quote) throw fail('has no TextQuoteSelector (it is a page note, not a note on a passage)');
  const exact = stringOr(quote.exact, '');
  const position = selectors.find((s): s is Record<string, unknown> => isRecord(s) && s.type === 'TextPositionSelector');
  const rawUri = typeof row.uri === 'string' ? row.uri : isRecord(target) ? target.source : undefined;
  if (typeof rawUri !== 'string' || rawUri === '') throw fail('has no page address (uri)');
  const source = normalizeSourceUrl(rawUri);
  const body = stringOr(row.text, '');
  const created = isoTime(row.created, 'created');
  const title = isRecord(row.document) ? firstString(row.document.title) : '';
  return parseAnnotation(
    {
      id: derivedAnnotationId(`hypothesis:${row.id}`),
      type: 'Annotation',
      schemaVersion: ANNOTATION_SCHEMA_VERSION,
      motivation: motivationFor(body),
      created,
      modified: row.updated === undefined ? created : isoTime(row.updated, 'updated'),
      target: {
        source,
        selector: [
          { type: 'TextQuoteSelector', exact, prefix: context(quote.prefix, 'end'), suffix: context(quote.suffix, 'start') } satisfies TextQuoteSelector,
          positionHint(position, exact),
        ],
      },
      body,
      tags: cleanTags(row.tags),
      color: 'yellow',
      page: { title: title.slice(0, ANNOTATION_LIMITS.title), site: siteOf(source).slice(0, ANNOTATION_LIMITS.site) },
    },
    'annotation',
  );
}

/** Quote context longer than Lede keeps is cut on the side away from the quote. */
function context(value: unknown, keep: 'start' | 'end'): string {
  const text = stringOr(value, '');
  if (text.length <= ANNOTATION_LIMITS.context) return text;
  return keep === 'end' ? text.slice(-ANNOTATION_LIMITS.context) : text.slice(0, ANNOTATION_LIMITS.context);
}

/** Hypothesis allows blank and repeated tags; Lede keeps the distinct, non-blank ones. */
function cleanTags(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const tags: string[] = [];
  for (const raw of value) {
    if (typeof raw !== 'string') continue;
    const tag = raw.trim();
    if (tag !== '' && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/** Hypothesis writes microseconds and "+00:00"; stored times are Date#toISOString's. */
function isoTime(value: unknown, field: string): string {
  const time = typeof value === 'string' && hasRealCalendarDate(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw fail(`has no valid "${field}" time`);
  return new Date(time).toISOString();
}

function looksLikeHypothesis(row: unknown): boolean {
  return isRecord(row) && ('uri' in row || 'target' in row) && 'id' in row;
}

function firstString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function fail(message: string): AnnotationValidationError {
  return new AnnotationValidationError(message);
}

