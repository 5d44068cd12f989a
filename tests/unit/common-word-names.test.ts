// One-word "names" that are the article's own ordinary words: a capital at a sentence's start or on
// a heading says nothing, so the article's lower-case use of the word decides. Made-up text throughout.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import ordinary from '../../lib/model/ordinary.json';
import { dropCommonWordNames } from '../../lib/analysis/common-word-names';
import { markHeadingLines } from '../../lib/analysis/entities-candidates';
import { Strength } from '../../lib/analysis/entities-classify';
import { findEntities } from '../../lib/analysis/entities';
import type { ResolvedMention } from '../../lib/analysis/entities-link';
import { tokenize } from '../../lib/analysis/tokens';
import type { EntityType } from '../../lib/analysis/types';

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

  it('drops a one-word subhead after "The"', () => {
    expect(names('Part Two: The Frozen Kingdoms\n\nThe Settlers\n\nOn the planet Vell, the settlers built farms, wrote Ilse Marrow.')).toEqual(['person:Ilse Marrow']);
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

/** Mentions of `phrase` wherever it is written, as the linker would hand them over, and which of them survive. */
function kept(text: string, phrase: string, type: EntityType = 'organization'): string[] {
  const tokens = tokenize(text);
  markHeadingLines(tokens);
  const n = phrase.split(' ').length;
  const mentions: ResolvedMention[] = [];
  for (let i = 0; i + n <= tokens.length; i++) {
    if (tokens.slice(i, i + n).map((t) => t.text).join(' ') !== phrase) continue;
    const candidate = { first: i, last: i + n - 1, start: tokens[i]!.start, end: tokens[i + n - 1]!.end, text: phrase, type, strength: Strength.Medium, honorific: false };
    mentions.push({ candidate, type, name: phrase });
  }
  return dropCommonWordNames(tokens, mentions).map((m) => text.slice(0, m.candidate.start).split('\n').length.toString());
}

describe('phrases of ordinary words on headings', () => {
  it('drops a subhead after its label\'s colon and a short subhead line', () => {
    expect(kept('Part Three: The Frozen Kingdoms\n\nThe settlers built farms in the north.', 'Frozen Kingdoms')).toEqual([]);
    expect(kept('Hidden Costs\n\nThe town paid more than it planned, the report said.', 'Hidden Costs')).toEqual([]);
  });

  it('keeps the phrase when a sentence, not a heading, opens with it', () => {
    expect(kept('Blue Horizon built the lander. Blue Horizon said it would fly in May.', 'Blue Horizon')).toHaveLength(2);
  });

  it('keeps it when the article also writes it mid-sentence', () => {
    expect(kept('Frozen Kingdoms\n\nFans of Frozen Kingdoms lined up for the game on Friday.', 'Frozen Kingdoms')).toHaveLength(2);
  });

  it('drops names glued across a title-case headline by a small word or, for people, a word the body writes in lower case', () => {
    const band = 'The Velmora Brothers Unite With Jane Roe for 50th Anniversary Tour\n\nThe band will tour with Jane Roe next year.';
    expect(kept(band, 'Brothers Unite With')).toEqual([]);
    const shares = 'Quillware Stock Is Falling After Its Earnings Release.\n\nThe stock fell 5% on Tuesday.';
    expect(kept(shares, 'Quillware Stock', 'person')).toEqual([]);
  });

  it('drops an organisation glued to a headline word the body writes only in lower case', () => {
    const picks = 'Orbex Picks Vantor, Kestrel and More to Join Private Moon Lander Program\n\nThe agency picks companies each year, Orbex said.';
    expect(kept(picks, 'Orbex Picks Vantor')).toEqual([]);
    const plumes = "The Weird Plumes of Kestrel's Moon Are Spewing Water\n\nThe plumes rise from the moon's surface, scientists said.";
    expect(kept(plumes, 'Weird Plumes of Kestrel')).toEqual([]);
  });

  it('keeps a headline organisation whose words the body capitalises or never writes in lower case', () => {
    const shop = 'Orbex Robotics Opens Its New Lab\n\nThe lab of Orbex Robotics opens on Monday.';
    expect(kept(shop, 'Orbex Robotics')).toHaveLength(2);
    expect(kept('July 27 – Holmdel, NJ @ Velmora Bank Arts Center\n\nThe tour ends in July.', 'Velmora Bank Arts Center')).toHaveLength(1);
  });

  it('keeps a name on a title-case listing line, and one the body writes too', () => {
    expect(kept('June 19 – Charlotte, NC @ Velmora Music Pavilion\n\nThe music starts at eight.', 'Velmora Music Pavilion')).toHaveLength(1);
    // A given name opens it, so only the headline rule could take it for words run together.
    expect(kept('Marisol Stock Is Falling After Its Release.\n\nThe stock of Marisol Stock fell.', 'Marisol Stock', 'person')).toHaveLength(2);
  });

  it('drops contractions however they were typed', () => {
    expect(kept('We’ll see what happens next, he said.', 'We’ll', 'person')).toEqual([]);
  });
});

describe('groups are not people', () => {
  it('drops a nationality\'s plural and an ordinary plural typed as a person', () => {
    expect(kept('In Lviv, many Ukrainians said the war had changed them.', 'Ukrainians', 'person')).toEqual([]);
    expect(kept('On Saturday the Gophers beat the Badgers at home.', 'Gophers', 'person')).toEqual([]);
  });

  it('keeps a surname that is a plural word when the article has the person speak', () => {
    expect(kept('Reporters asked about the deal, and Banks said the price was fair.', 'Banks', 'person')).toHaveLength(1);
  });

  it('keeps the same plural as an organisation (a team)', () => {
    expect(kept('On Saturday the Gophers beat the Badgers at home.', 'Gophers', 'organization')).toHaveLength(1);
  });
});

describe('sentence openers', () => {
  it('drops an adverb in -ly set off by a comma, and keeps a given name so set off', () => {
    expect(kept('The vote passed. Additionally, the council cut fees.', 'Additionally', 'person')).toEqual([]);
    expect(kept('The vote passed. Emily, the clerk, read the count.', 'Emily', 'person')).toHaveLength(1);
  });
});

describe('things named like people', () => {
  it('drops a person before "mission" or "supercomputer"', () => {
    expect(kept('The simulation ran on the Linda Fenwick supercomputer in Lyon for a month.', 'Linda Fenwick', 'person')).toEqual([]);
    expect(kept('NASA’s upcoming Vesta Courier mission will look closer. Courier could fly by in 2031.', 'Courier', 'person')).toEqual([]);
  });

  it('keeps a person whose name merely stands before such a word in a sentence', () => {
    expect(kept('Reporters asked Linda Fenwick about the game on Friday, and Fenwick said it was fair.', 'Linda Fenwick', 'person')).toHaveLength(1);
    expect(kept('After the match Linda Fenwick game plans were on every screen.', 'Linda Fenwick', 'person')).toHaveLength(1);
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

describe('capitals that name a thing or shout a word', () => {
  it('reads no name in the acronym of a technology, a drug or a job', () => {
    const text = 'The Velmora phone works only with GSM carriers, not CDMA ones, and its ECG app needs an IPS screen. Her PR team said so.';
    expect(names(text).filter((n) => /GSM|CDMA|ECG|IPS|PR/.test(n))).toEqual([]);
  });

  it('reads no name in a word written in capitals for emphasis', () => {
    const found = names('“Vote on Tuesday for your GREAT Governor, Tom Arden!” the senator wrote.');
    expect(found.some((n) => n.includes('GREAT'))).toBe(false);
    expect(found).toContain('person:Tom Arden');
  });

  it('keeps acronyms of bodies', () => {
    const found = names('Inspectors detained the man, and the WHO said the QZTA would review the case.');
    expect(found).toContain('organization:WHO');
    expect(found).toContain('organization:QZTA');
  });
});

describe('sentence openers the word lists leave out', () => {
  it('reads no name in an answer, a question\'s auxiliary or a warning opening a sentence', () => {
    const found = names('The tenant asked for her deposit back. Yep, that is the law. Do you think Marla Voss was wrong? Beware the fine print, said Voss.');
    expect(found.filter((n) => /Yep|Do|Beware/.test(n))).toEqual([]);
    expect(found).toContain('person:Marla Voss');
  });

  it('reads no name in a gerund opening its phrase, and keeps a surname so spelled', () => {
    const found = names('Four teams will join the field. Clinching in November is the goal. Harding said the draw was fair.');
    expect(found.some((n) => n.includes('Clinching'))).toBe(false);
    expect(found).toContain('person:Harding');
  });
});

describe('products read as people', () => {
  it('reads no person in a feature\'s name that ends in an ordinary word and is never shortened', () => {
    const found = names('The Velmora tablet has an edge-to-edge Liquid Canvas display and a chip with a Neural Engine for faster photos, said Dana Whitlock.');
    expect(found.filter((n) => /Canvas|Engine/.test(n))).toEqual([]);
    expect(found).toContain('person:Dana Whitlock');
  });

  it('keeps people whose given name the lists do not know', () => {
    const found = names('The board met on Monday. Masayoshi Son told investors the plan would work, and Son said more was coming.');
    expect(found).toContain('person:Masayoshi Son');
  });
});

describe('laws, events and indexes', () => {
  it('reads no name in a bill, an amendment, a festival or an index', () => {
    const found = names('The Data Retention Bill will be debated in the Senate. Winner at the 2017 Velmora Film Festival, the film cites the First Amendment. The Quanto Index fell 0.5%, said Rita Okonkwo.');
    expect(found.filter((n) => /Bill|Festival|Amendment|Index/.test(n))).toEqual([]);
    expect(found).toContain('person:Rita Okonkwo');
  });
});
