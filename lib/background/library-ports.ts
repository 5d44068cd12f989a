// The background's end of the library's ports (lib/protocol/library-ports.ts): it streams the
// whole library to the page a chunk at a time from one read transaction, and takes an import's
// notes in chunks, checking and writing each chunk as it arrives, in one transaction that commits
// only once all have arrived (all or nothing), reporting progress as it goes. Only Lede's extension pages may open these ports. No extension
// APIs: the entrypoint passes its ports in.

import { parseArticleRecordsSteps } from '../exchange/article-records';
import { CheckedNotes } from '../exchange/import-annotations';
import { StreamedImport } from '../exchange/streamed-import';
import { runSteps } from '../exchange/steps';
import type { ImportFormat, RejectedItem } from '../exchange/types';
import { senderContextOf, type LedeIdentity, type MessageSenderInfo } from '../protocol/messages';
import {
  CHUNK_MAX_CHARS,
  CHUNK_MAX_ITEMS,
  isLibraryPortName,
  jsonChunksOf,
  LIBRARY_LOAD_PORT,
  parseImportUpload,
  parseLoadStart,
  type ImportReply,
  type LoadWireMessage,
} from '../protocol/library-ports';
import { isRecord } from '../shared/is-record';
import type { ChangeNotices } from './change-notifier';
import type { LedeDB } from './db';

