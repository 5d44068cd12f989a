// Text surgery for the anchoring suite: paragraph blocks, passages picked at word boundaries, and
// splices that say where an old offset lands in the edited text.
import type { Rng } from './anchoring-prng';

export interface Span {
  start: number;
  end: number;
}

/** Maximal runs of text between blank lines ("\n\n" and longer), the article text's paragraphs. */
export function paragraphBlocks(text: string): Span[] {
  const blocks: Span[] = [];
  const separator = /\n[ \t\u00a0]*\n\s*/g;
  let start = 0;
  for (let match = separator.exec(text); match; match = separator.exec(text)) {
    if (match.index > start) blocks.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  if (start < text.length) blocks.push({ start, end: text.length });
  return blocks.filter((b) => text.slice(b.start, b.end).trim().length > 0);
}

export function blockIndexOf(blocks: readonly Span[], offset: number): number {
  return blocks.findIndex((b) => b.start <= offset && offset < b.end);
}

function countOccurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

export const occursOnce = (haystack: string, needle: string): boolean => countOccurrences(haystack, needle) === 1;

export interface PassageOptions {
  minWords: number;
  maxWords: number;
  minChars?: number;
  maxChars?: number;
}

/**
 * A run of whole words inside one paragraph line, as a reader would select it, that occurs once in
 * the text (so "the right words" is well defined). Null when none is found after a few tries.
 */
export function pickPassage(text: string, rng: Rng, options: PassageOptions): Span | null {
  const blocks = paragraphBlocks(text);
  for (let attempt = 0; attempt < 60; attempt++) {
    const block = rng.pick(blocks);
    // One line of the block: a selection rarely crosses a line break.
    const lines = [...text.slice(block.start, block.end).matchAll(/[^\n]+/g)];
    const line = rng.pick(lines);
    const lineStart = block.start + line.index;
    const words = [...line[0].matchAll(/\S+/g)].map((w) => ({ start: lineStart + w.index, end: lineStart + w.index + w[0].length }));
    if (words.length < options.minWords) continue;
    const count = rng.int(options.minWords, Math.min(options.maxWords, words.length));
    const first = rng.int(0, words.length - count);
    const span = { start: words[first]!.start, end: words[first + count - 1]!.end };
    const length = span.end - span.start;
    if (length < (options.minChars ?? 0) || length > (options.maxChars ?? Number.POSITIVE_INFINITY)) continue;
    if (occursOnce(text, text.slice(span.start, span.end))) return span;
  }
  return null;
}

/** Replace `remove` characters at `at` with `insert`. */
export interface Splice {
  at: number;
  remove: number;
  insert: string;
}

export interface Spliced {
  text: string;
  /** Where a span of the old text lies in the new one (its ends must not fall inside a splice). */
  mapSpan(span: Span): Span;
}

/** Applies non-overlapping splices, in any order. */
export function applySplices(text: string, splices: readonly Splice[]): Spliced {
  const sorted = [...splices].sort((a, b) => a.at - b.at);
  let out = '';
  let cursor = 0;
  for (const s of sorted) {
    if (s.at < cursor) throw new Error(`overlapping splices at ${s.at}`);
    out += text.slice(cursor, s.at) + s.insert;
    cursor = s.at + s.remove;
  }
  out += text.slice(cursor);
  const delta = (s: Splice): number => s.insert.length - s.remove;
  // Text inserted exactly at a span's start goes before it; exactly at its end, after it.
  const mapStart = (offset: number): number =>
    offset + sorted.filter((s) => s.at + s.remove <= offset).reduce((sum, s) => sum + delta(s), 0);
  const mapEnd = (offset: number): number =>
    offset + sorted.filter((s) => s.at + s.remove <= offset && (s.remove > 0 || s.at < offset)).reduce((sum, s) => sum + delta(s), 0);
  return { text: out, mapSpan: (span) => ({ start: mapStart(span.start), end: mapEnd(span.end) }) };
}

/** Words (letters and digits) inside a span, as spans of the text. */
export function wordsIn(text: string, span: Span, pattern = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu): Span[] {
  return [...text.slice(span.start, span.end).matchAll(pattern)].map((m) => ({
    start: span.start + m.index,
    end: span.start + m.index + m[0].length,
  }));
}

/** k distinct items of a list, in their original order. */
export function sample<T>(items: readonly T[], k: number, rng: Rng): T[] {
  const indices = items.map((_, i) => i);
  for (let i = indices.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [indices[i], indices[j]] = [indices[j]!, indices[i]!];
  }
  return indices.slice(0, k).sort((a, b) => a - b).map((i) => items[i]!);
}
