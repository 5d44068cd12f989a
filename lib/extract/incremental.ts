// Following an article as the page changes, reading only what changed: blocks the page added
// beside the article's own blocks are read on their own (the same page model and collector as a
// full extraction, run on the new subtree) and spliced into the text; blocks whose every text node
// left the page are cut out. Anything else (text edited inside a paragraph, text moved, a block
// added before the article or inside one of its paragraphs) asks the caller for a full read.
// Plain DOM code, in steps: it can run in slices like extractArticleInSlices.
import type { ChangeSet } from './change-set';
import { collectArticleTextSteps } from './block-collector';
import { isElement, isText, tagOf, visibleLength } from './dom-utils';
import { BLOCK_TAGS, classHint, isExcludedElement } from './element-rules';
import { buildPageModelSteps } from './page-model';
import { runInSlices, runToEnd, type SliceOptions, type Steps } from './slices';
import { ArticleTextBuilder, BLOCK_SEPARATOR } from './text-builder';
import type { ExtractedArticle, TextSegment } from './types';

/** Array items handled between two pause points in the linear passes (cheap per item). */
const ITEMS_PER_STEP = 4000;
/** Nodes looked at around an edited text node to tell whether it sits in an article paragraph. */
const EDIT_PROBE_NODES = 200;
const DOCUMENT_POSITION_FOLLOWING = 4;

export type FollowResult =
  | { kind: 'unchanged' }
  /** `read`: the elements whose text was read (the new blocks); `removedBlocks`: blocks cut out. */
  | { kind: 'changed'; article: ExtractedArticle; read: Element[]; removedBlocks: number }
  /** Only a full extraction can say what the article is now. */
  | { kind: 'reread'; reason: string };

const reread = (reason: string): FollowResult => ({ kind: 'reread', reason });

/**
 * The article after `changes`, reading only the changed blocks. `root` is the nearest element
 * holding all of the article's text: changes outside it leave the article alone.
 */
export function followChanges(article: ExtractedArticle, changes: ChangeSet, root: Node | null): FollowResult {
  return runToEnd(followChangesSteps(article, changes, root));
}

export function followChangesInSlices(article: ExtractedArticle, changes: ChangeSet, root: Node | null, options: SliceOptions = {}): Promise<FollowResult> {
  return runInSlices(followChangesSteps(article, changes, root), options);
}

function* followChangesSteps(article: ExtractedArticle, changes: ChangeSet, root: Node | null): Steps<FollowResult> {
  if (changes.overflow) return reread('too many changes at once');
  if (!root || !root.isConnected) return reread('the article left the page');
  const inArticle = (node: Node): boolean => root.contains(node);
  const nodes = yield* articleNodes(article.segments);

  for (const node of changes.edited) {
    if (!node.isConnected || !inArticle(node)) continue;
    if (nodes.has(node)) return reread('text edited inside the article');
    if (isText(node) && visibleLength(node.data) > 0 && nearArticleText(node, nodes)) return reread('text added inside a paragraph');
  }

  let current = { text: article.text, segments: article.segments };
  let removedBlocks = 0;
  if ([...changes.removedFrom].some((parent) => !parent.isConnected || inArticle(parent))) {
    const cut = yield* cutRemovedBlocks(current.text, current.segments);
    if (cut === 'partial') return reread('part of a paragraph was removed');
    if (cut) {
      current = cut;
      removedBlocks = cut.removed;
    }
  }

  const added = newSubtrees(changes.added, root);
  const insertions: Insertion[] = [];
  const read: Element[] = [];
  for (const node of added) {
    if (!isElement(node)) {
      if (isText(node) && visibleLength(node.data) > 0) return reread('text added outside any block');
      continue;
    }
    if (isExcludedElement(node) || classHint(node) < 0) continue;
    const block = yield* readBlock(node);
    read.push(node);
    if (block.text.length === 0) continue;
    if (block.segments.some((segment) => nodes.has(segment.node))) return reread('article text moved');
    const at = insertionPoint(current.segments, node);
    if (at === 0) return reread('text added before the article');
    const before = current.segments[at - 1]!;
    const after = current.segments[at];
    if (after && after.start === before.end) return reread('a block added inside a paragraph');
    if (blockOf(before.node)?.contains(node) || (after && blockOf(after.node)?.contains(node))) return reread('text added inside a paragraph');
    // Beside the article's own blocks, not in some other box that happens to share the root.
    if (!node.parentNode?.contains(before.node) && !(after && node.parentNode?.contains(after.node))) continue;
    insertions.push({ index: at, offset: after ? after.start : current.text.length, ...block });
  }

  if (insertions.length === 0 && removedBlocks === 0) return { kind: 'unchanged' };
  const spliced = insertions.length > 0 ? yield* splice(current.text, current.segments, insertions) : current;
  if (spliced.text.length === 0) return reread('no article text left');
  return { kind: 'changed', article: { ...article, text: spliced.text, segments: spliced.segments }, read, removedBlocks };
}

/** The nearest node holding all of the article's text (its first and last Text nodes); null without text. */
export function articleRoot(segments: readonly TextSegment[]): Node | null {
  const first = segments[0]?.node;
  const last = segments[segments.length - 1]?.node;
  if (!first || !last) return null;
  for (let node: Node | null = first; node; node = node.parentNode) if (node.contains(last)) return node;
  return null;
}

/** The article's Text nodes, for telling new text from moved text. */
function* articleNodes(segments: readonly TextSegment[]): Steps<Set<Node>> {
  const nodes = new Set<Node>();
  for (let i = 0; i < segments.length; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    nodes.add(segments[i]!.node);
  }
  return nodes;
}

