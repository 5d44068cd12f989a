// Entity recognition and linking: the seed article in all three versions, generic sentences
// that are not from the seed, and hostile inputs.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../lib/analysis/entities';
import { findChunks, findTitles } from '../../lib/analysis/entities-candidates';
import { tokenize } from '../../lib/analysis/tokens';
import type { Entity } from '../../lib/analysis/types';

const SEED = resolve(import.meta.dirname, '../../../shared/fixtures/seed');
const article = readFileSync(resolve(SEED, 'article.txt'), 'utf8');

/** A seed page's article text: headline, byline and body paragraphs joined by blank lines. */
function pageText(name: string): string {
  const { document } = parseHTML(readFileSync(resolve(SEED, name), 'utf8'));
  const blocks = [...document.querySelectorAll('article h1, article .byline, .article-body p')];
  return blocks.map((b) => (b.textContent ?? '').trim()).join('\n\n');
}

function surfaces(text: string, e: Entity | undefined): string[] {
  return (e?.mentions ?? []).map((m) => text.slice(m.start, m.end));
}

function byName(entities: Entity[], name: string): Entity | undefined {
  return entities.find((e) => e.name === name);
}

const SEED_ENTITIES: [string, Entity['type']][] = [
  ['John Kerry', 'person'],
  ['Dmitry Peskov', 'person'],
  ['Edward Snowden', 'person'],
  ['Stephen Sestanovich', 'person'],
  ['Michael McFaul', 'person'],
  ['Barack Obama', 'person'],
  ['Josh Earnest', 'person'],
  ['Hillary Clinton', 'person'],
  ['Donald Trump', 'person'],
  ['Ban Ki-moon', 'person'],
  ['Syria', 'place'],
  ['Russia', 'place'],
  ['Brussels', 'place'],
  ['Washington', 'place'],
  ['Moscow', 'place'],
  ['Aleppo', 'place'],
  ['Crimea', 'place'],
  ['Turkey', 'place'],
  ['Saudi Arabia', 'place'],
  ['Afghanistan', 'place'],
  ['Europe', 'place'],
  ['State Department', 'organization'],
  ['National Security Agency', 'organization'],
  ['CIA', 'organization'],
  ['Columbia University', 'organization'],
  ['Council on Foreign Relations', 'organization'],
  ['Stanford University', 'organization'],
  ['Interfax', 'organization'],
  ['Kremlin', 'organization'],
  ['White House', 'organization'],
  ['International Syria Support Group', 'organization'],
  ['United Nations', 'organization'],
  ['Islamic State', 'organization'],
];

const versions: [string, string][] = [
  ['article.txt', article],
  ['page-restored.html', pageText('page-restored.html')],
  ['page-stripped.html', pageText('page-stripped.html')],
];

