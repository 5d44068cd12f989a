// Degenerate and huge inputs: findQuotes must return sane results (often nothing), never garbage.
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../lib/analysis/quotes';
import { splitParagraphs } from '../../lib/analysis/sentences';
import type { Quote } from '../../lib/analysis/types';
import { readSeed, seedEntities } from '../../testing/fixtures/quotes-fixtures';

/** Every quote lies inside the text, is non-empty, and they are sorted by start. */
function expectWellFormed(text: string, quotes: Quote[]): void {
  let previous = -1;
  for (const q of quotes) {
    expect(q.start).toBeGreaterThanOrEqual(0);
    expect(q.end).toBeLessThanOrEqual(text.length);
    expect(q.end).toBeGreaterThan(q.start);
    expect(q.start).toBeGreaterThanOrEqual(previous);
    expect(['direct', 'reported']).toContain(q.kind);
    previous = q.start;
  }
}

/** A deterministic pseudo-random generator, so failures reproduce. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('findQuotes on degenerate input', () => {
  it('returns nothing for empty and blank text', () => {
    expect(findQuotes('', [])).toEqual([]);
    expect(findQuotes(' \n\n\t ', [])).toEqual([]);
  });

  it('finds nothing in 10,000 unmatched opening marks', () => {
    const text = '“ word '.repeat(10_000);
    expect(findQuotes(text, [])).toEqual([]);
  });

  it('finds nothing in 10,000 straight marks', () => {
    expect(findQuotes('" '.repeat(10_000), [])).toEqual([]);
    expect(findQuotes('"'.repeat(10_000), [])).toEqual([]);
  });

  it('bounds every quote in a text of alternating marks at its paragraph', () => {
    const text = ('“Open and never closed here.\n\nPlain text follows.\n\n').repeat(2_000);
    const quotes = findQuotes(text, []);
    expectWellFormed(text, quotes);
    for (const q of quotes) expect(text.slice(q.start, q.end)).not.toContain('Plain text');
  });

  it('returns well-formed results for random unicode', () => {
    const next = random(7);
    let text = '';
    for (let i = 0; i < 100_000; i++) text += String.fromCodePoint(32 + Math.floor(next() * 0x2fff));
    expectWellFormed(text, findQuotes(text, []));
  });

  it('returns well-formed results for a soup of quotation marks, cues and names', () => {
    const pieces = [' ', '. ', ', ', '"', '“', '”', '’’', '«', '»', '\n\n', ':', 'Mr.', 'said', 'he', 'She', 'officials', 'according to', 'Doe', 'that'];
    const next = random(11);
    const parts: string[] = [];
    for (let i = 0; i < 50_000; i++) parts.push(pieces[Math.floor(next() * pieces.length)] as string);
    const text = parts.join(' ');
    expectWellFormed(text, findQuotes(text, []));
  });

  it('tolerates entities with empty, reversed or out-of-range mentions', () => {
    const text = '“We will win this race,” Mr. Smith said.';
    const odd = [
      { id: 'person:A', type: 'person' as const, name: 'A', mentions: [{ start: 5, end: 5 }, { start: 9, end: 3 }, { start: 500, end: 600 }] },
      { id: 'person:John Smith', type: 'person' as const, name: 'John Smith', mentions: [{ start: 29, end: 34 }] },
    ];
    const quotes = findQuotes(text, odd);
    expectWellFormed(text, quotes);
    expect(quotes.map((q) => q.speaker)).toEqual([{ name: 'John Smith', entityId: 'person:John Smith' }]);
  });

  it('handles one 200,000-character line', () => {
    const line = 'The talks went on for hours, Mr. Smith said, as he left. '.repeat(3_500).slice(0, 200_000);
    const quotes = findQuotes(line, []);
    expectWellFormed(line, quotes);
    expect(quotes.length).toBeGreaterThan(1000);
    expect(splitParagraphs(line)).toHaveLength(1);
  });

  it('handles a 5 MB article and finds the same quotes in every copy', () => {
    const article = readSeed('article.txt');
    const copies = Math.ceil(5_000_000 / (article.length + 2));
    const text = Array.from({ length: copies }, () => article).join('\n\n');
    const single = findQuotes(article, seedEntities(article));
    const quotes = findQuotes(text, []);
    expectWellFormed(text, quotes);
    // Without entities only the phrase-named and surname speakers stay, but the spans are the same in every copy.
    const perCopy = findQuotes(article, []).length;
    expect(quotes).toHaveLength(perCopy * copies);
    expect(single.filter((q) => q.kind === 'direct')).toHaveLength(13);
  });
});
