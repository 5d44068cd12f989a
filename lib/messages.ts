// Lede's one message protocol. Every message is a request with a `type`; every request type has
// one response type (ResponseMap). Receivers run what arrives through parseMessage() and check
// the sender with isFromLede() before acting (handleIncoming does both).
//
// Transport: webextension-polyfill everywhere. Listeners return a Promise; its value is the
// response and a rejection reaches the sender as an error. This module holds no extension API:
// callers pass the send function in, so it runs in Node tests too.

import type { Analysis, EntityType } from './analysis/types';
import type { Annotation } from './annotation-types';
import type { PageNotes } from './page-notes';
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

export type ContentRequest = GetAnalysisRequest | AnalyzeNowRequest | SetHighlightPrefsRequest | RevealSpanRequest | NotesContentRequest;
/** Popup -> background: which other stored articles mention these entities (by canonical name)? */
export interface GetEntityHistoryRequest {
  type: 'getEntityHistory';
  names: readonly string[];
  /** The current article, left out of its own history. */
  excludeUrl: string;
}

export type BackgroundRequest = ArticleAnalyzedRequest | GetHighlightPrefsRequest | SaveHighlightPrefsRequest | GetEntityHistoryRequest | SettingsRequest | AnnotationRequest;

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

/** Personal notes (issue 4), all answered by the background, which owns the database. */
export type AnnotationRequest =
  | SaveAnnotationRequest
  | UpdateAnnotationRequest
  | DeleteAnnotationRequest
  | RestoreAnnotationRequest
  | ListAnnotationsRequest;
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
      return { type, site: needString(value.site, `${type}.site`) };
    case 'saveHighlightPrefs':
      onlyKeys(value, ['type', 'scope', 'site', 'prefs']);
      return {
        type,
        scope: needScope(value.scope, type),
        site: needString(value.site, `${type}.site`),
        prefs: needPrefs(value.prefs, type),
      };
    case 'getEntityHistory': {
      onlyKeys(value, ['type', 'names', 'excludeUrl']);
      if (!Array.isArray(value.names)) throw new MessageError(`${type}.names must be an array`);
      const names = value.names.map((name, i) => needString(name, `${type}.names[${i}]`));
      return { type, names, excludeUrl: needString(value.excludeUrl, `${type}.excludeUrl`) };
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
    case 'saveAnnotation':
    case 'restoreAnnotation':
      onlyKeys(value, ['type', 'annotation']);
      return { type, annotation: annotationField(() => parseAnnotation(value.annotation, `${type}.annotation`)) };
    case 'updateAnnotation':
      onlyKeys(value, ['type', 'id', 'patch']);
      return {
        type,
        id: annotationField(() => parseAnnotationId(value.id, `${type}.id`)),
        patch: annotationField(() => parseAnnotationPatch(value.patch, `${type}.patch`)),
      };
    case 'deleteAnnotation':
      onlyKeys(value, ['type', 'id']);
      return { type, id: annotationField(() => parseAnnotationId(value.id, `${type}.id`)) };
    case 'listAnnotations':
      onlyKeys(value, ['type', 'source']);
      return { type, source: annotationField(() => parseSourceUrl(value.source, `${type}.source`)) };
    default:
      throw new MessageError(`Unknown Lede message type: ${JSON.stringify(type)}`);
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
  return {
    url: needString(value.url, 'articleAnalyzed.article.url'),
    title: needString(value.title, 'articleAnalyzed.article.title'),
    site: needString(value.site, 'articleAnalyzed.article.site'),
    entities: value.entities.map((entity, i) => needEntity(entity, `articleAnalyzed.article.entities[${i}]`)),
    quotes: value.quotes.map((quote, i) => needQuote(quote, `articleAnalyzed.article.quotes[${i}]`)),
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
  const entity: EntitySummary = { type, name: needString(value.name, `${where}.name`), mentions };
  if (value.role !== undefined) entity.role = needString(value.role, `${where}.role`);
  if (value.description !== undefined) entity.description = needString(value.description, `${where}.description`);
  return entity;
}

function needQuote(value: unknown, where: string): QuoteSummary {
  if (!isRecord(value)) throw new MessageError(`${where} must be an object`);
  if (value.kind !== 'direct' && value.kind !== 'reported') {
    throw new MessageError(`${where}.kind must be direct or reported`);
  }
  const speaker = value.speaker === null ? null : needString(value.speaker, `${where}.speaker`);
  return { text: needString(value.text, `${where}.text`), kind: value.kind, speaker };
}

// ---- Sending and receiving --------------------------------------------------------------------

/** How a message leaves: e.g. `(m) => browser.runtime.sendMessage(m)` or `(m) => browser.tabs.sendMessage(tabId, m)`. */
export type Transport = (message: LedeRequest) => Promise<unknown>;

/** Send a request and get its response typed by the protocol. */
export async function sendRequest<R extends LedeRequest>(send: Transport, message: R): Promise<ResponseFor<R>> {
  return (await send(message)) as ResponseFor<R>;
}

/** One handler per request type a context answers. */
export type Handlers<R extends LedeRequest> = {
  [K in R['type']]: (request: Extract<R, { type: K }>) => Promise<ResponseMap[K]>;
};

/** Only Lede's own contexts (content scripts, popup, background) may talk to Lede. */
export function isFromLede(sender: { id?: string } | undefined, runtimeId: string): boolean {
  return typeof sender?.id === 'string' && sender.id === runtimeId;
}

/**
 * The body of every onMessage listener: check the sender, validate, dispatch to the handler for
 * that type. Rejects (so the sender sees an error) on a foreign sender, a malformed message, or a
 * type this context does not answer.
 */
export async function handleIncoming<R extends LedeRequest>(
  raw: unknown,
  sender: { id?: string } | undefined,
  runtimeId: string,
  handlers: Handlers<R>,
): Promise<unknown> {
  if (!isFromLede(sender, runtimeId)) throw new MessageError('Lede ignores messages from outside the extension');
  const request = parseMessage(raw);
  const handler = (handlers as Partial<Record<RequestType, (request: LedeRequest) => Promise<unknown>>>)[request.type];
  if (!handler) throw new MessageError(`${request.type} is not handled here`);
  return handler(request);
}
