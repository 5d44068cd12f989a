// Analysing only what is new. When paragraphs are added to an article already analysed (infinite
// scroll, "read more", lazy paragraphs), the new block is analysed on its own and merged into the
// earlier analysis: earlier spans after the insertion shift, the block's spans move to where the
// block sits, and its names join the entities found before (a later "Kerry" joins "John Kerry",
// and a name keeps the type it had). The same merge lets a huge text be analysed block by block.
// Plain TypeScript: the analyser is passed in.

import type { Analysis, Entity, Quote, Span } from '../analysis/types';

/** Article blocks are joined by this (lib/extract). */
export const BLOCK_SEPARATOR = '\n\n';

export interface Insertion {
  /** Where the new text starts, in the new text; everything from here in the old text moved by `length`. */
  at: number;
  length: number;
  /** The whole blocks that are new, in the new text (the insertion without its separators). */
  block: Span;
}

/**
 * How `newText` extends `oldText` by whole blocks inserted in one place (at the end, the start or
 * between two blocks), or null for any other change (an edit inside a paragraph, a removal, two
 * places at once): those need a full analysis.
 */
export function findInsertion(oldText: string, newText: string): Insertion | null {
  const length = newText.length - oldText.length;
  if (length <= 0) return null;
  let prefix = 0;
  const limit = oldText.length;
  while (prefix < limit && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix += 1;
  let suffix = 0;
  while (suffix < limit - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) {
    suffix += 1;
  }
  if (prefix + suffix !== oldText.length) return null;
  // The same insertion can often be placed a little earlier (the new block shares its first letters
  // with what follows): slide it back until it starts on a block boundary, if it can.
  for (let at = prefix; ; at -= 1) {
    const block = blockOf(newText, at, at + length);
    if (block) return { at, length, block };
    // Moving one back is the same insertion when the character before it equals its last one.
    if (at === 0 || newText.charCodeAt(at - 1) !== newText.charCodeAt(at - 1 + length)) return null;
  }
}

/** The inserted region [from, to) as whole blocks without separators, or null when it cuts into a block. */
function blockOf(text: string, from: number, to: number): Span | null {
  let start = from;
  let end = to;
  if (text.startsWith(BLOCK_SEPARATOR, start) && (start === 0 || text.slice(start - 2, start) !== BLOCK_SEPARATOR)) start += 2;
  else if (text.endsWith(BLOCK_SEPARATOR, end) && end - 2 >= start) end -= 2;
  const startsBlock = start === 0 || text.slice(start - 2, start) === BLOCK_SEPARATOR;
  const endsBlock = end === text.length || text.startsWith(BLOCK_SEPARATOR, end);
  return startsBlock && endsBlock && end > start ? { start, end } : null;
}

/** Lower-case words of a name, for comparing names. */
function wordsOf(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’-]+/u)
    .filter(Boolean);
}

/** Whether `part` occurs as consecutive words inside `whole`. */
function containsWords(whole: readonly string[], part: readonly string[]): boolean {
  if (part.length === 0 || part.length > whole.length) return false;
  outer: for (let i = 0; i + part.length <= whole.length; i++) {
    for (let j = 0; j < part.length; j++) if (whole[i + j] !== part[j]) continue outer;
    return true;
  }
  return false;
}

const shifted = (span: Span, by: number): Span => ({ start: span.start + by, end: span.end + by });

/** An entity being merged: mutable mentions, and the ids (old and block) that now mean it. */
interface MergedEntity extends Entity {
  words: string[];
}

/**
 * The earlier analysis with the block's merged in. `block` holds offsets into
 * newText.slice(insertion.block.start, insertion.block.end). Null when an earlier span straddles
 * the insertion point (a quote running across it): then only a full analysis is right.
 */
