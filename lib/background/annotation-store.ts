// The reader's notes in Dexie: pure queries over a LedeDB, run only by the background.
// Callers validate first (lib/notes/validation.ts); each write here is one transaction, so a
// read-modify-write never interleaves with another message's write to the same note.

import { compareStoredPosition, motivationFor, type Annotation } from '../notes/annotation';
import type { AnnotationPatch } from '../notes/validation';
import type { LedeDB } from './db';

/** Thrown when a note the caller names is not (or no longer) stored. */
export class AnnotationNotFoundError extends Error {
  override name = 'AnnotationNotFoundError';
  constructor(readonly id: string) {
    super(`No note with id ${id}`);
  }
}

/**
 * Create a note, or replace the stored one with the same id. `modified` becomes now; `created`
 * is now for a new note and stays as stored for a replaced one.
 */
export async function saveAnnotation(db: LedeDB, annotation: Annotation, now: number): Promise<Annotation> {
  return db.transaction('rw', db.annotations, async () => {
    const existing = await db.annotations.get(annotation.id);
    const stamp = new Date(now).toISOString();
    const row: Annotation = {
      ...annotation,
      motivation: motivationFor(annotation.body),
      created: existing?.created ?? stamp,
      modified: stamp,
    };
    await db.annotations.put(row);
    return row;
  });
}

/** Thrown when a caller that may only create notes names an id that is already stored. */
export class AnnotationExistsError extends Error {
  override name = 'AnnotationExistsError';
  constructor(readonly id: string) {
    super(`A note with id ${id} already exists`);
  }
}

/** Thrown when a page already holds as many notes as a content script may create on one page. */
export class AnnotationLimitError extends Error {
  override name = 'AnnotationLimitError';
  constructor(readonly limit: number) {
    super(`This page already has ${limit} notes, the most Lede keeps for one page`);
  }
}

/**
 * Most notes a content script may create on one page: far more than a reader writes, and a bound
 * on how much a compromised page process can store through it.
 */
export const MAX_NOTES_PER_PAGE = 1_000;

/**
 * Create a new note; never replaces one (throws AnnotationExistsError). What a content script's
 * saveAnnotation does: a web page's renderer must not be able to overwrite a stored note by id.
 * With `maxPerSource`, refuses (AnnotationLimitError) once the note's page holds that many.
 */
export async function createAnnotation(db: LedeDB, annotation: Annotation, now: number, maxPerSource?: number): Promise<Annotation> {
  return db.transaction('rw', db.annotations, async () => {
    if (await db.annotations.get(annotation.id)) throw new AnnotationExistsError(annotation.id);
    if (maxPerSource !== undefined && (await db.annotations.where('target.source').equals(annotation.target.source).count()) >= maxPerSource) {
      throw new AnnotationLimitError(maxPerSource);
    }
    return saveAnnotation(db, annotation, now);
  });
}

/**
 * Change some fields of a stored note and bump `modified`; throws AnnotationNotFoundError if it is
 * gone, or if `onlySource` is given and the note belongs to another page (a content script may
 * touch only its own page's notes, and never learns whether another page's note exists).
 */
export async function updateAnnotation(db: LedeDB, id: string, patch: AnnotationPatch, now: number, onlySource?: string): Promise<Annotation> {
  return db.transaction('rw', db.annotations, async () => {
    const existing = await db.annotations.get(id);
    if (!existing || (onlySource !== undefined && existing.target.source !== onlySource)) throw new AnnotationNotFoundError(id);
    const body = patch.body ?? existing.body;
    const row: Annotation = {
      ...existing,
      body,
      tags: patch.tags ?? existing.tags,
      color: patch.color ?? existing.color,
      target: patch.target ?? existing.target,
      motivation: motivationFor(body),
      modified: new Date(now).toISOString(),
    };
    await db.annotations.put(row);
    return row;
  });
}

/** Delete a note and hand it back (the popup keeps it to undo); throws AnnotationNotFoundError if it is gone. */
export async function deleteAnnotation(db: LedeDB, id: string): Promise<Annotation> {
  return db.transaction('rw', db.annotations, async () => {
    const existing = await db.annotations.get(id);
    if (!existing) throw new AnnotationNotFoundError(id);
    await db.annotations.delete(id);
    return existing;
  });
}

/** Undo a delete: the note goes back exactly as it was, times included. */
export async function restoreAnnotation(db: LedeDB, annotation: Annotation): Promise<Annotation> {
  return db.transaction('rw', db.annotations, async () => {
    await db.annotations.put(annotation);
    return annotation;
  });
}

/** Delete several notes in one transaction: all of them, or (one is gone: AnnotationNotFoundError) none. */
export async function deleteAnnotations(db: LedeDB, ids: readonly string[]): Promise<Annotation[]> {
  const unique = [...new Set(ids)];
  return db.transaction('rw', db.annotations, async () => {
    const existing = await db.annotations.bulkGet(unique);
    const missing = unique.findIndex((_, i) => existing[i] === undefined);
    if (missing !== -1) throw new AnnotationNotFoundError(unique[missing]!);
    await db.annotations.bulkDelete(unique);
    return existing as Annotation[];
  });
}

/** Undo a delete of several notes: every one back exactly as it was, in one transaction. */
export async function restoreAnnotations(db: LedeDB, annotations: readonly Annotation[]): Promise<Annotation[]> {
  return db.transaction('rw', db.annotations, async () => {
    await db.annotations.bulkPut([...annotations]);
    return [...annotations];
  });
}

/** One page's notes in reading order of their stored positions (ties: longer first, then older). */
export async function listAnnotations(db: LedeDB, source: string): Promise<Annotation[]> {
  const rows = await db.annotations.where('target.source').equals(source).toArray();
  return rows.sort(compareStoredPosition);
}

