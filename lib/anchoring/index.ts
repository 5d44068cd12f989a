// The anchoring engine: describe a selected span as selectors, and find it again later.
export { describeSpan, CONTEXT_LENGTH } from './describe';
export { anchor, anchorAll, prepareText, type Anchorable, type AnchorOptions } from './anchor';
export { normalizeForMatching, type NormalizedText } from './normalize';
export { MIN_QUOTE_SIMILARITY, MIN_SCORE } from './decide';
