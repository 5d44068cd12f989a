// Lede's one message protocol. Every message is a request with a `type`; every request type has
// one response type (ResponseMap). Receivers run what arrives through receiveMessage(): the sender
// must be Lede itself, of a kind allowed to send that type (ALLOWED_SENDERS), and the message must
// pass parseMessage().
//
// Transport: webextension-polyfill everywhere. Listeners return a Promise; its value is the
// response and a rejection reaches the sender as an error. This module holds no extension API:
// callers pass the send function in, so it runs in Node tests too.

import type { Analysis, EntityType } from './analysis/types';
import type { Annotation } from './annotation-types';
import { backupPatchProblem, type BackupSettings, type BackupSettingsPatch } from './backup';
import type { PageNotes } from './page-notes';
import { isPageUrl } from './page-url';
import {
  AnnotationValidationError,
  parseAnnotation,
  parseAnnotationId,
  parseAnnotationPatch,
  parseSourceUrl,
  type AnnotationPatch,
} from './annotation-validation';
import type { ArticleSummary, EntitySummary, QuoteSummary } from './article-summary';
import type { EntityHistory } from './history';
import { isHighlightPrefs, isPrefsScope, type HighlightPrefs, type PrefsScope, type ResolvedPrefs } from './settings';
import { siteProblem, siteSwitchesProblem, type RunVerdict, type SiteSwitches } from './site-switch';
import type { SummaryAnswer } from './summary-service';
import { settingsPatchProblem, type UserSettings, type UserSettingsPatch } from './user-settings';

// ---- Requests ---------------------------------------------------------------------------------

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
/** Content script -> background: store this article's summary (never the full text). */
export interface ArticleAnalyzedRequest {
  type: 'articleAnalyzed';
  article: ArticleSummary;
}
/** Content script -> background: which types should this site show? */
export interface GetHighlightPrefsRequest {
  type: 'getHighlightPrefs';
  site: string;
}
/** Content script -> background: remember these preferences for this site or for all sites. */
export interface SaveHighlightPrefsRequest {
  type: 'saveHighlightPrefs';
  scope: PrefsScope;
  site: string;
  prefs: HighlightPrefs;
}

/** Popup -> content script: scroll the text span [start, end) into view and flash it. */
export interface RevealSpanRequest {
  type: 'revealSpan';
  start: number;
  end: number;
}

/** Popup -> content script: this page's notes, each with where it landed (reading order, orphans last). */
export interface GetPageNotesRequest {
  type: 'getPageNotes';
}
/** Popup -> content script: notes changed elsewhere (edit, delete, undo); reload them and repaint. */
export interface NotesChangedRequest {
  type: 'notesChanged';
}
/** Popup -> content script: move this note onto the reader's current selection in the article. */
export interface ReattachAnnotationRequest {
  type: 'reattachAnnotation';
  id: string;
}
/** Background (keyboard shortcut, context menu) -> content script: open the note editor on the selection. */
export interface StartNoteRequest {
  type: 'startNote';
}
export type NotesContentRequest = GetPageNotesRequest | NotesChangedRequest | ReattachAnnotationRequest | StartNoteRequest;

/** Background -> content scripts (every tab): the reader paused Lede or switched a site on or off. */
export interface SiteSwitchesChangedRequest {
  type: 'siteSwitchesChanged';
  switches: SiteSwitches;
}

export type ContentRequest =
  | GetAnalysisRequest
  | AnalyzeNowRequest
  | SetHighlightPrefsRequest
  | RevealSpanRequest
  | NotesContentRequest
  | SiteSwitchesChangedRequest;
/** Popup -> background: which other stored articles mention these entities (by canonical name)? */
export interface GetEntityHistoryRequest {
  type: 'getEntityHistory';
  names: readonly string[];
  /** The current article, left out of its own history. */
  excludeUrl: string;
}

export type BackgroundRequest =
  | ArticleAnalyzedRequest
  | GetHighlightPrefsRequest
  | SaveHighlightPrefsRequest
  | GetEntityHistoryRequest
  | SettingsRequest
  | AnnotationRequest
  | RuntimeRequest
  | BackupRequest;

