// How the library page reaches Lede's data: only through the background, which owns the
// database. Loading and importing run over a port each (lib/protocol/library-ports.ts), in chunks
// with progress; deleting and restoring are messages; the background's change notices
// (notesChanged, historyChanged) tell the page to read again.

import type { Annotation } from '@/lib/notes/annotation';
import type { ArticleRow } from '@/lib/background/db';
import type { ImportSummary, ParsedImport } from '@/lib/exchange/types';
import {
  chunksOf,
  CHUNK_MAX_CHARS,
  CHUNK_MAX_ITEMS,
  LIBRARY_IMPORT_PORT,
  LIBRARY_LOAD_PORT,
  parseImportReply,
  parseLoadMessage,
  type ImportWireUpload,
  type LibraryPortName,
} from '@/lib/protocol/library-ports';
import { MESSAGE_LIMITS, sendRequest, type Transport } from '@/lib/protocol/messages';
import { Slicer } from '@/lib/exchange/steps';

/** The page's end of a runtime.Port. */
export interface PagePort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** What the library needs of the extension runtime; tests wire it to the background's code in-process. */
export interface LibraryRuntime {
  connect(name: LibraryPortName): PagePort;
  /** To the background. */
  send: Transport;
  /** Calls `onChange` whenever the background says notes or the reading history changed; returns how to stop. */
  listen(onChange: () => void): () => void;
}

export interface LoadedLibrary {
  annotations: Annotation[];
  articles: ArticleRow[];
}

