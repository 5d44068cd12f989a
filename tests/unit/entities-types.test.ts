// Types that hold on today's news: company and venue head words, towns with their state, acronyms
// that keep their case, and one type per name on a page. Made-up names and sentences throughout.
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../lib/analysis/entities';
import { oneTypePerName } from '../../lib/analysis/entities-merge';
import { Strength, type Candidate } from '../../lib/analysis/entities-classify';
import type { ResolvedMention } from '../../lib/analysis/entities-link';
import { tokenize } from '../../lib/analysis/tokens';
import type { Entity } from '../../lib/analysis/types';

function typed(text: string): Map<string, Entity['type']> {
  const out = new Map<string, Entity['type']>();
  for (const e of findEntities(text)) for (const m of e.mentions) out.set(text.slice(m.start, m.end), e.type);
  return out;
}

describe('company and institution names', () => {
  it.each([
    ['Vexmoor Robotics', 'Shares of Vexmoor Robotics rose sharply after the earnings report on Tuesday.'],
    ['Quillfeather Productions', 'The show is made by Quillfeather Productions, which signed a new deal this week.'],
    ['Brannock Studios', 'Executives at Brannock Studios said the film would open in the spring.'],
    ['Tarnwell Aerospace', 'Tarnwell Aerospace won a contract to build the new satellites.'],
    ['Orvane Media', 'The podcast was bought last year by Orvane Media for an undisclosed sum.'],
  ])('%s is an organisation', (name, text) => {
    expect(typed(text).get(name)).toBe('organization');
  });
});

describe('venues and towns', () => {
  it('calls a venue a place', () => {
    const text = 'The band will play the Harrowgate Amphitheatre and the Kelbrook Arena in June.';
    const types = typed(text);
    expect(types.get('Harrowgate Amphitheatre')).toBe('place');
    expect(types.get('Kelbrook Arena')).toBe('place');
  });

  it('reads a town written with its state, and the state code, as places', () => {
    const text = 'June 27 -- Marlow Hall, Pennbury, NJ\n\nJune 29 -- Otley Gardens, Brackwater, Calif.\n\nJuly 2 -- Blossom Music Center, Tarrow Falls, OH';
    const types = typed(text);
    // A tour listing reads like a title-case heading; the town and its state are still read.
    expect(types.get('Tarrow Falls')).toBe('place');
    expect(types.get('OH')).toBe('place');
    expect(types.get('Pennbury')).toBe('place');
    expect(types.get('NJ')).toBe('place');
    expect(types.get('Brackwater')).toBe('place');
  });

  it('keeps a person before a comma and a state a person', () => {
    const text = 'The bill was written by Senator Margaret Holloway, Texas Republican, who said it would pass.';
    expect(typed(text).get('Margaret Holloway')).toBe('person');
  });
});

describe('acronyms keep their case', () => {
  it('writes an acronym as the article does, in text and in a headline set in capitals', () => {
    const text = 'ZORVA LAUNCHES NEW PROBE\n\nThe ZORVA team said on Monday that the probe was ready. Officials at ZORVA declined to comment.';
    const names = findEntities(text).map((e) => e.name);
    expect(names).not.toContain('Zorva');
    for (const e of findEntities(text)) expect(e.name).not.toMatch(/Launches|LAUNCHES/);
  });

  it('title-cases a known name in a dateline', () => {
    const names = findEntities('LONDON, Nov. 3 -- The talks in London ended without a deal.').map((e) => `${e.type}:${e.name}`);
    expect(names).toEqual(['place:London']);
  });
});

describe('one name, one type per page', () => {
  const tokens = tokenize('Kestrel said Kestrel would go to Kestrel.');
  const at = (i: number, type: Entity['type'], strength: Strength): ResolvedMention => {
    const c: Candidate = { first: i, last: i, start: tokens[i]!.start, end: tokens[i]!.end, text: 'Kestrel', type, strength, honorific: false };
    return { candidate: c, type, name: 'Kestrel' };
  };

  it('gives every mention the type with the most evidence', () => {
    const out = oneTypePerName(tokens, [at(0, 'organization', Strength.Medium), at(2, 'person', Strength.Weak), at(6, 'organization', Strength.Strong)]);
    expect(out.map((m) => m.type)).toEqual(['organization', 'organization', 'organization']);
  });

  it('lets what the article says outweigh guesses', () => {
    const out = oneTypePerName(tokens, [at(0, 'organization', Strength.Medium), at(2, 'person', Strength.Context)]);
    expect(out.map((m) => m.type)).toEqual(['person', 'person']);
  });

  it('never colours one name two ways in an analysed article', () => {
    const text =
      'Lumora unveiled its new car on Monday. Lumora said sales would start in May.\n\n' +
      'Analysts said Lumora faces strong rivals, and Lumora expects to sell 10,000 cars.';
    const types = new Set<string>();
    for (const e of findEntities(text)) for (const m of e.mentions) if (text.slice(m.start, m.end) === 'Lumora') types.add(e.type);
    expect(types.size).toBeLessThanOrEqual(1);
  });
});

