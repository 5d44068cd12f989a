// The reading history carried in a Lede backup ("lede:articles"): checked field by field, since
// the library's people and speaker filters trust these records.

import { isPublishedDate, type EntitySummary, type QuoteSummary } from '../cards/article-summary';
import type { ArticleRow } from '../background/db';
import { storedAliases } from '../notes/article-identity';
import { isPageUrl } from '../shared/page-address';
import { runSteps, type Steps } from './steps';
import type { ArticleRecord, RejectedItem } from './types';
import { isRecord } from '../shared/is-record';

const ENTITY_TYPES = new Set(['person', 'place', 'organization']);
const QUOTE_KINDS = new Set(['direct', 'reported']);

/** Valid records in file order; each bad one is listed with its reason instead. */
export function parseArticleRecords(value: unknown): { articles: ArticleRecord[]; rejected: RejectedItem[] } {
  return runSteps(parseArticleRecordsSteps(value));
}

/** parseArticleRecords as steps: yields the number of records checked so far. */
export function* parseArticleRecordsSteps(value: unknown): Steps<{ articles: ArticleRecord[]; rejected: RejectedItem[] }> {
  if (value === undefined) return { articles: [], rejected: [] };
  if (!Array.isArray(value)) {
    return { articles: [], rejected: [{ item: 'article', index: 0, reason: 'The reading history ("lede:articles") is not a list' }] };
  }
  const articles: ArticleRecord[] = [];
  const rejected: RejectedItem[] = [];
  for (let index = 0; index < value.length; index += 1) {
    const raw: unknown = value[index];
    const problem = articleProblem(raw);
    if (problem) rejected.push({ item: 'article', index, reason: `Article ${index + 1}: ${problem}` });
    else articles.push(copyArticle(raw as ArticleRecord));
    yield index + 1;
  }
  return { articles, rejected };
}

/** The stored row for a record, with the entity-name index the DB looks articles up by. */
export function articleRowOf(article: ArticleRecord): ArticleRow {
  return { ...copyArticle(article), aliases: storedAliases(article.url), entityNames: [...new Set(article.entities.map((entity) => entity.name))] };
}

function articleProblem(raw: unknown): string | null {
  if (!isRecord(raw)) return 'is not an object';
  if (typeof raw.url !== 'string' || !URL.canParse(raw.url)) return 'url must be an absolute URL';
  if (!isPageUrl(raw.url)) return 'url must be an http, https or file URL';
  if (typeof raw.title !== 'string') return 'title must be a string';
  if (typeof raw.site !== 'string') return 'site must be a string';
  if (typeof raw.seenAt !== 'number' || !Number.isFinite(raw.seenAt)) return 'seenAt must be a time in milliseconds';
  if (raw.published !== undefined && !isPublishedDate(raw.published)) return 'published must be an ISO 8601 date or UTC time';
  if (!Array.isArray(raw.entities) || !raw.entities.every(isEntity)) return 'entities must be a list of {type, name, mentions}';
  if (!Array.isArray(raw.quotes) || !raw.quotes.every(isQuote)) return 'quotes must be a list of {text, kind, speaker}';
  return null;
}

function isEntity(value: unknown): value is EntitySummary {
  return (
    isRecord(value) &&
    ENTITY_TYPES.has(value.type as string) &&
    typeof value.name === 'string' &&
    typeof value.mentions === 'number' &&
    (value.role === undefined || typeof value.role === 'string') &&
    (value.description === undefined || typeof value.description === 'string')
  );
}

function isQuote(value: unknown): value is QuoteSummary {
  return (
    isRecord(value) &&
    typeof value.text === 'string' &&
    QUOTE_KINDS.has(value.kind as string) &&
    (value.speaker === null || typeof value.speaker === 'string')
  );
}

function copyArticle(article: ArticleRecord): ArticleRecord {
  const copy: ArticleRecord = {
    url: article.url,
    title: article.title,
    site: article.site,
    seenAt: article.seenAt,
    entities: article.entities.map((entity) => {
      const copy: EntitySummary = { type: entity.type, name: entity.name, mentions: entity.mentions };
      if (entity.role !== undefined) copy.role = entity.role;
      if (entity.description !== undefined) copy.description = entity.description;
      return copy;
    }),
    quotes: article.quotes.map((quote) => ({ text: quote.text, kind: quote.kind, speaker: quote.speaker })),
  };
  if (article.published !== undefined) copy.published = article.published;
  return copy;
}

