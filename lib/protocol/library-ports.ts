// The library's two long conversations with the background, over a runtime.Port each: loading
// every note and article (paged, so 100,000 notes never travel in one message) and importing a
// file's notes (sent in chunks, written by the background all or nothing, with progress back).
// Every message either way is checked here before anyone acts on it. Only Lede's extension pages
// may open these ports (the background checks the port's sender). No extension APIs.

import type { Annotation } from '../notes/annotation';
import type { ArticleRow } from '../background/db';
import type { ImportFormat, ImportSummary, RejectedItem } from '../exchange/types';
import { isRecord } from '../shared/is-record';

export const LIBRARY_LOAD_PORT = 'lede-library-load';
export const LIBRARY_IMPORT_PORT = 'lede-library-import';
export type LibraryPortName = typeof LIBRARY_LOAD_PORT | typeof LIBRARY_IMPORT_PORT;

export function isLibraryPortName(name: string): name is LibraryPortName {
  return name === LIBRARY_LOAD_PORT || name === LIBRARY_IMPORT_PORT;
}

/**
 * A chunk holds at most this many items and this many characters of JSON (an item larger than
 * that travels alone): a message the browser copies in a few milliseconds, whatever the library's
 * size. Chunks travel as JSON text: Chrome copies one string far faster than the same data as
 * objects (20,000 notes: about 3x faster end to end).
 */
export const CHUNK_MAX_ITEMS = 1_000;
export const CHUNK_MAX_CHARS = 2_000_000;

// ---- Loading: page -> background ---------------------------------------------------------------

export interface LoadStart {
  type: 'load';
}

// ---- Loading: background -> page ---------------------------------------------------------------

/** As posted: chunks as JSON text (jsonChunksOf). */
export type LoadWireMessage =
  | { type: 'started'; notes: number; articles: number }
  | { type: 'notes'; json: string }
  | { type: 'articles'; json: string }
  | { type: 'loaded' }
  | { type: 'failed'; message: string };

/** As received: the totals first (for the progress), then notes in id order, then articles, then `loaded`. */
export type LoadMessage =
  | { type: 'started'; notes: number; articles: number }
  | { type: 'notes'; annotations: Annotation[] }
  | { type: 'articles'; articles: ArticleRow[] }
  | { type: 'loaded' }
  | { type: 'failed'; message: string };

// ---- Importing: page -> background -------------------------------------------------------------

/** As posted: chunks as JSON text (jsonChunksOf). */
export type ImportWireUpload =
  | { type: 'begin'; format: ImportFormat; notes: number; articles: number }
  | { type: 'notes'; json: string }
  | { type: 'articles'; json: string }
  | { type: 'commit' };

/** As received: `begin` with the totals, every chunk of articles and notes, then `commit`: nothing is committed before it. */
export type ImportUpload =
  | { type: 'begin'; format: ImportFormat; notes: number; articles: number }
  | { type: 'notes'; annotations: unknown[] }
  | { type: 'articles'; articles: unknown[] }
  | { type: 'commit' };

// ---- Importing: background -> page -------------------------------------------------------------

export type ImportReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'imported'; summary: ImportSummary }
  | { type: 'failed'; message: string };

export class PortMessageError extends Error {
  override name = 'PortMessageError';
}

/** Most notes (or articles) one import or one load may announce: far above any library. */
const MAX_TOTAL = 10_000_000;
const MAX_FAILURE_CHARS = 2_000;

export function parseLoadStart(value: unknown): LoadStart {
  if (!isRecord(value) || value.type !== 'load') throw new PortMessageError('the load port takes only {type: "load"}');
  onlyKeys(value, ['type']);
  return { type: 'load' };
}

export function parseLoadMessage(value: unknown): LoadMessage {
  if (!isRecord(value)) throw new PortMessageError('a library load message must be an object');
  switch (value.type) {
    case 'started':
      onlyKeys(value, ['type', 'notes', 'articles']);
      return { type: 'started', notes: count(value.notes, 'started.notes'), articles: count(value.articles, 'started.articles') };
    case 'notes':
      onlyKeys(value, ['type', 'json']);
      // Rows the background read from its own database: their shape is the store's; only the envelope is checked.
      return { type: 'notes', annotations: chunk(value.json, 'notes.json') as Annotation[] };
    case 'articles':
      onlyKeys(value, ['type', 'json']);
      return { type: 'articles', articles: chunk(value.json, 'articles.json') as ArticleRow[] };
    case 'loaded':
      onlyKeys(value, ['type']);
      return { type: 'loaded' };
    case 'failed':
      onlyKeys(value, ['type', 'message']);
      return { type: 'failed', message: failure(value.message) };
    default:
      throw new PortMessageError(`unknown library load message ${typeof value.type === 'string' ? JSON.stringify(value.type) : typeof value.type}`);
  }
}

