// The TextPositionSelector for a note from another tool. Other tools count characters of the
// whole page, Lede counts the article body, so their numbers are only a hint. Anchoring uses a
// stored position only where the quote and its context sit there verbatim, else it searches for
// the quote, so a wrong hint never puts a note on the wrong words.

import type { TextPositionSelector } from '../notes/annotation';

/**
 * The tool's own position when it is a valid span; otherwise {start: 0, end: quote length}
 * ("the start of the text"), which the validator accepts and anchoring checks before trusting.
 */
export function positionHint(position: unknown, exact: string): TextPositionSelector {
  const record = typeof position === 'object' && position !== null ? (position as Record<string, unknown>) : {};
  const { start, end } = record;
  if (typeof start === 'number' && typeof end === 'number' && Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && start < end) {
    return { type: 'TextPositionSelector', start, end };
  }
  return { type: 'TextPositionSelector', start: 0, end: Math.max(1, exact.length) };
}
