// Mentions whose own words say what they are (lib/analysis/name-shapes.ts), and tagger spans cut where a
// sentence or a bracket ends (entities-merge.ts). Made-up names throughout.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import companies from '../../lib/model/companies.json';
import holidays from '../../lib/model/holidays.json';
import { Strength } from '../../lib/analysis/entities-classify';
import { findEntities } from '../../lib/analysis/entities';
import type { ResolvedMention } from '../../lib/analysis/entities-link';
import { reviseByShape } from '../../lib/analysis/name-shapes';
import { tokenize, type Token } from '../../lib/analysis/tokens';

function names(text: string): string[] {
  return findEntities(text).map((e) => `${e.type}:${e.name}`);
}

/** A person mention of `phrase` typed by spelling alone, as the tagger leaves it. */
function mention(tokens: Token[], phrase: string, nth = 0): ResolvedMention {
  const words = phrase.split(' ');
  const starts = tokens.map((_, i) => i).filter((i) => words.every((w, k) => tokens[i + k]?.text === w));
  // The nth mention counts occurrences of this phrase only.
  const first = starts[Math.min(nth, starts.length - 1)]!;
  const last = first + words.length - 1;
  return {
    type: 'person',
    name: phrase,
    candidate: { first, last, start: tokens[first]!.start, end: tokens[last]!.end, text: phrase, type: 'person', strength: Strength.Medium, honorific: false },
  };
}

function mentions(text: string): string[] {
  return findEntities(text).flatMap((e) => e.mentions.map((m) => `${e.type}:${text.slice(m.start, m.end)}`));
}

describe('holidays, storms, lone letters, time stamps and credits are no names', () => {
  it.each([
    ['Diwali', 'Since Diwali, despite the court’s ban, the air in the capital has worsened, said Ravi Pandhare.'],
    ['Thanksgiving', 'Shoppers crowded the stores before Thanksgiving, said Jane Moskel, who runs the Ardley mall.'],
    ['Eid al-Fitr', 'Sales rose in the week of Eid al-Fitr, said Omar Talbani, a trader in the market.'],
    ['Hurricane Sandy', 'The firm raised its prices during Hurricane Sandy, said Maria Lopresti, a city official.'],
    ['Typhoon Hagibis', 'Rail lines were shut after Typhoon Hagibis struck, said Kenji Murase of the rail operator.'],
  ])('%s', (name, text) => {
    const found = names(text);
    expect(found.some((n) => n.endsWith(`:${name}`))).toBe(false);
    expect(found.some((n) => n.startsWith('person:'))).toBe(true);
  });

  it('drops a lone capital letter: a trim level, a kind of cell', () => {
    const text = 'Vexmoor will sell an S line model with larger wheels. The drug trains the body’s T cells, said Ana Corvell.';
    expect(names(text).filter((n) => /:[A-Z]$/.test(n))).toEqual([]);
  });

  it('drops a weekday abbreviation in a time stamp', () => {
    const text = 'PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019\n\nPolice in Harwick said the protest was over, according to Lena Dorsey.';
    expect(names(text).some((n) => n.endsWith(':Tue'))).toBe(false);
  });

  it('drops an agency’s "File" in a photo credit', () => {
    const text = 'Crews at the launch site prepare the rocket. (Orbex via AP, File)\n\nThe launch was delayed again, said Tom Reinholt.';
    expect(names(text).some((n) => n.endsWith(':File'))).toBe(false);
  });

  it('reproduces lib/model/holidays.json byte for byte from date-holidays', () => {
    const repoRoot = resolve(import.meta.dirname, '../..');
    const out = join(mkdtempSync(join(tmpdir(), 'lede-holidays-')), 'holidays.json');
    execFileSync(process.execPath, [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'scripts/train-holidays.ts'), '--out', out], { stdio: 'pipe' });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(repoRoot, 'lib/model/holidays.json'), 'utf8'));
  }, 120_000);

  it('the holiday list comes from the data and keeps people and places out', () => {
    const list = new Set(holidays.names.split('|'));
    for (const h of ['Christmas', 'Thanksgiving', 'Diwali', 'Hanukkah', 'Eid al-Fitr', 'Yom Kippur', "New Year's Day"]) expect(list.has(h)).toBe(true);
    // "Columbus Day" and "Washington's Birthday" are holidays; Columbus and Washington are not.
    for (const n of ['Columbus', 'Washington', 'Labour', 'Army']) expect(list.has(n)).toBe(false);
  });
});

