// Links back to a note's passage with a text fragment (`#:~:text=prefix-,start,end,-suffix`, WICG
// Text Fragments): the browser scrolls to the words and highlights them, no extension needed.
//
// How browsers match a directive shapes what goes in it: each term must sit inside one block of the
// page, so a quote over several paragraphs becomes start (its first words) and end (its last words);
// `start` must begin at a word boundary unless a prefix comes before it, and the last term must end
// at one, so the stored context is cut to whole words and kept whenever there is some.

import { CONTEXT_LENGTH } from '../anchoring/describe';
import type { TextQuoteSelector } from '../notes/annotation';

/** Up to this many words a one-paragraph quote is matched whole; longer, by its first and last words. */
const WHOLE_QUOTE_WORDS = 8;
/** Words of the quote in `start` and in `end` when it is matched by its ends. */
const END_WORDS = 4;
/** Words of context kept either side: enough to tell most repeats apart, short enough to stay in one block. */
const CONTEXT_WORDS = 3;

export interface TextDirective {
  prefix: string | null;
  start: string;
  end: string | null;
  suffix: string | null;
}

const words = (text: string): string[] => text.split(/\s+/).filter((word) => word !== '');

/** The directive for a stored quote; null when the quote has no words. */
export function textDirectiveFor(quote: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>): TextDirective | null {
  const lines = quote.exact.split('\n').map(words).filter((line) => line.length > 0);
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (!first || !last) return null;
  const whole = lines.length === 1 && first.length <= WHOLE_QUOTE_WORDS;
  return {
    prefix: prefixTerm(quote.prefix),
    start: (whole ? first : first.slice(0, END_WORDS)).join(' '),
    end: whole ? null : last.slice(-END_WORDS).join(' '),
    suffix: suffixTerm(quote.suffix),
  };
}

/** The last whole words of the context before the quote, in the quote's block. */
function prefixTerm(prefix: string): string | null {
  const lineStart = prefix.lastIndexOf('\n');
  let context = words(prefix.slice(lineStart + 1));
  // Context is stored cut at CONTEXT_LENGTH characters, so a full-length one may open mid-word
  // (a shorter one reached the start of the text).
  if (lineStart < 0 && prefix.length >= CONTEXT_LENGTH && !/^\s/.test(prefix)) context = context.slice(1);
  const kept = context.slice(-CONTEXT_WORDS);
  return kept.length > 0 ? kept.join(' ') : null;
}

/** The first whole words of the context after the quote, in the quote's block. */
function suffixTerm(suffix: string): string | null {
  const lineEnd = suffix.indexOf('\n');
  let context = words(lineEnd < 0 ? suffix : suffix.slice(0, lineEnd));
  if (lineEnd < 0 && suffix.length >= CONTEXT_LENGTH && !/\s$/.test(suffix)) context = context.slice(0, -1);
  const kept = context.slice(0, CONTEXT_WORDS);
  return kept.length > 0 ? kept.join(' ') : null;
}

/**
 * A term percent-encoded for a text directive: `-`, `,` and `&` are its syntax, so they must be
 * encoded; so is everything encodeURIComponent encodes, and the marks it leaves (`!'()*`) are
 * encoded too so that the link also survives Markdown's `(…)` link syntax.
 */
export function encodeTextTerm(term: string): string {
  return encodeURIComponent(term).replace(/[-!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `text=prefix-,start,end,-suffix`, the parts that exist. */
export function formatTextDirective(directive: TextDirective): string {
  const parts: string[] = [];
  if (directive.prefix) parts.push(`${encodeTextTerm(directive.prefix)}-`);
  parts.push(encodeTextTerm(directive.start));
  if (directive.end) parts.push(encodeTextTerm(directive.end));
  if (directive.suffix) parts.push(`-${encodeTextTerm(directive.suffix)}`);
  return `text=${parts.join(',')}`;
}

/**
 * The page address with a text fragment to the quote, safe as a Markdown link destination; null
 * for an address that is not http(s) or a quote with no words.
 */
export function passageLink(source: string, quote: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>): string | null {
  if (!URL.canParse(source)) return null;
  const url = new URL(source);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const directive = textDirectiveFor(quote);
  if (!directive) return null;
  url.hash = '';
  // Parentheses would end a Markdown link destination early.
  return `${url.href}#:~:${formatTextDirective(directive)}`.replace(/[()]/g, (ch) => (ch === '(' ? '%28' : '%29'));
}
