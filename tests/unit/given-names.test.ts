// Given names beyond the Reuters list: "Given Surname" reads as a person when the given name is on the maintained
// name lists, but not a listed name that is an ordinary word, a place, or opens organisations in training text.
// Sentences and names invented for these tests.
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../lib/analysis/entities';
import { isFirstName } from '../../lib/analysis/gazetteer';
import { isGivenName, isPinyinGivenName, isSurnameFirstName } from '../../lib/analysis/given-names';
import { firstNameGender } from '../../lib/analysis/name-gender';

function ids(text: string): string[] {
  return findEntities(text).map((e) => e.id);
}

describe('wider given names', () => {
  it('knows listed given names the Reuters list lacks', () => {
    expect(isFirstName('Linus')).toBe(false);
    expect(isGivenName('Linus')).toBe(true);
    expect(isGivenName('Sonya')).toBe(true);
    expect(isGivenName('André')).toBe(true); // the lists spell it "andre"
  });

  it('knows a name both lists give, though news text shows no clear gender for it', () => {
    expect(isGivenName('Jody')).toBe(true);
    expect(isGivenName('Carey')).toBe(true);
    expect(firstNameGender('Jody')).toBe('unknown');
    expect(ids('The script came from Jody Marravek, who wrote it in a week.')).toContain('person:Jody Marravek');
  });

  it('leaves out listed names that are ordinary words, places or open organisations', () => {
    expect(isGivenName('Will')).toBe(true); // on the Reuters list
    expect(isGivenName('Georgia')).toBe(false);
    expect(isGivenName('Yale')).toBe(false);
    expect(isGivenName('Stanford')).toBe(false);
    expect(isGivenName('after')).toBe(false);
  });

  it('reads a two-word name with a listed given name as a person', () => {
    expect(ids('The defence held firm and Linus Quarvelt stopped 31 shots for the visitors.')).toContain('person:Linus Quarvelt');
    expect(ids('The lawyer Sonya Brevik told reporters the case would go on.')).toContain('person:Sonya Brevik');
    expect(ids('Brandon Quarvelt scored for the Sabres in the third period.')).toContain('person:Brandon Quarvelt');
  });

  it('reads a listed given name, a middle name and a particle surname as one person', () => {
    expect(ids('The son of former German President Anton von Kesselring, Fritz Eckart von Kesselring was stabbed to death, while another man was hurt.'))
      .toContain('person:Fritz Eckart von Kesselring');
    expect(ids('The firm hired Linus van der Oosthorst last year.')).toContain('person:Linus van der Oosthorst');
  });

  it('leaves a capitalised role noun out of the name', () => {
    expect(ids('Researcher Sonya de Valbuena said the samples were clean.')).toContain('person:Sonya de Valbuena');
  });

  it('keeps a middle initial inside the name', () => {
    expect(ids('Sonya T. Brevik, the family’s attorney, said in a statement that they would appeal.')).toContain('person:Sonya T. Brevik');
  });

  it('does not make a person of a listed name before a state code', () => {
    expect(ids('Linus MT and Wolf Point MT reported frost.').filter((id) => id.startsWith('person:'))).toEqual([]);
  });
});

describe('names no list knows, typed by what the article says', () => {
  it('reads a name after a role noun as a person', () => {
    expect(ids('Bilbao keeper Ugarte Arrizmendi made five saves.')).toContain('person:Ugarte Arrizmendi');
  });

  it('reads a name listed beside a person as a person', () => {
    expect(ids('Patrik Lindqvo and Nikolaj Ehrnsten scored, Connor Hallebrook made 38 saves.')).toContain('person:Patrik Lindqvo');
  });

  it('reads a name whose surname speaks alone later as a person, with one card', () => {
    const found = findEntities('The lab of Quentar Vossberg is small. Vossberg said the work would go on.');
    const person = found.find((e) => e.id === 'person:Quentar Vossberg');
    expect(person?.mentions.length).toBe(2);
  });

  it('does not make a person of a newspaper that speaks', () => {
    const found = ids('The Porthaven Chronicle reported the fire. The Chronicle says the police were called at noon.');
    expect(found.filter((id) => id.startsWith('person:'))).toEqual([]);
  });
});

describe('romanised Chinese names, surname first', () => {
  it('tells a two-syllable pinyin given name from English words and place names', () => {
    expect(isPinyinGivenName('Ruolin')).toBe(true);
    expect(isPinyinGivenName('Weiming')).toBe(true);
    expect(isPinyinGivenName('Island')).toBe(false);
    expect(isSurnameFirstName('Gao', 'Ruolin')).toBe(true);
    expect(isSurnameFirstName('Hong', 'Kong')).toBe(false);
    expect(isSurnameFirstName('Long', 'Island')).toBe(false);
  });

  it('keeps a surname that is also an English word at a sentence start, and links it alone', () => {
    const found = findEntities('Fan Ruolin, deputy director of the provincial health office, said tests continue. Fan said the risk was low.');
    expect(found.find((e) => e.id === 'person:Fan Ruolin')?.mentions.length).toBe(2);
  });

  it('splits a place from the person named right after it', () => {
    const found = ids('The ambassador to Britain Gao Weiming has said talks will resume.');
    expect(found).toContain('place:Britain');
    expect(found).toContain('person:Gao Weiming');
  });
});
