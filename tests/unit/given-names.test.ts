// Given names beyond the Reuters list: "Given Surname" reads as a person when the given name is on the maintained
// name lists, but not a listed name that is an ordinary word, a place, or opens organisations in training text.
// Sentences and names invented for these tests.
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../lib/analysis/entities';
import { isFirstName } from '../../lib/analysis/gazetteer';
import { isGivenName } from '../../lib/analysis/given-names';

function ids(text: string): string[] {
  return findEntities(text).map((e) => e.id);
}

describe('wider given names', () => {
  it('knows listed given names the Reuters list lacks', () => {
    expect(isFirstName('Linus')).toBe(false);
    expect(isGivenName('Linus')).toBe(true);
    expect(isGivenName('Sonya')).toBe(true);
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
  });

  it('keeps a middle initial inside the name', () => {
    expect(ids('Sonya T. Brevik, the family’s attorney, said in a statement that they would appeal.')).toContain('person:Sonya T. Brevik');
  });

  it('does not make a person of a listed name before a state code', () => {
    expect(ids('Linus MT and Wolf Point MT reported frost.').filter((id) => id.startsWith('person:'))).toEqual([]);
  });
});
