// Properties of the anchoring engine over random texts and spans (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchor, anchorAll, describeSpan } from '../../lib/anchoring';
import type { AnchorStatus, TextQuoteSelector } from '../../lib/notes/annotation';

/** Prose-like text from a small vocabulary: repeats are common, which is what stresses anchoring. */
const WORDS = ['the', 'talks', 'Kerry', 'said', 'Russia', 'will', 'resume', 'in', 'Syria', 'a', 'cease-fire', '“No,”', 'it’s', 'on', 'Monday'];
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', '\n\n', '\u00a0', '  '];

const proseArb = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 120 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

/** Text with a non-empty span in it. */
const textWithSpanArb = proseArb.chain((text) =>
  fc
    .tuple(fc.nat({ max: Math.max(0, text.length - 1) }), fc.integer({ min: 1, max: 80 }))
    .map(([start, length]) => ({ text, start, end: Math.min(text.length, start + length) })),
);

/** The quote and all its stored context sit verbatim at this span: no selector can tell it apart. */
function indistinguishable(text: string, quote: TextQuoteSelector, start: number, end: number): boolean {
  return (
    text.slice(start, end) === quote.exact &&
    text.slice(start - quote.prefix.length, start) === quote.prefix &&
    text.slice(end, end + quote.suffix.length) === quote.suffix
  );
}

describe('anchoring properties', () => {
  it('finds every span of an unchanged text exactly where it was', () => {
    fc.assert(
      fc.property(textWithSpanArb, ({ text, start, end }) => {
        expect(anchor(text, describeSpan(text, start, end))).toMatchObject({ status: 'anchored', start, end });
      }),
      { numRuns: 300 },
    );
  });

  it('after an insertion elsewhere finds the shifted span or orphans, never another place', () => {
    const insertionArb = fc.oneof(proseArb, fc.string({ minLength: 1, maxLength: 40 }));
    fc.assert(
      fc.property(textWithSpanArb, insertionArb, fc.double({ min: 0, max: 1, noNaN: true }), ({ text, start, end }, inserted, where) => {
        const [quote, position] = describeSpan(text, start, end);
        // Insert before the span or after it, outside the span and the context stored with it: an edit
        // inside that context can leave two places equally close to it (the bench's insert-adjacent kind
        // measures that case).
        const before = where < 0.5;
        const contextStart = start - quote.prefix.length;
        const contextEnd = end + quote.suffix.length;
        const at = before
          ? Math.floor((where / 0.5) * contextStart)
          : contextEnd + Math.floor(((where - 0.5) / 0.5) * (text.length - contextEnd));
        const edited = text.slice(0, at) + inserted + text.slice(at);
        const shift = before ? inserted.length : 0;
        const status: AnchorStatus = anchor(edited, [quote, position]);
        if (status.status === 'orphan') return;
        const exactlyShifted = status.start === start + shift && status.end === end + shift;
        expect(exactlyShifted || indistinguishable(edited, quote, status.start, status.end)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('anchorAll agrees with anchor note by note', () => {
    fc.assert(
      fc.property(proseArb, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 60 })), { minLength: 1, maxLength: 10 }), proseArb, (text, spans, inserted) => {
        const notes = spans.map(([s, length]) => {
          const start = s % text.length;
          return { target: { selector: describeSpan(text, start, Math.min(text.length, start + length)) } };
        });
        const edited = inserted + text;
        const all = anchorAll(edited, notes);
        notes.forEach((note, i) => {
          const one = anchor(edited, note.target.selector);
          const many = all[i]!;
          // anchorAll may first try a neighbour's shift, which it only takes where the quote and all of
          // its context are verbatim; otherwise it answers exactly as anchor does.
          if (many.status === 'anchored' && (one.status !== 'anchored' || one.start !== many.start || one.end !== many.end)) {
            const [quote] = note.target.selector;
            expect(indistinguishable(edited, quote, many.start, many.end)).toBe(true);
          } else {
            expect(many.status === 'anchored' ? [many.start, many.end] : many.status).toEqual(
              one.status === 'anchored' ? [one.start, one.end] : one.status,
            );
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary strings, lone surrogates and odd selectors', () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 200 });
    fc.assert(
      fc.property(anyText, anyText, anyText, anyText, fc.integer(), fc.integer(), (text, exact, prefix, suffix, start, end) => {
        const status = anchor(text, [
          { type: 'TextQuoteSelector', exact, prefix, suffix },
          { type: 'TextPositionSelector', start, end },
        ]);
        expect(['anchored', 'orphan']).toContain(status.status);
        if (status.status === 'anchored') {
          expect(status.start).toBeGreaterThanOrEqual(0);
          expect(status.end).toBeLessThanOrEqual(text.length);
          expect(status.start).toBeLessThanOrEqual(status.end);
        }
      }),
      { numRuns: 500 },
    );
  });
});
