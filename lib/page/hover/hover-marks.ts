// The hover card's decision marks. No imports: the e2e tests read these names too.

/**
 * Marks made once the controller has decided something (only the marked build leaves them where
 * the page can read them): tests wait for a decision instead of sleeping past the intent delay.
 */
export const HOVER_MARKS = {
  /** A pointer position was hit-tested; detail `{ x, y, outcome }` (a `PointerOutcome`). */
  pointer: 'lede-hover-decided',
  /** The pointer entered the open card: no grace period runs while it is there. */
  inCard: 'lede-hover-in-card',
  /** A navigation key was left to the page (typed into a field, or into the note editor); detail `{ reason }`. */
  keyIgnored: 'lede-key-ignored',
  /** An event the page's scripts dispatched was turned away (decided at once: it starts nothing); detail `{ type }`. */
  untrusted: 'lede-hover-ignored-untrusted',
} as const;

/** What a hit test decided: nothing shown is under the pointer, the open card's own target, the target already waited on, or a new wait. */
export type PointerOutcome = 'nothing' | 'open-card' | 'waiting' | 'intent';
