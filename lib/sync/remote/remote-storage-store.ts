// RemoteStore over remoteStorage (draft-dejong-remotestorage): armadietto, 5apps, php-remote-storage.
// Lede's files live in `lede/` under the storage root, the folder its OAuth scope `lede:rw` grants
// (lib/sync/remote/oauth.ts). A folder GET lists the files with their ETags (JSON-LD `items`);
// documents are read and written with a bearer token, writes conditional on If-Match /
// If-None-Match: *, so a stale write gets 412.

import { RemoteStoreError, type RemoteEntry, type RemoteStore } from '../remote-store';
import { folderUrl, normalizeEtag, unknownEtag, type HttpOptions } from './http';
import { HttpFolder } from './http-folder';

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
  private readonly files: HttpFolder;

  constructor(config: RemoteStorageConfig, options: HttpOptions = {}) {
    this.folder = folderUrl(config.storageRoot) + REMOTE_STORAGE_FOLDER;
    this.files = new HttpFolder(this.folder, `Bearer ${config.token}`, options);
  }

  async list(): Promise<RemoteEntry[]> {
    // A folder that was never written to: servers answer 404 or an empty listing.
    const listed = await this.files.readListing({ method: 'GET' }, (status) => status >= 200 && status < 300);
    if (!listed) return [];
    let listing: unknown;
    try {
      listing = JSON.parse(listed.text);
    } catch {
      throw new RemoteStoreError({ kind: 'server', status: listed.status, message: 'the server sent a folder listing that is not JSON' });
    }
    return parseFolderListing(listing);
  }

  get(name: string): Promise<{ body: Uint8Array; etag: string } | null> {
    return this.files.get(name);
  }

  put(name: string, body: Uint8Array, ifMatch: string | null): Promise<string> {
    return this.files.put(name, body, ifMatch);
  }

  remove(name: string, ifMatch: string): Promise<void> {
    return this.files.remove(name, ifMatch);
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
