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

/** A UTF-16 surrogate without its other half: no URL can encode it, and no link could match it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const encodable = (term: string | null): string | null => (term !== null && /[\uD800-\uDFFF]/.test(term) && LONE_SURROGATE.test(term) ? null : term);

/** The directive for a stored quote; null when the quote has no words, or words no URL can carry. */
export function textDirectiveFor(quote: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>): TextDirective | null {
  // Only the first and last few words are needed: a long quote is never split into all of its words.
  const firstBreak = quote.exact.search(/\S/);
  if (firstBreak < 0) return null;
  const lastLine = quote.exact.slice(quote.exact.lastIndexOf('\n', quote.exact.trimEnd().length - 1) + 1);
  const firstLine = quote.exact.slice(firstBreak).split('\n', 1)[0]!;
  const opening = firstWords(firstLine, WHOLE_QUOTE_WORDS + 1);
  const whole = firstLine.length === quote.exact.trim().length && opening.length <= WHOLE_QUOTE_WORDS;
  const start = (whole ? opening : opening.slice(0, END_WORDS)).join(' ');
  const end = whole ? null : lastWords(lastLine, END_WORDS).join(' ');
  if (encodable(start) === null || encodable(end) !== end) return null;
  return { prefix: encodable(prefixTerm(quote.prefix)), start, end, suffix: encodable(suffixTerm(quote.suffix)) };
}

function firstWords(text: string, count: number): string[] {
  const found: string[] = [];
  const word = /\S+/g;
  for (let match = word.exec(text); match && found.length < count; match = word.exec(text)) found.push(match[0]);
  return found;
}

/** The last `count` words, read from a tail of the text that is widened until it holds them. */
function lastWords(text: string, count: number): string[] {
  for (let window = 64; ; window *= 4) {
    const tail = text.slice(-window);
    const found = words(tail);
    // A window that starts inside the text may cut its first word: take only words after it.
    if (tail.length === text.length) return found.slice(-count);
    if (found.length > count) return found.slice(-count);
  }
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
 * The page address a passage link starts from: http(s) only, without a fragment, parentheses
 * encoded (they would end a Markdown link destination early); null for any other address.
 */
export function passageLinkBase(source: string): string | null {
  if (!URL.canParse(source)) return null;
  const url = new URL(source);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  return url.href.replace(/[()]/g, (ch) => (ch === '(' ? '%28' : '%29'));
}

/** The page address with a text fragment to the quote, safe as a Markdown link destination; null when either is missing. */
export function passageLink(source: string, quote: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>): string | null {
  return passageLinkFrom(passageLinkBase(source), quote);
}

/** passageLink from an address passageLinkBase already checked: one check per article, not per note. */
export function passageLinkFrom(base: string | null, quote: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>): string | null {
  const directive = base === null ? null : textDirectiveFor(quote);
  // The terms are percent-encoded, their parentheses too.
  return base !== null && directive ? `${base}#:~:${formatTextDirective(directive)}` : null;
}
