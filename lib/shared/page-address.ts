// Which addresses Lede accepts as an article's or a note's page. Lede reads web pages (and local
// files), so anything else — `javascript:`, `data:`, `blob:`, `chrome:` — arriving in a message or
// an imported file is refused: these addresses end up as links in the popup and the library.

const PAGE_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'file:']);

/** True for an absolute http(s) or file URL. */
export function isPageUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  return PAGE_PROTOCOLS.has(new URL(value).protocol);
}
