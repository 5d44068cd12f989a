// Where Lede runs and the work it does off the page, answered by the background: the page setup
// a content script asks for at start, the pause and per-site switches, and analyses of long texts.

import type { Analysis } from '../analysis/types';
import type { ResolvedPrefs } from '../settings/highlight-prefs';
import { siteProblem, type RunVerdict, type SiteSwitches } from '../settings/site-switches';
import { FIELD_LIMITS, fieldProblem, MessageError, needBoolean, needBounded } from './fields';
import { answer, messageTable, type RequestOf } from './spec';

/**
 * Content script -> background, once at start: this site's highlight preferences and whether Lede
 * runs here on its own. One message, so the answer costs one round trip before the first paint.
 */
export interface GetPageSetupRequest {
  type: 'getPageSetup';
  site: string;
}
/** Popup or options page -> background: the pause and the switched-off sites. */
export interface GetSiteSwitchesRequest {
  type: 'getSiteSwitches';
}
/** Popup or options page -> background: pause Lede everywhere, or resume. Open tabs follow at once. */
export interface SetPausedRequest {
  type: 'setPaused';
  paused: boolean;
}
/** Popup or options page -> background: switch Lede on or off for one site. Open tabs follow at once. */
export interface SetSiteEnabledRequest {
  type: 'setSiteEnabled';
  site: string;
  enabled: boolean;
}
/**
 * Content script -> background: analyse this (large) text off the page's main thread. `url` keys
 * the background's cache of recent analyses (with a hash of the text).
 */
export interface AnalyzeTextRequest {
  type: 'analyzeText';
  url: string;
  text: string;
  /** The opening of a longer text, analysed first for the first highlights: not kept in the cache. */
  preview?: boolean;
  /**
   * With `preview`: the whole text's fingerprint (lib/shared/text-hash.ts textFingerprint). When the
   * background holds that text's analysis for this URL, it answers with it instead (`whole: true`).
   */
  whole?: string;
}

/** The answer to getPageSetup. */
export interface PageSetup {
  prefs: ResolvedPrefs;
  /** The in-page legend open (true) or as its pill. */
  legendOpen: boolean;
  verdict: RunVerdict;
}

/** The answer to analyzeText; `cached` when the background had this URL and text analysed already. */
export interface AnalyzedText {
  analysis: Analysis;
  cached: boolean;
  /** Asked for a preview, the answer is the whole text's analysis (AnalyzeTextRequest.whole). */
  whole?: true;
}

/** A textFingerprint: the length, a colon and 8 hex digits. */
const FINGERPRINT = /^\d{1,9}:[0-9a-f]{8}$/;

/**
 * Longest text analyzeText accepts: the 5 MB stress page's article is 5.1M characters, the longest
 * real news page in the fixtures 49k. The background analyses long texts in blocks (yielding between
 * them), so even this much never holds up other tabs' messages.
 */
export const MAX_ANALYZE_TEXT_LENGTH = 8_000_000;

const ANALYZE_LIMITS = {
  /**
   * analyzeText: the longest stretch without a blank line. The background analyses long texts
   * paragraph block by paragraph block, so this bounds the longest step it takes without
   * answering anyone else (the one-line stress page is one paragraph of 200k characters).
   */
  analyzeParagraph: 250_000,
} as const;

/** Length of the longest run of `text` between blank lines ("\n\n", how extracted paragraphs are joined). */
function longestParagraph(text: string): number {
  let longest = 0;
  let start = 0;
  for (;;) {
    const cut = text.indexOf('\n\n', start);
    const end = cut === -1 ? text.length : cut;
    longest = Math.max(longest, end - start);
    if (cut === -1) return longest;
    start = cut + 2;
  }
}

function needSite(value: unknown, where: string): string {
  fieldProblem(siteProblem(value), where);
  return value as string;
}

/** Only Lede's pages change the switches; the background then tells every tab (siteSwitchesChanged). */
export const RUN_MESSAGES = messageTable({
  getPageSetup: {
    senders: ['content-script', 'extension-page'],
    fields: ['site'],
    parse: (value, type): GetPageSetupRequest => ({ type, site: needBounded(value.site, `${type}.site`, FIELD_LIMITS.site) }),
    answer: answer<PageSetup>(),
  },
  getSiteSwitches: { senders: ['extension-page'], fields: [], parse: (_, type): GetSiteSwitchesRequest => ({ type }), answer: answer<SiteSwitches>() },
  setPaused: {
    senders: ['extension-page'],
    fields: ['paused'],
    parse: (value, type): SetPausedRequest => ({ type, paused: needBoolean(value.paused, `${type}.paused`) }),
    answer: answer<SiteSwitches>(),
  },
  setSiteEnabled: {
    senders: ['extension-page'],
    fields: ['site', 'enabled'],
    parse: (value, type): SetSiteEnabledRequest => ({ type, site: needSite(value.site, `${type}.site`), enabled: needBoolean(value.enabled, `${type}.enabled`) }),
    answer: answer<SiteSwitches>(),
  },
  analyzeText: {
    senders: ['content-script', 'extension-page'],
    fields: ['url', 'text', 'preview', 'whole'],
    limits: ANALYZE_LIMITS,
    parse: (value, type): AnalyzeTextRequest => {
      const text = needBounded(value.text, `${type}.text`, MAX_ANALYZE_TEXT_LENGTH);
      if (longestParagraph(text) > ANALYZE_LIMITS.analyzeParagraph) {
        throw new MessageError(`${type}.text has a paragraph longer than ${ANALYZE_LIMITS.analyzeParagraph} characters`);
      }
      const url = needBounded(value.url, `${type}.url`, FIELD_LIMITS.url);
      const request: AnalyzeTextRequest = value.preview === undefined ? { type, url, text } : { type, url, text, preview: needBoolean(value.preview, `${type}.preview`) };
      if (value.whole !== undefined) {
        if (typeof value.whole !== 'string' || !FINGERPRINT.test(value.whole)) throw new MessageError(`${type}.whole must be a text fingerprint`);
        if (request.preview !== true) throw new MessageError(`${type}.whole goes only with preview`);
        request.whole = value.whole;
      }
      return request;
    },
    answer: answer<AnalyzedText>(),
  },
});

/** Where Lede runs and the work it does off the page, answered by the background. */
export type RuntimeRequest = RequestOf<typeof RUN_MESSAGES>;
