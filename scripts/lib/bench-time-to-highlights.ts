// Bench (a): how long the content script takes from its start to painted highlights, over reloads.
import type { ExtensionBrowser } from '../../testing/harness/launch-browser';
import { getAnalysis, openPage, timeToHighlightsMs, waitForLede } from '../../testing/harness/lede-page';

export interface PaintTimings {
  samples: number[];
  /** Where the numbers came from: the page's performance measure, or the getAnalysis timings. */
  source: 'performance-measure' | 'getAnalysis' | 'none';
}

function startToPaintFrom(report: unknown): number | null {
  if (typeof report !== 'object' || report === null || !('timings' in report)) return null;
  const { timings } = report as { timings?: { startToPaintMs?: unknown } };
  return typeof timings?.startToPaintMs === 'number' ? timings.startToPaintMs : null;
}

/** Loads url once to warm up, then reloads it `reloads` times and collects one timing per load. */
export async function measureTimeToHighlights(browser: ExtensionBrowser, url: string, reloads: number): Promise<PaintTimings> {
  const opened = await openPage(browser, url);
  const samples: number[] = [];
  let source: PaintTimings['source'] = 'none';
  if (!(await waitForLede(browser, opened))) {
    await opened.page.close();
    return { samples, source }; // never painted: reloading would only wait again
  }
  for (let i = 0; i < reloads; i++) {
    await opened.page.reload({ waitUntil: 'load' });
    if (!(await waitForLede(browser, opened, 10_000))) continue;
    const measured = await timeToHighlightsMs(opened.page);
    const value = measured ?? startToPaintFrom(await getAnalysis(browser, opened.tabId));
    if (value === null) continue;
    source = measured !== null ? 'performance-measure' : 'getAnalysis';
    samples.push(value);
  }
  await opened.page.close();
  return { samples, source };
}
