// Revealing a span: scroll its Range to the middle of the viewport and flash it briefly. The flash
// is drawn in Lede's own closed layer (note-layer.ts), never in the CSS highlight registry, which
// the page's scripts share: a page must not learn which passage the reader jumped to (a note's,
// say). Only the scroll position changes; the page's own nodes are never touched.

import { FLASH_LAYER_HOST, NoteLayer, type NoteSurface } from '@/lib/page/notes/note-layer';

/** Long enough to catch the eye after the scroll lands, short enough not to linger. */
export const FLASH_MS = 1500;
/** A smooth scroll that never reports its end (no `scrollend` support) is taken as done after this. */
const SCROLL_SETTLE_MS = 900;

function prefersReducedMotion(win: Window): boolean {
  return win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/** Where the window must scroll so the rect's centre sits in the viewport's centre, within the page's bounds. */
function centredScroll(win: Window, rect: DOMRect): { top: number; left: number } {
  const root = win.document.scrollingElement ?? win.document.documentElement;
  const maxTop = Math.max(0, root.scrollHeight - win.innerHeight);
  const maxLeft = Math.max(0, root.scrollWidth - win.innerWidth);
  const top = win.scrollY + rect.top + rect.height / 2 - win.innerHeight / 2;
  // Horizontally, only move when the span is off screen: most articles never scroll sideways.
  const offSide = rect.left < 0 || rect.right > win.innerWidth;
  const left = offSide ? win.scrollX + rect.left + rect.width / 2 - win.innerWidth / 2 : win.scrollX;
  return { top: Math.round(Math.min(Math.max(0, top), maxTop)), left: Math.round(Math.min(Math.max(0, left), maxLeft)) };
}

function inViewport(win: Window, rect: DOMRect): boolean {
  return rect.bottom > 0 && rect.top < win.innerHeight && rect.right > 0 && rect.left < win.innerWidth;
}

/** Resolves when the window's scroll has settled: on `scrollend`, or after a fallback delay. */
function scrollSettled(win: Window, smooth: boolean): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      win.clearTimeout(timer);
      win.removeEventListener('scrollend', done, true);
      resolve();
    };
    const timer = win.setTimeout(done, smooth ? SCROLL_SETTLE_MS : 50);
    win.addEventListener('scrollend', done, { capture: true, once: true });
  });
}

/**
 * Scrolls the range to the centre of the viewport (smoothly unless the reader prefers reduced
 * motion) and resolves once the scroll has settled. When the window itself cannot bring the range
 * into view (the article scrolls inside a box of its own), the element holding the range is
 * scrolled into view instead.
 */
export async function scrollRangeIntoView(win: Window, range: Range): Promise<void> {
  // A hidden tab gets no animation frames, so a smooth scroll there would never move.
  const smooth = !prefersReducedMotion(win) && win.document.visibilityState === 'visible';
  const behavior: ScrollBehavior = smooth ? 'smooth' : 'instant';
  const rect = range.getBoundingClientRect();
  const { top, left } = centredScroll(win, rect);
  if (Math.abs(top - win.scrollY) >= 1 || Math.abs(left - win.scrollX) >= 1) {
    const settled = scrollSettled(win, smooth);
    win.scrollTo({ top, left, behavior });
    await settled;
  }
  if (inViewport(win, range.getBoundingClientRect())) return;
  const node = range.startContainer;
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!element) return;
  const settled = scrollSettled(win, smooth);
  element.scrollIntoView({ block: 'center', inline: 'nearest', behavior });
  await settled;
}

/** Owns the flash layer: one flash at a time, each removed after FLASH_MS. */
export class Flasher {
  private timer: number | undefined;
  private readonly surface: NoteSurface;

  /** `surface`: where the flash is drawn; by default a closed layer of its own, mounted at the first flash. */
  constructor(
    private readonly win: Window,
    surface?: NoteSurface,
  ) {
    this.surface = surface ?? new NoteLayer(win, FLASH_LAYER_HOST);
  }

  flash(range: Range): void {
    this.clear();
    this.surface.draw([{ range, color: 'flash' }]);
    this.timer = this.win.setTimeout(() => this.clear(), FLASH_MS);
  }

  clear(): void {
    if (this.timer !== undefined) this.win.clearTimeout(this.timer);
    this.timer = undefined;
    this.surface.clear();
  }

  /** Takes the layer off the page (the extension was reloaded or removed). */
  dispose(): void {
    this.clear();
    this.surface.dispose();
  }
}

/** Flash at once (it shows as it scrolls in), then again once the scroll lands, so it lasts FLASH_MS from there. */
export async function revealRange(win: Window, range: Range, flasher: Flasher): Promise<void> {
  flasher.flash(range);
  await scrollRangeIntoView(win, range);
  flasher.flash(range);
}
