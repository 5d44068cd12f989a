// Walk the chosen region of the page in reading order and turn its blocks into article text.
import type { PageModel } from './page-model';
import { ArticleTextBuilder, type BlockFilter } from './text-builder';
import { isExcludedElement } from './element-rules';
import { isElement, isText, tagOf } from './dom-utils';
import { NODES_PER_STEP, runToEnd, type Steps } from './slices';

export interface CollectPlan {
  /** Block to walk (its subtree). */
  root: number;
  /** Only blocks with index in [from, to) contribute text (document order). */
  from: number;
  to: number;
  /** The body container: it and its ancestors are never dropped by block filters. */
  container: number;
  /** Headline block: it and its ancestors are exempt from block filters; -1 when none. */
  headline: number;
}

// Whole lines that are page furniture even inside an article body (matched case-insensitively,
// with an optional trailing colon).
const FURNITURE_LINES = [
  'advertisements?', 'ad', 'sponsored', 'story continues below( this)? (ad|advertisement)',
  'continue reading( (below|the main story))?', 'read more', 'read next', "don[’']t miss",
  'more on this', 'most read', 'skip (ad|advertisement)', 'related( articles| stories| coverage)?',
  'share( this)?( article| story)?', 'share on (facebook|twitter)', 'tweet', 'email', 'print',
  '(\\d+ )?comments?', 'image', 'photo', 'video', 'loading(…|\\.\\.\\.)?', '\\(?\\s*adsbygoogle.*',
  'sign up.*newsletter.*', 'subscribe( now)?', 'https?:\\/\\/\\S+',
];
const FURNITURE_LINE = new RegExp(`^(${FURNITURE_LINES.join('|')})\\s*:?$`, 'i');

const SENTENCE = /[.!?…]["'”’)]*$/;

/** A photo caption that ends with its credit: "Protesters in June (Image: GETTY)". */
const CAPTION_CREDIT = /\((?:image|photo|picture|pic|credit)s?:[^)]{1,60}\)$/i;

/**
 * A finished block is dropped when it is a known furniture line or mostly link text; a real
 * sentence may be more link than not ("Webb was convicted and <a>sentenced to life</a> …").
 */
const keepBlock: BlockFilter = (text, linkChars) => {
  if (FURNITURE_LINE.test(text) || CAPTION_CREDIT.test(text)) return false;
  const linkDensity = linkChars / Math.max(1, text.replace(/\s/g, '').length);
  const sentence = SENTENCE.test(text) && text.split(' ').length >= 6;
  return linkDensity <= (sentence ? 0.85 : 0.5);
};

/** Visibility by layout, only where the DOM has it (browsers, happy-dom; not linkedom). */
function isRenderedHidden(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  return typeof check === 'function' && !check.call(el);
}

type Frame = { kind: 'node'; node: Node; block: number; inLink: boolean } | { kind: 'exit'; block: number };

/** Is block `a` an ancestor of (or equal to) block `b`? */
function contains(model: PageModel, a: number, b: number): boolean {
  const blockA = model.blocks[a];
  return blockA !== undefined && b >= a && b < blockA.end;
}

export function collectArticleText(model: PageModel, plan: CollectPlan, builder: ArticleTextBuilder): void {
  runToEnd(collectArticleTextSteps(model, plan, builder));
}

/** collectArticleText as steps: pauses every NODES_PER_STEP nodes of the walk. */
export function* collectArticleTextSteps(model: PageModel, plan: CollectPlan, builder: ArticleTextBuilder): Steps<void> {
  const { blocks, indexOf } = model;
  const rootBlock = blocks[plan.root];
  if (!rootBlock) return;
  let exempt = false;
  const flush = (): void => builder.endBlock(exempt ? undefined : keepBlock);

  const stack: Frame[] = [{ kind: 'node', node: rootBlock.el, block: -1, inLink: false }];
  let visited = 0;
  while (stack.length > 0) {
    if (++visited % NODES_PER_STEP === 0) yield;
    const frame = stack.pop()!;
    if (frame.kind === 'exit') {
      flush();
      if (frame.block === plan.headline) exempt = false;
      continue;
    }
    const { node, block, inLink } = frame;
    if (isText(node)) {
      if (block >= plan.from) builder.appendText(node, inLink);
      continue;
    }
    if (!isElement(node) || isExcludedElement(node)) continue;
    let childBlock = block;
    const index = indexOf.get(node);
    // Inline elements hidden by the page's CSS (only styled ones are worth asking about).
    if (index === undefined && (node.hasAttribute('class') || node.hasAttribute('style')) && isRenderedHidden(node)) continue;
    if (index !== undefined) {
      if (index >= plan.to) break; // everything after this is later in the document
      const b = blocks[index]!;
      if (index < plan.from && b.end <= plan.from) continue;
      // The body container, the headline and the blocks enclosing them are never filtered
      // (a headline may sit in a header whose class/id looks like boilerplate).
      const structural =
        index === plan.root || contains(model, index, plan.container) || contains(model, index, plan.headline);
      if (!structural && b.pruned) continue;
      // Link-heavy boxes go; single paragraphs are judged by keepBlock, sentence by sentence.
      if (!structural && b.tag !== 'p' && b.totalText > 0 && b.totalLinkText > 0.5 * b.totalText) continue;
      if (!structural && isRenderedHidden(node)) continue;
      flush();
      if (tagOf(node) === 'br') continue;
      if (index === plan.headline) exempt = true;
      childBlock = index;
      stack.push({ kind: 'exit', block: index });
    }
    const childInLink = inLink || tagOf(node) === 'a';
    for (let child = node.lastChild; child; child = child.previousSibling) {
      stack.push({ kind: 'node', node: child, block: childBlock, inLink: childInLink });
    }
  }
  flush();
}
