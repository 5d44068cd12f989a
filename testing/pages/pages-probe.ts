// In-page instruments for the page suite: a long-task recorder installed before any page script,
// Lede's performance marks, heap size, and a bundle of Lede's own extraction and analysis code
// that can be timed inside a page loaded without the extension (the breakdown of Lede's run).
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { repoRoot } from '../harness/paths';

/** [startTime, duration] in the page's performance timeline. */
export type LongTask = [start: number, duration: number];

/**
 * Registered with addInitScript, so it runs before the page's own scripts. Buffered, so tasks
 * from before the observer existed are kept too. Plain JavaScript: see SNAPSHOT_SOURCE.
 */
export const LONG_TASK_RECORDER = `(() => {
  const tasks = [];
  Object.defineProperty(window, '__pagesLongTasks', { value: tasks, enumerable: false });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {}
})();`;

export interface LedeTimeline {
  /**
   * performance.now() of the 'lede-start' mark, or null when the content script never ran. The
   * task holding this mark is Lede's own: a Chromium trace shows it is the content script's
   * EvaluateScript (compiling and evaluating content.js, then main()), so it counts as Lede's.
   */
  start: number | null;
  /**
   * End of Lede's automatic run: its 'lede-settled' mark (hover cards, legend and storing done
   * after painting), else 'lede-painted', else its last lede-* entry.
   */
  end: number | null;
  /**
   * [lede-extracted, lede-analyzed]: Lede waits for the background's analysis (which runs in the
   * service worker); in the page it only answers small callbacks then (its notes lookup, its
   * mutation watch). Null when either mark is missing.
   */
  waiting: [start: number, end: number] | null;
  /**
   * [lede-painted, lede-whole-analyzed] on a long article, whose opening was painted first: Lede
   * waits again, for the whole text's analysis (null when there was no such second wait).
   */
  wholeWaiting?: [start: number, end: number] | null;
  /** The 'lede-painted' mark: the first highlights are on screen. */
  painted: number | null;
  /** performance.now() of 'lede-extracted' and 'lede-analyzed' (null when missing). */
  extracted: number | null;
  analyzed: number | null;
  timeToHighlightsMs: number | null;
  longTasks: LongTask[];
}

export function readTimeline(page: Page): Promise<LedeTimeline> {
  return page.evaluate(`(() => {
    const entries = performance.getEntries().filter((e) => e.name.startsWith('lede-'));
    const start = entries.find((e) => e.name === 'lede-start');
    const painted = entries.find((e) => e.name === 'lede-painted');
    const settled = entries.find((e) => e.name === 'lede-settled');
    const extracted = entries.find((e) => e.name === 'lede-extracted');
    const analyzed = entries.find((e) => e.name === 'lede-analyzed');
    const wholeAnalyzed = entries.find((e) => e.name === 'lede-whole-analyzed');
    const measure = performance.getEntriesByName('lede-time-to-highlights', 'measure');
    const lastEnd = entries.reduce((m, e) => Math.max(m, e.startTime + e.duration), start ? start.startTime : 0);
    return {
      start: start ? start.startTime : null,
      end: settled ? settled.startTime : painted ? painted.startTime : start ? lastEnd : null,
      waiting: extracted && analyzed ? [extracted.startTime, analyzed.startTime] : null,
      wholeWaiting: painted && wholeAnalyzed ? [painted.startTime, wholeAnalyzed.startTime] : null,
      painted: painted ? painted.startTime : null,
      extracted: extracted ? extracted.startTime : null,
      analyzed: analyzed ? analyzed.startTime : null,
      timeToHighlightsMs: measure.length ? measure[measure.length - 1].duration : null,
      longTasks: window.__pagesLongTasks ? [...window.__pagesLongTasks] : [],
    };
  })()`) as Promise<LedeTimeline>;
}

/**
 * Long tasks that overlap Lede's run window [start, end], except those that lie wholly inside the
 * wait for the background's analysis: those are the page's own (its layout, its iframes loading).
 */
export function longTasksInWindow(tasks: readonly LongTask[], timeline: Pick<LedeTimeline, 'start' | 'end' | 'waiting' | 'wholeWaiting'>): LongTask[] {
  if (timeline.start === null) return [];
  const end = timeline.end ?? timeline.start;
  const waits = [timeline.waiting, timeline.wholeWaiting ?? null];
  const duringWait = ([start, duration]: LongTask): boolean =>
    waits.some((wait) => wait !== null && start >= wait[0] && start + duration <= wait[1]);
  return tasks.filter((task) => task[0] <= end && task[0] + task[1] >= timeline.start! && !duringWait(task));
}

