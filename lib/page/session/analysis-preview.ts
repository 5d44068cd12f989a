// The opening of a long article, analysed ahead of the whole so the first highlights (where the
// reader starts) come sooner: on the fixture pages the whole text took several times as long as
// its first ~1,200 characters, and 98% of the opening's spans came out the same in both. The
// whole analysis follows and replaces the preview, so nothing kept or shown afterwards depends on it.

/** About a screenful of article text: the preview ends at a paragraph break near here. */
export const PREVIEW_TARGET_LENGTH = 1200;

/**
 * Where the preview ends (a paragraph break, so no sentence is cut), or null when the text is too
 * short to be worth two analyses or has no paragraph break in its first half.
 */
export function previewEnd(text: string, target: number = PREVIEW_TARGET_LENGTH): number | null {
  if (text.length < 2 * target) return null;
  const before = text.lastIndexOf('\n\n', target);
  if (before > 0 && text.slice(0, before).trim() !== '') return before;
  const after = text.indexOf('\n\n', target);
  return after > 0 && after <= text.length / 2 ? after : null;
}

/** An answer from the analyser: `whole` when it is the whole text's analysis (see ProgressiveSteps.analyze). */
export interface Analyzed<A> {
  analysis: A;
  whole: boolean;
}

/** What showProgressively needs from its caller: the background's analyser and the painter. */
export interface ProgressiveSteps<A> {
  /**
   * The whole text's analysis (preview false), or its opening's (preview true). Asked for an
   * opening, the background answers with the whole text's analysis when it holds it already (a
   * reload, a revisit): analysing the opening then would only delay the first highlights.
   */
  analyze(text: string, preview: boolean): Promise<Analyzed<A>>;
  /** Puts an analysis on screen; false when something newer replaced it first. */
  show(analysis: A, kind: 'preview' | 'whole'): Promise<boolean>;
}

/**
 * Asks for the opening's analysis; once it is in, asks for the whole's (the background analyses one
 * text at a time, and would have taken the opening first anyway) and shows the opening's while the
 * whole is analysed, then the whole's. When the opening's answer is already the whole text's (a
 * reload), it is shown once, as the whole, and nothing more is asked. A failed preview only means
 * waiting for the whole; a failed whole rejects. Resolves to whether the whole's analysis was shown.
 */
export async function showProgressively<A>(text: string, steps: ProgressiveSteps<A>): Promise<boolean> {
  const end = previewEnd(text);
  const opening = end === null ? null : await steps.analyze(text.slice(0, end), true).catch(() => null);
  if (opening?.whole) return steps.show(opening.analysis, 'whole');
  const whole = steps.analyze(text, false);
  // Awaited below; this keeps a failure that comes while the preview is shown from counting as unhandled.
  whole.catch(() => undefined);
  if (opening !== null) await steps.show(opening.analysis, 'preview');
  return steps.show((await whole).analysis, 'whole');
}
