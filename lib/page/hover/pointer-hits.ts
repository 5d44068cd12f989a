// Which painted target is under the pointer, without wrapping anything in the page's DOM.
// Where the browser has CSS.highlights.highlightsFromPoint() it says which highlights (and
// ranges) lie under the point; elsewhere Lede's own rectangle index (lib/hit-test.ts) does.

import { rectAt, RectIndex, shiftRect, type Rect } from '@/lib/page/hit-test';
import type { PaintedTarget } from '@/lib/page/entities/painted-targets';

export interface Hit {
  target: PaintedTarget;
  /** The line box of the target's range under the point, in viewport coordinates. */
  rect: Rect;
}

/** highlightsFromPoint() as specified (a HighlightHitResult) or as first proposed (a bare Highlight). */
type FromPointResult = { highlight?: unknown; ranges?: unknown };

interface RegistryWithHitTest {
  highlightsFromPoint(x: number, y: number): FromPointResult[];
  forEach(callback: (highlight: unknown, name: string) => void): void;
}

function nativeHitTest(win: Window): RegistryWithHitTest | null {
  const registry = (win as unknown as { CSS?: { highlights?: Partial<RegistryWithHitTest> } }).CSS?.highlights;
  return typeof registry?.highlightsFromPoint === 'function' && typeof registry.forEach === 'function'
    ? (registry as RegistryWithHitTest)
    : null;
}

/** Names, not types, pick the candidates: `lede-person` etc. */
const TYPE_OF_NAME: Record<string, PaintedTarget['type']> = {
  'lede-person': 'person',
  'lede-place': 'place',
  'lede-organization': 'organization',
  'lede-quote': 'quote',
  'lede-reported': 'reported',
};

/** Names and mentions before quotes, then the smallest line box: a name inside a quote wins over the quote. */
function mostSpecific(hits: Hit[]): Hit | null {
  const size = (h: Hit): number => (h.rect.right - h.rect.left) * (h.rect.bottom - h.rect.top);
  return [...hits].sort((a, b) => Number(a.target.kind === 'quote') - Number(b.target.kind === 'quote') || size(a) - size(b))[0] ?? null;
}

export class PointerHitTester {
  private readonly byRange = new Map<unknown, PaintedTarget>();
  /** Built on first use and dropped whenever the layout may have changed. */
  private index: RectIndex<PaintedTarget> | null = null;

  constructor(
    private readonly win: Window,
    private readonly targets: readonly PaintedTarget[],
  ) {
    for (const target of targets) this.byRange.set(target.range, target);
  }

  /** The layout changed (resize, content reflow): rect positions must be read again. */
  invalidate(): void {
    this.index = null;
  }

  /** The target under the point (viewport coordinates) among those `include` accepts, or null. */
  hitAt(x: number, y: number, include: (target: PaintedTarget) => boolean): Hit | null {
    const native = nativeHitTest(this.win);
    if (native) {
      try {
        return this.nativeHit(native, x, y, include);
      } catch {
        // A browser whose highlightsFromPoint differs from what we expect: use the rectangles.
      }
    }
    return this.indexedHit(x, y, include);
  }

  private nativeHit(registry: RegistryWithHitTest, x: number, y: number, include: (t: PaintedTarget) => boolean): Hit | null {
    const results = registry.highlightsFromPoint(x, y);
    if (results.length === 0) return null;
    let names: Map<unknown, string> | null = null;
    const candidates: PaintedTarget[] = [];
    for (const result of results) {
      if (Array.isArray(result.ranges)) {
        for (const range of result.ranges) {
          const target = this.byRange.get(range);
          if (target) candidates.push(target);
        }
        continue;
      }
      // An older shape: a Highlight alone. Find its name, then test that type's ranges.
      const highlight = 'highlight' in result ? result.highlight : result;
      if (!names) {
        names = new Map();
        registry.forEach((value, name) => names!.set(value, name));
      }
      const type = TYPE_OF_NAME[names.get(highlight) ?? ''];
      if (type) candidates.push(...this.targets.filter((t) => t.type === type));
    }
    const hits: Hit[] = [];
    for (const target of candidates) {
      if (!include(target)) continue;
      const rect = rectAt(target.range.getClientRects(), x, y);
      if (rect) hits.push({ target, rect });
    }
    return mostSpecific(hits);
  }

  private indexedHit(x: number, y: number, include: (t: PaintedTarget) => boolean): Hit | null {
    const { scrollX, scrollY } = this.win;
    this.index ??= new RectIndex(
      this.targets.map((target) => ({
        item: target,
        rects: [...target.range.getClientRects()].map((r) => shiftRect(r, scrollX, scrollY)),
      })),
    );
    const hits: Hit[] = [];
    for (const target of this.index.hitsAt(x + this.win.scrollX, y + this.win.scrollY)) {
      if (!include(target)) continue;
      // Confirm against the live layout, and get the line box in viewport coordinates.
      const rect = rectAt(target.range.getClientRects(), x, y);
      if (rect) hits.push({ target, rect });
    }
    return mostSpecific(hits);
  }
}
