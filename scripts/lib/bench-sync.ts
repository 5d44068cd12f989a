// Sync against the real servers (testing/servers/): Debian's Apache httpd with mod_dav (WebDAV)
// and armadietto (remoteStorage), each on 127.0.0.1, through Lede's own clients
// (lib/sync/remote/open-store.ts). A library of 10,000 notes and 5,000 analysed articles in Lede's
// database (fake-indexeddb in Node, slower than a browser's IndexedDB), sync just turned on.
// Measures: the first upload (budget 60 s), a round after one note changed (budget 1 s: the time
// from the end of the debounce to the server's confirmation), the requests for 10 changed notes
// (budget 50), and the round after that (WebDAV servers that don't send an ETag on PUT, as Apache
// doesn't, cost one GET per file written in the next round).
import 'fake-indexeddb/auto';
import { createLedeDB } from '../../lib/background/db';
import { DexieLocalStore, startSyncTracking, type SettingsArea } from '../../lib/background/sync-local';
import { updateAnnotation } from '../../lib/background/annotation-store';
import { openLibrary, syncRound } from '../../lib/sync/engine';
import { openRemoteStore } from '../../lib/sync/remote/open-store';
import type { FetchLike } from '../../lib/sync/remote/http';
import { libraryCorpus, type LibraryCorpus } from '../../testing/fixtures/library-corpus';
import { startSyncServer, type ServerKind } from '../../testing/servers/sync-servers';

/** The servers measured: Apache with FileETag Digest (recommended) and with its default ETags, and armadietto. */
export type BenchServer = 'webdav' | 'webdav-default-etags' | 'remotestorage';

export const UPLOAD_BUDGET_MS = 60_000;
export const ONE_CHANGE_BUDGET_MS = 1_000;
export const CHANGE_REQUEST_BUDGET = 50;

export interface SyncServerBench {
  server: BenchServer;
  kdfMs: number;
  upload: { ms: number; files: number; requests: number };
  oneChange: { ms: number; requests: number };
  tenChanges: { ms: number; files: number; requests: number };
  nextRound: { ms: number; requests: number };
  /** A round with nothing to do: the listing alone. */
  idle: { ms: number; requests: number };
}

function emptySettings(): SettingsArea {
  return { get: async () => ({}), set: async () => undefined, remove: async () => undefined, getAll: async () => ({}) };
}

export async function runSyncServerBench(which: BenchServer, corpus: LibraryCorpus = libraryCorpus({ notes: 10_000, articles: 5_000 })): Promise<SyncServerBench> {
  const kind: ServerKind = which === 'remotestorage' ? 'remotestorage' : 'webdav';
  const server = await startSyncServer(kind, { etags: which === 'webdav-default-etags' ? 'default' : 'digest' });
  const db = createLedeDB(`lede-bench-sync-${which}`);
  try {
    await db.delete();
    await db.open();
    await db.annotations.bulkAdd(corpus.annotations);
    await db.articles.bulkAdd(corpus.articles);
    await startSyncTracking(db);
    let requests = 0;
    const counting: FetchLike = (input, init) => {
      requests += 1;
      return fetch(input, init);
    };
    const remote = openRemoteStore(await server.newPlace(), { fetch: counting });
    const local = new DexieLocalStore(db, emptySettings());
    const timed = async <T>(work: () => Promise<T>): Promise<{ ms: number; requests: number; result: T }> => {
      const before = requests;
      const started = performance.now();
      const result = await work();
      return { ms: performance.now() - started, requests: requests - before, result };
    };

    const kdf = await timed(() => openLibrary(remote, 'a long bench passphrase'));
    const keys = kdf.result;
    const round = (): Promise<Awaited<ReturnType<typeof syncRound>>> => syncRound({ remote, local, keys });
    const upload = await timed(round);
    // Settle: the round after the upload (servers that keep ETags to themselves are read once here).
    await round();

    const first = corpus.annotations[0]!;
    await updateAnnotation(db, first.id, { body: `${first.body} (edited once)` }, Date.now());
    const one = await timed(round);
    await round();

    for (const note of corpus.annotations.slice(1, 11)) await updateAnnotation(db, note.id, { body: `${note.body} (edited)` }, Date.now());
    const ten = await timed(round);
    const next = await timed(round);
    const idle = await timed(round);
    return {
      server: which,
      kdfMs: kdf.ms,
      upload: { ms: upload.ms, files: upload.result.pushed, requests: upload.requests },
      oneChange: { ms: one.ms, requests: one.requests },
      tenChanges: { ms: ten.ms, files: ten.result.pushed, requests: ten.requests },
      nextRound: { ms: next.ms, requests: next.requests },
      idle: { ms: idle.ms, requests: idle.requests },
    };
  } finally {
    db.close();
    await db.delete();
    await server.close();
  }
}

export function printSyncServerBench(bench: SyncServerBench): boolean {
  const verdict = (ok: boolean): string => (ok ? 'PASS' : 'OVER');
  const uploadOk = bench.upload.ms <= UPLOAD_BUDGET_MS;
  const oneOk = bench.oneChange.ms <= ONE_CHANGE_BUDGET_MS;
  const tenOk = bench.tenChanges.requests <= CHANGE_REQUEST_BUDGET;
  const names: Record<BenchServer, string> = {
    webdav: 'WebDAV (Apache mod_dav, FileETag Digest)',
    'webdav-default-etags': "WebDAV (Apache mod_dav, Apache's default ETags)",
    remotestorage: 'remoteStorage (armadietto)',
  };
  console.log(`  ${names[bench.server]}:`);
  console.log(`    key derivation (PBKDF2, 600,000 iterations): ${bench.kdfMs.toFixed(0)} ms`);
  console.log(`    first upload: ${(bench.upload.ms / 1000).toFixed(1)} s, ${bench.upload.files} files, ${bench.upload.requests} requests — budget ${UPLOAD_BUDGET_MS / 1000} s: ${verdict(uploadOk)}`);
  console.log(`    one changed note: ${bench.oneChange.ms.toFixed(0)} ms, ${bench.oneChange.requests} requests — budget ${ONE_CHANGE_BUDGET_MS} ms: ${verdict(oneOk)}`);
  console.log(`    10 changed notes: ${bench.tenChanges.requests} requests, ${bench.tenChanges.files} files, ${bench.tenChanges.ms.toFixed(0)} ms — budget ${CHANGE_REQUEST_BUDGET} requests: ${verdict(tenOk)}`);
  console.log(`    the round after: ${bench.nextRound.requests} requests, ${bench.nextRound.ms.toFixed(0)} ms`);
  console.log(`    a round with nothing to do: ${bench.idle.requests} requests, ${bench.idle.ms.toFixed(0)} ms`);
  return uploadOk && oneOk && tenOk;
}