export function mergeInsertion(previous: Analysis, block: Analysis, insertion: Insertion, newText: string): Analysis | null {
  const { at, length } = insertion;
  const move = (span: Span): Span => (span.start >= at ? shifted(span, length) : span);
  const straddles = (span: Span): boolean => span.start < at && span.end > at;
  if (previous.quotes.some(straddles) || previous.entities.some((entity) => entity.mentions.some(straddles))) return null;

  /** Every id used so far (earlier or block) -> the entity it now belongs to. */
  const byId = new Map<string, MergedEntity>();
  const entities: MergedEntity[] = previous.entities.map((entity) => {
    const merged: MergedEntity = { ...entity, mentions: entity.mentions.map(move), words: wordsOf(entity.name) };
    byId.set(entity.id, merged);
    return merged;
  });
  const byName = new Map(entities.map((entity) => [entity.words.join(' '), entity]));

  // People with the longest names first, so the block's own short forms find their full names.
  const longestPeopleFirst = [...block.entities].sort(
    (a, b) => Number(b.type === 'person') - Number(a.type === 'person') || wordsOf(b.name).length - wordsOf(a.name).length,
  );
  for (const found of longestPeopleFirst) {
    const mentions = found.mentions.map((span) => shifted(span, insertion.block.start));
    const words = wordsOf(found.name);
    const target = byName.get(words.join(' ')) ?? shortFormOf(entities, found, words, insertion.block.start);
    if (target) {
      target.mentions.push(...mentions);
      target.description ??= found.description;
      target.role ??= found.role;
      byId.set(found.id, target);
      continue;
    }
    // A full name for a person known so far only by a short form (or by a surname taken for
    // something else): the longer name becomes canonical, and the entity a person.
    const shorter = found.type === 'person' ? entities.find((known) => isShortFormOf(known, words)) : undefined;
    if (shorter) {
      byName.delete(shorter.words.join(' '));
      shorter.type = 'person';
      shorter.name = found.name;
      shorter.id = `person:${found.name}`;
      shorter.words = words;
      shorter.mentions.push(...mentions);
      shorter.description ??= found.description;
      shorter.role ??= found.role;
      byName.set(words.join(' '), shorter);
      byId.set(found.id, shorter);
      continue;
    }
    const added: MergedEntity = { ...found, mentions, words };
    entities.push(added);
    byName.set(words.join(' '), added);
    byId.set(found.id, added);
  }

  addUntaggedMentions(entities, newText, insertion.block);

  const quotes: Quote[] = [
    ...previous.quotes.map((quote) => ({ ...quote, ...moveQuoteSpans(quote, move) })),
    ...block.quotes.map((quote) => ({ ...quote, ...moveQuoteSpans(quote, (span) => shifted(span, insertion.block.start)) })),
  ]
    .map((quote) => withSpeakerOf(quote, byId))
    .sort((a, b) => a.start - b.start);

  const result: Entity[] = entities
    .map(({ words: _words, ...entity }) => ({ ...entity, mentions: dedupeSorted(entity.mentions) }))
    .sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
  return { entities: result, quotes };
}

/**
 * The earlier person a short form stands for: one whose full name holds the form's words ("Kerry"
 * in "John Kerry"); among several, the one last mentioned before the block. A form the block took
 * for something other than a person joins only as the person's surname (a lone "Obama" the block
 * called an organisation is still Barack Obama: a name keeps its type).
 */
function shortFormOf(entities: readonly MergedEntity[], found: Entity, words: readonly string[], before: number): MergedEntity | undefined {
  const fits = (entity: MergedEntity): boolean =>
    found.type === 'person'
      ? entity.words.length > words.length && containsWords(entity.words, words)
      : words.length === 1 && entity.words.length > 1 && entity.words[entity.words.length - 1] === words[0];
  let best: MergedEntity | undefined;
  // -2: a person first mentioned after the block (a prepended paragraph) still qualifies.
  let bestAt = -2;
  for (const entity of entities) {
    if (entity.type !== 'person' || !fits(entity)) continue;
    const last = Math.max(-1, ...entity.mentions.filter((span) => span.start < before).map((span) => span.start));
    if (last > bestAt) {
      best = entity;
      bestAt = last;
    }
  }
  return best;
}

/** Whether an earlier entity is a short form of the person named `words`. */
function isShortFormOf(known: MergedEntity, words: readonly string[]): boolean {
  if (known.words.length >= words.length) return false;
  if (known.type === 'person') return containsWords(words, known.words);
  return known.words.length === 1 && words.length > 1 && words[words.length - 1] === known.words[0];
}

function moveQuoteSpans(quote: Quote, move: (span: Span) => Span): Pick<Quote, 'start' | 'end'> & Partial<Pick<Quote, 'cue' | 'source'>> {
  const { start, end } = move(quote);
  const spans: Pick<Quote, 'start' | 'end'> & Partial<Pick<Quote, 'cue' | 'source'>> = { start, end };
  if (quote.cue) spans.cue = move(quote.cue);
  if (quote.source) spans.source = move(quote.source);
  return spans;
}