/** Options page -> background: the automatic backup's frequency and when the notes were last exported. */
export interface GetBackupStatusRequest {
  type: 'getBackupStatus';
}
/** Options page -> background: back up daily, weekly or not at all (the page has asked for `downloads` first). */
export interface SaveBackupSettingsRequest {
  type: 'saveBackupSettings';
  settings: BackupSettingsPatch;
}
/** Options page -> background: write a backup to the downloads folder now. */
export interface BackupNowRequest {
  type: 'backupNow';
}
/** Library -> background: the reader exported every note as JSON-LD; it counts as the last backup. */
export interface RecordLibraryExportRequest {
  type: 'recordLibraryExport';
}
/** Automatic backups, answered by the background; only Lede's own pages may send them. */
export type BackupRequest = GetBackupStatusRequest | SaveBackupSettingsRequest | BackupNowRequest | RecordLibraryExportRequest;

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
}

/** Where Lede runs and the work it does off the page, answered by the background. */
export type RuntimeRequest = GetPageSetupRequest | GetSiteSwitchesRequest | SetPausedRequest | SetSiteEnabledRequest | AnalyzeTextRequest;

/** Content script -> background: create a note, or replace the one with this id. The background sets the times. */
export interface SaveAnnotationRequest {
  type: 'saveAnnotation';
  annotation: Annotation;
}
/** Popup or content script -> background: change a note's body, tags, colour or target (re-attach). */
export interface UpdateAnnotationRequest {
  type: 'updateAnnotation';
  id: string;
  patch: AnnotationPatch;
}
/** Popup -> background: delete a note; the answer is the deleted note, kept by the popup for undo. */
export interface DeleteAnnotationRequest {
  type: 'deleteAnnotation';
  id: string;
}
/** Popup -> background: undo a delete, putting the note back exactly as it was. */
export interface RestoreAnnotationRequest {
  type: 'restoreAnnotation';
  annotation: Annotation;
}
/** Content script -> background: the notes on one page (normalised URL), in stored reading order. */
export interface ListAnnotationsRequest {
  type: 'listAnnotations';
  source: string;
}

/**
 * Content script -> background: the key this page's notes are stored under, given the canonical
 * link the page claims. The background decides (lib/url.ts, with the public suffix list, which the
 * content script does not carry) for the page the browser reports as the sender: `url` is always
 * replaced by the sender's address (lib/sender-page.ts).
 */
export interface GetPageKeyRequest {
  type: 'getPageKey';
  url: string;
  canonical: string | null;
}

/** Personal notes, all answered by the background, which owns the database. */
export type AnnotationRequest =
  | SaveAnnotationRequest
  | UpdateAnnotationRequest
  | DeleteAnnotationRequest
  | RestoreAnnotationRequest
  | ListAnnotationsRequest
  | GetPageKeyRequest;
/** Options page -> background: the reader's settings (history, encyclopedia summaries). */
export interface GetSettingsRequest {
  type: 'getSettings';
}
/** Options page -> background: change some settings; the answer is all of them, as stored. */
export interface SaveSettingsRequest {
  type: 'saveSettings';
  settings: UserSettingsPatch;
}
/** Options page -> background: how many articles the reading history holds. */
export interface GetHistoryCountRequest {
  type: 'getHistoryCount';
}
/** Options page -> background: forget every remembered article. */
export interface ClearHistoryRequest {
  type: 'clearHistory';
}
/** Popup -> background: a short encyclopedia summary for an entity. Only `name` ever leaves the browser. */
export interface GetSummaryRequest {
  type: 'getSummary';
  name: string;
  entityType: EntityType;
}

/** Settings, reading-history housekeeping and encyclopedia summaries (all answered by the background). */
export type SettingsRequest =
  | GetSettingsRequest
  | SaveSettingsRequest
  | GetHistoryCountRequest
  | ClearHistoryRequest
  | GetSummaryRequest;
export type LedeRequest = ContentRequest | BackgroundRequest;
export type RequestType = LedeRequest['type'];

// ---- Responses --------------------------------------------------------------------------------

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

/** `stored` is false when the reader turned reading history off: nothing was kept. */
export interface StoredAck {
  stored: boolean;
}

export interface HistoryCount {
  count: number;
}

/** How many articles were forgotten. */
export interface HistoryCleared {
  cleared: number;
}

/** False when the span maps onto nothing on the page (nothing analysed, or the DOM moved on). */
export interface RevealAck {
  revealed: boolean;
}

/** One history per requested name, in request order; empty when history is off or cleared. */
export interface EntityHistoryResponse {
  histories: EntityHistory[];
}

/** The note as stored after the write. */
export interface AnnotationAnswer {
  annotation: Annotation;
}

export interface DeletedAnnotation {
  deleted: Annotation;
}

