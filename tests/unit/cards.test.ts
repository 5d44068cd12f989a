// The card model on hand-made analyses and on the seed article.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analysis/analyze';
import type { Analysis } from '../../lib/analysis/types';
import { buildEntityCards, nextMentionIndex, prominenceOf } from '../../lib/cards/cards';

const SEED = resolve(import.meta.dirname, '../../../shared/fixtures/seed');
const seedText = readFileSync(resolve(SEED, 'article.txt'), 'utf8');
const gold = JSON.parse(readFileSync(resolve(SEED, 'gold.json'), 'utf8')) as {
  people: { name: string; description?: string; role?: string }[];
};

describe('buildEntityCards on the seed article', () => {
  const cards = buildEntityCards(analyzeText(seedText), seedText);
  const card = (name: string) => {
    const found = cards.find((c) => c.name === name);
    if (!found) throw new Error(`no card for ${name}`);
    return found;
  };

  it('makes one card per entity, most prominent first', () => {
    expect(cards.length).toBeGreaterThan(20);
    for (let i = 1; i < cards.length; i += 1) expect(cards[i - 1]!.prominence).toBeGreaterThanOrEqual(cards[i]!.prominence);
    // Kerry, the story's subject, outranks everyone named once in passing.
    expect(cards.indexOf(card('John Kerry'))).toBeLessThan(cards.indexOf(card('Edward Snowden')));
  });

  it("gives Kerry's card his five direct quotes, in text order, with their words", () => {
    const kerry = card('John Kerry');
    const direct = kerry.quotes.filter((q) => q.kind === 'direct');
    expect(direct).toHaveLength(5);
    expect(direct[0]!.text).toMatch(/^Russia knows exactly what it needs to do/);
    for (let i = 1; i < kerry.quotes.length; i += 1) expect(kerry.quotes[i]!.start).toBeGreaterThan(kerry.quotes[i - 1]!.start);
    for (const quote of kerry.quotes) expect(quote.text).toBe(seedText.slice(quote.start, quote.end).replace(/\s+/g, ' ').trim());
    expect(kerry.role).toBe('Secretary of State');
  });

  it('shows a title once: as the role, not again as the description', () => {
    expect(card('John Kerry').description).toBeUndefined();
  });

  it('keeps the role apart from what the article says after the name', () => {
    const text = 'Acme President Jane Roe, a former federal prosecutor, spoke. Roe left.';
    const [roe] = buildEntityCards(analyzeText(text), text).filter((c) => c.type === 'person');
    expect(roe?.role).toBe('Acme President');
    expect(roe?.description).toBe('a former federal prosecutor');
  });

  it.each(['Stephen Sestanovich', 'Michael McFaul'])('carries the gold description for %s', (name) => {
    const want = gold.people.find((p) => p.name === name)!.description;
    expect(want).toBeTruthy();
    expect(card(name).description).toBe(want);
  });

  it('gives Peskov the quote reached through "he said"', () => {
    const peskov = card('Dmitry Peskov');
    expect(peskov.quotes.some((q) => q.kind === 'direct' && q.text.startsWith('Contact is continuing and will continue'))).toBe(true);
  });

  it('gives places and organisations no quotes, and counts mentions', () => {
    for (const c of cards.filter((c) => c.type !== 'person')) expect(c.quotes).toEqual([]);
    for (const c of cards) expect(c.mentionCount).toBe(c.mentions.length);
  });
});

describe('prominence', () => {
  const text = 'Alpha met Beta. '.padEnd(200, '.') + ' Gamma. Beta.';
  const at = (word: string, from = 0) => {
    const start = text.indexOf(word, from);
    return { start, end: start + word.length };
  };

  it('ranks by mentions, then an early first mention, quotes and a description', () => {
    const analysis: Analysis = {
      entities: [
        { id: 'person:Gamma', type: 'person', name: 'Gamma', mentions: [at('Gamma')] },
        { id: 'person:Alpha', type: 'person', name: 'Alpha', mentions: [at('Alpha')] },
        { id: 'person:Beta', type: 'person', name: 'Beta', mentions: [at('Beta'), at('Beta', 20)] },
      ],
      quotes: [],
    };
    expect(buildEntityCards(analysis, text).map((c) => c.name)).toEqual(['Beta', 'Alpha', 'Gamma']);
  });

  it('follows the documented formula', () => {
    const entity = { id: 'person:A', type: 'person' as const, name: 'A', role: 'Mayor', mentions: [{ start: 25, end: 26 }, { start: 80, end: 81 }] };
    // 2 mentions + 2 × (1 − 25/100) + min(3, 0.5 × 3) + 1
    expect(prominenceOf(entity, 3, 100)).toBeCloseTo(2 + 1.5 + 1.5 + 1);
    expect(prominenceOf(entity, 40, 100)).toBeCloseTo(2 + 1.5 + 3 + 1);
  });

  it('breaks ties by first mention, so the order is stable', () => {
    const analysis: Analysis = {
      entities: [
        { id: 'place:B', type: 'place', name: 'B', mentions: [{ start: 10, end: 11 }] },
        { id: 'place:A', type: 'place', name: 'A', mentions: [{ start: 10, end: 11 }] },
      ],
      quotes: [],
    };
    expect(buildEntityCards(analysis, 'x'.repeat(50)).map((c) => c.name)).toEqual(['A', 'B']);
  });

  it('attributes quotes by speaker entity id only', () => {
    const t = '“Yes,” Alpha said. “No,” someone said.';
    const analysis: Analysis = {
      entities: [{ id: 'person:Alpha', type: 'person', name: 'Alpha', mentions: [{ start: 7, end: 12 }] }],
      quotes: [
        { start: 20, end: 22, kind: 'direct', speaker: { name: 'someone' } },
        { start: 1, end: 4, kind: 'direct', speaker: { name: 'Alpha', entityId: 'person:Alpha' } },
      ],
    };
    const [alpha] = buildEntityCards(analysis, t);
    expect(alpha!.quotes).toEqual([{ start: 1, end: 4, kind: 'direct', text: 'Yes' }]);
  });
});

describe('nextMentionIndex', () => {
  it('starts at the first mention and cycles', () => {
    const card = { mentionCount: 3 };
    expect(nextMentionIndex(card, null)).toBe(0);
    expect(nextMentionIndex(card, 0)).toBe(1);
    expect(nextMentionIndex(card, 2)).toBe(0);
    expect(nextMentionIndex({ mentionCount: 0 }, null)).toBeNull();
  });
});
