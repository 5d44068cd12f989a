// Which painted ranges lie under a point, found from their rectangles alone: the fallback for
// browsers without CSS.highlights.highlightsFromPoint(). Pure: the content script hands in the
// rectangles (from Range.getClientRects(), shifted into page coordinates) and asks with points.

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface RectEntry<T> {
  item: T;
  rects: readonly Rect[];
}

interface Placed<T> {
  item: T;
  rect: Rect;
}

/** Tall enough that a line of text touches one or two bands, small enough that a band holds few rects. */
const DEFAULT_BAND_HEIGHT = 64;

export function containsPoint(rect: Rect, x: number, y: number): boolean {
  return x >= rect.left && x < rect.right && y >= rect.top && y < rect.bottom;
}

function area(rect: Rect): number {
  return Math.max(0, rect.right - rect.left) * Math.max(0, rect.bottom - rect.top);
}

/**
 * Rectangles bucketed by horizontal band of the page, so a query looks at one band's few rects
 * rather than every rect of every range: a pointermove stays cheap on a long article.
 */
export class RectIndex<T> {
  private readonly bands = new Map<number, Placed<T>[]>();

  constructor(
    entries: Iterable<RectEntry<T>>,
    private readonly bandHeight: number = DEFAULT_BAND_HEIGHT,
  ) {
    for (const { item, rects } of entries) {
      for (const rect of rects) {
        // Empty rects (collapsed line ends) can never contain a point.
        if (rect.right <= rect.left || rect.bottom <= rect.top) continue;
        const first = this.bandOf(rect.top);
        const last = this.bandOf(rect.bottom - Number.EPSILON);
        for (let band = first; band <= last; band += 1) {
          let list = this.bands.get(band);
          if (!list) {
            list = [];
            this.bands.set(band, list);
          }
          list.push({ item, rect });
        }
      }
    }
  }

  /**
   * The items with a rect containing (x, y), each once, the most specific first: ordered by the
   * area of the rect that holds the point, so a name inside a quote wins over the quote.
   */
  hitsAt(x: number, y: number): T[] {
    const best = new Map<T, number>();
    for (const { item, rect } of this.bands.get(this.bandOf(y)) ?? []) {
      if (!containsPoint(rect, x, y)) continue;
      const size = area(rect);
      const known = best.get(item);
      if (known === undefined || size < known) best.set(item, size);
    }
    return [...best.entries()].sort((a, b) => a[1] - b[1]).map(([item]) => item);
  }

  private bandOf(y: number): number {
    return Math.floor(y / this.bandHeight);
  }
}

/** A rect moved by (dx, dy): client rects plus the scroll offset give page coordinates. */
export function shiftRect(rect: Rect, dx: number, dy: number): Rect {
  return { left: rect.left + dx, top: rect.top + dy, right: rect.right + dx, bottom: rect.bottom + dy };
}

/** The first rect containing the point, else null. */
export function rectAt(rects: Iterable<Rect>, x: number, y: number): Rect | null {
  for (const rect of rects) if (containsPoint(rect, x, y)) return rect;
  return null;
}
