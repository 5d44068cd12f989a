// `npm run bench` (after `npm run build` and `npm run build:marked`): Lede's speed and size against its budgets.
// (a) content-script time from start to painted highlights on the seed page, in Chromium;
// (b) analysis throughput in Node, with the compromise library on the same texts as the baseline;
//     the seed article's analysis time; the entity model's files, load time and memory;
// (c) the built content script's size, and the Chrome zip's;
// (d) popup open -> entity cards shown on the seed page, in Chromium;
// (e) notes: re-anchoring after page edits (recovered / orphaned / wrongly placed) and its speed;
// (f) the library: export, import and search with 10,000 notes;
// (g) late content: a page appending 100 paragraphs a second, with and without Lede, in Chromium
//     (`--late-seconds N`, default 30; the budget is set for 180).
// It reports and always exits 0; each budget line says PASS or OVER.
// `--node-only` runs just the Node parts (b, c, e) and skips everything that launches Chromium.
// `--only=a,f` runs just those parts (letters as above; b2 goes with b). The library part (f) then
// takes the library bench's own switches too: `--no-restore`, `--restore-only`, `--restore-notes N`.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeText } from '../lib/analysis/analyze';
import { compromiseAnalysis } from './eval/compromise-baseline';
import { runAnchoringBench, type AnchoringBench } from './lib/bench-anchoring';
import { coreNewsTexts, seedText, type BenchText } from './lib/bench-corpus';
import { runLibraryBench, type LibraryBench } from './lib/bench-library';
import { printEntityBench, runEntityBench } from './lib/bench-entity';
import { lateSecondsArg, runLateContentBench, type LateContentBench } from './lib/bench-late-content';
import { measurePopupCards, type PopupCardsTimings } from './lib/bench-popup';
import { measureBuildSizes } from './lib/bench-sizes';
import { measureHeap, measureModelFiles, measureModelLoad, type HeapUse, type ModelFiles, type ModelLoad } from './lib/bench-model';
import { measureThroughput, timeSingleAnalyses, type SeedTiming, type Throughput } from './lib/bench-throughput';
import { measureTimeToHighlights, type PaintTimings } from './lib/bench-time-to-highlights';
import { findChromium, CHROMIUM_INSTALL_HINT } from '../testing/harness/find-chromium';
import { repoRoot } from '../testing/harness/paths';
import { withBrowserSession } from '../testing/e2e/browser-session';
import { median, p95 } from './lib/stats';

const RELOADS = 15;
const TIME_TO_HIGHLIGHTS_BUDGET_MS = 30;
const CONTENT_SCRIPT_BUDGET_BYTES = 3_000_000;
const THROUGHPUT_RATIO_BUDGET = 4;
const SEED_ANALYSIS_BUDGET_MS = 10;
const MODEL_LOAD_BUDGET_MS = 100;
const NODE_ONLY = process.argv.includes('--node-only');
/** The parts `--only=a,f` asks for; null: every part. */
const ONLY = ((): Set<string> | null => {
  const arg = process.argv.find((a) => a.startsWith('--only='));
  return arg ? new Set(arg.slice('--only='.length).split(',').map((part) => part.trim().toLowerCase())) : null;
})();
/** Whether part `letter` runs: asked for by --only (or no --only), and not a Chromium part under --node-only. */
const runs = (letter: string, chromium = false): boolean => (ONLY === null || ONLY.has(letter)) && !(chromium && NODE_ONLY);
const POPUP_OPENS = 10;
const POPUP_CARDS_BUDGET_MS = 150;

const verdict = (ok: boolean): string => (ok ? 'PASS' : 'OVER');
const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
const rate = (t: Throughput): string => `${Math.round(t.wordsPerSecond).toLocaleString('en-US')} words/s`;

async function benchTimeToHighlights(): Promise<PaintTimings | null> {
  console.log('\n(a) Time from content-script start to painted highlights, seed page-restored.html, Chromium');
  if (!findChromium()) {
    console.log(`  skipped: ${CHROMIUM_INSTALL_HINT}`);
    return null;
  }
  return withBrowserSession(async ({ browser, server }) => {
    const timings = await measureTimeToHighlights(browser, server.url('page-restored.html'), RELOADS);
    if (timings.samples.length === 0) {
      console.log(`  not measured: Lede never painted (no 'lede-painted' mark, no timings.startToPaintMs)`);
      console.log(`  budget < ${TIME_TO_HIGHLIGHTS_BUDGET_MS} ms: OVER (nothing painted)`);
      return timings;
    }
    const mid = median(timings.samples);
    const fastest = Math.min(...timings.samples);
    console.log(`  ${timings.samples.length} reloads (from ${timings.source}): median ${mid.toFixed(1)} ms, p95 ${p95(timings.samples).toFixed(1)} ms, min ${fastest.toFixed(1)} ms`);
    console.log(`  budget median < ${TIME_TO_HIGHLIGHTS_BUDGET_MS} ms: ${verdict(mid < TIME_TO_HIGHLIGHTS_BUDGET_MS)}`);
    return timings;
  });
}

