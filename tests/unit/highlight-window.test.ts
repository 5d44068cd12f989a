// Entity highlights on a long article register only the ranges near the viewport.
import { describe, expect, it } from 'vitest';
import { WINDOW_FROM_RANGES, windowedHighlightApi, type ViewportLike } from '../../lib/page/highlight-window';
import type { HighlightApi, HighlightLike } from '../../lib/page/paint';

/** A stand-in for the browser's Highlight: a set of ranges with a priority. */
class FakeHighlight implements HighlightLike {
  priority = 0;
  readonly ranges = new Set<Range>();
  constructor(ranges: Range[]) {
    for (const range of ranges) this.ranges.add(range);
  }
  add(range: Range): void {
    this.ranges.add(range);
  }
  clear(): void {
    this.ranges.clear();
  }
}

/** Ranges one line (20 px) apart down the page, scrolled by `scroll.y`. */
function rangesDownThePage(count: number, scroll: { y: number }): Range[] {
  return Array.from({ length: count }, (_, i) => {
    const top = i * 20;
    return { getBoundingClientRect: () => ({ top: top - scroll.y, bottom: top + 16 - scroll.y }) } as unknown as Range;
  });
}

function setup() {
  const registered = new Map<string, FakeHighlight>();
  const api: HighlightApi = {
    registry: {
      set: (name, highlight) => registered.set(name, highlight as unknown as FakeHighlight),
      delete: (name) => registered.delete(name),
    },
    create: (ranges) => new FakeHighlight(ranges),
  };
  const frames: Array<() => void> = [];
  const listeners: Array<() => void> = [];
  const view: ViewportLike = {
    innerHeight: 1000,
    addEventListener: (_type, listener) => listeners.push(listener),
    requestAnimationFrame: (callback) => frames.push(callback),
  };
  const scroll = (): void => {
    for (const listener of listeners) listener();
    while (frames.length > 0) frames.shift()!();
  };
  return { registered, windowed: windowedHighlightApi(api, view), scroll };
}

describe('windowedHighlightApi', () => {
  it('registers every range of a highlight that has few', () => {
    const { registered, windowed } = setup();
    const ranges = rangesDownThePage(WINDOW_FROM_RANGES, { y: 0 });
    windowed.registry.set('lede-person', windowed.create(ranges) as never);
    expect(registered.get('lede-person')!.ranges.size).toBe(WINDOW_FROM_RANGES);
  });

  it('registers only the ranges within a quarter screen of the viewport of a highlight that has many, and follows scrolling', () => {
    const { registered, windowed, scroll } = setup();
    const position = { y: 0 };
    const ranges = rangesDownThePage(5_000, position); // 100,000 px of page
    const highlight = windowed.create(ranges);
    highlight.priority = 1;
    windowed.registry.set('lede-person', highlight as never);
    const real = registered.get('lede-person')!;
    expect(real.priority).toBe(1);
    // Viewport 0-1000 px, margin 250 px: ranges whose top is at most 1250 px.
    expect(real.ranges.size).toBe(63);
    expect(real.ranges.has(ranges[0]!)).toBe(true);
    position.y = 50_000;
    scroll();
    expect(real.ranges.has(ranges[0]!)).toBe(false);
    expect(real.ranges.has(ranges[2_500]!)).toBe(true);
    // Bottoms below 49,750 px, tops down to 51,250 px.
    expect(real.ranges.size).toBe(76);
  });

  it('finds the ranges near the viewport whatever order the painter gave them in', () => {
    const { registered, windowed } = setup();
    const ranges = rangesDownThePage(2_000, { y: 0 });
    // By entity, as painters hand them over: every tenth range first, then the rest.
    const shuffled = [...ranges.filter((_, i) => i % 10 === 0), ...ranges.filter((_, i) => i % 10 !== 0)];
    windowed.registry.set('lede-organization', windowed.create(shuffled) as never);
    const real = registered.get('lede-organization')!;
    expect([...real.ranges].sort((a, b) => ranges.indexOf(a) - ranges.indexOf(b))).toEqual(ranges.slice(0, 63));
  });

  it('switches to the window when ranges added one by one cross the threshold', () => {
    const { registered, windowed, scroll } = setup();
    const ranges = rangesDownThePage(1_000, { y: 0 });
    const highlight = windowed.create(ranges.slice(0, 10));
    windowed.registry.set('lede-place', highlight as never);
    for (const range of ranges.slice(10)) highlight.add!(range);
    scroll(); // runs the frame the additions asked for
    expect(registered.get('lede-place')!.ranges.size).toBe(63);
  });

  it('stops following a highlight once it is deleted', () => {
    const { registered, windowed, scroll } = setup();
    const position = { y: 0 };
    windowed.registry.set('lede-quote', windowed.create(rangesDownThePage(1_000, position)) as never);
    const real = registered.get('lede-quote')!;
    windowed.registry.delete('lede-quote');
    position.y = 10_000;
    scroll();
    expect(real.ranges.size).toBe(63);
  });
});
