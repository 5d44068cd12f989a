// Where the boxes that paint the reader's notes go: pure geometry, so it runs in Node tests. The
// content script hands in a note's text rectangles (viewport coordinates, from Range.getClientRects),
// the area its scrolling ancestors leave visible, and where its own layer sits in the viewport.

import type { Rect } from './hit-test';

export interface NoteBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Whether a note sits on a light or a dark background: the tint and how it blends follow. */
export type NoteTone = 'light' | 'dark';

export function intersectRects(a: Rect, b: Rect): Rect | null {
  const rect = { left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) };
  return rect.right > rect.left && rect.bottom > rect.top ? rect : null;
}

/**
 * One box per text rectangle, cut to `clip` (text scrolled out of a scrolling box is not painted
 * outside it), in the layer's own coordinates: `origin` is the layer's top-left in the viewport.
 */
export function noteBoxes(rects: readonly Rect[], clip: Rect | null, origin: { x: number; y: number }): NoteBox[] {
  const boxes: NoteBox[] = [];
  for (const rect of rects) {
    const visible = clip ? intersectRects(rect, clip) : rect.right > rect.left && rect.bottom > rect.top ? rect : null;
    if (!visible) continue;
    boxes.push({ left: visible.left - origin.x, top: visible.top - origin.y, width: visible.right - visible.left, height: visible.bottom - visible.top });
  }
  return boxes;
}

/**
 * The tone of a computed background colour (`rgb(…)`/`rgba(…)`, as getComputedStyle gives it), or
 * null when it is transparent enough that what lies behind it decides.
 */
export function toneOfColor(color: string): NoteTone | null {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(color.trim());
  if (!match) return null;
  const alphaText = match[4];
  const alpha = alphaText === undefined ? 1 : alphaText.endsWith('%') ? Number.parseFloat(alphaText) / 100 : Number(alphaText);
  if (!(alpha >= 0.5)) return null;
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => Number(part) / 255) as [number, number, number];
  // Perceived lightness (Rec. 601 weights): enough to tell a dark theme from a light one.
  return 0.299 * r + 0.587 * g + 0.114 * b < 0.5 ? 'dark' : 'light';
}
