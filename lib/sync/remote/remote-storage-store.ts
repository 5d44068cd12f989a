// RemoteStore over remoteStorage (draft-dejong-remotestorage): armadietto, 5apps, php-remote-storage.
// Lede's files live in `lede/` under the storage root, the folder its OAuth scope `lede:rw` grants
// (lib/sync/remote/oauth.ts). A folder GET lists the files with their ETags (JSON-LD `items`);
// documents are read and written with a bearer token, writes conditional on If-Match /
// If-None-Match: *, so a stale write gets 412.

import { RemoteStoreError, type RemoteEntry, type RemoteStore } from '../remote-store';
import { DEFAULT_TIMEOUT_MS, discard, folderUrl, normalizeEtag, readBytes, send, statusError, unknownEtag, type FetchLike, type HttpOptions } from './http';

/** The folder under the storage root, matching the scope Lede asks for. */
export const REMOTE_STORAGE_FOLDER = 'lede/';

export interface RemoteStorageConfig {
  /** From WebFinger, e.g. https://example.org/storage/ada */
  storageRoot: string;
  /** The bearer token from the OAuth flow. */
  token: string;
}

export class RemoteStorageStore implements RemoteStore {
  readonly folder: string;
  private readonly fetchFn: FetchLike;
  private readonly timeoutMs: number;
  private readonly token: string;

  constructor(config: RemoteStorageConfig, options: HttpOptions = {}) {
    this.folder = folderUrl(config.storageRoot) + REMOTE_STORAGE_FOLDER;
    this.token = config.token;
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async list(): Promise<RemoteEntry[]> {
    const response = await this.request(this.folder, { method: 'GET' });
    // A folder that was never written to: servers answer 404 or an empty listing.
    if (response.status === 404) {
      await discard(response);
      return [];
    }
    if (!response.ok) {
      await discard(response);
      throw statusError(response, 'listing the sync folder');
    }
    const text = new TextDecoder().decode(await readBytes(response, this.folder));
    let listing: unknown;
    try {
      listing = JSON.parse(text);
    } catch {
      throw new RemoteStoreError({ kind: 'server', status: response.status, message: 'the server sent a folder listing that is not JSON' });
    }
    return parseFolderListing(listing);
  }

  async get(name: string): Promise<{ body: Uint8Array; etag: string } | null> {
    const url = this.fileUrl(name);
    const response = await this.request(url, { method: 'GET' });
    if (response.status === 404) {
      await discard(response);
      return null;
    }
    if (!response.ok) {
      await discard(response);
      throw statusError(response, name);
    }
    const body = await readBytes(response, url);
    return { body, etag: normalizeEtag(response.headers.get('etag')) ?? unknownEtag() };
  }

  async put(name: string, body: Uint8Array, ifMatch: string | null): Promise<string> {
    const condition: Record<string, string> = ifMatch === null ? { 'if-none-match': '*' } : { 'if-match': ifMatch };
    const response = await this.request(this.fileUrl(name), { method: 'PUT', headers: { ...condition, 'content-type': 'application/octet-stream' }, body: body as BodyInit });
    await discard(response);
    if (!response.ok) throw statusError(response, name);
    return normalizeEtag(response.headers.get('etag')) ?? unknownEtag();
  }

  async remove(name: string, ifMatch: string): Promise<void> {
    const response = await this.request(this.fileUrl(name), { method: 'DELETE', headers: { 'if-match': ifMatch } });
    await discard(response);
    if (!response.ok) throw statusError(response, name);
  }

  private fileUrl(name: string): string {
    return this.folder + encodeURIComponent(name);
  }

  private request(url: string, init: RequestInit): Promise<Response> {
    return send(this.fetchFn, url, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${this.token}` } }, this.timeoutMs);
  }
}

/**
 * The documents (not sub-folders, whose names end in "/") of a folder listing: the JSON-LD form
 * `{ "@context": …, "items": { name: { "ETag": … } } }`, or the older flat `{ name: etag }`.
 */
export function parseFolderListing(listing: unknown): RemoteEntry[] {
  if (!listing || typeof listing !== 'object') return [];
  const record = listing as Record<string, unknown>;
  const items = '@context' in record || 'items' in record ? record.items : record;
  if (!items || typeof items !== 'object') return [];
  const entries: RemoteEntry[] = [];
  for (const [name, item] of Object.entries(items as Record<string, unknown>)) {
    if (name.endsWith('/')) continue;
    const raw = item && typeof item === 'object' ? (item as Record<string, unknown>).ETag : item;
    const etag = typeof raw === 'string' || typeof raw === 'number' ? normalizeEtag(String(raw)) : null;
    entries.push({ name, etag: etag ?? unknownEtag() });
  }
  return entries;
}
