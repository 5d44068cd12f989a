// The page address a note belongs to (Annotation.target.source). The same article reached from
// a newsletter, a social share or an in-page anchor must give the same key, so notes come back.

import { getDomain } from 'tldts/dist/index.cjs.min.js';

/** Query parameters that only track where a click came from; they never change the article. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmla',
  'mkt_tok',
  'ref',
  'ref_src',
  'ref_url',
]);
const TRACKING_PREFIXES = ['utm_'];

/**
 * The key a page's notes are stored under: the page's canonical link when it names the same site
 * over http(s) (else the page address; see isSameSite), without tracking parameters or #fragment, host in lower
 * case, default port and any user:password@ dropped. Path and the other parameters, in their order, are kept as written.
 */
export function normalizeSourceUrl(href: string, canonicalHref?: string | null): string {
  const page = parseHttpUrl(href);
  if (!page) return withoutFragment(href);
  const canonical = canonicalHref ? parseHttpUrl(canonicalHref, page) : null;
  const chosen = canonical && isUsableCanonical(page, canonical) ? canonical : page;
  return cleanUrl(chosen);
}

/**
 * True when hosts `a` and `b` are one site: the same host, or the same registrable domain by the
 * public suffix list, private suffixes included (www.n.example and n.example; never
 * attacker.github.io and victim.github.io, nor evil.example.co.uk and example2.co.uk). IP
 * addresses and bare suffixes have no registrable domain: only the very same host matches.
 */
export function isSameSite(a: string, b: string): boolean {
  const hostA = a.toLowerCase();
  const hostB = b.toLowerCase();
  if (hostA === hostB) return true;
  const domain = registrableDomain(hostA);
  return domain !== null && domain === registrableDomain(hostB);
}

function registrableDomain(host: string): string | null {
  return getDomain(host, { allowPrivateDomains: true, extractHostname: false });
}

/**
 * True when `claimed` is the key a content script on `pageUrl` may use for its page: the page's
 * own key, or a canonical link that normalizeSourceUrl would accept for it. The background checks a
 * content script's claims with this, knowing the page only from the browser's report of the sender.
 */
export function isPageKeyFor(pageUrl: string, claimed: string): boolean {
  return normalizeSourceUrl(pageUrl, claimed) === claimed;
}

function isUsableCanonical(page: URL, canonical: URL): boolean {
  if (!isSameSite(page.hostname, canonical.hostname)) return false;
  // Some sites point every page's canonical link at their home page; that would merge all their
  // articles into one, so a home-page canonical only counts for the home page itself.
  if (canonical.pathname === '/' && canonical.search === '' && page.pathname !== '/') return false;
  return true;
}

/** An absolute http(s) URL, resolved against `base` if relative; null otherwise. */
function parseHttpUrl(value: string, base?: URL): URL | null {
  let url: URL;
  try {
    url = new URL(value.trim(), base);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

/**
 * Rebuilds the URL from its parts. The query is filtered as raw text, not re-encoded through
 * URLSearchParams, so the parameters that stay are byte-for-byte what the site wrote.
 */
function cleanUrl(url: URL): string {
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(pair));
  const query = kept.length > 0 ? `?${kept.join('&')}` : '';
  // URL has already lower-cased the host and dropped a default port. user:password@ is left out:
  // it never names the article, and credentials must not end up in stored notes.
  return `${url.protocol}//${url.host}${url.pathname}${query}`;
}

function isTrackingParam(pair: string): boolean {
  const rawKey = pair.split('=', 1)[0]!;
  let key: string;
  try {
    key = decodeURIComponent(rawKey.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return false; // not decodable: not one of ours, keep it as written
  }
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

function withoutFragment(href: string): string {
  const hash = href.indexOf('#');
  return hash === -1 ? href : href.slice(0, hash);
}
