// Turns an Analysis (offsets into the article text) into the self-contained summary that the
// popup shows and the background stores: names with mention counts, and quotes with their words.
// Offsets mean nothing without the text, and the full text is not stored, so quotes carry their words.

import type { Analysis, EntityType, QuoteKind } from '../analysis/types';

export interface EntitySummary {
  type: EntityType;
  /** Canonical name. */
  name: string;
  role?: string;
  description?: string;
  mentions: number;
}

export interface QuoteSummary {
  /** The quoted words, whitespace collapsed. */
  text: string;
  kind: QuoteKind;
  /** The speaker's name, or null when the analysis found none. */
  speaker: string | null;
}

export interface ArticleSummary {
  url: string;
  title: string;
  site: string;
  /** When the page says it was first published (ISO 8601 date or UTC time); absent when it does not say. */
  published?: string;
  entities: EntitySummary[];
  quotes: QuoteSummary[];
  /** The page's `<link rel=canonical>` and `<link rel=amphtml>`, as written: other addresses of this article. */
  canonical?: string;
  amphtml?: string;
  /** The body text's fingerprint (lib/notes/article-identity.ts): the same article read elsewhere has the same. */
  textHash?: string;
}

/** ArticleSummary.published as lib/extract writes it: "YYYY-MM-DD" or a UTC time with milliseconds. */
export function isPublishedDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}\.\d{3}Z)?$/.test(value);
}

export interface SpeakerGroup {
  /** The speaker's name, or UNATTRIBUTED. */
  speaker: string;
  quotes: QuoteSummary[];
}

export const UNATTRIBUTED = 'Unattributed';

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'place', 'organization'];

/** Most-mentioned first; ties by name so the order is stable. */
export function summarizeEntities(analysis: Analysis): EntitySummary[] {
  return analysis.entities
    .map((entity): EntitySummary => {
      const summary: EntitySummary = { type: entity.type, name: entity.name, mentions: entity.mentions.length };
      if (entity.role) summary.role = entity.role;
      if (entity.description) summary.description = entity.description;
      return summary;
    })
    .sort(byMentionsThenName);
}

export function quoteText(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}

/** In text order. */
export function summarizeQuotes(analysis: Analysis, text: string): QuoteSummary[] {
  return [...analysis.quotes]
    .sort((a, b) => a.start - b.start)
    .map((quote) => ({
      text: quoteText(text, quote.start, quote.end),
      kind: quote.kind,
      speaker: quote.speaker?.name.trim() || null,
    }));
}

export function groupEntitiesByType(entities: readonly EntitySummary[]): Record<EntityType, EntitySummary[]> {
  const groups: Record<EntityType, EntitySummary[]> = { person: [], place: [], organization: [] };
  for (const entity of entities) groups[entity.type].push(entity);
  for (const type of ENTITY_TYPES) groups[type].sort(byMentionsThenName);
  return groups;
}

/**
 * Speakers with the most quotes first (ties: whoever speaks first in the article);
 * unattributed quotes always last. Quotes keep text order inside a group.
 */
export function groupQuotesBySpeaker(quotes: readonly QuoteSummary[]): SpeakerGroup[] {
  const groups = new Map<string, SpeakerGroup>();
  for (const quote of quotes) {
    const speaker = quote.speaker ?? UNATTRIBUTED;
    let group = groups.get(speaker);
    if (!group) {
      group = { speaker, quotes: [] };
      groups.set(speaker, group);
    }
    group.quotes.push(quote);
  }
  const inFirstAppearanceOrder = [...groups.values()];
  return inFirstAppearanceOrder
    .map((group, order) => ({ group, order }))
    .sort((a, b) => {
      const aLast = a.group.speaker === UNATTRIBUTED;
      const bLast = b.group.speaker === UNATTRIBUTED;
      if (aLast !== bLast) return aLast ? 1 : -1;
      return b.group.quotes.length - a.group.quotes.length || a.order - b.order;
    })
    .map(({ group }) => group);
}

export function summarizeArticle(
  page: { url: string; title: string; site: string; published?: string | null },
  analysis: Analysis,
  text: string,
): ArticleSummary {
  const summary: ArticleSummary = {
    url: page.url,
    title: page.title,
    site: page.site,
    entities: summarizeEntities(analysis),
    quotes: summarizeQuotes(analysis, text),
  };
  if (page.published) summary.published = page.published;
  return summary;
}

function byMentionsThenName(a: EntitySummary, b: EntitySummary): number {
  // Code-unit order, not localeCompare: the first localeCompare builds an Intl collator, which cost
  // 9-51 ms in the page's main thread (bench:pages traces), and any stable order will do here.
  return b.mentions - a.mentions || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
