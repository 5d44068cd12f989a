// The library bench: with 10,000 notes on 300 analysed articles (testing/fixtures/library-corpus.ts),
// export to JSON-LD (the backup as the library writes it: compact, zipped when large), Markdown
// (+ zip) and CSV (each < 1 s), read + import into an empty database (< 3 s; in Node on
// fake-indexeddb, a pure-JS IndexedDB, so only a guide; with --chromium also in real Chromium
// through the library page, which is the figure that counts), and library search on the
// in-memory index (< 50 ms per query). Part of `npm run bench`; also runs alone:
//   npx tsx scripts/lib/bench-library.ts [--runs N] [--chromium [--no-restore | --restore-only] [--restore-notes N]]
// With --chromium (as `npm run bench` runs it; needs a build) the import is also timed in real
// Chromium, through the library page's file input, and a 100,000-note backup is restored into a
// fresh profile (<= 60 s until every note is listed, no frame or task over 200 ms meanwhile).
import 'fake-indexeddb/auto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleRow } from '../../lib/background/db';
import { LedeDB } from '../../lib/background/db';
import { buildLibraryIndex, searchLibrary, type LibraryFilters, type LibraryItem } from '../../lib/library/library-index';
import { findChromium } from '../../testing/harness/find-chromium';
import { launchBrowser } from '../../testing/harness/launch-browser';
import type { ExtensionBrowser } from '../../testing/harness/launch-browser';
import { measureChromiumImport, measureChromiumRestore, type BackupFileForBench, type ChromiumRestore } from './library-chromium-import';
import { libraryCorpus, type LibraryCorpus } from '../../testing/fixtures/library-corpus';
import { median, p95 } from './stats';

const NOTES = 10_000;
const ARTICLES = 300;
const EXPORT_BUDGET_MS = 1_000;
const IMPORT_BUDGET_MS = 3_000;
const SEARCH_BUDGET_MS = 50;
const DEFAULT_RUNS = 5;
const IMPORT_RUNS = 3;
const SEARCH_REPEATS = 15;
const RESTORE_NOTES = 100_000;
const RESTORE_ARTICLES = 3_000;
const RESTORE_BUDGET_MS = 60_000;
const FRAME_BUDGET_MS = 200;

export interface TimedStep {
  label: string;
  samplesMs: number[];
  medianMs: number;
  budgetMs: number;
  pass: boolean;
  /** What the step produced (bytes, files, rows added…), to show it did the whole job. */
  detail: string;
}

export interface SearchRow {
  query: string;
  filters: LibraryFilters;
  results: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  pass: boolean;
}

export interface LibraryBench {
  notes: number;
  articles: number;
  exports: TimedStep[];
  importStep: TimedStep | null;
  /** The same import in Chromium through the library page, when measured. */
  chromiumImport: TimedStep | null;
  /** A 100,000-note backup restored into a fresh Chromium profile, when measured. */
  chromiumRestore: RestoreStep | null;
  indexBuildMs: number;
  search: SearchRow[];
  searchPass: boolean;
  /** Why a part could not run (an engine module missing), if so. */
  skipped: string[];
}

const verdict = (ok: boolean): string => (ok ? 'PASS' : 'OVER');
const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

function time<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

function timedStep(label: string, budgetMs: number, samples: number[], detail: string): TimedStep {
  const mid = median(samples);
  return { label, samplesMs: samples, medianMs: mid, budgetMs, pass: mid < budgetMs, detail };
}

function printStep(step: TimedStep): void {
  console.log(`  ${step.label}: median ${ms(step.medianMs)} of ${step.samplesMs.length} runs (${step.detail}); budget < ${step.budgetMs} ms: ${verdict(step.pass)}`);
}

/** The library's join, as the page makes it: each note with its article's title, site, read date and entities. */
export function libraryItems({ annotations, articles }: LibraryCorpus): LibraryItem[] {
  const bySource = new Map<string, ArticleRow>(articles.map((a) => [a.url, a]));
  return annotations.map((annotation) => {
    const article = bySource.get(annotation.target.source);
    return {
      annotation,
      source: annotation.target.source,
      articleTitle: article?.title ?? annotation.page.title,
      site: article?.site ?? annotation.page.site,
      readAt: article?.seenAt ?? null,
      entities: article?.entities.map((e) => e.name) ?? [],
    };
  });
}

