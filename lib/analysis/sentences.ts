// Paragraph and sentence splitting with UTF-16 offsets into the original text.
// Both are single left-to-right scans (no backtracking regexes), so they stay linear on huge inputs.
import type { Span } from './types';

export interface Paragraph extends Span {
  /** Sentences of this paragraph, in order, trimmed of surrounding whitespace. */
  sentences: Span[];
}

/** Titles that are always followed by a name, never by a new sentence ("Mr. Kerry", "Gen. Votel"). */
const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt', 'capt', 'cmdr', 'adm', 'maj',
  'prof', 'rev', 'st', 'mt', 'ft', 'hon', 'pres', 'supt', 'det', 'insp', 'messrs', 'mmes', 'sr', 'jr',
  'no', 'nos', 'vs', 'v', 'cf', 'approx', 'dept', 'est', 'fig', 'vol', 'ave', 'blvd',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Abbreviations that can end a sentence, but usually don't when a capitalised word follows
 * ("U.S. officials", "Apple Inc. Chief Executive"), unless that word is a common sentence opener. */
const SOFT_ABBREVIATIONS = new Set(['inc', 'corp', 'co', 'ltd', 'bros', 'llc', 'plc', 'etc']);

/** Words that typically open a sentence; after "U.S." they signal a real boundary. */
const SENTENCE_OPENERS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'This', 'That', 'These', 'Those',
  'But', 'And', 'Or', 'So', 'Yet', 'In', 'On', 'At', 'For', 'As', 'If', 'When', 'While', 'After',
  'Before', 'Since', 'There', 'Here', 'His', 'Her', 'Their', 'Its', 'Our', 'My', 'What', 'Why', 'How',
  'Who', 'Still', 'However', 'Meanwhile', 'Some', 'Many', 'Most', 'One', 'No', 'Now', 'Then',
]);

/** Characters that may trail a sentence terminator and still belong to the sentence. */
const CLOSERS = new Set(['"', "'", '\u201d', '\u2019', '\u00bb', '\u203a', ')', ']', '}']);
const TERMINATORS = new Set(['.', '!', '?', '\u2026']);

/** TERMINATORS.has(ch) by character code: the sentence scan's per-character test. */
function isTerminatorCode(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 0x2026;
}

export function isWhitespace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\v' || ch === '\u00a0' ||
    ch === '\u2028' || ch === '\u2029' || ch === '\u202f' || ch === '\u2009' || ch === '\u200a' || ch === '\u3000';
}

export function isLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  // Fast paths for the punctuation blocks news text is full of (curly quotes, dashes, symbols).
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c >= 0x2000 && c < 0x2c00) return c === 0x2071 || c === 0x207f || (c >= 0x2090 && c < 0x209d) || (c >= 0x2100 && c < 0x2190 && /\p{L}/u.test(ch));
  return /\p{L}/u.test(ch);
}

export function isDigit(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 48 && c <= 57;
  if (c >= 0x2010 && c < 0x2070) return false; // general punctuation
  return /\p{N}/u.test(ch);
}

function isLowercase(ch: string | undefined): boolean {
  return ch !== undefined && isLetter(ch) && ch === ch.toLowerCase() && ch !== ch.toUpperCase();
}

/** Trim whitespace from both ends of [start, end); returns null when nothing is left. */
function trimmed(text: string, start: number, end: number): Span | null {
  while (start < end && isWhitespace(text[start])) start++;
  while (end > start && isWhitespace(text[end - 1])) end--;
  return start < end ? { start, end } : null;
}

/** Blocks separated by blank lines (a newline, optional spaces, another newline). */
function blankLineBlocks(text: string): Span[] {
  const blocks: Span[] = [];
  let blockStart = 0;
  let i = 0;
  while (i < text.length) {
    // Jump to the next newline (indexOf scans natively).
    const newline = text.indexOf('\n', i);
    if (newline < 0) break;
    i = newline;
    // Look past spaces for a second newline: that is a paragraph break.
    let j = i + 1;
    while (j < text.length && text[j] !== '\n' && isWhitespace(text[j])) j++;
    if (j < text.length && text[j] === '\n') {
      const block = trimmed(text, blockStart, i);
      if (block) blocks.push(block);
      while (j < text.length && isWhitespace(text[j])) j++;
      blockStart = j;
      i = j;
    } else {
      i = j;
    }
  }
  const last = trimmed(text, blockStart, text.length);
  if (last) blocks.push(last);
  return blocks;
}

const PARAGRAPH_END_PUNCTUATION = new Set([...TERMINATORS, ...CLOSERS, ':', ';', '\u201c', '\u2018']);
/** Lines up to this long may be headings or datelines rather than wrapped prose. */
const SHORT_LINE = 80;

