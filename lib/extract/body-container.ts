// Choose the block that holds the article body: the one with the most prose text net of the
// boilerplate it would drag in. Because totals are cumulative, a parent that reunites a body
// split into several columns (with empty ad slots between them) wins over any one column, while
// a parent that adds a sidebar of links loses.
import type { BlockStats, PageModel } from './page-model';
import { hasArticleBodyItemprop, isArticleBodyMarker } from './element-rules';

/** Prose that the markup itself calls the article body is worth a little more. */
const MARKER_BONUS = 0.15;
const POSITIVE_HINT_BONUS = 0.15;
/** A boilerplate block of text costs this much per character against a container. */
const BOILERPLATE_WEIGHT = 1;

export function containerScore(b: BlockStats): number {
  if (b.pruned || b.goodText === 0) return -Infinity;
  let bonus = 0;
  if (isArticleBodyMarker(b.el)) bonus += MARKER_BONUS;
  if (b.hint === 1) bonus += POSITIVE_HINT_BONUS;
  return b.goodText * (1 + bonus) - BOILERPLATE_WEIGHT * b.badText;
}

/** Index of the chosen body container, or -1 when the page has no prose at all. */
export function findBodyContainer(model: PageModel): number {
  const best = bestScoringBlock(model);
  const marked = largestMarkedBody(model);
  if (best < 0 || marked < 0) return best;
  // itemprop=articleBody is the publisher's own word: trust it over our scoring when it holds
  // a real share of the prose, unless our choice is inside it (a refinement) or encloses it
  // with much more prose (a body split into several marked parts).
  const b = model.blocks[best]!;
  const m = model.blocks[marked]!;
  if (best >= marked && best < m.end) return best;
  if (marked >= best && marked < b.end && b.proseText > 2 * m.proseText) return best;
  if (m.totalText >= 150 && m.totalText >= 0.25 * b.goodText) return marked;
  return best;
}

/** The itemprop=articleBody block with the most text, or -1. */
function largestMarkedBody(model: PageModel): number {
  let found = -1;
  model.blocks.forEach((b, i) => {
    if (b.pruned || !hasArticleBodyItemprop(b.el)) return;
    if (found < 0 || b.totalText > model.blocks[found]!.totalText) found = i;
  });
  return found;
}

/** A block inside the best one that scores within this share of it is preferred (tighter). */
const TIGHTER_TOLERANCE = 0.02;

function bestScoringBlock(model: PageModel): number {
  const best = highestScoringBlock(model);
  if (best < 0) return best;
  // Near-ties between a block and its own descendant are noise (bonuses, a few teaser lines);
  // the descendant then holds the same article with less around it.
  const bestBlock = model.blocks[best]!;
  const threshold = containerScore(bestBlock) * (1 - TIGHTER_TOLERANCE);
  let tighter = best;
  for (let i = best + 1; i < bestBlock.end; i++) {
    if (containerScore(model.blocks[i]!) >= threshold) tighter = i;
  }
  return tighter;
}

function highestScoringBlock(model: PageModel): number {
  let best = -1;
  let bestScore = -Infinity;
  // Ties go to the deepest block (the later one in pre-order): wrappers add nothing.
  for (let i = 0; i < model.blocks.length; i++) {
    const score = containerScore(model.blocks[i]!);
    if (score >= bestScore && score > -Infinity) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}