/** ~20 queries a reader types: single words, two words, a prefix mid-typing, with a tag, an entity, a colour, a date range. */
export const SEARCH_QUERIES: { query: string; filters: LibraryFilters }[] = [
  { query: 'minister', filters: {} },
  { query: 'skepticism', filters: {} },
  { query: 'sanctions', filters: {} },
  { query: 'Zürich', filters: {} },
  { query: '東京', filters: {} },
  { query: 'ceasefire', filters: {} },
  { query: 'central bank', filters: {} },
  { query: 'closed doors', filters: {} },
  { query: 'McFaul talks', filters: {} },
  { query: 'neg', filters: {} },
  { query: 'prot', filters: {} },
  { query: 'rec', filters: {} },
  { query: 'the', filters: {} },
  { query: 'elections', filters: { tag: 'russia' } },
  { query: 'officials', filters: { tag: 'follow-up' } },
  { query: '', filters: { tag: 'diplomacy' } },
  { query: '', filters: { entity: 'Michael McFaul' } },
  { query: 'prisoners', filters: { entity: 'John Kerry' } },
  { query: 'recovery', filters: { entity: 'Berlin', color: 'yellow' } },
  { query: 'border', filters: { site: 'www.bbc.co.uk', from: '2025-03-01', to: '2025-08-31' } },
  { query: '', filters: {} },
];

export function measureSearch(corpus: LibraryCorpus): { indexBuildMs: number; rows: SearchRow[] } {
  const items = libraryItems(corpus);
  const built = time(() => buildLibraryIndex(items));
  const index = built.value;
  const rows = SEARCH_QUERIES.map(({ query, filters }): SearchRow => {
    const samples: number[] = [];
    let results = 0;
    for (let i = 0; i < SEARCH_REPEATS; i++) {
      const run = time(() => searchLibrary(index, query, filters, 'newest'));
      samples.push(run.ms);
      results = run.value.length;
    }
    const max = Math.max(...samples);
    return { query, filters, results, p50Ms: median(samples), p95Ms: p95(samples), maxMs: max, pass: max < SEARCH_BUDGET_MS };
  });
  return { indexBuildMs: built.ms, rows };
}

type Exchange = typeof import('../../lib/exchange/index');