/** Ordered by the stored position (TextPositionSelector start). */
export interface AnnotationList {
  annotations: Annotation[];
}

/** `no-selection`: nothing in the article is selected, so the note stays where it was. */
export type ReattachAnswer = { status: 'reattached'; annotation: Annotation } | { status: 'no-selection' };

/** The answer to getPageKey: the page's notes key (Annotation.target.source). */
export interface PageKey {
  source: string;
}

/** The answer to getPageSetup. */
export interface PageSetup {
  prefs: ResolvedPrefs;
  verdict: RunVerdict;
}

/** The answer to analyzeText; `cached` when the background had this URL and text analysed already. */
export interface AnalyzedText {
  analysis: Analysis;
  cached: boolean;
}

export interface ResponseMap {
  getAnalysis: AnalysisReport;
  analyzeNow: AnalysisReport;
  setHighlightPrefs: ResolvedPrefs;
  revealSpan: RevealAck;
  articleAnalyzed: StoredAck;
  getHighlightPrefs: ResolvedPrefs;
  saveHighlightPrefs: ResolvedPrefs;
  getEntityHistory: EntityHistoryResponse;
  getSettings: UserSettings;
  saveSettings: UserSettings;
  getHistoryCount: HistoryCount;
  clearHistory: HistoryCleared;
  getSummary: SummaryAnswer;
  getPageNotes: PageNotes;
  notesChanged: { ok: true };
  reattachAnnotation: ReattachAnswer;
  startNote: { ok: boolean };
  saveAnnotation: AnnotationAnswer;
  updateAnnotation: AnnotationAnswer;
  deleteAnnotation: DeletedAnnotation;
  restoreAnnotation: AnnotationAnswer;
  listAnnotations: AnnotationList;
  getPageKey: PageKey;
  siteSwitchesChanged: { ok: true };
  getPageSetup: PageSetup;
  getSiteSwitches: SiteSwitches;
  setPaused: SiteSwitches;
  setSiteEnabled: SiteSwitches;
  analyzeText: AnalyzedText;
  getBackupStatus: BackupSettings;
  saveBackupSettings: BackupSettings;
  backupNow: BackupSettings;
  recordLibraryExport: BackupSettings;
}

export type ResponseFor<R extends LedeRequest> = ResponseMap[R['type']];

// ---- Validation -------------------------------------------------------------------------------

export class MessageError extends Error {
  override name = 'MessageError';
}

type Fields = Record<string, unknown>;

