// Re-anchoring a stored note in the current article text, cheapest evidence first:
// 1. the stored position, if the quote and its context are still there verbatim;
// 2. exact occurrences of the (typography-normalised) quote, chosen by context;
// 3. approximate occurrences (approx-string-match), near the old position first, then anywhere.
// Each step returns exact UTF-16 offsets into the original text; doubt means an orphan.
import type { AnchorStatus, Selector } from '../notes/annotation';
import { findExactCandidates } from './exact-candidates';
import { findContextSlots, type ContextSlot } from './context-slot';
import { approximateSpans, indexedSpans, NEAR_WINDOW, scoreSpans, WHOLE_SEARCH_MAX_TEXT, type Span } from './fuzzy-candidates';
import { decide, MIN_QUOTE_SIMILARITY, weightedScore, type DecisionContext, type Judged } from './decide';
import { edgeWhitespace, toNormalizedOffset, toOriginalQuoteSpan, toOriginalSpan } from './normalize';
import { paragraphIntact } from './paragraph-context';
import { isPositionSelector, prepareQuote, prepareText } from './prepare';
import type { Candidate, PreparedQuote, PreparedText } from './types';

export { prepareText };

export interface AnchorOptions {
  /** The text already prepared with prepareText (saves normalising it again for every note). */
  prepared?: PreparedText;
  /**
   * How far other notes on this page moved (new start - stored start): tried as a position before
   * searching. Only accepted when the quote and all its stored context are there verbatim.
   */
  shift?: number;
}

function orphan(reason: string): AnchorStatus {
  return { status: 'orphan', reason };
}

/** The quote and all of its stored context sit verbatim at `start` in the original text. */
function verbatimAt(text: string, quote: PreparedQuote, start: number): boolean {
  const end = start + quote.exact.length;
  if (start < quote.prefix.length || end > text.length) return false;
  return (
    text.startsWith(quote.exact, start) &&
    text.startsWith(quote.prefix, start - quote.prefix.length) &&
    text.startsWith(quote.suffix, end)
  );
}

function judge(prepared: PreparedText, candidates: Candidate[], ctx: DecisionContext): Judged[] {
  return candidates.map((c) => {
    const originalStart = toOriginalSpan(prepared.norm, c.start, c.end).start;
    return { ...c, originalStart, score: weightedScore(c, originalStart, ctx) };
  });
}

function anchored(prepared: PreparedText, quote: PreparedQuote, best: Judged, method: 'quote' | 'fuzzy'): AnchorStatus {
  const span = verbatimCover(
    prepared.original,
    quote.exact,
    toOriginalQuoteSpan(prepared.norm, best.start, best.end, edgeWhitespace(quote.exact, false), edgeWhitespace(quote.exact, true)),
  );
  return { status: 'anchored', start: span.start, end: span.end, method, score: best.score };
}

/** How far beyond a mapped match the verbatim quote may reach (invisible characters and spaces at its edges). */
const EDGE_SLACK = 8;

/**
 * Normalising drops zero-width characters and soft hyphens and shortens whitespace runs, so a match
 * maps back without those at the quote's edges (a quote ending in U+200D came back one short).
 * Where the stored quote sits verbatim around the mapped match, return exactly that.
 */
function verbatimCover(text: string, exact: string, span: { start: number; end: number }): { start: number; end: number } {
  if (text.slice(span.start, span.end) === exact) return span;
  const from = Math.max(0, span.start - EDGE_SLACK);
  const window = text.slice(from, span.end + EDGE_SLACK);
  for (let at = window.indexOf(exact); at !== -1; at = window.indexOf(exact, at + 1)) {
    const start = from + at;
    if (start > span.start) break;
    if (start + exact.length >= span.end) return { start, end: start + exact.length };
  }
  return span;
}

/** Characters a match may reach beyond the context slot (whitespace and edge edits). */
const SLOT_SLACK = 8;

/** A fuzzy match this close to the quote, with its context intact, needs no search elsewhere. */
const CONVINCING_QUOTE_SIMILARITY = 0.9;
const CONVINCING_CONTEXT_SIMILARITY = 0.75;

