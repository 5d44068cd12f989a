// A RemoteStore held in memory that behaves like a server with conditional writes: every write
// gets a fresh ETag, a put with a stale If-Match (or to an existing file with If-None-Match: *)
// or a remove with a stale If-Match fails with 412, and bodies are copied in and out so a caller
// can't change what the "server" holds. Several MemoryRemoteStore views can share one folder
// (two devices on one server). Tests can make the next requests fail like a dead server.

import { RemoteStoreError, type RemoteEntry, type RemoteStore } from '../../lib/sync/remote-store';

interface StoredFile { body: Uint8Array; etag: string }

/** The server side: one folder of files, shared by every device's view of it. */
export class MemoryFolder {
  readonly files = new Map<string, StoredFile>();
  private nextTag = 1;
  /** Every request any view made, in order, for counting round trips. */
  readonly requests: { method: 'list' | 'get' | 'put' | 'remove'; name?: string }[] = [];

  freshEtag(): string {
    return `"m${this.nextTag++}"`;
  }
}

export type RequestMethod = 'list' | 'get' | 'put' | 'remove';

/**
 * Decides, before a request reaches the folder, whether it fails. Return a RemoteStoreError to
 * throw (the request has no effect), or null to let it through. `afterWrite` failures model a
 * connection lost after the server applied a write but before the reply arrived.
 */
export type FaultPlan = (method: RequestMethod, name: string | undefined) => { when: 'before' | 'afterWrite'; error: RemoteStoreError } | null;

export class MemoryRemoteStore implements RemoteStore {
  fault: FaultPlan | null = null;

  constructor(readonly folder: MemoryFolder = new MemoryFolder()) {}

  async list(): Promise<RemoteEntry[]> {
    this.before('list', undefined);
    return [...this.folder.files].map(([name, file]) => ({ name, etag: file.etag }));
  }

  async get(name: string): Promise<{ body: Uint8Array; etag: string } | null> {
    this.before('get', name);
    const file = this.folder.files.get(name);
    return file ? { body: file.body.slice(), etag: file.etag } : null;
  }

  async put(name: string, body: Uint8Array, ifMatch: string | null): Promise<string> {
    const after = this.before('put', name);
    const current = this.folder.files.get(name);
    if (ifMatch === null ? current !== undefined : current?.etag !== ifMatch) {
      throw new RemoteStoreError({ kind: 'precondition', message: `${name}: the file changed on the server` });
    }
    const etag = this.folder.freshEtag();
    this.folder.files.set(name, { body: body.slice(), etag });
    if (after) throw after;
    return etag;
  }

  async remove(name: string, ifMatch: string): Promise<void> {
    const after = this.before('remove', name);
    const current = this.folder.files.get(name);
    if (!current) throw new RemoteStoreError({ kind: 'not-found', message: `${name}: no such file` });
    if (current.etag !== ifMatch) {
      throw new RemoteStoreError({ kind: 'precondition', message: `${name}: the file changed on the server` });
    }
    this.folder.files.delete(name);
    if (after) throw after;
  }

  /** Records the request and throws a planned failure; returns a failure to throw after a write. */
  private before(method: RequestMethod, name: string | undefined): RemoteStoreError | null {
    this.folder.requests.push(name === undefined ? { method } : { method, name });
    const planned = this.fault?.(method, name) ?? null;
    if (!planned) return null;
    if (planned.when === 'before' || method === 'list' || method === 'get') throw planned.error;
    return planned.error;
  }
}

/** A network failure, as a WebDAV or remoteStorage client reports a server that went away. */
export function networkError(): RemoteStoreError {
  return new RemoteStoreError({ kind: 'network', message: "can't reach the server" });
}
