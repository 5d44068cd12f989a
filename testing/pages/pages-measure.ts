// Measures one real news page: loads it once with Lede and once without, and records what Lede
// judged, how well it found the body, how fast it painted, what it cost, and whether it changed
// the page. Shared by scripts/bench-pages.ts and tests/e2e/pages-suite.test.ts.
import type { Page } from 'playwright-core';
import { tokenOverlap } from './token-overlap';
import type { ExtensionBrowser } from '../harness/launch-browser';
import { waitForAnswer, waitForLede, watchErrors } from '../harness/lede-page';
import { expectedJudgement, pagePath, type ExpectedJudgement, type NewsPageFixture } from './pages-fixtures';
import {
  LONG_TASK_RECORDER, longTasksInWindow, phaseOf, readTimeline, runSteps, settle, timeLedeSteps, usedHeapBytes,
  type LedePhase, type LongTask, type RunBreakdown, type RunSteps,
} from './pages-probe';
import { compareSnapshots, takeSnapshot, type PageSnapshot, type SnapshotDiff } from './pages-snapshot';
import type { StaticServer } from '../harness/static-server';

export interface BodyScore {
  precision: number;
  recall: number;
  f1: number;
  /** 'automatic': the text Lede analysed by itself; 'on-request': the page was not judged an
   * article, so this is the text of the popup's "Analyse this page" (analyzeNow). */
  source: 'automatic' | 'on-request';
}

export interface PageMeasurement {
  dir: string;
  site: string;
  category: string;
  core: boolean;
  expected: ExpectedJudgement;
  /** The content script's getAnalysis status, or null when it never answered. */
  status: string | null;
  judgedArticle: boolean;
  body: BodyScore | null;
  entities: number;
  quotes: number;
  /** Page errors and console errors/warnings that come from Lede. */
  ledeErrors: string[];
  timeToHighlightsMs: number | null;
  /** The same run split at Lede's own marks (with the extension; null when it did not paint). */
  steps: RunSteps | null;
  /**
   * all: with Lede; inLede: those overlapping Lede's run (longTasksInWindow); inLedePhases: the
   * step of Lede's run each of those fell in; withoutLede: the same page loaded without it.
   */
  longTasks: { all: LongTask[]; inLede: LongTask[]; inLedePhases: LedePhase[]; withoutLede: LongTask[] };
  /**
   * Main-thread time in the task that started Lede before its 'lede-start' mark: compiling and
   * initialising the content script. Null when that task was not a long task.
   */
  startupMs: number | null;
  /** JSHeapUsedSize after GC with Lede on, off, and the difference (bytes). */
  heap: { withLede: number | null; withoutLede: number | null; extra: number | null };
  diff: SnapshotDiff;
  /**
   * The first look showed a difference that a second look, a moment later at both loads, did not
   * (the page was still settling: a lazy image failing, a late layout). Reported, not counted.
   */
  settledLate: boolean;
  /** Lede's extraction and analysis, timed in the page loaded without the extension. */
  breakdown: RunBreakdown | null;
  /** Set when the page could not be measured at all (load timeout, crash). */
  failure: string | null;
}

export interface PagesHarness {
  withLede: ExtensionBrowser;
  withoutLede: ExtensionBrowser;
  server: StaticServer;
}

export interface MeasureOptions {
  /** How long to wait for a page load and for Lede to settle. */
  timeoutMs?: number;
}

interface ChromeInWorker {
  chrome: { tabs: { query(filter: object): Promise<{ id?: number }[]>; sendMessage(tabId: number, message: unknown): Promise<unknown> } };
}

/** Only one tab may open at a time: a tab's id is the one id that was not there before. */
let tabOpening: Promise<unknown> = Promise.resolve();

async function tabIds(browser: ExtensionBrowser): Promise<number[]> {
  const worker = await browser.serviceWorker();
  return worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as ChromeInWorker;
    return (await chrome.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
  });
}

/** A new blank tab and its chrome.tabs id (serialised, so parallel callers don't mix tabs up). */
async function newTab(browser: ExtensionBrowser): Promise<{ page: Page; tabId: number }> {
  const opening = tabOpening.then(async () => {
    const before = new Set(await tabIds(browser));
    const page = await browser.context.newPage();
    const added = (await tabIds(browser)).filter((id) => !before.has(id));
    if (added.length !== 1) {
      await page.close();
      throw new Error(`Expected one new tab, found ${added.length}.`);
    }
    return { page, tabId: added[0]! };
  });
  tabOpening = opening.catch(() => undefined);
  return opening;
}