/** Line spans of a block, trimmed. */
function lines(text: string, block: Span): Span[] {
  const out: Span[] = [];
  let lineStart = block.start;
  for (let i = block.start; i <= block.end; i++) {
    if (i === block.end || text[i] === '\n') {
      const line = trimmed(text, lineStart, i);
      if (line) out.push(line);
      lineStart = i + 1;
    }
  }
  return out;
}

/** Some sources put one paragraph per line with no blank lines between. A block is read that way
 * when none of its lines breaks mid-sentence (hard-wrapped prose breaks lines mid-sentence). */
function splitLinesIfParagraphs(text: string, block: Span): Span[] {
  if (text.indexOf('\n', block.start) < 0 || text.indexOf('\n', block.start) >= block.end) return [block];
  const all = lines(text, block);
  const breaksMidSentence = all.slice(0, -1).some(
    (l, i) => !PARAGRAPH_END_PUNCTUATION.has(text[l.end - 1] ?? '') &&
      (l.end - l.start > SHORT_LINE || isLowercase(text[(all[i + 1] as Span).start])),
  );
  return breaksMidSentence || all.length < 2 ? [block] : all;
}

/** Paragraph spans. A break after a line without end punctuation, before a lowercase word, is a stray
 * line break inside one paragraph ("who is now\n\nat Stanford University"), so the blocks are joined. */
export function splitParagraphSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const block of blankLineBlocks(text).flatMap((b) => splitLinesIfParagraphs(text, b))) {
    const prev = out[out.length - 1];
    if (prev && !PARAGRAPH_END_PUNCTUATION.has(text[prev.end - 1] ?? '') && isLowercase(text[block.start])) {
      prev.end = block.end;
    } else {
      out.push({ ...block });
    }
  }
  return out;
}

/** The word (letters and inner dots) that ends just before `dot`, e.g. "U.S" or "Mr". */
function wordBeforeDot(text: string, dot: number, floor: number): string {
  let i = dot;
  while (i > floor && i > dot - 24 && (isLetter(text[i - 1]) || text[i - 1] === '.')) i--;
  return text.slice(i, dot);
}

/** The capitalised word starting at `pos` (letters only), or '' if none. */
function wordAt(text: string, pos: number, end: number): string {
  let i = pos;
  while (i < end && i < pos + 24 && isLetter(text[i])) i++;
  return text.slice(pos, i);
}

/** Is the period at `dot` part of an abbreviation rather than the end of a sentence? */
function isAbbreviationDot(text: string, dot: number, floor: number, nextWord: string): boolean {
  const word = wordBeforeDot(text, dot, floor);
  if (word === '') return false;
  const bare = word.replace(/^\.+/, '');
  const lower = bare.toLowerCase();
  if (TITLE_ABBREVIATIONS.has(lower)) return true;
  // A single capital letter is an initial ("John F. Kennedy").
  if (bare.length === 1 && bare === bare.toUpperCase() && isLetter(bare)) return true;
  // Dotted acronyms ("U.S.", "D.C.", "a.m.") and company suffixes: a boundary only before a typical opener.
  if (bare.includes('.') || SOFT_ABBREVIATIONS.has(lower)) return !SENTENCE_OPENERS.has(nextWord);
  return false;
}

const OPENERS_AFTER_BOUNDARY = new Set(['"', "'", '\u201c', '\u2018', '\u201e', '\u00ab', '(', '[', '\u2014', '-']);

/** Sentence spans inside [start, end). A paragraph end is always a sentence end. */
export function splitSentenceSpans(text: string, start = 0, end = text.length): Span[] {
  const out: Span[] = [];
  let sentenceStart = start;
  let i = start;
  while (i < end) {
    if (!isTerminatorCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const ch = text[i] as string;
    let j = i + 1;
    while (j < end && (TERMINATORS.has(text[j] as string) || CLOSERS.has(text[j] as string))) j++;
    if (j >= end) break;
    if (!isWhitespace(text[j])) {
      i = j;
      continue;
    }
    let k = j;
    while (k < end && isWhitespace(text[k])) k++;
    if (k >= end) break;
    const next = text[k] as string;
    const startsSentence = (isLetter(next) && !isLowercase(next)) || isDigit(next) || OPENERS_AFTER_BOUNDARY.has(next);
    const abbreviation = ch === '.' && j === i + 1 && isAbbreviationDot(text, i, sentenceStart, wordAt(text, k, end));
    if (startsSentence && !abbreviation) {
      const sentence = trimmed(text, sentenceStart, j);
      if (sentence) out.push(sentence);
      sentenceStart = k;
    }
    i = k;
  }
  const last = trimmed(text, sentenceStart, end);
  if (last) out.push(last);
  return out;
}

/** Paragraphs with their sentences. */
export function splitParagraphs(text: string): Paragraph[] {
  return splitParagraphSpans(text).map((p) => ({ ...p, sentences: splitSentenceSpans(text, p.start, p.end) }));
}
