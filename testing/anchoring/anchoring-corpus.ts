// Article texts for the anchoring suite and bench: Lede's own extraction of the news-pages
// fixtures (the same text the content script anchors against), in folder order.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { extractArticle } from '../../lib/extract/index';
import { parseHtmlDocument } from '../../lib/extract/node-dom';
import { newsPagesDir, seedDir } from '../harness/paths';

export interface ArticleText {
  /** The fixture folder's name (or 'seed'). */
  name: string;
  text: string;
}

export interface CorpusOptions {
  /** Skip articles shorter than this many characters (paywall stubs, index pages). */
  minChars?: number;
  /** Take at most this many articles, in folder order. */
  limit?: number;
  /** Only the 20 core pages. */
  coreOnly?: boolean;
  /** Only these fixture folders. */
  names?: readonly string[];
}

function isCore(dir: string): boolean {
  const metaFile = path.join(newsPagesDir, dir, 'meta.json');
  if (!existsSync(metaFile)) return false;
  return (JSON.parse(readFileSync(metaFile, 'utf8')) as { core?: boolean }).core === true;
}

export function newsArticleTexts(options: CorpusOptions = {}): ArticleText[] {
  const { minChars = 2000, limit = Number.POSITIVE_INFINITY, coreOnly = false, names } = options;
  if (!existsSync(newsPagesDir)) return [];
  const texts: ArticleText[] = [];
  for (const dir of readdirSync(newsPagesDir).sort()) {
    if (texts.length >= limit) break;
    const file = path.join(newsPagesDir, dir, 'page.html');
    if (!existsSync(file) || (coreOnly && !isCore(dir)) || (names && !names.includes(dir))) continue;
    const text = extractArticle(parseHtmlDocument(readFileSync(file, 'utf8')))?.text ?? '';
    if (text.length >= minChars) texts.push({ name: dir, text });
  }
  return texts;
}

/** The seed article as the content script sees it on page-restored.html. */
export function seedArticleText(): ArticleText {
  const html = readFileSync(path.join(seedDir, 'page-restored.html'), 'utf8');
  return { name: 'seed', text: extractArticle(parseHtmlDocument(html))?.text ?? '' };
}
