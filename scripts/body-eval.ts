// Body-finding measurement: how well does extractArticle's text match the human-marked article
// body of the real news pages? Run: npx tsx scripts/body-eval.ts [PAGES_DIR] [--all]
// (--all also prints the per-page table for all pages, not only the 20 core ones).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHtmlDocument } from '../lib/extract/node-dom';
import { extractArticle } from '../lib/extract/index';
import { tokenOverlap } from '../testing/pages/token-overlap';

export interface PageResult {
  dir: string;
  core: boolean;
  /** 'en-news' for news articles; 'en-news-adjacent' / 'en-news-commerce' for the rest. */
  category: string;
  isArticle: boolean;
  /**
   * Token precision/recall/F1 against meta.json's articleBody; null when there is none. On pages
   * not judged articles, of the forced extraction (what "Analyse this page" reads).
   */
  precision: number | null;
  recall: number | null;
  f1: number | null;
  /** Milliseconds for extractArticle alone (parsing excluded). */
  extractMs: number;
  error?: string;
}

export interface EvalSummary {
  pages: number;
  judgedArticles: number;
  /** Judged articles among the news articles (category en-news), and how many those are. */
  newsJudgedArticles: number;
  news: number;
  withReference: number;
  medianF1: number | null;
  p10F1: number | null;
  slowest: { dir: string; ms: number } | null;
}

/** The q-quantile (0..1) of a list, nearest-rank on the sorted values. */
export function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  if (q === 0.5 && sorted.length % 2 === 0) {
    return (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  }
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

interface IndexEntry {
  dir: string;
  core?: boolean;
  category?: string;
}

export function evaluatePage(pagesDir: string, entry: IndexEntry): PageResult {
  const folder = join(pagesDir, entry.dir);
  const result: PageResult = {
    dir: entry.dir, core: entry.core === true, category: entry.category ?? 'unknown', isArticle: false, precision: null, recall: null, f1: null, extractMs: 0,
  };
  try {
    const meta = JSON.parse(readFileSync(join(folder, 'meta.json'), 'utf8')) as { articleBody?: string };
    const doc = parseHtmlDocument(readFileSync(join(folder, 'page.html'), 'utf8'));
    const started = performance.now();
    const article = extractArticle(doc);
    result.extractMs = performance.now() - started;
    result.isArticle = article?.isArticle === true;
    if (typeof meta.articleBody === 'string' && meta.articleBody.trim()) {
      // Body finding is scored apart from the judgement: on a page not judged an article, score
      // the text the popup's "Analyse this page" would read (extraction forced).
      const text = article?.isArticle ? article.text : (extractArticle(doc, { force: true })?.text ?? '');
      Object.assign(result, tokenOverlap(text, meta.articleBody));
    }
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
  }
  return result;
}

export function summarize(results: PageResult[]): EvalSummary {
  const f1s = results.flatMap((r) => (r.f1 === null ? [] : [r.f1]));
  const slowest = results.reduce<PageResult | null>((a, r) => (!a || r.extractMs > a.extractMs ? r : a), null);
  return {
    pages: results.length,
    judgedArticles: results.filter((r) => r.isArticle).length,
    newsJudgedArticles: results.filter((r) => r.category === 'en-news' && r.isArticle).length,
    news: results.filter((r) => r.category === 'en-news').length,
    withReference: f1s.length,
    medianF1: quantile(f1s, 0.5),
    p10F1: quantile(f1s, 0.1),
    slowest: slowest ? { dir: slowest.dir, ms: slowest.extractMs } : null,
  };
}

/** Evaluate every page listed in pagesDir/index.json (or only the core ones). */
export function evaluateBodyFinding(pagesDir: string, options: { coreOnly?: boolean } = {}): PageResult[] {
  const index = JSON.parse(readFileSync(join(pagesDir, 'index.json'), 'utf8')) as IndexEntry[];
  return index.filter((e) => !options.coreOnly || e.core === true).map((e) => evaluatePage(pagesDir, e));
}

const fmt = (x: number | null): string => (x === null ? '   -  ' : x.toFixed(3).padStart(6));

function printTable(results: PageResult[]): void {
  console.log(`${'page'.padEnd(40)} article  prec    rec     F1      ms`);
  for (const r of results) {
    const line = `${r.dir.slice(0, 40).padEnd(40)} ${(r.isArticle ? 'yes' : 'NO').padEnd(7)} ${fmt(r.precision)} ${fmt(r.recall)} ${fmt(r.f1)} ${r.extractMs.toFixed(0).padStart(6)}`;
    console.log(r.error ? `${line}  ERROR ${r.error}` : line);
  }
}

function printSummary(label: string, s: EvalSummary): void {
  console.log(
    `${label}: ${s.pages} pages, ${s.judgedArticles} judged articles (${s.newsJudgedArticles}/${s.news} news, ` +
      `${s.judgedArticles - s.newsJudgedArticles}/${s.pages - s.news} others), ${s.withReference} with articleBody; ` +
      `median F1 ${fmt(s.medianF1).trim()}, p10 F1 ${fmt(s.p10F1).trim()}; ` +
      `slowest extraction ${s.slowest ? `${s.slowest.ms.toFixed(0)} ms (${s.slowest.dir})` : '-'}`,
  );
}

function main(): void {
  const pathArg = process.argv.slice(2).find((a) => !a.startsWith('--'));
  const defaultDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/fixtures/news-pages');
  const pagesDir = pathArg ? resolve(pathArg) : defaultDir;
  const all = evaluateBodyFinding(pagesDir);
  const core = all.filter((r) => r.core);
  printTable(core);
  printSummary('core', summarize(core));
  if (process.argv.includes('--all')) printTable(all);
  printSummary('all', summarize(all));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