function isConvincing(c: Judged): boolean {
  return (
    c.quoteSimilarity >= CONVINCING_QUOTE_SIMILARITY &&
    (c.prefixSimilarity ?? 1) >= CONVINCING_CONTEXT_SIMILARITY &&
    (c.suffixSimilarity ?? 1) >= CONVINCING_CONTEXT_SIMILARITY
  );
}

function anchorQuote(prepared: PreparedText, quote: PreparedQuote, options: AnchorOptions): AnchorStatus {
  const text = prepared.original;
  const stored = quote.position;
  // 1. The stored position (or where the neighbouring notes moved), verbatim with its context.
  if (stored && verbatimAt(text, quote, stored.start)) {
    return { status: 'anchored', start: stored.start, end: stored.start + quote.exact.length, method: 'position', score: 1 };
  }
  if (stored && options.shift !== undefined && options.shift !== 0 && verbatimAt(text, quote, stored.start + options.shift)) {
    const start = stored.start + options.shift;
    return { status: 'anchored', start, end: start + quote.exact.length, method: 'position', score: 1 };
  }
  const normText = prepared.norm.text;
  const length = quote.normExact.length;
  // Only spaces (or invisible characters) left: nothing that could identify a passage.
  if (quote.normExact.trim().length === 0) return orphan('quote has no visible text');
  if (length > normText.length) return orphan('quote longer than the text');
  // Where the passage should be now: its stored start, moved as far as its neighbours moved.
  const expected = stored ? toNormalizedOffset(prepared.norm, Math.max(0, stored.start + (options.shift ?? 0))) : 0;
  const ctx: DecisionContext = {
    quoteLength: length,
    prefixLength: quote.normPrefix.length,
    suffixLength: quote.normSuffix.length,
    textLength: text.length,
    storedStart: stored?.start,
    fuzzy: false,
  };
  // The passage's place, if its context still stands: nothing elsewhere may take the note. If the
  // context closed up, the passage was deleted there, or its whole paragraph moved; if the context
  // stands in several places, the page has look-alike passages. Either way only an exact match
  // (judged below like any other) can be the passage, never a fuzzy look-alike.
  const maxErrors = Math.floor(length * (1 - MIN_QUOTE_SIMILARITY));
  const slots = findContextSlots(prepared, quote, length + maxErrors + SLOT_SLACK);
  const closedUp = slots.some((s) => s.end - s.start < length - maxErrors);
  const lookAlikes = !closedUp && slots.length > 1;
  const slot = slots.length === 1 && !closedUp ? slots[0] : undefined;
  const inSlot = (c: Candidate): boolean => !slot || (c.start >= slot.start - SLOT_SLACK && c.end <= slot.end + SLOT_SLACK);
  // 2. Exact occurrences of the normalised quote.
  const exact = judge(prepared, findExactCandidates(prepared, quote, expected), ctx).map((c) => ({
    ...c,
    paragraphIntact: paragraphIntact(text, quote, toOriginalSpan(prepared.norm, c.start, c.end)),
  }));
  if (exact.length > 0) {
    const placed = exact.filter(inSlot);
    if (placed.length === 0) return orphan('passage changed at its place; the quote appears elsewhere');
    const decision = decide(placed, ctx);
    return decision.ok ? anchored(prepared, quote, decision.best, 'quote') : orphan(decision.reason);
  }
  // 3. Approximate occurrences.
  if (maxErrors === 0) return orphan('quote not found');
  if (closedUp) return orphan('passage deleted: its context closed up');
  if (lookAlikes) return orphan('look-alike passages share its context');
  return fuzzyStage(prepared, quote, { ...ctx, fuzzy: true }, { expected, maxErrors, slot, inSlot });
}

interface FuzzyPlan {
  /** Normalised offset where the passage should be now. */
  expected: number;
  maxErrors: number;
  /** The one place the stored context still frames, if any: the only place searched then. */
  slot: ContextSlot | undefined;
  inSlot: (c: Candidate) => boolean;
}

