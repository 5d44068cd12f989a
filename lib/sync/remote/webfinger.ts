// remoteStorage discovery (draft-dejong-remotestorage, section 10): from a user address
// (ada@example.org) to the storage root and the OAuth endpoint, through WebFinger (RFC 7033).

import { DEFAULT_TIMEOUT_MS, send, type FetchLike } from './http';

export interface RemoteStorageInfo {
  /** Where the user's storage starts, e.g. https://example.org/storage/ada */
  storageRoot: string;
  /** The OAuth 2 implicit-grant endpoint, or null when the server offers none. */
  authUrl: string | null;
}

export class DiscoveryError extends Error {
  override name = 'DiscoveryError';
}

const REL = 'http://tools.ietf.org/id/draft-dejong-remotestorage';
const OLD_REL = 'remotestorage';
const AUTH_PROPERTY = 'http://tools.ietf.org/html/rfc6749#section-4.2';

/** Splits `user@host`; the host may carry a port. */
export function parseAddress(address: string): { user: string; host: string } {
  const match = /^([^@\s/]+)@([^@\s/]+)$/.exec(address.trim());
  if (!match) throw new DiscoveryError(`"${address}" is not a user address like ada@example.org`);
  return { user: match[1]!, host: match[2]!.toLowerCase() };
}

/**
 * The WebFinger query for an address. https everywhere, except a server on this machine
 * (localhost, 127.0.0.1), which is allowed plain http: that's a self-hosted test server.
 */
export function webfingerUrl(address: string): string {
  const { user, host } = parseAddress(address);
  const scheme = isLoopback(host) ? 'http' : 'https';
  return `${scheme}://${host}/.well-known/webfinger?resource=${encodeURIComponent(`acct:${user}@${host}`)}`;
}

function isLoopback(host: string): boolean {
  const name = host.replace(/:\d+$/, '');
  return name === 'localhost' || name === '127.0.0.1' || name === '[::1]';
}

/** Reads the remoteStorage link out of a WebFinger JRD document. */
export function parseWebfinger(jrd: unknown): RemoteStorageInfo {
  const links = (jrd as { links?: unknown } | null)?.links;
  if (!Array.isArray(links)) throw new DiscoveryError('the server has no WebFinger links for this address');
  for (const link of links as { rel?: unknown; href?: unknown; properties?: Record<string, unknown> }[]) {
    if ((link.rel !== REL && link.rel !== OLD_REL) || typeof link.href !== 'string') continue;
    const auth = link.properties?.[AUTH_PROPERTY];
    return { storageRoot: link.href.replace(/\/+$/, ''), authUrl: typeof auth === 'string' ? auth : null };
  }
  throw new DiscoveryError('this address has no remoteStorage server');
}

export async function discover(address: string, fetchFn: FetchLike = (input, init) => fetch(input, init), timeoutMs = DEFAULT_TIMEOUT_MS): Promise<RemoteStorageInfo> {
  const url = webfingerUrl(address);
  const response = await send(fetchFn, url, { method: 'GET', headers: { accept: 'application/jrd+json, application/json' } }, timeoutMs);
  if (!response.ok) throw new DiscoveryError(`WebFinger lookup failed (HTTP ${response.status})`);
  let jrd: unknown;
  try {
    jrd = await response.json();
  } catch {
    throw new DiscoveryError('the WebFinger answer is not JSON');
  }
  return parseWebfinger(jrd);
}