/** Lede's automatic run in the page with the extension, step by step, from its own marks. */
export interface RunSteps {
  /** lede-start to lede-extracted: starting, and extracting in slices. */
  extractMs: number;
  /** lede-extracted to lede-analyzed: the round trip to the background, which analyses. */
  analysisRoundTripMs: number;
  /** lede-analyzed to lede-painted: mapping spans to Ranges and registering the highlights. */
  paintMs: number;
}

export function runSteps(timeline: Pick<LedeTimeline, 'start' | 'extracted' | 'analyzed' | 'painted'>): RunSteps | null {
  const { start, extracted, analyzed, painted } = timeline;
  if (start === null || extracted === null || analyzed === null || painted === null) return null;
  return { extractMs: extracted - start, analysisRoundTripMs: analyzed - extracted, paintMs: painted - analyzed };
}

/** Which step of Lede's run a long task fell in. */
export type LedePhase = 'startup' | 'extraction' | 'painting' | 'after painting';
export const LEDE_PHASES: readonly LedePhase[] = ['startup', 'extraction', 'painting', 'after painting'];

/**
 * startup: the task holding lede-start (compiling and evaluating content.js); extraction: before
 * the wait for the analysis; painting: from the analysis' arrival to the first painted slice;
 * after painting: hover cards, legend, storing the article, the rest of a sliced paint.
 */
export function phaseOf([start, duration]: LongTask, timeline: Pick<LedeTimeline, 'start' | 'waiting' | 'painted'>): LedePhase {
  if (timeline.start !== null && start <= timeline.start && start + duration >= timeline.start) return 'startup';
  if (timeline.waiting === null || start < timeline.waiting[0]) return 'extraction';
  if (timeline.painted === null || start <= timeline.painted) return 'painting';
  return 'after painting';
}

/** The page's used JS heap after a forced garbage collection (all worlds, so Lede's too). */
export async function usedHeapBytes(page: Page): Promise<number | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
  } catch {
    return null;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Resolves after two animation frames: layout and paint caught up with the last DOM change. */
export function settle(page: Page): Promise<unknown> {
  return page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
}

let probeSource: Promise<string> | null = null;

/** Lede's extractArticle and analyzeText bundled as one script that sets window.__ledeProbe. */
export function ledeProbeSource(): Promise<string> {
  probeSource ??= build({
    stdin: {
      contents:
        "import { extractArticle, extractArticleInSlices } from './lib/extract/index';\n" +
        "import { analyzeText } from './lib/analysis/analyze';\n" +
        'Object.defineProperty(globalThis, "__ledeProbe", { value: { extractArticle, extractArticleInSlices, analyzeText } });\n',
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    tsconfig: path.join(repoRoot, 'tsconfig.json'),
  }).then((result) => result.outputFiles[0]!.text);
  return probeSource;
}

export interface RunBreakdown {
  extractMs: number;
  /** Null when the extractor judged the page not an article (Lede then stops). */
  analyzeMs: number | null;
  judgedArticle: boolean;
  textLength: number;
  /** Longest stretch on the main thread when the same page is extracted in slices (warm). */
  longestSliceMs: number;
}

/**
 * Times Lede's extraction and analysis inside a page that was loaded WITHOUT the extension (so
 * nothing else of Lede's runs there), after any snapshot of that page has been taken.
 */
export async function timeLedeSteps(page: Page): Promise<RunBreakdown | null> {
  try {
    await page.evaluate(await ledeProbeSource());
    return (await page.evaluate(`(() => {
      const probe = globalThis.__ledeProbe;
      const t0 = performance.now();
      const article = probe.extractArticle(document);
      const t1 = performance.now();
      const judgedArticle = Boolean(article && article.isArticle);
      if (judgedArticle) probe.analyzeText(article.text);
      const t2 = performance.now();
      let resumed = performance.now();
      let longestSliceMs = 0;
      const yieldToPage = () => {
        longestSliceMs = Math.max(longestSliceMs, performance.now() - resumed);
        return new Promise((resolve) => setTimeout(() => { resumed = performance.now(); resolve(); }, 0));
      };
      return probe.extractArticleInSlices(document, { yieldToPage }).then(() => {
        longestSliceMs = Math.max(longestSliceMs, performance.now() - resumed);
        return { extractMs: t1 - t0, analyzeMs: judgedArticle ? t2 - t1 : null, judgedArticle, textLength: article ? article.text.length : 0, longestSliceMs };
      });
    })()`)) as RunBreakdown;
  } catch {
    return null;
  }
}
