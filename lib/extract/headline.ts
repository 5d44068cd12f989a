// Find the article's headline element: usually the <h1> just before (or inside) the body.
import type { BlockStats, PageModel } from './page-model';
import { collapseWhitespace } from './dom-utils';

function words(s: string): Set<string> {
  return new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Share of the headline's words that also appear in the declared title (og:title etc.). */
function overlap(headline: string, declared: Set<string>): number {
  const w = words(headline);
  if (w.size === 0) return 0;
  let shared = 0;
  for (const x of w) if (declared.has(x)) shared++;
  return shared / w.size;
}

const HEADLINE_HINT = /headline|title/i;

/** Could this block be a headline? <h1>, or an <h2>/<h3>/block named like one. */
function headlineKind(b: BlockStats): 'h1' | 'other' | null {
  if (b.tag === 'h1') return 'h1';
  const itemprop = b.el.getAttribute('itemprop') ?? '';
  if (/headline/i.test(itemprop)) return 'other';
  if (b.tag !== 'h2' && b.tag !== 'h3' && b.tag !== 'div' && b.tag !== 'p') return null;
  return HEADLINE_HINT.test(b.el.getAttribute('class') ?? '') ? 'other' : null;
}

/**
 * Index of the headline block, or -1. Prefers an <h1> inside the container, then an <h1>
 * whose words match the declared title, then the last <h1> before the container. Sites
 * without a usable <h1> often have an <h2 class="…headline…"> that repeats og:title.
 */
export function findHeadline(model: PageModel, container: number, declaredTitle: string | null): number {
  const { blocks } = model;
  const body = blocks[container];
  const declared = words(declaredTitle ?? '');
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const kind = headlineKind(b);
    // A headline holds a handful of blocks at most; skip big wrappers before reading their text.
    if (!kind || b.end - i > 20) continue;
    const text = collapseWhitespace(b.el.textContent ?? '');
    if (text.length < 8 || text.length > 400) continue;
    const titleMatch = overlap(text, declared);
    // Other elements only count when they say what og:title says.
    if (kind === 'other' && titleMatch < 0.8) continue;
    let score = titleMatch * 2 - (kind === 'other' ? 1 : 0);
    if (/headline/i.test(b.el.getAttribute('itemprop') ?? '')) score += 2;
    // A headline inside a box hinted as boilerplate (a header whose id says "share-btns")
    // can still be the headline, but one outside such boxes is likelier.
    if (b.pruned) score -= 1.5;
    if (body) {
      if (i >= container && i < body.end) score += 3;
      else if (i < container) score += 1;
    }
    // Among equals, the later one before the body is the nearer one.
    if (score > bestScore || (score === bestScore && score > 0 && i < container)) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

/** The lowest block that contains both a and b (by parent pointers). */
export function commonAncestor(model: PageModel, a: number, b: number): number {
  const seen = new Set<number>();
  for (let i = a; i !== -1; i = model.blocks[i]!.parent) seen.add(i);
  for (let i = b; i !== -1; i = model.blocks[i]!.parent) if (seen.has(i)) return i;
  return -1;
}
