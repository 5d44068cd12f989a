import { describe, expect, it } from 'vitest';
import { LEGEND_INSET, legendBox, legendPlacement, type Box } from '@/lib/page/legend-placement';

const VIEWPORT = { width: 1280, height: 800 };
const OPEN = { width: 240, height: 245 };
const PILL = { width: 90, height: 28 };
const box = (left: number, top: number, right: number, bottom: number): Box => ({ left, top, right, bottom });

describe('legendPlacement', () => {
  it('stays bottom-right beside a centred column with room in the margin', () => {
    expect(legendPlacement(box(340, 0, 940, 2000), VIEWPORT, OPEN)).toBe('right');
  });

  it('moves to the left margin when the column leaves room only there', () => {
    expect(legendPlacement(box(300, 0, 1200, 2000), VIEWPORT, OPEN)).toBe('left');
  });

  it('tucks away on a full-width page, open or as a pill', () => {
    const fullWidth = box(16, -400, 1264, 3000);
    expect(legendPlacement(fullWidth, VIEWPORT, OPEN)).toBe('tucked');
    expect(legendPlacement(fullWidth, VIEWPORT, PILL)).toBe('tucked');
  });

  it('comes back to the corner once the article has scrolled above it', () => {
    expect(legendPlacement(box(16, -3000, 1264, 400), VIEWPORT, OPEN)).toBe('right');
    expect(legendPlacement(box(16, -3000, 1264, 600), VIEWPORT, OPEN)).toBe('tucked');
  });

  it('uses the corner when there is no article box to measure', () => {
    expect(legendPlacement(null, VIEWPORT, OPEN)).toBe('right');
  });

  it('places the box inside the viewport, inset from its edges', () => {
    expect(legendBox('right', VIEWPORT, OPEN)).toEqual({
      left: 1280 - LEGEND_INSET - 240, top: 800 - LEGEND_INSET - 245, right: 1280 - LEGEND_INSET, bottom: 800 - LEGEND_INSET,
    });
    expect(legendBox('left', VIEWPORT, PILL).left).toBe(LEGEND_INSET);
  });
});