async function sendToTab(browser: ExtensionBrowser, tabId: number, type: 'getAnalysis' | 'analyzeNow'): Promise<unknown> {
  const worker = await browser.serviceWorker();
  return worker.evaluate(
    async ([id, messageType]) => {
      const { chrome } = globalThis as unknown as ChromeInWorker;
      try {
        return await chrome.tabs.sendMessage(id as number, { type: messageType });
      } catch (error) {
        return { harnessError: String(error) };
      }
    },
    [tabId, type] as const,
  );
}

interface ReportView {
  status: string | null;
  text: string | null;
  entities: number;
  quotes: number;
}

function readReport(report: unknown): ReportView {
  const r = (typeof report === 'object' && report !== null ? report : {}) as {
    status?: unknown; text?: unknown; analysis?: { entities?: unknown[]; quotes?: unknown[] };
  };
  return {
    status: typeof r.status === 'string' ? r.status : null,
    text: typeof r.text === 'string' ? r.text : null,
    entities: Array.isArray(r.analysis?.entities) ? r.analysis.entities.length : 0,
    quotes: Array.isArray(r.analysis?.quotes) ? r.analysis.quotes.length : 0,
  };
}

/** Errors that are Lede's: thrown from extension code, or console messages that name Lede. */
export function isLedeError(error: string): boolean {
  return error.includes('chrome-extension://') || /\blede\b/i.test(error);
}

interface WithLedeResult {
  report: ReportView;
  snapshot: PageSnapshot;
  /** Milliseconds from load to the snapshot, so the page without Lede is snapshotted as late. */
  settledAfterMs: number;
  timeline: Awaited<ReturnType<typeof readTimeline>>;
  heap: number | null;
  onRequestText: string | null;
  errors: string[];
  /** Still open, so the page can be looked at again; the caller closes it. */
  tab: Page;
}

async function loadWithLede(harness: PagesHarness, page: NewsPageFixture, timeoutMs: number): Promise<WithLedeResult> {
  const browser = harness.withLede;
  const { page: tab, tabId } = await newTab(browser);
  try {
    const errors = watchErrors(tab);
    await tab.addInitScript(LONG_TASK_RECORDER);
    await tab.goto(harness.server.url(pagePath(page)), { waitUntil: 'load', timeout: timeoutMs });
    const loadedAt = Date.now();
    await waitForLede(browser, { page: tab, tabId, errors }, timeoutMs);
    // getAnalysis answers once the whole automatic run (paint, legend, storing) has finished.
    const report = readReport(await waitForAnswer(browser, tabId, timeoutMs));
    await settle(tab);
    const snapshot = await takeSnapshot(tab);
    const settledAfterMs = Date.now() - loadedAt;
    const timeline = await readTimeline(tab);
    const heap = await usedHeapBytes(tab);
    // Body finding on pages Lede left alone: what the popup's "Analyse this page" would read.
    let onRequestText: string | null = null;
    if (report.status !== 'analyzed' && page.articleBody !== null) {
      onRequestText = readReport(await sendToTab(browser, tabId, 'analyzeNow')).text;
    }
    return { report, snapshot, settledAfterMs, timeline, heap, onRequestText, errors, tab };
  } catch (error) {
    await tab.close();
    throw error;
  }
}

async function loadWithoutLede(harness: PagesHarness, page: NewsPageFixture, waitMs: number, timeoutMs: number) {
  const tab = await harness.withoutLede.context.newPage();
  try {
    await tab.addInitScript(LONG_TASK_RECORDER);
    await tab.goto(harness.server.url(pagePath(page)), { waitUntil: 'load', timeout: timeoutMs });
    await tab.waitForTimeout(waitMs);
    await settle(tab);
    const snapshot = await takeSnapshot(tab);
    const { longTasks } = await readTimeline(tab);
    const heap = await usedHeapBytes(tab);
    const breakdown = await timeLedeSteps(tab);
    return { snapshot, heap, breakdown, longTasks };
  } finally {
    await tab.close();
  }
}

function startupBefore(ledeStart: number | null, tasks: readonly LongTask[]): number | null {
  if (ledeStart === null) return null;
  const task = tasks.find(([start, duration]) => start <= ledeStart && start + duration >= ledeStart);
  return task ? ledeStart - task[0] : null;
}

const differs = (d: SnapshotDiff): boolean => d.textChanged || d.markupChanged || d.movedBoxes > 0;

