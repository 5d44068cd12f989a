// Where the in-page legend may sit without covering the article's text: the bottom-right corner,
// else the bottom-left, else tucked against the right edge (a narrow tab). Pure geometry, so it is
// tested in Node; the legend measures the article body and itself and asks again on scroll/resize.

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export type LegendPlacement = 'right' | 'left' | 'tucked';

/** Gap between the legend and the viewport's edges, in CSS pixels. */
export const LEGEND_INSET = 12;

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The legend's box at a corner of the viewport. */
export function legendBox(corner: 'right' | 'left', viewport: { width: number; height: number }, size: { width: number; height: number }): Box {
  const bottom = viewport.height - LEGEND_INSET;
  const left = corner === 'right' ? viewport.width - LEGEND_INSET - size.width : LEGEND_INSET;
  return { left, top: bottom - size.height, right: left + size.width, bottom };
}

/**
 * The first corner where the legend (of `size`) leaves the article body's box alone; 'tucked' when
 * both would cover it. No article box (nothing found to measure): the usual corner.
 */
export function legendPlacement(
  article: Box | null,
  viewport: { width: number; height: number },
  size: { width: number; height: number },
): LegendPlacement {
  if (!article) return 'right';
  for (const corner of ['right', 'left'] as const) {
    if (!overlaps(legendBox(corner, viewport, size), article)) return corner;
  }
  return 'tucked';
}
