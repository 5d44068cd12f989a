// The library's upload, written while it arrives: the import's one transaction opens when the
// upload begins and writes each chunk of checked notes as soon as it is in, so the database works
// while the page is still sending the rest (before, it waited for the last chunk, and a 10,000-note
// import spent about a third of its time sending). It stays all or nothing: the transaction is
// kept open between chunks (Dexie.waitFor) and commits only after `finish`; `abort` (the page went
// away, a chunk was refused) or any failed write rolls back everything it wrote. Until then no
// reader sees any of it: they wait for the transaction, as they waited for the write before.

import Dexie from 'dexie';
import type { Annotation } from '../notes/annotation';
import { articleKey, mentionRowsOf, type LedeDB } from '../background/db';
import { articleRowOf } from './article-records';
import { contentKey, IMPORT_BATCH_SIZE, type CheckedNotes } from './import-annotations';
import type { ArticleRecord, ImportSummary, RejectedItem } from './types';

/** Longest wait for the page's next chunk before the import gives up (and writes nothing). */
const CHUNK_WAIT_MS = 5 * 60_000;

export class ImportAbortedError extends Error {
  override name = 'ImportAbortedError';
}

/** Articles (larger: entities and quotes) written per bulkPut. */
const ARTICLE_BATCH_SIZE = 50;

type State = { kind: 'open' } | { kind: 'finishing'; rejected: RejectedItem[] } | { kind: 'aborted'; reason: Error };

/**
 * Writes the notes `notes` collects as they are checked (call `arrived` after each chunk) and the
 * checked articles (`articlesArrived`) in one transaction, committed on `finish`. A note already
 * stored (same id, or same content key) or met earlier in the upload is skipped, as
 * importAnnotations does; an article is added where its address is not stored (a later one in the
 * upload replaces an earlier one). Progress is in notes of the announced `total` dealt with
 * (written, skipped or rejected).
 */
export class StreamedImport {
  private state: State = { kind: 'open' };
  private wake: (() => void) | null = null;
  private readonly result: Promise<ImportSummary>;
  private readonly articleChunks: ArticleRecord[][] = [];