async function benchPopupCards(): Promise<PopupCardsTimings | null> {
  console.log('\n(d) Popup open -> entity cards shown, seed page-restored.html, Chromium');
  if (!findChromium()) {
    console.log(`  skipped: ${CHROMIUM_INSTALL_HINT}`);
    return null;
  }
  return withBrowserSession(async ({ browser, server }) => {
    const timings = await measurePopupCards(browser, server.url('page-restored.html'), POPUP_OPENS);
    if (timings.samples.length === 0) {
      console.log('  not measured: the popup never set data-cards-ready="true"');
      console.log(`  budget median < ${POPUP_CARDS_BUDGET_MS} ms: OVER (no cards shown)`);
      return timings;
    }
    const mid = median(timings.samples);
    const failed = timings.failures ? `, ${timings.failures} opens never showed cards` : '';
    console.log(`  ${timings.samples.length} opens (from ${timings.source}, time since the popup's navigation start): median ${mid.toFixed(1)} ms, p95 ${p95(timings.samples).toFixed(1)} ms, min ${Math.min(...timings.samples).toFixed(1)} ms${failed}`);
    console.log(`  of which the popup document's load (to DOMContentLoaded): median ${median(timings.domContentLoaded).toFixed(1)} ms`);
    console.log(`  budget median < ${POPUP_CARDS_BUDGET_MS} ms: ${verdict(mid < POPUP_CARDS_BUDGET_MS && timings.failures === 0)}`);
    return timings;
  });
}

function benchThroughput(): Record<string, { lede: Throughput; compromise: Throughput }> {
  console.log('\n(b) Analysis throughput in Node: Lede analyzeText vs the compromise baseline (scripts/eval/compromise-baseline.ts)');
  const news = coreNewsTexts();
  const sets: [string, BenchText[]][] = [['seed article ×20', [seedText(20)]]];
  if (news.length > 0) sets.push([`${news.length} core news articles`, news]);
  const results: Record<string, { lede: Throughput; compromise: Throughput }> = {};
  for (const [name, texts] of sets) {
    const plain = texts.map((t) => t.text);
    const lede = measureThroughput(analyzeText, plain);
    const compromise = measureThroughput(compromiseAnalysis, plain);
    results[name] = { lede, compromise };
    const ratio = lede.wordsPerSecond / compromise.wordsPerSecond;
    console.log(`  ${name}: Lede ${rate(lede)}, compromise ${rate(compromise)} -> Lede is ${ratio.toFixed(1)}x compromise`);
    console.log(`  budget >= ${THROUGHPUT_RATIO_BUDGET}x compromise: ${verdict(ratio >= THROUGHPUT_RATIO_BUDGET)}`);
  }
  return results;
}

interface EntityModelBench {
  seed: SeedTiming & { median: number };
  files: ModelFiles;
  load: ModelLoad;
  heap: HeapUse;
}