/** Every note and article, read by the background and sent in chunks; `onProgress` counts the notes received. */
export function loadLibrary(runtime: LibraryRuntime, onProgress?: (done: number, total: number) => void): Promise<LoadedLibrary> {
  return new Promise((resolve, reject) => {
    const port = runtime.connect(LIBRARY_LOAD_PORT);
    const annotations: Annotation[] = [];
    const articles: ArticleRow[] = [];
    let total = 0;
    let settled = false;
    const finish = (error: Error | null): void => {
      if (settled) return;
      settled = true;
      port.disconnect();
      if (error) reject(error);
      else resolve({ annotations, articles });
    };
    port.onDisconnect.addListener(() => finish(new Error('Lede’s background stopped answering')));
    port.onMessage.addListener((raw) => {
      try {
        const message = parseLoadMessage(raw);
        switch (message.type) {
          case 'started':
            total = message.notes;
            onProgress?.(0, total);
            return;
          case 'notes':
            for (const note of message.annotations) annotations.push(note);
            onProgress?.(annotations.length, total);
            return;
          case 'articles':
            for (const row of message.articles) articles.push(row);
            return;
          case 'loaded':
            return finish(null);
          case 'failed':
            return finish(new Error(message.message));
        }
      } catch (error) {
        finish(error instanceof Error ? error : new Error(String(error)));
      }
    });
    try {
      port.postMessage({ type: 'load' });
    } catch (error) {
      finish(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/**
 * Items and characters per uploaded chunk: writing and posting one is a task of the page that
 * cannot be cut, so it is a quarter of the protocol's limits (a 1,000-note chunk took 100 ms on a
 * busy machine); the background starts writing each as soon as it arrives, so smaller chunks also
 * start it sooner.
 */
const UPLOAD_CHUNK_ITEMS = CHUNK_MAX_ITEMS / 4;
const UPLOAD_CHUNK_CHARS = CHUNK_MAX_CHARS / 8;

/**
 * Hands a checked import to the background in chunks; it writes them as they arrive and keeps
 * everything or nothing (it commits once all arrived), and reports its progress
 * (`onProgress(done, total)` in notes written). The summary's
 * rejections are the file's (found while reading it here) followed by any the background found.
 * Writing and posting the chunks hands the thread back between slices (`slicer`): a 100,000-note
 * file is over 100 MB of JSON, seconds of work.
 */
export function uploadImport(
  runtime: LibraryRuntime,
  parsed: ParsedImport,
  onProgress?: (done: number, total: number) => void,
  slicer: Slicer = new Slicer(),
): Promise<ImportSummary> {
  const begin: ImportWireUpload = { type: 'begin', format: parsed.format, notes: parsed.annotations.length, articles: parsed.articles.length };
  // Articles first: the background writes each chunk as it arrives, so theirs (with their
  // mentions) are written while the notes are still being sent, not after the last note. Copies
  // (of the references only): the parsed file's own lists are frozen, and these are emptied as
  // they are sent.
  const lists: UploadLists = { pending: [['articles', [...parsed.articles]], ['notes', [...parsed.annotations]]] };
  return sendUpload(runtime, begin, lists, parsed.rejected, onProgress, slicer);
}

/** The lists still to send; handed over when sending starts (see sendUpload). */
interface UploadLists {
  pending: (readonly ['articles' | 'notes', unknown[]])[] | null;
}

/**
 * `items` as JSON arrays of at most UPLOAD_CHUNK_ITEMS items and UPLOAD_CHUNK_CHARS characters (an
 * item larger than that travels alone), each written by one JSON.stringify; every item is cleared
 * from `items` once it is in a chunk, so what is sent can be freed while the rest is. The next
 * chunk's count follows the last one's size per item.
 */
export function* uploadChunks(items: unknown[]): Generator<string, void, void> {
  let count = UPLOAD_CHUNK_ITEMS;
  for (let from = 0; from < items.length; ) {
    let to = Math.min(from + count, items.length);
    let json = JSON.stringify(items.slice(from, to));
    while (json.length > UPLOAD_CHUNK_CHARS && to - from > 1) {
      to = from + Math.ceil((to - from) / 2);
      json = JSON.stringify(items.slice(from, to));
    }
    const charsPerItem = json.length / (to - from);
    count = Math.max(1, Math.min(UPLOAD_CHUNK_ITEMS, Math.floor((UPLOAD_CHUNK_CHARS * 0.9) / charsPerItem)));
    items.fill(undefined, from, to);
    from = to;
    yield json;
  }
}

/**
 * uploadImport's work. It never holds the ParsedImport itself, and the lists only while posting
 * them: the background takes many times longer to write a large import than the page to post it,
 * and meanwhile the page need not keep its copy of every note (100,000 notes: over 150 MB that
 * the garbage collector would otherwise free in one long pause once the import is done).
 */
function sendUpload(
  runtime: LibraryRuntime,
  begin: ImportWireUpload,
  lists: UploadLists,
  fileRejected: ImportSummary['rejected'],
  onProgress: ((done: number, total: number) => void) | undefined,
  slicer: Slicer,
): Promise<ImportSummary> {
  return new Promise((resolve, reject) => {
    const port = runtime.connect(LIBRARY_IMPORT_PORT);
    let settled = false;
    const finish = (result: ImportSummary | Error): void => {
      if (settled) return;
      settled = true;
      port.disconnect();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    port.onDisconnect.addListener(() => finish(new Error('Nothing was imported: Lede’s background stopped answering')));
    port.onMessage.addListener((raw) => {
      try {
        const reply = parseImportReply(raw);
        if (reply.type === 'progress') onProgress?.(reply.done, reply.total);
        else if (reply.type === 'failed') finish(new Error(reply.message));
        else finish({ ...reply.summary, rejected: [...fileRejected, ...reply.summary.rejected] });
      } catch (error) {
        finish(error instanceof Error ? error : new Error(String(error)));
      }
    });
    const post = (message: ImportWireUpload): void => port.postMessage(message);
    const send = async (): Promise<void> => {
      const pending = lists.pending ?? [];
      lists.pending = null;
      post(begin);
      for (const [type, items] of pending) {
        for (const json of uploadChunks(items)) {
          // The background answered (a failure) or went away: nothing more to send.
          if (settled) return;
          post({ type, json });
          await slicer.maybeYield();
        }
      }
      if (!settled) post({ type: 'commit' });
    };
    send().catch((error: unknown) => finish(error instanceof Error ? error : new Error(String(error))));
  });
}

/**
 * Deletes these notes through the background and hands them back (for undo). Up to
 * MESSAGE_LIMITS.bulkNotes go in one message, each message all or nothing.
 */
export async function deleteNotes(runtime: LibraryRuntime, ids: readonly string[]): Promise<Annotation[]> {
  const deleted: Annotation[] = [];
  for (let from = 0; from < ids.length; from += MESSAGE_LIMITS.bulkNotes) {
    const answer = await sendRequest(runtime.send, { type: 'deleteAnnotations', ids: ids.slice(from, from + MESSAGE_LIMITS.bulkNotes) });
    for (const note of answer.deleted) deleted.push(note);
  }
  return deleted;
}

/** Puts deleted notes back exactly as they were (undo), in chunks sized as for an import. */
export async function restoreNotes(runtime: LibraryRuntime, notes: readonly Annotation[]): Promise<void> {
  for (const chunk of chunksOf(notes, Math.min(CHUNK_MAX_ITEMS, MESSAGE_LIMITS.bulkNotes))) {
    await sendRequest(runtime.send, { type: 'restoreAnnotations', annotations: chunk });
  }
}
