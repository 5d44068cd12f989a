// Writes an import: everything validated first, then ONE Dexie transaction over notes and
// articles, so an import succeeds completely or changes nothing (any error inside aborts it).

import type { Annotation } from '../notes/annotation';
import { AnnotationValidationError, parseAnnotation } from '../notes/validation';
import { articleKey, mentionRowsOf, type LedeDB } from '../background/db';
import { positionSelectorOf, quoteSelectorOf } from '../notes/annotation';
import { articleRowOf } from './article-records';
import { derivedAnnotationId } from './derived-ids';
import { capMessage } from './import-error';
import { isCheckedImport, parseImport } from './parse-import';
import { runSteps, type Slicer, type Steps } from './steps';
import type { ImportSummary, ParsedImport, ParseImportOptions, RejectedItem } from './types';

/** Notes written per bulkAdd; progress is reported after each batch. Small enough that handing one batch over stays a short task. */
export const IMPORT_BATCH_SIZE = 200;
const BATCHES_IN_FLIGHT = 2;
/** Articles (larger: entities and quotes) written per bulkAdd. */
const ARTICLE_BATCH_SIZE = 50;

export interface ImportOptions extends ParseImportOptions {
  /** Hands the thread back between slices of the work done before the write (the library page). */
  slicer?: Slicer;
}

/**
 * Adds the parsed notes that are not stored yet. A duplicate (same id, or same page, quote,
 * position, note and tags as a stored one or an earlier one in the file) is skipped and counted.
 * Articles of a Lede backup are added where their URL is not stored (stored ones are newer).
 * Accepts a parseImport result, or the file itself (then parseImport's ImportError propagates).
 *
 * The duplicate check looks up, never scans: the stored ids in one key read, and stored notes'
 * contents only for pages where the file brings a note whose id is new.
 */
export async function importAnnotations(
  db: LedeDB,
  parsed: ParsedImport | string | Uint8Array,
  onProgress?: (done: number, total: number) => void,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const input = typeof parsed === 'string' || parsed instanceof Uint8Array ? parseImport(parsed, options) : parsed;
  const slicer = options.slicer;
  // Lede's own parser's results are checked already; a list from anywhere else is checked again.
  const checked = isCheckedImport(input) ? { annotations: input.annotations, rejected: [...input.rejected] } : null;
  const { annotations, rejected } = checked ?? (slicer ? await slicer.run(revalidatedSteps(input)) : runSteps(revalidatedSteps(input)));
  const keys = slicer ? await slicer.run(contentKeySteps(annotations)) : runSteps(contentKeySteps(annotations));
  return writeImport(db, annotations, keys, rejected, input, onProgress);
}

/**
 * Notes checked one chunk at a time as they arrive (the library's upload), each with its content
 * key, so that writing them (StreamedImport) has nothing left to check. Rejections are numbered
 * by arrival, from 1.
 */
export class CheckedNotes {
  readonly annotations: Annotation[] = [];
  readonly keys: string[] = [];
  readonly rejected: RejectedItem[] = [];
  private received = 0;

  /** How many notes arrived, valid or not. */
  get count(): number {
    return this.received;
  }

  add(items: readonly unknown[]): void {
    for (const item of items) {
      const index = this.received++;
      try {
        const annotation = parseAnnotation(item);
        this.annotations.push(annotation);
        this.keys.push(contentKey(annotation));
      } catch (error) {
        if (!(error instanceof AnnotationValidationError)) throw error;
        this.rejected.push({ item: 'annotation', index, reason: capMessage(`Annotation ${index + 1}: ${error.message}`) });
      }
    }
  }
}

