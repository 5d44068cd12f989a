// Highlights that register only the ranges near the viewport, once there are many. Chromium
// re-validates every registered highlight range after any DOM change anywhere in the document
// (then pre-paints, composites and paints each), so on a page that keeps changing (infinite
// scroll, tickers, rotating ads) the page's frames cost time in proportion to Lede's ranges: with
// 1,500 ranges the page's own timers ran at a third of their rate. Registering only the ranges
// within a quarter screen of the viewport (updated as the reader scrolls) keeps that cost small
// however long the article. Small articles register everything, as before.
// Wraps a HighlightApi: painters use it unchanged. The window and the viewport are passed in.

import type { HighlightApi, HighlightLike, HighlightRegistryLike } from './paint';

/** Up to this many ranges in one highlight, all are registered. */
export const WINDOW_FROM_RANGES = 300;
/** Screens above and below the viewport whose ranges are registered (each costs the page on every DOM change). */
const MARGIN_SCREENS = 0.25;

/** A browser Highlight as a set of ranges (what the window needs to swap its contents). */
interface SetlikeHighlight extends HighlightLike {
  add(range: Range): unknown;
  clear(): void;
}

function isSetlike(highlight: HighlightLike): highlight is SetlikeHighlight {
  return typeof highlight.add === 'function' && typeof (highlight as Partial<SetlikeHighlight>).clear === 'function';
}

/** The part of a Window the wrapper uses. */
export interface ViewportLike {
  innerHeight: number;
  addEventListener(type: 'scroll' | 'resize', listener: () => void, options?: AddEventListenerOptions): void;
  requestAnimationFrame(callback: () => void): number;
}

class WindowedHighlight implements HighlightLike {
  private all: Range[];
  /** Whether `all` runs down the page (painters hand ranges over by entity, or nearest the viewport first). */
  private sorted = false;
  /** [from, to) of `all` registered now; null when all are. */
  private shown: { from: number; to: number } | null = null;

  constructor(
    readonly real: HighlightLike,
    ranges: Range[],
    private readonly view: ViewportLike,
  ) {
    this.all = [...ranges];
  }

  get priority(): number {
    return this.real.priority;
  }

  set priority(value: number) {
    this.real.priority = value;
  }

  get windowed(): boolean {
    return this.all.length > WINDOW_FROM_RANGES && isSetlike(this.real);
  }

  add(range: Range): void {
    this.all.push(range);
    this.sorted = false;
    if (!this.windowed) this.real.add?.(range);
  }

  /** Registers the ranges near the viewport (all of them when there are few). */
  refresh(): void {
    const real = this.real;
    if (!isSetlike(real)) return;
    if (!this.windowed) {
      if (this.shown !== null) {
        real.clear();
        for (const range of this.all) real.add(range);
        this.shown = null;
      }
      return;
    }
    if (!this.sorted) {
      // Top to bottom, once per change of the set: the window is then two binary searches.
      const tops = new Map(this.all.map((range) => [range, range.getBoundingClientRect().top]));
      this.all.sort((a, b) => tops.get(a)! - tops.get(b)!);
      this.sorted = true;
      this.shown = { from: -1, to: -1 };
    }
    const margin = MARGIN_SCREENS * this.view.innerHeight;
    const from = firstBelow(this.all, -margin);
    const to = firstBelow(this.all, this.view.innerHeight + margin, from, 'top');
    if (this.shown && this.shown.from === from && this.shown.to === to) return;
    real.clear();
    for (let i = from; i < to; i++) real.add(this.all[i]!);
    this.shown = { from, to };
  }
}

/**
 * Index of the first range (from `lo`) whose bottom (or top) is below `y` in viewport coordinates:
 * a binary search, since ranges come in reading order and reading order runs down the page.
 */
function firstBelow(ranges: readonly Range[], y: number, lo = 0, edge: 'top' | 'bottom' = 'bottom'): number {
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const rect = ranges[mid]!.getBoundingClientRect();
    if ((edge === 'top' ? rect.top : rect.bottom) > y) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export interface WindowedHighlightApi extends HighlightApi {
  /** Registers the ranges now near the viewport (the wrapper calls it on scroll and resize). */
  refresh(): void;
  dispose(): void;
}

/** `api` with highlights that register only the ranges near `view`'s viewport once they are many. */
export function windowedHighlightApi(api: HighlightApi, view: ViewportLike): WindowedHighlightApi {
  const live = new Map<string, WindowedHighlight>();
  const abort = new AbortController();
  let frame = false;
  const refresh = (): void => {
    for (const highlight of live.values()) highlight.refresh();
  };
  const refreshSoon = (): void => {
    if (frame || abort.signal.aborted) return;
    frame = true;
    view.requestAnimationFrame(() => {
      frame = false;
      refresh();
    });
  };
  const options = { capture: true, passive: true, signal: abort.signal };
  view.addEventListener('scroll', refreshSoon, options);
  view.addEventListener('resize', refreshSoon, options);

  const registry: HighlightRegistryLike = {
    set(name, highlight) {
      const wrapped = highlight as unknown as WindowedHighlight;
      live.set(name, wrapped);
      wrapped.refresh();
      return api.registry.set(name, wrapped.real as never);
    },
    delete(name) {
      live.delete(name);
      return api.registry.delete(name);
    },
  };
  return {
    registry,
    create(ranges) {
      // Few ranges (or a highlight that cannot swap its ranges): the real one holds them all, as without the window.
      let real = api.create(ranges.length > WINDOW_FROM_RANGES ? [] : ranges);
      if (ranges.length > WINDOW_FROM_RANGES && !isSetlike(real)) real = api.create(ranges);
      const windowed = new WindowedHighlight(real, ranges, view);
      // Ranges added one by one (a page painted in slices) may cross the threshold: look again.
      const add = windowed.add.bind(windowed);
      windowed.add = (range: Range) => {
        add(range);
        if (windowed.windowed) refreshSoon();
      };
      return windowed;
    },
    refresh,
    dispose() {
      abort.abort();
      live.clear();
    },
  };
}