/** Returns the request, typed, or throws a MessageError that says what is wrong with it. */
export function parseMessage(value: unknown): LedeRequest {
  if (!isRecord(value)) throw new MessageError('Lede message must be an object');
  const type = value.type;
  switch (type) {
    case 'getAnalysis':
    case 'analyzeNow':
      onlyKeys(value, ['type']);
      return { type };
    case 'setHighlightPrefs': {
      onlyKeys(value, ['type', 'prefs', 'scope']);
      const prefs = needPrefs(value.prefs, type);
      if (value.scope === undefined) return { type, prefs };
      return { type, prefs, scope: needScope(value.scope, type) };
    }
    case 'getPageNotes':
    case 'notesChanged':
    case 'startNote':
      onlyKeys(value, ['type']);
      return { type };
    case 'reattachAnnotation':
      onlyKeys(value, ['type', 'id']);
      return { type, id: annotationField(() => parseAnnotationId(value.id, `${type}.id`)) };
    case 'revealSpan': {
      onlyKeys(value, ['type', 'start', 'end']);
      const start = needOffset(value.start, `${type}.start`);
      const end = needOffset(value.end, `${type}.end`);
      if (start >= end) throw new MessageError(`${type}: start must be less than end`);
      return { type, start, end };
    }
    case 'articleAnalyzed':
      onlyKeys(value, ['type', 'article']);
      return { type, article: needArticle(value.article) };
    case 'getHighlightPrefs':
      onlyKeys(value, ['type', 'site']);
      return { type, site: needBounded(value.site, `${type}.site`, MESSAGE_LIMITS.site) };
    case 'saveHighlightPrefs':
      onlyKeys(value, ['type', 'scope', 'site', 'prefs']);
      return {
        type,
        scope: needScope(value.scope, type),
        site: needBounded(value.site, `${type}.site`, MESSAGE_LIMITS.site),
        prefs: needPrefs(value.prefs, type),
      };
    case 'getEntityHistory': {
      onlyKeys(value, ['type', 'names', 'excludeUrl']);
      if (!Array.isArray(value.names)) throw new MessageError(`${type}.names must be an array`);
      // Counted before anything else is read: each name costs the background an index lookup.
      if (value.names.length > MESSAGE_LIMITS.historyNames) {
        throw new MessageError(`${type}.names has more than ${MESSAGE_LIMITS.historyNames} names`);
      }
      const names = value.names.map((name, i) => needBounded(name, `${type}.names[${i}]`, MAX_SUMMARY_NAME_LENGTH));
      return { type, names, excludeUrl: needBounded(value.excludeUrl, `${type}.excludeUrl`, MESSAGE_LIMITS.url) };
    }
    case 'getSettings':
    case 'getHistoryCount':
    case 'clearHistory':
      onlyKeys(value, ['type']);
      return { type };
    case 'saveSettings': {
      onlyKeys(value, ['type', 'settings']);
      const problem = settingsPatchProblem(value.settings);
      if (problem) throw new MessageError(`${type}.settings ${problem}`);
      return { type, settings: { ...(value.settings as UserSettingsPatch) } };
    }
    case 'getSummary':
      onlyKeys(value, ['type', 'name', 'entityType']);
      return { type, name: needEntityName(value.name, `${type}.name`), entityType: needEntityType(value.entityType, `${type}.entityType`) };
    case 'saveAnnotation': {
      onlyKeys(value, ['type', 'annotation']);
      const annotation = annotationField(() => parseAnnotation(value.annotation, `${type}.annotation`));
      needNoteBody(annotation.body, `${type}.annotation.body`);
      return { type, annotation };
    }
    // Undo of a delete puts back exactly what was stored, imported notes too: the stored limits only.
    case 'restoreAnnotation':
      onlyKeys(value, ['type', 'annotation']);
      return { type, annotation: annotationField(() => parseAnnotation(value.annotation, `${type}.annotation`)) };
    case 'updateAnnotation': {
      onlyKeys(value, ['type', 'id', 'patch']);
      const patch = annotationField(() => parseAnnotationPatch(value.patch, `${type}.patch`));
      if (patch.body !== undefined) needNoteBody(patch.body, `${type}.patch.body`);
      return { type, id: annotationField(() => parseAnnotationId(value.id, `${type}.id`)), patch };
    }
    case 'deleteAnnotation':
      onlyKeys(value, ['type', 'id']);
      return { type, id: annotationField(() => parseAnnotationId(value.id, `${type}.id`)) };
    case 'siteSwitchesChanged': {
      onlyKeys(value, ['type', 'switches']);
      const problem = siteSwitchesProblem(value.switches);
      if (problem) throw new MessageError(`${type}.switches ${problem}`);
      const switches = value.switches as SiteSwitches;
      return { type, switches: { paused: switches.paused, offSites: [...switches.offSites] } };
    }
    case 'getPageSetup':
      onlyKeys(value, ['type', 'site']);
      return { type, site: needBounded(value.site, `${type}.site`, MESSAGE_LIMITS.site) };
    case 'getSiteSwitches':
      onlyKeys(value, ['type']);
      return { type };
    case 'setPaused':
      onlyKeys(value, ['type', 'paused']);
      return { type, paused: needBoolean(value.paused, `${type}.paused`) };
    case 'setSiteEnabled':
      onlyKeys(value, ['type', 'site', 'enabled']);
      return { type, site: needSite(value.site, `${type}.site`), enabled: needBoolean(value.enabled, `${type}.enabled`) };
    case 'analyzeText': {
      onlyKeys(value, ['type', 'url', 'text', 'preview']);
      const text = needBounded(value.text, `${type}.text`, MAX_ANALYZE_TEXT_LENGTH);
      if (longestParagraph(text) > MESSAGE_LIMITS.analyzeParagraph) {
        throw new MessageError(`${type}.text has a paragraph longer than ${MESSAGE_LIMITS.analyzeParagraph} characters`);
      }
      const url = needBounded(value.url, `${type}.url`, MESSAGE_LIMITS.url);
      return value.preview === undefined ? { type, url, text } : { type, url, text, preview: needBoolean(value.preview, `${type}.preview`) };
    }
    case 'listAnnotations':
      onlyKeys(value, ['type', 'source']);
      return { type, source: annotationField(() => parseSourceUrl(value.source, `${type}.source`)) };
    case 'getPageKey':
      onlyKeys(value, ['type', 'url', 'canonical']);
      return {
        type,
        url: needBounded(value.url, `${type}.url`, MESSAGE_LIMITS.url),
        canonical: value.canonical === null ? null : needBounded(value.canonical, `${type}.canonical`, MESSAGE_LIMITS.url),
      };
    case 'getBackupStatus':
    case 'backupNow':
    case 'recordLibraryExport':
      onlyKeys(value, ['type']);
      return { type };
    case 'saveBackupSettings': {
      onlyKeys(value, ['type', 'settings']);
      const problem = backupPatchProblem(value.settings);
      if (problem) throw new MessageError(`${type}.settings ${problem}`);
      return { type, settings: { frequency: (value.settings as BackupSettingsPatch).frequency } };
    }
    default:
      // Not JSON.stringify on anything but a string: Firefox delivers messages by structured
      // clone, so `type` may be a BigInt or a cyclic object, which would throw a TypeError here.
      throw new MessageError(`Unknown Lede message type: ${typeof type === 'string' ? JSON.stringify(type) : typeof type}`);
  }
}

