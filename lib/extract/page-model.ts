// One linear pass over the DOM that measures text per block element. Everything later (choosing
// the body container, finding the headline, filtering blocks) reads these numbers instead of
// walking the DOM again.
import { BLOCK_TAGS, HEADING_TAGS, classHint, hasArticleBodyItemprop, isExcludedElement, isStructuralRoot } from './element-rules';
import { isElement, isText, tagOf, visibleLength } from './dom-utils';
import { NODES_PER_STEP, runToEnd, type Steps } from './slices';

/** Measurements for one block-level element. Blocks are stored in document (pre-)order. */
export interface BlockStats {
  el: Element;
  tag: string;
  /** Index of the nearest enclosing block, -1 for the root. */
  parent: number;
  /** One past the index of this block's last descendant block (its subtree is [index, end)). */
  end: number;
  /** Visible characters of inline text directly in this block (not in nested blocks). */
  ownText: number;
  ownLinkText: number;
  /** The last few characters of own text (trimmed), to see whether it ends like a sentence. */
  ownTail: string;
  /** Class/id hint: -2 reader comments, -1 boilerplate, +1 article-like, 0 neutral. */
  hint: -2 | -1 | 0 | 1;
  /** Removed by its class/id hint (or an ancestor's). */
  pruned: boolean;
  /** Holds (or is) an itemprop=articleBody element: class hints never remove it. */
  holdsMarkedBody: boolean;
  /** Subtree totals over blocks that are not pruned. */
  totalText: number;
  totalLinkText: number;
  /** Characters of prose-like text (long, few links) in the subtree. */
  goodText: number;
  /** Characters of boilerplate-like text (short or link-heavy) in the subtree. */
  badText: number;
  /** Number of prose-like blocks in the subtree. */
  goodBlocks: number;
  /** Characters of prose-like text in the subtree, unweighted (for "is this an article?"). */
  proseText: number;
}

export interface PageModel {
  blocks: BlockStats[];
  indexOf: Map<Element, number>;
}

type OwnTextKind = 'none' | 'heading' | 'prose' | 'boilerplate';

/** A block of own text counts as prose when it is long enough and not mostly links. */
function classifyOwnText(b: BlockStats): OwnTextKind {
  const text = b.ownText;
  if (text === 0) return 'none';
  const linkDensity = b.ownLinkText / text;
  if (linkDensity > 0.5) return 'boilerplate';
  // Subheads are part of articles; they neither help nor hurt a container.
  if (HEADING_TAGS.has(b.tag)) return 'heading';
  if (text >= 70 && linkDensity <= 0.35) return 'prose';
  // A linked lead-in followed by its sentence ("<b><a>WeWork is under investigation</a>.</b> The
  // company confirmed…"): the shape of a news round-up's items.
  if (text >= 100 && linkDensity <= 0.5 && SENTENCE_END.test(b.ownTail)) return 'prose';
  // Short paragraphs ("Police used a ram to force open the door.") are prose too.
  if (text >= 20 && linkDensity < 0.2 && SENTENCE_END.test(b.ownTail)) return 'prose';
  return 'boilerplate';
}

