// Who said it: pronouns by gender and salience, organisations as speakers, unnamed speakers, datelines and
// quoted titles. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../lib/analysis/quotes';
import { firstNameGender } from '../../lib/analysis/name-gender';
import type { Entity } from '../../lib/analysis/types';
import { entityFromForms } from './quotes-fixtures';

/** Direct quotes as [words, speaker name or null, entity id or null]. */
function directs(text: string, entities: Entity[]): [string, string | null, string | null][] {
  return findQuotes(text, entities)
    .filter((q) => q.kind === 'direct')
    .map((q) => [text.slice(q.start, q.end), q.speaker?.name ?? null, q.speaker?.entityId ?? null]);
}

describe('first-name genders (lib/model/names.json)', () => {
  it('knows common first names of either gender and leaves unknown ones unknown', () => {
    expect(firstNameGender('Margaret')).toBe('female');
    expect(firstNameGender('Robert')).toBe('male');
    expect(firstNameGender('Xqzt')).toBe('unknown');
  });
});

describe('pronoun speakers', () => {
  it('gives "she said" to the woman when a man was named after her', () => {
    const text = 'Margaret Hale, the mayor, opened the meeting. Later Robert Stone arrived with the budget. “We will not give up,” she said.';
    const entities = [
      entityFromForms(text, 'person', 'Margaret Hale', ['Margaret Hale']),
      entityFromForms(text, 'person', 'Robert Stone', ['Robert Stone']),
    ];
    expect(directs(text, entities)).toEqual([['We will not give up', 'Margaret Hale', 'person:Margaret Hale']]);
  });

  it('and "he said" to the man', () => {
    const text = 'Robert Stone opened the meeting. Later Margaret Hale arrived with the budget. “We will not give up,” he said.';
    const entities = [
      entityFromForms(text, 'person', 'Margaret Hale', ['Margaret Hale']),
      entityFromForms(text, 'person', 'Robert Stone', ['Robert Stone']),
    ];
    expect(directs(text, entities)).toEqual([['We will not give up', 'Robert Stone', 'person:Robert Stone']]);
  });

  it('learns a gender from the article itself when the first name says nothing', () => {
    const text = 'Zorblat Quenn took the stage. She thanked the crowd. Later Vixtor Abend spoke about taxes. He was loud. “Nobody listens,” she said.';
    const entities = [
      entityFromForms(text, 'person', 'Zorblat Quenn', ['Zorblat Quenn']),
      entityFromForms(text, 'person', 'Vixtor Abend', ['Vixtor Abend']),
    ];
    expect(directs(text, entities)).toEqual([['Nobody listens', 'Zorblat Quenn', 'person:Zorblat Quenn']]);
  });

  it('prefers the subject of a sentence to a person named as its object', () => {
    const text = 'Kestrel Dunmore was arrested in April. During the call, he threatened Ondine Vale and said, “Somebody should stop her.”';
    const entities = [
      entityFromForms(text, 'person', 'Kestrel Dunmore', ['Kestrel Dunmore']),
      entityFromForms(text, 'person', 'Ondine Vale', ['Ondine Vale']),
    ];
    expect(directs(text, entities)).toEqual([['Somebody should stop her.', 'Kestrel Dunmore', 'person:Kestrel Dunmore']]);
  });
});

describe('organisations as speakers', () => {
  it('gives "the company said" to the organisation named last', () => {
    const text = 'Acme Widgets announced layoffs on Monday, and Robert Stone lost his job. “We regret the decision,” the company said.';
    const entities = [
      entityFromForms(text, 'organization', 'Acme Widgets', ['Acme Widgets']),
      entityFromForms(text, 'person', 'Robert Stone', ['Robert Stone']),
    ];
    expect(directs(text, entities)).toEqual([['We regret the decision', 'Acme Widgets', 'organization:Acme Widgets']]);
  });

  it('gives "the statement read" to the organisation that spoke', () => {
    const text = 'Acme Widgets denied the claims. “We did nothing wrong,” the statement read.';
    const entities = [entityFromForms(text, 'organization', 'Acme Widgets', ['Acme Widgets'])];
    expect(directs(text, entities)).toEqual([['We did nothing wrong', 'Acme Widgets', 'organization:Acme Widgets']]);
  });

  it('does not take a company for "the union"', () => {
    const text = 'Acme Widgets cut wages. “This is theft,” the union said.';
    const entities = [entityFromForms(text, 'organization', 'Acme Widgets', ['Acme Widgets'])];
    expect(directs(text, entities)).toEqual([['This is theft', 'the union', null]]);
  });
});

