// The contract between the sync engine and the reader's storage server. The WebDAV and
// remoteStorage clients implement RemoteStore; the engine only ever sees this interface, so the
// same engine runs against either server and against the in-memory store in tests.

/** One file on the reader's server, as the sync engine sees it. Bodies are already encrypted. */
export interface RemoteEntry { readonly name: string; readonly etag: string }

/** What went wrong talking to the server, in the few kinds the engine acts on differently. */
export type RemoteFailure =
  | { kind: 'unauthorized'; message: string }   // 401/403: "server refused: check the password"
  | { kind: 'precondition'; message: string }   // 412: a stale write; merge and retry
  | { kind: 'not-found'; message: string }
  | { kind: 'network'; message: string }        // server unreachable / killed mid-sync
  | { kind: 'server'; status: number; message: string };

export class RemoteStoreError extends Error { constructor(readonly failure: RemoteFailure) { super(failure.message); } }

/** A folder of files on a remoteStorage or WebDAV server, with conditional writes. */
export interface RemoteStore {
  list(): Promise<RemoteEntry[]>;                          // every file in Lede's folder
  get(name: string): Promise<{ body: Uint8Array; etag: string } | null>;
  /** ifMatch: the etag last seen, or null for "must not exist yet" (If-None-Match: *). Returns the new etag. */
  put(name: string, body: Uint8Array, ifMatch: string | null): Promise<string>;
  remove(name: string, ifMatch: string): Promise<void>;
}