describe('place-shaped "people" are places', () => {
  it('an address after its house number', () => {
    const text = 'Officers stopped a car driven by Jon Perlet, 29, of 1909 Vexley Drive, the sheriff said.';
    const found = names(text);
    expect(found).not.toContain('person:Vexley Drive');
    expect(found).toContain('person:Jon Perlet');
  });

  it('districts of a town named together', () => {
    // As a schools' results line reads: "Sorvik North", "Sorvik West" each typed a person by spelling.
    const text = 'Summary: Sorvik North diver Ben Hallam won the title, ahead of Sorvik West.';
    const tokens = tokenize(text);
    const revised = reviseByShape(tokens, [mention(tokens, 'Sorvik North'), mention(tokens, 'Ben Hallam'), mention(tokens, 'Sorvik West')]);
    expect(revised.map((m) => `${m.type}:${m.name}`)).toEqual(['place:Sorvik North', 'person:Ben Hallam', 'place:Sorvik West']);
  });

  it('one compass-word name alone stays as typed', () => {
    const text = 'Summary: Sorvik North diver Ben Hallam won the title.';
    const tokens = tokenize(text);
    const revised = reviseByShape(tokens, [mention(tokens, 'Sorvik North'), mention(tokens, 'Ben Hallam')]);
    expect(revised.map((m) => `${m.type}:${m.name}`)).toEqual(['person:Sorvik North', 'person:Ben Hallam']);
  });

  it('a surname that is a compass word stays a person', () => {
    const text = 'The manager has worked with the likes of Kanye West and Lila Marchetti, both of whom praised him.';
    expect(names(text)).toContain('person:Kanye West');
  });

  it('a town joined to a Saint’s town is one place, not a person', () => {
    const text = 'Home prices in the Minneapolis-St. Paul area rose 4 percent, said Dana Whitcombe.';
    const found = names(text);
    expect(found).toContain('place:Minneapolis-St. Paul');
    expect(found.filter((n) => n.startsWith('person:') && n !== 'person:Dana Whitcombe')).toEqual([]);
  });

  it('a planet is a place, not an organisation', () => {
    const text = 'Water plumes rise above Jupiter’s moon Europa, said Lucia Pagnotta, a scientist at the Harlow Center. The water is hard to find beyond Earth, she said.';
    const found = names(text);
    expect(found.filter((n) => /:(?:Jupiter|Earth)$/.test(n) && !n.startsWith('place:'))).toEqual([]);
  });
});

describe('a one-word "person" that is a fragment of a longer name', () => {
  const revised = (text: string, ...phrases: string[]): string[] => {
    const tokens = tokenize(text);
    return reviseByShape(tokens, phrases.map((p, k) => mention(tokens, p, k))).map((m) => m.name);
  };

  it('drops the word of a title or a venue the name left out', () => {
    expect(revised('Honorable mentions: the documentary Ex Libris, by Frank Wisemore.', 'Libris', 'Frank Wisemore')).toEqual(['Frank Wisemore']);
    expect(revised('Tickets for the Saratoga Performing Arts Center sold out, said Dana Kell.', 'Saratoga', 'Dana Kell')).toEqual(['Dana Kell']);
  });

  it('keeps a title’s person, a split given name’s, and a name also written alone', () => {
    expect(revised('His mother, Queen Elizabeth, disapproved.', 'Elizabeth')).toEqual(['Elizabeth']);
    expect(revised('Buck Cullen stores the bones in his backyard.', 'Cullen')).toEqual(['Cullen']);
    expect(revised('The Howitt Lab grew, and Howitt said the cells were new.', 'Howitt', 'Howitt')).toEqual(['Howitt', 'Howitt']);
  });
});

