// Where the stored context still stands: the stored prefix's end and the suffix's start found
// together with room for the passage between them. In one place, that is where the passage is (or
// was): a look-alike elsewhere must not take the note. A slot with no room left means the passage
// was deleted there; slots in several places mean the page has look-alike passages.
import { occurrencesOf } from './occurrences';
import type { PreparedQuote, PreparedText } from './types';

/** Characters of context next to the passage used to find the slot. */
const PROBE_LENGTH = 16;
/** Shorter probes (near the start or end of the text) are too common to place anything. */
const MIN_PROBE_LENGTH = 12;

/** Characters the prefix's end and the suffix's start may overlap by (a shared space). */
const SHARED_EDGE = 1;

/** Normalised offsets: the passage's place is [start, end). */
export interface ContextSlot {
  start: number;
  end: number;
}

/** At most this many pairings are collected; more means the context is common text. */
const MAX_SLOTS = 8;

/**
 * Every place where the end of the stored prefix is followed, within `maxGap` characters, by the
 * start of the stored suffix (up to MAX_SLOTS). Usually none (the context was edited) or one.
 */
export function findContextSlots(prepared: PreparedText, quote: PreparedQuote, maxGap: number): ContextSlot[] {
  const before = quote.normPrefix.slice(-PROBE_LENGTH);
  const after = quote.normSuffix.slice(0, PROBE_LENGTH);
  if (before.length < MIN_PROBE_LENGTH || after.length < MIN_PROBE_LENGTH) return [];
  const prefixEnds = occurrencesOf(prepared, before).map((at) => at + before.length);
  if (prefixEnds.length === 0) return [];
  const suffixStarts = occurrencesOf(prepared, after);
  const slots: ContextSlot[] = [];
  let j = 0;
  for (const start of prefixEnds) {
    // Deleting a passage often takes a space with it, which prefix and suffix then share.
    while (j < suffixStarts.length && suffixStarts[j]! < start - SHARED_EDGE) j += 1;
    // The farthest suffix start in reach: the suffix's words may recur inside the passage itself.
    let end: number | undefined;
    for (let k = j; k < suffixStarts.length && suffixStarts[k]! - start <= maxGap; k += 1) end = suffixStarts[k]!;
    if (end === undefined) continue;
    slots.push({ start, end: Math.max(start, end) });
    if (slots.length >= MAX_SLOTS) return slots;
  }
  return slots;
}
