// Speakers that are organisations, documents and noun phrases, and reported speech introduced by cues learned
// from PolNeAR train (belief/finding verbs, object cues). Sentences written for these tests (not from PolNeAR or
// the seed).
import { describe, expect, it } from 'vitest';
import { entityFromForms, readableQuotes, type ReadableQuote } from '../../testing/fixtures/quotes-fixtures';

/** findQuotes with two people (Jane Doe, John Smith) and two organisations (IMF, Sierra Club), as readable words. */
function quotesIn(text: string): ReadableQuote[] {
  const entities = [
    entityFromForms(text, 'person', 'Jane Doe', ['Jane Doe', 'Ms. Doe', 'Doe']),
    entityFromForms(text, 'person', 'John Smith', ['John Smith', 'Mr. Smith', 'Smith']),
    entityFromForms(text, 'organization', 'IMF', ['IMF']),
    entityFromForms(text, 'organization', 'Sierra Club', ['Sierra Club']),
  ].filter((e) => e.mentions.length > 0);
  return readableQuotes(text, entities);
}

describe('organisation, document and noun-phrase speakers of direct quotes', () => {
  it('gives an organisation’s report to the organisation', () => {
    expect(quotesIn('“The outlook remains very unclear for the coming year,” the IMF report stated.')).toMatchObject([
      { kind: 'direct', speaker: 'IMF', text: 'The outlook remains very unclear for the coming year' },
    ]);
  });

  it('names a document that speaks by its phrase', () => {
    expect(quotesIn('The main requirement is a “lawful source of investment income,” as a Homeland Security memo put it.')).toMatchObject([
      { kind: 'direct', speaker: 'a Homeland Security memo' },
    ]);
    expect(quotesIn('Members may appoint proxies, but not when voting “to fill a vacancy on the ticket,” per the party’s bylaws.')).toMatchObject([
      { kind: 'direct', speaker: 'the party’s bylaws' },
    ]);
  });

  it('takes the phrase a colon follows when nothing else names a source', () => {
    expect(quotesIn('The problem is shown by this finding: “Many companies reported far more subsidiaries to one agency.”')).toMatchObject([
      { kind: 'direct', speaker: 'this finding' },
    ]);
  });

  it('reads "NAME of the ORGANISATION said" as the person', () => {
    expect(quotesIn('“It was the least bad outcome,” Mr. Smith of the Sierra Club said.')).toMatchObject([{ kind: 'direct', speaker: 'John Smith' }]);
  });

  it('gives "X’s claim that … “…”" to X', () => {
    expect(quotesIn('The site checked John Smith’s claim that there have been “thousands of shootings” this year.')).toMatchObject([
      { kind: 'direct', speaker: 'John Smith', text: 'thousands of shootings' },
    ]);
  });

  it('credits the person right before a participle cue', () => {
    expect(quotesIn('The ad uses footage of Jane Doe asking, “Why aren’t I fifty points ahead?”')).toMatchObject([{ kind: 'direct', speaker: 'Jane Doe' }]);
  });

  it('finds the name after an introduction that has no comma, and past a manner adverb', () => {
    expect(quotesIn('In a long interview John Smith declared “the alliance may be obsolete and costs too much.”')).toMatchObject([
      { kind: 'direct', speaker: 'John Smith' },
    ]);
    // The clause is reported speech that quotes some of its words: both carry the speaker.
    expect(quotesIn('After the debate, Jane Doe boldly suggested that he “does not want the voters to know what he paid.”')).toMatchObject([
      { kind: 'reported', speaker: 'Jane Doe', cue: 'suggested' },
      { kind: 'direct', speaker: 'Jane Doe', text: 'does not want the voters to know what he paid.' },
    ]);
  });

  it('reads "he called" as the person the sentence opens with', () => {
    const text = 'Jane Doe spoke. John Smith went on television to attack Jane Doe’s campaign and mock what he called her “secret plan.”';
    expect(quotesIn(text)).toMatchObject([{ kind: 'direct', speaker: 'John Smith', text: 'secret plan.' }]);
  });
});

describe('reported speech from learned cues', () => {
  it('reads belief and finding verbs with "that"', () => {
    expect(quotesIn('The study found that most voters had not decided by the summer.')).toMatchObject([
      { kind: 'reported', speaker: 'The study', text: 'most voters had not decided by the summer', cue: 'found' },
    ]);
  });

  it('reads "said that, if …, …" past the comma', () => {
    expect(quotesIn('John Smith said that, if elected, he would leave such decisions to the generals.')).toMatchObject([
      { kind: 'reported', speaker: 'John Smith', text: 'if elected, he would leave such decisions to the generals' },
    ]);
  });

  it('takes a learned object cue with its preposition, and ends the object where narration starts', () => {
    expect(quotesIn('Jane Doe called for an independent inquiry into the program.')).toMatchObject([
      { kind: 'reported', speaker: 'Jane Doe', text: 'an independent inquiry into the program', cue: 'called' },
    ]);
    expect(quotesIn('Jane Doe criticized the plan, but offered no alternative of her own.')).toMatchObject([
      { kind: 'reported', text: 'the plan', cue: 'criticized' },
    ]);
  });

  it('lets a trailing speech verb outrank a learned cue earlier in the sentence', () => {
    expect(quotesIn('My government is convinced that we are pursuing the correct goals in the region, John Smith said.')).toMatchObject([
      { speaker: 'John Smith', text: 'My government is convinced that we are pursuing the correct goals in the region', cue: 'said' },
    ]);
  });
});
