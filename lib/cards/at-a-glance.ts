// The popup's first screen: who is in the story. People ranked by how much the article gives them
// (mentions and quotes, then who comes first), places and organisations by mentions, and the
// filter that narrows every card by what it shows. Pure: cards in, cards out.

import type { EntityType } from '../analysis/types';
import type { EntityCard } from './cards';

export interface GlanceGroups {
  people: EntityCard[];
  places: EntityCard[];
  organizations: EntityCard[];
}

/** How many people the first screen lists before "Show N more": leaves room for the places and organisations below. */
export const TOP_PEOPLE = 8;

/** A person's weight in the story: every mention counts, and so does every quote the article gives them. */
export function personWeight(card: Pick<EntityCard, 'mentionCount' | 'quotes'>): number {
  return card.mentionCount + card.quotes.length;
}

function firstStart(card: Pick<EntityCard, 'mentions'>): number {
  return card.mentions[0]?.start ?? Number.MAX_SAFE_INTEGER;
}

/** Code-unit order: stable and cheap (no Intl collator on the popup's first paint). */
function byName(a: EntityCard, b: EntityCard): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Most mentions and quotes first; ties to whoever the article names first, then by name. */
export function rankPeople(cards: readonly EntityCard[]): EntityCard[] {
  return cards
    .filter((card) => card.type === 'person')
    .sort((a, b) => personWeight(b) - personWeight(a) || firstStart(a) - firstStart(b) || byName(a, b));
}

/** Places or organisations: most mentions first; ties to the first named, then by name. */
export function rankByMentions(cards: readonly EntityCard[], type: Exclude<EntityType, 'person'>): EntityCard[] {
  return cards
    .filter((card) => card.type === type)
    .sort((a, b) => b.mentionCount - a.mentionCount || firstStart(a) - firstStart(b) || byName(a, b));
}

export function glanceGroups(cards: readonly EntityCard[]): GlanceGroups {
  return { people: rankPeople(cards), places: rankByMentions(cards, 'place'), organizations: rankByMentions(cards, 'organization') };
}

/** The one line under a name: what the article says the entity is (its description, else its role). */
export function oneLine(card: Pick<EntityCard, 'description' | 'role'>): string | null {
  return card.description ?? card.role ?? null;
}

/** The words a reader may type to find a type of card. */
const TYPE_WORDS: Readonly<Record<EntityType, string>> = {
  person: 'person people',
  place: 'place places',
  organization: 'organisation organisations organization organizations',
};

/** Lower case, accents dropped, runs of spaces as one: "Zelenskyy" finds "ZELENSKYY", "Sao" finds "São". */
export function foldForFilter(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * A filter from what the reader typed: every word must appear in the card's name, role,
 * description or type. An empty query lets every card through.
 */
export function cardFilter(query: string): (card: EntityCard) => boolean {
  const words = foldForFilter(query).split(' ').filter(Boolean);
  if (words.length === 0) return () => true;
  return (card) => {
    const haystack = foldForFilter([card.name, card.role ?? '', card.description ?? '', TYPE_WORDS[card.type]].join(' '));
    return words.every((word) => haystack.includes(word));
  };
}

export function filterGroups(groups: GlanceGroups, query: string): GlanceGroups {
  const keep = cardFilter(query);
  return { people: groups.people.filter(keep), places: groups.places.filter(keep), organizations: groups.organizations.filter(keep) };
}