describe('a name ends where its sentence or bracket does', () => {
  it('a closing bracket the tagger ran on over', () => {
    const text = 'The hotel manager Bobby (a splendid, warm Willem Dafoe), who tries to keep order, is the film’s heart.';
    expect(mentions(text)).toContain('person:Willem Dafoe');
    expect(mentions(text).some((m) => m.includes(')'))).toBe(false);
  });

  it('a period the tagger ran on over', () => {
    const text = 'The war was being lost by the Luminoth. The Ing had taken most of their land.';
    expect(mentions(text).some((m) => m.includes('.'))).toBe(false);
  });

  it('keeps a bracket opened inside the name', () => {
    const text = 'Results of the Yugoslav basketball league: Mladost ( L ) 78 Buducnost ( V ) 71.';
    expect(mentions(text).some((m) => m.endsWith('( L') || m.endsWith('( V'))).toBe(false);
  });
});

describe('a name opens with a letter or a digit', () => {
  it('drops the tail of a title that starts at an ampersand', () => {
    const text = 'The car was shown by Dana Korvel, vice president, Vexmoor Sales & Regional Operations at Vexmoor North America.';
    const tokens = tokenize(text);
    const amp = tokens.findIndex((t) => t.text === '&');
    const tail: ResolvedMention = {
      type: 'organization',
      name: '& Regional Operations',
      candidate: { first: amp, last: amp + 2, start: tokens[amp]!.start, end: tokens[amp + 2]!.end, text: '& Regional Operations', type: 'organization', strength: Strength.Medium, honorific: false },
    };
    expect(reviseByShape(tokens, [mention(tokens, 'Dana Korvel'), tail]).map((m) => m.name)).toEqual(['Dana Korvel']);
  });
});

describe('two places joined by a hyphen, and the possessive of an irregular plural', () => {
  it('drops "US-China" qualifying a noun, keeps a country whose name has a hyphen', () => {
    expect(names('A muddled view of US-China trade talks weighs on investors, said Mark Tenley.')).toEqual(['person:Mark Tenley']);
    expect(names('Guinea-Bissau held elections on Sunday, said Mark Tenley.')).toContain('place:Guinea-Bissau');
  });

  it('"People’s" opens the name after it, and the short form joins it', () => {
    const text = 'Troops of the People’s Liberation Army were seen in Harwick, said Mark Tenley. The Liberation Army is large.';
    const army = findEntities(text).find((e) => e.type === 'organization');
    expect(army?.name).toBe('People’s Liberation Army');
    expect(army?.mentions.map((m) => text.slice(m.start, m.end))).toEqual(['People’s Liberation Army', 'Liberation Army']);
  });
});

describe('brand spellings and time stamps', () => {
  const typed = (text: string, ...phrases: string[]): string[] => {
    const tokens = tokenize(text);
    return reviseByShape(tokens, phrases.map((p) => mention(tokens, p))).map((m) => `${m.type}:${m.name}`);
  };

  it('a "person" spelled as a brand is an organisation', () => {
    expect(typed('Vexmoor’s 61W charger beats the ZentPower one, and my VexBook keyboard is black.', 'ZentPower', 'VexBook')).toEqual(['organization:ZentPower', 'organization:VexBook']);
  });

  it('surnames with an inner capital stay people', () => {
    expect(typed('Oliver McCall and Dana DeBose met Lena MacArthur.', 'Oliver McCall', 'Dana DeBose', 'Lena MacArthur')).toEqual(['person:Oliver McCall', 'person:Dana DeBose', 'person:Lena MacArthur']);
  });

  it('drops a time stamp’s word wherever it stands on its line', () => {
    const text = 'April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm\n\nThe grocer raised prices, said Tom Forlani.';
    expect(names(text).some((n) => n.endsWith(':Updated'))).toBe(false);
  });
});

