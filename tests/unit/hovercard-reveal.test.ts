// Revealing a span: centred scroll (smooth unless the reader prefers reduced motion) and a brief
// flash in Lede's own layer. Driven with a stand-in window, so the arithmetic is checked exactly.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LayerNote, NoteSurface } from '@/lib/page/notes/note-layer';
import { FLASH_MS, Flasher, revealRange, scrollRangeIntoView } from '@/lib/page/hover/reveal';

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

  /** What is on the flash's surface now: the ranges drawn since the last clear. */
  function recordingSurface() {
    const state = { shown: [] as LayerNote[], disposed: false };
    const surface: NoteSurface = {
      draw: (notes) => void (state.shown = [...notes]),
      clear: () => void (state.shown = []),
      dispose: () => void (state.disposed = true),
    };
    return { surface, state };
  }

  it('draws the range in the flash tint on its own surface and takes it away after FLASH_MS', () => {
    const { surface, state } = recordingSurface();
    const range = {} as Range;
    new Flasher(TIMERS, surface).flash(range);
    expect(state.shown).toEqual([{ range, color: 'flash' }]);
    vi.advanceTimersByTime(FLASH_MS - 1);
    expect(state.shown).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(state.shown).toEqual([]);
  });

  it('keeps one flash at a time: a new one replaces the old and restarts the clock', () => {
    const { surface, state } = recordingSurface();
    const flasher = new Flasher(TIMERS, surface);
    const first = {} as Range;
    const second = {} as Range;
    flasher.flash(first);
    vi.advanceTimersByTime(FLASH_MS - 100);
    flasher.flash(second);
    vi.advanceTimersByTime(200);
    expect(state.shown.map((note) => note.range)).toEqual([second]);
    vi.advanceTimersByTime(FLASH_MS);
    expect(state.shown).toEqual([]);
  });

  it('clears at once when asked, and takes its layer away on dispose', () => {
    const { surface, state } = recordingSurface();
    const flasher = new Flasher(TIMERS, surface);
    flasher.flash({} as Range);
    flasher.clear();
    expect(state.shown).toEqual([]);
    flasher.dispose();
    expect(state.disposed).toBe(true);
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