/** The one transaction: the notes not stored yet (by id or content key), then the missing articles. */
async function writeImport(
  db: LedeDB,
  annotations: readonly Annotation[],
  keys: readonly string[],
  rejected: RejectedItem[],
  input: Pick<ParsedImport, 'articles'>,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportSummary> {
  const total = annotations.length;
  let added = 0;
  let skipped = 0;
  let articlesAdded = 0;
  await db.transaction('rw', [db.annotations, db.articles, db.mentions], async () => {
    const storedIds = await storedIdsAmong(db, annotations);
    const storedKeys = await storedContentKeys(db, annotations.filter((a) => !storedIds.has(a.id)));
    // A few batches in flight at once: the database works on one while the next is handed over,
    // and the page gets the thread back whenever a batch completes.
    const inFlight: Promise<void>[] = [];
    for (let from = 0; from < total; from += IMPORT_BATCH_SIZE) {
      const batch: Annotation[] = [];
      const to = Math.min(from + IMPORT_BATCH_SIZE, total);
      for (let i = from; i < to; i += 1) {
        const annotation = annotations[i]!;
        const key = keys[i]!;
        if (storedIds.has(annotation.id) || storedKeys.has(key)) {
          skipped += 1;
          continue;
        }
        storedIds.add(annotation.id);
        storedKeys.add(key);
        batch.push(annotation);
      }
      const written = db.annotations.bulkAdd(batch).then(() => {
        added += batch.length;
        onProgress?.(to, total);
      });
      // Awaited below; this only keeps a batch that fails after an earlier failure from being reported as unhandled.
      written.catch(() => {});
      inFlight.push(written);
      // The first batch alone, so the task that starts the write hands over one batch, not several.
      if (inFlight.length >= (from === 0 ? 1 : BATCHES_IN_FLIGHT)) await inFlight.shift();
    }
    for (const pending of inFlight) await pending;
    articlesAdded = await addMissingArticles(db, input);
  });
  if (total === 0) onProgress?.(0, 0);
  return { added, skipped, rejected, articlesAdded };
}

/** Which of the notes' ids are stored: none in an empty library; else one read of every stored key, or a get per note when the file is much smaller. */
async function storedIdsAmong(db: LedeDB, annotations: readonly Annotation[]): Promise<Set<string>> {
  const storedCount = await db.annotations.count();
  if (storedCount === 0 || annotations.length === 0) return new Set();
  if (annotations.length * 8 < storedCount) {
    const rows = await db.annotations.bulkGet(annotations.map((a) => a.id));
    return new Set(rows.flatMap((row) => (row ? [row.id] : [])));
  }
  return new Set((await db.annotations.toCollection().primaryKeys()) as string[]);
}

/** Content keys of the stored notes on the pages of `fresh` (notes whose ids are new). */
async function storedContentKeys(db: LedeDB, fresh: readonly Annotation[]): Promise<Set<string>> {
  const keys = new Set<string>();
  if (fresh.length === 0) return keys;
  const wanted = new Set(fresh.map((a) => a.target.source));
  // The distinct stored pages come from the index alone (one step per page, not per note).
  const storedSources = (await db.annotations.orderBy('target.source').uniqueKeys()) as string[];
  const sources = storedSources.filter((source) => wanted.has(source));
  // One equals() range per page: anyOf() over hundreds of pages is far slower in some IndexedDBs.
  const rowsBySource = await Promise.all(sources.map((source) => db.annotations.where('target.source').equals(source).toArray()));
  for (const rows of rowsBySource) for (const row of rows) keys.add(contentKey(row));
  return keys;
}

/**
 * Same page, passage (quote and position), note and tags: the same note, whatever its id. Two
 * notes on one passage that differ only in their tags (Hypothesis allows that) are both kept.
 */
export function contentKey(annotation: Annotation): string {
  const quote = quoteSelectorOf(annotation.target);
  const position = positionSelectorOf(annotation.target);
  // The note body (up to a million characters) stands in the key as its length and a 128-bit
  // hash, so 100,000 keys do not copy every body once more.
  const body = `${annotation.body.length}:${derivedAnnotationId(annotation.body)}`;
  return JSON.stringify([annotation.target.source, quote?.exact, position?.start, position?.end, body, [...annotation.tags].sort()]);
}

function* contentKeySteps(annotations: readonly Annotation[]): Steps<string[]> {
  const keys: string[] = new Array(annotations.length);
  for (let i = 0; i < annotations.length; i += 1) {
    keys[i] = contentKey(annotations[i]!);
    yield i;
  }
  return keys;
}

/** parseImport validated already, but a caller may hand over its own list: check again before writing. */
function* revalidatedSteps(input: ParsedImport): Steps<{ annotations: Annotation[]; rejected: RejectedItem[] }> {
  const annotations: Annotation[] = [];
  const rejected: RejectedItem[] = [...input.rejected];
  for (let index = 0; index < input.annotations.length; index += 1) {
    try {
      annotations.push(parseAnnotation(input.annotations[index]));
    } catch (error) {
      if (!(error instanceof AnnotationValidationError)) throw error;
      rejected.push({ item: 'annotation', index, reason: capMessage(`Annotation ${index + 1}: ${error.message}`) });
    }
    yield index;
  }
  return { annotations, rejected };
}

export async function addMissingArticles(db: LedeDB, input: Pick<ParsedImport, 'articles'>): Promise<number> {
  const rows = new Map(input.articles.map((article) => [articleKey(article.url), article] as const));
  if (rows.size === 0) return 0;
  const keys = [...rows.keys()];
  const stored = await db.articles.bulkGet(keys);
  const missing = keys.filter((_, i) => stored[i] === undefined);
  for (let from = 0; from < missing.length; from += ARTICLE_BATCH_SIZE) {
    const batch = missing.slice(from, from + ARTICLE_BATCH_SIZE).map((key) => ({ ...articleRowOf(rows.get(key)!), url: key }));
    await db.articles.bulkAdd(batch);
    await db.mentions.bulkPut(batch.flatMap(mentionRowsOf));
  }
  return missing.length;
}
