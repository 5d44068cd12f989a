// Attribution patterns for reported speech, and the cue and source spans every attributed quote carries.
// Sentences written for these tests (not from PolNeAR or the seed).
import { describe, expect, it } from 'vitest';
import { entityFromForms, readableQuotes, type ReadableQuote } from '../../testing/fixtures/quotes-fixtures';

/** findQuotes with two known people (Jane Doe, John Smith), as readable words. */
function quotesIn(text: string): ReadableQuote[] {
  const entities = [
    entityFromForms(text, 'person', 'Jane Doe', ['Jane Doe', 'Ms. Doe']),
    entityFromForms(text, 'person', 'John Smith', ['John Smith', 'Mr. Smith']),
  ];
  return readableQuotes(text, entities, { withSource: true });
}

describe('cue and source spans', () => {
  it('marks the cue and the speaker phrase of a direct quote as written', () => {
    expect(quotesIn('“The plan is dead,” said Jane Doe, a spokeswoman for the agency.')).toEqual([
      { kind: 'direct', speaker: 'Jane Doe', text: 'The plan is dead', cue: 'said', source: 'Jane Doe' },
    ]);
  });

  it('takes "according to" as one cue, and any phrase after it as the source', () => {
    expect(quotesIn('According to the FBI data, the town had two murders last year.')).toEqual([
      { kind: 'reported', speaker: 'the FBI data', text: 'the town had two murders last year', cue: 'According to', source: 'the FBI data' },
    ]);
  });

  it('reads the content after a long source of a sentence-opening "according to", up to its comma', () => {
    expect(quotesIn('According to early results of exit polls conducted for the network by a polling firm, most voters backed the harbor plan.')).toMatchObject([
      { kind: 'reported', text: 'most voters backed the harbor plan', cue: 'According to' },
    ]);
    // No comma after a plain run of words: no content.
    expect(quotesIn('According to early results of exit polls conducted for the network by a polling firm most voters backed it.')).toEqual([]);
  });

  it('gives a partial quote with no cue of its own the person who opens the sentence, without a cue span', () => {
    expect(quotesIn('In July, John Smith went after the report as “a work of pure fiction from start to end.”')).toEqual([
      { kind: 'direct', speaker: 'John Smith', text: 'a work of pure fiction from start to end.', source: 'John Smith' },
    ]);
    // A possessive opens the subject, it is not the subject.
    expect(quotesIn('John Smith’s campaign went after the ad as “a work of pure fiction from start to end.”')[0]?.speaker).toBeNull();
  });

  it('does not take a day for a speaker, or a phrase after a dash for a credit', () => {
    expect(quotesIn('“Our assumption is that the veto will be overridden,” Jane Doe, the leader, said Tuesday.')[0]?.speaker).toBe('Jane Doe');
    expect(quotesIn('He dismissed the state as being in the “suburbs of St. Petersburg” — a metaphor for the party.')[0]?.speaker).toBeNull();
  });

  it('reads "As X put it, “…”" as an attribution', () => {
    expect(quotesIn('As Jane Doe put it in a statement, the company is “providing a service nobody else will offer.”')).toMatchObject([
      { kind: 'direct', speaker: 'Jane Doe', cue: 'put', source: 'Jane Doe' },
    ]);
  });

  it('gives an unattributed quote that opens a sentence the speaker of the attribution just before it', () => {
    const text = 'The deal may be slow to come, Jane Doe said.\n\n“The other factor is time, and we have very little of it.”';
    expect(quotesIn(text).map((q) => [q.kind, q.speaker])).toEqual([
      ['reported', 'Jane Doe'],
      ['direct', 'Jane Doe'],
    ]);
  });

  it('does not take a name in an introduction for the subject', () => {
    expect(quotesIn('After John Smith spoke, Jane Doe praised the plan and said it would create thousands of jobs.')[0]?.speaker).toBe('Jane Doe');
  });

  it('keeps the pronoun as the written source while the speaker is resolved', () => {
    const [quote] = quotesIn('Jane Doe spoke first. “We will not back down from this,” she said.');
    expect(quote).toEqual({ kind: 'direct', speaker: 'Jane Doe', text: 'We will not back down from this', cue: 'said', source: 'she' });
  });

  it('gives a continuation quote no cue or source of its own', () => {
    const quotes = quotesIn('“This is the first part of it,” Jane Doe said. “And this is the second part.”');
    expect(quotes.map((q) => [q.speaker, q.cue ?? null])).toEqual([
      ['Jane Doe', 'said'],
      ['Jane Doe', null],
    ]);
  });
});