/** Annotation fields are checked by lib/annotation-validation; its errors reach the sender as MessageErrors. */
function annotationField<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof AnnotationValidationError) throw new MessageError(error.message);
    throw error;
  }
}

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(value: Fields, allowed: readonly string[]): void {
  const extra = Object.keys(value).filter((key) => !allowed.includes(key));
  if (extra.length > 0) throw new MessageError(`${String(value.type)}: unexpected field(s) ${extra.join(', ')}`);
}

function needString(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new MessageError(`${where} must be a string`);
  return value;
}

function needBoolean(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean') throw new MessageError(`${where} must be a boolean`);
  return value;
}

function needSite(value: unknown, where: string): string {
  const problem = siteProblem(value);
  if (problem) throw new MessageError(`${where} ${problem}`);
  return value as string;
}

/**
 * Longest text analyzeText accepts: the 5 MB stress page's article is 5.1M characters, the longest
 * real news page in the fixtures 49k. The background analyses long texts in blocks (yielding between
 * them), so even this much never holds up other tabs' messages.
 */
export const MAX_ANALYZE_TEXT_LENGTH = 8_000_000;

/**
 * What one message may carry. Far above any real page (every fixture news page and the stress
 * pages were measured: at most 100 entities and 60 quotes on a real page; 19,601 quotes on the 5 MB
 * stress page, one quote of 194k characters on the one-line page), and low enough that one message
 * can neither fill the database nor hold the background for long. Over a limit, the message is
 * refused with a MessageError that names the field; nothing is written.
 */
export const MESSAGE_LIMITS = {
  /**
   * analyzeText: the longest stretch without a blank line. The background analyses long texts
   * paragraph block by paragraph block, so this bounds the longest step it takes without
   * answering anyone else (the one-line stress page is one paragraph of 200k characters).
   */
  analyzeParagraph: 250_000,
  /** getEntityHistory: names per request (the popup asks about every entity on its page at once). */
  historyNames: 2_000,
  /** Any page address in a message (excludeUrl, analyzeText.url, an article's url). */
  url: 8_192,
  /** A site name (host) or an article's site label. */
  site: 500,
  title: 2_000,
  /** articleAnalyzed: entities and quotes of one article. */
  articleEntities: 10_000,
  articleQuotes: 50_000,
  /** All of one article's quoted words together: no more than the text analyzeText accepts. */
  articleQuoteChars: MAX_ANALYZE_TEXT_LENGTH,
  entityDescription: 2_000,
  entityRole: 500,
  /** A note's body as written in the editor (about 15,000 words); imported notes may hold more. */
  noteBody: 100_000,
} as const;

function needBounded(value: unknown, where: string, max: number): string {
  const text = needString(value, where);
  if (text.length > max) throw new MessageError(`${where} is longer than ${max} characters`);
  return text;
}

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

/** A note body from the editor, the popup or the library; longer ones only come back by undo (restoreAnnotation). */
function needNoteBody(body: string, where: string): void {
  if (body.length > MESSAGE_LIMITS.noteBody) throw new MessageError(`${where} is longer than ${MESSAGE_LIMITS.noteBody} characters`);
}

/** A text offset: a whole number, zero or more. */
function needOffset(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new MessageError(`${where} must be a whole number, zero or more`);
  }
  return value;
}

/** Longest name getSummary sends out: names are short, and this keeps page text from leaving as a "name". */
export const MAX_SUMMARY_NAME_LENGTH = 200;

