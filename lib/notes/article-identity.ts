// One article, many addresses: the same story is read from a newsletter link (tracking parameters),
// its AMP version (`/amp/`, `?amp`, an `amp.` host, the `<link rel=amphtml>` it points to), its
// canonical link, or a reprint elsewhere on the site whose body is the same text. The reading
// history and the library count articles, not addresses: every address an article was read at
// becomes one of its aliases; the fingerprint of its body text (body-fingerprint.ts) joins the rest. Pure.

import { isSameSite, normalizeSourceUrl } from './source-url';

/** What a page tells about itself: its address, and the links it gives to other forms of itself. */
export interface ArticleClaim {
  url: string;
  /** `<link rel=canonical href>`, as the page wrote it. */
  canonical?: string | null;
  /** `<link rel=amphtml href>`: the AMP form of this article. */
  amphtml?: string | null;
}

export interface ArticleIdentity {
  /** The address the article is kept and linked under: its canonical link if usable, else its own address, cleaned. */
  key: string;
  /** Every address that names this article (the key first), cleaned and without AMP markers. */
  aliases: string[];
}

/** Query parameters that only ask for the AMP rendering of the same article. */
const AMP_PARAMS = new Set(['amp', 'outputtype', 'amp_js_v', 'usqp', 'amp_gsa', 'amp_tf', 'aoh']);

/**
 * The addresses of one article. The page's own address and the links it gives count only within
 * its site (lib/notes/source-url.ts: a page cannot claim another site's article). The key is what
 * notes would be stored under (normalizeSourceUrl); the AMP-free form of each address is an alias
 * too, so the AMP page and the ordinary page meet whichever is read first.
 */
export function articleIdentity(claim: ArticleClaim): ArticleIdentity {
  const key = normalizeSourceUrl(claim.url, claim.canonical);
  const aliases = new Set<string>([key]);
  const add = (address: string): void => {
    aliases.add(address);
    aliases.add(withoutAmp(address));
  };
  add(key);
  add(normalizeSourceUrl(claim.url));
  const amp = claim.amphtml ? sameSiteAddress(claim.url, claim.amphtml) : null;
  if (amp) add(amp);
  return { key, aliases: [...aliases] };
}

/** The aliases a stored article kept under `url` starts with: its cleaned and AMP-free addresses, and `url` itself (fragment aside). */
export function storedAliases(url: string): string[] {
  const hash = url.indexOf('#');
  const key = hash === -1 ? url : url.slice(0, hash);
  return [...new Set([...articleIdentity({ url: key }).aliases, key, withoutAmp(key)])];
}

/** `linked` resolved against `page` and cleaned, when it is on the page's own site; else null. */
function sameSiteAddress(page: string, linked: string): string | null {
  let pageUrl: URL;
  let url: URL;
  try {
    pageUrl = new URL(page);
    url = new URL(linked.trim(), pageUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return isSameSite(pageUrl.hostname, url.hostname) ? normalizeSourceUrl(url.href) : null;
}

/**
 * The address as compared between articles: without what only asks for the AMP rendering (an
 * `amp.` host prefix, an `amp` path segment as in `/amp/` or `/story/amp`, a `.amp` or `.amp.html`
 * ending, AMP query parameters) and without a trailing slash, which sites add and drop at will.
 * Addresses that are not http(s) come back as they are.
 */
export function withoutAmp(address: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return address;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return address;
  const host = url.host.startsWith('amp.') && url.hostname.split('.').length > 2 ? url.host.slice(4) : url.host;
  const path = url.pathname
    .split('/')
    .filter((segment, i) => i === 0 || (segment !== '' && segment.toLowerCase() !== 'amp'))
    .map((segment) => segment.replace(/\.amp(\.html?)?$/i, (_, html: string | undefined) => html ?? ''))
    .join('/');
  const query = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !AMP_PARAMS.has(pair.split('=', 1)[0]!.toLowerCase()));
  return `${url.protocol}//${host}${path || '/'}${query.length > 0 ? `?${query.join('&')}` : ''}`;
}