/** Near the expected place first (a convincing match there ends the search), then everywhere. */
function fuzzyStage(prepared: PreparedText, quote: PreparedQuote, ctx: DecisionContext, plan: FuzzyPlan): AnchorStatus {
  const normText = prepared.norm.text;
  const length = quote.normExact.length;
  const { expected, maxErrors, slot, inSlot } = plan;
  // Near the expected place, allow only the errors a convincing match can have (cheap: the search
  // cost grows with the errors allowed); anything weaker is judged with the whole-text candidates.
  const convincingErrors = Math.floor(length * (1 - CONVINCING_QUOTE_SIMILARITY));
  const near =
    quote.position && convincingErrors > 0
      ? judge(
          prepared,
          scoreSpans(normText, quote, approximateSpans(normText, quote.normExact, convincingErrors, expected - NEAR_WINDOW, expected + length + NEAR_WINDOW)),
          ctx,
        ).filter(inSlot)
      : [];
  const nearDecision = decide(near, ctx);
  if (nearDecision.ok && isConvincing(nearDecision.best)) return anchored(prepared, quote, nearDecision.best, 'fuzzy');
  let spans: Span[];
  if (slot) spans = approximateSpans(normText, quote.normExact, maxErrors, slot.start - SLOT_SLACK, slot.end + SLOT_SLACK);
  else if (normText.length <= WHOLE_SEARCH_MAX_TEXT) spans = approximateSpans(normText, quote.normExact, maxErrors);
  else spans = indexedSpans(normText, prepared.index, quote, maxErrors);
  const everywhere = judge(prepared, scoreSpans(normText, quote, spans), ctx).filter(inSlot);
  const decision = decide(mergePlaces(near, everywhere), ctx);
  return decision.ok ? anchored(prepared, quote, decision.best, 'fuzzy') : orphan(decision.reason);
}

/** Union of two candidate lists, one entry per place (overlapping spans are one place). */
function mergePlaces(a: Judged[], b: Judged[]): Judged[] {
  const all = [...a, ...b].sort((x, y) => x.start - y.start || y.quoteSimilarity - x.quoteSimilarity);
  const out: Judged[] = [];
  for (const c of all) {
    const last = out[out.length - 1];
    if (last && c.start < last.end) {
      if (c.score > last.score) out[out.length - 1] = c;
      continue;
    }
    out.push(c);
  }
  return out;
}

/**
 * Find a stored note's passage in `text`. Returns exact UTF-16 offsets into `text`, or an orphan
 * with the reason when the passage is gone or cannot be told apart from a look-alike. Never throws.
 */
export function anchor(text: string, selectors: readonly Selector[], options: AnchorOptions = {}): AnchorStatus {
  try {
    if (typeof text !== 'string') return orphan('no text');
    const quote = Array.isArray(selectors) ? prepareQuote(selectors) : undefined;
    if (!quote) return orphan('no quote selector');
    if (quote.exact.length === 0) return orphan('empty quote');
    if (text.length === 0) return orphan('empty text');
    const prepared = options.prepared && options.prepared.original === text ? options.prepared : prepareText(text);
    return anchorQuote(prepared, quote, options);
  } catch (error) {
    return orphan(`anchoring failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Anything with a target holding selectors: an Annotation fits. */
export interface Anchorable {
  target: { selector: readonly Selector[] };
}

/**
 * Anchor many notes on one text: the text is normalised once, and notes are taken in stored order
 * so that each can first try the shift its predecessor moved by. Results are in input order.
 */
export function anchorAll(text: string, annotations: readonly Anchorable[]): AnchorStatus[] {
  const results: AnchorStatus[] = new Array<AnchorStatus>(annotations.length);
  if (typeof text !== 'string' || text.length === 0) {
    return annotations.map(() => orphan('empty text'));
  }
  const prepared = prepareText(text);
  const storedStart = (a: Anchorable): number =>
    a?.target?.selector?.find?.(isPositionSelector)?.start ?? Number.MAX_SAFE_INTEGER;
  const order = annotations.map((_, i) => i).sort((i, j) => storedStart(annotations[i]!) - storedStart(annotations[j]!));
  let shift: number | undefined;
  for (const i of order) {
    const selectors = annotations[i]?.target?.selector ?? [];
    const status = anchor(text, selectors, { prepared, shift });
    results[i] = status;
    const stored = storedStart(annotations[i]!);
    if (status.status === 'anchored' && stored !== Number.MAX_SAFE_INTEGER) shift = status.start - stored;
  }
  return results;
}
