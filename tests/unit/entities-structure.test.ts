// Page structure in the reading: bylines, wire lines, contributor lines and photo credits carry the
// page's names, not the story's; blocks and lines bound every name. Made-up text throughout.
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../lib/analysis/entities';
import { markPageFurniture } from '../../lib/analysis/page-lines';
import { tokenize } from '../../lib/analysis/tokens';

function names(text: string): string[] {
  return findEntities(text).flatMap((e) => e.mentions.map((m) => `${e.type}:${text.slice(m.start, m.end)}`));
}

function furniture(text: string): string[] {
  const tokens = tokenize(text);
  markPageFurniture(tokens);
  return tokens.filter((t) => t.furniture && t.isWord).map((t) => t.text);
}

const BODY = 'Mayor Alice Brennan said on Monday that the city of Denver would open two new libraries next year.';

describe('bylines are not read for names', () => {
  it.each([
    ['By Harriet Quell and Tomas Ferrow'],
    ['By HARRIET QUELL, TOMAS FERROW and OSKAR LIND'],
    ['By Harriet Quell, CNN'],
    ['By Harriet Quell , Tomas Ferrow on Monday, November 18th, 2019 at 11:08 a.m.'],
    ['Harriet Quell Associated Press'],
    ['Harriet Quell, Reuters'],
    ['PTI, Denver,'],
    ['11/19/2019 by Harriet Quell'],
    ['Associated Press'],
    ['Harriet Quell 1 day ago'],
    ['Harriet Quell 5 min read'],
    ['Posted by Harriet Quell on November 19, 2019, 6:21 AM EST'],
    ['By Harriet Quell@hquell Updated Jul 24, 2019'],
    ['HARRIET QUELL, DENVER DAILY'],
  ])('%s', (byline) => {
    const text = `City opens two libraries\n\n${byline}\n\n${BODY}`;
    const found = names(text);
    expect(found.some((n) => /Harriet|Quell|Tomas|Ferrow|Oskar|HARRIET|QUELL|DENVER|CNN|PTI|Associated|Updated/.test(n))).toBe(false);
    // The story's own names are still read.
    expect(found).toContain('person:Alice Brennan');
    expect(found).toContain('place:Denver');
  });

  it('reads writers and their outlet run together over the time stamp as the byline', () => {
    const text = `City opens two libraries\n\nHarriet Quell and Tomas J. Ferrow Denver Daily Ledger\n\nPublished 10:02 AM EST Nov 19, 2019\n\n${BODY}`;
    const found = names(text);
    expect(found.some((n) => /Harriet|Quell|Tomas|Ferrow|Ledger/.test(n))).toBe(false);
    expect(found).toContain('person:Alice Brennan');
    expect(found).toContain('place:Denver');
  });

  it('keeps a line of names that no time stamp follows', () => {
    const text = `Harriet Quell and Tomas Ferrow\n\n${BODY}`;
    expect(furniture(text)).toEqual([]);
  });

  it('keeps a sentence that merely starts with "By"', () => {
    const text = 'By Tuesday, Alice Brennan had signed the budget that the council sent her.';
    expect(furniture(text)).toEqual([]);
    expect(names(text)).toContain('person:Alice Brennan');
  });
});

describe('contributor lines and credits', () => {
  it('drops contributor lines at the end of a story', () => {
    const text = `${BODY}\n\nAssociated Press writers Harriet Quell in Denver and Tomas Ferrow contributed to this report.\n\nOskar Lind contributed reporting from Hong Kong.`;
    const found = names(text);
    expect(found.filter((n) => /Harriet|Tomas|Oskar|Hong Kong/.test(n))).toEqual([]);
    expect(found).toContain('person:Alice Brennan');
  });

  it('drops photo credits, and the photographer never joins a name in the caption', () => {
    expect(furniture('© Harriet Quell')).toEqual(['Harriet', 'Quell']);
    expect(furniture('Alice Brennan at the opening (AP Photo/Harriet Quell)')).toEqual(['AP', 'Photo', 'Harriet', 'Quell']);
    expect(furniture('Alice Brennan at the opening. Photo: Harriet Quell/Getty Images')).toEqual(['Photo', 'Harriet', 'Quell', 'Getty', 'Images']);
    const text = 'Mayor Alice Brennan spoke at the opening of the library. Photo: Harriet Quell';
    const found = names(text);
    expect(found).toContain('person:Alice Brennan');
    expect(found.some((n) => /Harriet|Quell|Photo/.test(n))).toBe(false);
  });
});

