// RemoteStore over WebDAV (RFC 4918): Nextcloud, ownCloud, Apache mod_dav, rclone serve webdav.
// Lede keeps its files in one folder (`lede/` under the address the reader gives), made with
// MKCOL on first use. Listing is PROPFIND Depth: 1 for getetag; writes are conditional (If-Match
// on the etag last seen, If-None-Match: * for a new file), so a stale write gets 412 and the engine
// merges and retries. Basic auth; use https in real life.
//
// Some servers (Apache mod_dav) answer a PUT without an ETag. The store can't ask for it
// afterwards without a race (another device may have written in between, and taking its etag as
// ours would skip merging its records), so it returns an etag that matches nothing: the next
// round sees the file's real etag differ, reads it once and merges (nothing new), and a write
// before that gets 412 and does the same.

import { XMLParser } from 'fast-xml-parser';
import { RemoteStoreError, type RemoteEntry, type RemoteStore } from '../remote-store';
import { basicAuth, discard, folderUrl, normalizeEtag, statusError, unknownEtag, type HttpOptions } from './http';
import { HttpFolder } from './http-folder';

/** The folder Lede's files live in, under the WebDAV address the reader gives. */
export const WEBDAV_FOLDER = 'lede/';

export interface WebDavConfig {
  /** A WebDAV folder the reader can write, e.g. https://cloud.example/remote.php/dav/files/ada/ */
  url: string;
  user: string;
  password: string;
}

const PROPFIND_BODY = '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:resourcetype/></d:prop></d:propfind>';

export class WebDavStore implements RemoteStore {
  readonly folder: string;
  private readonly files: HttpFolder;

  constructor(config: WebDavConfig, options: HttpOptions = {}) {
    this.folder = folderUrl(config.url) + WEBDAV_FOLDER;
    this.files = new HttpFolder(this.folder, basicAuth(config.user, config.password), options);
  }

  async list(): Promise<RemoteEntry[]> {
    const listed = await this.files.readListing({ method: 'PROPFIND', headers: { depth: '1', 'content-type': 'application/xml; charset=utf-8' }, body: PROPFIND_BODY }, (status) => status === 207);
    if (!listed) {
      await this.makeFolder();
      return [];
    }
    return parseMultistatus(listed.text, new URL(this.folder).pathname);
  }

  get(name: string): Promise<{ body: Uint8Array; etag: string } | null> {
    return this.files.get(name);
  }

  /** 409 on a new file: the folder isn't there (first write on a fresh account, or someone removed it). */
  put(name: string, body: Uint8Array, ifMatch: string | null): Promise<string> {
    return this.files.put(name, body, ifMatch, () => this.makeFolder());
  }

  remove(name: string, ifMatch: string): Promise<void> {
    return this.files.remove(name, ifMatch);
  }

  /** MKCOL the folder; 405 means it exists already (another device made it). */
  private async makeFolder(): Promise<void> {
    const response = await this.files.request(this.folder, { method: 'MKCOL' });
    await discard(response);
    if (!response.ok && response.status !== 405) throw statusError(response, 'creating the sync folder');
  }
}

/**
 * The files (not sub-folders) of a PROPFIND Depth: 1 answer for the folder at `folderPath`, with
 * their etags. Namespace prefixes vary by server (D:, d:, lp1:, none), so they're dropped; hrefs
 * may be absolute URLs or paths, percent-encoded either way.
 */
export function parseMultistatus(xml: string, folderPath: string): RemoteEntry[] {
  const parser = new XMLParser({
    removeNSPrefix: true,
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    processEntities: true,
    isArray: (name) => name === 'response' || name === 'propstat',
  });
  const doc = parser.parse(xml) as { multistatus?: { response?: unknown[] } };
  const responses = doc.multistatus?.response;
  if (!doc.multistatus) throw new RemoteStoreError({ kind: 'server', status: 207, message: 'the server sent a listing that is not WebDAV' });
  const folder = decodePath(folderPath).replace(/\/+$/, '');
  const entries: RemoteEntry[] = [];
  for (const response of responses ?? []) {
    const { href, propstat } = response as { href?: unknown; propstat?: unknown[] };
    if (typeof href !== 'string') continue;
    const path = decodePath(new URL(href, 'http://placeholder').pathname);
    const trimmed = path.replace(/\/+$/, '');
    if (trimmed === folder || !trimmed.startsWith(folder + '/')) continue;
    const name = trimmed.slice(folder.length + 1);
    if (name.includes('/')) continue;
    let etag: string | null = null;
    let collection = path.endsWith('/');
    for (const stat of propstat ?? []) {
      const { prop, status } = stat as { prop?: Record<string, unknown>; status?: unknown };
      if (typeof status === 'string' && !/\s2\d\d\s/.test(` ${status} `)) continue;
      if (!prop) continue;
      if (typeof prop.getetag === 'string') etag = normalizeEtag(prop.getetag);
      const type = prop.resourcetype;
      if (type && typeof type === 'object' && 'collection' in type) collection = true;
    }
    if (collection) continue;
    entries.push({ name, etag: etag ?? unknownEtag() });
  }
  return entries;
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