const SENTENCE_END = /[.!?…]["'”’»)]*$/;

/** Short lines (datelines, "Advertisement", labels) count half against a container. */
const SHORT_LINE_WEIGHT = 0.5;
/**
 * Article paragraphs come in runs; a lone prose block between boilerplate (a teaser's summary
 * between its headline link and its date) is worth less.
 */
const LONE_PROSE_WEIGHT = 0.3;

/** Prose/boilerplate weights of each block's own text, given its neighbours in reading order. */
function weighOwnText(blocks: BlockStats[], skip: (b: BlockStats) => boolean): Array<{ good: number; bad: number }> {
  const kinds = blocks.map((b) => (skip(b) ? 'none' : classifyOwnText(b)));
  const weights = blocks.map(() => ({ good: 0, bad: 0 }));
  // Blocks with text, in document order, headings left out so subheads don't break a run.
  const order: number[] = [];
  kinds.forEach((k, i) => {
    if (k === 'prose' || k === 'boilerplate') order.push(i);
  });
  order.forEach((i, n) => {
    const b = blocks[i]!;
    if (kinds[i] === 'boilerplate') {
      weights[i]!.bad = b.ownLinkText / b.ownText > 0.5 ? b.ownText : b.ownText * SHORT_LINE_WEIGHT;
      return;
    }
    const before = order[n - 1];
    const after = order[n + 1];
    const inRun = (before !== undefined && kinds[before] === 'prose') || (after !== undefined && kinds[after] === 'prose');
    weights[i]!.good = inRun ? b.ownText : b.ownText * LONE_PROSE_WEIGHT;
  });
  return weights;
}

interface Frame {
  node: Node;
  block: number;
  inLink: boolean;
}

export function buildPageModel(root: Element): PageModel {
  return runToEnd(buildPageModelSteps(root));
}

/** buildPageModel as steps: pauses every NODES_PER_STEP nodes of the walk. */
export function* buildPageModelSteps(root: Element): Steps<PageModel> {
  const blocks: BlockStats[] = [];
  const indexOf = new Map<Element, number>();
  const stack: Frame[] = [{ node: root, block: -1, inLink: false }];
  let visited = 0;

  while (stack.length > 0) {
    if (++visited % NODES_PER_STEP === 0) yield;
    const { node, block, inLink } = stack.pop()!;
    if (isText(node)) {
      const target = blocks[block];
      if (target) {
        const n = visibleLength(node.data);
        if (n > 0) {
          target.ownText += n;
          if (inLink) target.ownLinkText += n;
          target.ownTail = node.data.trimEnd().slice(-8);
        }
      }
      continue;
    }
    if (!isElement(node) || isExcludedElement(node)) continue;
    const tag = tagOf(node);
    let childBlock = block;
    if (BLOCK_TAGS.has(tag) || block === -1) {
      childBlock = blocks.length;
      const hint = isStructuralRoot(node) ? 0 : classHint(node);
      blocks.push({
        el: node, tag, parent: block, end: childBlock + 1, ownText: 0, ownLinkText: 0, ownTail: '', hint,
        pruned: false, holdsMarkedBody: hasArticleBodyItemprop(node), totalText: 0, totalLinkText: 0, goodText: 0, badText: 0, goodBlocks: 0, proseText: 0,
      });
      indexOf.set(node, childBlock);
    }
    const childInLink = inLink || tag === 'a';
    // Push children in reverse so they pop in document order.
    for (let child = node.lastChild; child; child = child.previousSibling) {
      stack.push({ node: child, block: childBlock, inLink: childInLink });
    }
  }

  yield;
  accumulate(blocks, () => false);
  decidePruning(blocks);
  yield;
  accumulate(blocks, (b) => b.pruned);
  return { blocks, indexOf };
}

/** Sum own-text measures into subtree totals (children come after parents in pre-order). */
function accumulate(blocks: BlockStats[], skip: (b: BlockStats) => boolean): void {
  const weights = weighOwnText(blocks, skip);
  for (const b of blocks) {
    b.totalText = b.totalLinkText = b.goodText = b.badText = b.goodBlocks = b.proseText = 0;
  }
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    const parent = blocks[b.parent];
    if (parent && b.end > parent.end) parent.end = b.end;
    if (parent && b.holdsMarkedBody) parent.holdsMarkedBody = true;
    if (skip(b)) continue;
    const own = weights[i]!;
    b.totalText += b.ownText;
    b.totalLinkText += b.ownLinkText;
    b.goodText += own.good;
    b.badText += own.bad;
    if (own.good > 0) {
      b.goodBlocks += 1;
      b.proseText += b.ownText;
    }
    if (parent) {
      parent.totalText += b.totalText;
      parent.totalLinkText += b.totalLinkText;
      parent.goodText += b.goodText;
      parent.badText += b.badText;
      parent.goodBlocks += b.goodBlocks;
      parent.proseText += b.proseText;
    }
  }
}

/**
 * Class/id hints remove boilerplate boxes ("related", "share", "comments"), but a wrapper
 * named e.g. "page-with-sidebar" may hold the whole article: keep a hinted block when it holds
 * most of the page's prose (nearly all of it for comment sections, which can outweigh articles).
 */
function decidePruning(blocks: BlockStats[]): void {
  // With a publisher-marked body, a hinted block elsewhere is never the article.
  const pageGood = blocks[0]?.holdsMarkedBody ? Infinity : (blocks[0]?.goodText ?? 0);
  for (const b of blocks) {
    const parent = blocks[b.parent];
    if (parent?.pruned) {
      b.pruned = true;
    } else if (b.holdsMarkedBody) {
      b.pruned = false;
    } else if (b.hint === -1) {
      b.pruned = b.goodText === 0 || b.goodText < 0.5 * pageGood;
    } else if (b.hint === -2) {
      b.pruned = b.goodText === 0 || b.goodText < 0.9 * pageGood;
    }
  }
}
