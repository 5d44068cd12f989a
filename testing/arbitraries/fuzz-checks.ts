// What "well-formed" means for the fuzz suite: checkers that list every problem they see (empty
// list = fine). Shared by tests/unit/fuzz-*.test.ts and scripts/fuzz.ts.

import type { Analysis, Span } from '../../lib/analysis/types';
import type { AnchorStatus } from '../../lib/notes/annotation';

const ENTITY_TYPES = new Set(['person', 'place', 'organization']);
const QUOTE_KINDS = new Set(['direct', 'reported']);

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * True when offset `i` falls between the two halves of a surrogate pair (one astral character:
 * an emoji, a mathematical letter). A highlight that starts or ends there paints half a character.
 * Lone surrogates have no pair to split, so offsets next to them are fine.
 */
export function splitsSurrogatePair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
}

/** Problems with one span: offsets are whole numbers, 0 ≤ start < end ≤ text.length, no half characters. */
export function spanProblems(text: string, span: Span, where: string): string[] {
  const { start, end } = span;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return [`${where}: offsets ${start}..${end} are not whole numbers`];
  const problems: string[] = [];
  if (!(start >= 0 && start < end && end <= text.length)) problems.push(`${where}: ${start}..${end} is not inside 0..${text.length} or is empty`);
  if (splitsSurrogatePair(text, start)) problems.push(`${where}: start ${start} splits a surrogate pair`);
  if (splitsSurrogatePair(text, end)) problems.push(`${where}: end ${end} splits a surrogate pair`);
  return problems;
}

/**
 * The analysis contract (lib/analysis/types.ts) checked on any text:
 * - entities have a unique id, a known type, a non-empty name and at least one mention;
 * - every mention and quote is a span of the text (0 ≤ start < end ≤ length) that splits no surrogate pair;
 * - an entity's mentions are in text order without repeats;
 * - quotes are in text order, and two quotes are apart or one holds the other (reported speech may
 *   hold the direct quote it cites: "X said he wants “…”"), never crossing;
 * - a quote's cue and source, when present, are spans of the text too;
 * - a quote's speaker, when present, has a name, and its entityId names an entity of this analysis.
 */
export function analysisProblems(text: string, analysis: Analysis): string[] {
  const problems: string[] = [];
  if (!Array.isArray(analysis.entities) || !Array.isArray(analysis.quotes)) return ['analysis has no entities or quotes array'];
  const ids = new Set<string>();
  analysis.entities.forEach((entity, i) => {
    const where = `entities[${i}] ${JSON.stringify(entity.id)}`;
    if (typeof entity.id !== 'string' || entity.id === '') problems.push(`${where}: no id`);
    if (ids.has(entity.id)) problems.push(`${where}: id repeated`);
    ids.add(entity.id);
    if (!ENTITY_TYPES.has(entity.type)) problems.push(`${where}: unknown type ${String(entity.type)}`);
    if (typeof entity.name !== 'string' || entity.name.trim() === '') problems.push(`${where}: empty name`);
    if (!Array.isArray(entity.mentions) || entity.mentions.length === 0) problems.push(`${where}: no mentions`);
    else
      entity.mentions.forEach((mention, j) => {
        problems.push(...spanProblems(text, mention, `${where}.mentions[${j}]`));
        const previous = entity.mentions[j - 1];
        if (previous && (mention.start < previous.start || (mention.start === previous.start && mention.end === previous.end))) {
          problems.push(`${where}.mentions[${j}]: ${mention.start}..${mention.end} is out of order or repeats ${previous.start}..${previous.end}`);
        }
      });
  });
  // Quotes that hold the current one, innermost last: a quote must end inside all of them.
  const holders: Span[] = [];
  analysis.quotes.forEach((quote, i) => {
    const where = `quotes[${i}]`;
    problems.push(...spanProblems(text, quote, where));
    if (quote.cue !== undefined) problems.push(...spanProblems(text, quote.cue, `${where}.cue`));
    if (quote.source !== undefined) problems.push(...spanProblems(text, quote.source, `${where}.source`));
    if (!QUOTE_KINDS.has(quote.kind)) problems.push(`${where}: unknown kind ${String(quote.kind)}`);
    const previous = analysis.quotes[i - 1];
    if (previous && quote.start < previous.start) problems.push(`${where}: ${quote.start}..${quote.end} comes before ${previous.start}..${previous.end}`);
    while (holders.length > 0 && holders[holders.length - 1]!.end <= quote.start) holders.pop();
    let holder = holders[holders.length - 1];
    // Two quotes from one place: either may be listed first; the longer one holds the other.
    if (holder && holder.start === quote.start && quote.end > holder.end) {
      holders.pop();
      holder = holders[holders.length - 1];
    }
    if (holder && quote.end > holder.end) problems.push(`${where}: ${quote.start}..${quote.end} crosses ${holder.start}..${holder.end}`);
    holders.push(quote);
    const speaker = quote.speaker;
    if (speaker !== null) {
      if (typeof speaker.name !== 'string' || speaker.name.trim() === '') problems.push(`${where}: speaker without a name`);
      if (speaker.entityId !== undefined && !ids.has(speaker.entityId)) problems.push(`${where}: speaker entityId ${JSON.stringify(speaker.entityId)} names no entity`);
    }
  });
  return problems;
}

/** Throws with all problems listed (fast-check shows the message with the shrunk counterexample). */
export function assertNoProblems(problems: string[]): void {
  if (problems.length > 0) throw new Error(`${problems.length} problem(s):\n  ${problems.slice(0, 8).join('\n  ')}`);
}

/** An anchor result that must be exactly [start, end). */
export function anchoredExactlyProblems(status: AnchorStatus, start: number, end: number, where: string): string[] {
  if (status.status !== 'anchored') return [`${where}: ${start}..${end} came back ${status.status}`];
  if (status.start !== start || status.end !== end) return [`${where}: ${start}..${end} came back at ${status.start}..${status.end}`];
  return [];
}