describe('reported speech', () => {
  it('reports the clause of a sentence that quotes some of its words, beside the quoted words', () => {
    expect(quotesIn('John Smith said he wants “a total and complete shutdown” of the program.')).toEqual([
      { kind: 'reported', speaker: 'John Smith', text: 'he wants “a total and complete shutdown” of the program', cue: 'said', source: 'John Smith' },
      { kind: 'direct', speaker: 'John Smith', text: 'a total and complete shutdown', cue: 'said', source: 'John Smith' },
    ]);
  });

  it('does not report "said that “…”" twice: the quoted words are the whole content', () => {
    expect(quotesIn('John Smith said that “we will win this fight in the end.”').map((q) => q.kind)).toEqual(['direct']);
  });

  it('finds the speaker before an appositive anywhere in the sentence', () => {
    const [quote] = quotesIn('In the end, John Smith, the state party chairman, said he had received threats against his family.');
    expect(quote).toMatchObject({ kind: 'reported', speaker: 'John Smith', text: 'he had received threats against his family' });
  });

  it('finds the name that opens the words between two commas before the cue', () => {
    expect(quotesIn('Another pollster, Jane Doe of Clemson University, said her survey showed support holding steady.')).toMatchObject([
      { kind: 'reported', speaker: 'Jane Doe', text: 'her survey showed support holding steady', source: 'Jane Doe' },
    ]);
  });

  it('takes a conditional clause after "said" as content', () => {
    expect(quotesIn('John Smith said if he were elected, the program would be expanded.')).toMatchObject([
      { kind: 'reported', speaker: 'John Smith', text: 'if he were elected, the program would be expanded' },
    ]);
  });

  it('ends the content of "NAME, who said …" at the relative clause', () => {
    expect(quotesIn('Jane Doe, who said the company hid its losses for years, spoke out on Monday.')).toMatchObject([
      { kind: 'reported', speaker: 'Jane Doe', text: 'the company hid its losses for years' },
    ]);
  });

  it('gives "… and said …" the subject of the sentence', () => {
    expect(quotesIn('John Smith praised the plan and said it would create thousands of jobs.')).toMatchObject([
      { kind: 'reported', speaker: 'John Smith', text: 'it would create thousands of jobs', cue: 'said', source: 'John Smith' },
    ]);
  });

  it('gives ", saying …" the subject of the sentence', () => {
    expect(quotesIn('John Smith defended the plan on Monday, saying the benefits would outweigh the costs.')).toMatchObject([
      { kind: 'reported', speaker: 'John Smith', text: 'the benefits would outweigh the costs', cue: 'saying' },
    ]);
    // A name inside the subject's noun phrase is not the subject.
    expect(quotesIn('A Smith campaign official walked back the comments, saying that the ad was a mistake.')).toMatchObject([
      { kind: 'reported', speaker: 'A Smith campaign official', text: 'the ad was a mistake' },
    ]);
  });

  it('reports a whole sentence with its attribution inside it, never as a direct quote', () => {
    expect(quotesIn('Back then, Mr. Smith said, the company was still small and very quiet.')).toEqual([
      { kind: 'reported', speaker: 'John Smith', text: 'Back then, Mr. Smith said, the company was still small and very quiet', cue: 'said', source: 'Mr. Smith' },
    ]);
  });

  it('does not run the content of a trailing attribution into its appositive or its tail', () => {
    const text = 'The talks are over for now, said John Smith, a former official, now a professor. The plan failed, he said, referring to the deal.';
    expect(quotesIn(text).map((q) => q.text)).toEqual(['The talks are over for now', 'The plan failed']);
  });

  it('does not take the object of a speech verb for reported speech', () => {
    expect(quotesIn('Jane Doe warned officials to boost security before the vote.')).toEqual([]);
    expect(quotesIn('Jane Doe added a note of caution about the plan.')).toEqual([]);
  });

  it('takes the object of a cue learned as an object cue from PolNeAR train (as PolNeAR annotates it)', () => {
    expect(quotesIn('John Smith criticized the increased costs of the program.')).toMatchObject([
      { kind: 'reported', speaker: 'John Smith', text: 'the increased costs of the program', cue: 'criticized' },
    ]);
    expect(quotesIn('John Smith noted the increased costs of the program.')).toMatchObject([
      { kind: 'reported', text: 'the increased costs of the program', cue: 'noted' },
    ]);
  });

  it('uses cues learned from PolNeAR train with an explicit "that"', () => {
    expect(quotesIn('Jane Doe revealed that the company had lost money for years.')).toMatchObject([
      { kind: 'reported', speaker: 'Jane Doe', text: 'the company had lost money for years', cue: 'revealed' },
    ]);
    // An object and a hearer ("revealed the plan to the board") is no content; a learned object cue's plain object is.
    expect(quotesIn('Jane Doe revealed the plan to the board on Monday.')).toEqual([]);
    // (The object ends where the learned end ranker puts it: before "on Monday".)
    expect(quotesIn('Jane Doe endorsed the plan on Monday.')).toMatchObject([{ kind: 'reported', text: 'the plan', cue: 'endorsed' }]);
  });

  it('reads "told HEARER CLAUSE" without "that", but not an order', () => {
    expect(quotesIn('John Smith told the National Post he had already received hundreds of emails.')).toMatchObject([
      { kind: 'reported', speaker: 'John Smith', text: 'he had already received hundreds of emails', cue: 'told' },
    ]);
    expect(quotesIn('John Smith told Jane Doe to quiet down during the exchange.')).toEqual([]);
  });

  it('does not take a possessive for the speaker of a noun-like cue', () => {
    expect(quotesIn('She called Mr. Smith’s remarks “a true wake-up call for the whole party.”')[0]?.speaker).not.toBe('John Smith');
  });

  it('takes a share of those polled as the source', () => {
    expect(quotesIn('In the survey, 21 percent said they would not vote at all.')).toMatchObject([
      { kind: 'reported', speaker: '21 percent', text: 'they would not vote at all' },
    ]);
  });
});
