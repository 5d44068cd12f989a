// Stepping through painted targets (entity mentions and quotes) in reading order, for Lede's
// keyboard navigation. Pure: targets are spans of the analysed text; the caller says which are
// shown (hidden highlight types are skipped) and where the reader is.

import type { Span } from '../analysis/types';

export type Direction = 'next' | 'previous';

/** Earlier start first; at the same start the longer span (a quote around a name) first. */
export function compareReadingOrder(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}

export function inReadingOrder<T extends Span>(targets: readonly T[]): T[] {
  return [...targets].sort(compareReadingOrder);
}

/**
 * The target after (or before) `current`, among those `include` accepts, wrapping round at
 * either end. With no current target the walk begins at the reader's place, `from` (a text
 * offset, 0 by default): "next" takes the first target starting at or after it, "previous" the
 * last starting before it. `targets` must be in reading order. Null when nothing is included.
 */
export function stepTarget<T extends Span>(
  targets: readonly T[],
  current: Span | null,
  direction: Direction,
  include: (target: T) => boolean = () => true,
  from = 0,
): T | null {
  const count = targets.length;
  if (count === 0) return null;
  const step = direction === 'next' ? 1 : -1;
  // `begin` is the first index to try; the loop visits every index once from there.
  let begin: number;
  if (current) {
    const at = targets.findIndex((t) => t.start === current.start && t.end === current.end);
    begin = at >= 0 ? at + step : insertionIndex(targets, current, direction);
  } else {
    const firstAtOrAfter = targets.findIndex((t) => t.start >= from);
    const boundary = firstAtOrAfter < 0 ? count : firstAtOrAfter;
    begin = direction === 'next' ? boundary : boundary - 1;
  }
  for (let i = 0; i < count; i += 1) {
    const index = (((begin + i * step) % count) + count) % count;
    const target = targets[index]!;
    if (include(target)) return target;
  }
  return null;
}

/** Where a span that is not among the targets would sit: the first index after it going forward, the last before it going back. */
function insertionIndex(targets: readonly Span[], span: Span, direction: Direction): number {
  const after = targets.findIndex((t) => compareReadingOrder(t, span) > 0);
  const firstAfter = after < 0 ? targets.length : after;
  return direction === 'next' ? firstAfter : firstAfter - 1;
}
