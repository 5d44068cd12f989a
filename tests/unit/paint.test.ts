// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Analysis } from '@/lib/analysis/types';
import type { TextSegment } from '@/lib/extract';
import {
  countsByType,
  findHighlightApi,
  HighlightPainter,
  rangesByType,
  spansByType,
  type HighlightApi,
} from '@/lib/page/paint';

const ANALYSIS: Analysis = {
  entities: [
    { id: 'person:John Kerry', type: 'person', name: 'John Kerry', mentions: [{ start: 0, end: 10 }, { start: 40, end: 45 }] },
    { id: 'place:Syria', type: 'place', name: 'Syria', mentions: [{ start: 20, end: 25 }] },
    { id: 'organization:NATO', type: 'organization', name: 'NATO', mentions: [] },
  ],
  quotes: [
    { start: 30, end: 50, kind: 'direct', speaker: { name: 'John Kerry', entityId: 'person:John Kerry' } },
    { start: 52, end: 60, kind: 'reported', speaker: null },
  ],
};

/**
 * <p>John <b>Kerry</b> spoke.</p><p>Syria.</p>  extracted as "John Kerry spoke.\n\nSyria."
 * Segments: "John " [0,5), "Kerry" [5,10), " spoke." [10,17), gap "\n\n", "Syria." [19,25).
 */
function fixture(): { segments: TextSegment[]; nodes: Text[] } {
  document.body.innerHTML = '<p>John <b>Kerry</b> spoke.</p><p>Syria.</p>';
  const [p1, p2] = [...document.querySelectorAll('p')];
  const john = p1!.firstChild as Text;
  const kerry = p1!.querySelector('b')!.firstChild as Text;
  const spoke = p1!.lastChild as Text;
  const syria = p2!.firstChild as Text;
  const segments: TextSegment[] = [
    { start: 0, end: 5, node: john, nodeOffset: 0 },
    { start: 5, end: 10, node: kerry, nodeOffset: 0 },
    { start: 10, end: 17, node: spoke, nodeOffset: 0 },
    { start: 19, end: 25, node: syria, nodeOffset: 0 },
  ];
  return { segments, nodes: [john, kerry, spoke, syria] };
}

describe('spansByType and countsByType', () => {
  it('puts every mention under its type, a direct quote under quote and reported speech under reported', () => {
    expect(spansByType(ANALYSIS)).toEqual({
      person: [{ start: 0, end: 10 }, { start: 40, end: 45 }],
      place: [{ start: 20, end: 25 }],
      organization: [],
      quote: [{ start: 30, end: 50 }],
      reported: [{ start: 52, end: 60 }],
    });
  });

  it('counts distinct entities per type, and quotes by kind', () => {
    expect(countsByType(ANALYSIS)).toEqual({ person: 1, place: 1, organization: 1, quote: 1, reported: 1 });
  });
});

describe('rangesByType', () => {
  it('covers exactly each span, across element boundaries and without the gap between blocks', () => {
    const { segments } = fixture();
    const ranges = rangesByType(document, segments, {
      person: [{ start: 0, end: 10 }],
      place: [{ start: 19, end: 24 }],
      organization: [{ start: 5, end: 16 }],
      quote: [{ start: 11, end: 24 }],
      reported: [{ start: 0, end: 4 }],
    });
    expect(ranges.person.map(String)).toEqual(['John Kerry']);
    expect(ranges.place.map(String)).toEqual(['Syria']);
    expect(ranges.organization.map(String)).toEqual(['Kerry spoke']);
    expect(ranges.quote.map(String)).toEqual(['spoke.Syria']);
    expect(ranges.reported.map(String)).toEqual(['John']);
  });

  it('skips an empty span, a span wholly in a gap, and a span whose node changed since extraction', () => {
    const { segments, nodes } = fixture();
    nodes[3]!.data = 'S';
    const ranges = rangesByType(document, segments, {
      person: [{ start: 3, end: 3 }],
      place: [{ start: 19, end: 24 }],
      organization: [{ start: 17, end: 19 }],
      quote: [{ start: 0, end: 4 }],
      reported: [],
    });
    expect(ranges).toEqual({ person: [], place: [], organization: [], quote: [expect.anything()], reported: [] });
    expect(ranges.quote.map(String)).toEqual(['John']);
  });
});

describe('HighlightPainter', () => {
  /** Stands in for CSS.highlights and Highlight, which happy-dom lacks. */
  function fakeApi(): { api: HighlightApi; registry: Map<string, { ranges: Range[]; priority: number }> } {
    const registry = new Map<string, { ranges: Range[]; priority: number }>();
    const api: HighlightApi = {
      registry: {
        set: (name: string, highlight: never) => registry.set(name, highlight),
        delete: (name: string) => registry.delete(name),
      },
      create: (ranges) => ({ ranges, priority: 0 }),
    };
    return { api, registry };
  }

  it('registers one lede-* highlight per enabled type, even an empty one, with entities above quotes', () => {
    const { segments } = fixture();
    const { api, registry } = fakeApi();
    const ranges = rangesByType(document, segments, spansByType(ANALYSIS));
    new HighlightPainter(api, ranges).apply({ person: true, place: true, organization: true, quote: true, reported: true });
    expect([...registry.keys()].sort()).toEqual(['lede-organization', 'lede-person', 'lede-place', 'lede-quote', 'lede-reported']);
    expect(registry.get('lede-person')!.ranges.map(String)).toEqual(['John Kerry']);
    expect(registry.get('lede-organization')!.ranges).toEqual([]);
    expect(registry.get('lede-person')!.priority).toBeGreaterThan(registry.get('lede-quote')!.priority);
  });

  it('removes a type when it is switched off and re-adds it when switched back on', () => {
    const { segments } = fixture();
    const { api, registry } = fakeApi();
    const painter = new HighlightPainter(api, rangesByType(document, segments, spansByType(ANALYSIS)));
    painter.apply({ person: true, place: true, organization: true, quote: true, reported: true });
    painter.apply({ person: false, place: true, organization: true, quote: false, reported: false });
    expect([...registry.keys()].sort()).toEqual(['lede-organization', 'lede-place']);
    painter.apply({ person: true, place: true, organization: true, quote: false, reported: false });
    expect(registry.get('lede-person')!.ranges.map(String)).toEqual(['John Kerry']);
    // Reported speech switches on and off without the direct quotes.
    painter.apply({ person: true, place: true, organization: true, quote: false, reported: true });
    expect(registry.has('lede-reported')).toBe(true);
    expect(registry.has('lede-quote')).toBe(false);
    painter.clear();
    expect(registry.size).toBe(0);
  });

  it('reports no API where CSS.highlights or Highlight is missing', () => {
    expect(findHighlightApi({} as typeof globalThis)).toBeNull();
    expect(findHighlightApi({ CSS: {} } as unknown as typeof globalThis)).toBeNull();
    expect(findHighlightApi({ CSS: { highlights: new Map() } } as unknown as typeof globalThis)).toBeNull();
    const withApi = { CSS: { highlights: new Map() }, Highlight: class {} } as unknown as typeof globalThis;
    expect(findHighlightApi(withApi)).not.toBeNull();
  });
});
