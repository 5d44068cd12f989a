// Article extraction: find the article body in a page and return its text with a map from text
// offsets back to DOM Text nodes. Plain DOM code: runs in the content script and, on a linkedom
// Document, in Node. It never mutates the document.
import type { ExtractedArticle } from './types';
import { buildPageModelSteps, type PageModel } from './page-model';
import { findBodyContainer } from './body-container';
import { commonAncestor, findHeadline } from './headline';
import { collectArticleTextSteps, type CollectPlan } from './block-collector';
import { ArticleTextBuilder } from './text-builder';
import { countLongParagraphs, declaredTitle, declaresArticle } from './article-metadata';
import { collapseWhitespace } from './dom-utils';
import { classifyPageKind } from './page-kind';
import { runInSlices, runToEnd, type SliceOptions, type Steps } from './slices';

export type { DomPoint, ExtractedArticle, TextSegment } from './types';
export { locateOffset, rangeFor } from './offsets';
export { declaredPublished } from './article-metadata';
export type { SliceOptions } from './slices';

export interface ExtractOptions {
  /** Skip the cheap "does not look like an article" exit and extract whatever body there is. */
  force?: boolean;
}

/** Prose needed to call a page an article when its metadata says so (paywall stubs are short). */
const MIN_DECLARED_ARTICLE_TEXT = 150;
/** Without metadata, the body must be this long and have this many prose paragraphs. */
const MIN_UNDECLARED_ARTICLE_TEXT = 1000;
const MIN_UNDECLARED_PARAGRAPHS = 4;
/**
 * Text and blocks between the headline and the body beyond which they are not one region
 * (a byline, dateline and standfirst fit; a video player's menus do not).
 */
const MAX_HEADER_GAP_TEXT = 1200;
const MAX_HEADER_GAP_BLOCKS = 8;

/** Short lines without sentence punctuation after the last paragraph: tags, "Read more:". */
function isTrailingFurniture(text: string): boolean {
  return text.length < 50 && !/[.!?…]["'”’)]*$/.test(text);
}

/**
 * Extract the article from a page. Returns null when the page has no article-like body at all
 * (the cheap path for ordinary pages); otherwise the body text, with isArticle telling whether
 * the page should be treated as an article.
 */
export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractedArticle | null {
  return runToEnd(extractArticleSteps(doc, options));
}

/**
 * extractArticle in slices of a few milliseconds, handing the main thread back to the page
 * between them, so that even a megabyte page never makes one long task. Same result as
 * extractArticle on a document that does not change meanwhile; if the page edits its DOM between
 * slices, the text may mix before and after (as after any later edit, which callers already watch).
 */
export function extractArticleInSlices(doc: Document, options: ExtractOptions & SliceOptions = {}): Promise<ExtractedArticle | null> {
  return runInSlices(extractArticleSteps(doc, options), options);
}

function* extractArticleSteps(doc: Document, options: ExtractOptions): Steps<ExtractedArticle | null> {
  const root = doc.documentElement;
  if (!root) return null;
  const declared = declaresArticle(doc);
  // Most pages a content script sees are not articles: decide that before measuring everything.
  if (!declared && !options.force && countLongParagraphs(doc, 80, 3) < 3) return null;

  yield;
  const model = yield* buildPageModelSteps(root);
  const container = findBodyContainer(model);
  if (container < 0) return null;
  yield;
  const titleHint = declaredTitle(doc);
  const headline = findHeadline(model, container, titleHint);

  const builder = new ArticleTextBuilder();
  yield;
  for (const plan of planRegions(model, container, headline)) yield* collectArticleTextSteps(model, plan, builder);
  builder.dropTrailingBlocks(isTrailingFurniture);
  const { text, segments } = builder.finish();
  if (text.length === 0) return null;

  const headlineEl = model.blocks[headline]?.el;
  const title = headlineEl ? collapseWhitespace(headlineEl.textContent ?? '') : titleHint;
  const body = model.blocks[container]!;
  const hasArticleProse = declared
    ? body.proseText >= MIN_DECLARED_ARTICLE_TEXT
    : body.proseText >= MIN_UNDECLARED_ARTICLE_TEXT && body.goodBlocks >= MIN_UNDECLARED_PARAGRAPHS;
  // Shopping round-ups and listicles are shaped like articles but are not news to read closely.
  const isArticle = hasArticleProse && classifyPageKind({ title, text, segments }) === 'article';
  return { title, text, isArticle, segments };
}

/**
 * The regions to read, in order: the body container, extended back to the headline when the two
 * sit in one small header+body wrapper (so the byline and dateline between them come along);
 * otherwise the headline on its own, then the container.
 */
function planRegions(model: PageModel, container: number, headline: number): CollectPlan[] {
  const body = model.blocks[container]!;
  const plan: CollectPlan = { root: container, from: container, to: body.end, container, headline };
  if (headline < 0 || (headline >= container && headline < body.end)) return [plan];
  if (headline > container) return [{ ...plan, headline: -1 }];
  const headlineEnd = model.blocks[headline]!.end;
  let gapText = 0;
  let gapBlocks = 0;
  for (let i = headlineEnd; i < container; i++) {
    const b = model.blocks[i]!;
    if (b.pruned || b.ownText === 0) continue;
    gapText += b.ownText;
    gapBlocks++;
  }
  const lca = commonAncestor(model, headline, container);
  const headlinePruned = model.blocks[headline]!.pruned;
  if (lca >= 0 && !headlinePruned && gapText <= MAX_HEADER_GAP_TEXT && gapBlocks <= MAX_HEADER_GAP_BLOCKS) {
    return [{ ...plan, root: lca, from: headline }];
  }
  return [{ root: headline, from: headline, to: headlineEnd, container: headline, headline }, plan];
}