/** An upload message from a library page; its notes and articles are validated one by one when written. */
export function parseImportUpload(value: unknown): ImportUpload {
  if (!isRecord(value)) throw new PortMessageError('an import message must be an object');
  switch (value.type) {
    case 'begin': {
      onlyKeys(value, ['type', 'format', 'notes', 'articles']);
      if (value.format !== 'lede-jsonld' && value.format !== 'hypothesis') throw new PortMessageError('begin.format must be lede-jsonld or hypothesis');
      return { type: 'begin', format: value.format, notes: count(value.notes, 'begin.notes'), articles: count(value.articles, 'begin.articles') };
    }
    case 'notes':
      onlyKeys(value, ['type', 'json']);
      return { type: 'notes', annotations: chunk(value.json, 'notes.json') };
    case 'articles':
      onlyKeys(value, ['type', 'json']);
      return { type: 'articles', articles: chunk(value.json, 'articles.json') };
    case 'commit':
      onlyKeys(value, ['type']);
      return { type: 'commit' };
    default:
      throw new PortMessageError(`unknown import message ${typeof value.type === 'string' ? JSON.stringify(value.type) : typeof value.type}`);
  }
}

export function parseImportReply(value: unknown): ImportReply {
  if (!isRecord(value)) throw new PortMessageError('an import reply must be an object');
  switch (value.type) {
    case 'progress':
      onlyKeys(value, ['type', 'done', 'total']);
      return { type: 'progress', done: count(value.done, 'progress.done'), total: count(value.total, 'progress.total') };
    case 'imported':
      onlyKeys(value, ['type', 'summary']);
      return { type: 'imported', summary: summary(value.summary) };
    case 'failed':
      onlyKeys(value, ['type', 'message']);
      return { type: 'failed', message: failure(value.message) };
    default:
      throw new PortMessageError(`unknown import reply ${typeof value.type === 'string' ? JSON.stringify(value.type) : typeof value.type}`);
  }
}

/** Items as JSON arrays of at most CHUNK_MAX_ITEMS items and CHUNK_MAX_CHARS characters (a larger item alone); each item is written once. */
export function* jsonChunksOf(items: Iterable<unknown>, maxItems = CHUNK_MAX_ITEMS, maxChars = CHUNK_MAX_CHARS): Generator<string, void, void> {
  let parts: string[] = [];
  let chars = 2;
  for (const item of items) {
    const json = JSON.stringify(item);
    if (parts.length > 0 && (parts.length >= maxItems || chars + json.length + 1 > maxChars)) {
      yield `[${parts.join(',')}]`;
      parts = [];
      chars = 2;
    }
    parts.push(json);
    chars += json.length + 1;
  }
  if (parts.length > 0) yield `[${parts.join(',')}]`;
}

/**
 * Splits items into chunks of at most CHUNK_MAX_ITEMS and about CHUNK_MAX_CHARS of JSON (an item
 * larger than that travels alone), for messages that carry objects.
 */
export function* chunksOf<T>(items: readonly T[], maxItems = CHUNK_MAX_ITEMS, maxChars = CHUNK_MAX_CHARS): Generator<T[], void, void> {
  let current: T[] = [];
  let chars = 0;
  for (const item of items) {
    const size = jsonSize(item);
    if (current.length > 0 && (current.length >= maxItems || chars + size > maxChars)) {
      yield current;
      current = [];
      chars = 0;
    }
    current.push(item);
    chars += size;
  }
  if (current.length > 0) yield current;
}

/** About how many characters JSON.stringify would write for a value, without writing them. */
export function jsonSize(value: unknown): number {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return 8;
  if (Array.isArray(value)) {
    let size = 2;
    for (const item of value) size += jsonSize(item) + 1;
    return size;
  }
  if (typeof value === 'object') {
    let size = 2;
    for (const [key, item] of Object.entries(value)) size += key.length + 4 + jsonSize(item);
    return size;
  }
  return 0;
}

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[]): void {
  const extra = Object.keys(value).filter((key) => !allowed.includes(key));
  if (extra.length > 0) throw new PortMessageError(`${String(value.type)}: unexpected field(s) ${extra.join(', ')}`);
}

function count(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > MAX_TOTAL) {
    throw new PortMessageError(`${where} must be a whole number from 0 to ${MAX_TOTAL}`);
  }
  return value;
}

/** A chunk's JSON text, read: an array of at most CHUNK_MAX_ITEMS items. */
function chunk(json: unknown, where: string): unknown[] {
  if (typeof json !== 'string') throw new PortMessageError(`${where} must be JSON text`);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new PortMessageError(`${where} is not JSON`);
  }
  if (!Array.isArray(value)) throw new PortMessageError(`${where} must be an array`);
  if (value.length > CHUNK_MAX_ITEMS) throw new PortMessageError(`${where} holds more than ${CHUNK_MAX_ITEMS} items`);
  return value;
}

function failure(value: unknown): string {
  if (typeof value !== 'string') throw new PortMessageError('failed.message must be a string');
  return value.slice(0, MAX_FAILURE_CHARS);
}

function summary(value: unknown): ImportSummary {
  if (!isRecord(value)) throw new PortMessageError('imported.summary must be an object');
  if (!Array.isArray(value.rejected)) throw new PortMessageError('imported.summary.rejected must be an array');
  const rejected = value.rejected.map((item, i): RejectedItem => {
    if (!isRecord(item) || (item.item !== 'annotation' && item.item !== 'article') || typeof item.reason !== 'string') {
      throw new PortMessageError(`imported.summary.rejected[${i}] must be {item, index, reason}`);
    }
    return { item: item.item, index: count(item.index, `imported.summary.rejected[${i}].index`), reason: failure(item.reason) };
  });
  return {
    added: count(value.added, 'imported.summary.added'),
    skipped: count(value.skipped, 'imported.summary.skipped'),
    articlesAdded: count(value.articlesAdded, 'imported.summary.articlesAdded'),
    rejected,
  };
}
