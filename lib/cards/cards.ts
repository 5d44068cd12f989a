// The context card model: one card per entity of the current article, with what the article says
// about it (role, description, mentions, quotes), ordered so the people a reader meets first and
// most come first. Pure: the popup and the in-page hover card both build cards from an Analysis.

import type { Analysis, Entity, EntityType, Quote, QuoteKind, Span } from '../analysis/types';
import { quoteText } from './article-summary';

export interface CardQuote {
  start: number;
  end: number;
  kind: QuoteKind;
  /** The quoted words, whitespace collapsed. */
  text: string;
}

export interface EntityCard {
  id: string;
  type: EntityType;
  name: string;
  role?: string;
  description?: string;
  /** In text order. */
  mentions: Span[];
  mentionCount: number;
  /** This entity's quotes (people only, in practice), in text order. */
  quotes: CardQuote[];
  /** Higher is more prominent; see prominenceOf(). */
  prominence: number;
}

// Prominence weights. Mentions dominate: each mention is worth 1.
/** Up to this much for an entity named at the very top of the article (the lede), falling linearly to 0 at the end. */
const EARLY_MENTION_BONUS = 2;
/** Each quote shows the article gives the entity a voice; capped so a talkative source can't swamp the rest. */
const QUOTE_BONUS = 0.5;
const MAX_QUOTE_BONUS = 3;
/** The article took the trouble to say who they are. */
const DESCRIBED_BONUS = 1;

/**
 * prominence = mentions
 *            + EARLY_MENTION_BONUS × (1 − firstMentionStart / textLength)
 *            + min(MAX_QUOTE_BONUS, QUOTE_BONUS × quotes)
 *            + DESCRIBED_BONUS if the article gives a role or description.
 */
export function prominenceOf(entity: Entity, quoteCount: number, textLength: number): number {
  const first = entity.mentions[0]?.start ?? textLength;
  const earliness = textLength > 0 ? Math.max(0, 1 - first / textLength) : 0;
  const described = entity.role || entity.description ? DESCRIBED_BONUS : 0;
  return (
    entity.mentions.length +
    EARLY_MENTION_BONUS * earliness +
    Math.min(MAX_QUOTE_BONUS, QUOTE_BONUS * quoteCount) +
    described
  );
}

/** Quotes keyed by the speaker's entity id, each list in text order. */
function quotesBySpeaker(quotes: readonly Quote[], text: string): Map<string, CardQuote[]> {
  const byId = new Map<string, CardQuote[]>();
  const inTextOrder = [...quotes].sort((a, b) => a.start - b.start);
  for (const quote of inTextOrder) {
    const id = quote.speaker?.entityId;
    if (!id) continue;
    let list = byId.get(id);
    if (!list) {
      list = [];
      byId.set(id, list);
    }
    list.push({ start: quote.start, end: quote.end, kind: quote.kind, text: quoteText(text, quote.start, quote.end) });
  }
  return byId;
}

/** One card per entity, most prominent first; ties go to whoever the article mentions first. */
export function buildEntityCards(analysis: Analysis, text: string): EntityCard[] {
  const quotes = quotesBySpeaker(analysis.quotes, text);
  const cards = analysis.entities.map((entity): EntityCard => {
    const mentions = [...entity.mentions].sort((a, b) => a.start - b.start);
    const own = quotes.get(entity.id) ?? [];
    const card: EntityCard = {
      id: entity.id,
      type: entity.type,
      name: entity.name,
      mentions,
      mentionCount: mentions.length,
      quotes: own,
      prominence: prominenceOf({ ...entity, mentions }, own.length, text.length),
    };
    if (entity.role) card.role = entity.role;
    // The analysis repeats the title as the description when the article says nothing else: show it once.
    if (entity.description && entity.description !== entity.role) card.description = entity.description;
    return card;
  });
  return cards.sort(
    (a, b) =>
      b.prominence - a.prominence ||
      firstStart(a) - firstStart(b) ||
      a.name.localeCompare(b.name),
  );
}

function firstStart(card: EntityCard): number {
  return card.mentions[0]?.start ?? Number.MAX_SAFE_INTEGER;
}

/** The mention after `current` (by index), wrapping round: what "N mentions" reveals on each click. */
export function nextMentionIndex(card: Pick<EntityCard, 'mentionCount'>, current: number | null): number | null {
  if (card.mentionCount === 0) return null;
  if (current === null) return 0;
  return (current + 1) % card.mentionCount;
}