describe('a name after a model number is a product', () => {
  it('drops the airliner and keeps the company before a year', () => {
    const text = 'The airline will buy 30 of Vexmoor’s 787-9 Skyliner jets, said Tim Corlan. Its 737 Maxon fleet stays grounded. The 2019 Kestrel sold well.';
    const tokens = tokenize(text);
    const kept = reviseByShape(tokens, [mention(tokens, 'Skyliner'), mention(tokens, 'Tim Corlan'), mention(tokens, 'Maxon'), mention(tokens, 'Kestrel')]);
    expect(kept.map((m) => m.name)).toEqual(['Tim Corlan', 'Kestrel']);
  });
});

describe('a product tier word is no name', () => {
  it('drops "Pro" and "Max" after a model number or a brand, and keeps a person called Max', () => {
    const text = 'Battery life on the Zentphone 11 Pro Max is the best, and the VexBook Pro is light, said Max Corlan. Max Corlan tested both.';
    const tokens = tokenize(text);
    const kept = reviseByShape(tokens, [mention(tokens, 'Pro'), mention(tokens, 'Max'), mention(tokens, 'Pro', 1), mention(tokens, 'Max Corlan')]);
    expect(kept.map((m) => m.name)).toEqual(['Max Corlan']);
  });
});

describe('an ordinary word typed a place', () => {
  it('drops a lone ordinary word no list knows as a place, and keeps a town', () => {
    const text = 'I finished the game on Master, then drove from Mobile to Boston, said Lena Hartley.';
    const tokens = tokenize(text);
    const place = (phrase: string): ResolvedMention => ({ ...mention(tokens, phrase), type: 'place' });
    const kept = reviseByShape(tokens, [place('Master'), place('Mobile'), place('Boston'), mention(tokens, 'Lena Hartley')]);
    expect(kept.map((m) => m.name)).toEqual(['Mobile', 'Boston', 'Lena Hartley']);
  });
});

describe('organisms and lower-case spans', () => {
  it('a genus before its species epithet is no place or person', () => {
    expect(names('The plague is caused by the bacterium Yersinia pestis, said Lena Hartley.')).toEqual(['person:Lena Hartley']);
    expect(names('Receptors recognise pathogens such as Pseudomonas aeruginosa, said Lena Hartley.')).toEqual(['person:Lena Hartley']);
  });

  it('keeps a name before a particle and a surname, and one before an English word', () => {
    expect(names('Maria della Rovere met Lena Hartley in Rome.')).toContain('person:Maria della Rovere');
    expect(names('Shares of Vexmoor plunged on Friday, said Lena Hartley.')).toContain('organization:Vexmoor');
  });

  it('a span with no capital is no name', () => {
    expect(names('Mosquitoes of the species Aedes aegypti spread the virus, and Plasmodium falciparum causes malaria.')).toEqual([]);
  });
});

describe('list items', () => {
  it('the first word of a numbered list item is no name; a person listed with a surname is', () => {
    const text = 'Here is how to retire early, according to Dana Whitfield.\n\n6. Max out your retirement accounts\n\nWhitfield said savings matter.';
    expect(names(text)).toEqual(['person:Dana Whitfield']);
    expect(names(`${text}\n\n7. Max Corrales, a planner, agreed.`)).toContain('person:Max Corrales');
  });
});

