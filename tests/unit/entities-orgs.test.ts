// Organisations the lists don't know: found by the words news writes around them, by their learned head
// words, as long formal names, as bare acronyms, and by their short form after the full name. The model
// file (lib/model/orgs.json) must be what scripts/train-orgs.ts makes today. Made-up names throughout.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../lib/analysis/entities';
import { isLearnedOrgHead } from '../../lib/analysis/org-cues';
import type { Entity } from '../../lib/analysis/types';

const repoRoot = resolve(import.meta.dirname, '../..');

/** Each mention's text with its entity's type and name. */
function read(text: string): Map<string, { type: Entity['type']; name: string }> {
  const out = new Map<string, { type: Entity['type']; name: string }>();
  for (const e of findEntities(text)) for (const m of e.mentions) out.set(text.slice(m.start, m.end), { type: e.type, name: e.name });
  return out;
}

const typeOf = (text: string, name: string): Entity['type'] | undefined => read(text).get(name)?.type;

describe('lib/model/orgs.json', () => {
  it('reproduces byte for byte from CoNLL eng.train and the silver news', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lede-orgs-')), 'orgs.json');
    execFileSync(process.execPath, [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'scripts/train-orgs.ts'), '--out', out], { stdio: 'pipe' });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(repoRoot, 'lib/model/orgs.json'), 'utf8'));
  }, 120_000);

  it('learns institutions’ head words, not the towns of sports clubs', () => {
    for (const w of ['Network', 'Research', 'School', 'Company', 'Group', 'Beauty']) expect(isLearnedOrgHead(w)).toBe(true);
    for (const w of ['Moscow', 'Amsterdam', 'Matter', 'Smith']) expect(isLearnedOrgHead(w)).toBe(false);
  });
});

describe('words around a company', () => {
  it.each([
    ['Glimmerfin', 'Shares of Glimmerfin rose 4% in early trading on Tuesday.'],
    ['Quorvane', 'Quorvane said in a statement that it would close 40 stores.'],
    ['Brelloway', 'Brelloway filings show the loss widened.'],
    ['Tandrel', 'The rival chain Tandrel (NYSE: TDL) cut prices again.'],
    ['Pellucid', 'Pellucid’s stock has slid 9% this year.'],
    ['Numerix', 'Shoppers spent 4% more this spring, according to Numerix.'],
    ['Tessaly', 'Tessaly’s 2012 acquisition of the studio postponed the sequel.'],
    ['Vorrick', 'This is what happened in Vorrick’s buyout in 2013.'],
    ['Kellvane', 'The pattern was not universal, a historian said in an email to Kellvane.'],
    ['Gossiprail', 'Some users pointed to articles published on Gossiprail to support the claim.'],
    ['Zarvio', 'Horror stories about the taxi service Zarvio have been commonplace in recent months.'],
    ['Korvell', 'Suppliers lack the scale to dictate prices the way a company like Korvell does.'],
    ['Brindlepoint', 'The game developer Brindlepoint has a thing for cordial robots.'],
  ])('%s is an organisation', (name, text) => {
    expect(typeOf(text, name)).toBe('organization');
  });

  it('keeps a person the article names in full a person, whatever they said in a statement', () => {
    const text = 'Sarah Quillon runs the bakery. Quillon said in a statement that she would reopen.';
    expect(typeOf(text, 'Quillon')).toBe('person');
  });

  it('keeps a job before a full name a job', () => {
    const text = 'The developer Marta Quillon built the app, she said.';
    expect(typeOf(text, 'Marta Quillon')).toBe('person');
  });

  it('makes no organisation of the surname of a name no rule could type', () => {
    const text = 'Marta Quillon runs the bakery. Quillon said in a statement that she would reopen.';
    expect(typeOf(text, 'Quillon')).not.toBe('organization');
  });
});

describe('companies the tagger took for people', () => {
  it('reads lone words only the tagger called people in a list led by a known company as companies', () => {
    const text = 'The chain competes with rivals such as Walmart, Kroger and Costco for shoppers.';
    expect(typeOf(text, 'Kroger')).not.toBe('person');
    expect(typeOf(text, 'Costco')).not.toBe('person');
  });

  it('keeps people the page names in full people in such a list', () => {
    const text = 'Sarah Pellam met Tom Vantrel. Walmart, Pellam and Vantrel signed the deal.';
    expect(typeOf(text, 'Pellam')).toBe('person');
  });
});

