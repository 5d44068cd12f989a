// The popup's first screen: who comes first (people by mentions and quotes, then who the article
// names first), places and organisations by mentions, and the filter over what a card shows.
import { describe, expect, it } from 'vitest';
import {
  cardFilter, filterGroups, foldForFilter, glanceGroups, oneLine, personWeight, rankByMentions, rankPeople,
} from '@/lib/cards/at-a-glance';
import { buildEntityCards, type EntityCard } from '@/lib/cards/cards';
import type { EntityType } from '@/lib/analysis/types';

let next = 0;
/** A card with `mentions` mentions starting at `first`, and `quotes` direct quotes. */
function card(name: string, type: EntityType, mentions: number, first: number, quotes = 0, extra: Partial<EntityCard> = {}): EntityCard {
  next += 1;
  return {
    id: `${type}:${name}:${next}`,
    type,
    name,
    mentions: Array.from({ length: mentions }, (_, i) => ({ start: first + i * 100, end: first + i * 100 + name.length })),
    mentionCount: mentions,
    quotes: Array.from({ length: quotes }, (_, i) => ({ start: 5000 + i * 50, end: 5000 + i * 50 + 10, kind: 'direct' as const, text: `q${i}` })),
    prominence: 0,
    ...extra,
  };
}

const names = (cards: readonly EntityCard[]): string[] => cards.map((c) => c.name);

describe('rankPeople', () => {
  it('puts whoever the article gives the most mentions and quotes first', () => {
    const people = [card('Often Named', 'person', 6, 900), card('Much Quoted', 'person', 2, 800, 5), card('Once', 'person', 1, 10)];
    expect(names(rankPeople(people))).toEqual(['Much Quoted', 'Often Named', 'Once']);
    expect(personWeight(people[1]!)).toBe(7);
  });

  it('breaks a tie by who the article names first, then by name', () => {
    const people = [card('Later', 'person', 2, 500, 1), card('Earlier', 'person', 3, 40), card('Bravo', 'person', 1, 70), card('Alpha', 'person', 1, 70)];
    expect(names(rankPeople(people))).toEqual(['Earlier', 'Later', 'Alpha', 'Bravo']);
  });

  it('ranks only people, and leaves its input alone', () => {
    const cards = [card('Paris', 'place', 9, 0), card('Ada', 'person', 1, 3), card('ACME', 'organization', 4, 1)];
    const before = names(cards);
    expect(names(rankPeople(cards))).toEqual(['Ada']);
    expect(names(cards)).toEqual(before);
  });

  it('orders the people of a real analysis: a quoted source with few mentions comes above a name said once in passing', () => {
    const text = 'Smith watched. Kerry met Lavrov. “We talk,” Kerry said. “Not now,” came the answer. Kerry left.';
    const at = (word: string, from = 0): { start: number; end: number } => {
      const start = text.indexOf(word, from);
      return { start, end: start + word.length };
    };
    const cards = buildEntityCards(
      {
        entities: [
          { id: 'p:smith', type: 'person', name: 'Jo Smith', mentions: [at('Smith')] },
          { id: 'p:lavrov', type: 'person', name: 'Sergei Lavrov', mentions: [at('Lavrov')] },
          { id: 'p:kerry', type: 'person', name: 'John Kerry', mentions: [at('Kerry'), at('Kerry', 40), at('Kerry', 80)] },
        ],
        quotes: [
          { ...at('We talk,'), kind: 'direct', speaker: { name: 'John Kerry', entityId: 'p:kerry' } },
          { ...at('Not now,'), kind: 'direct', speaker: { name: 'Sergei Lavrov', entityId: 'p:lavrov' } },
        ],
      },
      text,
    );
    expect(names(glanceGroups(cards).people)).toEqual(['John Kerry', 'Sergei Lavrov', 'Jo Smith']);
  });
});

describe('rankByMentions', () => {
  it('orders places or organisations by mentions, then by first mention', () => {
    const cards = [card('Geneva', 'place', 2, 300), card('Moscow', 'place', 5, 900), card('Paris', 'place', 2, 100), card('UN', 'organization', 9, 0)];
    expect(names(rankByMentions(cards, 'place'))).toEqual(['Moscow', 'Paris', 'Geneva']);
    expect(names(rankByMentions(cards, 'organization'))).toEqual(['UN']);
  });
});

describe('the one line under a name', () => {
  it('is the description, else the role, else nothing', () => {
    expect(oneLine({ description: 'a former official', role: 'Rep.' })).toBe('a former official');
    expect(oneLine({ role: 'Secretary of State' })).toBe('Secretary of State');
    expect(oneLine({})).toBeNull();
  });
});

describe('the filter', () => {
  const groups = glanceGroups([
    card('Stephen Sestanovich', 'person', 1, 10, 1, { description: 'a former State Department official' }),
    card('John Kerry', 'person', 5, 0, 3, { role: 'Secretary of State' }),
    card('São Paulo', 'place', 2, 50),
    card('State Department', 'organization', 1, 60),
  ]);

  it('lets everything through when empty or blank', () => {
    expect(filterGroups(groups, '   ')).toEqual(groups);
  });

  it('matches names, roles and descriptions, case and accents aside', () => {
    expect(names(filterGroups(groups, 'sestan').people)).toEqual(['Stephen Sestanovich']);
    expect(names(filterGroups(groups, 'SECRETARY').people)).toEqual(['John Kerry']);
    expect(names(filterGroups(groups, 'sao').places)).toEqual(['São Paulo']);
    const state = filterGroups(groups, 'state department');
    expect([names(state.people), names(state.places), names(state.organizations)]).toEqual([['Stephen Sestanovich'], [], ['State Department']]);
  });

  it('needs every word, in any order', () => {
    expect(names(filterGroups(groups, 'official former').people)).toEqual(['Stephen Sestanovich']);
    expect(names(filterGroups(groups, 'former kerry').people)).toEqual([]);
  });

  it('matches a type by its name, singular or plural, British or American spelling', () => {
    expect(names(filterGroups(groups, 'places').places)).toEqual(['São Paulo']);
    expect(filterGroups(groups, 'places').people).toEqual([]);
    for (const word of ['organisation', 'organizations']) {
      const found = filterGroups(groups, word);
      expect([found.people.length, found.places.length, names(found.organizations)]).toEqual([0, 0, ['State Department']]);
    }
    expect(cardFilter('person')(groups.people[0]!)).toBe(true);
  });

  it('folds text the same way on both sides', () => {
    expect(foldForFilter('  Zürich \n  AIRPORT ')).toBe('zurich airport');
  });
});