describe.each(versions)('seed article (%s)', (_label, text) => {
  const entities = findEntities(text);

  it.each(SEED_ENTITIES)('finds %s as a %s, with id type:name', (name, type) => {
    const e = byName(entities, name);
    expect(e?.type).toBe(type);
    expect(e?.id).toBe(`${type}:${name}`);
  });

  it('links every form of a person to one entity, including forms that come before the full name', () => {
    const kerry = surfaces(text, byName(entities, 'John Kerry'));
    expect(kerry).toContain('John Kerry');
    expect(kerry.filter((s) => s === 'Kerry').length).toBeGreaterThanOrEqual(7); // "Mr. Kerry" x7 + "Kerry is a congenial"
    const clinton = byName(entities, 'Hillary Clinton')!;
    expect(surfaces(text, clinton)).toEqual(['Clinton', 'Hillary Clinton']);
    expect(surfaces(text, byName(entities, 'Donald Trump'))).toEqual(['Trump', 'Donald Trump']);
    expect(surfaces(text, byName(entities, 'Ban Ki-moon'))).toEqual(['Ban Ki-moon', 'Ban']);
    expect(surfaces(text, byName(entities, 'Josh Earnest'))).toEqual(['Josh Earnest', 'Earnest']);
    expect(entities.filter((e) => e.type === 'person' && /^(Kerry|Clinton|Trump|Ban|Obama)$/.test(e.name))).toEqual([]);
  });

  it('keeps "Democrat" out of Hillary Clinton’s mention and gives her no role', () => {
    const clinton = byName(entities, 'Hillary Clinton')!;
    expect(clinton.role).toBeUndefined();
    expect(surfaces(text, clinton).some((s) => s.includes('Democrat'))).toBe(false);
  });

  it('reports no calendar words, nationalities, titles or nested names', () => {
    const names = entities.map((e) => e.name);
    for (const bad of ['Tuesday', 'Monday', 'January', 'Democrat', 'Republican', 'Arab', 'Syrian', 'Russian', 'European',
      'American', 'Cold War', 'Cold', 'Secretary of State', 'Secretary-General', 'President', 'Kaynak', 'Source', 'SYRIAN',
      'State John', 'Speaking', 'While', 'Senior', 'Were', 'Thats', 'Former']) {
      expect(names).not.toContain(bad);
    }
    // "Syria" inside "International Syria Support Group" is not a mention of Syria.
    const group = byName(entities, 'International Syria Support Group')!.mentions[0]!;
    const syria = byName(entities, 'Syria')!;
    expect(syria.mentions.some((m) => m.start >= group.start && m.end <= group.end)).toBe(false);
  });

  it('gives the Kremlin one type everywhere: an organisation, as its spokesman shows', () => {
    expect(entities.filter((e) => e.name === 'Kremlin').map((e) => e.type)).toEqual(['organization']);
  });

  it('returns mentions in text order, inside the text, without overlaps', () => {
    const all = entities.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);
    for (const e of entities) {
      const starts = e.mentions.map((m) => m.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
    all.forEach((m, i) => {
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(text.length);
      expect(m.end).toBeGreaterThan(m.start);
      if (i > 0) expect(m.start).toBeGreaterThanOrEqual(all[i - 1]!.end);
    });
  });
});

describe('possessives', () => {
  it('reads "Moscow’s" and the apostrophe-less "Moscows" as Moscow, without the s', () => {
    for (const text of ['Moscow’s influence grew. Officials in Moscow agreed.', 'Moscows influence grew. Officials in Moscow agreed.']) {
      const moscow = findEntities(text).find((e) => e.name === 'Moscow');
      expect(moscow?.type).toBe('place');
      expect(surfaces(text, moscow)).toEqual(['Moscow', 'Moscow']);
    }
  });
});

describe('apostrophes', () => {
  it('reads a name with a curly apostrophe as it reads the straight one', () => {
    for (const text of [
      'Voters rallied behind the little-known Declan O’Shaughnessy on Tuesday.',
      'The museum acquired a painting by Brigid O’Keeffe last year.',
    ]) {
      const people = findEntities(text).filter((e) => e.type === 'person');
      expect(people.map((e) => surfaces(text, e)[0])).toEqual([text.match(/\p{Lu}\p{Ll}+ O’\p{Lu}\p{Ll}+/u)![0]]);
    }
  });

  it('keeps an unknown given name with the surname the tagger calls a person', () => {
    const text = 'The region will go the way of the embattled Ciaran O’Rourke until someone steps in.';
    expect(findEntities(text).map((e) => `${e.type}:${e.name}`)).toEqual(['person:Ciaran O’Rourke']);
  });

  it('reads two unknown words before "said" as a person when the tagger calls the surname one', () => {
    const text = 'Kwame Bonsu said the talks failed on Monday in the capital.';
    expect(findEntities(text).map((e) => `${e.type}:${e.name}`)).toEqual(['person:Kwame Bonsu']);
  });

  it('takes no contraction for a name', () => {
    for (const q of ['“', '"']) {
      const text = `Lena Marsh hinted that sales were good.\n\n${q}We${q === '"' ? "'" : '’'}ve never had demand like that${q === '"' ? '"' : '”'} Marsh said.`;
      const names = findEntities(text).map((e) => e.name);
      expect(names).toEqual(['Lena Marsh']);
    }
  });
});

describe('a role word before a given name', () => {
  it('leaves an ordinary capitalised word before a given name and surname out of the name', () => {
    const tokens = tokenize('It rained. The firm’s Chief Executive Helen Craig said sales grew.');
    const chunks = findChunks(tokens, findTitles(tokens)).map((c) => c.text);
    expect(chunks).toContain('Helen Craig');
    expect(chunks.some((c) => c.includes('Executive'))).toBe(false);
  });

  it('keeps a given name that is also a word when no given name follows it', () => {
    const text = 'Officials said Grace Okafor left early.';
    expect(findEntities(text).map((e) => e.name)).toEqual(['Grace Okafor']);
  });
});

describe('surnames with particles', () => {
  it('keeps one or two particles inside a name that opens with a given name', () => {
    const text = 'It rained. The goalkeeper Edwin van der Holt made a save. The critic Luis de Marano praised him.';
    const people = findEntities(text).filter((e) => e.type === 'person').map((e) => e.name);
    expect(people).toEqual(['Edwin van der Holt', 'Luis de Marano']);
  });

  it('links a later "De Marano" that opens a sentence', () => {
    const text = 'It rained. The critic Luis de Marano wrote a history of neon. De Marano evokes the 1900s.';
    const luis = findEntities(text).find((e) => e.name === 'Luis de Marano');
    expect(surfaces(text, luis)).toEqual(['Luis de Marano', 'De Marano']);
  });
});

describe('generic news sentences (not from the seed)', () => {
  it('finds people, places and organisations with their roles', () => {
    const text = 'German Chancellor Angela Merkel met Mr. Macron in Paris on Monday. Merkel later flew to Berlin, a spokesman for the Social Democratic Party said.';
    const entities = findEntities(text);
    const merkel = byName(entities, 'Angela Merkel');
    expect(merkel?.type).toBe('person');
    expect(merkel?.role).toBe('German Chancellor');
    expect(surfaces(text, merkel)).toEqual(['Angela Merkel', 'Merkel']);
    expect(byName(entities, 'Macron')?.type).toBe('person');
    expect(byName(entities, 'Paris')?.type).toBe('place');
    expect(byName(entities, 'Berlin')?.type).toBe('place');
    expect(byName(entities, 'Social Democratic Party')?.type).toBe('organization');
    expect(byName(entities, 'Monday')).toBeUndefined();
  });

  it('reads a month-like word after an honorific or title as a name, and only there', () => {
    const text = 'Prime Minister Theresa May met Mrs. May’s cabinet in London in May.';
    const entities = findEntities(text);
    expect(surfaces(text, byName(entities, 'Theresa May'))).toEqual(['Theresa May', 'May']);
    expect(byName(entities, 'Theresa May')?.role).toBe('Prime Minister');
    expect(entities.map((e) => e.name).sort()).toEqual(['London', 'Theresa May']);
  });

  it('types unknown names from their context', () => {
    const text = 'Fighting raged in the skies over Qaraqosh, and Zorbex militants claimed the attack, said Natalia Vrublevska, a researcher at Kyiv Polytechnic Institute.';
    const entities = findEntities(text);
    expect(byName(entities, 'Qaraqosh')?.type).toBe('place');
    expect(byName(entities, 'Zorbex')?.type).toBe('organization');
    expect(byName(entities, 'Natalia Vrublevska')?.type).toBe('person');
    expect(byName(entities, 'Natalia Vrublevska')?.description).toBe('a researcher at Kyiv Polytechnic Institute');
    expect(byName(entities, 'Kyiv Polytechnic Institute')?.type).toBe('organization');
  });

  it('keeps country names as places even before "officials"', () => {
    const text = 'U.S. officials met in Geneva. The U.S. said talks would go on.';
    const us = findEntities(text).filter((e) => e.name === 'U.S.');
    expect(us.map((e) => e.type)).toEqual(['place']);
    expect(us[0]!.mentions).toHaveLength(2);
  });

  it('does not take ordinary capitalised words, acronyms for things or headings for names', () => {
    const text = 'Black Friday Deals Are Here\n\nThe CEO said GDP grew. Speaking on Tuesday, he said Path and Model were fine.';
    expect(findEntities(text)).toEqual([]);
  });

  it('reads datelines in capitals as places and links surnames that are also place names', () => {
    const text = 'CLEVELAND, Ohio — Ian Hamilton, an expert at the University of York, spoke. Hamilton said the numbers were clear.';
    const entities = findEntities(text);
    expect(byName(entities, 'Cleveland')?.type).toBe('place');
    expect(surfaces(text, byName(entities, 'Ian Hamilton'))).toEqual(['Ian Hamilton', 'Hamilton']);
    expect(byName(entities, 'Ian Hamilton')?.description).toBe('an expert at the University of York');
    expect(byName(entities, 'Hamilton')).toBeUndefined();
  });

  it('does not make places of teams, brands or ordinary words after "in"', () => {
    const text = 'Davis scored 34 points in the Lakers’ win. The feature returned in PlayStation models, and a tagline in NASA’s report.';
    const types = findEntities(text).filter((e) => e.type === 'place').map((e) => e.name);
    expect(types).toEqual([]);
  });

  it('strips ordinary sentence-initial words, even hyphenated ones, from names', () => {
    const text = 'Rep. Adam Schiff spoke first. Day-by-day Schiff grew louder.';
    const entities = findEntities(text);
    expect(entities.map((e) => e.name)).toEqual(['Adam Schiff']);
    expect(surfaces(text, entities[0])).toEqual(['Adam Schiff', 'Schiff']);
  });

  it('trusts only known names in a title-case heading, but reads a line of names', () => {
    const heading = findEntities('Path to Euro 2020: Who Has Qualified for Germany\n\nStephen Fidler and Carol Lee');
    expect(heading.map((e) => `${e.type}:${e.name}`).sort()).toEqual(['person:Carol Lee', 'person:Stephen Fidler', 'place:Germany']);
    // The same names as a byline are the page's, not the story's.
    const byline = findEntities('Path to Euro 2020: Who Has Qualified for Germany\n\nBy Stephen Fidler and Carol Lee');
    expect(byline.map((e) => `${e.type}:${e.name}`)).toEqual(['place:Germany']);
  });

  it('trusts only known names in a headline set in capitals', () => {
    const text = 'U.S. SEEKS TO REDRAW TIES WITH RUSSIA IN SYRIAN CONFLICT';
    const names = findEntities(text).map((e) => `${e.type}:${e.name}`);
    expect(names).toContain('place:Russia');
    expect(names.some((n) => /SEEKS|SYRIAN|Syrian|CONFLICT/.test(n))).toBe(false);
  });
});

describe('words around a name that are not part of it', () => {
  const people = (text: string): string[] => findEntities(text).filter((e) => e.type === 'person').map((e) => e.name);

  it('leaves out a hyphenated modifier before the name', () => {
    const text = 'Julia Brenner was charged in 2019. Australian-born Brenner denies it. New York-born Oscar Vale testified.';
    const found = findEntities(text);
    const brenner = found.find((e) => e.name === 'Julia Brenner');
    expect(brenner?.mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Julia Brenner', 'Brenner']);
    expect(people(text)).toContain('Oscar Vale');
  });

  it('reads a role word between an organisation and a full name as neither', () => {
    const text = 'Harbor Sports Insider Jason Melloy reported that the league will act. Fox News Host Dana Querry agreed.';
    const names = findEntities(text).map((e) => `${e.type}:${e.name}`);
    expect(names).toContain('person:Jason Melloy');
    expect(names).toContain('person:Dana Querry');
    expect(names).toContain('organization:Fox News');
    expect(names.some((n) => /Insider|Host/.test(n))).toBe(false);
  });

  it('reads "Will" opening a question as the verb, not a given name', () => {
    const text = 'Susan Warrender led the field on Monday. Will Warrender continue to face the heat, or will her rivals? Will Farrow, a voter, was unsure.';
    expect(people(text)).toEqual(['Susan Warrender', 'Will Farrow']);
  });

  it('reads "Will" opening a question as the verb when a rule line follows the question', () => {
    const text = 'Susan Warrender led the field on Monday. Will Warrender keep the lead, or will her rivals catch up?\n\n___\n\nWHAT COMES NEXT';
    expect(people(text)).toEqual(['Susan Warrender']);
  });

  it('leaves out a nationality or a team word the tagger sets apart before a full name', () => {
    expect(people('The club signed Englishman Gavin Thornbury on Monday. Former Oriole Jamie Parkwood pitched well on Sunday.')).toEqual(['Gavin Thornbury', 'Jamie Parkwood']);
  });

  it('reads a known given name and a town as one person', () => {
    const text = 'Midfielder Lewis Kingston scored twice on Saturday. Kingston said it was hard.';
    const found = findEntities(text).map((e) => `${e.type}:${e.name}:${e.mentions.length}`);
    expect(found).toEqual(['person:Lewis Kingston:2']);
  });

  it('ends a name before a weekday, and reads a hyphenated rank as a title', () => {
    const text = 'The envoy will meet Foreign Minister Jose Alberto Quintela Monday. Army spokesman Lieutenant-Colonel Max Darrow said so, and Darrow left.';
    const found = findEntities(text).filter((e) => e.type === 'person').map((e) => `${e.name}: ${e.mentions.map((m) => text.slice(m.start, m.end)).join(' | ')}`);
    expect(found).toEqual(['Jose Alberto Quintela: Jose Alberto Quintela', 'Max Darrow: Max Darrow | Darrow']);
  });

  it('reads a nickname in quotation marks between a given name and a surname as part of one person', () => {
    const text = 'The boxer Roberto “Hands of Granite” Dellaro won again on Saturday. Dellaro said he felt young.';
    const found = findEntities(text).map((e) => `${e.type}:${e.name}: ${e.mentions.map((m) => text.slice(m.start, m.end)).join(' | ')}`);
    expect(found).toEqual(['person:Roberto Dellaro: Roberto “Hands of Granite” Dellaro | Dellaro']);
  });

  it('reads an ordinary word opening a sentence as no name, unless the article capitalises it elsewhere', () => {
    const text = 'The storm closed the roads. Sadly, the bridge fell. Paramedics could not reach the town. Instead, boats came. Guy keeps calling.';
    expect(findEntities(text).filter((e) => e.type === 'person')).toEqual([]);
  });

  it('reads a role word opening a sentence before a full name as no organisation', () => {
    const text = 'Actress Catherine Wellbrook arrived on Monday. Wellbrook waved.';
    expect(findEntities(text).map((e) => `${e.type}:${e.name}`)).toEqual(['person:Catherine Wellbrook']);
  });

  it('links a surname written with a straight and a curly apostrophe', () => {
    const text = 'Rep. Beto O’Rourke spoke on Monday, and O’Rourke smiled. Later Mr. O\'Rourke waved.';
    const found = findEntities(text).filter((e) => e.type === 'person').map((e) => `${e.name}: ${e.mentions.map((m) => text.slice(m.start, m.end)).join(' | ')}`);
    expect(found).toEqual(['Beto O’Rourke: Beto O’Rourke | O’Rourke | O\'Rourke']);
  });
});

describe('name particles', () => {
  const cards = (text: string): string[] =>
    findEntities(text).filter((e) => e.type === 'person').map((e) => `${e.name}: ${e.mentions.map((m) => text.slice(m.start, m.end)).join(' | ')}`);

  it('reads del, di and ten inside a full name', () => {
    expect(cards('The film was made by Luis del Castello. Later Maria di Venanzo and Peter ten Hoorn joined.')).toEqual([
      'Luis del Castello: Luis del Castello',
      'Maria di Venanzo: Maria di Venanzo',
      'Peter ten Hoorn: Peter ten Hoorn',
    ]);
  });

  it('reads a given name, a word and a particle as a person, not an organisation\'s head ("Court of …")', () => {
    expect(cards('In 1781, Antoine Court de Valmont wrote the book.')).toEqual(['Antoine Court de Valmont: Antoine Court de Valmont']);
  });

  it('keeps the particles written before a surname used alone', () => {
    expect(cards('Pieter van der Walt led the talks. Critics said van der Walt gave too much, but de Walt was another man. Hassan bin Tariq agreed, and bin Tariq signed.')).toEqual([
      'Pieter van der Walt: Pieter van der Walt | van der Walt',
      'de Walt: de Walt',
      'Hassan bin Tariq: Hassan bin Tariq | bin Tariq',
    ]);
  });
});

describe('romanised given names', () => {
  it('keeps a hyphenated given name whole', () => {
    const people = findEntities('Opposition leader Park Jae-myung met Lee Hsien-loong in Seoul.').filter((e) => e.type === 'person').map((e) => e.name);
    expect(people).toEqual(['Park Jae-myung', 'Lee Hsien-loong']);
  });

  it('reads a surname before a romanised given name as a person, even an ordinary word opening a sentence', () => {
    const text = 'Moon Jae-in met the envoy on Monday. Later Ban Ki-moon joined them, and Moon said yes. The Green Co-op opened.';
    const found = findEntities(text).filter((e) => e.type === 'person').map((e) => `${e.name}: ${e.mentions.map((m) => text.slice(m.start, m.end)).join(' | ')}`);
    expect(found).toEqual(['Moon Jae-in: Moon Jae-in | Moon', 'Ban Ki-moon: Ban Ki-moon']);
  });
});

describe('hostile inputs', () => {
  it('returns nothing for empty or blank text', () => {
    expect(findEntities('')).toEqual([]);
    expect(findEntities(' \n\n\t ')).toEqual([]);
  });

  it('survives random UTF-16, lone surrogates and markdown debris', () => {
    let seed = 42;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let text = '--- ## **\\*☐☐ Kaynak/Source:\n';
    for (let i = 0; i < 20000; i++) text += String.fromCharCode(Math.floor(rand() * 0xffff));
    const entities = findEntities(text);
    for (const e of entities) for (const m of e.mentions) expect(m.end).toBeLessThanOrEqual(text.length);
    expect(entities.map((e) => e.name)).not.toContain('Kaynak');
  });

  it('handles a single 200,000-character line and long hyphen chains', () => {
    const sentence = 'Secretary of State John Kerry met officials in Brussels on Tuesday. ';
    const line = sentence.repeat(Math.ceil(200_000 / sentence.length)).slice(0, 200_000);
    const kerry = findEntities(line).find((e) => e.name === 'John Kerry');
    expect(kerry?.mentions.length).toBeGreaterThan(2000);
    expect(findEntities('Aa-'.repeat(30_000) + ' x-'.repeat(30_000))).toBeInstanceOf(Array);
  });
});
