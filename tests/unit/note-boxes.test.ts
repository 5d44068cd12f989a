// The note layer's geometry (lib/page/note-boxes.ts): boxes cut to what scrolling boxes leave visible,
// in the layer's own coordinates, and whether a background is light or dark.
import { describe, expect, it } from 'vitest';
import { intersectRects, noteBoxes, toneOfColor } from '@/lib/page/note-boxes';

describe('noteBoxes', () => {
  it('places one box per text rectangle relative to the layer', () => {
    const rects = [
      { left: 100, top: 50, right: 300, bottom: 70 },
      { left: 20, top: 72, right: 120, bottom: 92 },
    ];
    expect(noteBoxes(rects, null, { x: -10, y: -400 })).toEqual([
      { left: 110, top: 450, width: 200, height: 20 },
      { left: 30, top: 472, width: 100, height: 20 },
    ]);
  });

  it('cuts boxes to the visible part of a scrolling box and drops the ones scrolled out of it', () => {
    const clip = { left: 0, top: 60, right: 200, bottom: 200 };
    const rects = [
      { left: 100, top: 50, right: 300, bottom: 70 },
      { left: 20, top: 10, right: 120, bottom: 30 },
    ];
    expect(noteBoxes(rects, clip, { x: 0, y: 0 })).toEqual([{ left: 100, top: 60, width: 100, height: 10 }]);
  });

  it('drops empty rectangles', () => {
    expect(noteBoxes([{ left: 5, top: 5, right: 5, bottom: 20 }], null, { x: 0, y: 0 })).toEqual([]);
    expect(intersectRects({ left: 0, top: 0, right: 10, bottom: 10 }, { left: 10, top: 0, right: 20, bottom: 10 })).toBeNull();
  });
});

describe('toneOfColor', () => {
  it.each([
    ['rgb(255, 255, 255)', 'light'],
    ['rgb(18, 18, 20)', 'dark'],
    ['rgba(30, 30, 30, 0.9)', 'dark'],
    ['rgb(30 30 30 / 90%)', 'dark'],
    ['rgba(0, 0, 0, 0)', null],
    ['rgba(255, 255, 255, 0.2)', null],
    ['transparent', null],
  ] as const)('%s is %s', (colour, tone) => {
    expect(toneOfColor(colour)).toBe(tone);
  });
});
