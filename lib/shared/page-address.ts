// What Lede makes of a page's address: whether Lede accepts it as an article's or a note's page,
// and which site it belongs to (for per-site preferences and switches).
//
// Which addresses Lede accepts as an article's or a note's page. Lede reads web pages (and local
// files), so anything else — `javascript:`, `data:`, `blob:`, `chrome:` — arriving in a message or
// an imported file is refused: these addresses end up as links in the popup and the library.

const PAGE_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'file:']);

/** True for an absolute http(s) or file URL. */
export function isPageUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  return PAGE_PROTOCOLS.has(new URL(value).protocol);
}

/**
 * The site a page belongs to (its highlight preferences and on/off switch): the host name without
 * a leading "www.", so that www.bbc.com and bbc.com share one choice. Non-web pages share one key per scheme ("file").
 */
export function siteOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '';
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
    return parsed.hostname.toLowerCase().replace(/^www\./, '');
  }
  return parsed.protocol.replace(/:$/, '');
}
