// Revealing a span: centred scroll (smooth unless the reader prefers reduced motion) and a brief
// `lede-flash` highlight. Driven with a stand-in window, so the arithmetic is checked exactly.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HighlightApi } from '@/lib/paint';
import { FLASH_HIGHLIGHT, FLASH_MS, Flasher, revealRange, scrollRangeIntoView } from '@/entrypoints/content/reveal';

interface ScrollCall {
  top: number;
  left: number;
  behavior: ScrollBehavior;
}

/** A 1000×800 viewport over a 5000-px page; a range laid out at `pageTop` (page coordinates). */
function setup(options: { pageTop: number; reducedMotion?: boolean; hidden?: boolean }) {
  const calls: ScrollCall[] = [];
  const listeners = new Map<string, () => void>();
  const win = {
    scrollX: 0,
    scrollY: 0,
    innerWidth: 1000,
    innerHeight: 800,
    document: {
      visibilityState: options.hidden ? 'hidden' : 'visible',
      scrollingElement: { scrollHeight: 5000, scrollWidth: 1000 },
    },
    matchMedia: (query: string) => ({ matches: query.includes('reduce') && !!options.reducedMotion }),
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (id: number) => clearTimeout(id),
    addEventListener: (type: string, fn: () => void) => listeners.set(type, fn),
    removeEventListener: (type: string) => listeners.delete(type),
    scrollTo: ({ top, left, behavior }: ScrollCall) => {
      calls.push({ top, left, behavior });
      win.scrollY = top;
      win.scrollX = left;
      // The browser reports the end of the scroll.
      queueMicrotask(() => listeners.get('scrollend')?.());
    },
  };
  const range = {
    getBoundingClientRect: () => ({
      left: 100 - win.scrollX,
      right: 180 - win.scrollX,
      top: options.pageTop - win.scrollY,
      bottom: options.pageTop + 20 - win.scrollY,
      width: 80,
      height: 20,
    }),
    startContainer: { nodeType: 3, parentElement: null },
  } as unknown as Range;
  return { win: win as unknown as Window, calls, range };
}

describe('scrollRangeIntoView', () => {
  it('centres the range in the viewport, smoothly', async () => {
    const { win, calls, range } = setup({ pageTop: 3000 });
    await scrollRangeIntoView(win, range);
    // Centre of the range (3010) at the centre of the viewport (400).
    expect(calls).toEqual([{ top: 2610, left: 0, behavior: 'smooth' }]);
  });

  it('jumps instead when the reader prefers reduced motion, or the tab is hidden', async () => {
    for (const option of [{ reducedMotion: true }, { hidden: true }]) {
      const { win, calls, range } = setup({ pageTop: 3000, ...option });
      await scrollRangeIntoView(win, range);
      expect(calls).toEqual([{ top: 2610, left: 0, behavior: 'instant' }]);
    }
  });

  it('stays within the page at its top and bottom', async () => {
    const top = setup({ pageTop: 100 });
    await scrollRangeIntoView(top.win, top.range);
    expect(top.calls).toEqual([]); // already on screen at scroll 0, which is as centred as it gets
    const bottom = setup({ pageTop: 4950 });
    await scrollRangeIntoView(bottom.win, bottom.range);
    expect(bottom.calls).toEqual([{ top: 4200, left: 0, behavior: 'smooth' }]);
  });
});

describe('Flasher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** The flasher only needs the window's timers (faked by vitest). */
  const TIMERS = {
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (id: number) => clearTimeout(id),
  } as unknown as Window;

  function fakeApi() {
    const registry = new Map<string, { ranges: Range[]; priority: number }>();
    const api: HighlightApi = {
      registry: {
        set: (name: string, highlight: never) => registry.set(name, highlight),
        delete: (name: string) => registry.delete(name),
      },
      create: (ranges: Range[]) => ({ ranges, priority: 0 }),
    };
    return { api, registry };
  }

  it('paints lede-flash above the other highlights and removes it after FLASH_MS', () => {
    const { api, registry } = fakeApi();
    const range = {} as Range;
    new Flasher(TIMERS, api).flash(range);
    expect(registry.get(FLASH_HIGHLIGHT)).toEqual({ ranges: [range], priority: 10 });
    vi.advanceTimersByTime(FLASH_MS - 1);
    expect(registry.has(FLASH_HIGHLIGHT)).toBe(true);
    vi.advanceTimersByTime(1);
    expect(registry.has(FLASH_HIGHLIGHT)).toBe(false);
  });

  it('keeps one flash at a time: a new one replaces the old and restarts the clock', () => {
    const { api, registry } = fakeApi();
    const flasher = new Flasher(TIMERS, api);
    const first = {} as Range;
    const second = {} as Range;
    flasher.flash(first);
    vi.advanceTimersByTime(FLASH_MS - 100);
    flasher.flash(second);
    vi.advanceTimersByTime(200);
    expect(registry.get(FLASH_HIGHLIGHT)?.ranges).toEqual([second]);
    vi.advanceTimersByTime(FLASH_MS);
    expect(registry.has(FLASH_HIGHLIGHT)).toBe(false);
  });

  it('does nothing where the browser cannot paint highlights', () => {
    expect(() => new Flasher(TIMERS, null).flash({} as Range)).not.toThrow();
  });
});

describe('revealRange', () => {
  it('flashes the range and scrolls to it', async () => {
    const { win, calls, range } = setup({ pageTop: 3000 });
    const flashed: Range[] = [];
    const flasher = { flash: (r: Range) => flashed.push(r) } as unknown as Flasher;
    await revealRange(win, range, flasher);
    expect(calls).toHaveLength(1);
    expect(flashed).toEqual([range, range]);
  });
});
