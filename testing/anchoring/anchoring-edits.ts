// The page edits that the anchoring suite and the recovery bench apply to an article after a note
// was made on one passage, each with the outcome a correct anchorer must give: the passage's new
// location (computed from the edit itself), or no location when the passage is gone.
import type { Rng } from './anchoring-prng';
import {
  applySplices, blockIndexOf, occursOnce, paragraphBlocks, pickPassage, sample, wordsIn,
  type PassageOptions, type Span, type Splice,
} from './anchoring-text';

/** What the reader noted: a passage of a text. */
export interface NotedPage {
  text: string;
  passage: Span;
}

export interface EditedPage {
  /** The page when the note was made (usually the input; the duplicate-present kind changes it). */
  before: NotedPage;
  /** The page now. */
  text: string;
  /** Where the noted words are now; null when they are gone. */
  expected: Span | null;
}

/**
 * anchored: must be re-attached, exactly on `expected`;
 * near: must be re-attached on `expected` give or take the edges (fuzzy edits inside the passage);
 * either: re-attached on `expected`, or orphaned; orphan: must be orphaned.
 */
export type Expectation = 'anchored' | 'near' | 'either' | 'orphan';

export interface EditContext {
  rng: Rng;
  /** Paragraphs from other articles, to insert. */
  fillers: readonly string[];
}

export interface EditKind {
  name: string;
  description: string;
  expectation: Expectation;
  passage: PassageOptions;
  /** Null when this edit does not apply to this passage (e.g. no neighbouring paragraph). */
  apply(page: NotedPage, context: EditContext): EditedPage | null;
}

const ANY_PASSAGE: PassageOptions = { minWords: 3, maxWords: 40 };
/**
 * A passage long enough to be recognised with none of its context left. A shorter one whose
 * context is all gone may be a repeat that was on the page all along, so orphaning it is fine.
 */
const DISTINCT_PASSAGE: PassageOptions = { minWords: 4, maxWords: 40, minChars: 30 };
const SHORT_PASSAGE: PassageOptions = { minWords: 2, maxWords: 4, maxChars: 29 };
/** "10% of the passage" needs at least ten words to mean 10%. */
const LONG_PASSAGE: PassageOptions = { minWords: 10, maxWords: 40 };

/** Plain words no article in the fixtures is about, so a rewrite cannot create a new match. */
const REWRITE_WORDS = [
  'orchard', 'velvet', 'lantern', 'granite', 'meadow', 'cobalt', 'ember', 'willow', 'saffron', 'thimble',
  'parcel', 'ripple', 'marble', 'tundra', 'falcon', 'juniper', 'pewter', 'quill', 'bramble', 'harbinger',
];

function spliced(page: NotedPage, splices: Splice[]): EditedPage {
  const result = applySplices(page.text, splices);
  return { before: page, text: result.text, expected: result.mapSpan(page.passage) };
}

/** A filler paragraph that does not contain the passage, so the passage stays unique. */
function filler(page: NotedPage, context: EditContext): string {
  const exact = page.text.slice(page.passage.start, page.passage.end);
  for (let i = 0; i < 10; i++) {
    const candidate = context.rng.pick(context.fillers);
    if (!candidate.includes(exact)) return candidate;
  }
  return 'An editor added this paragraph to the article after it was first published.';
}

function insertParagraph(page: NotedPage, context: EditContext, where: 'before' | 'after'): EditedPage | null {
  const blocks = paragraphBlocks(page.text);
  const own = blockIndexOf(blocks, page.passage.start);
  if (own < 0) return null;
  const candidates = where === 'before' ? blocks.slice(0, own + 1) : blocks.slice(own + 1);
  const insertion = filler(page, context);
  if (candidates.length === 0) {
    if (where === 'before') return null;
    return spliced(page, [{ at: page.text.length, remove: 0, insert: `\n\n${insertion}` }]);
  }
  const block = context.rng.pick(candidates);
  return spliced(page, [{ at: block.start, remove: 0, insert: `${insertion}\n\n` }]);
}

/** A sentence inserted right before the passage, in its own paragraph: its prefix context is new. */
function insertAdjacent(page: NotedPage, context: EditContext): EditedPage | null {
  const sentence = filler(page, context).split(/(?<=[.!?])\s/)[0]!.slice(0, 200);
  return spliced(page, [{ at: page.passage.start, remove: 0, insert: `${sentence} ` }]);
}