describe('speakers who are not the nearest name', () => {
  it('keeps "a senior official" unnamed', () => {
    const text = 'Robert Stone met the delegation on Tuesday. “Talks are stalled,” a senior official said.';
    const entities = [entityFromForms(text, 'person', 'Robert Stone', ['Robert Stone'])];
    expect(directs(text, entities)).toEqual([['Talks are stalled', 'a senior official', null]]);
  });

  it('gives a lawyer\'s words to the lawyer, not to the client named after "for"', () => {
    const text = 'Robert Stone died in 2019. “He never had a chance to explain himself,” said a lawyer for Robert Stone.';
    const entities = [entityFromForms(text, 'person', 'Robert Stone', ['Robert Stone'])];
    expect(directs(text, entities)).toEqual([['He never had a chance to explain himself', 'a lawyer', null]]);
  });

  it('never gives a quote to a dateline', () => {
    const text = 'WASHINGTON — Lawmakers met on Monday.\n\n“We are not there yet,” WASHINGTON said.';
    const entities = [entityFromForms(text, 'place', 'Washington', ['WASHINGTON'])];
    expect(directs(text, entities)).toEqual([['We are not there yet', null, null]]);
  });

  it('takes the cue that opens a quote over the office that reports it', () => {
    const text = 'Kestrel Dunmore called the office. He said, “I will be there,” the prosecutor’s office said.';
    const entities = [entityFromForms(text, 'person', 'Kestrel Dunmore', ['Kestrel Dunmore'])];
    expect(directs(text, entities)).toEqual([['I will be there', 'Kestrel Dunmore', 'person:Kestrel Dunmore']]);
  });

  it('names an unnamed speaker by the name that closes the sentence', () => {
    const text = 'He was known for telling others "he was in charge" despite his post, said another witness in the probe, former adviser Ondine Vale.';
    const entities = [entityFromForms(text, 'person', 'Ondine Vale', ['Ondine Vale'])];
    expect(directs(text, entities)).toEqual([['he was in charge', 'Ondine Vale', 'person:Ondine Vale']]);
  });

  it('reads "As X would say, “…”" as X\'s words', () => {
    const text = 'The cause was found at last. As Ondine Vale would say, “Never again.”';
    const entities = [entityFromForms(text, 'person', 'Ondine Vale', ['Ondine Vale'])];
    expect(directs(text, entities)).toEqual([['Never again.', 'Ondine Vale', 'person:Ondine Vale']]);
  });

  it('reads time words between a subject and its cue ("has since said", "now says")', () => {
    const text = 'Robert Stone has since said that the signing would take place in “farm country,” but nobody agreed.';
    const entities = [entityFromForms(text, 'person', 'Robert Stone', ['Robert Stone'])];
    expect(directs(text, entities)).toEqual([['farm country', 'Robert Stone', 'person:Robert Stone']]);
  });

  it('gives a word quoted in someone\'s dated announcement to its owner', () => {
    const text = 'Despite Robert Stone’s Oct. 11 announcement that the two sides had reached a “historic” agreement, nothing was signed.';
    const entities = [entityFromForms(text, 'person', 'Robert Stone', ['Robert Stone'])];
    expect(directs(text, entities)).toEqual([['historic', 'Robert Stone', 'person:Robert Stone']]);
  });

  it('keeps the speaker of a quote resumed after its attribution', () => {
    const text = '“We are excited,” comments Kestrel Dunmore in a statement, “as it is a celebration of our history.”';
    const entities = [entityFromForms(text, 'person', 'Kestrel Dunmore', ['Kestrel Dunmore'])];
    expect(directs(text, entities).map(([, speaker]) => speaker)).toEqual(['Kestrel Dunmore', 'Kestrel Dunmore']);
  });
});

describe('titles are not quotes', () => {
  it('skips a quoted TV show title that no cue of its own sets off', () => {
    const text = 'Robert Stone said on “Fox News Sunday” that the bill would pass. He appeared on “Saturday Night Live” too.';
    const entities = [entityFromForms(text, 'person', 'Robert Stone', ['Robert Stone'])];
    expect(directs(text, entities)).toEqual([]);
  });

  it('keeps a Title Case slogan its speaker says', () => {
    const text = '“Make America Great Again,” Robert Stone said.';
    const entities = [entityFromForms(text, 'person', 'Robert Stone', ['Robert Stone'])];
    expect(directs(text, entities)).toEqual([['Make America Great Again', 'Robert Stone', 'person:Robert Stone']]);
  });
});

describe('gender from the words after a name', () => {
  it('reads "X is one of the first women …" and "X, whose husband …" apart', () => {
    const text = 'Kestrel Dunmore called the office in March. Ondine Vale is one of the first two women elected there. ' +
      'The staff member recalled that he said, “I will be back.”';
    const entities = [
      entityFromForms(text, 'person', 'Kestrel Dunmore', ['Kestrel Dunmore']),
      entityFromForms(text, 'person', 'Ondine Vale', ['Ondine Vale']),
    ];
    expect(directs(text, entities)).toEqual([['I will be back.', 'Kestrel Dunmore', 'person:Kestrel Dunmore']]);
    const other = 'Kestrel Dunmore called the office in March. Ondine Vale, whose husband works there, answered. “I will be back,” she said.';
    const both = [
      entityFromForms(other, 'person', 'Kestrel Dunmore', ['Kestrel Dunmore']),
      entityFromForms(other, 'person', 'Ondine Vale', ['Ondine Vale']),
    ];
    // "whose husband" is about someone else: nothing makes Ondine Vale a man, so "she" may be her.
    expect(directs(other, both)).toEqual([['I will be back', 'Ondine Vale', 'person:Ondine Vale']]);
  });
});
