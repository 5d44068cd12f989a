// fast-check generators of valid stored annotations with awkward text: any Unicode (emoji, RTL,
// combining marks), newlines, quotation marks, commas, formula starts, empty notes, many tags.

import fc from 'fast-check';
import { HIGHLIGHT_COLORS, type Annotation, type Selector } from '@/lib/notes/annotation';

const AWKWARD = ['😀', '👩‍👩‍👧', 'שלום', 'مرحبا بالعالم', '\u200f', '\u202e', 'e\u0301', '\n', '\r\n', '\r', '\t', '"', '""', ',', ';', "'", '=1+1', '+', '-', '@', '\\', '\u0000', '\u2028', ' '];

/** Text mixing arbitrary code points with the characters that break exporters. */
export function awkwardText(maxPieces = 12): fc.Arbitrary<string> {
  return fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(...AWKWARD)), { maxLength: maxPieces }).map((pieces) => pieces.join(''));
}

const isoTime = fc.date({ min: new Date('1990-01-01T00:00:00.000Z'), max: new Date('2099-12-31T23:59:59.999Z'), noInvalidDate: true }).map((d) => d.toISOString());
const tag = fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map((s) => s.trim()).filter((s) => s !== '');

export const annotationArbitrary: fc.Arbitrary<Annotation> = fc
  .record({
    uuid: fc.uuid(),
    motivation: fc.constantFrom('highlighting' as const, 'commenting' as const),
    created: isoTime,
    modified: isoTime,
    source: fc.webUrl({ withQueryParameters: true }),
    exact: awkwardText().filter((s) => s.trim() !== ''),
    prefix: awkwardText(3).map((s) => s.slice(0, 64)),
    suffix: awkwardText(3).map((s) => s.slice(0, 64)),
    start: fc.nat({ max: 999_000 }),
    length: fc.integer({ min: 1, max: 500 }),
    positionFirst: fc.boolean(),
    body: fc.oneof(fc.constant(''), awkwardText(20)),
    tags: fc.uniqueArray(tag, { maxLength: 8 }),
    color: fc.constantFrom(...HIGHLIGHT_COLORS),
    title: awkwardText(4),
    site: awkwardText(2).map((s) => s.slice(0, 100)),
  })
  .map((r): Annotation => {
    const quote: Selector = { type: 'TextQuoteSelector', exact: r.exact, prefix: r.prefix, suffix: r.suffix };
    const position: Selector = { type: 'TextPositionSelector', start: r.start, end: r.start + r.length };
    return {
      id: `urn:uuid:${r.uuid}`,
      type: 'Annotation',
      schemaVersion: 1,
      motivation: r.motivation,
      created: r.created,
      modified: r.modified,
      target: { source: r.source, selector: r.positionFirst ? [position, quote] : [quote, position] },
      body: r.body,
      tags: r.tags,
      color: r.color,
      page: { title: r.title, site: r.site },
    };
  });

/**
 * Sets with distinct ids and distinct passages (each note's position moved into its own
 * million-character band), so none is a duplicate of another.
 */
export function annotationSetArbitrary(maxLength = 12): fc.Arbitrary<Annotation[]> {
  return fc.uniqueArray(annotationArbitrary, { maxLength, selector: (a) => a.id }).map((set) =>
    set.map((annotation, i) => ({
      ...annotation,
      target: {
        ...annotation.target,
        selector: annotation.target.selector.map((s) => (s.type === 'TextPositionSelector' ? { ...s, start: s.start + i * 1_000_000, end: s.end + i * 1_000_000 } : s)),
      },
    })),
  );
}