function needEntityName(value: unknown, where: string): string {
  const name = needString(value, where);
  if (name.trim() === '') throw new MessageError(`${where} must not be empty`);
  if (name.length > MAX_SUMMARY_NAME_LENGTH) throw new MessageError(`${where} is longer than ${MAX_SUMMARY_NAME_LENGTH} characters`);
  return name;
}

function needEntityType(value: unknown, where: string): EntityType {
  if (value !== 'person' && value !== 'place' && value !== 'organization') {
    throw new MessageError(`${where} must be person, place or organization`);
  }
  return value;
}

function needPrefs(value: unknown, where: string): HighlightPrefs {
  if (!isHighlightPrefs(value)) {
    throw new MessageError(`${where}.prefs must have exactly person, place, organization and quote as booleans`);
  }
  return { ...value };
}

function needScope(value: unknown, where: string): PrefsScope {
  if (!isPrefsScope(value)) throw new MessageError(`${where}.scope must be "global" or "site"`);
  return value;
}

function needArticle(value: unknown): ArticleSummary {
  if (!isRecord(value)) throw new MessageError('articleAnalyzed.article must be an object');
  if (!Array.isArray(value.entities)) throw new MessageError('articleAnalyzed.article.entities must be an array');
  if (!Array.isArray(value.quotes)) throw new MessageError('articleAnalyzed.article.quotes must be an array');
  if (value.entities.length > MESSAGE_LIMITS.articleEntities) {
    throw new MessageError(`articleAnalyzed.article.entities has more than ${MESSAGE_LIMITS.articleEntities} entities`);
  }
  if (value.quotes.length > MESSAGE_LIMITS.articleQuotes) {
    throw new MessageError(`articleAnalyzed.article.quotes has more than ${MESSAGE_LIMITS.articleQuotes} quotes`);
  }
  const url = needBounded(value.url, 'articleAnalyzed.article.url', MESSAGE_LIMITS.url);
  // Shown as a link under "Also in N articles": only a page's own address.
  if (!isPageUrl(url)) throw new MessageError('articleAnalyzed.article.url must be an http, https or file URL');
  const quotes = value.quotes.map((quote, i) => needQuote(quote, `articleAnalyzed.article.quotes[${i}]`));
  const quoteChars = quotes.reduce((sum, quote) => sum + quote.text.length, 0);
  if (quoteChars > MESSAGE_LIMITS.articleQuoteChars) {
    throw new MessageError(`articleAnalyzed.article.quotes hold more than ${MESSAGE_LIMITS.articleQuoteChars} characters`);
  }
  return {
    url,
    title: needBounded(value.title, 'articleAnalyzed.article.title', MESSAGE_LIMITS.title),
    site: needBounded(value.site, 'articleAnalyzed.article.site', MESSAGE_LIMITS.site),
    entities: value.entities.map((entity, i) => needEntity(entity, `articleAnalyzed.article.entities[${i}]`)),
    quotes,
  };
}

function needEntity(value: unknown, where: string): EntitySummary {
  if (!isRecord(value)) throw new MessageError(`${where} must be an object`);
  const type = value.type;
  if (type !== 'person' && type !== 'place' && type !== 'organization') {
    throw new MessageError(`${where}.type must be person, place or organization`);
  }
  const mentions = value.mentions;
  if (typeof mentions !== 'number' || !Number.isInteger(mentions) || mentions < 0) {
    throw new MessageError(`${where}.mentions must be a whole number`);
  }
  const entity: EntitySummary = { type, name: needBounded(value.name, `${where}.name`, MAX_SUMMARY_NAME_LENGTH), mentions };
  if (value.role !== undefined) entity.role = needBounded(value.role, `${where}.role`, MESSAGE_LIMITS.entityRole);
  if (value.description !== undefined) {
    entity.description = needBounded(value.description, `${where}.description`, MESSAGE_LIMITS.entityDescription);
  }
  return entity;
}

function needQuote(value: unknown, where: string): QuoteSummary {
  if (!isRecord(value)) throw new MessageError(`${where} must be an object`);
  if (value.kind !== 'direct' && value.kind !== 'reported') {
    throw new MessageError(`${where}.kind must be direct or reported`);
  }
  const speaker = value.speaker === null ? null : needBounded(value.speaker, `${where}.speaker`, MAX_SUMMARY_NAME_LENGTH);
  return { text: needString(value.text, `${where}.text`), kind: value.kind, speaker };
}