async function loadExchange(): Promise<Exchange | string> {
  try {
    return await import('../../lib/exchange/index');
  } catch (error) {
    return `lib/exchange/index.ts not loadable (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
}

/** The JSON-LD file the library's export writes for this corpus (compact and zipped when large). */
function backupFileOf(exchange: Exchange, corpus: LibraryCorpus): BackupFileForBench {
  const file = exchange.exportBackup(corpus.annotations, corpus.articles, { entryName: `lede-notes-${corpus.annotations.length}.jsonld` });
  return file.kind === 'zip'
    ? { name: `lede-notes-${corpus.annotations.length}.jsonld.zip`, content: file.bytes }
    : { name: `lede-notes-${corpus.annotations.length}.jsonld`, content: file.text };
}

const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

function measureExports(exchange: Exchange, corpus: LibraryCorpus, runs: number): TimedStep[] {
  const { annotations, articles } = corpus;
  const steps: TimedStep[] = [];
  const jsonld = Array.from({ length: runs }, () => time(() => exchange.exportBackup(annotations, articles)));
  const first = jsonld[0]!.value;
  const written = first.kind === 'zip' ? `compact, zipped: ${megabytes(first.bytes.length)}` : `${(first.text.length / 1e6).toFixed(1)} M chars`;
  const chars = [...exchange.jsonLdPieces(annotations, articles)].reduce((sum, piece) => sum + piece.length, 0);
  steps.push(timedStep('export JSON-LD backup', EXPORT_BUDGET_MS, jsonld.map((r) => r.ms), `${(chars / 1e6).toFixed(1)} M chars of JSON, ${written}`));
  const markdown = Array.from({ length: runs }, () =>
    time(() => {
      const { files } = exchange.exportMarkdown(annotations, articles);
      return { files: files.length, zip: exchange.zipFiles(files).byteLength };
    }),
  );
  const md = markdown[0]!.value;
  steps.push(timedStep('export Markdown + zip', EXPORT_BUDGET_MS, markdown.map((r) => r.ms), `${md.files} files, zip ${(md.zip / 1e6).toFixed(1)} MB`));
  const csv = Array.from({ length: runs }, () => time(() => exchange.exportCsv(annotations, articles)));
  steps.push(timedStep('export CSV', EXPORT_BUDGET_MS, csv.map((r) => r.ms), `${(csv[0]!.value.length / 1e6).toFixed(1)} M chars`));
  return steps;
}

/** readImport + importAnnotations of the library's backup file into a fresh, empty fake-indexeddb database each run. */
async function measureImport(exchange: Exchange, corpus: LibraryCorpus, runs: number): Promise<TimedStep> {
  const file = backupFileOf(exchange, corpus);
  const samples: number[] = [];
  let detail = '';
  for (let run = 0; run < runs; run++) {
    const db = new LedeDB(`lede-bench-import-${run}-${Date.now()}`);
    await db.open();
    const start = performance.now();
    const parsed = await exchange.readImport(new Blob([file.content as BlobPart]));
    const summary = await exchange.importAnnotations(db, parsed);
    samples.push(performance.now() - start);
    const stored = await db.annotations.count();
    detail = `${file.name}; added ${summary.added}, skipped ${summary.skipped}, rejected ${summary.rejected.length}, ${stored} stored; Node + fake-indexeddb`;
    db.close();
    await db.delete();
  }
  return timedStep('read + import the backup', IMPORT_BUDGET_MS, samples, detail);
}

async function withBrowser<T>(run: (browser: ExtensionBrowser) => Promise<T>): Promise<T | string> {
  if (!findChromium()) return 'Chromium not found';
  let browser: ExtensionBrowser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0]! : String(error);
  }
  try {
    return await run(browser);
  } finally {
    await browser.close();
  }
}

async function chromiumImportStep(exchange: Exchange, corpus: LibraryCorpus, runs: number): Promise<TimedStep | string> {
  const file = backupFileOf(exchange, corpus);
  return withBrowser(async (browser) => {
    const { samplesMs, parsedMs, summary } = await measureChromiumImport(browser, file, corpus.annotations.length, runs);
    const detail = `${file.name}, ${megabytes(file.content.length)}; of which reading + checking the file ${ms(median(parsedMs))}, then the one transaction; ${summary}`;
    return timedStep('import in Chromium (library page: file chosen -> summary shown)', IMPORT_BUDGET_MS, samplesMs, detail);
  });
}

export interface RestoreStep extends ChromiumRestore {
  notes: number;
  pass: boolean;
}

/** A 100,000-note backup restored into a fresh Chromium profile through the library page. */
async function chromiumRestoreStep(exchange: Exchange, notes: number): Promise<RestoreStep | string> {
  const articles = Math.max(1, Math.round((notes * RESTORE_ARTICLES) / RESTORE_NOTES));
  const corpus = libraryCorpus({ notes, articles });
  const built = time(() => backupFileOf(exchange, corpus));
  const file = built.value;
  console.log(`  restore: ${notes.toLocaleString('en-US')} notes on ${articles.toLocaleString('en-US')} articles exported as ${file.name} (${megabytes(file.content.length)}) in ${ms(built.ms)} (Node)`);
  return withBrowser(async (browser) => {
    const restore = await measureChromiumRestore(browser, file, notes);
    const pass = restore.listedMs <= RESTORE_BUDGET_MS && restore.longestFrameMs <= FRAME_BUDGET_MS && restore.longestTaskMs <= FRAME_BUDGET_MS;
    return { ...restore, notes, pass };
  });
}

function printRestore(step: RestoreStep): void {
  console.log(
    `  restore in Chromium (fresh profile, library page): summary after ${ms(step.summaryMs)} (write began at ${ms(step.parsedMs)}), ` +
      `every note listed after ${ms(step.listedMs)}; budget <= ${RESTORE_BUDGET_MS / 1000} s: ${verdict(step.listedMs <= RESTORE_BUDGET_MS)}`,
  );
  console.log(
    `    longest frame ${ms(step.longestFrameMs)} over ${step.frames} frames, longest task ${ms(step.longestTaskMs)} ` +
      `(${step.longTasksOver200} over 200 ms); budget <= ${FRAME_BUDGET_MS} ms: ${verdict(step.longestFrameMs <= FRAME_BUDGET_MS && step.longestTaskMs <= FRAME_BUDGET_MS)}`,
  );
  console.log(`    phases: ${step.phases.map((p) => `${p.phase} at ${(p.atMs / 1000).toFixed(1)} s`).join(', ')}`);
  const worst = [...step.worstTasks].sort((a, b) => b.ms - a.ms).slice(0, 8);
  if (worst.length > 0) {
    const phaseAt = (at: number): string => [...step.phases].reverse().find((p) => p.atMs <= at)?.phase ?? 'start';
    console.log(`    tasks over 100 ms (${step.worstTasks.length}), longest: ${worst.map((t) => `${t.ms} ms at ${(t.atMs / 1000).toFixed(1)} s (${phaseAt(t.atMs)})`).join(', ')}`);
  }
  console.log(`    ${step.summary} | ${step.count}`);
}

export async function runLibraryBench(options: { runs?: number; chromium?: boolean; restore?: boolean; restoreNotes?: number; chromiumImport?: boolean } = {}): Promise<LibraryBench> {
  const runs = options.runs ?? DEFAULT_RUNS;
  const corpus = libraryCorpus({ notes: NOTES, articles: ARTICLES });
  console.log(`  corpus: ${corpus.annotations.length.toLocaleString('en-US')} notes on ${corpus.articles.length} articles (seeded, testing/fixtures/library-corpus.ts)`);
  const skipped: string[] = [];
  let exports: TimedStep[] = [];
  let importStep: TimedStep | null = null;
  let chromiumImport: TimedStep | null = null;
  let chromiumRestore: RestoreStep | null = null;
  const exchange = await loadExchange();
  if (typeof exchange === 'string') {
    skipped.push(exchange);
    console.log(`  export/import skipped: ${exchange}`);
  } else {
    exports = measureExports(exchange, corpus, runs);
    exports.forEach(printStep);
    importStep = await measureImport(exchange, corpus, Math.min(runs, IMPORT_RUNS));
    printStep(importStep);
    console.log('  (fake-indexeddb is a pure-JS IndexedDB, slower than a browser\'s; the Chromium line below is the real one)');
    if (options.chromium && options.chromiumImport !== false) {
      const step = await chromiumImportStep(exchange, corpus, IMPORT_RUNS);
      if (typeof step === 'string') {
        skipped.push(`Chromium import: ${step}`);
        console.log(`  import in Chromium skipped: ${step}`);
      } else {
        chromiumImport = step;
        printStep(step);
      }
    }
    if (options.chromium && options.restore !== false) {
      const step = await chromiumRestoreStep(exchange, options.restoreNotes ?? RESTORE_NOTES);
      if (typeof step === 'string') {
        skipped.push(`Chromium restore: ${step}`);
        console.log(`  restore in Chromium skipped: ${step}`);
      } else {
        chromiumRestore = step;
        printRestore(step);
      }
    }
  }
  const { indexBuildMs, rows } = measureSearch(corpus);
  console.log(`  search index built once in ${ms(indexBuildMs)}; ${SEARCH_QUERIES.length} queries × ${SEARCH_REPEATS} runs each:`);
  for (const row of rows) {
    const filters = Object.entries(row.filters).map(([k, v]) => `${k}=${String(v)}`).join(' ');
    const label = `${row.query ? `"${row.query}"` : '(no words)'}${filters ? ` [${filters}]` : ''}`;
    console.log(`    ${label.padEnd(58)} ${String(row.results).padStart(5)} hits  p50 ${ms(row.p50Ms)}  p95 ${ms(row.p95Ms)}  max ${ms(row.maxMs)}`);
  }
  const searchPass = rows.every((r) => r.pass);
  const worst = Math.max(...rows.map((r) => r.maxMs));
  console.log(`  search budget < ${SEARCH_BUDGET_MS} ms for every query (worst max ${ms(worst)}): ${verdict(searchPass)}`);
  return { notes: corpus.annotations.length, articles: corpus.articles.length, exports, importStep, chromiumImport, chromiumRestore, indexBuildMs, search: rows, searchPass, skipped };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--runs');
  const runs = at > 0 ? Number(process.argv[at + 1]) : undefined;
  console.log('(f) Library: export, import and search with 10,000 notes (scripts/lib/bench-library.ts)');
  const notesAt = process.argv.indexOf('--restore-notes');
  runLibraryBench({
    runs,
    chromium: process.argv.includes('--chromium'),
    restore: !process.argv.includes('--no-restore'),
    restoreNotes: notesAt > 0 ? Number(process.argv[notesAt + 1]) : undefined,
    chromiumImport: !process.argv.includes('--restore-only'),
  }).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
