// One folder of files on an HTTP server, reached with one Authorization header: what the WebDAV
// and remoteStorage stores share. Files are read with their etag and written or deleted only if
// the etag still matches (If-Match, or If-None-Match: * for a new file), so a stale write gets 412
// and the sync engine merges and retries. How a folder is listed differs by protocol and stays
// in each store.

import { DEFAULT_TIMEOUT_MS, discard, normalizeEtag, readBytes, send, statusError, unknownEtag, type FetchLike, type HttpOptions } from './http';

export class HttpFolder {
  private readonly fetchFn: FetchLike;
  private readonly timeoutMs: number;

  /** `url`: the folder's address with its trailing slash; `authorization`: the header's value. */
  constructor(readonly url: string, private readonly authorization: string, options: HttpOptions = {}) {
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /**
   * The folder listing's body as text, or null when the folder isn't there (404). Any status
   * `isListing` refuses is an error.
   */
  async readListing(init: RequestInit, isListing: (status: number) => boolean): Promise<{ text: string; status: number } | null> {
    const response = await this.request(this.url, init);
    if (response.status === 404) {
      await discard(response);
      return null;
    }
    if (!isListing(response.status)) {
      await discard(response);
      throw statusError(response, 'listing the sync folder');
    }
    const text = new TextDecoder().decode(await readBytes(response, this.url));
    return { text, status: response.status };
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
    return { body, etag: etagOf(response) };
  }

  /**
   * A conditional PUT; returns the new etag. `makeFolder`, where the protocol needs the folder
   * made first: a new file's PUT answered 409 (no folder yet) makes it and tries once more.
   */
  async put(name: string, body: Uint8Array, ifMatch: string | null, makeFolder?: () => Promise<void>): Promise<string> {
    const condition: Record<string, string> = ifMatch === null ? { 'if-none-match': '*' } : { 'if-match': ifMatch };
    const attempt = (): Promise<Response> =>
      this.request(this.fileUrl(name), { method: 'PUT', headers: { ...condition, 'content-type': 'application/octet-stream' }, body: body as BodyInit });
    let response = await attempt();
    if (response.status === 409 && ifMatch === null && makeFolder) {
      await discard(response);
      await makeFolder();
      response = await attempt();
    }
    await discard(response);
    if (!response.ok) throw statusError(response, name);
    return etagOf(response);
  }

  async remove(name: string, ifMatch: string): Promise<void> {
    const response = await this.request(this.fileUrl(name), { method: 'DELETE', headers: { 'if-match': ifMatch } });
    await discard(response);
    if (!response.ok) throw statusError(response, name);
  }

  request(url: string, init: RequestInit): Promise<Response> {
    return send(this.fetchFn, url, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: this.authorization } }, this.timeoutMs);
  }

  private fileUrl(name: string): string {
    return this.url + encodeURIComponent(name);
  }
}

/** The etag the server gave, or one that matches nothing when it gave none. */
function etagOf(response: Response): string {
  return normalizeEtag(response.headers.get('etag')) ?? unknownEtag();
}
