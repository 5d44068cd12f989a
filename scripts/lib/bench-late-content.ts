// The late-content bench: a local article page that appends 100 paragraphs a second (an infinite
// scroll that never stops), measured with Lede and without it in the same run, in real Chromium.
// What the page feels: how many of its own setInterval ticks still run, the renderer's CPU time,
// the main thread's busy time, and the JS heap (the content script's isolated world shares the
// renderer's V8 heap, so the difference to the run without Lede is Lede's).
// Part of `npm run bench`; also runs alone (after `npx wxt build`):
//   npx tsx scripts/lib/bench-late-content.ts [--seconds 180] [--extension DIR]
// (--extension: another unpacked build, e.g. an older one copied aside, to compare.)
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../../testing/harness/launch-browser';

/** The page's paragraphs per second, added 10 at a time. */
const PARAGRAPHS_PER_SECOND = 100;
/** The page's own clock: a setInterval this often; its tick rate is what "the page stays responsive" means here. */
const PAGE_TIMER_MS = 20;
/** The page's timers must keep this share of their rate without Lede. */
const TIMER_RATIO_BUDGET = 0.9;
/** Lede's JS heap (with minus without) must stay under this. */
const HEAP_BUDGET_BYTES = 50e6;
const SAMPLE_EVERY_MS = 5_000;

const NAMES = ['Angela Merkel', 'John Kerry', 'Ban Ki-moon', 'Sergei Lavrov', 'Theresa May', 'Justin Trudeau'];
const PLACES = ['Brussels', 'Geneva', 'Aleppo', 'Moscow', 'Ottawa', 'Berlin', 'Nairobi'];
const ORGS = ['the United Nations', 'the European Union', 'NATO', 'the World Bank', 'Reuters'];

function pageHtml(): string {
  const opening = Array.from({ length: 12 }, (_, i) => `<p>${sentence(i)}</p>`).join('\n');
  // The page's script: its own timer, and the paragraphs it keeps appending to the article.
  const script = `
    const names = ${JSON.stringify(NAMES)}, places = ${JSON.stringify(PLACES)}, orgs = ${JSON.stringify(ORGS)};
    ${SENTENCE_SOURCE}
    window.__late = { ticks: 0, added: 0 };
    setInterval(() => { window.__late.ticks += 1; }, ${PAGE_TIMER_MS});
    const body = document.getElementById('story');
    setInterval(() => {
      for (let i = 0; i < ${PARAGRAPHS_PER_SECOND / 10}; i++) {
        const p = document.createElement('p');
        p.textContent = sentence(12 + window.__late.added);
        body.appendChild(p);
        window.__late.added += 1;
      }
    }, 100);`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Talks go on as the ceasefire holds</title>
<meta property="og:type" content="article"><meta property="og:title" content="Talks go on as the ceasefire holds"></head>
<body><article><h1>Talks go on as the ceasefire holds</h1><div id="story">${opening}</div></article>
<script>${script}</script></body></html>`;
}

/**
 * The page's paragraph number i: news prose with people, places and organisations. Kept as source
 * text, since the page runs it too (a bundler's helpers must not leak into the page's script).
 */
const SENTENCE_SOURCE = `function sentence(i) {
  return 'Update ' + i + ': speaking in ' + places[i % places.length] + ' on day ' + i + ', ' + names[i % names.length] +
    ' said ' + orgs[i % orgs.length] + ' would send a team to ' + places[(i + 3) % places.length] +
    ' "as soon as the roads are open", and that ' + names[(i + 1) % names.length] + ' had agreed to meet again within the week.';
}`;

const sentence = new Function('names', 'places', 'orgs', `${SENTENCE_SOURCE}; return sentence;`)(NAMES, PLACES, ORGS) as (i: number) => string;

async function serve(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/late.html`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

interface Metrics {
  processTime: number;
  taskDuration: number;
  heapUsed: number;
}

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const value = (name: string): number => list.find((m) => m.name === name)?.value ?? Number.NaN;
  return { processTime: value('ProcessTime'), taskDuration: value('TaskDuration'), heapUsed: value('JSHeapUsedSize') };
}

const pageCounters = (page: Page): Promise<{ ticks: number; added: number }> =>
  page.evaluate(() => (window as unknown as { __late: { ticks: number; added: number } }).__late);

export interface LateContentRun {
  withLede: boolean;
  seconds: number;
  /** The page's own timer ticks per second, and the share of the nominal rate. */
  tickRate: number;
  paragraphsAdded: number;
  /** Renderer process CPU seconds and main-thread busy seconds over the run. */
  cpuSeconds: number;
  mainThreadSeconds: number;
  /** JS heap (all worlds of the page) at the end after a garbage collection, and the largest sampled. */
  heapAfterGcBytes: number;
  heapPeakBytes: number;
  /** Paragraphs in the text Lede reports for the page at the end (with Lede only). */
  errors: string[];
}

