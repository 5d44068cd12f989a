import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnnotationNotFoundError, deleteAnnotation, listAnnotations, restoreAnnotation, saveAnnotation, updateAnnotation } from '@/lib/background/annotation-store';
import { motivationFor } from '@/lib/notes/annotation';
import { createLedeDB, type LedeDB } from '@/lib/background/db';
import { makeAnnotation, noteId, SOURCE } from '../../testing/fixtures/annotation-fixtures';

const T1 = Date.parse('2026-03-01T09:00:00.000Z');
const T2 = Date.parse('2026-03-02T09:00:00.000Z');
const T3 = Date.parse('2026-03-03T09:00:00.000Z');

let db: LedeDB;
let dbCount = 0;

beforeEach(() => {
  dbCount += 1;
  db = createLedeDB(`lede-annotation-store-test-${dbCount}`);
});

afterEach(async () => {
  await db.delete();
});

describe('saveAnnotation', () => {
  it('creates a note with created and modified set to now', async () => {
    const saved = await saveAnnotation(db, makeAnnotation(), T1);
    expect(saved.created).toBe('2026-03-01T09:00:00.000Z');
    expect(saved.modified).toBe('2026-03-01T09:00:00.000Z');
    expect(await db.annotations.get(noteId(1))).toEqual(saved);
  });

  it('replaces a note by id, keeping its stored creation time', async () => {
    await saveAnnotation(db, makeAnnotation({ body: 'First' }), T1);
    const replaced = await saveAnnotation(db, makeAnnotation({ body: 'Second', created: '2020-01-01T00:00:00.000Z' }), T2);
    expect(await db.annotations.count()).toBe(1);
    expect(replaced).toMatchObject({ body: 'Second', created: '2026-03-01T09:00:00.000Z', modified: '2026-03-02T09:00:00.000Z' });
  });

  it('sets the motivation from the body', async () => {
    expect((await saveAnnotation(db, makeAnnotation({ id: noteId(1), body: '', motivation: 'commenting' }), T1)).motivation).toBe('highlighting');
    expect((await saveAnnotation(db, makeAnnotation({ id: noteId(2), body: 'Why', motivation: 'highlighting' }), T1)).motivation).toBe('commenting');
  });
});

describe('updateAnnotation', () => {
  it('changes only the patched fields and bumps modified', async () => {
    const saved = await saveAnnotation(db, makeAnnotation(), T1);
    const updated = await updateAnnotation(db, noteId(1), { tags: ['syria', 'talks'], color: 'green' }, T2);
    expect(updated).toEqual({ ...saved, tags: ['syria', 'talks'], color: 'green', modified: '2026-03-02T09:00:00.000Z' });
    expect(await db.annotations.get(noteId(1))).toEqual(updated);
  });

  it('becomes a bare highlight when the body is emptied, and a comment again when it is filled', async () => {
    await saveAnnotation(db, makeAnnotation(), T1);
    expect(await updateAnnotation(db, noteId(1), { body: '  ' }, T2)).toMatchObject({ body: '  ', motivation: 'highlighting' });
    expect(await updateAnnotation(db, noteId(1), { body: 'Back' }, T3)).toMatchObject({ body: 'Back', motivation: 'commenting' });
  });

  it('re-targets a note (re-attach)', async () => {
    await saveAnnotation(db, makeAnnotation({ start: 10 }), T1);
    const target = makeAnnotation({ start: 500, exact: 'new words' }).target;
    expect((await updateAnnotation(db, noteId(1), { target }, T2)).target).toEqual(target);
  });

  it('refuses a note that is not stored', async () => {
    await expect(updateAnnotation(db, noteId(9), { body: 'x' }, T1)).rejects.toThrow(AnnotationNotFoundError);
    expect(await db.annotations.count()).toBe(0);
  });
});

describe('deleteAnnotation and restoreAnnotation', () => {
  it('deletes a note and returns it as it was stored', async () => {
    const saved = await saveAnnotation(db, makeAnnotation(), T1);
    expect(await deleteAnnotation(db, noteId(1))).toEqual(saved);
    expect(await db.annotations.get(noteId(1))).toBeUndefined();
  });

  it('refuses to delete a note that is not stored', async () => {
    await expect(deleteAnnotation(db, noteId(9))).rejects.toThrow(/No note with id urn:uuid:/);
  });

  it('undo puts the deleted note back unchanged, times included', async () => {
    await saveAnnotation(db, makeAnnotation(), T1);
    await updateAnnotation(db, noteId(1), { body: 'Edited' }, T2);
    const deleted = await deleteAnnotation(db, noteId(1));
    expect(await restoreAnnotation(db, deleted)).toEqual(deleted);
    expect(await db.annotations.get(noteId(1))).toEqual(deleted);
    expect(await listAnnotations(db, SOURCE)).toEqual([deleted]);
  });
});

describe('listAnnotations', () => {
  it('lists one page’s notes ordered by stored position', async () => {
    await saveAnnotation(db, makeAnnotation({ id: noteId(1), start: 300 }), T1);
    await saveAnnotation(db, makeAnnotation({ id: noteId(2), start: 5 }), T2);
    await saveAnnotation(db, makeAnnotation({ id: noteId(3), start: 120 }), T3);
    await saveAnnotation(
      db,
      makeAnnotation({ id: noteId(4), start: 5, target: { ...makeAnnotation().target, source: 'https://news.example/other' } }),
      T1,
    );
    expect((await listAnnotations(db, SOURCE)).map((a) => a.id)).toEqual([noteId(2), noteId(3), noteId(1)]);
    expect((await listAnnotations(db, 'https://news.example/other')).map((a) => a.id)).toEqual([noteId(4)]);
    expect(await listAnnotations(db, 'https://nothing.example/')).toEqual([]);
  });

  it('breaks ties at the same start: longer span first, then older', async () => {
    await saveAnnotation(db, makeAnnotation({ id: noteId(1), start: 5, exact: 'short' }), T2);
    await saveAnnotation(db, makeAnnotation({ id: noteId(2), start: 5, exact: 'a longer passage' }), T3);
    await saveAnnotation(db, makeAnnotation({ id: noteId(3), start: 5, exact: 'short' }), T1);
    expect((await listAnnotations(db, SOURCE)).map((a) => a.id)).toEqual([noteId(2), noteId(3), noteId(1)]);
  });

  it('keeps tags and colour with each note', async () => {
    await saveAnnotation(db, makeAnnotation({ id: noteId(1), tags: ['syria', 'talks'], color: 'blue' }), T1);
    await saveAnnotation(db, makeAnnotation({ id: noteId(2), tags: ['talks'] }), T1);
    const stored = await db.annotations.bulkGet([noteId(1), noteId(2)]);
    expect(stored.map((a) => [a?.tags, a?.color])).toEqual([[['syria', 'talks'], 'blue'], [['talks'], makeAnnotation({ id: noteId(2) }).color]]);
  });
});

describe('motivationFor', () => {
  it.each([
    ['', 'highlighting'],
    [' \n ', 'highlighting'],
    ['x', 'commenting'],
  ] as const)('%j is %s', (body, motivation) => {
    expect(motivationFor(body)).toBe(motivation);
  });
});
