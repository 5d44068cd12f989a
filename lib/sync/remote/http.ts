// What the WebDAV and remoteStorage clients share: an injected fetch (the background passes the
// worker's own, Node tests the global one), and one mapping from HTTP outcomes to the failure kinds
// the sync engine acts on (lib/sync/remote-store.ts).

import { RemoteStoreError, type RemoteFailure } from '../remote-store';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** How long one request may take before it counts as the server being unreachable. */
export const DEFAULT_TIMEOUT_MS = 60_000;

export interface HttpOptions {
  fetch?: FetchLike;
  timeoutMs?: number;
}

/** The failure a status stands for: 401/403 unauthorized, 404 not-found, 412 precondition, else server. */
export function failureOf(status: number, what: string): RemoteFailure {
  if (status === 401 || status === 403) return { kind: 'unauthorized', message: `${what}: the server refused the credentials (HTTP ${status})` };
  if (status === 404) return { kind: 'not-found', message: `${what}: not found` };
  if (status === 412) return { kind: 'precondition', message: `${what}: the file changed on the server` };
  return { kind: 'server', status, message: `${what}: HTTP ${status}` };
}

export function statusError(response: Response, what: string): RemoteStoreError {
  return new RemoteStoreError(failureOf(response.status, what));
}

/**
 * One request. A connection refused, reset or timed out becomes a `network` failure; any answer,
 * whatever its status, is returned for the caller to judge.
 */
export async function send(fetchFn: FetchLike, url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  try {
    return await fetchFn(url, { ...init, signal: AbortSignal.timeout(timeoutMs), cache: 'no-store' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RemoteStoreError({ kind: 'network', message: `${init.method ?? 'GET'} ${url}: ${reason}` });
  }
}

/**
 * Reads a body to the end; a connection lost while reading is a network failure too (a listing
 * cut short must never read as a folder with fewer files).
 */
export async function readBytes(response: Response, url: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RemoteStoreError({ kind: 'network', message: `reading ${url}: ${reason}` });
  }
}

/** Drains an unused body so the connection can be reused. */
export async function discard(response: Response): Promise<void> {
  try {
    await response.arrayBuffer();
  } catch {
    // Nothing to keep.
  }
}

/** `Basic base64(user:password)`, UTF-8 safe. */
export function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** The folder URL with exactly one trailing slash. */
export function folderUrl(url: string): string {
  return url.replace(/\/+$/, '') + '/';
}

/**
 * An etag in the one form the engine compares and sends in If-Match: quoted (remoteStorage
 * listings give it bare, headers quoted), and strong. A weak one (W/"…", Apache's for a file
 * changed in the last second) names the same file state as its strong form, and If-Match
 * compares strongly, so the strong form is kept.
 */
export function normalizeEtag(etag: string | null | undefined): string | null {
  if (etag === null || etag === undefined) return null;
  let tag = String(etag).trim();
  if (tag.startsWith('W/')) tag = tag.slice(2);
  if (tag === '') return null;
  return tag.startsWith('"') ? tag : `"${tag}"`;
}

/** An etag that matches no file: the server didn't say which version it stored. */
export function unknownEtag(): string {
  return `"lede-unknown-${crypto.randomUUID()}"`;
}