describe('head words of companies and institutions', () => {
  it.each([
    ['Vendle Research', 'The figures come from Vendle Research, which tracks prices.'],
    ['Orrin Beauty', 'Shoppers at Orrin Beauty spent more this spring.'],
    ['Calder Hume Company', 'Analysts at Calder Hume Company were cautious.'],
  ])('%s is an organisation', (name, text) => {
    expect(typeOf(text, name)).toBe('organization');
  });
});

describe('long formal names', () => {
  it.each([
    ['Royal Society for the Protection of Old Mills', 'The Royal Society for the Protection of Old Mills said the law came too late.'],
    ['Brackenridge Medical School of Public Health', 'Researchers at the Brackenridge Medical School of Public Health found the rise.'],
    ['Committee for a Fair Water Budget', 'The Committee for a Fair Water Budget reported that the plan would cost more.'],
    ['Office on Drugs and Crime', 'The agency’s Office on Drugs and Crime warned of new routes.'],
    ['County Sheriff’s Office for the Northern District', 'The County Sheriff’s Office for the Northern District made the arrest.'],
  ])('reads %s whole, as one organisation', (name, text) => {
    expect(typeOf(text, name)).toBe('organization');
  });

  it('leaves a place’s own ministry, a title after the name and a second body after "and the" apart', () => {
    const got = read('Norway’s Ministry of Fisheries said so. Harbor Council of Elders Speaker Jane Roe spoke. The Grand Electoral Commission and the Police Service met.');
    expect(got.get('Ministry of Fisheries')?.type).toBe('organization');
    expect(got.has('Norway’s Ministry of Fisheries')).toBe(false);
    expect(got.get('Jane Roe')?.type).toBe('person');
    expect([...got.keys()].some((k) => k.includes('Speaker'))).toBe(false);
    expect([...got.keys()].some((k) => k.includes('Commission and the'))).toBe(false);
  });

  it('stops at the head when a person follows', () => {
    const text = 'The Tallow Foundation gave the prize to Jane Roe last year.';
    const got = read(text);
    expect(got.get('Tallow Foundation')?.type).toBe('organization');
    expect(got.get('Jane Roe')?.type).toBe('person');
  });
});

describe('acronyms', () => {
  it('reads an unknown acronym in running text as an organisation', () => {
    expect(typeOf('A new survey by QLRB found that most renters had moved.', 'QLRB')).toBe('organization');
  });

  it('leaves things and measures alone, and headlines set in capitals', () => {
    const got = read('The NFT sold for more than its HDMI cable.\n\nPRICES SOAR AGAIN\n\nPrices rose.');
    expect(got.has('NFT')).toBe(false);
    expect(got.has('HDMI')).toBe(false);
    expect(got.has('SOAR')).toBe(false);
  });
});

describe('a company first named in full, then by its first word', () => {
  it('gives the short form the full name’s type and entity, found or not', () => {
    const text = 'Shoppers at Orrin Beauty spent more this spring. Later, Orrin said sales had risen. Orrin also hired.';
    const got = read(text);
    expect(got.get('Orrin Beauty')).toEqual({ type: 'organization', name: 'Orrin Beauty' });
    expect(got.get('Orrin')).toEqual({ type: 'organization', name: 'Orrin Beauty' });
  });

  it('reads the full name whole where a sentence opens with it', () => {
    const text = 'Shares of Home Harbor fell on Monday. Home Harbor reported weaker sales.';
    const names = findEntities(text).filter((e) => e.type === 'organization');
    expect(names.map((e) => e.name)).toEqual(['Home Harbor']);
    expect(names[0]!.mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Home Harbor', 'Home Harbor']);
  });

  it('lends no short form from a name that does not end as a company’s does', () => {
    const text = 'The new Tessaly Move speaker is small. Tessaly said it would ship in May.';
    expect(read(text).get('Tessaly')?.name).not.toBe('Tessaly Move');
  });

  it('leaves a word shared by two organisations, and a person’s honorific form, alone', () => {
    const text = 'Tessaly Labs and Tessaly Foods merged. Tessaly said nothing. Mr. Quorn of Quorn Partners spoke.';
    const got = read(text);
    expect(got.get('Tessaly')?.name).not.toBe('Tessaly Labs');
    expect(got.get('Quorn')?.type).toBe('person');
  });
});
