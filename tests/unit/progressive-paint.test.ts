// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mapInSlices, nearestFirst, spanItems, targetOf } from '@/lib/page/entities/progressive-paint';
import type { Analysis } from '@/lib/analysis/types';
import type { TextSegment } from '@/lib/extract';
import { HighlightPainter, type HighlightApi, type RangesByType } from '@/lib/page/paint';
import { inReadingOrder } from '@/lib/page/span-navigation';

/** One paragraph per word, the article text their words joined by "\n\n". */
function page(words: string[]): { text: string; segments: TextSegment[] } {
  document.body.innerHTML = '';
  const segments: TextSegment[] = [];
  let text = '';
  for (const word of words) {
    if (text) text += '\n\n';
    const p = document.createElement('p');
    const node = document.createTextNode(word);
    p.append(node);
    document.body.append(p);
    segments.push({ start: text.length, end: text.length + word.length, node, nodeOffset: 0 });
    text += word;
  }
  return { text, segments };
}

describe('nearestFirst', () => {
  it('walks outwards from an offset, the closer neighbour first', () => {
    const sorted = [0, 10, 20, 30, 40].map((start) => ({ start }));
    expect([...nearestFirst(sorted, 22)]).toEqual([2, 3, 1, 4, 0]);
    expect([...nearestFirst(sorted, 0)]).toEqual([0, 1, 2, 3, 4]);
    expect([...nearestFirst(sorted, 99)]).toEqual([4, 3, 2, 1, 0]);
    expect([...nearestFirst([], 5)]).toEqual([]);
  });
});

describe('mapInSlices', () => {
  const words = Array.from({ length: 300 }, (_, i) => `Name${i}`);

  function analysisOf(text: string): Analysis {
    return {
      entities: words.map((word, i) => {
        const start = text.indexOf(`${word}\n`) >= 0 ? text.indexOf(`${word}\n`) : text.lastIndexOf(word);
        return { id: `person:${i}`, type: 'person' as const, name: word, mentions: [{ start, end: start + word.length }] };
      }),
      quotes: [],
    };
  }

  it('maps every span, slice by slice, nearest the reader first, and returns them in reading order', async () => {
    const { text, segments } = page(words);
    const items = inReadingOrder(spanItems(analysisOf(text)));
    const from = segments[150]!.start;
    let clock = 0;
    const slices: string[][] = [];
    let yields = 0;
    const targets = await mapInSlices(document, segments, items, from, (slice) => slices.push(slice.map((t) => t.range.toString())), {
      // Each clock reading moves time on 1 ms: a 2 ms budget makes slices of 64 spans.
      now: () => (clock += 1),
      yieldToPage: async () => void (yields += 1),
      cancelled: () => false,
      budgetMs: 2,
    });
    expect(slices.length).toBeGreaterThan(1);
    expect(yields).toBe(slices.length - 1);
    expect(slices[0]![0]).toBe('Name150');
    expect(slices.flat().sort()).toEqual([...words].sort());
    expect(targets!.map((t) => t.range.toString())).toEqual(words);
  });

  it('stops when cancelled', async () => {
    const { text, segments } = page(words);
    const items = inReadingOrder(spanItems(analysisOf(text)));
    let slices = 0;
    let clock = 0;
    const targets = await mapInSlices(document, segments, items, 0, () => (slices += 1), {
      now: () => (clock += 1),
      yieldToPage: async () => undefined,
      cancelled: () => slices >= 2,
      budgetMs: 2,
    });
    expect(targets).toBeNull();
    expect(slices).toBe(2);
  });

  it('skips a span that maps onto no text', () => {
    const { segments } = page(['Kerry']);
    expect(targetOf(document, segments, { kind: 'mention', type: 'person', entityId: 'p', start: 50, end: 60 })).toBeNull();
    expect(targetOf(document, segments, { kind: 'mention', type: 'person', entityId: 'p', start: 0, end: 5 })?.range.toString()).toBe('Kerry');
  });
});

describe('HighlightPainter.add', () => {
  function fakeApi(withAdd: boolean) {
    const registry = new Map<string, { ranges: Range[]; priority: number }>();
    let created = 0;
    const api: HighlightApi = {
      registry: {
        set: (name, highlight) => registry.set(name, highlight as { ranges: Range[]; priority: number }),
        delete: (name) => registry.delete(name),
      },
      create: (ranges) => {
        created += 1;
        const highlight = { ranges: [...ranges], priority: 0 };
        return withAdd ? Object.assign(highlight, { add: (range: Range) => highlight.ranges.push(range) }) : highlight;
      },
    };
    return { api, registry, created: () => created };
  }

  const rangesOf = (words: string[]): Range[] => {
    const { segments } = page(words);
    return segments.map((segment) => {
      const range = document.createRange();
      range.setStart(segment.node, 0);
      range.setEnd(segment.node, segment.node.data.length);
      return range;
    });
  };
  const empty = (): RangesByType => ({ person: [], place: [], organization: [], quote: [], reported: [] });
  const ALL = { person: true, place: true, organization: true, quote: false, reported: false };

  it('adds ranges to the live highlights without creating new ones', () => {
    const [a, b, c] = rangesOf(['Kerry', 'Geneva', 'Lavrov']);
    const fake = fakeApi(true);
    const painter = new HighlightPainter(fake.api, { ...empty(), person: [a!] });
    painter.apply(ALL);
    const before = fake.created();
    painter.add({ ...empty(), person: [c!], place: [b!] });
    expect(fake.created()).toBe(before);
    expect(fake.registry.get('lede-person')!.ranges.map(String)).toEqual(['Kerry', 'Lavrov']);
    expect(fake.registry.get('lede-place')!.ranges.map(String)).toEqual(['Geneva']);
    expect(fake.registry.has('lede-quote')).toBe(false);
    // What was added stays painted when the reader turns a type off and on again.
    painter.apply({ ...ALL, person: false });
    painter.apply(ALL);
    expect(fake.registry.get('lede-person')!.ranges.map(String)).toEqual(['Kerry', 'Lavrov']);
  });

  it('registers the types again where a highlight cannot add', () => {
    const [a, b] = rangesOf(['Kerry', 'Lavrov']);
    const fake = fakeApi(false);
    const painter = new HighlightPainter(fake.api, { ...empty(), person: [a!] });
    painter.apply(ALL);
    painter.add({ ...empty(), person: [b!] });
    expect(fake.registry.get('lede-person')!.ranges.map(String)).toEqual(['Kerry', 'Lavrov']);
  });
});