/** An edited text node that shares its parent element with article text. */
function nearArticleText(node: Node, articleText: ReadonlySet<Node>): boolean {
  const parent = node.parentNode;
  if (!parent) return false;
  const doc = node.ownerDocument;
  if (!doc) return false;
  const walker = doc.createTreeWalker(parent, 4 /* NodeFilter.SHOW_TEXT */);
  for (let seen = 0, text = walker.nextNode(); text && seen < EDIT_PROBE_NODES; text = walker.nextNode(), seen++) {
    if (articleText.has(text)) return true;
  }
  return false;
}

/** The nearest block-level element around a Text node: the paragraph its text belongs to. */
function blockOf(node: Node): Element | null {
  for (let up = node.parentNode; up; up = up.parentNode) if (isElement(up) && BLOCK_TAGS.has(tagOf(up))) return up;
  return null;
}

/** Added nodes still in the page and inside the article's root, outermost only, in document order. */
function newSubtrees(added: ReadonlySet<Node>, root: Node): Node[] {
  const outermost: Node[] = [];
  for (const node of added) {
    if (!node.isConnected || !root.contains(node)) continue;
    let inside = false;
    for (let up = node.parentNode; up && up !== root; up = up.parentNode) {
      if (added.has(up)) {
        inside = true;
        break;
      }
    }
    if (!inside) outermost.push(node);
  }
  return outermost.sort((a, b) => (a.compareDocumentPosition(b) & DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

interface BlockText {
  text: string;
  /** Offsets relative to the block. */
  segments: TextSegment[];
}

interface Insertion extends BlockText {
  /** The first segment after the new block (segments.length at the end). */
  index: number;
  /** Its start in the text (the text's length at the end). */
  offset: number;
}

/** A new subtree's text, read the way a full extraction reads the article's blocks. */
function* readBlock(el: Element): Steps<BlockText> {
  const model = yield* buildPageModelSteps(el);
  const builder = new ArticleTextBuilder();
  yield* collectArticleTextSteps(model, { root: 0, from: 0, to: model.blocks.length, container: 0, headline: -1 }, builder);
  return builder.finish();
}

/** Index of the first segment whose node comes after `el` in the document (binary search). */
function insertionPoint(segments: readonly TextSegment[], el: Element): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (el.compareDocumentPosition(segments[mid]!.node) & DOCUMENT_POSITION_FOLLOWING) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Blocks of the text: runs of contiguous segments (blocks are joined by a separator no segment covers). */
function blockEnds(segments: readonly TextSegment[], from: number): number {
  let to = from + 1;
  while (to < segments.length && segments[to]!.start === segments[to - 1]!.end) to++;
  return to;
}

/**
 * The text without the blocks whose every node left the page; 'partial' when a block lost only
 * some of its nodes (an edit inside it); null when nothing left.
 */
function* cutRemovedBlocks(
  text: string,
  segments: readonly TextSegment[],
): Steps<{ text: string; segments: TextSegment[]; removed: number } | 'partial' | null> {
  const kept: Array<{ from: number; to: number }> = [];
  let removed = 0;
  let visited = 0;
  for (let from = 0; from < segments.length; ) {
    const to = blockEnds(segments, from);
    let gone = 0;
    for (let i = from; i < to; i++) if (!segments[i]!.node.isConnected) gone++;
    if (gone === 0) kept.push({ from, to });
    else if (gone === to - from) removed++;
    else return 'partial';
    visited += to - from;
    if (visited >= ITEMS_PER_STEP) {
      visited = 0;
      yield;
    }
    from = to;
  }
  if (removed === 0) return null;
  const parts: string[] = [];
  const out: TextSegment[] = [];
  let length = 0;
  for (const { from, to } of kept) {
    if (parts.length > 0) {
      parts.push(BLOCK_SEPARATOR);
      length += BLOCK_SEPARATOR.length;
    }
    const start = segments[from]!.start;
    const end = segments[to - 1]!.end;
    parts.push(text.slice(start, end));
    for (let i = from; i < to; i++) {
      const s = segments[i]!;
      out.push({ ...s, start: s.start - start + length, end: s.end - start + length });
    }
    length += end - start;
  }
  return { text: parts.join(''), segments: out, removed };
}

/** The text and segments with the new blocks in place (insertions sorted by index, then document order). */
function* splice(text: string, segments: readonly TextSegment[], insertions: readonly Insertion[]): Steps<{ text: string; segments: TextSegment[] }> {
  const sorted = [...insertions].sort((a, b) => a.index - b.index);
  const parts: string[] = [];
  const out: TextSegment[] = [];
  let copiedText = 0;
  let copiedSegments = 0;
  let shift = 0;
  const copyUpTo = function* (index: number, offset: number): Steps<void> {
    parts.push(text.slice(copiedText, offset));
    for (let i = copiedSegments; i < index; i++) {
      if ((i - copiedSegments) % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
      const s = segments[i]!;
      out.push(shift === 0 ? s : { ...s, start: s.start + shift, end: s.end + shift });
    }
    copiedText = offset;
    copiedSegments = index;
  };
  for (const insertion of sorted) {
    yield* copyUpTo(insertion.index, insertion.offset);
    const atEnd = insertion.offset === text.length;
    // At the end the separator goes before the block; anywhere else, after it.
    const blockStart = insertion.offset + shift + (atEnd ? BLOCK_SEPARATOR.length : 0);
    parts.push(atEnd ? BLOCK_SEPARATOR + insertion.text : insertion.text + BLOCK_SEPARATOR);
    for (const s of insertion.segments) out.push({ ...s, start: s.start + blockStart, end: s.end + blockStart });
    shift += insertion.text.length + BLOCK_SEPARATOR.length;
  }
  yield* copyUpTo(segments.length, text.length);
  return { text: parts.join(''), segments: out };
}
