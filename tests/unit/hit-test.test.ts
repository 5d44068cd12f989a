import { describe, expect, it } from 'vitest';
import { containsPoint, RectIndex, rectAt, shiftRect, type Rect } from '@/lib/page/hit-test';

const rect = (left: number, top: number, right: number, bottom: number): Rect => ({ left, top, right, bottom });

describe('containsPoint', () => {
  it.each([
    [10, 10, true],
    [0, 0, true],
    [99.9, 19.9, true],
    [100, 10, false], // right edge is outside: adjacent rects never both claim a point
    [10, 20, false],
    [-1, 10, false],
  ])('(%d, %d) inside [0,0,100,20] is %s', (x, y, inside) => {
    expect(containsPoint(rect(0, 0, 100, 20), x, y)).toBe(inside);
  });
});

describe('RectIndex', () => {
  it('finds the item whose rect holds the point, and nothing between rects', () => {
    const index = new RectIndex([
      { item: 'Kerry', rects: [rect(10, 100, 60, 120)] },
      { item: 'Syria', rects: [rect(200, 100, 250, 120)] },
    ]);
    expect(index.hitsAt(30, 110)).toEqual(['Kerry']);
    expect(index.hitsAt(220, 119)).toEqual(['Syria']);
    expect(index.hitsAt(100, 110)).toEqual([]);
    expect(index.hitsAt(30, 130)).toEqual([]);
  });

  it('finds a range that wraps onto a second line by either of its rects', () => {
    const index = new RectIndex([{ item: 'quote', rects: [rect(300, 100, 600, 120), rect(0, 120, 150, 140)] }]);
    expect(index.hitsAt(400, 105)).toEqual(['quote']);
    expect(index.hitsAt(50, 130)).toEqual(['quote']);
    expect(index.hitsAt(200, 130)).toEqual([]);
  });

  it('puts the most specific item first: a name inside a quote beats the quote', () => {
    const index = new RectIndex([
      { item: 'quote', rects: [rect(0, 100, 600, 120)] },
      { item: 'name', rects: [rect(100, 100, 160, 120)] },
    ]);
    expect(index.hitsAt(120, 110)).toEqual(['name', 'quote']);
    expect(index.hitsAt(300, 110)).toEqual(['quote']);
  });

  it('reports an item once even when several of its rects hold the point', () => {
    const index = new RectIndex([{ item: 'a', rects: [rect(0, 0, 50, 20), rect(0, 0, 30, 20)] }]);
    expect(index.hitsAt(10, 10)).toEqual(['a']);
  });

  it('finds rects that straddle band boundaries and tall rects spanning many bands', () => {
    const index = new RectIndex(
      [
        { item: 'straddle', rects: [rect(0, 60, 40, 70)] },
        { item: 'tall', rects: [rect(100, 0, 140, 500)] },
      ],
      64,
    );
    expect(index.hitsAt(10, 61)).toEqual(['straddle']);
    expect(index.hitsAt(10, 66)).toEqual(['straddle']);
    expect(index.hitsAt(120, 5)).toEqual(['tall']);
    expect(index.hitsAt(120, 499)).toEqual(['tall']);
    expect(index.hitsAt(120, 500)).toEqual([]);
  });

  it('ignores empty rects and works with negative coordinates', () => {
    const index = new RectIndex([
      { item: 'empty', rects: [rect(0, 0, 0, 20), rect(0, 0, 20, 0)] },
      { item: 'above', rects: [rect(0, -80, 40, -60)] },
    ]);
    expect(index.hitsAt(0, 10)).toEqual([]);
    expect(index.hitsAt(10, -70)).toEqual(['above']);
  });

  it('answers from one band only, however many rects the page has', () => {
    const entries = Array.from({ length: 5000 }, (_, i) => ({ item: i, rects: [rect(0, i * 20, 100, i * 20 + 18)] }));
    const index = new RectIndex(entries);
    expect(index.hitsAt(50, 4321 * 20 + 5)).toEqual([4321]);
    expect(index.hitsAt(50, 4321 * 20 + 19)).toEqual([]);
  });
});

describe('shiftRect and rectAt', () => {
  it('moves a client rect into page coordinates', () => {
    expect(shiftRect(rect(1, 2, 3, 4), 10, 100)).toEqual(rect(11, 102, 13, 104));
  });

  it('picks the line box under the point', () => {
    const lines = [rect(300, 100, 600, 120), rect(0, 120, 150, 140)];
    expect(rectAt(lines, 20, 125)).toBe(lines[1]);
    expect(rectAt(lines, 200, 125)).toBeNull();
  });
});
