// The import on random, mutated, truncated and wrong files (Lede JSON-LD, Hypothesis JSON, CSV, zip
// bytes, garbage): parseImport returns valid notes or throws a clear ImportError, and an import that
// fails, whether refused up front or aborted inside its transaction, leaves the real Dexie database
// (lib/background/db.ts on fake-indexeddb) byte-identical. Shared targets: testing/arbitraries/fuzz-targets.ts.

import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '@/lib/notes/annotation';
import { createLedeDB, type LedeDB } from '@/lib/background/db';
import { exportJsonLd, importAnnotations, IMPORT_BATCH_SIZE, parseImport } from '@/lib/exchange';
import { assertTarget, databaseSnapshot, FUZZ_TARGETS } from '../../testing/arbitraries/fuzz-targets';
import { makeAnnotation, noteId } from '../../testing/fixtures/annotation-fixtures';

/** Not a time budget (those live in `npm run fuzz`): room for a few hundred cases on a busy 2-core machine. */
const LOADED_MACHINE_TIMEOUT = 60_000;

const target = (name: string) => FUZZ_TARGETS.find((t) => t.name === name)!;

describe('import of random and damaged files', { timeout: LOADED_MACHINE_TIMEOUT }, () => {
  it('any file parses to valid notes or a clear ImportError (300 cases)', async () => {
    await assertTarget(target('import: any file parses to valid notes or a clear ImportError'), { seed: 8_201, numRuns: 300 });
  });

  it('a failed import leaves the database byte-identical (60 cases)', async () => {
    await assertTarget(target('import: a failed import leaves the database byte-identical'), { seed: 8_202, numRuns: 60 });
  });

  it('an import aborted mid-transaction writes nothing (10 cases)', async () => {
    await assertTarget(target('import: an import aborted mid-transaction writes nothing'), { seed: 8_203, numRuns: 10 });
  });
});

describe('an import of several batches that fails part-way', { timeout: LOADED_MACHINE_TIMEOUT }, () => {
  let db: LedeDB;
  let dbCount = 0;

  beforeEach(async () => {
    dbCount += 1;
    db = createLedeDB(`lede-fuzz-import-test-${dbCount}`);
    await db.annotations.add(makeAnnotation({ id: noteId(999_999), body: 'stored before' }));
  });

  afterEach(async () => {
    await db.delete();
  });

  const file = exportJsonLd(
    Array.from({ length: IMPORT_BATCH_SIZE * 2 + 100 }, (_, i): Annotation => makeAnnotation({ id: noteId(i + 1), start: i * 100, body: `Note ${i}` })),
  );

  it.each([1, 2])('writes nothing when it fails after batch %i', async (batches) => {
    const before = await databaseSnapshot(db);
    const calls: number[] = [];
    const stop = new Error('stopped');
    await expect(
      importAnnotations(db, parseImport(file), (done) => {
        calls.push(done);
        if (calls.length === batches) throw stop;
      }),
    ).rejects.toBe(stop);
    expect(calls).toEqual([IMPORT_BATCH_SIZE, IMPORT_BATCH_SIZE * 2].slice(0, batches));
    expect(await databaseSnapshot(db)).toBe(before);
  });

  it('adds every note when nothing fails', async () => {
    const summary = await importAnnotations(db, parseImport(file));
    expect(summary.added).toBe(IMPORT_BATCH_SIZE * 2 + 100);
    expect(await db.annotations.count()).toBe(IMPORT_BATCH_SIZE * 2 + 101);
  });
});
