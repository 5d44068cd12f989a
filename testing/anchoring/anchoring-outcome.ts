// Judging where a note landed against where its words really are after an edit.
import type { AnchorStatus } from '../../lib/notes/annotation';
import type { Expectation } from './anchoring-edits';
import type { Span } from './anchoring-text';

/**
 * exact: on the expected words, to the character; near: on them give or take an edge (at least
 * NEAR_OVERLAP of the two spans' union shared); partial: on the right passage but trimmed or
 * stretched more than that (most of what is painted is still the passage's words); orphan: not
 * placed; wrong: placed where the passage's words are not.
 */
export type Verdict = 'exact' | 'near' | 'partial' | 'orphan' | 'wrong';

/** A fuzzy match may gain or lose a few characters at an edited edge and still be on the right words. */
export const NEAR_OVERLAP = 0.8;

export function overlapShare(a: Span, b: Span): number {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return shared <= 0 || union <= 0 ? 0 : shared / union;
}

export function judge(status: AnchorStatus, expected: Span | null): Verdict {
  if (status.status === 'orphan') return 'orphan';
  if (expected === null) return 'wrong';
  if (status.start === expected.start && status.end === expected.end) return 'exact';
  if (overlapShare(status, expected) >= NEAR_OVERLAP) return 'near';
  const shared = Math.min(status.end, expected.end) - Math.max(status.start, expected.start);
  return shared > 0 && shared * 2 >= status.end - status.start ? 'partial' : 'wrong';
}

export const isRecovered = (verdict: Verdict): boolean => verdict === 'exact' || verdict === 'near';

/** The verdicts each expectation allows (never 'wrong'). */
export const ALLOWED: Record<Expectation, readonly Verdict[]> = {
  anchored: ['exact'],
  near: ['exact', 'near'],
  either: ['exact', 'near', 'partial', 'orphan'],
  orphan: ['orphan'],
};
