// In-page instruments for the page suite: a long-task recorder installed before any page script,
// Lede's performance marks, heap size, and a bundle of Lede's own extraction and analysis code
// that can be timed inside a page loaded without the extension (the breakdown of Lede's run).
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { repoRoot } from './paths';

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
  /** performance.now() of the 'lede-start' mark, or null when the content script never ran. */
  start: number | null;
  /** End of Lede's automatic run: its 'lede-painted' mark, else its last lede-* entry. */
  end: number | null;
  timeToHighlightsMs: number | null;
  longTasks: LongTask[];
}

export function readTimeline(page: Page): Promise<LedeTimeline> {
  return page.evaluate(`(() => {
    const entries = performance.getEntries().filter((e) => e.name.startsWith('lede-'));
    const start = entries.find((e) => e.name === 'lede-start');
    const painted = entries.find((e) => e.name === 'lede-painted');
    const measure = performance.getEntriesByName('lede-time-to-highlights', 'measure');
    const lastEnd = entries.reduce((m, e) => Math.max(m, e.startTime + e.duration), start ? start.startTime : 0);
    return {
      start: start ? start.startTime : null,
      end: painted ? painted.startTime : start ? lastEnd : null,
      timeToHighlightsMs: measure.length ? measure[measure.length - 1].duration : null,
      longTasks: window.__pagesLongTasks ? [...window.__pagesLongTasks] : [],
    };
  })()`) as Promise<LedeTimeline>;
}

/** Long tasks that overlap Lede's run window [start, end]. */
export function longTasksInWindow(tasks: readonly LongTask[], timeline: Pick<LedeTimeline, 'start' | 'end'>): LongTask[] {
  if (timeline.start === null) return [];
  const end = timeline.end ?? timeline.start;
  return tasks.filter(([start, duration]) => start <= end && start + duration >= timeline.start!);
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