describe('bylines run into the line before or after them', () => {
  it('drops a byline after the time stamp that closes a headline line', () => {
    const text = `City opens two libraries 5:45 AM PST 11/19/2019 by Harriet Quell "We will read more," says Alice Brennan, the mayor of Denver.`;
    const found = names(text);
    expect(found.some((n) => /Harriet|Quell/.test(n))).toBe(false);
    expect(found).toContain('person:Alice Brennan');
  });

  it('drops an agency writer\'s name and title inside a line', () => {
    const text = 'City opens two libraries Harriet Quell, Ap National Education Writer DENVER (AP) — Mayor Alice Brennan said on Monday that the city would open two new libraries.';
    const found = names(text);
    expect(found.some((n) => /Harriet|Quell/.test(n))).toBe(false);
    expect(found).toContain('person:Alice Brennan');
  });

  it('drops a wire sign-off in brackets at the end of a paragraph', () => {
    const text = `${BODY} (Reporting by Harriet Quell, Tomas Ferrow; editing by Oskar Lind)`;
    expect(furniture(text)).toEqual(['Reporting', 'by', 'Harriet', 'Quell', 'Tomas', 'Ferrow', 'editing', 'by', 'Oskar', 'Lind']);
    expect(names(text)).toContain('person:Alice Brennan');
  });

  it('drops a credit for all the photos', () => {
    expect(furniture('The deck that made tarot famous (All photos: Velmora staff) Picture a deck of cards.')).toEqual(['All', 'photos', 'Velmora', 'staff']);
  });

  it('keeps a name after "by" that follows no time stamp', () => {
    const text = 'The library was designed by Harriet Quell, an architect from Denver.';
    expect(furniture(text)).toEqual([]);
    expect(names(text)).toContain('person:Harriet Quell');
  });
});

describe('lines that only look like bylines', () => {
  it('keeps a dateline in capitals and a sentence that ends in "ago"', () => {
    expect(furniture('DENVER, Colo.')).toEqual([]);
    expect(furniture('Alice Brennan left the city council two years ago')).toEqual([]);
    expect(furniture('ALICE BRENNAN WINS, CITY CHEERS')).toEqual([]);
  });
});

describe("the author's note at a story's end", () => {
  it.each([
    ['Email Harriet Quell at hquell@example.com or follow her @hquell. Follow us on Twitter @DenverDaily.'],
    ['Harriet Quell (hquell@example.com) is the editor of the Denver Daily Review and writes about city budgets.'],
    ['Have a tip? Harriet Quell may be reached at hquell@example.com. Follow her on Twitter @hquell.'],
    ['Originally published on Denver Daily.'],
  ])('%s', (note) => {
    const found = names(`${BODY}\n\n${note}`);
    expect(found.filter((n) => /Harriet|Quell|Denver Daily/.test(n))).toEqual([]);
    expect(found).toContain('person:Alice Brennan');
  });

  it('keeps a story line that quotes an account by its handle', () => {
    const text = 'The Senate shared the vote on the Twitter account of Senator Harriet Quell, @hquell, on Monday.';
    expect(furniture(text)).toEqual([]);
  });
});

describe("a science story's reference to the paper", () => {
  it.each([
    ['More information: Harriet Quell et al. Reading the river, Journal of Denver Hydrology (2019). DOI: 10.1000/jdh.2019.17'],
    ['Journal Reference: Harriet Quell, Tomas Ferrow. Reading the river. Denver Hydrology Letters, 2019; 12 (4): 33'],
    ['Harriet Quell, Tomas Ferrow. Reading the river. Denver Hydrology Letters (2019). DOI: 10.1000/dhl.2019.4'],
  ])('%s', (reference) => {
    const found = names(`${BODY}\n\n${reference}`);
    expect(found.filter((n) => /Harriet|Quell|Tomas|Ferrow|Hydrology/.test(n))).toEqual([]);
    expect(found).toContain('person:Alice Brennan');
  });
});

describe('blocks bound names', () => {
  it('never joins words across a line or block break', () => {
    const text = 'Budget vote delayed at City Hall\n\nAlice Brennan said the vote would wait.';
    for (const e of findEntities(text)) for (const m of e.mentions) expect(text.slice(m.start, m.end)).not.toMatch(/\n/);
  });
});

describe('titles of works in quotation marks', () => {
  it('reads no names inside a quoted title-case title or slogan', () => {
    const text = 'The band will play “Harbor Lights Over Denver,” “Walk To The River” and its new single. Alice Brennan called them the “Never Quitters.” Mayor Alice Brennan opened the show.';
    const found = names(text);
    expect(found.some((n) => /Harbor|Denver|River|Quitters/.test(n))).toBe(false);
    expect(found).toContain('person:Alice Brennan');
  });

  it('still reads names in quoted speech', () => {
    const text = '“We met Alice Brennan in Denver last week,” the official said.';
    const found = names(text);
    expect(found).toContain('person:Alice Brennan');
    expect(found).toContain('place:Denver');
  });
});
