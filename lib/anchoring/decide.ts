// Choosing among candidates: a weighted score, minimum evidence, and refusing to guess between
// look-alikes. Every rule here errs towards an orphan: a note on the wrong words is worse than a
// note the reader has to re-attach.
import type { Candidate } from './types';

const WEIGHTS = {
  /** The quote's own text is the strongest evidence. */
  quote: 50,
  /** The text just before: tells repeats apart and confirms a fuzzy match is in the right place. */
  prefix: 20,
  /** The text just after: same role as the prefix. */
  suffix: 20,
  /** Nearness to the stored position: only a tie-breaker, as edits elsewhere shift offsets. */
  position: 2,
};

/** Below this the quote has lost too much of its text to be the same passage. */
export const MIN_QUOTE_SIMILARITY = 0.6;
/** Between the minimum and this, the quote was heavily edited: both context sides must agree. */
const WEAK_QUOTE_SIMILARITY = 0.75;
/** A fuzzy quote shorter than this is a few letters that could be any word: both sides must agree. */
const SHORT_QUOTE_LENGTH = 12;
/** A context side "agrees" when this share of its characters still match. */
const SIDE_AGREES = 0.6;
/**
 * An edited (fuzzy) quote must have this share of its stored context's characters, both sides
 * together, still around it. A side counts by its length: a three-character prefix that happens to
 * match ("10 ") says little when the 32 characters after it match nothing, and a look-alike
 * elsewhere on the page (a recurring headline, differently capitalised) is then an orphan.
 */
const CONTEXT_AGREES = 0.5;
/** Final guard on the weighted score of a fuzzy match. */
export const MIN_SCORE = 0.6;
/**
 * Two places whose evidence (matching characters of quote + context) differs by less than this
 * share of the stored context are look-alikes: the note is an orphan rather than a guess.
 */
const AMBIGUITY_MARGIN_SHARE = 0.1;
const AMBIGUITY_MARGIN_MIN = 2;

export interface Judged extends Candidate {
  /** Start in original offsets of the new text. */
  originalStart: number;
  /**
   * The stored context up to the paragraph breaks it contains (or all of it, on a side without
   * one) is exactly the candidate's own paragraph around it. Set for exact candidates only.
   */
  paragraphIntact?: boolean;
  score: number;
}

export type Decision = { ok: true; best: Judged } | { ok: false; reason: string };

export interface DecisionContext {
  quoteLength: number;
  prefixLength: number;
  suffixLength: number;
  textLength: number;
  /** The stored start (old text's offsets), if any. */
  storedStart: number | undefined;
  /** Fuzzy candidates face stricter context rules than exact ones. */
  fuzzy: boolean;
}

export function weightedScore(c: Candidate, originalStart: number, ctx: DecisionContext): number {
  let raw = WEIGHTS.quote * c.quoteSimilarity;
  let max = WEIGHTS.quote;
  if (c.prefixSimilarity !== undefined) {
    raw += WEIGHTS.prefix * c.prefixSimilarity;
    max += WEIGHTS.prefix;
  }
  if (c.suffixSimilarity !== undefined) {
    raw += WEIGHTS.suffix * c.suffixSimilarity;
    max += WEIGHTS.suffix;
  }
  if (ctx.storedStart !== undefined) {
    const distance = Math.abs(originalStart - ctx.storedStart);
    raw += WEIGHTS.position * (1 - Math.min(1, distance / Math.max(1, ctx.textLength)));
    max += WEIGHTS.position;
  }
  return raw / max;
}

/** Characters of quote and context that match: the evidence used to tell places apart. */
function evidence(c: Candidate, ctx: DecisionContext): number {
  return (
    c.quoteSimilarity * ctx.quoteLength +
    (c.prefixSimilarity ?? 0) * ctx.prefixLength +
    (c.suffixSimilarity ?? 0) * ctx.suffixLength
  );
}

/**
 * The share of the stored context's characters (prefix and suffix together) that still match
 * around the candidate; 1 when the note stored no context to compare.
 */
function contextShare(c: Candidate, ctx: DecisionContext): number {
  const prefix = c.prefixSimilarity === undefined ? 0 : Math.max(1, ctx.prefixLength);
  const suffix = c.suffixSimilarity === undefined ? 0 : Math.max(1, ctx.suffixLength);
  if (prefix + suffix === 0) return 1;
  return ((c.prefixSimilarity ?? 0) * prefix + (c.suffixSimilarity ?? 0) * suffix) / (prefix + suffix);
}

/** Why this candidate is not good enough on its own, or undefined when it is. */
function weakness(c: Judged, ctx: DecisionContext, onlyPlace: boolean): string | undefined {
  if (c.quoteSimilarity < MIN_QUOTE_SIMILARITY) return 'quote changed too much';
  const sides = [c.prefixSimilarity, c.suffixSimilarity].filter((s): s is number => s !== undefined);
  const agreeing = sides.filter((s) => s >= SIDE_AGREES).length;
  const needsBothSides =
    ctx.fuzzy && (c.quoteSimilarity < WEAK_QUOTE_SIMILARITY || ctx.quoteLength < SHORT_QUOTE_LENGTH);
  // A moved paragraph changes the context on both sides; an exact quote found in only one place,
  // whose own paragraph around it is unchanged, is still the passage.
  const movedWithItsParagraph = !ctx.fuzzy && onlyPlace && c.paragraphIntact === true;
  if (sides.length > 0 && agreeing === 0 && !movedWithItsParagraph) return 'context no longer matches';
  if (needsBothSides && agreeing < sides.length) return 'edited quote without matching context';
  if (ctx.fuzzy && contextShare(c, ctx) < CONTEXT_AGREES) return 'edited quote whose context matches little around it';
  // Exact quotes are judged by the context rules above; the score guards edited (fuzzy) ones.
  if (ctx.fuzzy && c.score < MIN_SCORE) return 'score below minimum';
  return undefined;
}

/**
 * The candidate to anchor to, or why there is none. The best by evidence must beat every other
 * place by a margin, and then be good enough on its own.
 */
export function decide(candidates: Judged[], ctx: DecisionContext): Decision {
  if (candidates.length === 0) return { ok: false, reason: 'quote not found' };
  const ranked = [...candidates].sort((a, b) => evidence(b, ctx) - evidence(a, ctx) || b.score - a.score);
  const best = ranked[0]!;
  const margin = Math.max(AMBIGUITY_MARGIN_MIN, AMBIGUITY_MARGIN_SHARE * (ctx.prefixLength + ctx.suffixLength));
  const rivals = ranked.slice(1).filter((c) => evidence(best, ctx) - evidence(c, ctx) < margin);
  // Nearness to the old position never settles a tie: an edit earlier on the page moves every
  // offset, so the nearer look-alike is as likely the wrong one.
  if (rivals.length > 0) return { ok: false, reason: 'ambiguous: the passage appears more than once' };
  const chosen = best;
  const why = weakness(chosen, ctx, candidates.length === 1);
  return why === undefined ? { ok: true, best: chosen } : { ok: false, reason: why };
}