function benchEntityModel(): EntityModelBench {
  console.log('\n(b2) Seed article analysis and the entity model, in Node');
  const seed = timeSingleAnalyses(analyzeText, seedText(1).text, 25);
  const seedMedian = median(seed.samples);
  console.log(`  seed article.txt, analyzeText: median ${seedMedian.toFixed(2)} ms of ${seed.samples.length} runs after warm-up (p95 ${p95(seed.samples).toFixed(2)} ms)`);
  console.log(`  budget median < ${SEED_ANALYSIS_BUDGET_MS} ms: ${verdict(seedMedian < SEED_ANALYSIS_BUDGET_MS)}`);
  const files = measureModelFiles();
  console.log(`  model files (lib/model): ${files.files.map((f) => `${f.name} ${kB(f.bytes)}`).join(', ')}; total ${kB(files.totalBytes)}`);
  const load = measureModelLoad();
  console.log(`  tagger model load (JSON.parse + weight table): first ${load.first.toFixed(1)} ms, median ${load.median.toFixed(1)} ms of ${load.samples.length}`);
  console.log(`  budget first load < ${MODEL_LOAD_BUDGET_MS} ms: ${verdict(load.first < MODEL_LOAD_BUDGET_MS)}`);
  const news = coreNewsTexts();
  const texts = news.length > 0 ? news.map((t) => t.text) : [seedText(1).text];
  const heap = measureHeap(analyzeText, texts);
  const MB = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
  console.log(`  memory: loaded tagger model ${MB(heap.taggerModelBytes)}; peak growth while analysing ${news.length > 0 ? `the ${news.length} core pages' text` : 'the seed'} ${MB(heap.analysisPeakGrowthBytes)}`);
  return { seed: { ...seed, median: seedMedian }, files, load, heap };
}

function benchSizes(): ReturnType<typeof measureBuildSizes> {
  console.log('\n(c) Built size');
  const sizes = measureBuildSizes();
  if (sizes.contentScript) {
    const { bytes, gzipBytes, files } = sizes.contentScript;
    console.log(`  content script .output/chrome-mv3/content-scripts/ (${files.join(' + ')}): ${kB(bytes)} (${kB(gzipBytes)} gzip)`);
    console.log(`  budget < ${kB(CONTENT_SCRIPT_BUDGET_BYTES)}: ${verdict(bytes < CONTENT_SCRIPT_BUDGET_BYTES)}`);
  } else {
    console.log('  content script: not built (.output/chrome-mv3/content-scripts/content.js missing)');
  }
  if (sizes.background) {
    const { bytes, gzipBytes } = sizes.background;
    console.log(`  background .output/chrome-mv3/background.js (runs the analysis, bundles lib/model): ${kB(bytes)} (${kB(gzipBytes)} gzip)`);
    console.log(`  budget < ${kB(CONTENT_SCRIPT_BUDGET_BYTES)} (the budget for the script that carries the model): ${verdict(bytes < CONTENT_SCRIPT_BUDGET_BYTES)}`);
  }
  console.log(sizes.chromeZip
    ? `  Chrome zip ${sizes.chromeZip.file}: ${kB(sizes.chromeZip.bytes)}`
    : '  Chrome zip: none (run `npm run zip` to make one)');
  return sizes;
}

function benchAnchoring(): AnchoringBench {
  console.log('\n(e) Notes: re-anchoring after page edits, and 200 notes on a 1 MB text (scripts/lib/bench-anchoring.ts)');
  return runAnchoringBench();
}

async function benchLibrary(): Promise<LibraryBench> {
  console.log('\n(f) Library: export, import and search with 10,000 notes (scripts/lib/bench-library.ts)');
  const notesAt = process.argv.indexOf('--restore-notes');
  return runLibraryBench({
    chromium: true,
    restore: !process.argv.includes('--no-restore'),
    chromiumImport: !process.argv.includes('--restore-only'),
    restoreNotes: notesAt > 0 ? Number(process.argv[notesAt + 1]) : undefined,
  });
}

async function benchLateContent(): Promise<LateContentBench | null> {
  console.log('\n(g) Late content: a page that never stops adding paragraphs (scripts/lib/bench-late-content.ts)');
  if (!findChromium()) {
    console.log(`  skipped: ${CHROMIUM_INSTALL_HINT}`);
    return null;
  }
  return runLateContentBench(lateSecondsArg(process.argv, '--late-seconds', 30));
}

async function benchEntityPage(): Promise<Awaited<ReturnType<typeof runEntityBench>>> {
  console.log('\n(h) Entity pages: query + first render with 5,000 articles of history (scripts/lib/bench-entity.ts)');
  const result = await runEntityBench();
  printEntityBench(result);
  return result;
}

async function main(): Promise<void> {
  const timeToHighlights = runs('a', true) ? await benchTimeToHighlights() : null;
  const throughput = runs('b') ? benchThroughput() : null;
  const entityModel = runs('b') || runs('b2') ? benchEntityModel() : null;
  const sizes = runs('c') ? benchSizes() : null;
  const popupCards = runs('d', true) ? await benchPopupCards() : null;
  const anchoring = runs('e') ? benchAnchoring() : null;
  const library = runs('f', true) ? await benchLibrary() : null;
  const lateContent = runs('g', true) ? await benchLateContent() : null;
  const entityPage = runs('h') ? await benchEntityPage() : null;
  const outputDir = path.join(repoRoot, 'bench-output');
  mkdirSync(outputDir, { recursive: true });
  const file = path.join(outputDir, 'bench.json');
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), timeToHighlights, throughput, entityModel, sizes, popupCards, anchoring, library, lateContent, entityPage }, null, 2));
  console.log(`\nResults written to ${path.relative(repoRoot, file)}`);
}

main().catch((error: unknown) => {
  // The bench reports; it does not gate. Say what went wrong and exit 0.
  console.error(`bench: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
});
