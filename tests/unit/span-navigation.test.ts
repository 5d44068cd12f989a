import { describe, expect, it } from 'vitest';
import { compareReadingOrder, inReadingOrder, stepTarget } from '@/lib/page/span-navigation';

interface Target {
  start: number;
  end: number;
  type: 'person' | 'place' | 'quote';
}

// "Kerry said “Syria must ... Assad” in Geneva": a quote enclosing a place, then another place.
const TARGETS: Target[] = inReadingOrder<Target>([
  { start: 60, end: 66, type: 'place' }, // Geneva
  { start: 0, end: 5, type: 'person' }, // Kerry
  { start: 12, end: 17, type: 'place' }, // Syria, inside the quote
  { start: 12, end: 50, type: 'quote' },
]);

const spanOf = (t: Target | null): [number, number] | null => (t ? [t.start, t.end] : null);

describe('reading order', () => {
  it('sorts by start, the enclosing span first at equal starts', () => {
    expect(TARGETS.map((t) => [t.start, t.end])).toEqual([[0, 5], [12, 50], [12, 17], [60, 66]]);
    expect(compareReadingOrder({ start: 1, end: 9 }, { start: 1, end: 3 })).toBeLessThan(0);
  });
});

describe('stepTarget', () => {
  it('walks forward through every target and wraps round', () => {
    const seen: Array<[number, number] | null> = [];
    let current: Target | null = null;
    for (let i = 0; i < 5; i += 1) {
      current = stepTarget(TARGETS, current, 'next');
      seen.push(spanOf(current));
    }
    expect(seen).toEqual([[0, 5], [12, 50], [12, 17], [60, 66], [0, 5]]);
  });

  it('walks backward and wraps from the first to the last', () => {
    expect(spanOf(stepTarget(TARGETS, null, 'previous'))).toEqual([60, 66]);
    expect(spanOf(stepTarget(TARGETS, TARGETS[1]!, 'previous'))).toEqual([0, 5]);
    expect(spanOf(stepTarget(TARGETS, TARGETS[0]!, 'previous'))).toEqual([60, 66]);
  });

  it('skips targets of hidden types', () => {
    const noPlaces = (t: Target): boolean => t.type !== 'place';
    expect(spanOf(stepTarget(TARGETS, TARGETS[1]!, 'next', noPlaces))).toEqual([0, 5]);
    expect(spanOf(stepTarget(TARGETS, null, 'previous', noPlaces))).toEqual([12, 50]);
  });

  it('returns null when nothing is shown', () => {
    expect(stepTarget(TARGETS, null, 'next', () => false)).toBeNull();
    expect(stepTarget([], null, 'next')).toBeNull();
  });

  it("begins at the reader's place when nothing is selected yet", () => {
    expect(spanOf(stepTarget(TARGETS, null, 'next', undefined, 12))).toEqual([12, 50]);
    expect(spanOf(stepTarget(TARGETS, null, 'next', undefined, 13))).toEqual([60, 66]);
    expect(spanOf(stepTarget(TARGETS, null, 'next', undefined, 70))).toEqual([0, 5]);
    expect(spanOf(stepTarget(TARGETS, null, 'previous', undefined, 12))).toEqual([0, 5]);
    expect(spanOf(stepTarget(TARGETS, null, 'previous', undefined, 0))).toEqual([60, 66]);
  });

  it('continues from a span that is no longer a target (its type was just hidden) by position', () => {
    const gone = { start: 30, end: 35 };
    expect(spanOf(stepTarget(TARGETS, gone, 'next'))).toEqual([60, 66]);
    expect(spanOf(stepTarget(TARGETS, gone, 'previous'))).toEqual([12, 17]);
  });
});
