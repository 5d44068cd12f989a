// One-word "names" that are the article's own ordinary words: a capital at a sentence's start or on
// a heading says nothing, so the article's lower-case use of the word decides. Made-up text throughout.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import ordinary from '../../lib/model/ordinary.json';
import { findEntities } from '../../lib/analysis/entities';

const repoRoot = resolve(import.meta.dirname, '../..');

function names(text: string): string[] {
  return findEntities(text).map((e) => `${e.type}:${e.name}`);
}

describe('ordinary words capitalised only where capitals say nothing', () => {
  it.each([
    ['Fares', 'The city raised bus prices on Monday. Fares have increased to encourage more drivers, the transit agency said. Riders said the fares were too high.'],
    ['Hibernation', 'Hibernation\n\nScientists want astronauts to sleep through long trips. Hibernation would cut the food a crew needs, said Lena Ortmann of the Vantor Institute. Bears use hibernation every winter.'],
    ['Allergies', 'Allergies are rising in cities, said Dr. Paul Renner. Seasonal allergies now start in February.'],
  ])('%s is no name', (word, text) => {
    const found = names(text);
    expect(found.some((n) => n.endsWith(`:${word}`))).toBe(false);
  });

  it.each([
    ['Astronaut', 'Astronaut\n\nThe agency picked its new class on Monday, said Corinne Vale, its director.'],
    ['Supernova', 'Supernova\n\nA star exploded in a nearby galaxy, astronomers at the Harlow Observatory said.'],
  ])('%s, a heading word the article never uses again, is no name: everyday English writes it in lower case', (word, text) => {
    expect(names(text).some((n) => n.endsWith(`:${word}`))).toBe(false);
  });

  it('keeps a team on a results line, though its name is an ordinary word', () => {
    expect(names('Hurricanes 4, Blackhawks 2: Nino Patek had a goal and an assist.')).toContain('organization:Hurricanes');
  });

  it('keeps the real names beside them', () => {
    const found = names('Hibernation\n\nScientists want astronauts to sleep through long trips. Hibernation would cut the food a crew needs, said Lena Ortmann of the Vantor Institute. Bears use hibernation every winter.');
    expect(found).toContain('person:Lena Ortmann');
    expect(found).toContain('organization:Vantor Institute');
  });

  it('keeps a surname the article also writes after "Mr.", though it is also a word', () => {
    const text = 'The deal was signed in Oslo. Price said the price was fair, according to Mr. Price.';
    const person = findEntities(text).find((e) => e.type === 'person');
    expect(person?.name).toBe('Price');
    expect(person?.mentions.length).toBe(2);
  });

  it('keeps a surname at sentence starts when the article names the person in full', () => {
    const text = 'Judge Rosa Baker ruled on Friday. Baker said the law was clear. The baker on Main Street closed early.';
    const found = findEntities(text).filter((e) => e.type === 'person');
    expect(found.map((e) => e.name)).toEqual(['Rosa Baker']);
    expect(found[0]!.mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Rosa Baker', 'Baker']);
  });
});

describe('a span glued over an initial\'s period into the next sentence', () => {
  it('drops "D. The"', () => {
    const found = names('Switzerland beat Gibraltar 6-0 to win Group D. The day before, Portugal made it through, said coach Anton Brevik.');
    expect(found.filter((n) => n.startsWith('person:'))).toEqual(['person:Anton Brevik']);
    expect(found).toContain('place:Portugal');
  });

  it('keeps a name whose last word only looks like a function word', () => {
    expect(names('Vice Premier Liu He met trade officials in Beijing on Friday.')).toContain('person:Liu He');
  });
});

describe('ordinary English words (lib/model/ordinary.json)', () => {
  it('reproduces the list byte for byte from SUBTLEX-US and the training text', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lede-ordinary-')), 'ordinary.json');
    execFileSync(process.execPath, [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'scripts/train-ordinary.ts'), '--out', out], { stdio: 'pipe' });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(repoRoot, 'lib/model/ordinary.json'), 'utf8'));
  }, 120_000);

  it('holds everyday words and leaves out words news mostly capitalises inside names', () => {
    const words = new Set(ordinary.words.split(' '));
    for (const w of ['neon', 'astronaut', 'paramedics', 'hibernation']) expect(words.has(w)).toBe(true);
    for (const w of ['bush', 'brown', 'hunter']) expect(words.has(w)).toBe(false);
  });
});