describe('products named after their maker', () => {
  it('a product named after a company the page names alone is that company’s mention', () => {
    const text = 'Shares of Vexmoor rose on Friday. The company said its new Vexmoor Watch sold out, and Vexmoor Music Unlimited now has 20 million listeners, said Lena Hartley.';
    expect(mentions(text)).toEqual(['organization:Vexmoor', 'organization:Vexmoor', 'organization:Vexmoor', 'person:Lena Hartley']);
  });

  it('a product is its maker’s mention even where an organisation’s cue stands by it', () => {
    const text = 'Shares of Vexmoor rose on Friday. This deal works only for new Vexmoor Music Unlimited subscribers, said Lena Hartley.';
    expect(mentions(text)).toEqual(['organization:Vexmoor', 'organization:Vexmoor', 'person:Lena Hartley']);
  });

  it('keeps a company’s own longer name ending in a corporate word', () => {
    expect(names('Shares of Vexmoor fell after Vexmoor Holdings said Vexmoor Labs would hire 200 engineers, said Lena Hartley.')).toEqual(
      expect.arrayContaining(['organization:Vexmoor Holdings', 'organization:Vexmoor Labs']),
    );
  });
});

describe('names before a version number', () => {
  it('a name written before a version number is a product or a standard', () => {
    expect(names('The new Zenvo Buds 2 with wireless charging sold out, said Lena Hartley, and Quorra 6 is still launching.')).toEqual(['person:Lena Hartley']);
  });

  it('keeps a side on a results line and a player before a count', () => {
    expect(names('Harlow 2 Brantford 1. Lena Hartley scored twice.')).toEqual(expect.arrayContaining(['organization:Harlow', 'organization:Brantford']));
    expect(mentions('Harlow won 2-1 on Friday. Lena Hartley had 6 points. Hartley 6 points, Brantford 3 goals.')).toContain('person:Hartley');
  });
});

describe('released works', () => {
  it('a title a release cue follows is a work, not a name', () => {
    expect(names('Lena Hartley praised the film. Harbor Lights is currently streaming on Netflix. Quiet Orchard is available to digitally rent on YouTube.')).toEqual(['person:Lena Hartley', 'organization:Netflix', 'organization:YouTube']);
  });

  it('keeps a person who is somewhere', () => {
    expect(names('Dana Whitfield is currently in Boston, said Lena Hartley.')).toContain('person:Dana Whitfield');
  });
});

describe('ordinary words typed as people', () => {
  it('a lone ordinary word nothing shows to be someone is no person', () => {
    expect(names('The speaker has wider Stereo sound, said Lena Hartley.')).toEqual(['person:Lena Hartley']);
  });

  it('keeps one followed by "who", or by figures on a results line', () => {
    expect(names('Lena Hartley met Thorn, who runs the firm.')).toContain('person:Thorn');
    expect(names('Baker 6 points. Lena Hartley 4 points.')).toContain('person:Baker');
  });
});

describe('tiered products typed as people', () => {
  it('a "person" graded by a model tier and opened by no given name is a product', () => {
    expect(names('The preorder includes a controller, Zorvex Ultra and three months of service.')).toEqual([]);
  });

  it('keeps a person whose given name opens the name', () => {
    expect(names('The award went to Mary Max, said Lena Hartley.')).toContain('person:Mary Max');
  });
});

describe('legal forms', () => {
  it('a company’s legal form written alone after a comma is no name of its own', () => {
    expect(names('He founded Quorvane Games Systems, Inc., which makes cards, said Lena Hartley.')).toEqual(['organization:Quorvane Games Systems', 'person:Lena Hartley']);
  });
});