// ---- Sending and receiving --------------------------------------------------------------------

/** How a message leaves: e.g. `(m) => browser.runtime.sendMessage(m)` or `(m) => browser.tabs.sendMessage(tabId, m)`. */
export type Transport = (message: LedeRequest) => Promise<unknown>;

/** Send a request and get its response typed by the protocol. */
export async function sendRequest<R extends LedeRequest>(send: Transport, message: R): Promise<ResponseFor<R>> {
  return (await send(message)) as ResponseFor<R>;
}

/**
 * One handler per request type a context answers. `from` says which Lede context sent it, and for
 * a content script which page (receiveMessage always passes it; absent on a direct in-process
 * call, which is trusted).
 */
export type Handlers<R extends LedeRequest> = {
  [K in R['type']]: (request: Extract<R, { type: K }>, from?: Sender) => Promise<ResponseMap[K]>;
};

/** Only Lede's own contexts (content scripts, popup, background) may talk to Lede. */
export function isFromLede(sender: { id?: string } | undefined, runtimeId: string): boolean {
  return typeof sender?.id === 'string' && sender.id === runtimeId;
}

/**
 * Validates and dispatches a message from a sender already known to be a Lede extension page
 * (or a test standing in for one). Entrypoints use receiveMessage, which also works out and
 * checks the sender's context; this is its trusted core. Rejects (so the sender sees an error) on
 * a foreign sender, a malformed message, or a type this context does not answer.
 */
export async function handleIncoming<R extends LedeRequest>(
  raw: unknown,
  sender: { id?: string } | undefined,
  runtimeId: string,
  handlers: Handlers<R>,
): Promise<unknown> {
  if (!isFromLede(sender, runtimeId)) throw new MessageError('Lede ignores messages from outside the extension');
  return dispatch(parseMessage(raw), { context: 'extension-page' }, handlers);
}

function dispatch<R extends LedeRequest>(request: LedeRequest, from: Sender, handlers: Handlers<R>): Promise<unknown> {
  const handler = (handlers as Partial<Record<RequestType, (request: LedeRequest, from: Sender) => Promise<unknown>>>)[request.type];
  if (!handler) throw new MessageError(`${request.type} is not handled here`);
  return handler(request, from);
}

// ---- Who may send what ------------------------------------------------------------------------

/**
 * The two kinds of Lede context that send messages. A content script runs inside a web page's
 * renderer, so it is the less trusted one: a compromised page process could make it send anything.
 * - extension-page: the popup, library, options page or the background (their URL is the extension's own);
 * - content-script: Lede's script in a web page's tab.
 */
export type SenderContext = 'extension-page' | 'content-script';

/**
 * Who sent a request. A content script's page is what the browser reports as the sender's URL
 * (runtime.MessageSender.url: the sending frame's address, in Chrome MV3 and Firefox MV2), never
 * what its message says.
 */
export type Sender = { context: 'extension-page' } | { context: 'content-script'; pageUrl: string };

/** The fields of runtime.MessageSender that Lede reads. */
export interface MessageSenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
}

