// bench:pages: Lede on every real news page in ../shared/fixtures/news-pages, in real Chromium with
// the built extension. Prints the acceptance figures with PASS/FAIL and the three worst pages,
// and writes bench-output/pages/ (index.html, results.json, screenshots of the worst pages).
// Usage: npm run bench:pages [-- --only=substring] [--parallel=N]
// One page at a time by default, as a reader loads them: with --parallel=2 two tabs share the one
// background service worker (analyses queue behind each other) and the machine's 2 cores, which
// measures a loaded machine, not Lede on a page.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openPage, waitForLede } from '../testing/harness/lede-page';
import { repoRoot } from '../testing/harness/paths';
import { loadNewsPages, pagePath } from '../testing/pages/pages-fixtures';
import { measurePages, type PageMeasurement } from '../testing/pages/pages-measure';
import { writeReport } from './lib/pages-report';
import { acceptanceFigures, formatFigures, slowestToHighlights, worstPages } from './lib/pages-verdicts';
import { openPagesHarness } from '../testing/pages/pages-harness';

const outDir = path.join(repoRoot, 'bench-output/pages');
const WORST_SHOWN = 3;
const SCREENSHOTS = 5;

function argValue(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function progressLine(m: PageMeasurement, done: number, total: number): string {
  const f1 = m.body ? ` F1 ${m.body.f1.toFixed(2)}` : '';
  const tth = m.timeToHighlightsMs === null ? '' : ` ${m.timeToHighlightsMs.toFixed(0)} ms`;
  const failure = m.failure ? ` FAILED ${m.failure}` : '';
  return `[${String(done).padStart(3)}/${total}] ${m.dir.padEnd(44)} ${(m.status ?? '-').padEnd(11)}${f1}${tth}${failure}`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const only = argValue('only');
  const pages = loadNewsPages().filter((p) => !only || p.dir.includes(only));
  const parallel = Number(argValue('parallel') ?? 1);
  mkdirSync(outDir, { recursive: true });
  // Screenshots of an earlier run's worst pages would be mistaken for this run's.
  for (const file of readdirSync(outDir)) if (/^worst-.*\.png$/.test(file)) rmSync(path.join(outDir, file));
  const harness = await openPagesHarness();
  const { withLede, server } = harness;
  try {
    const results = await measurePages(harness, pages, {
      parallel,
      onPage: (m, done) => console.error(progressLine(m, done, pages.length)),
    });
    const worst = worstPages(results, SCREENSHOTS);
    const screenshots = new Map<string, string>();
    for (const { page } of worst) {
      const file = `worst-${page.dir}.png`;
      const opened = await openPage(withLede, server.url(pagePath(page))).catch(() => null);
      if (!opened) continue;
      await waitForLede(withLede, opened, 10_000);
      await opened.page.screenshot({ path: path.join(outDir, file) }).then(() => screenshots.set(page.dir, file)).catch(() => undefined);
      await opened.page.close();
    }
    const figures = acceptanceFigures(results);
    const elapsedS = (Date.now() - started) / 1000;
    const report = writeReport(outDir, results, figures, screenshots, elapsedS);
    console.log(`\nLede on ${results.length} real news pages (${elapsedS.toFixed(0)} s, ${parallel} in parallel)\n`);
    console.log(formatFigures(figures));
    console.log(`\nWorst ${WORST_SHOWN} pages:`);
    for (const { page, problems } of worst.slice(0, WORST_SHOWN)) {
      console.log(`  ${page.dir}: ${problems.map((p) => p.reason).join('; ')}`);
    }
    if (worst.length === 0) console.log('  none: every page meets every target');
    console.log('\nSlowest to highlights (extraction and analysis timed apart, in the page without the extension):');
    for (const line of slowestToHighlights(results, 5)) console.log(`  ${line}`);
    console.log(`\nReport: ${path.relative(process.cwd(), report)}`);
    if (figures.some((f) => f.pass === false)) process.exitCode = 1;
  } finally {
    await harness.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
