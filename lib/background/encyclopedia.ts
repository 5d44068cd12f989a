// Looks an entity's name up in Wikipedia's REST page summary
// (GET {base}/api/rest_v1/page/summary/{title}) and turns the answer into a short summary, a
// "several pages match" (disambiguation), or a miss. Only the name is sent: no page text, no
// cookies, no referrer. `fetch` is passed in, so tests drive this with a stand-in.

import { splitSentenceSpans } from '../analysis/sentences';
import type { SummaryError, SummaryResult } from '../protocol/history';
import { isRecord } from '../shared/is-record';

export type SummaryLookup = SummaryResult | SummaryError;

/** The slice of fetch() this module uses. */
export type SummaryFetch = (url: string, init: RequestInit) => Promise<Pick<Response, 'ok' | 'status' | 'text'>>;

export interface LookupOptions {
  /** e.g. https://en.wikipedia.org (no trailing slash). */
  baseUrl: string;
  fetch: SummaryFetch;
  /** Give up after this long; the default is DEFAULT_TIMEOUT_MS. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 5000;
export const MAX_EXTRACT_SENTENCES = 2;
export const MAX_EXTRACT_CHARS = 320;

/** One spelling per name, so "John  Kerry " and "John Kerry" share a request and a cache entry. */
export function normaliseEntityName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/** The summary endpoint for a name: spaces become underscores, as in Wikipedia's own titles. */
export function summaryRequestUrl(baseUrl: string, name: string): string {
  const title = normaliseEntityName(name).replace(/ /g, '_');
  return `${baseUrl.replace(/\/+$/, '')}/api/rest_v1/page/summary/${encodeURIComponent(title)}`;
}

/**
 * Fetches and reads the summary for `name`. Never throws: a network failure, a timeout, a server
 * error or an unreadable body comes back as `{ status: 'error' }`.
 */
export async function lookupSummary(name: string, options: LookupOptions): Promise<SummaryLookup> {
  const normalised = normaliseEntityName(name);
  if (normalised === '') return { status: 'missing' };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const response = await options.fetch(summaryRequestUrl(options.baseUrl, normalised), {
      method: 'GET',
      headers: { Accept: 'application/json' },
      redirect: 'follow',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    if (response.status === 404) return { status: 'missing' };
    if (!response.ok) return { status: 'error', message: `Wikipedia answered with an error (${response.status}).` };
    const body = await response.text();
    return parseSummaryBody(body, options.baseUrl);
  } catch (error) {
    if (controller.signal.aborted) return { status: 'error', message: 'Wikipedia took too long to answer.' };
    return { status: 'error', message: `Could not reach Wikipedia (${describeError(error)}).` };
  } finally {
    clearTimeout(timer);
  }
}

/** Reads a 200 response's body. */
export function parseSummaryBody(body: string, baseUrl: string): SummaryLookup {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { status: 'error', message: 'Wikipedia sent an answer Lede could not read.' };
  }
  return parseSummaryJson(json, baseUrl);
}

/** Reads the page-summary JSON: https://en.wikipedia.org/api/rest_v1/#/Page%20content/get_page_summary__title_ */
export function parseSummaryJson(json: unknown, baseUrl: string): SummaryLookup {
  if (!isRecord(json)) return { status: 'error', message: 'Wikipedia sent an answer Lede could not read.' };
  const title = pageTitle(json);
  const url = pageUrl(json, baseUrl, title);
  if (json.type === 'disambiguation') {
    return url ? { status: 'ambiguous', url } : { status: 'missing' };
  }
  // "no-extract": the page exists but has no lead text; "mainpage": not an entity's page.
  if (json.type === 'no-extract' || json.type === 'mainpage') return { status: 'missing' };
  const extract = typeof json.extract === 'string' ? trimExtract(json.extract) : '';
  if (extract === '' || title === '' || !url) return { status: 'missing' };
  return { status: 'found', title, extract, url };
}

/** The first MAX_EXTRACT_SENTENCES sentences, cut at a word boundary if still over MAX_EXTRACT_CHARS. */
export function trimExtract(text: string, maxSentences = MAX_EXTRACT_SENTENCES, maxChars = MAX_EXTRACT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return '';
  const sentences = splitSentenceSpans(flat).slice(0, maxSentences);
  const last = sentences[sentences.length - 1];
  const kept = last ? flat.slice(0, last.end).trim() : flat;
  if (kept.length <= maxChars) return kept;
  const cut = kept.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  // Cut inside a word only when the text has no space to cut at in its second half.
  const base = space > maxChars / 2 ? cut.slice(0, space) : cut;
  return `${base.replace(/[\s,;:.\u2013\u2014-]+$/, '')}\u2026`;
}

function pageTitle(json: Record<string, unknown>): string {
  const titles = isRecord(json.titles) ? json.titles : {};
  const candidates = [titles.normalized, json.title, titles.canonical];
  for (const candidate of candidates) {
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.replace(/_/g, ' ').trim();
  }
  return '';
}

/** The desktop page URL from the answer, else one built from the title. Only http(s) URLs: this becomes a link. */
function pageUrl(json: Record<string, unknown>, baseUrl: string, title: string): string | null {
  const urls = isRecord(json.content_urls) ? json.content_urls : {};
  const desktop = isRecord(urls.desktop) ? urls.desktop : {};
  const given = safeHttpUrl(desktop.page);
  if (given) return given;
  if (title === '') return null;
  return safeHttpUrl(`${baseUrl.replace(/\/+$/, '')}/wiki/${encodeURIComponent(title.replace(/ /g, '_'))}`);
}

function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}

