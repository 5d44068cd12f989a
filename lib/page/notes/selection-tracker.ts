// Follows the reader's selection in the page: tells when it has settled (debounced while the
// keyboard extends it, once the mouse button is up), and maps it onto the article text.

import type { Rect } from '@/lib/page/hit-test';
import { spanOfRange, type TextSpan } from '@/lib/page/selection-offsets';
import type { Guard } from '@/lib/page/context/guard';
import type { ArticleText } from './anchoring-driver';

/** Selection changes come in floods while the reader extends a selection with the keyboard. */
export const SELECTION_DEBOUNCE_MS = 150;

/**
 * A selection in the article. `text` is the article text its span indexes into, kept with it: the
 * page may change (and be read again) while the reader acts on it.
 */
export interface ArticleSelection {
  text: string;
  span: TextSpan;
  range: Range;
}

export interface SelectionTrackerDeps {
  win: Window;
  signal: AbortSignal;
  guard: Guard;
  /** Events aimed at Lede's own UI (the toolbar) are not the reader selecting in the page. */
  isOwnUi: (target: EventTarget | null) => boolean;
  /** The selection may have changed and is not growing any more. */
  onSettled: () => void;
}

export class SelectionTracker {
  private timer: number | undefined;
  private pointerDown = false;
  private listening = false;

  constructor(private readonly deps: SelectionTrackerDeps) {}

  /** Starts listening (idempotent). */
  start(): void {
    if (this.listening) return;
    this.listening = true;
    const { win, signal, guard, isOwnUi } = this.deps;
    const passive = { capture: true, passive: true, signal };
    win.document.addEventListener('selectionchange', () => guard(() => this.onSelectionChange()), { signal });
    win.addEventListener('pointerdown', (event) => guard(() => {
      if (!isOwnUi(event.target)) this.pointerDown = true;
    }), passive);
    win.addEventListener('pointerup', (event) => guard(() => {
      this.pointerDown = false;
      if (isOwnUi(event.target)) return;
      // The selection is final once the button is up; read it on the next turn.
      win.setTimeout(() => guard(() => this.deps.onSettled()), 0);
    }), passive);
    // A context menu can swallow the pointerup: the button is not held any more.
    win.addEventListener('contextmenu', () => (this.pointerDown = false), passive);
  }

  dispose(): void {
    if (this.timer !== undefined) this.deps.win.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private onSelectionChange(): void {
    const { win } = this.deps;
    if (this.timer !== undefined) win.clearTimeout(this.timer);
    this.timer = win.setTimeout(() => {
      this.timer = undefined;
      // A mouse selection is still growing while the button is down: pointerup reads it.
      if (!this.pointerDown) this.deps.guard(() => this.deps.onSettled());
    }, SELECTION_DEBOUNCE_MS);
  }
}

/** The article span the page's selection covers now, with its Range; null when it covers none. */
export function selectionIn(win: Window, article: ArticleText | null): ArticleSelection | null {
  const selection = win.getSelection();
  if (!article || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0).cloneRange();
  const span = spanOfRange(article.text, article.segments, range);
  return span ? { text: article.text, span, range } : null;
}

/** The selection's last line box (where the reader's pointer usually ends), else its bounding box. */
export function selectionRect(range: Range): Rect {
  const rects = range.getClientRects();
  const last = rects[rects.length - 1];
  const box = last && (last.width > 0 || last.height > 0) ? last : range.getBoundingClientRect();
  return { left: box.left, top: box.top, right: box.right, bottom: box.bottom };
}

export function clearPageSelection(win: Window): void {
  try {
    win.getSelection()?.removeAllRanges();
  } catch {
    // Nothing to clear.
  }
}