  constructor(
    db: LedeDB,
    private readonly notes: CheckedNotes,
    private readonly total: number,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {
    this.result = this.write(db);
    // A failure is read through `failed` or `finish`; none goes unhandled meanwhile.
    this.result.catch(() => {});
  }

  /** More notes were checked: write them. */
  arrived(): void {
    this.poke();
  }

  /** Checked articles arrived: write them. */
  articlesArrived(records: readonly ArticleRecord[]): void {
    this.articleChunks.push([...records]);
    this.poke();
  }

  /** All arrived: writes the rest, commits, and says what was done; `rejected` (the articles' and the file's) go before the notes' rejections. */
  finish(rejected: RejectedItem[]): Promise<ImportSummary> {
    if (this.state.kind === 'open') this.state = { kind: 'finishing', rejected };
    this.poke();
    return this.result;
  }

  /** Rolls back whatever was written; nothing of the upload stays. */
  abort(reason: string): void {
    if (this.state.kind !== 'open') return;
    this.state = { kind: 'aborted', reason: new ImportAbortedError(reason) };
    this.poke();
  }

  /** Calls `listener` if the write fails before `finish` (a write error): the page can be told at once. */
  failed(listener: (error: unknown) => void): void {
    this.result.catch((error: unknown) => {
      if (!(error instanceof ImportAbortedError)) listener(error);
    });
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private async write(db: LedeDB): Promise<ImportSummary> {
    const { notes, total } = this;
    let added = 0;
    let skipped = 0;
    let rejected: RejectedItem[] = [];
    const articles = new ImportedArticles(db);
    await db.transaction('rw', [db.annotations, db.articles, db.mentions], async () => {
      const stored = await StoredNotes.open(db);
      // A few batches in flight at once: the database works on one while the next is handed over.
      // Requests are issued as soon as their rows are in, not one batch after another: every turn
      // of this loop waits for the worker's thread, which the next chunk's checks keep busy.
      const pending: PromiseLike<void>[] = [];
      const track = (write: PromiseLike<void>): void => {
        // Awaited below; this only keeps a write that fails after an earlier failure from being reported as unhandled.
        void Promise.resolve(write).catch(() => {});
        pending.push(write);
      };
      let next = 0;
      for (;;) {
        const state = this.state;
        if (state.kind === 'aborted') throw state.reason;
        const articleChunk = this.articleChunks.shift();
        if (articleChunk) {
          track(articles.write(articleChunk));
          continue;
        }
        if (next < notes.annotations.length) {
          const to = Math.min(next + IMPORT_BATCH_SIZE, notes.annotations.length);
          const batch = stored.empty ? stored.take(notes.annotations, notes.keys, next, to) : await stored.newAmong(notes.annotations.slice(next, to), notes.keys.slice(next, to));
          skipped += to - next - batch.length;
          next = to;
          // Written, skipped and rejected notes so far (the rejected ones come with their chunk).
          const done = Math.min(total, to + notes.rejected.length);
          if (batch.length === 0) {
            // All duplicates: no write (an empty bulkAdd settles outside the transaction's events, which may then commit under it).
            this.onProgress?.(done, total);
            continue;
          }
          track(
            db.annotations.bulkAdd(batch).then(() => {
              added += batch.length;
              this.onProgress?.(done, total);
            }),
          );
          continue;
        }
        if (state.kind === 'finishing') {
          rejected = state.rejected;
          break;
        }
        // Nothing more to write until the page's next chunk: keep the transaction open meanwhile.
        await Dexie.waitFor(new Promise<void>((resolve) => (this.wake = resolve)), CHUNK_WAIT_MS);
      }
      for (const write of pending) await write;
    });
    this.onProgress?.(total, total);
    return { added, skipped, rejected: [...rejected, ...notes.rejected], articlesAdded: articles.added };
  }
}

/**
 * The duplicate check of a streamed import: ids and content keys of stored notes, looked up a batch
 * at a time (nothing to look up in an empty library), and of the notes taken so far.
 */
class StoredNotes {
  private readonly ids = new Set<string>();
  private readonly keys = new Set<string>();
  /** Pages with stored notes whose content keys are not read yet. */
  private readonly unreadSources: Set<string>;

  private constructor(
    private readonly db: LedeDB,
    /** Nothing stored: only repeats within the upload are skipped, with nothing to look up. */
    readonly empty: boolean,
    storedSources: string[],
  ) {
    this.unreadSources = new Set(storedSources);
  }

  static open(db: LedeDB): PromiseLike<StoredNotes> {
    return db.annotations.count().then((count) =>
      count === 0
        ? new StoredNotes(db, true, [])
        : // The distinct stored pages come from the index alone (one step per page, not per note).
          db.annotations.orderBy('target.source').uniqueKeys().then((sources) => new StoredNotes(db, false, sources as string[])),
    );
  }

  /**
   * The notes of this batch to write: not stored, not taken earlier in the upload; each is taken.
   * Dexie's promises throughout: a native async step between two requests can let the transaction
   * commit under the import.
   */
  newAmong(annotations: readonly Annotation[], keys: readonly string[]): PromiseLike<Annotation[]> {
    return this.lookUp(annotations).then(() => this.take(annotations, keys, 0, annotations.length));
  }

  /** The notes from..to not taken yet (stored ones must have been looked up); each is taken. */
  take(annotations: readonly Annotation[], keys: readonly string[], from: number, to: number): Annotation[] {
    const fresh: Annotation[] = [];
    for (let i = from; i < to; i += 1) {
      const annotation = annotations[i]!;
      const key = keys[i]!;
      if (this.ids.has(annotation.id) || this.keys.has(key)) continue;
      this.ids.add(annotation.id);
      this.keys.add(key);
      fresh.push(annotation);
    }
    return fresh;
  }

  /** Stored ids among the batch, and the content keys of stored notes on its pages (each page read once, before anything of the upload is written to it). */
  private lookUp(annotations: readonly Annotation[]): PromiseLike<void> {
    return this.db.annotations.bulkGet(annotations.map((a) => a.id)).then((rows) => {
      for (const row of rows) if (row) this.ids.add(row.id);
      const sources = [...new Set(annotations.map((a) => a.target.source))].filter((source) => this.unreadSources.has(source));
      for (const source of sources) this.unreadSources.delete(source);
      // One equals() range per page: anyOf() over hundreds of pages is far slower in some IndexedDBs.
      return Dexie.Promise.all(sources.map((source) => this.db.annotations.where('target.source').equals(source).toArray())).then((bySource) => {
        for (const stored of bySource) for (const row of stored) this.keys.add(contentKey(row));
      });
    });
  }
}

/** The articles of a streamed import: each address looked up once; added where not stored. */
class ImportedArticles {
  /** Addresses met so far in the upload (stored before, or added by it). */
  private readonly met = new Set<string>();
  /** Addresses this upload added. */
  private readonly addedKeys = new Set<string>();

  /** The chunk written last (each waits for the one before). */
  private last: PromiseLike<void> = Dexie.Promise.resolve();

  constructor(private readonly db: LedeDB) {}

  get added(): number {
    return this.addedKeys.size;
  }

  /** Writes one chunk, after the chunks before it (an address may come again); Dexie's promises throughout (see StoredNotes.newAmong). */
  write(records: readonly ArticleRecord[]): PromiseLike<void> {
    this.last = this.last.then(() => this.writeNow(records));
    return this.last;
  }

  private writeNow(records: readonly ArticleRecord[]): PromiseLike<void> {
    const { db } = this;
    // The last one wins, as for a whole file.
    const rows = new Map(records.map((article) => [articleKey(article.url), article] as const));
    const replaced = [...rows.keys()].filter((key) => this.addedKeys.has(key));
    const fresh = [...rows.keys()].filter((key) => !this.met.has(key));
    return db.articles.bulkGet(fresh).then((stored) => {
      for (const key of fresh) this.met.add(key);
      const missing = fresh.filter((_, i) => stored[i] === undefined);
      for (const key of missing) this.addedKeys.add(key);
      const keys = [...replaced, ...missing];
      // A replaced article's mentions go with it (its entities may differ); the rest are issued at once.
      const writes: PromiseLike<unknown>[] = replaced.length > 0 ? [db.mentions.where('url').anyOf(replaced).delete()] : [];
      for (let from = 0; from < keys.length; from += ARTICLE_BATCH_SIZE) {
        const batch = keys.slice(from, from + ARTICLE_BATCH_SIZE).map((key) => ({ ...articleRowOf(rows.get(key)!), url: key }));
        writes.push(db.articles.bulkPut(batch), db.mentions.bulkPut(batch.flatMap(mentionRowsOf)));
      }
      return Dexie.Promise.all(writes).then(() => undefined);
    });
  }
}
