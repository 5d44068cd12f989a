// What the in-page hover card shows, built from the context cards of lib/cards/cards.ts.
import { describe, expect, it } from 'vitest';
import type { Analysis } from '@/lib/analysis/types';
import { buildEntityCards, type EntityCard } from '@/lib/cards/cards';
import { entityHoverCard, MAX_QUOTE_CHARS, quoteHoverCard, shorten } from '@/components/hovercard/model';

const TEXT =
  'John Kerry said "We will keep talking." A senior official said "Nothing will change." ' +
  'Kerry added that talks would go on. "It is hard," Kerry said. Syria waited.';
const at = (s: string): { start: number; end: number } => {
  const start = TEXT.indexOf(s);
  return { start, end: start + s.length };
};
/** `name` where it begins the phrase `context`. */
const word = (name: string, context: string): { start: number; end: number } => {
  const start = TEXT.indexOf(context);
  return { start, end: start + name.length };
};

const ANALYSIS: Analysis = {
  entities: [
    {
      id: 'person:John Kerry',
      type: 'person',
      name: 'John Kerry',
      role: 'Secretary of State',
      mentions: [at('John Kerry'), word('Kerry', 'Kerry added'), word('Kerry', 'Kerry said.')],
    },
    { id: 'place:Syria', type: 'place', name: 'Syria', mentions: [at('Syria')] },
  ],
  quotes: [
    { ...at('We will keep talking.'), kind: 'direct', speaker: { name: 'John Kerry', entityId: 'person:John Kerry' } },
    { ...at('Nothing will change.'), kind: 'direct', speaker: { name: 'A senior official' } },
    { ...at('talks would go on'), kind: 'reported', speaker: { name: 'John Kerry', entityId: 'person:John Kerry' } },
    { ...at('It is hard,'), kind: 'direct', speaker: { name: 'John Kerry', entityId: 'person:John Kerry' } },
  ],
};

const cards = new Map<string, EntityCard>(buildEntityCards(ANALYSIS, TEXT).map((c) => [c.id, c]));

describe('entityHoverCard', () => {
  it('shows name, type, role, counts and the first two quotes for a person', () => {
    const model = entityHoverCard(cards.get('person:John Kerry')!);
    expect(model).toMatchObject({
      entityId: 'person:John Kerry',
      name: 'John Kerry',
      type: 'person',
      role: 'Secretary of State',
      mentionCount: 3,
      quoteCount: 3,
    });
    expect(model.quotes.map((q) => [q.kind, q.text, q.marked])).toEqual([
      ['direct', 'We will keep talking.', false],
      ['reported', 'talks would go on', false],
    ]);
  });

  it('puts the quote being pointed at first, marked', () => {
    const model = entityHoverCard(cards.get('person:John Kerry')!, at('It is hard,'));
    expect(model.quotes.map((q) => [q.text, q.marked])).toEqual([
      ['It is hard,', true],
      ['We will keep talking.', false],
    ]);
    expect(model.key).not.toBe(entityHoverCard(cards.get('person:John Kerry')!).key);
  });

  it('gives a place its mention count and no quotes', () => {
    expect(entityHoverCard(cards.get('place:Syria')!)).toMatchObject({ name: 'Syria', type: 'place', mentionCount: 1, quoteCount: 0, quotes: [] });
  });
});

describe('quoteHoverCard', () => {
  it("shows the speaker's card with the quote marked", () => {
    const model = quoteHoverCard(ANALYSIS.quotes[2]!, cards, TEXT);
    expect(model.entityId).toBe('person:John Kerry');
    expect(model.quotes[0]).toMatchObject({ text: 'talks would go on', kind: 'reported', marked: true });
  });

  it('shows the quote on its own when the speaker is no entity of the article', () => {
    const model = quoteHoverCard(ANALYSIS.quotes[1]!, cards, TEXT);
    expect(model).toMatchObject({ entityId: null, name: 'A senior official', type: null, mentionCount: null, quoteCount: 1 });
    expect(model.quotes).toEqual([{ ...at('Nothing will change.'), kind: 'direct', text: 'Nothing will change.', marked: true }]);
  });

  it('says "Unattributed" for a quote with no speaker', () => {
    expect(quoteHoverCard({ ...at('Nothing will change.'), kind: 'direct', speaker: null }, cards, TEXT).name).toBe('Unattributed');
  });
});

describe('shorten', () => {
  it('leaves short text alone', () => {
    expect(shorten('Short.')).toBe('Short.');
  });

  it('cuts long text at a word boundary with an ellipsis', () => {
    const long = 'word '.repeat(60).trim();
    const short = shorten(long);
    expect(short.length).toBeLessThanOrEqual(MAX_QUOTE_CHARS + 1);
    expect(short.endsWith('word…')).toBe(true);
  });

  it('cuts inside a word only when there is no space near the end', () => {
    expect(shorten('x'.repeat(200), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});
