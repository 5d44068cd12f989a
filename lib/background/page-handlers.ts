// The background's answers about where Lede runs and the analysis it does for content scripts
//: the page setup at start, the pause and per-site switches (told to every open tab),
// and analyses of large texts, off the page's main thread, with a cache of recent ones.
// No extension APIs: the entrypoint passes in the storage area and how to reach the tabs.

import { analyzeText } from '../analysis/analyze';
import { AnalysisCache } from './analysis-cache';
import type { Analysis } from '../analysis/types';
import { analyzeInBlocks } from './incremental-analysis';
import type { Handlers, RuntimeRequest, SiteSwitchesChangedRequest } from '../protocol/messages';
import type { PrefsStore } from '../settings/highlight-prefs';
import { verdictFor, type SiteSwitches, type SiteSwitchStore } from '../settings/site-switches';

export interface RuntimeDeps {
  prefs: PrefsStore;
  switches: SiteSwitchStore;
  /** Tells every open tab's content script (failures for tabs without one are ignored); absent, nobody is told. */
  broadcast?: (message: SiteSwitchesChangedRequest) => Promise<void>;
  cache?: AnalysisCache;
}

export function createRuntimeHandlers(deps: RuntimeDeps): Handlers<RuntimeRequest> {
  const cache = deps.cache ?? new AnalysisCache();
  /** Answers once the open tabs have applied the change, so the popup shows the tab as it now is. */
  const told = async (switches: SiteSwitches): Promise<SiteSwitches> => {
    await deps.broadcast?.({ type: 'siteSwitchesChanged', switches });
    return switches;
  };
  return {
    getPageSetup: async ({ site }) => {
      const [prefs, switches, legendOpen] = await Promise.all([deps.prefs.load(site), deps.switches.load(), deps.prefs.loadLegendOpen()]);
      return { prefs, legendOpen, verdict: verdictFor(switches, site) };
    },
    getSiteSwitches: () => deps.switches.load(),
    setPaused: async ({ paused }) => told(await deps.switches.setPaused(paused)),
    setSiteEnabled: async ({ site, enabled }) => told(await deps.switches.setSite(site, enabled)),
    // A preview (an article's opening, replaced moments later by the whole) is not worth keeping;
    // and when the whole text's analysis is at hand already (a reload), that is the answer.
    analyzeText: async ({ url, text, preview, whole }) => {
      if (!preview) return cache.getOrAnalyze(url, text, analyzeLongText);
      const known = whole === undefined ? undefined : await cache.peek(url, whole);
      return known ? { analysis: known, cached: true, whole: true } : { analysis: await analyzeLongText(text), cached: false };
    },
  };
}

/** Texts longer than this are analysed block by block (live blogs, the 5 MB robustness page). */
export const BLOCKWISE_MIN_LENGTH = 200_000;
/** About 8,000 words: a block the analyser gets through in well under a second on a slow machine. */
export const ANALYSIS_BLOCK_SIZE = 50_000;

/**
 * One analysis at a time holds the background's event loop: a huge text is analysed block by block
 * with a macrotask between blocks, so other tabs' messages (a page setup, a note) are answered meanwhile.
 */
export function analyzeLongText(text: string): Analysis | Promise<Analysis> {
  if (text.length <= BLOCKWISE_MIN_LENGTH) return analyzeText(text);
  return analyzeInBlocks(text, analyzeText, {
    blockSize: ANALYSIS_BLOCK_SIZE,
    pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
  });
}
