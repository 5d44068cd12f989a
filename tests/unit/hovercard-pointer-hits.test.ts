// Which painted target is under the pointer: CSS.highlights.highlightsFromPoint() where the browser
// has it (both the shipped and the first shape of its answer), Lede's rectangle index elsewhere.
import { describe, expect, it } from 'vitest';
import type { Rect } from '@/lib/page/hit-test';
import type { PaintedTarget } from '@/lib/page/entities/painted-targets';
import { PointerHitTester } from '@/lib/page/hover/pointer-hits';

/** A page scrolled by (scrollX, scrollY); ranges laid out at fixed page coordinates. */
interface FakeWindow {
  scrollX: number;
  scrollY: number;
  CSS?: { highlights: unknown };
}

function fakeRange(win: FakeWindow, pageRects: Rect[]): Range {
  return {
    getClientRects: () =>
      pageRects.map((r) => ({
        left: r.left - win.scrollX,
        top: r.top - win.scrollY,
        right: r.right - win.scrollX,
        bottom: r.bottom - win.scrollY,
      })),
  } as unknown as Range;
}

const rect = (left: number, top: number, right: number, bottom: number): Rect => ({ left, top, right, bottom });

/** "Kerry said “... Syria ...”": a person, then a quote with a place inside it. */
function page(win: FakeWindow) {
  const kerry: PaintedTarget = { kind: 'mention', type: 'person', entityId: 'person:Kerry', start: 0, end: 5, range: fakeRange(win, [rect(10, 100, 60, 120)]) };
  const quote: PaintedTarget = {
    kind: 'quote',
    type: 'quote',
    start: 12,
    end: 60,
    quote: { start: 12, end: 60, kind: 'direct', speaker: { name: 'Kerry', entityId: 'person:Kerry' } },
    range: fakeRange(win, [rect(100, 100, 600, 120), rect(0, 120, 200, 140)]),
  };
  const syria: PaintedTarget = { kind: 'mention', type: 'place', entityId: 'place:Syria', start: 20, end: 25, range: fakeRange(win, [rect(300, 100, 350, 120)]) };
  return { kerry, quote, syria, targets: [kerry, quote, syria] };
}

const all = (): boolean => true;

describe('PointerHitTester without highlightsFromPoint (rectangle index)', () => {
  it('finds the target under the point, with its line box in viewport coordinates', () => {
    const win: FakeWindow = { scrollX: 0, scrollY: 0 };
    const { kerry, quote, targets } = page(win);
    const tester = new PointerHitTester(win as unknown as Window, targets);
    expect(tester.hitAt(30, 110, all)).toEqual({ target: kerry, rect: rect(10, 100, 60, 120) });
    expect(tester.hitAt(50, 130, all)?.target).toBe(quote);
    expect(tester.hitAt(80, 110, all)).toBeNull();
  });

  it('prefers a name inside a quote to the quote', () => {
    const win: FakeWindow = { scrollX: 0, scrollY: 0 };
    const { syria, targets } = page(win);
    expect(new PointerHitTester(win as unknown as Window, targets).hitAt(320, 110, all)?.target).toBe(syria);
  });

  it('skips hidden types', () => {
    const win: FakeWindow = { scrollX: 0, scrollY: 0 };
    const { quote, targets } = page(win);
    const tester = new PointerHitTester(win as unknown as Window, targets);
    expect(tester.hitAt(320, 110, (t) => t.type !== 'place')?.target).toBe(quote);
    expect(tester.hitAt(320, 110, () => false)).toBeNull();
  });

  it('keeps answering correctly after the page scrolls', () => {
    const win: FakeWindow = { scrollX: 0, scrollY: 0 };
    const { kerry, targets } = page(win);
    const tester = new PointerHitTester(win as unknown as Window, targets);
    expect(tester.hitAt(30, 110, all)?.target).toBe(kerry);
    win.scrollY = 90; // "Kerry" now sits at y 10..30 in the viewport
    expect(tester.hitAt(30, 110, all)).toBeNull();
    expect(tester.hitAt(30, 20, all)).toEqual({ target: kerry, rect: rect(10, 10, 60, 30) });
  });
});

describe('PointerHitTester with highlightsFromPoint', () => {
  it('maps the ranges it reports back to targets', () => {
    const win: FakeWindow = { scrollX: 0, scrollY: 0 };
    const { quote, syria, targets } = page(win);
    const calls: Array<[number, number]> = [];
    win.CSS = {
      highlights: {
        highlightsFromPoint: (x: number, y: number) => {
          calls.push([x, y]);
          return [
            { highlight: {}, ranges: [syria.range] },
            { highlight: {}, ranges: [quote.range] },
          ];
        },
        forEach: () => undefined,
      },
    };
    const tester = new PointerHitTester(win as unknown as Window, targets);
    expect(tester.hitAt(320, 110, all)?.target).toBe(syria);
    expect(calls).toEqual([[320, 110]]);
    expect(tester.hitAt(320, 110, (t) => t.type === 'quote')?.target).toBe(quote);
  });

  it('finds the target from a bare Highlight (the first shape of the answer) through its registry name', () => {
    const win: FakeWindow = { scrollX: 0, scrollY: 0 };
    const { kerry, targets } = page(win);
    // A Highlight is set-like, with no `highlight` or `ranges` of its own.
    const personHighlight = { size: 1, has: (r: unknown) => r === kerry.range };
    win.CSS = {
      highlights: {
        highlightsFromPoint: () => [personHighlight],
        forEach: (callback: (value: unknown, name: string) => void) => callback(personHighlight, 'lede-person'),
      },
    };
    expect(new PointerHitTester(win as unknown as Window, targets).hitAt(30, 110, all)?.target).toBe(kerry);
  });

  it('reports nothing where the browser finds no highlight', () => {
    const win: FakeWindow = { scrollX: 0, scrollY: 0 };
    const { targets } = page(win);
    win.CSS = { highlights: { highlightsFromPoint: () => [], forEach: () => undefined } };
    expect(new PointerHitTester(win as unknown as Window, targets).hitAt(30, 110, all)).toBeNull();
  });

  it('falls back to the rectangles when highlightsFromPoint throws', () => {
    const win: FakeWindow = { scrollX: 0, scrollY: 0 };
    const { kerry, targets } = page(win);
    win.CSS = {
      highlights: {
        highlightsFromPoint: () => {
          throw new TypeError('not like this');
        },
        forEach: () => undefined,
      },
    };
    expect(new PointerHitTester(win as unknown as Window, targets).hitAt(30, 110, all)?.target).toBe(kerry);
  });
});