describe('listed companies typed as people', () => {
  const typed = (text: string, ...phrases: string[]): string[] => {
    const tokens = tokenize(text);
    return reviseByShape(tokens, phrases.map((p) => mention(tokens, p))).map((m) => `${m.type}:${m.name}`);
  };

  it('a lone "person" named as a listed company, nothing showing someone, is an organisation', () => {
    expect(typed('Komatsu expects sales to slow, and Fujitsu’s new servers ship in May.', 'Komatsu', 'Fujitsu')).toEqual(['organization:Komatsu', 'organization:Fujitsu']);
  });

  it('so is one whose later words are ordinary words or places', () => {
    expect(typed('Komatsu Philippines opened a plant.', 'Komatsu Philippines')).toEqual(['organization:Komatsu Philippines']);
  });

  it('keeps someone: a "who" after the name, or a surname after the word', () => {
    expect(typed('Komatsu, who runs the lab, spoke.', 'Komatsu')).toEqual(['person:Komatsu']);
    expect(typed('The pass went to Komatsu Hartley.', 'Komatsu Hartley')).toEqual(['person:Komatsu Hartley']);
  });

  it('so is one opening with an app’s or a maker’s brand and going on with ordinary words, but not that brand alone', () => {
    const apps = new Set(companies.apps.split(' '));
    expect(apps.has('Dolby')).toBe(true);
    expect(typed('The console does not support Dolby Vision yet.', 'Dolby Vision')).toEqual(['organization:Dolby Vision']);
    expect(typed('Dolby spoke first.', 'Dolby')).toEqual(['person:Dolby']);
  });

  it('a lone "person" the page also names as a website or with a company’s head is an organisation', () => {
    const text = 'Zentrac expects sales to slow, Zentrac.com said. Quillor Holdings owns Quillor.';
    const tokens = tokenize(text);
    const site = { ...mention(tokens, 'Zentrac.com'), type: 'organization' as const };
    const holding = { ...mention(tokens, 'Quillor Holdings'), type: 'organization' as const };
    const out = reviseByShape(tokens, [mention(tokens, 'Zentrac'), site, holding, mention(tokens, 'Quillor', 1)]).map((m) => `${m.type}:${m.name}`);
    expect(out).toEqual(['organization:Zentrac', 'organization:Zentrac.com', 'organization:Quillor Holdings', 'organization:Quillor']);
    expect(typed('Zentrac, who runs the lab, spoke.', 'Zentrac')).toEqual(['person:Zentrac']);
  });

  it('the list leaves out words that are also given names, surnames, places or English words', () => {
    const words = new Set(companies.words.split(' '));
    for (const w of ['Morgan', 'Ford', 'Harris', 'Boston', 'Company']) expect(words.has(w)).toBe(false);
    expect(words.has('Komatsu')).toBe(true);
    // simple-icons brands, less those cspell's people-names list knows as someone's name.
    expect(words.has('Bandcamp')).toBe(true);
    expect(words.has('Jenkins')).toBe(false);
  });

  it('reproduces lib/model/companies.json byte for byte from the word list and training text', () => {
    const repoRoot = resolve(import.meta.dirname, '../..');
    const out = join(mkdtempSync(join(tmpdir(), 'lede-companies-')), 'companies.json');
    execFileSync(process.execPath, [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'scripts/train-companies.ts'), '--out', out], { stdio: 'pipe' });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(repoRoot, 'lib/model/companies.json'), 'utf8'));
  }, 120_000);
});

describe('companies and their products typed as places', () => {
  /** Mentions of each phrase, typed as given ("place:Vela"), in the order they are listed. */
  const typed = (text: string, ...specs: string[]): string[] => {
    const tokens = tokenize(text);
    const seen = new Map<string, number>();
    const ms = specs.map((spec) => {
      const [type, phrase] = spec.split(':') as ['place' | 'organization', string];
      const nth = seen.get(phrase) ?? 0;
      seen.set(phrase, nth + 1);
      return { ...mention(tokens, phrase, nth), type };
    });
    return reviseByShape(tokens, ms).map((m) => `${m.type}:${m.name}`);
  };

  it('an app’s or a service’s one-word name the page never places is the brand', () => {
    expect(typed('It works like the paid versions of Bandcamp, and Bandcamp said so.', 'place:Bandcamp', 'place:Bandcamp')).toEqual(['organization:Bandcamp', 'organization:Bandcamp']);
  });

  it('"the X" before a lower-case noun is the brand’s, not a place', () => {
    expect(typed('They plan to expand the Bandcamp fleet, and Bandcamp had 270 aircraft.', 'place:Bandcamp', 'place:Bandcamp')).toEqual(['organization:Bandcamp', 'organization:Bandcamp']);
    expect(typed('Fires raged across the Bandcamp.', 'place:Bandcamp')).toEqual(['place:Bandcamp']);
  });

  it('placed once ("in X", "the X", "X, Ohio"), it stays a place everywhere', () => {
    expect(typed('She flew to Bandcamp and met Bandcamp officials.', 'place:Bandcamp', 'place:Bandcamp')).toEqual(['place:Bandcamp', 'place:Bandcamp']);
    expect(typed('Bandcamp, Ohio, voted. Bandcamp grew.', 'place:Bandcamp', 'place:Bandcamp')).toEqual(['place:Bandcamp', 'place:Bandcamp']);
  });

  it('the app list keeps one-word brands, even places’ names, but no country the labelled text names alone', () => {
    const apps = new Set(companies.apps.split(' '));
    for (const w of ['Bandcamp', 'Spotify', 'Emirates']) expect(apps.has(w)).toBe(true);
    for (const w of ['Jordan', 'Texas', 'Amazon']) expect(apps.has(w)).toBe(false);
  });
});

