// `npm run bench:sync`: sync's first upload and a small change, against a server on 127.0.0.1.
// The library: 10,000 notes and 5,000 analysed articles (testing/fixtures/library-corpus.ts), in
// Lede's database (fake-indexeddb in Node, slower than a browser's IndexedDB) with sync just
// turned on. The server is a minimal HTTP file store with ETags and conditional writes (the
// real WebDAV and remoteStorage clients have their own tests); what it measures is the engine:
// encryption, batching into shard files, and the requests made.
// Budgets: the first upload under 60 s; 10 changes in at most 50 requests. Reports, exits 0.
import 'fake-indexeddb/auto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLedeDB } from '../lib/background/db';
import { DexieLocalStore, startSyncTracking, type SettingsArea } from '../lib/background/sync-local';
import { updateAnnotation } from '../lib/background/annotation-store';
import { openLibrary, syncRound } from '../lib/sync/engine';
import { RemoteStoreError, type RemoteEntry, type RemoteStore } from '../lib/sync/remote-store';
import { libraryCorpus } from '../testing/fixtures/library-corpus';

const UPLOAD_BUDGET_MS = 60_000;
const CHANGE_REQUEST_BUDGET = 50;

/** A folder of files over HTTP: GET / lists, GET/PUT/DELETE /name with If-Match and If-None-Match. */
async function startServer(): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  const files = new Map<string, { body: Buffer; etag: string }>();
  let next = 1;
  let count = 0;
  const read = (req: IncomingMessage): Promise<Buffer> => new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
  const server = createServer(async (req, res) => {
    count += 1;
    const name = decodeURIComponent((req.url ?? '/').slice(1));
    const current = files.get(name);
    if (req.method === 'GET' && name === '') {
      res.end(JSON.stringify([...files].map(([file, { etag }]) => ({ name: file, etag }))));
    } else if (req.method === 'GET') {
      if (!current) return void res.writeHead(404).end();
      res.writeHead(200, { etag: current.etag }).end(current.body);
    } else if (req.method === 'PUT' || req.method === 'DELETE') {
      const body = await read(req);
      const ifMatch = req.headers['if-match'];
      const stale = req.headers['if-none-match'] === '*' ? current !== undefined : current?.etag !== ifMatch;
      if (stale) return void res.writeHead(412).end();
      if (req.method === 'DELETE') {
        files.delete(name);
        return void res.writeHead(204).end();
      }
      const etag = `"${next++}"`;
      files.set(name, { body, etag });
      res.writeHead(201, { etag }).end();
    } else {
      res.writeHead(405).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, requests: () => count, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function httpStore(base: string): RemoteStore {
  const fail = (status: number): RemoteStoreError =>
    new RemoteStoreError(status === 412 ? { kind: 'precondition', message: 'stale' } : { kind: 'server', status, message: `HTTP ${status}` });
  return {
    async list(): Promise<RemoteEntry[]> {
      return (await fetch(base)).json() as Promise<RemoteEntry[]>;
    },
    async get(name) {
      const res = await fetch(base + encodeURIComponent(name));
      if (res.status === 404) return null;
      if (!res.ok) throw fail(res.status);
      return { body: new Uint8Array(await res.arrayBuffer()), etag: res.headers.get('etag')! };
    },
    async put(name, body, ifMatch) {
      const headers: Record<string, string> = ifMatch === null ? { 'if-none-match': '*' } : { 'if-match': ifMatch };
      const res = await fetch(base + encodeURIComponent(name), { method: 'PUT', body: body as BodyInit, headers });
      if (!res.ok) throw fail(res.status);
      return res.headers.get('etag')!;
    },
    async remove(name, ifMatch) {
      const res = await fetch(base + encodeURIComponent(name), { method: 'DELETE', headers: { 'if-match': ifMatch } });
      if (!res.ok) throw fail(res.status);
    },
  };
}

function emptySettings(): SettingsArea {
  return { get: async () => ({}), set: async () => undefined, remove: async () => undefined, getAll: async () => ({}) };
}

async function main(): Promise<void> {
  const corpus = libraryCorpus({ notes: 10_000, articles: 5_000 });
  const db = createLedeDB('lede-bench-sync');
  await db.delete();
  await db.open();
  await db.annotations.bulkAdd(corpus.annotations);
  await db.articles.bulkAdd(corpus.articles);
  await startSyncTracking(db);
  const server = await startServer();
  const remote = httpStore(server.url);
  const local = new DexieLocalStore(db, emptySettings());

  let started = performance.now();
  const keys = await openLibrary(remote, 'a long bench passphrase');
  const kdfMs = performance.now() - started;

  started = performance.now();
  const first = await syncRound({ remote, local, keys });
  const uploadMs = performance.now() - started;
  const uploadRequests = server.requests();

  for (const note of corpus.annotations.slice(0, 10)) await updateAnnotation(db, note.id, { body: `${note.body} (edited)` }, Date.now());
  const before = server.requests();
  started = performance.now();
  const change = await syncRound({ remote, local, keys });
  const changeMs = performance.now() - started;
  const changeRequests = server.requests() - before;

  const verdict = (ok: boolean): string => (ok ? 'PASS' : 'OVER');
  console.log(`sync: ${corpus.annotations.length} notes, ${corpus.articles.length} articles`);
  console.log(`  key derivation (PBKDF2, 600,000 iterations): ${kdfMs.toFixed(0)} ms`);
  console.log(`  first upload: ${(uploadMs / 1000).toFixed(1)} s, ${first.pushed} files, ${uploadRequests} requests (incl. key file) — budget ${UPLOAD_BUDGET_MS / 1000} s: ${verdict(uploadMs <= UPLOAD_BUDGET_MS)}`);
  console.log(`  10 changed notes: ${changeRequests} requests, ${change.pushed} files, ${changeMs.toFixed(0)} ms — budget ${CHANGE_REQUEST_BUDGET} requests: ${verdict(changeRequests <= CHANGE_REQUEST_BUDGET)}`);
  await server.close();
  await db.delete();
}

await main();
