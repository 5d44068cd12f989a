// A participle after a comma that carries a further attribution of the sentence's speaker ("…, adding that …",
// "…, citing …"): lib/analysis/participle-cues.ts and its use in findQuotes. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { findContinuations } from '../../lib/analysis/participle-cues';
import { tokenize } from '../../lib/analysis/quote-tokens';
import { entityFromForms, readableQuotes, type ReadableQuote } from '../../testing/fixtures/quotes-fixtures';

function quotesIn(text: string): ReadableQuote[] {
  const entities = [
    entityFromForms(text, 'person', 'Jane Doe', ['Jane Doe', 'Ms. Doe']),
    entityFromForms(text, 'person', 'John Smith', ['John Smith', 'Mr. Smith']),
  ];
  return readableQuotes(text, entities, { withSource: true });
}

describe('continuations after a direct quote', () => {
  it('reports what follows "adding that" under the quote\'s speaker', () => {
    const text = '“We will not back down,” Jane Doe said on Tuesday, adding that the council would vote next week.';
    expect(quotesIn(text)).toEqual([
      { kind: 'direct', speaker: 'Jane Doe', text: 'We will not back down', cue: 'said', source: 'Jane Doe' },
      { kind: 'reported', speaker: 'Jane Doe', text: 'the council would vote next week', cue: 'adding', source: 'Jane Doe' },
    ]);
  });

  it('takes a cue\'s preposition into the cue ("referring to")', () => {
    const text = '“It was a bad deal,” said John Smith, referring to the harbor contracts signed last year.';
    expect(quotesIn(text)).toContainEqual({ kind: 'reported', speaker: 'John Smith', text: 'the harbor contracts signed last year', cue: 'referring to', source: 'John Smith' });
  });

  it('leaves a participle that opens a direct quote to the quote rules', () => {
    const text = 'Jane Doe spoke for an hour, saying, “The vote will wait.”';
    expect(quotesIn(text).filter((q) => q.kind === 'reported')).toEqual([]);
  });
});

describe('continuations after reported speech', () => {
  it('ends the first content at the comma and reports the second apart', () => {
    const text = 'Jane Doe said the plan would fail, adding that the budget was too small.';
    expect(quotesIn(text)).toEqual([
      { kind: 'reported', speaker: 'Jane Doe', text: 'the plan would fail', cue: 'said', source: 'Jane Doe' },
      { kind: 'reported', speaker: 'Jane Doe', text: 'the budget was too small', cue: 'adding', source: 'Jane Doe' },
    ]);
  });

  it('finds the speaker of a sentence with no speech verb before the participle', () => {
    const text = 'Mr. Smith walked out of the hearing early, citing the rising costs of the harbor project.';
    expect(quotesIn(text)).toContainEqual({ kind: 'reported', speaker: 'John Smith', text: 'the rising costs of the harbor project', cue: 'citing', source: 'Mr. Smith' });
  });
});

describe('conjoined attributions', () => {
  it('reports what follows "and VOWED" or "but ARGUED" under the sentence\'s speaker', () => {
    expect(quotesIn('Jane Doe praised the harbor plan and vowed to finish the new pier by June.')).toEqual([
      { kind: 'reported', speaker: 'Jane Doe', text: 'the harbor plan', cue: 'praised', source: 'Jane Doe' },
      { kind: 'reported', speaker: 'Jane Doe', text: 'to finish the new pier by June', cue: 'vowed', source: 'Jane Doe' },
    ]);
    expect(quotesIn('John Smith conceded the talks had failed, but argued that the harbor deal could still be saved.')).toEqual([
      { kind: 'reported', speaker: 'John Smith', text: 'the talks had failed', cue: 'conceded', source: 'John Smith' },
      { kind: 'reported', speaker: 'John Smith', text: 'the harbor deal could still be saved', cue: 'argued', source: 'John Smith' },
    ]);
    // The speaker's own next action is no attribution.
    expect(quotesIn('Mr. Smith said the talks had failed, but declined to say who was to blame.')).toEqual([
      { kind: 'reported', speaker: 'John Smith', text: 'the talks had failed', cue: 'said', source: 'Mr. Smith' },
    ]);
  });

  it('does not split a subject joined by "and" ("Jane Doe and John Smith said")', () => {
    const text = 'The mayor and the governor said the vote would wait until the spring.';
    const tokens = tokenize(text, 0, text.length);
    expect(findContinuations(tokens)).toEqual([]);
  });
});

describe('reported speech that ends before the quotation marks of its sentence', () => {
  it('reports a leading content cut before a later quoted phrase', () => {
    const text = 'On Saturday, Mr. Smith said he did not own the five boats to burnish his brand, but agreed that the fleet had “promotional value.”';
    expect(quotesIn(text)).toEqual([
      { kind: 'reported', speaker: 'John Smith', text: 'he did not own the five boats to burnish his brand', cue: 'said', source: 'Mr. Smith' },
      { kind: 'direct', speaker: 'John Smith', text: 'promotional value.', cue: 'said', source: 'Mr. Smith' },
    ]);
  });
});

describe('findContinuations', () => {
  const contents = (text: string): string[] => {
    const tokens = tokenize(text, 0, text.length);
    return findContinuations(tokens).map((c) => text.slice((tokens[c.first] as { start: number }).start, (tokens[c.last] as { end: number }).end));
  };

  it('ends a content at the next continuation and at a semicolon', () => {
    expect(contents('She left, saying the plan had failed, adding that she would return; the hall emptied.')).toEqual([
      'the plan had failed',
      'she would return',
    ]);
  });

  it('skips narration participles and contents too short to be speech', () => {
    expect(contents('He walked home, carrying the files under his arm.')).toEqual([]);
    expect(contents('He spoke for an hour, saying nothing.')).toEqual([]);
    expect(contents('She won the county by ten points, adding to her lead in the southern states.')).toEqual([]);
  });

  it('does not read a capitalised word after a comma as a cue', () => {
    expect(contents('The firm hired Jane Doe, Writing Director, last spring.')).toEqual([]);
  });
});