describe('ordinary words typed as organisations', () => {
  const typed = (text: string, ...specs: string[]): string[] => {
    const tokens = tokenize(text);
    const seen = new Map<string, number>();
    const ms = specs.map((spec) => {
      const [type, phrase] = spec.split(':') as ['organization' | 'place', string];
      const nth = seen.get(phrase) ?? 0;
      seen.set(phrase, nth + 1);
      return { ...mention(tokens, phrase, nth), type };
    });
    return reviseByShape(tokens, ms).map((m) => `${m.type}:${m.name}`);
  };

  it('a lone ordinary word typed by guess, nothing showing a body, is no name', () => {
    expect(typed('The bundle comes with a Trilogy pass, and a Password field is new.', 'organization:Trilogy', 'organization:Password')).toEqual([]);
  });

  it('keeps a body the page shows: it speaks, "the X", its kind after it, a possessive, figures, a longer name', () => {
    expect(typed('Trilogy said sales rose.', 'organization:Trilogy')).toEqual(['organization:Trilogy']);
    expect(typed('He wrote for the Trilogy last year.', 'organization:Trilogy')).toEqual(['organization:Trilogy']);
    expect(typed('An article by Trilogy magazine ran.', 'organization:Trilogy')).toEqual(['organization:Trilogy']);
    expect(typed('Trilogy’s games sold.', 'organization:Trilogy')).toEqual(['organization:Trilogy']);
    expect(typed('Orrell 13 Trilogy 56', 'organization:Trilogy')).toEqual(['organization:Trilogy']);
    expect(typed('Trilogy Hybrid HR ships. See it now: Trilogy', 'organization:Trilogy Hybrid HR', 'organization:Trilogy')).toEqual(['organization:Trilogy Hybrid HR', 'organization:Trilogy']);
  });

  it('keeps plurals, which name teams ("Flyers")', () => {
    expect(typed('The Hurricanes won again.', 'organization:Hurricanes')).toEqual(['organization:Hurricanes']);
  });
});

describe('connector types', () => {
  it('an acronym with one letter after a hyphen is no name, nor a standard named after it', () => {
    const text = 'Zentrac also sells USB-C car chargers with a 30W USB-C PD port, said Lena Hartley.';
    const tokens = tokenize(text);
    const typed = (phrase: string): ResolvedMention => ({ ...mention(tokens, phrase), type: 'organization' });
    expect(reviseByShape(tokens, [typed('USB-C'), typed('USB-C PD'), mention(tokens, 'Lena Hartley')]).map((m) => m.name)).toEqual(['Lena Hartley']);
  });

  it('keeps a name whose hyphen joins longer parts', () => {
    expect(names('The deal was made by T-Mobile, said Lena Hartley.')).toContain('organization:T-Mobile');
  });
});