/** The fields of runtime.Port the background uses. */
export interface LibraryPort {
  readonly name: string;
  readonly sender?: MessageSenderInfo;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface LibraryPortDeps {
  db: LedeDB;
  self: LedeIdentity;
  /** Told what an import wrote; absent, nobody is told. */
  notices?: ChangeNotices;
}

/** Takes a newly connected port if it is one of the library's; false for any other port. */
export function acceptLibraryPort(port: LibraryPort, deps: LibraryPortDeps): boolean {
  if (!isLibraryPortName(port.name)) return false;
  if (senderContextOf(port.sender, deps.self) !== 'extension-page') {
    console.warn(`Lede refused a ${port.name} connection that did not come from its own pages`);
    port.disconnect();
    return true;
  }
  if (port.name === LIBRARY_LOAD_PORT) serveLoad(port, deps.db);
  else serveImport(port, deps);
  return true;
}

function serveLoad(port: LibraryPort, db: LedeDB): void {
  const post = (message: LoadWireMessage): void => port.postMessage(message);
  let started = false;
  port.onMessage.addListener((raw) => {
    if (started) return;
    started = true;
    try {
      parseLoadStart(raw);
    } catch (error) {
      post({ type: 'failed', message: messageOf(error) });
      return;
    }
    streamLibrary(db, post).catch((error: unknown) => {
      // A page closed mid-load cannot be told; anyone else hears why.
      try {
        post({ type: 'failed', message: messageOf(error) });
      } catch {
        // The port is gone.
      }
    });
  });
}

/** Notes read per step, in id order: each page is chunked and posted before the next is read. */
const READ_PAGE = 2_000;

/**
 * Items and characters per loaded chunk: the page takes each message in one task it cannot cut
 * (the browser decodes it, then JSON.parse), so a quarter of the protocol's limits (a 1,000-note
 * chunk, about 1 MB, held the page for 380 ms on a loaded machine while it restored a backup).
 */
const LOAD_CHUNK_ITEMS = CHUNK_MAX_ITEMS / 4;
const LOAD_CHUNK_CHARS = CHUNK_MAX_CHARS / 8;

/** Every note and article, as one consistent read: posting is synchronous, so it fits inside the transaction. */
export async function streamLibrary(db: LedeDB, post: (message: LoadWireMessage) => void): Promise<void> {
  await db.transaction('r', db.annotations, db.articles, async () => {
    const [notes, articles] = await Promise.all([db.annotations.count(), db.articles.count()]);
    post({ type: 'started', notes, articles });
    let page = await db.annotations.orderBy(':id').limit(READ_PAGE).toArray();
    for (;;) {
      for (const json of jsonChunksOf(page, LOAD_CHUNK_ITEMS, LOAD_CHUNK_CHARS)) post({ type: 'notes', json });
      if (page.length < READ_PAGE) break;
      page = await db.annotations.where(':id').above(page.at(-1)!.id).limit(READ_PAGE).toArray();
    }
    for (const json of jsonChunksOf(await db.articles.toArray(), LOAD_CHUNK_ITEMS, LOAD_CHUNK_CHARS)) post({ type: 'articles', json });
  });
  post({ type: 'loaded' });
}

interface Upload {
  format: ImportFormat;
  notes: number;
  articles: number;
  /** Checked as they arrive, while the page is still sending the rest. */
  received: CheckedNotes;
  /** Writes the checked notes meanwhile; commits on `commit`, rolls back otherwise. */
  writer: StreamedImport;
  /** The pages the uploaded notes are on (the invalid ones' too: telling a page too much costs a reload). */
  sources: Set<string>;
  rejected: RejectedItem[];
  articlesSeen: number;
}

function serveImport(port: LibraryPort, deps: LibraryPortDeps): void {
  const reply = (message: ImportReply): void => {
    try {
      port.postMessage(message);
    } catch {
      // The page went away; what was written stays written.
    }
  };
  let upload: Upload | null = null;
  let done = false;
  /** Failed or gone: a write still settling reports no progress. */
  let abandoned = false;
  // The page hears why and closes the port; anything it still sends is ignored.
  const fail = (message: string): void => {
    done = true;
    abandoned = true;
    upload?.writer.abort(message);
    upload = null;
    reply({ type: 'failed', message });
  };
  port.onDisconnect.addListener(() => {
    // Not committed: what was written is rolled back, and nothing more will be.
    upload?.writer.abort('the page went away');
    upload = null;
    done = true;
    abandoned = true;
  });
  port.onMessage.addListener((raw) => {
    if (done) return;
    let message;
    try {
      message = parseImportUpload(raw);
    } catch (error) {
      fail(messageOf(error));
      return;
    }
    switch (message.type) {
      case 'begin': {
        if (upload) return fail('the import began twice');
        const received = new CheckedNotes();
        const writer = new StreamedImport(deps.db, received, message.notes, (written, total) => abandoned || reply({ type: 'progress', done: written, total }));
        upload = { format: message.format, notes: message.notes, articles: message.articles, received, writer, sources: new Set(), rejected: [], articlesSeen: 0 };
        // A write that fails before the commit: the page hears why at once.
        writer.failed((error) => {
          if (!done) fail(messageOf(error));
        });
        return;
      }
      case 'notes':
        if (!upload || upload.received.count + message.annotations.length > upload.notes) return fail('more notes arrived than announced');
        try {
          upload.received.add(message.annotations);
        } catch (error) {
          return fail(messageOf(error));
        }
        addSources(upload.sources, message.annotations);
        upload.writer.arrived();
        return;
      case 'articles': {
        if (!upload || upload.articlesSeen + message.articles.length > upload.articles) return fail('more articles arrived than announced');
        // Checked here: the import trusts its article records (the notes it checks itself).
        const checked = runSteps(parseArticleRecordsSteps(message.articles));
        upload.writer.articlesArrived(checked.articles);
        for (const item of checked.rejected) upload.rejected.push({ ...item, index: item.index + upload.articlesSeen });
        upload.articlesSeen += message.articles.length;
        return;
      }
      case 'commit': {
        const ready = upload;
        if (!ready || ready.received.count !== ready.notes || ready.articlesSeen !== ready.articles) {
          return fail('the file’s notes did not all arrive');
        }
        done = true;
        upload = null;
        void commit(ready, deps, reply);
        return;
      }
    }
  });
}

async function commit(upload: Upload, deps: LibraryPortDeps, reply: (message: ImportReply) => void): Promise<void> {
  try {
    // Every note was checked again here as it arrived (the page's checks are not trusted), and written meanwhile.
    const summary = await upload.writer.finish(upload.rejected);
    reply({ type: 'imported', summary });
    if (summary.added > 0) await deps.notices?.notesChanged(upload.sources);
    if (summary.articlesAdded > 0) await deps.notices?.historyChanged();
  } catch (error) {
    reply({ type: 'failed', message: messageOf(error) });
  }
}

/** Adds the pages these uploaded notes are on, the invalid ones' too. */
function addSources(sources: Set<string>, items: readonly unknown[]): void {
  for (const item of items) {
    const target = isRecord(item) ? item.target : undefined;
    if (isRecord(target) && typeof target.source === 'string') sources.add(target.source);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