describe('names no rule could type', () => {
  it('keeps a full name the tagger reads as a person, past an unknown title or a dash', () => {
    const text = 'The case was closed, said U.S. Attorney Marla Quenby.\n\nHe manages singers such as Tovah Ellery and Brisa Kandell – who both toured last year.';
    const types = typed(text);
    expect(types.get('Marla Quenby')).toBe('person');
    expect(types.get('Brisa Kandell')).toBe('person');
    expect([...types.keys()].some((k) => k.includes('–'))).toBe(false);
  });
});

describe('closed-class words', () => {
  it('never makes a name of a sentence-initial pronoun or article', () => {
    const text = 'Dempsey asked about the house. They had a loft, which he rarely visited. The doctor then ordered tests.';
    const found = findEntities(text).flatMap((e) => e.mentions.map((m) => text.slice(m.start, m.end)));
    expect(found).not.toContain('They');
    expect(found).not.toContain('The');
  });
});

describe('organisations and places by their setting', () => {
  it('calls where a role is held an organisation', () => {
    const text = 'Dana Whitlow, the chief economist at Brixell, said exports would fall. Omar Feld, a professor at Tannery, agreed.';
    const types = typed(text);
    expect(types.get('Brixell')).toBe('organization');
    expect(types.get('Tannery')).toBe('organization');
  });

  it('calls a source given with an article an organisation', () => {
    const text = '"The money is coming across the border," he said, according to the Dunmore Courier.';
    expect(typed(text).get('Dunmore Courier')).toBe('organization');
  });

  it('reads a town written with its country, or placed by a compass direction', () => {
    const text = 'He was treated at a clinic in Dunmorrow, Scotland, last year. He lives in Pelling, a village southwest of Carradale.';
    const types = typed(text);
    expect(types.get('Dunmorrow')).toBe('place');
    expect(types.get('Carradale')).toBe('place');
  });

  it('does not make a place of a name listed before a country', () => {
    const text = 'The envoy faced questions about Harlan Voss, Ukraine and the aid on Tuesday.';
    expect(typed(text).get('Harlan Voss')).not.toBe('place');
    expect(typed('Officials questioned Voss, Ukraine').get('Voss')).not.toBe('place');
  });

  it('keeps a person before a country’s possessive a person', () => {
    const text = 'The deal was announced in a meeting with Wen Tavish, China’s top trade negotiator.';
    expect(typed(text).get('Wen Tavish')).not.toBe('place');
  });
});

describe('head words outrank the tagger', () => {
  it('types a name by its head word, and leaves a given name with a surname alone', () => {
    const text = 'Viewers of Zentara Channel saw the show on Friday. Mary Post, a writer, watched it at Corbel Stage in the evening.';
    const types = typed(text);
    expect(types.get('Zentara Channel')).toBe('organization');
    expect(types.get('Corbel Stage')).toBe('place');
    expect(types.get('Mary Post')).toBe('person');
  });
});

describe('a name and its longer form', () => {
  it('makes a "person" that opens an organisation’s name on the page that organisation', () => {
    const text = 'Viewers of Zentara Channel saw the show. Zentara also runs two radio stations, and Zentara said on Monday it would sell one.';
    const types = typed(text);
    expect(types.get('Zentara Channel')).toBe('organization');
    expect(types.get('Zentara')).not.toBe('person');
  });

  it('keeps a person the page names in full a person beside an organisation named after them', () => {
    const text = 'Senator John Voss spoke on Monday. Voss said the Voss Foundation would give $1 million, and Voss thanked donors.';
    const types = typed(text);
    expect(types.get('Voss Foundation')).toBe('organization');
    expect(types.get('Voss')).toBe('person');
  });

  it('keeps a place that opens an organisation’s name a place', () => {
    const text = 'Teachers from Indiana marched on Tuesday. The Indiana State Teachers Association organised the rally.';
    expect(typed(text).get('Indiana')).toBe('place');
  });

  it('ends an outlet’s name at its possessive when a place follows (the place is the beat, not part of the name)', () => {
    const text = 'Voters were angry, but the BBC’s North America editor Ann Roe said the president did not give up.';
    const types = typed(text);
    expect(types.get('BBC')).toBe('organization');
    expect(types.get('North America')).toBe('place');
    expect([...types.keys()].some((k) => k.includes('’s North'))).toBe(false);
  });
});