async function runOnce(url: string, withLede: boolean, seconds: number, extensionDir?: string): Promise<LateContentRun> {
  const browser = await launchBrowser(withLede ? { extensionDir } : { extensionDir: null });
  try {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'warning' && message.text().startsWith('Lede')) errors.push(message.text());
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    // Lede's first run (extract, analyse, paint) is not what this measures: let it finish.
    await page.waitForTimeout(3_000);
    const start = await metrics(cdp);
    const counters = await pageCounters(page);
    const started = Date.now();
    let heapPeak = start.heapUsed;
    while (Date.now() - started < seconds * 1000) {
      await page.waitForTimeout(Math.min(SAMPLE_EVERY_MS, seconds * 1000 - (Date.now() - started)));
      heapPeak = Math.max(heapPeak, (await metrics(cdp)).heapUsed);
    }
    const end = await metrics(cdp);
    const after = await pageCounters(page);
    const elapsed = (Date.now() - started) / 1000;
    await cdp.send('HeapProfiler.collectGarbage');
    const heapAfterGc = (await metrics(cdp)).heapUsed;
    return {
      withLede,
      seconds: elapsed,
      tickRate: (after.ticks - counters.ticks) / elapsed,
      paragraphsAdded: after.added,
      cpuSeconds: end.processTime - start.processTime,
      mainThreadSeconds: end.taskDuration - start.taskDuration,
      heapAfterGcBytes: heapAfterGc,
      heapPeakBytes: Math.max(heapPeak, end.heapUsed),
      errors,
    };
  } finally {
    await browser.close();
  }
}

export interface LateContentBench {
  seconds: number;
  without: LateContentRun;
  with: LateContentRun;
  timerRatio: number;
  ledeHeapBytes: number;
  pass: boolean;
}

const MB = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'OVER');

export async function runLateContentBench(seconds: number, extensionDir?: string): Promise<LateContentBench> {
  const server = await serve(pageHtml());
  try {
    console.log(`  a 127.0.0.1 article page appending ${PARAGRAPHS_PER_SECOND} paragraphs a second, measured for ${seconds} s after the first run, without then with Lede`);
    const without = await runOnce(server.url, false, seconds);
    const withLede = await runOnce(server.url, true, seconds, extensionDir);
    const nominal = 1000 / PAGE_TIMER_MS;
    for (const run of [without, withLede]) {
      console.log(
        `  ${run.withLede ? 'with Lede   ' : 'without Lede'}: page timer ${run.tickRate.toFixed(1)}/s of ${nominal}/s; renderer CPU ${run.cpuSeconds.toFixed(1)} s, main thread busy ${run.mainThreadSeconds.toFixed(1)} s over ${run.seconds.toFixed(0)} s; JS heap ${MB(run.heapAfterGcBytes)} after GC (peak ${MB(run.heapPeakBytes)}); ${run.paragraphsAdded} paragraphs on the page`,
      );
    }
    if (withLede.errors.length > 0) console.log(`  Lede warnings on the page: ${withLede.errors.slice(0, 3).join(' | ')}`);
    const timerRatio = withLede.tickRate / Math.max(1e-9, without.tickRate);
    const ledeHeapBytes = withLede.heapAfterGcBytes - without.heapAfterGcBytes;
    console.log(`  page timers with Lede at ${(timerRatio * 100).toFixed(0)}% of their rate without — budget ≥ ${TIMER_RATIO_BUDGET * 100}%: ${verdict(timerRatio >= TIMER_RATIO_BUDGET)}`);
    console.log(`  Lede's JS heap (with minus without, after GC) ${MB(ledeHeapBytes)} — budget < ${MB(HEAP_BUDGET_BYTES)}: ${verdict(ledeHeapBytes < HEAP_BUDGET_BYTES)}`);
    return {
      seconds,
      without,
      with: withLede,
      timerRatio,
      ledeHeapBytes,
      pass: timerRatio >= TIMER_RATIO_BUDGET && ledeHeapBytes < HEAP_BUDGET_BYTES,
    };
  } finally {
    await server.close();
  }
}

/** `--late-seconds N` (in `npm run bench`) or `--seconds N` (alone). */
export function lateSecondsArg(argv: readonly string[], flag: string, fallback: number): number {
  const at = argv.findIndex((arg) => arg === flag || arg.startsWith(`${flag}=`));
  if (at < 0) return fallback;
  const raw = argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  const value = Number(raw);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log('Late content: a page that never stops adding paragraphs');
  const at = process.argv.indexOf('--extension');
  const extensionDir = at >= 0 ? path.resolve(process.argv[at + 1] ?? '') : undefined;
  runLateContentBench(lateSecondsArg(process.argv, '--seconds', 30), extensionDir).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