/** Lede's own identity, from the runtime: its id and its pages' origin (`runtime.getURL('')`). */
export interface LedeIdentity {
  runtimeId: string;
  /** e.g. `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionOrigin: string;
}

/**
 * Which of Lede's contexts sent a message, or null for anything else (another extension, a web
 * page, a sender with no URL). A content script's sender URL is the page's, with a tab; an
 * extension page's (tab or not) and the background's are under the extension's origin.
 */
export function senderContextOf(sender: MessageSenderInfo | undefined, self: LedeIdentity): SenderContext | null {
  if (!isFromLede(sender, self.runtimeId) || typeof sender?.url !== 'string') return null;
  if (self.extensionOrigin !== '' && sender.url.startsWith(self.extensionOrigin)) return 'extension-page';
  return sender.tab ? 'content-script' : null;
}

/** senderContextOf, with a content script's page address. */
export function senderOf(sender: MessageSenderInfo | undefined, self: LedeIdentity): Sender | null {
  const context = senderContextOf(sender, self);
  if (context === 'content-script') return { context, pageUrl: sender!.url! };
  return context === null ? null : { context };
}

/**
 * Where each request may come from. Every request type must be listed (the compiler checks it):
 * a new type decides here whether a web page's content script may send it. Requests to the content
 * script only ever come from extension pages and the background. Content scripts get what the
 * in-page UI needs and no more: no delete, restore, settings changes or history housekeeping.
 */
export const ALLOWED_SENDERS: Readonly<Record<RequestType, readonly SenderContext[]>> = {
  // To the content script.
  getAnalysis: ['extension-page'],
  analyzeNow: ['extension-page'],
  setHighlightPrefs: ['extension-page'],
  revealSpan: ['extension-page'],
  getPageNotes: ['extension-page'],
  notesChanged: ['extension-page'],
  reattachAnnotation: ['extension-page'],
  startNote: ['extension-page'],
  // To the background.
  articleAnalyzed: ['content-script'],
  getHighlightPrefs: ['content-script', 'extension-page'],
  saveHighlightPrefs: ['content-script', 'extension-page'],
  // The reading history is for Lede's own pages only: the in-page hover card shows none of it (a
  // page can measure the card), so a content script has no reason to ask.
  getEntityHistory: ['extension-page'],
  getSettings: ['content-script', 'extension-page'],
  saveSettings: ['extension-page'],
  getHistoryCount: ['extension-page'],
  clearHistory: ['extension-page'],
  getSummary: ['content-script', 'extension-page'],
  // A content script creates notes (never replaces one: see the background) and re-attaches them.
  saveAnnotation: ['content-script', 'extension-page'],
  updateAnnotation: ['content-script', 'extension-page'],
  deleteAnnotation: ['extension-page'],
  restoreAnnotation: ['extension-page'],
  listAnnotations: ['content-script', 'extension-page'],
  getPageKey: ['content-script'],
  // Where Lede runs: the background tells every tab; only Lede's pages change the switches.
  siteSwitchesChanged: ['extension-page'],
  getPageSetup: ['content-script', 'extension-page'],
  getSiteSwitches: ['extension-page'],
  setPaused: ['extension-page'],
  setSiteEnabled: ['extension-page'],
  analyzeText: ['content-script', 'extension-page'],
  // Automatic backups: the options page and the library only.
  getBackupStatus: ['extension-page'],
  saveBackupSettings: ['extension-page'],
  backupNow: ['extension-page'],
  recordLibraryExport: ['extension-page'],
};

/** Why `from` may not send this request, or null when it may. */
export function senderProblem(request: LedeRequest, from: SenderContext): string | null {
  if (!ALLOWED_SENDERS[request.type].includes(from)) return `${request.type} may not come from a ${from}`;
  // Re-attaching is the one change a content script makes to a stored note: its target only.
  if (from === 'content-script' && request.type === 'updateAnnotation') {
    const fields = Object.keys(request.patch).filter((key) => key !== 'target');
    if (fields.length > 0) return `updateAnnotation from a content-script may change only the target, not ${fields.join(', ')}`;
  }
  return null;
}

/**
 * How a receiver holds a content script to its own page: the background passes lib/sender-page.ts's
 * SENDER_PAGE_RULES. They are passed in rather than imported so that the content script, which
 * takes no message from a content script, does not carry the public suffix list they need.
 */
export interface PageRules {
  /** Why a content script on `pageUrl` may not send this request, or null when it may. */
  problem(request: LedeRequest, pageUrl: string): string | null;
  /** The request with the page it concerns taken from the sender. */
  scope(request: LedeRequest, pageUrl: string): LedeRequest;
}

/** For a receiver that takes no message from any content script (the content script's own listener). */
export const NO_CONTENT_SCRIPT_SENDERS: PageRules = {
  problem: (request) => `${request.type} may not come from a content-script here`,
  scope: (request) => request,
};

/**
 * The body of every onMessage listener: the sender must be Lede, of a kind allowed to send this
 * type; the message must be valid; a content script's message may concern only its own page
 * (`pageRules`: checked, or the page filled in from the sender); then it goes to the handler for
 * its type. Rejects (the sender sees an error) otherwise.
 */
export async function receiveMessage<R extends LedeRequest>(
  raw: unknown,
  sender: MessageSenderInfo | undefined,
  self: LedeIdentity,
  handlers: Handlers<R>,
  pageRules: PageRules,
): Promise<unknown> {
  const from = senderOf(sender, self);
  if (!from) throw new MessageError('Lede ignores messages from outside the extension');
  const request = parseMessage(raw);
  const problem = senderProblem(request, from.context) ?? (from.context === 'content-script' ? pageRules.problem(request, from.pageUrl) : null);
  if (problem) throw new MessageError(problem);
  return dispatch(from.context === 'content-script' ? pageRules.scope(request, from.pageUrl) : request, from, handlers);
}
