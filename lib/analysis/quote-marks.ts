// Quotation-mark pairing. One left-to-right pass per paragraph with a tiny state machine, so
// unmatched or backwards marks cost nothing extra and never swallow more than a paragraph:
// - straight and curly double marks, AP's ’’ / '' closers, ‘‘ / `` openers, mixed within a page;
// - a mark's role comes from its glyph and its flanks (space before + word after = opens);
// - « » only as a pair, so a lone » navigation arrow is ignored;
// - a quote left open at a paragraph end continues when the next paragraph reopens with a mark
//   (the multi-paragraph convention); otherwise it is dropped, or kept up to the paragraph end
//   when the mark opened the paragraph (a lost closing mark).
import type { Span } from './types';
import { isDigit, isLetter, isWhitespace } from './sentences';

export interface MarkedQuote {
  /** Quoted words, marks excluded, whitespace trimmed. */
  start: number;
  end: number;
  /** Offset of the opening mark, and the end offset of the closing mark (paragraph end if unclosed). */
  openAt: number;
  closeEnd: number;
  /** Paragraph indexes (into the paragraphs given) where the quote starts and ends. */
  firstParagraph: number;
  lastParagraph: number;
  /** True when no closing mark was found and the quote was bounded at the paragraph end. */
  unclosed: boolean;
}

type Glyph = 'open' | 'close' | 'either';
type Family = 'double' | 'guillemet';

interface Mark {
  at: number;
  length: number;
  glyph: Glyph;
  family: Family;
}

/** The quotation mark starting at `i`, if any. Single ‘ ’ ' are apostrophes unless doubled. */
function markAt(text: string, i: number): Mark | null {
  // Most characters are no mark: rule them out by code first (a superset of the cases below).
  const c = text.charCodeAt(i);
  if (c < 128 ? c !== 34 && c !== 39 && c !== 96 : c !== 0xab && c !== 0xbb && c !== 0xff02 && (c < 0x2018 || c > 0x201f)) return null;
  const ch = text[i];
  const next = text[i + 1];
  switch (ch) {
    case '\u201c': // “
    case '\u201e': // „
    case '\u201f': // ‟
      return { at: i, length: 1, glyph: 'open', family: 'double' };
    case '\u201d': // ”
      return { at: i, length: 1, glyph: 'close', family: 'double' };
    case '"':
    case '\uff02':
      return { at: i, length: 1, glyph: 'either', family: 'double' };
    case '\u2019': // ’’ (AP's closing mark)
      return next === '\u2019' ? { at: i, length: 2, glyph: 'close', family: 'double' } : null;
    case "'":
      return next === "'" ? { at: i, length: 2, glyph: 'close', family: 'double' } : null;
    case '\u2018': // ‘‘
      return next === '\u2018' ? { at: i, length: 2, glyph: 'open', family: 'double' } : null;
    case '`':
      return next === '`' ? { at: i, length: 2, glyph: 'open', family: 'double' } : null;
    case '\u00ab': // «
      return { at: i, length: 1, glyph: 'open', family: 'guillemet' };
    case '\u00bb': // »
      return { at: i, length: 1, glyph: 'close', family: 'guillemet' };
    default:
      return null;
  }
}

const OPENING_CONTEXT = new Set(['(', '[', '{', '\u2014', '\u2013', '-', '/', ':', '\u201c', '\u2018', '\u00ab']);
const CLOSING_CONTEXT = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '\u2014', '\u2013', '-', '/', '\u2026', '\u2019', '\u201d', '\u00bb']);

/** May this mark open a quote? Space (or an opening bracket) before it and a non-space after it. */
function leftFlanking(text: string, m: Mark, from: number, to: number): boolean {
  const before = m.at > from ? text[m.at - 1] : undefined;
  const after = m.at + m.length < to ? text[m.at + m.length] : undefined;
  return (before === undefined || isWhitespace(before) || OPENING_CONTEXT.has(before)) && after !== undefined && !isWhitespace(after);
}

