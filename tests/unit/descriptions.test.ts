// Roles before a name and appositive descriptions after it, through findEntities.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../lib/analysis/entities';

const article = readFileSync(resolve(import.meta.dirname, '../../../shared/fixtures/seed/article.txt'), 'utf8');
const seed = findEntities(article);
const person = (name: string, entities = seed) => entities.find((e) => e.type === 'person' && e.name === name);

describe('descriptions (appositives)', () => {
  it('runs an appositive to the sentence end when a comma is followed by "now"', () => {
    expect(person('Stephen Sestanovich')?.description).toBe(
      'a former State Department official, now a Columbia University professor and senior fellow at the Council on Foreign Relations',
    );
  });

  it('crosses a stray blank line mid-sentence, normalises whitespace and stops at ", said"', () => {
    expect(person('Michael McFaul')?.description).toBe(
      'a former U.S. ambassador to Russia during the Obama administration who is now at Stanford University',
    );
  });

  it('gives no description where none is written', () => {
    for (const name of ['Hillary Clinton', 'Donald Trump', 'Bashar al-Assad']) expect(person(name)?.description).toBeUndefined();
  });

  it('describes with the title when the article says nothing else about the person', () => {
    for (const name of ['John Kerry', 'Dmitry Peskov', 'Ban Ki-moon']) expect(person(name)?.description).toBe(person(name)?.role);
  });

  it('cuts at a comma that starts something else, and at a list of further names', () => {
    const text = 'Kurt Volker, former special envoy to Kyiv, and Tim Morrison testified. Jane Roe, a lawyer, said no.';
    const entities = findEntities(text);
    expect(person('Kurt Volker', entities)?.description).toBe('former special envoy to Kyiv');
    expect(person('Jane Roe', entities)?.description).toBe('a lawyer');
  });

  it('does not take a new clause after a name for an appositive', () => {
    const entities = findEntities('Rep. Adam Schiff spoke. To get attention back from Schiff, the front-runners must become shriller.');
    expect(person('Adam Schiff', entities)?.description).toBe('Rep.');
  });

  it('needs an appositive opener: "Name, said" gives nothing, nor a two-word who clause', () => {
    const entities = findEntities('The deal is off, said John Smith, adding that Mary Jones, who left, agreed.');
    expect(person('John Smith', entities)?.description).toBeUndefined();
    expect(person('Mary Jones', entities)?.description).toBeUndefined();
  });
});

describe('roles (titles before a name)', () => {
  it.each([
    ['John Kerry', 'Secretary of State'],
    ['Dmitry Peskov', 'Kremlin spokesman'],
    ['Josh Earnest', 'White House press secretary'],
    ['Ban Ki-moon', 'U.N. Secretary-General'],
    ['Edward Snowden', 'former National Security Agency contractor'],
    ['Barack Obama', 'President'],
  ])('%s: %s', (name, role) => {
    expect(person(name)?.role).toBe(role);
  });

  it('gives no role for a party label or a plain name', () => {
    expect(person('Hillary Clinton')?.role).toBeUndefined();
    expect(person('Donald Trump')?.role).toBeUndefined();
    expect(person('Stephen Sestanovich')?.role).toBeUndefined();
  });

  it('reads titles in other sentences too', () => {
    const text = 'Russian Foreign Minister Sergei Lavrov spoke. Later, former Prime Minister Tony Blair and analyst Jane Doe arrived.';
    const entities = findEntities(text);
    expect(person('Sergei Lavrov', entities)?.role).toBe('Russian Foreign Minister');
    expect(person('Tony Blair', entities)?.role).toBe('former Prime Minister');
    expect(person('Jane Doe', entities)?.role).toBe('analyst');
  });

  it('does not read an organisation’s name as a title ("Justice Department")', () => {
    const entities = findEntities('The US Justice Department said on Friday it would appeal.');
    expect(entities.some((e) => e.type === 'person')).toBe(false);
    expect(entities.find((e) => e.name === 'US Justice Department')?.type).toBe('organization');
  });
});
