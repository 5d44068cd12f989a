import { describe, expect, it } from 'vitest';
import { placeCard } from '@/components/hovercard/placement';

const VIEWPORT = { width: 1000, height: 800 };
const CARD = { width: 300, height: 200 };
const line = (left: number, top: number, width = 80, height = 20) => ({ left, top, right: left + width, bottom: top + height });

describe('placeCard', () => {
  it('goes just below the highlight, left-aligned with it, when there is room', () => {
    expect(placeCard(line(100, 100), CARD, VIEWPORT)).toEqual({ side: 'below', left: 100, top: 126 });
  });

  it('flips above the highlight near the bottom of the viewport', () => {
    expect(placeCard(line(100, 700), CARD, VIEWPORT)).toEqual({ side: 'above', left: 100, top: 494 });
  });

  it('stays inside the viewport at the right edge', () => {
    expect(placeCard(line(950, 100), CARD, VIEWPORT).left).toBe(1000 - 8 - 300);
  });

  it('stays inside the viewport at the left edge', () => {
    expect(placeCard(line(-40, 100), CARD, VIEWPORT).left).toBe(8);
  });

  it('takes the roomier side and clamps when the card fits on neither', () => {
    const tall = { width: 300, height: 500 };
    const placed = placeCard(line(100, 300), tall, VIEWPORT);
    expect(placed.side).toBe('below');
    expect(placed.top + tall.height).toBeLessThanOrEqual(VIEWPORT.height - 8);
    expect(placed.top).toBeGreaterThanOrEqual(8);
  });

  it('never covers the line it belongs to when it fits on one side', () => {
    for (const top of [10, 200, 400, 590, 770]) {
      const anchor = line(100, top);
      const placed = placeCard(anchor, CARD, VIEWPORT);
      const overlaps = placed.top < anchor.bottom && anchor.top < placed.top + CARD.height;
      expect(overlaps, `line at ${top}`).toBe(false);
    }
  });
});
