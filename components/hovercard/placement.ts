// Where the hover card goes: beside the highlighted line box, below it when it fits, above it
// when it does not, and always inside the viewport. Pure, in viewport (client) coordinates.

import type { Rect } from '@/lib/page/hit-test';

export interface Size {
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  side: 'below' | 'above';
}

/** Space between the highlight and the card. */
const GAP = 6;
/** The card keeps this far from the viewport's edges. */
const MARGIN = 8;

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

export function placeCard(anchor: Rect, card: Size, viewport: Size): Placement {
  const roomBelow = viewport.height - MARGIN - (anchor.bottom + GAP);
  const roomAbove = anchor.top - GAP - MARGIN;
  const side = card.height <= roomBelow || roomBelow >= roomAbove ? 'below' : 'above';
  const wantedTop = side === 'below' ? anchor.bottom + GAP : anchor.top - GAP - card.height;
  return {
    side,
    left: clamp(anchor.left, MARGIN, viewport.width - MARGIN - card.width),
    top: clamp(wantedTop, MARGIN, viewport.height - MARGIN - card.height),
  };
}
