// "Copy quote": the passage as plain text with a link back to it, using a text fragment
// (https://wicg.github.io/scroll-to-text-fragment/) so the link opens scrolled to the words.

/** Quotes longer than this are linked by their first and last words (textStart,textEnd). */
const WHOLE_QUOTE_MAX = 80;
/** Words taken from each end of a long quote. */
const EDGE_WORDS = 4;

/** Percent-encodes a text-fragment term: also '-', ',' and '&', which the syntax reserves. */
function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

/** Collapses the article text's block breaks and runs of whitespace to single spaces. */
export function flattenQuote(exact: string): string {
  return exact.replace(/\s+/g, ' ').trim();
}

/** `url#:~:text=…` for the passage (any fragment the URL had is replaced). */
export function textFragmentUrl(url: string, exact: string): string {
  const base = url.replace(/#.*$/, '');
  const quote = flattenQuote(exact);
  if (quote === '') return base;
  const words = quote.split(' ');
  const directive =
    quote.length <= WHOLE_QUOTE_MAX || words.length <= EDGE_WORDS * 2
      ? encodeTerm(quote)
      : `${encodeTerm(words.slice(0, EDGE_WORDS).join(' '))},${encodeTerm(words.slice(-EDGE_WORDS).join(' '))}`;
  return `${base}#:~:text=${directive}`;
}

/** `“exact” — title <url#:~:text=…>`, the text "Copy quote" puts on the clipboard. */
export function quoteWithLink(exact: string, title: string, url: string): string {
  const cleanTitle = title.replace(/\s+/g, ' ').trim();
  const by = cleanTitle ? ` — ${cleanTitle}` : '';
  return `“${flattenQuote(exact)}”${by} <${textFragmentUrl(url, exact)}>`;
}

/** A link to a quotation's words: its quotation marks left out, since the page may write other ones. */
export function quotationLink(url: string, quoted: string): string {
  return textFragmentUrl(url, quoted.replace(/^[\s"'“”‘’«»„]+|[\s"'“”‘’«»„]+$/g, ''));
}