/** How much later the second look is taken. */
const SECOND_LOOK_DELAY_MS = 1000;

/** Snapshots the page with Lede again, and a fresh load without Lede as late, and compares them. */
async function lookAgain(harness: PagesHarness, page: NewsPageFixture, on: WithLedeResult, timeoutMs: number): Promise<SnapshotDiff> {
  await on.tab.waitForTimeout(SECOND_LOOK_DELAY_MS);
  await settle(on.tab);
  const withLede = await takeSnapshot(on.tab);
  const tab = await harness.withoutLede.context.newPage();
  try {
    await tab.goto(harness.server.url(pagePath(page)), { waitUntil: 'load', timeout: timeoutMs });
    await tab.waitForTimeout(on.settledAfterMs + SECOND_LOOK_DELAY_MS);
    await settle(tab);
    return compareSnapshots(withLede, await takeSnapshot(tab));
  } finally {
    await tab.close();
  }
}

const NO_DIFF: SnapshotDiff = { textChanged: false, markupChanged: false, movedBoxes: 0, detail: null };

export async function measurePage(harness: PagesHarness, page: NewsPageFixture, options: MeasureOptions = {}): Promise<PageMeasurement> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const base = {
    dir: page.dir, site: page.site, category: page.category, core: page.core, expected: expectedJudgement(page),
  };
  try {
    const on = await loadWithLede(harness, page, timeoutMs);
    let off: Awaited<ReturnType<typeof loadWithoutLede>>;
    let diff: SnapshotDiff;
    let settledLate = false;
    try {
      off = await loadWithoutLede(harness, page, on.settledAfterMs, timeoutMs);
      diff = compareSnapshots(on.snapshot, off.snapshot);
      if (differs(diff)) {
        const second = await lookAgain(harness, page, on, timeoutMs);
        settledLate = !differs(second);
        if (settledLate) diff = { ...second, detail: `first look only: ${diff.detail}` };
      }
    } finally {
      await on.tab.close();
    }
    const judgedArticle = on.report.status === 'analyzed';
    const bodyText = judgedArticle ? on.report.text : on.onRequestText;
    const body: BodyScore | null =
      page.articleBody === null
        ? null
        : { ...tokenOverlap(bodyText ?? '', page.articleBody), source: judgedArticle ? 'automatic' : 'on-request' };
    const heapExtra = on.heap !== null && off.heap !== null ? on.heap - off.heap : null;
    const inLede = longTasksInWindow(on.timeline.longTasks, on.timeline);
    return {
      ...base,
      status: on.report.status,
      judgedArticle,
      body,
      entities: on.report.entities,
      quotes: on.report.quotes,
      ledeErrors: on.errors.filter(isLedeError),
      timeToHighlightsMs: on.timeline.timeToHighlightsMs,
      steps: runSteps(on.timeline),
      longTasks: {
        all: on.timeline.longTasks,
        inLede,
        inLedePhases: inLede.map((task) => phaseOf(task, on.timeline)),
        withoutLede: off.longTasks,
      },
      startupMs: startupBefore(on.timeline.start, on.timeline.longTasks),
      heap: { withLede: on.heap, withoutLede: off.heap, extra: heapExtra },
      diff,
      settledLate,
      breakdown: off.breakdown,
      failure: null,
    };
  } catch (error) {
    return {
      ...base, status: null, judgedArticle: false, body: null, entities: 0, quotes: 0, ledeErrors: [],
      timeToHighlightsMs: null, steps: null, longTasks: { all: [], inLede: [], inLedePhases: [], withoutLede: [] }, startupMs: null, heap: { withLede: null, withoutLede: null, extra: null },
      diff: NO_DIFF, settledLate: false, breakdown: null, failure: error instanceof Error ? error.message.split('\n')[0]! : String(error),
    };
  }
}

/** Measures pages with `parallel` pages in flight at once, in input order; reports progress. */
export async function measurePages(
  harness: PagesHarness,
  pages: readonly NewsPageFixture[],
  options: MeasureOptions & { parallel?: number; onPage?: (m: PageMeasurement, done: number) => void } = {},
): Promise<PageMeasurement[]> {
  const results: PageMeasurement[] = new Array(pages.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < pages.length) {
      const i = next++;
      results[i] = await measurePage(harness, pages[i]!, options);
      options.onPage?.(results[i]!, ++done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.parallel ?? 2) }, worker));
  return results;
}