function moveParagraph(page: NotedPage, context: EditContext): EditedPage | null {
  const blocks = paragraphBlocks(page.text);
  const own = blockIndexOf(blocks, page.passage.start);
  if (own < 0 || blocks.length < 3) return null;
  // A new slot at least two places away, so the paragraph's neighbours change.
  const slots = blocks.map((_, i) => i).concat(blocks.length).filter((slot) => slot < own - 1 || slot > own + 2);
  if (slots.length === 0) return null;
  const slot = context.rng.pick(slots);
  const order = blocks.map((_, i) => i).filter((i) => i !== own);
  order.splice(slot > own ? slot - 1 : slot, 0, own);
  const head = page.text.slice(0, blocks[0]!.start);
  let text = head;
  let moved = -1;
  order.forEach((index, position) => {
    if (position > 0) text += '\n\n';
    if (index === own) moved = text.length;
    text += page.text.slice(blocks[index]!.start, blocks[index]!.end);
  });
  const offset = moved - blocks[own]!.start;
  return { before: page, text, expected: { start: page.passage.start + offset, end: page.passage.end + offset } };
}

function deleteNeighbour(page: NotedPage, context: EditContext): EditedPage | null {
  const blocks = paragraphBlocks(page.text);
  const own = blockIndexOf(blocks, page.passage.start);
  const neighbours = [own - 1, own + 1].filter((i) => i >= 0 && i < blocks.length);
  if (own < 0 || neighbours.length === 0) return null;
  const gone = context.rng.pick(neighbours);
  // The paragraph and the blank line between it and the passage's paragraph.
  const span = gone < own
    ? { start: blocks[gone]!.start, end: blocks[own]!.start }
    : { start: blocks[own]!.end, end: blocks[gone]!.end };
  return spliced(page, [{ at: span.start, remove: span.end - span.start, insert: '' }]);
}

/** Doubled spaces here and there, and blank lines that gain a space or a line. */
function changeWhitespace(page: NotedPage, context: EditContext): EditedPage {
  const splices: Splice[] = [];
  for (const match of page.text.matchAll(/ (?! )|\n\n/g)) {
    if (match[0] === ' ' && context.rng.chance(0.2)) splices.push({ at: match.index, remove: 1, insert: '  ' });
    else if (match[0] === '\n\n' && context.rng.chance(0.5)) splices.push({ at: match.index, remove: 2, insert: context.rng.pick(['\n \n', '\n\n\n']) });
  }
  return spliced(page, splices);
}

