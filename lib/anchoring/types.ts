// Shared shapes of the anchoring engine.
import type { BlockIndex } from './block-index';
import type { NormalizedText } from './normalize';

/** The page text, prepared once for anchoring many notes; each part is built on first use. */
export interface PreparedText {
  readonly original: string;
  readonly norm: NormalizedText;
  readonly index: BlockIndex;
}

/** A stored note's selectors, normalised for matching. */
export interface PreparedQuote {
  exact: string;
  prefix: string;
  suffix: string;
  /** Normalised forms, compared against PreparedText.norm.text. */
  normExact: string;
  normPrefix: string;
  normSuffix: string;
  /** The stored TextPositionSelector, if any (original offsets in the old text). */
  position: { start: number; end: number } | undefined;
}

/** A place the quote might be, in normalised offsets, with how well quote and context agree. */
export interface Candidate {
  start: number;
  end: number;
  /** 1 - edit errors / quote length. */
  quoteSimilarity: number;
  /** undefined when the note stored no prefix (or suffix). */
  prefixSimilarity: number | undefined;
  suffixSimilarity: number | undefined;
}
