// The field checks every message family shares, and the caps on fields that many messages carry.
// A failed check throws a MessageError naming the field; the sender sees it, nothing is written.

import { isHighlightPrefs, isPrefsScope, type HighlightPrefs, type PrefsScope } from '../settings/highlight-prefs';
import type { Fields } from './spec';

export class MessageError extends Error {
  override name = 'MessageError';
}

/**
 * What one message may carry. Far above any real page (every fixture news page and the stress
 * pages were measured: at most 100 entities and 60 quotes on a real page; 19,601 quotes on the 5 MB
 * stress page, one quote of 194k characters on the one-line page), and low enough that one message
 * can neither fill the database nor hold the background for long. Over a limit, the message is
 * refused with a MessageError that names the field; nothing is written. These are the caps shared
 * by many messages; each family's table names its own (all gathered in MESSAGE_LIMITS).
 */
export const FIELD_LIMITS = {
  /** Any page address in a message (excludeUrl, analyzeText.url, an article's url). */
  url: 8_192,
  /** A site name (host) or an article's site label. */
  site: 500,
  title: 2_000,
} as const;

/** Longest entity name a message carries (getSummary sends it out: names are short, and this keeps page text from leaving as a "name"). */
export const MAX_SUMMARY_NAME_LENGTH = 200;

export function onlyKeys(value: Fields, allowed: readonly string[]): void {
  const extra = Object.keys(value).filter((key) => !allowed.includes(key));
  if (extra.length > 0) throw new MessageError(`${String(value.type)}: unexpected field(s) ${extra.join(', ')}`);
}

export function needString(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new MessageError(`${where} must be a string`);
  return value;
}

export function needBoolean(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean') throw new MessageError(`${where} must be a boolean`);
  return value;
}

export function needBounded(value: unknown, where: string, max: number): string {
  const text = needString(value, where);
  if (text.length > max) throw new MessageError(`${where} is longer than ${max} characters`);
  return text;
}

/** A text offset: a whole number, zero or more. */
export function needOffset(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new MessageError(`${where} must be a whole number, zero or more`);
  }
  return value;
}

/** Turns a model's own validation error (notes, settings) into a MessageError the sender sees. */
export function fieldProblem(problem: string | null, where: string): void {
  if (problem) throw new MessageError(`${where} ${problem}`);
}

export function needPrefs(value: unknown, where: string): HighlightPrefs {
  if (!isHighlightPrefs(value)) {
    throw new MessageError(`${where}.prefs must have exactly person, place, organization and quote as booleans`);
  }
  return { ...value };
}

export function needScope(value: unknown, where: string): PrefsScope {
  if (!isPrefsScope(value)) throw new MessageError(`${where}.scope must be "global" or "site"`);
  return value;
}