/** Straight quotes made curly and curly made straight; some spaces become non-breaking. Same length. */
function changeTypography(page: NotedPage, context: EditContext): EditedPage {
  const chars = [...page.text];
  const out = chars.map((c, i) => {
    const opening = i === 0 || /[\s([—-]/.test(chars[i - 1]!);
    switch (c) {
      case '"': return opening ? '\u201c' : '\u201d';
      case "'": return opening ? '\u2018' : '\u2019';
      case '\u201c': case '\u201d': return '"';
      case '\u2018': case '\u2019': return "'";
      case ' ': return context.rng.chance(0.3) ? '\u00a0' : ' ';
      case '\u00a0': return ' ';
      default: return c;
    }
  });
  return { before: page, text: out.join(''), expected: { ...page.passage } };
}

/** One word inside the passage loses, doubles or swaps a letter (the note was made on the typo). */
function fixTypo(page: NotedPage, context: EditContext): EditedPage | null {
  const words = wordsIn(page.text, page.passage, /\p{L}{4,}/gu);
  if (words.length === 0) return null;
  const word = context.rng.pick(words);
  const at = context.rng.int(word.start + 1, word.end - 2);
  const [a, b] = [page.text[at]!, page.text[at + 1]!];
  const fixes: Splice[] = [
    { at, remove: 1, insert: '' },
    { at, remove: 1, insert: a + a },
    ...(a !== b ? [{ at, remove: 2, insert: b + a }] : []),
  ];
  return spliced(page, [context.rng.pick(fixes)]);
}

function rewrite(share: number): (page: NotedPage, context: EditContext) => EditedPage | null {
  return (page, context) => {
    const words = wordsIn(page.text, page.passage);
    const count = Math.max(1, Math.round(share * words.length));
    if (words.length < 2) return null;
    const splices = sample(words, count, context.rng).map((w) => {
      const old = page.text.slice(w.start, w.end).toLowerCase();
      const choices = REWRITE_WORDS.filter((r) => r !== old);
      return { at: w.start, remove: w.end - w.start, insert: context.rng.pick(choices) };
    });
    return spliced(page, splices);
  };
}

function deletePassage(page: NotedPage): EditedPage {
  const { start, end } = page.passage;
  const span = page.text[end] === ' ' ? { start, end: end + 1 } : page.text[start - 1] === ' ' ? { start: start - 1, end } : { start, end };
  const text = page.text.slice(0, span.start) + page.text.slice(span.end);
  return { before: page, text, expected: null };
}

/** The passage's words copied into a paragraph of their own elsewhere (a pull quote). */
function copyAsParagraph(page: NotedPage, context: EditContext): { text: string; copy: Span; original: Span } | null {
  const blocks = paragraphBlocks(page.text);
  const own = blockIndexOf(blocks, page.passage.start);
  const slots = blocks.filter((_, i) => i !== own && i !== own + 1);
  if (own < 0 || slots.length === 0) return null;
  const exact = page.text.slice(page.passage.start, page.passage.end);
  const at = context.rng.pick(slots).start;
  const result = applySplices(page.text, [{ at, remove: 0, insert: `${exact}\n\n` }]);
  return { text: result.text, copy: { start: at, end: at + exact.length }, original: result.mapSpan(page.passage) };
}

function duplicateAdded(page: NotedPage, context: EditContext): EditedPage | null {
  const copied = copyAsParagraph(page, context);
  return copied && { before: page, text: copied.text, expected: copied.original };
}

/** The sentence was on the page twice when the note was made on one of them; then a paragraph is added. */
function duplicatePresent(page: NotedPage, context: EditContext): EditedPage | null {
  const copied = copyAsParagraph(page, context);
  if (!copied) return null;
  const noted = context.rng.chance(0.5) ? copied.copy : copied.original;
  const before = { text: copied.text, passage: noted };
  const blocks = paragraphBlocks(before.text);
  const at = context.rng.pick(blocks).start;
  const result = applySplices(before.text, [{ at, remove: 0, insert: `${filler(page, context)}\n\n` }]);
  return { before, text: result.text, expected: result.mapSpan(noted) };
}

export const EDIT_KINDS: readonly EditKind[] = [
  { name: 'insert-before', description: 'a paragraph inserted before the passage', expectation: 'anchored', passage: ANY_PASSAGE, apply: (p, c) => insertParagraph(p, c, 'before') },
  { name: 'insert-after', description: 'a paragraph inserted after the passage', expectation: 'anchored', passage: ANY_PASSAGE, apply: (p, c) => insertParagraph(p, c, 'after') },
  { name: 'insert-adjacent', description: 'a sentence inserted right before the passage', expectation: 'anchored', passage: ANY_PASSAGE, apply: insertAdjacent },
  { name: 'paragraph-moved', description: "the passage's paragraph moved", expectation: 'anchored', passage: DISTINCT_PASSAGE, apply: moveParagraph },
  { name: 'short-moved', description: "a short passage's paragraph moved", expectation: 'either', passage: SHORT_PASSAGE, apply: moveParagraph },
  { name: 'neighbour-deleted', description: 'a neighbouring paragraph deleted', expectation: 'anchored', passage: ANY_PASSAGE, apply: deleteNeighbour },
  { name: 'whitespace', description: 'whitespace changed', expectation: 'anchored', passage: ANY_PASSAGE, apply: changeWhitespace },
  { name: 'typography', description: 'straight/curly quotes swapped, NBSPs', expectation: 'anchored', passage: ANY_PASSAGE, apply: changeTypography },
  { name: 'typo-fixed', description: 'a typo fixed inside the passage', expectation: 'near', passage: ANY_PASSAGE, apply: fixTypo },
  { name: 'rewrite-10', description: '10% of the passage rewritten', expectation: 'near', passage: LONG_PASSAGE, apply: rewrite(0.1) },
  { name: 'rewrite-30', description: '30% of the passage rewritten', expectation: 'either', passage: LONG_PASSAGE, apply: rewrite(0.3) },
  { name: 'rewrite-60', description: '60% of the passage rewritten', expectation: 'orphan', passage: LONG_PASSAGE, apply: rewrite(0.6) },
  { name: 'passage-deleted', description: 'the passage deleted', expectation: 'orphan', passage: ANY_PASSAGE, apply: deletePassage },
  { name: 'duplicate-added', description: 'the passage copied elsewhere on the page', expectation: 'either', passage: ANY_PASSAGE, apply: duplicateAdded },
  { name: 'duplicate-present', description: 'the passage twice on the page, one noted', expectation: 'either', passage: ANY_PASSAGE, apply: duplicatePresent },
];

export function editKind(name: string): EditKind {
  const kind = EDIT_KINDS.find((k) => k.name === name);
  if (!kind) throw new Error(`no edit kind ${name}`);
  return kind;
}

/** Picks a passage for this kind and applies the edit; null when no passage fits. */
export function makeCase(kind: EditKind, text: string, context: EditContext): EditedPage | null {
  for (let attempt = 0; attempt < 5; attempt++) {
    const passage = pickPassage(text, context.rng, kind.passage);
    if (!passage) return null;
    const edited = kind.apply({ text, passage }, context);
    if (edited && isWellDefined(edited)) return edited;
  }
  return null;
}

/** The expected words must be the only place the (unchanged) passage could be, or gone. */
function isWellDefined(edited: EditedPage): boolean {
  const exact = edited.before.text.slice(edited.before.passage.start, edited.before.passage.end);
  if (edited.expected === null) return !edited.text.includes(exact);
  return edited.expected.start >= 0 && edited.expected.end <= edited.text.length && edited.expected.start < edited.expected.end;
}
