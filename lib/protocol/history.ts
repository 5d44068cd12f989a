// The reading history and encyclopedia summaries, answered by the background: a content script
// reports the article it analysed; Lede's pages ask which other articles mention an entity, count
// or clear the history, and ask for an entity's summary.

import type { EntityType, QuoteKind } from '../analysis/types';
import { isPublishedDate, type ArticleSummary, type EntitySummary, type QuoteSummary } from '../cards/article-summary';
import { isPageUrl } from '../shared/page-address';
import { parseEntityKey } from '../cards/entity-key';
import { isRecord } from '../shared/is-record';
import { FIELD_LIMITS, MAX_SUMMARY_NAME_LENGTH, MessageError, needBounded, needOffset, needString } from './fields';
import { MAX_ANALYZE_TEXT_LENGTH } from './run';
import { answer, messageTable, type RequestOf } from './spec';

/** Newest matching articles an entity page reads in full at first; "Show more" asks for this many more. */
export const ENTITY_PAGE_WINDOW = 100;
/** The most articles an entity page asks to be read in full at once. */
const MAX_ENTITY_PAGE_LIMIT = 100_000;

/** Content script -> background: store this article's summary (never the full text). */
export interface ArticleAnalyzedRequest {
  type: 'articleAnalyzed';
  article: ArticleSummary;
}
/** Popup -> background: which other stored articles mention these entities (by canonical name)? */
export interface GetEntityHistoryRequest {
  type: 'getEntityHistory';
  names: readonly string[];
  /** The current article, left out of its own history. */
  excludeUrl: string;
}
/** Library -> background: everything the reader has read about one entity (its page in the library). */
export interface GetEntityPageRequest {
  type: 'getEntityPage';
  /** lib/cards/entity-key.ts: `${type}:${folded name}`. */
  key: string;
  /** How many of the newest matching articles to read in full (ENTITY_PAGE_WINDOW when absent): "Show more" asks for more. */
  limit?: number;
}
/** Content script (the hover card's "All about X") -> background: open the library at this entity's page. */
export interface OpenEntityPageRequest {
  type: 'openEntityPage';
  key: string;
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

/** Another article the reader has seen that mentions the entity. */
export interface HistoryArticle {
  url: string;
  title: string;
  site: string;
  /** When the reader last opened it (ms since epoch). */
  seenAt: number;
  /** The name that article used (may differ: "John F. Kerry" for "John Kerry"). */
  name: string;
  /** That article's own description and role of the entity, when it gave one. */
  description?: string;
  role?: string;
}

export interface EntityHistory {
  /** The name asked about. */
  name: string;
  /** How many other articles mention it; `articles` holds at most HISTORY_LIMIT of them. */
  total: number;
  /** Most recently seen first. */
  articles: HistoryArticle[];
}

/** One history per requested name, in request order; empty when history is off or cleared. */
export interface EntityHistoryResponse {
  histories: EntityHistory[];
}

/** An article that mentions the entity. */
export interface EntityArticle {
  url: string;
  title: string;
  site: string;
  seenAt: number;
  /** The name that article used. */
  name: string;
  mentions: number;
}

/** Where something was said: the article and when the reader read it. */
export interface EntitySource {
  url: string;
  title: string;
  site: string;
  seenAt: number;
}

/** One way the press has described the entity, given once however many articles gave it. */
export interface EntityDescription {
  text: string;
  /** A description ("the former senator") or a role ("Secretary of State"). */
  kind: 'description' | 'role';
  /** The first article (by reading time) that gave it. */
  first: EntitySource;
  /** The last article that gave it (the same as `first` when one did). */
  last: EntitySource;
  /** How many articles gave it. */
  count: number;
}

/** A quote of theirs (the page links to its words: quotationLink in lib/notes/quote-link.ts). */
export interface EntityQuote {
  text: string;
  kind: QuoteKind;
  source: EntitySource;
}

/** One of the reader's notes that mentions the entity. */
export interface EntityNote {
  id: string;
  exact: string;
  body: string;
  tags: string[];
  modified: string;
  /** The article, at the address the note is kept under. */
  source: EntitySource;
}

/** The answer to getEntityPage; lists newest first. */
export interface EntityPageData {
  key: string;
  type: EntityType;
  /** The name to show: the fullest the articles used. */
  name: string;
  /** Every name the articles used for it. */
  names: string[];
  /** False when reading history is off: no articles, descriptions or quotes are shown. */
  historyOn: boolean;
  /** How many stored articles mention it (all of them, however many `articles` lists). */
  totalArticles: number;
  /** True when `articles` lists every one of them; else the newest, and descriptions and quotes come from those. */
  complete: boolean;
  articles: EntityArticle[];
  descriptions: EntityDescription[];
  quotes: EntityQuote[];
  notes: EntityNote[];
}

export interface FoundSummary {
  status: 'found';
  /** The page's title, e.g. "John Kerry". */
  title: string;
  /** The first sentences of the page's lead, at most MAX_EXTRACT_CHARS. Plain text. */
  extract: string;
  /** The page itself, for the "Wikipedia" source link. */
  url: string;
}

export interface AmbiguousSummary {
  status: 'ambiguous';
  /** The disambiguation page, which lists the pages that match. */
  url: string;
}

export interface MissingSummary {
  status: 'missing';
}

/** An answer worth caching: the encyclopedia said something definite about the name. */
export type SummaryResult = FoundSummary | AmbiguousSummary | MissingSummary;

export interface SummaryError {
  status: 'error';
  message: string;
}

/** The answer to getSummary (lib/background/summary-service.ts). */
export type SummaryAnswer =
  | (SummaryResult & { cached: boolean })
  | { status: 'disabled' }
  | { status: 'permission-needed' }
  | SummaryError;

export type SummaryAnswerStatus = SummaryAnswer['status'];

const ARTICLE_LIMITS = {
  /** articleAnalyzed: entities and quotes of one article. */
  articleEntities: 10_000,
  articleQuotes: 50_000,
  /** All of one article's quoted words together: no more than the text analyzeText accepts. */
  articleQuoteChars: MAX_ANALYZE_TEXT_LENGTH,
  entityDescription: 2_000,
  entityRole: 500,
} as const;

const HISTORY_LIMITS = {
  /** getEntityHistory: names per request (the popup asks about every entity on its page at once). */
  historyNames: 2_000,
} as const;

function needEntityName(value: unknown, where: string): string {
  const name = needString(value, where);
  if (name.trim() === '') throw new MessageError(`${where} must not be empty`);
  if (name.length > MAX_SUMMARY_NAME_LENGTH) throw new MessageError(`${where} is longer than ${MAX_SUMMARY_NAME_LENGTH} characters`);
  return name;
}

function needEntityKey(value: unknown, where: string): string {
  const key = needBounded(value, where, MAX_SUMMARY_NAME_LENGTH + 20);
  if (!parseEntityKey(key)) throw new MessageError(`${where} must be type:name`);
  return key;
}

function needEntityType(value: unknown, where: string): EntityType {
  if (value !== 'person' && value !== 'place' && value !== 'organization') {
    throw new MessageError(`${where} must be person, place or organization`);
  }
  return value;
}

function needArticle(value: unknown): ArticleSummary {
  if (!isRecord(value)) throw new MessageError('articleAnalyzed.article must be an object');
  if (!Array.isArray(value.entities)) throw new MessageError('articleAnalyzed.article.entities must be an array');
  if (!Array.isArray(value.quotes)) throw new MessageError('articleAnalyzed.article.quotes must be an array');
  if (value.entities.length > ARTICLE_LIMITS.articleEntities) {
    throw new MessageError(`articleAnalyzed.article.entities has more than ${ARTICLE_LIMITS.articleEntities} entities`);
  }
  if (value.quotes.length > ARTICLE_LIMITS.articleQuotes) {
    throw new MessageError(`articleAnalyzed.article.quotes has more than ${ARTICLE_LIMITS.articleQuotes} quotes`);
  }
  const url = needBounded(value.url, 'articleAnalyzed.article.url', FIELD_LIMITS.url);
  // Shown as a link under "Also in N articles": only a page's own address.
  if (!isPageUrl(url)) throw new MessageError('articleAnalyzed.article.url must be an http, https or file URL');
  const quotes = value.quotes.map((quote, i) => needQuote(quote, `articleAnalyzed.article.quotes[${i}]`));
  const quoteChars = quotes.reduce((sum, quote) => sum + quote.text.length, 0);
  if (quoteChars > ARTICLE_LIMITS.articleQuoteChars) {
    throw new MessageError(`articleAnalyzed.article.quotes hold more than ${ARTICLE_LIMITS.articleQuoteChars} characters`);
  }
  const article: ArticleSummary = {
    url,
    title: needBounded(value.title, 'articleAnalyzed.article.title', FIELD_LIMITS.title),
    site: needBounded(value.site, 'articleAnalyzed.article.site', FIELD_LIMITS.site),
    entities: value.entities.map((entity, i) => needEntity(entity, `articleAnalyzed.article.entities[${i}]`)),
    quotes,
  };
  // Other addresses of the article: the background keeps only those on the page's own site.
  for (const field of ['canonical', 'amphtml'] as const) {
    if (value[field] !== undefined) article[field] = needBounded(value[field], `articleAnalyzed.article.${field}`, FIELD_LIMITS.url);
  }
  if (value.textHash !== undefined) {
    const textHash = needBounded(value.textHash, 'articleAnalyzed.article.textHash', 40);
    if (!/^\d+:[0-9a-f]{16}$/.test(textHash)) throw new MessageError('articleAnalyzed.article.textHash is not a body fingerprint');
    article.textHash = textHash;
  }
  if (value.published !== undefined) {
    if (!isPublishedDate(value.published)) throw new MessageError('articleAnalyzed.article.published must be an ISO 8601 date or UTC time');
    article.published = value.published;
  }
  return article;
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
  if (value.role !== undefined) entity.role = needBounded(value.role, `${where}.role`, ARTICLE_LIMITS.entityRole);
  if (value.description !== undefined) {
    entity.description = needBounded(value.description, `${where}.description`, ARTICLE_LIMITS.entityDescription);
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

const fromPages = ['extension-page'] as const;

export const HISTORY_MESSAGES = messageTable({
  articleAnalyzed: {
    senders: ['content-script'],
    fields: ['article'],
    limits: ARTICLE_LIMITS,
    parse: (value, type): ArticleAnalyzedRequest => ({ type, article: needArticle(value.article) }),
    answer: answer<StoredAck>(),
  },
  // The reading history is for Lede's own pages only: the in-page hover card shows none of it (a
  // page can measure the card), so a content script has no reason to ask.
  getEntityHistory: {
    senders: fromPages,
    fields: ['names', 'excludeUrl'],
    limits: HISTORY_LIMITS,
    parse: (value, type): GetEntityHistoryRequest => {
      if (!Array.isArray(value.names)) throw new MessageError(`${type}.names must be an array`);
      // Counted before anything else is read: each name costs the background an index lookup.
      if (value.names.length > HISTORY_LIMITS.historyNames) {
        throw new MessageError(`${type}.names has more than ${HISTORY_LIMITS.historyNames} names`);
      }
      const names = value.names.map((name, i) => needBounded(name, `${type}.names[${i}]`, MAX_SUMMARY_NAME_LENGTH));
      return { type, names, excludeUrl: needBounded(value.excludeUrl, `${type}.excludeUrl`, FIELD_LIMITS.url) };
    },
    answer: answer<EntityHistoryResponse>(),
  },
  // The in-page card asks only that the page be opened: it learns nothing back (the page can see it).
  openEntityPage: {
    senders: ['content-script'],
    fields: ['key'],
    parse: (value, type): OpenEntityPageRequest => ({ type, key: needEntityKey(value.key, `${type}.key`) }),
    answer: answer<{ ok: true }>(),
  },
  getEntityPage: {
    senders: fromPages,
    fields: ['key', 'limit'],
    parse: (value, type): GetEntityPageRequest => {
      const request: GetEntityPageRequest = { type, key: needEntityKey(value.key, `${type}.key`) };
      if (value.limit !== undefined) {
        const limit = needOffset(value.limit, `${type}.limit`);
        if (limit < 1 || limit > MAX_ENTITY_PAGE_LIMIT) throw new MessageError(`${type}.limit must be from 1 to ${MAX_ENTITY_PAGE_LIMIT}`);
        request.limit = limit;
      }
      return request;
    },
    answer: answer<EntityPageData>(),
  },
  getHistoryCount: { senders: fromPages, fields: [], parse: (_, type): GetHistoryCountRequest => ({ type }), answer: answer<HistoryCount>() },
  clearHistory: { senders: fromPages, fields: [], parse: (_, type): ClearHistoryRequest => ({ type }), answer: answer<HistoryCleared>() },
  getSummary: {
    senders: ['content-script', 'extension-page'],
    fields: ['name', 'entityType'],
    parse: (value, type): GetSummaryRequest => ({
      type,
      name: needEntityName(value.name, `${type}.name`),
      entityType: needEntityType(value.entityType, `${type}.entityType`),
    }),
    answer: answer<SummaryAnswer>(),
  },
});

export type HistoryRequest = RequestOf<typeof HISTORY_MESSAGES>;
