// Commands to the content script in a tab about what it found and paints: the popup asks for the
// analysis, has a page analysed anyway, changes the painted types or reveals a span; the background
// tells every tab when the reader paused Lede or switched a site. Only extension pages send them.

import type { Analysis } from '../analysis/types';
import type { HighlightPrefs, PrefsScope, ResolvedPrefs } from '../settings/highlight-prefs';
import { siteSwitchesProblem, type RunVerdict, type SiteSwitches } from '../settings/site-switches';
import { fieldProblem, MessageError, needOffset, needPrefs, needScope } from './fields';
import { answer, messageTable, type RequestOf } from './spec';

/** Popup -> content script: what did you find on this page? */
export interface GetAnalysisRequest {
  type: 'getAnalysis';
}
/** Popup -> content script: analyse this page even though it does not look like an article. */
export interface AnalyzeNowRequest {
  type: 'analyzeNow';
}
/** Popup -> content script: paint these types (and remember them, in `scope` or the page's current scope). */
export interface SetHighlightPrefsRequest {
  type: 'setHighlightPrefs';
  prefs: HighlightPrefs;
  scope?: PrefsScope;
}
/** Popup -> content script: scroll the text span [start, end) into view and flash it. */
export interface RevealSpanRequest {
  type: 'revealSpan';
  start: number;
  end: number;
}
/** Background -> content scripts (every tab): the reader paused Lede or switched a site on or off. */
export interface SiteSwitchesChangedRequest {
  type: 'siteSwitchesChanged';
  switches: SiteSwitches;
}

/**
 * - analyzed: an article (or a page the reader asked to analyse) was analysed and painted;
 * - not-article: the page does not look like an article, so Lede stayed idle;
 * - unsupported: not a document Lede can read (no HTML body: images, XML, PDF viewers...);
 * - error: something failed; `message` says what.
 */
export type AnalysisStatus = 'analyzed' | 'not-article' | 'unsupported' | 'error';

export interface AnalysisReport {
  status: AnalysisStatus;
  url: string;
  title: string;
  analysis?: Analysis;
  /** The analysed text: the offsets in `analysis` index into it. */
  text?: string;
  timings: { startToPaintMs?: number };
  /** False where the browser lacks the CSS Custom Highlight API: nothing is painted, results still shown. */
  highlightsSupported: boolean;
  /** The preferences in force on this page. */
  highlightPrefs: ResolvedPrefs;
  message?: string;
  /** Set (with status not-article) while Lede stays idle here only because the reader paused it or switched this site off. */
  idleReason?: Exclude<RunVerdict, 'run'>;
}

/** False when the span maps onto nothing on the page (nothing analysed, or the DOM moved on). */
export interface RevealAck {
  revealed: boolean;
}


const toPage = ['extension-page'] as const;

export const PAGE_COMMANDS = messageTable({
  getAnalysis: { senders: toPage, fields: [], parse: (_, type): GetAnalysisRequest => ({ type }), answer: answer<AnalysisReport>() },
  analyzeNow: { senders: toPage, fields: [], parse: (_, type): AnalyzeNowRequest => ({ type }), answer: answer<AnalysisReport>() },
  setHighlightPrefs: {
    senders: toPage,
    fields: ['prefs', 'scope'],
    parse: (value, type): SetHighlightPrefsRequest => {
      const prefs = needPrefs(value.prefs, type);
      if (value.scope === undefined) return { type, prefs };
      return { type, prefs, scope: needScope(value.scope, type) };
    },
    answer: answer<ResolvedPrefs>(),
  },
  revealSpan: {
    senders: toPage,
    fields: ['start', 'end'],
    parse: (value, type): RevealSpanRequest => {
      const start = needOffset(value.start, `${type}.start`);
      const end = needOffset(value.end, `${type}.end`);
      if (start >= end) throw new MessageError(`${type}: start must be less than end`);
      return { type, start, end };
    },
    answer: answer<RevealAck>(),
  },
  // Where Lede runs: the background tells every tab.
  siteSwitchesChanged: {
    senders: toPage,
    fields: ['switches'],
    parse: (value, type): SiteSwitchesChangedRequest => {
      fieldProblem(siteSwitchesProblem(value.switches), `${type}.switches`);
      const switches = value.switches as SiteSwitches;
      return { type, switches: { paused: switches.paused, offSites: [...switches.offSites] } };
    },
    answer: answer<{ ok: true }>(),
  },
});

export type PageCommand = RequestOf<typeof PAGE_COMMANDS>;