/** May this mark close a quote? A non-space before it and space or punctuation (or the end) after it. */
function rightFlanking(text: string, m: Mark, from: number, to: number): boolean {
  const before = m.at > from ? text[m.at - 1] : undefined;
  const after = m.at + m.length < to ? text[m.at + m.length] : undefined;
  return before !== undefined && !isWhitespace(before) && (after === undefined || isWhitespace(after) || CLOSING_CONTEXT.has(after));
}

function hasWordChar(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isLetter(text[i]) || isDigit(text[i])) return true;
  return false;
}

interface OpenQuote {
  mark: Mark;
  contentStart: number;
  paragraph: number;
  /** A real opener (followed by a word) that began its paragraph or followed a colon: if it is never
   * closed, the quote is kept up to the paragraph end (a lost closing mark). */
  atParagraphStart: boolean;
}

/** Pair quotation marks paragraph by paragraph. Paragraph spans must be sorted and disjoint. */
export function findMarkedQuotes(text: string, paragraphs: readonly Span[]): MarkedQuote[] {
  const quotes: MarkedQuote[] = [];
  let open: OpenQuote | null = null;
  let skipUntil = -1; // a reopening mark at a paragraph start that continues an open quote

  const emit = (q: OpenQuote, contentEnd: number, closeEnd: number, lastParagraph: number, unclosed: boolean): void => {
    let start = q.contentStart;
    let end = contentEnd;
    while (start < end && isWhitespace(text[start])) start++;
    while (end > start && (isWhitespace(text[end - 1]) || text[end - 1] === ',')) end--;
    if (end > start && hasWordChar(text, start, end)) {
      quotes.push({ start, end, openAt: q.mark.at, closeEnd, firstParagraph: q.paragraph, lastParagraph, unclosed });
    }
  };

  for (let p = 0; p < paragraphs.length; p++) {
    const { start: from, end: to } = paragraphs[p] as Span;
    for (let i = Math.max(from, skipUntil); i < to; i++) {
      const m = markAt(text, i);
      if (!m) continue;
      i += m.length - 1;
      const left = leftFlanking(text, m, from, to);
      const right = rightFlanking(text, m, from, to);
      const startOfParagraph = m.at === from || text[m.at - 2] === ':';

      if (m.family === 'guillemet') {
        if (!open && m.glyph === 'open') open = { mark: m, contentStart: m.at + m.length, paragraph: p, atParagraphStart: startOfParagraph };
        else if (open?.mark.family === 'guillemet' && m.glyph === 'close') {
          emit(open, m.at, m.at + m.length, p, false);
          open = null;
        }
        continue;
      }
      if (open?.mark.family === 'guillemet') continue; // inner marks of a « » quote

      if (open) {
        if (right || (m.glyph !== 'open' && !left)) {
          emit(open, m.at, m.at + m.length, p, false);
          open = null;
        } else if (left || m.glyph === 'open') {
          // A new opening mark while one is open: double quotes don't nest, so the earlier one was unmatched.
          open = { mark: m, contentStart: m.at + m.length, paragraph: p, atParagraphStart: startOfParagraph && left };
        }
      } else if (left || (m.glyph === 'open' && !right)) {
        open = { mark: m, contentStart: m.at + m.length, paragraph: p, atParagraphStart: startOfParagraph && left };
      }
    }

    if (!open) continue;
    // Open at the paragraph end: continue only if the next paragraph reopens with a mark.
    const next = paragraphs[p + 1];
    const reopen = next ? markAt(text, next.start) : null;
    const continues = reopen !== null && (reopen.glyph !== 'close' || reopen.family === 'guillemet') &&
      reopen.family === open.mark.family;
    if (continues && reopen && next) {
      skipUntil = next.start + reopen.length;
      continue;
    }
    if (open.atParagraphStart || open.paragraph < p) emit(open, to, to, p, true);
    open = null;
  }
  return quotes;
}
