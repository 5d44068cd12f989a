// Paints the analysis's entities and quotes with the CSS Custom Highlight API: in one go when it
// is small; else slice by slice, nearest the viewport first, so no slice is a long task. Keeps
// every painted range with what it stands for (the hover card and keyboard navigation use them).

import type { Analysis } from '@/lib/analysis/types';
import type { TextSegment } from '@/lib/extract';
import { windowedHighlightApi, type WindowedHighlightApi } from '@/lib/page/highlight-window';
import { HighlightPainter, type HighlightApi, type RangesByType } from '@/lib/page/paint';
import type { HighlightPrefs } from '@/lib/settings/highlight-prefs';
import { inReadingOrder } from '@/lib/page/span-navigation';
import { rangesOfTargets, targetsInReadingOrder, type PaintedTarget } from '@/lib/page/entities/painted-targets';
import { mapInSlices, ONE_GO_SPAN_LIMIT, spanItems, targetOf, viewportTextOffset, yieldToPage } from '@/lib/page/entities/progressive-paint';

export interface EntityPaintDeps {
  win: Window;
  /** The page's highlight API; null where the browser has none (nothing is painted then). */
  highlightApi: HighlightApi | null;
  /** True once the content script is invalidated: a paint still in slices stops. */
  isInvalid: () => boolean;
}

export class EntityPaint {
  private painter: HighlightPainter | null = null;
  /** Every painted range with what it stands for, in reading order. */
  private painted: PaintedTarget[] = [];
  /** Bumped whenever what is painted is replaced or cleared: an older paint still in slices stops. */
  private paintGeneration = 0;
  /** Entity highlights register only the ranges near the viewport once there are many (lib/page/highlight-window.ts). */
  private readonly highlights: WindowedHighlightApi | null;

  constructor(private readonly deps: EntityPaintDeps) {
    this.highlights = deps.highlightApi && windowedHighlightApi(deps.highlightApi, deps.win);
  }

  get targets(): readonly PaintedTarget[] {
    return this.painted;
  }

  get generation(): number {
    return this.paintGeneration;
  }

  get painting(): boolean {
    return this.painter !== null;
  }

  /**
   * Paints the analysis of the text `segments` map, shown as `prefs` says. `firstPaint` runs once
   * the first highlights are on screen. False when something newer replaced this paint before it finished.
   */
  async paint(segments: readonly TextSegment[], analysis: Analysis, prefs: () => HighlightPrefs, firstPaint?: () => void): Promise<boolean> {
    const generation = ++this.paintGeneration;
    const { win } = this.deps;
    const doc = win.document;
    this.painted = [];
    // One Range per span, shared by the painter, the hover card and keyboard navigation.
    const items = spanItems(analysis);
    if (items.length <= ONE_GO_SPAN_LIMIT) {
      const targets = items.flatMap((item) => targetOf(doc, segments, item) ?? []);
      this.painted = targetsInReadingOrder(targets);
      this.replace(rangesOfTargets(targets), prefs());
      firstPaint?.();
      return true;
    }
    let first = true;
    const targets = await mapInSlices(
      doc,
      segments,
      inReadingOrder(items),
      viewportTextOffset(win, segments),
      (slice) => {
        if (first) {
          this.replace(rangesOfTargets(slice), prefs());
          firstPaint?.();
          first = false;
        } else {
          this.painter?.add(rangesOfTargets(slice));
        }
      },
      { now: () => win.performance.now(), yieldToPage: () => yieldToPage(win), cancelled: () => generation !== this.paintGeneration || this.deps.isInvalid() },
    );
    if (!targets) return false;
    this.painted = targets;
    return true;
  }

  apply(prefs: HighlightPrefs): void {
    this.painter?.apply(prefs);
  }

  /** Takes every highlight off; a paint still in slices stops. */
  clear(): void {
    this.paintGeneration += 1;
    this.painter?.clear();
    this.painter = null;
    this.painted = [];
  }

  dispose(): void {
    this.painter?.clear();
    this.highlights?.dispose();
  }

  private replace(ranges: RangesByType, prefs: HighlightPrefs): void {
    this.painter?.clear();
    this.painter = null;
    if (!this.highlights) return;
    this.painter = new HighlightPainter(this.highlights, ranges);
    this.painter.apply(prefs);
  }
}
