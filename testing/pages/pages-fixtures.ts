// The real news pages of ../shared/fixtures/news-pages: which pages there are, and what we know of each.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { newsPagesDir } from '../harness/paths';

export interface NewsPageFixture {
  dir: string;
  site: string;
  /** 'en-news' for news articles; 'en-news-adjacent' / 'en-news-commerce' for the rest. */
  category: string;
  core: boolean;
  words: number;
  /** The human-marked article text, where the page came from the extraction benchmark. */
  articleBody: string | null;
}

interface IndexEntry {
  dir: string;
  site?: string;
  category?: string;
  words?: number;
  core?: boolean;
}

interface PageMeta {
  articleBody?: unknown;
}

/** Every page listed in index.json that has its page.html, in index order. */
export function loadNewsPages(pagesDir: string = newsPagesDir): NewsPageFixture[] {
  const index = JSON.parse(readFileSync(path.join(pagesDir, 'index.json'), 'utf8')) as IndexEntry[];
  return index
    .filter((entry) => existsSync(path.join(pagesDir, entry.dir, 'page.html')))
    .map((entry) => {
      const metaFile = path.join(pagesDir, entry.dir, 'meta.json');
      const meta = existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')) as PageMeta) : {};
      const body = typeof meta.articleBody === 'string' && meta.articleBody.trim() ? meta.articleBody : null;
      return {
        dir: entry.dir,
        site: entry.site ?? entry.dir,
        category: entry.category ?? 'unknown',
        core: entry.core === true,
        words: entry.words ?? 0,
        articleBody: body,
      };
    });
}

export type ExpectedJudgement = 'article' | 'not-article' | 'either';

/** Listicles among the news-adjacent pages, named so by the fixture set. */
const LISTICLE_DIR = /(^|-)list(icle)?(-|$)/;

/**
 * What Lede should make of a page: the core pages and the news articles are articles; shopping
 * pages and listicles are not; the other news-adjacent pages (features, reviews, hands-ons,
 * health news) are articles in all but topic, so they may go either way.
 */
export function expectedJudgement(page: NewsPageFixture): ExpectedJudgement {
  if (page.core || page.category === 'en-news') return 'article';
  if (page.category === 'en-news-commerce' || LISTICLE_DIR.test(page.dir)) return 'not-article';
  return 'either';
}

/** The page path on the static server rooted at the pages folder. */
export function pagePath(page: Pick<NewsPageFixture, 'dir'>): string {
  return `${page.dir}/page.html`;
}
