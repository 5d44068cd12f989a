// Typography-blind matching text and its offset map back to the original.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForMatching } from '../../lib/anchoring';
import { originalSpanOfChar, toNormalizedOffset, toOriginalSpan } from '../../lib/anchoring/normalize';

describe('normalizeForMatching', () => {
  it.each([
    ['curly apostrophe', 'it\u2019s', "it's"],
    ['curly double quotes', '\u201cNo,\u201d he said', '"No," he said'],
    ['low and guillemet quotes', '\u201eJa\u201c and \u00abnon\u00bb', '"Ja" and "non"'],
    ['en and em dashes', '2015\u20132016 \u2014 or so', '2015-2016 - or so'],
    ['non-breaking space', 'Mr.\u00a0Kerry', 'Mr. Kerry'],
    ['narrow no-break and thin spaces', '10\u202f000\u2009km', '10 000 km'],
    ['runs of whitespace and line breaks', 'one  two\n\nthree\t four', 'one two three four'],
    ['zero-width space, joiner and BOM', 'Ker\u200bry\u200d and \ufeffthem', 'Kerry and them'],
    ['soft hyphen', 'co\u00adoperation', 'cooperation'],
    ['ellipsis', 'and so\u2026', 'and so...'],
    ['invisible inside a space run', 'a \u200b b', 'a b'],
    ['plain text untouched', 'Plain ASCII text.', 'Plain ASCII text.'],
    ['empty', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(normalizeForMatching(input).text).toBe(expected);
  });

  it('maps each normalised character back to the original characters it stands for', () => {
    const text = 'A\u00a0 \u201cquote\u201d\u2026 co\u00adop\n\nend';
    const norm = normalizeForMatching(text);
    expect(norm.text).toBe('A "quote"... coop end');
    const pieces = [...norm.text].map((_, i) => {
      const { start, end } = originalSpanOfChar(norm, i);
      return text.slice(start, end);
    });
    expect(pieces).toEqual(['A', '\u00a0 ', '\u201c', 'q', 'u', 'o', 't', 'e', '\u201d', '\u2026', '\u2026', '\u2026', ' ', 'c', 'o', 'o', 'p', '\n\n', 'e', 'n', 'd']);
    const quote = norm.text.indexOf('"quote"');
    expect(toOriginalSpan(norm, quote, quote + 7)).toEqual({ start: 3, end: 10 });
  });

  it('maps offsets both ways consistently for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\u00a0', '\n', '\u2019', '\u2014', '\u00ad', '\u200b', '\u2026', 'x'), maxLength: 60 }), (text) => {
        const norm = normalizeForMatching(text);
        let previous = { start: 0, end: 0 };
        for (let i = 0; i < norm.text.length; i += 1) {
          const span = originalSpanOfChar(norm, i);
          // In order and never overlapping (the three full stops of an ellipsis share its one span).
          const sameAsPrevious = span.start === previous.start && span.end === previous.end;
          expect(sameAsPrevious || span.start >= previous.end).toBe(true);
          expect(span.end).toBeLessThanOrEqual(text.length);
          // What a normalised character stands for normalises to that character.
          expect(normalizeForMatching(text.slice(span.start, span.end)).text).toContain(norm.text[i]);
          expect(toNormalizedOffset(norm, span.start)).toBeLessThanOrEqual(i);
          previous = span;
        }
      }),
      { numRuns: 300 },
    );
  });
});
