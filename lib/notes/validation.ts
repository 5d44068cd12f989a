// Strict validation of stored annotations (lib/notes/annotation.ts). Everything that writes an
// annotation runs it through here first: messages from the content script now, imported files
// later. Each error names the field at fault, e.g. "annotation.target.selector[1].start must be…".

import {
  ANNOTATION_SCHEMA_VERSION,
  HIGHLIGHT_COLORS,
  type Annotation,
  type AnnotationTarget,
  type HighlightColor,
  type Selector,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './annotation';
import { isPageUrl } from '../shared/page-address';

/** Generous bounds: they stop a runaway page from filling the database, not a reader writing at length. */
export const ANNOTATION_LIMITS = {
  /** The note body, in UTF-16 code units (about 1 MB of text). */
  body: 1_000_000,
  tags: 100,
  tagLength: 100,
  /** The selected passage. */
  exact: 100_000,
  /** Quote context either side (describeSpan keeps 32 characters). */
  context: 1_000,
  url: 8_192,
  title: 2_000,
  site: 500,
} as const;

/** What parseAnnotation and friends throw: the message says which field is wrong and why. */
export class AnnotationValidationError extends Error {
  override name = 'AnnotationValidationError';
}

/** The fields updateAnnotation may change. */
export interface AnnotationPatch {
  body?: string;
  tags?: string[];
  color?: HighlightColor;
  target?: AnnotationTarget;
}

const ANNOTATION_KEYS = ['id', 'type', 'schemaVersion', 'motivation', 'created', 'modified', 'target', 'body', 'tags', 'color', 'page', 'conflictOf'] as const;
const PATCH_KEYS = ['body', 'tags', 'color', 'target'] as const;

// `urn:uuid:` and an RFC 4122 UUID (crypto.randomUUID()), so ids survive export and import.
const ID_PATTERN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// ISO 8601 date-time as Date#toISOString writes it, or with an offset; Date.parse checks the values.
const ISO_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A validated copy of `value` (only the model's fields, nothing shared with the input), or throws. */
export function parseAnnotation(value: unknown, where = 'annotation'): Annotation {
  const record = needRecord(value, where);
  onlyKeys(record, ANNOTATION_KEYS, where);
  if (record.type !== 'Annotation') throw fail(`${where}.type must be "Annotation"`);
  const motivation = record.motivation;
  if (motivation !== 'highlighting' && motivation !== 'commenting') {
    throw fail(`${where}.motivation must be "highlighting" or "commenting"`);
  }
  const annotation: Annotation = {
    id: parseAnnotationId(record.id, `${where}.id`),
    type: 'Annotation',
    schemaVersion: needSchemaVersion(record.schemaVersion, `${where}.schemaVersion`),
    motivation,
    created: needIsoTime(record.created, `${where}.created`),
    modified: needIsoTime(record.modified, `${where}.modified`),
    target: parseAnnotationTarget(record.target, `${where}.target`),
    body: needBody(record.body, `${where}.body`),
    tags: parseTags(record.tags, `${where}.tags`),
    color: needColor(record.color, `${where}.color`),
    page: needPage(record.page, `${where}.page`),
  };
  // Only on a conflict copy that sync made (lib/sync/merge.ts).
  if (record.conflictOf !== undefined) annotation.conflictOf = parseAnnotationId(record.conflictOf, `${where}.conflictOf`);
  return annotation;
}

/** A validated patch for updateAnnotation: any of body, tags, color, target; nothing else. */
export function parseAnnotationPatch(value: unknown, where = 'patch'): AnnotationPatch {
  const record = needRecord(value, where);
  onlyKeys(record, PATCH_KEYS, where);
  const patch: AnnotationPatch = {};
  if (record.body !== undefined) patch.body = needBody(record.body, `${where}.body`);
  if (record.tags !== undefined) patch.tags = parseTags(record.tags, `${where}.tags`);
  if (record.color !== undefined) patch.color = needColor(record.color, `${where}.color`);
  if (record.target !== undefined) patch.target = parseAnnotationTarget(record.target, `${where}.target`);
  return patch;
}

export function parseAnnotationId(value: unknown, where = 'id'): string {
  if (typeof value !== 'string') throw fail(`${where} must be a string`);
  if (!ID_PATTERN.test(value)) throw fail(`${where} must be "urn:uuid:" followed by a UUID`);
  return value;
}

/** A page address as stored in target.source: an absolute URL of bounded length. */
export function parseSourceUrl(value: unknown, where = 'source'): string {
  if (typeof value !== 'string') throw fail(`${where} must be a string`);
  if (value.length === 0) throw fail(`${where} must not be empty`);
  if (value.length > ANNOTATION_LIMITS.url) throw fail(`${where} is longer than ${ANNOTATION_LIMITS.url} characters`);
  if (!URL.canParse(value)) throw fail(`${where} must be an absolute URL`);
  // Shown as a link in the popup and the library: never a javascript:, data: or blob: address.
  if (!isPageUrl(value)) throw fail(`${where} must be an http, https or file URL`);
  return value;
}

/**
 * Tags, trimmed, with exact repeats dropped (first kept). Blank and over-long tags are errors,
 * not silently dropped, so an import says what it could not take.
 */
export function parseTags(value: unknown, where = 'tags'): string[] {
  if (!Array.isArray(value)) throw fail(`${where} must be an array`);
  if (value.length > ANNOTATION_LIMITS.tags) throw fail(`${where} has more than ${ANNOTATION_LIMITS.tags} tags`);
  const tags: string[] = [];
  value.forEach((raw, i) => {
    if (typeof raw !== 'string') throw fail(`${where}[${i}] must be a string`);
    const tag = raw.trim();
    if (tag === '') throw fail(`${where}[${i}] must not be blank`);
    if (tag.length > ANNOTATION_LIMITS.tagLength) throw fail(`${where}[${i}] is longer than ${ANNOTATION_LIMITS.tagLength} characters`);
    if (!tags.includes(tag)) tags.push(tag);
  });
  return tags;
}

export function parseAnnotationTarget(value: unknown, where = 'target'): AnnotationTarget {
  const record = needRecord(value, where);
  onlyKeys(record, ['source', 'selector'], where);
  const source = parseSourceUrl(record.source, `${where}.source`);
  const raw = record.selector;
  if (!Array.isArray(raw)) throw fail(`${where}.selector must be an array`);
  const selector = raw.map((item, i) => needSelector(item, `${where}.selector[${i}]`));
  const quotes = selector.filter((s) => s.type === 'TextQuoteSelector').length;
  const positions = selector.filter((s) => s.type === 'TextPositionSelector').length;
  if (quotes !== 1 || positions !== 1 || selector.length !== 2) {
    throw fail(`${where}.selector must hold exactly one TextQuoteSelector and one TextPositionSelector`);
  }
  return { source, selector };
}

function needSelector(value: unknown, where: string): Selector {
  const record = needRecord(value, where);
  switch (record.type) {
    case 'TextQuoteSelector':
      return needQuoteSelector(record, where);
    case 'TextPositionSelector':
      return needPositionSelector(record, where);
    default:
      throw fail(`${where}.type must be "TextQuoteSelector" or "TextPositionSelector"`);
  }
}

function needQuoteSelector(record: Fields, where: string): TextQuoteSelector {
  onlyKeys(record, ['type', 'exact', 'prefix', 'suffix'], where);
  const exact = needBoundedString(record.exact, `${where}.exact`, ANNOTATION_LIMITS.exact);
  if (exact.trim() === '') throw fail(`${where}.exact must not be blank`);
  return {
    type: 'TextQuoteSelector',
    exact,
    prefix: needBoundedString(record.prefix, `${where}.prefix`, ANNOTATION_LIMITS.context),
    suffix: needBoundedString(record.suffix, `${where}.suffix`, ANNOTATION_LIMITS.context),
  };
}

function needPositionSelector(record: Fields, where: string): TextPositionSelector {
  onlyKeys(record, ['type', 'start', 'end'], where);
  const start = needOffset(record.start, `${where}.start`);
  const end = needOffset(record.end, `${where}.end`);
  if (start >= end) throw fail(`${where}.start must be less than ${where}.end`);
  return { type: 'TextPositionSelector', start, end };
}

type Fields = Record<string, unknown>;

function fail(message: string): AnnotationValidationError {
  return new AnnotationValidationError(message);
}

function needRecord(value: unknown, where: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fail(`${where} must be an object`);
  return value as Fields;
}

function onlyKeys(record: Fields, allowed: readonly string[], where: string): void {
  const extra = Object.keys(record).filter((key) => !allowed.includes(key));
  if (extra.length > 0) {
    // Field names come from the file: show a few, each cut short.
    const names = extra.slice(0, 5).map((key) => (key.length > 40 ? `${key.slice(0, 39)}…` : key));
    const more = extra.length > 5 ? ` and ${extra.length - 5} more` : '';
    throw fail(`${where} has unexpected field(s) ${names.join(', ')}${more}`);
  }
}

function needBoundedString(value: unknown, where: string, max: number): string {
  if (typeof value !== 'string') throw fail(`${where} must be a string`);
  if (value.length > max) throw fail(`${where} is longer than ${max} characters`);
  return value;
}

function needBody(value: unknown, where: string): string {
  return needBoundedString(value, where, ANNOTATION_LIMITS.body);
}

function needOffset(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw fail(`${where} must be a whole number, zero or more`);
  }
  return value;
}

function needSchemaVersion(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw fail(`${where} must be a whole number, 1 or more`);
  // A newer shape than this build knows could lose fields on the way through: refuse it.
  if (value > ANNOTATION_SCHEMA_VERSION) {
    throw fail(`${where} ${value} is newer than this version of Lede understands (${ANNOTATION_SCHEMA_VERSION})`);
  }
  return value;
}

function needIsoTime(value: unknown, where: string): string {
  if (typeof value !== 'string') throw fail(`${where} must be a string`);
  if (!ISO_TIME_PATTERN.test(value) || Number.isNaN(Date.parse(value)) || !hasRealCalendarDate(value)) {
    throw fail(`${where} must be an ISO 8601 date and time, e.g. 2026-01-31T12:00:00.000Z`);
  }
  return value;
}

/**
 * True when a text starting `YYYY-MM-DD` (optionally `THH:MM[:SS]`) names a day that exists and a
 * time of day within 00:00–23:59:59. Date.parse alone rolls 2026-02-30 over to 2 March.
 */
export function hasRealCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one.
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  if (match[4] === undefined) return true;
  return Number(match[4]) <= 23 && Number(match[5]) <= 59 && (match[6] === undefined || Number(match[6]) <= 59);
}

function needColor(value: unknown, where: string): HighlightColor {
  if (!(HIGHLIGHT_COLORS as readonly unknown[]).includes(value)) throw fail(`${where} must be one of ${HIGHLIGHT_COLORS.join(', ')}`);
  return value as HighlightColor;
}

function needPage(value: unknown, where: string): Annotation['page'] {
  const record = needRecord(value, where);
  onlyKeys(record, ['title', 'site'], where);
  return {
    title: needBoundedString(record.title, `${where}.title`, ANNOTATION_LIMITS.title),
    site: needBoundedString(record.site, `${where}.site`, ANNOTATION_LIMITS.site),
  };
}
