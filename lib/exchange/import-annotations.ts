// Writes an import: everything validated first, then ONE Dexie transaction over notes and
// articles, so an import succeeds completely or changes nothing (any error inside aborts it).

import type { Annotation } from '../annotation-types';
import { AnnotationValidationError, parseAnnotation } from '../annotation-validation';
import { articleKey, type LedeDB } from '../db';
import { positionSelectorOf, quoteSelectorOf } from '../annotation-types';
import { articleRowOf } from './article-records';
import { parseImport } from './parse-import';
import type { ImportSummary, ParsedImport, ParseImportOptions, RejectedItem } from './types';

/** Notes written per bulkAdd; progress is reported after each batch. */
export const IMPORT_BATCH_SIZE = 500;

/**
 * Adds the parsed notes that are not stored yet. A duplicate (same id, or same page, quote,
 * position and note as a stored one or an earlier one in the file) is skipped and counted.
 * Articles of a Lede backup are added where their URL is not stored (stored ones are newer).
 * Accepts a parseImport result, or the file itself (then parseImport's ImportError propagates).
 */
export async function importAnnotations(
  db: LedeDB,
  parsed: ParsedImport | string | Uint8Array,
  onProgress?: (done: number, total: number) => void,
  options: ParseImportOptions = {},
): Promise<ImportSummary> {
  const input = typeof parsed === 'string' || parsed instanceof Uint8Array ? parseImport(parsed, options) : parsed;
  const { annotations, rejected } = revalidated(input);
  const total = annotations.length;
  let added = 0;
  let skipped = 0;
  let articlesAdded = 0;
  await db.transaction('rw', [db.annotations, db.articles], async () => {
    const storedIds = new Set<string>();
    const stored = await db.annotations.bulkGet(annotations.map((a) => a.id));
    for (const row of stored) if (row) storedIds.add(row.id);
    const sources = [...new Set(annotations.map((a) => a.target.source))];
    const storedKeys = new Set<string>();
    // One equals() range per page: anyOf() over hundreds of pages is far slower in some IndexedDBs.
    const storedBySource = await Promise.all(sources.map((source) => db.annotations.where('target.source').equals(source).toArray()));
    for (const rows of storedBySource) for (const row of rows) storedKeys.add(contentKey(row));
    for (let from = 0; from < total; from += IMPORT_BATCH_SIZE) {
      const batch: Annotation[] = [];
      for (const annotation of annotations.slice(from, from + IMPORT_BATCH_SIZE)) {
        const key = contentKey(annotation);
        if (storedIds.has(annotation.id) || storedKeys.has(key)) {
          skipped += 1;
          continue;
        }
        storedIds.add(annotation.id);
        storedKeys.add(key);
        batch.push(annotation);
      }
      await db.annotations.bulkAdd(batch);
      added += batch.length;
      onProgress?.(Math.min(from + IMPORT_BATCH_SIZE, total), total);
    }
    articlesAdded = await addMissingArticles(db, input);
  });
  if (total === 0) onProgress?.(0, 0);
  return { added, skipped, rejected, articlesAdded };
}

/** Same page, passage (quote and position) and note: the same note, whatever its id. */
function contentKey(annotation: Annotation): string {
  const quote = quoteSelectorOf(annotation.target);
  const position = positionSelectorOf(annotation.target);
  return JSON.stringify([annotation.target.source, quote?.exact, position?.start, position?.end, annotation.body]);
}

/** parseImport validated already, but a caller may hand over its own list: check again before writing. */
function revalidated(input: ParsedImport): { annotations: Annotation[]; rejected: RejectedItem[] } {
  const annotations: Annotation[] = [];
  const rejected: RejectedItem[] = [...input.rejected];
  input.annotations.forEach((annotation, index) => {
    try {
      annotations.push(parseAnnotation(annotation));
    } catch (error) {
      if (!(error instanceof AnnotationValidationError)) throw error;
      rejected.push({ item: 'annotation', index, reason: `Annotation ${index + 1}: ${error.message}` });
    }
  });
  return { annotations, rejected };
}

async function addMissingArticles(db: LedeDB, input: ParsedImport): Promise<number> {
  const rows = new Map(input.articles.map((article) => [articleKey(article.url), article] as const));
  if (rows.size === 0) return 0;
  const keys = [...rows.keys()];
  const stored = await db.articles.bulkGet(keys);
  const missing = keys.filter((_, i) => stored[i] === undefined).map((key) => ({ ...articleRowOf(rows.get(key)!), url: key }));
  await db.articles.bulkAdd(missing);
  return missing.length;
}
