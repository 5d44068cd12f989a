// One person, one card: names written two ways in one article become one entity. Sentences written for these tests.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../lib/analysis/entities';
import { editDistance, fold, isAcronymOf, sameFirstName, similarSurname } from '../../lib/analysis/name-variants';

/** Each entity as "type:name" with the mentions' texts. */
function cards(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of findEntities(text)) out[e.id] = e.mentions.map((m) => text.slice(m.start, m.end));
  return out;
}

describe('name variants', () => {
  it('pairs a first name with its nickname or short form', () => {
    expect(sameFirstName('Josh', 'Joshua')).toBe(true);
    expect(sameFirstName('Bill', 'William')).toBe(true);
    expect(sameFirstName('Chris', 'Christopher')).toBe(true);
    expect(sameFirstName('Jo', 'Joseph')).toBe(false);
    expect(sameFirstName('Mary', 'Michael')).toBe(false);
  });

  it('pairs two spellings of one long surname, not two short names a letter apart', () => {
    expect(similarSurname('Zelensky', 'Zelenskiy')).toBe(true);
    expect(similarSurname('Gaddafi', 'Gadhafi')).toBe(true);
    expect(similarSurname('Clark', 'Clarke')).toBe(false);
    expect(similarSurname('Zelensky', 'Kaminsky')).toBe(false);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
  });

  it('reads an acronym against the initials of a long form', () => {
    expect(isAcronymOf('U.N.', 'United Nations')).toBe(true);
    expect(isAcronymOf('UN', 'United Nations')).toBe(true);
    expect(isAcronymOf('FBI', 'Federal Bureau of Investigation')).toBe(true);
    expect(isAcronymOf('UN', 'United States')).toBe(false);
  });
});

describe('linking in an article', () => {
  it('links Zelensky to Volodymyr Zelenskiy', () => {
    const found = cards('President Volodymyr Zelenskiy met the envoy in Kyiv on Monday. Later, Ukrainian President Zelensky said the talks went well.');
    const zelenskiy = found['person:Volodymyr Zelenskiy'];
    expect(zelenskiy).toEqual(expect.arrayContaining(['Volodymyr Zelenskiy', 'Zelensky']));
    expect(found['person:Zelensky']).toBeUndefined();
  });

  it('links U.N. and UN to the United Nations', () => {
    const found = cards('The United Nations voted on Friday. The U.N. said it would send aid, and a UN official confirmed it.');
    expect(found['organization:United Nations']).toEqual(['United Nations', 'U.N.', 'UN']);
    expect(found['organization:U.N.']).toBeUndefined();
  });

  it('links a nickname with the same surname, and keeps another first name apart', () => {
    const found = cards('Joshua Roe, a teacher, spoke first on Monday. Then Josh Roe took questions. His sister, Mary Roe, did not.');
    expect(found['person:Joshua Roe']).toEqual(['Joshua Roe', 'Josh Roe']);
    expect(found['person:Mary Roe']).toEqual(['Mary Roe']);
  });
});

describe('a full name written after an honorific', () => {
  it('takes in the bare surname used later', () => {
    const found = cards('It was a long week. Dr. Oyelaran Bakare told reporters the vaccine worked. Bakare added that more trials were needed.');
    expect(found['person:Oyelaran Bakare']).toEqual(['Oyelaran Bakare', 'Bakare']);
    expect(found['person:Bakare']).toBeUndefined();
  });

  it('does so for Dame and Prof. too', () => {
    const found = cards('Ministers met Dame Lyndall Okoro on Friday. Okoro said it went well. Prof. Tamsin Vare disagreed, and Vare said so.');
    expect(found['person:Lyndall Okoro']).toEqual(['Lyndall Okoro', 'Okoro']);
    expect(found['person:Tamsin Vare']).toEqual(['Tamsin Vare', 'Vare']);
  });
});

describe('a full name written with a suffix or an initial', () => {
  it('links "Jr." and a nickname to one card', () => {
    const found = cards('Patrick Dunleavy Jr., 55, was sentenced on Monday. Pat Dunleavy is passionate about politics, his lawyer said. Dunleavy was arrested in April.');
    expect(found['person:Patrick Dunleavy Jr.']).toEqual(['Patrick Dunleavy Jr.', 'Pat Dunleavy', 'Dunleavy']);
  });

  it('links an initial to the one given name it begins, and keeps another initial apart', () => {
    const found = cards('The speaker, Benedict Okonjo, died on Sunday. Tributes came for B. U. Okonjo from every party. C. Okonjo, his cousin, spoke too.');
    expect(found['person:Benedict Okonjo']).toEqual(['Benedict Okonjo', 'B. U. Okonjo']);
    expect(found['person:C. Okonjo']).toEqual(['C. Okonjo']);
  });

  it('leaves an initial alone when two given names begin with it', () => {
    const found = cards('Anna Okonjo and her brother Adam Okonjo spoke on Sunday. Later A. Okonjo wrote a letter.');
    expect(found['person:A. Okonjo']).toEqual(['A. Okonjo']);
  });
});

describe('folding a name to its bare letters', () => {
  // The definition; fold takes a shortcut for ASCII.
  const folded = (w: string): string => w.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');

  it('keeps lowercased ASCII letters and drops accents, apostrophes and the rest', () => {
    expect(fold('Zelenskiy’s')).toBe('zelenskiys');
    expect(fold('Ó Súilleabháin')).toBe('osuilleabhain');
    expect(fold("O'Neill-Smith 2")).toBe('oneillsmith');
  });

  it('folds any text as the definition does', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'Z', 'é', 'É', ' ', "'", '’', '-', '1', 'ß', 'ﬁ', 'İ', 'x', 'Q', '\u0301') }), (s) => fold(s) === folded(s)));
    fc.assert(fc.property(fc.string(), (s) => fold(s) === folded(s)));
  });
});