/** A speaker that was an entity now names the entity it was merged into. */
function withSpeakerOf(quote: Quote, byId: ReadonlyMap<string, MergedEntity>): Quote {
  const entity = quote.speaker?.entityId ? byId.get(quote.speaker.entityId) : undefined;
  return entity ? { ...quote, speaker: { name: entity.name, entityId: entity.id } } : quote;
}

/**
 * Names known from before that the block's own analysis left untagged (it had no context to tell
 * "Kerry" is a person): each whole-word occurrence in the block of a form already used for an
 * entity becomes a mention of it, unless it overlaps a span the block has.
 */
function addUntaggedMentions(entities: readonly MergedEntity[], text: string, block: Span): void {
  const forms = new Map<string, MergedEntity>();
  const addForm = (form: string, entity: MergedEntity): void => {
    if (/^\p{Lu}/u.test(form) && !forms.has(form)) forms.set(form, entity);
  };
  for (const entity of entities) {
    for (const span of entity.mentions) {
      if (span.start < block.start || span.end > block.end) addForm(text.slice(span.start, span.end), entity);
    }
  }
  // A person's surname alone ("Kerry" after "John Kerry"), unless it is another entity's form.
  for (const entity of entities) {
    const surname = entity.type === 'person' ? entity.name.split(/\s+/) : [];
    if (surname.length > 1) addForm(surname[surname.length - 1]!, entity);
  }
  if (forms.size === 0) return;
  const taken: Span[] = entities.flatMap((entity) => entity.mentions.filter((span) => span.end > block.start && span.start < block.end));
  const overlapsTaken = (start: number, end: number): boolean => taken.some((span) => span.start < end && span.end > start);
  // Runs of capitalised words: the only places a known name can be.
  const runs = /\p{Lu}[\p{L}\p{M}\p{N}'’.-]*(?:[ \u00a0]+\p{Lu}[\p{L}\p{M}\p{N}'’.-]*)*/gu;
  const slice = text.slice(block.start, block.end);
  for (const run of slice.matchAll(runs)) {
    const words = [...run[0].matchAll(/\S+/g)].map((word) => ({ start: block.start + run.index + word.index, text: word[0] }));
    for (let i = 0; i < words.length; ) {
      let matched = 0;
      for (let j = words.length; j > i && matched === 0; j--) {
        const start = words[i]!.start;
        const last = words[j - 1]!;
        let end = last.start + last.text.length;
        let entity = forms.get(text.slice(start, end));
        // A name at the end of a sentence carries its full stop.
        if (!entity && text[end - 1] === '.') entity = forms.get(text.slice(start, (end -= 1)));
        if (entity && !overlapsTaken(start, end)) {
          entity.mentions.push({ start, end });
          taken.push({ start, end });
          matched = j - i;
        }
      }
      i += Math.max(1, matched);
    }
  }
}

function dedupeSorted(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  return sorted.filter((span, i) => i === 0 || span.start !== sorted[i - 1]!.start || span.end !== sorted[i - 1]!.end);
}

export interface BlockwiseOptions {
  /** Aim for blocks of about this many characters (cut at block boundaries). */
  blockSize: number;
  /** Runs between blocks: the caller's way to let other work in (e.g. a macrotask in a service worker). */
  pause?: () => Promise<void>;
}

/**
 * Analyses a long text a block at a time, merging each into what came before, so no single call
 * of the analyser runs for long. A text at or under blockSize is analysed in one call.
 */
export async function analyzeInBlocks(text: string, analyze: (text: string) => Analysis, options: BlockwiseOptions): Promise<Analysis> {
  let end = cutAfter(text, 0, options.blockSize);
  let analysis = analyze(text.slice(0, end));
  while (end < text.length) {
    await options.pause?.();
    const start = end + BLOCK_SEPARATOR.length;
    const next = cutAfter(text, start, options.blockSize);
    const sofar = text.slice(0, next);
    const insertion: Insertion = { at: end, length: next - end, block: { start, end: next } };
    const merged = mergeInsertion(analysis, analyze(text.slice(start, next)), insertion, sofar);
    // Earlier spans never straddle `end` (nothing was analysed past it), so the merge always applies.
    analysis = merged ?? analyze(sofar);
    end = next;
  }
  return analysis;
}

/** The end of the last whole block starting at `from` that keeps the piece within `size` (at least one block). */
function cutAfter(text: string, from: number, size: number): number {
  if (text.length - from <= size) return text.length;
  const cut = text.lastIndexOf(BLOCK_SEPARATOR, from + size);
  if (cut > from) return cut;
  const next = text.indexOf(BLOCK_SEPARATOR, from + size);
  return next < 0 ? text.length : next;
}
