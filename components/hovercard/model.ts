// What the in-page hover card shows: a compact view of a context card (lib/cards/cards.ts), for the
// entity under the pointer or, for a quote, its speaker with that quote marked. Pure.

import type { EntityType, Quote, QuoteKind, Span } from '@/lib/analysis/types';
import { quoteText } from '@/lib/cards/article-summary';
import type { EntityCard } from '@/lib/cards/cards';

/** Quotes shown in full on a hover card; the rest are counted. */
export const MAX_CARD_QUOTES = 2;
/** Long quotes are shortened at a word boundary so the card stays compact. */
export const MAX_QUOTE_CHARS = 160;

export interface HoverCardQuote {
  start: number;
  end: number;
  kind: QuoteKind;
  text: string;
  /** The quote the reader is pointing at. */
  marked: boolean;
}

export interface HoverCardModel {
  /** Unique per card shown, so the view resets when the target changes. */
  key: string;
  /** Null for a speaker the article names only by a phrase ("a senior Arab official"). */
  entityId: string | null;
  name: string;
  type: EntityType | null;
  role?: string;
  description?: string;
  /** Null when the card is not about an entity of this article. */
  mentionCount: number | null;
  quoteCount: number;
  /** At most MAX_CARD_QUOTES, the marked one first. */
  quotes: HoverCardQuote[];
}

/** Cuts at the last space before `max` characters and adds an ellipsis. */
export function shorten(text: string, max: number = MAX_QUOTE_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`;
}

const sameSpan = (a: Span, b: Span): boolean => a.start === b.start && a.end === b.end;

/** An entity's card; `marked` is the quote being pointed at, shown first. */
export function entityHoverCard(card: EntityCard, marked?: Span): HoverCardModel {
  const markedQuote = marked ? card.quotes.find((q) => sameSpan(q, marked)) : undefined;
  const ordered = markedQuote ? [markedQuote, ...card.quotes.filter((q) => q !== markedQuote)] : card.quotes;
  const model: HoverCardModel = {
    key: `${card.id}@${marked ? `${marked.start}-${marked.end}` : ''}`,
    entityId: card.id,
    name: card.name,
    type: card.type,
    mentionCount: card.mentionCount,
    quoteCount: card.quotes.length,
    quotes: ordered.slice(0, MAX_CARD_QUOTES).map((q) => ({
      start: q.start,
      end: q.end,
      kind: q.kind,
      text: shorten(q.text),
      marked: q === markedQuote,
    })),
  };
  if (card.role) model.role = card.role;
  if (card.description) model.description = card.description;
  return model;
}

/** A quote whose speaker is no entity of the article: the card is about the quote itself. */
export function speakerQuoteCard(quote: Quote, text: string): HoverCardModel {
  return {
    key: `quote@${quote.start}-${quote.end}`,
    entityId: null,
    name: quote.speaker?.name ?? 'Unattributed',
    type: null,
    mentionCount: null,
    quoteCount: 1,
    quotes: [{ start: quote.start, end: quote.end, kind: quote.kind, text: shorten(quoteText(text, quote.start, quote.end)), marked: true }],
  };
}

/** The card for a quote: its speaker's, with the quote marked, or the quote's own when the speaker is no entity. */
export function quoteHoverCard(quote: Quote, cardsById: ReadonlyMap<string, EntityCard>, text: string): HoverCardModel {
  const speaker = quote.speaker?.entityId ? cardsById.get(quote.speaker.entityId) : undefined;
  if (speaker && speaker.quotes.some((q) => sameSpan(q, quote))) return entityHoverCard(speaker, quote);
  return speakerQuoteCard(quote, text);
}
