// Quote detection and attribution on sentences written for these tests (not from the seed).
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../lib/analysis/quotes';
import type { QuoteKind } from '../../lib/analysis/types';
import { entityFromForms } from '../../testing/fixtures/quotes-fixtures';

interface Seen {
  kind: QuoteKind;
  speaker: string | null;
  text: string;
}

/** Run findQuotes with two known people (Jane Doe, John Smith) and return readable results. */
function quotesIn(text: string): Seen[] {
  const entities = [
    entityFromForms(text, 'person', 'Jane Doe', ['Jane Doe', 'Ms. Doe']),
    entityFromForms(text, 'person', 'John Smith', ['John Smith', 'Mr. Smith']),
    entityFromForms(text, 'organization', 'Acme Corp', ['Acme Corp']),
  ];
  return findQuotes(text, entities).map((q) => ({ kind: q.kind, speaker: q.speaker?.name ?? null, text: text.slice(q.start, q.end) }));
}

describe('quotes marked with quotation marks', () => {
  it('attributes a quote followed by "said NAME, appositive"', () => {
    expect(quotesIn('“The plan is dead,” said Jane Doe, a spokeswoman for the agency.')).toEqual([
      { kind: 'direct', speaker: 'Jane Doe', text: 'The plan is dead' },
    ]);
  });

  it('links the speaker to the entity', () => {
    const text = '"We are ready for anything," John Smith said.';
    const person = entityFromForms(text, 'person', 'John Smith', ['John Smith']);
    expect(findQuotes(text, [person])[0]?.speaker).toEqual({ name: 'John Smith', entityId: 'person:John Smith' });
  });

  it('keeps a question mark that ends the quote and reads "asked Mr. X"', () => {
    expect(quotesIn('“Why would we ever agree to that?” asked Mr. Smith.')).toEqual([
      { kind: 'direct', speaker: 'John Smith', text: 'Why would we ever agree to that?' },
    ]);
  });

  it('gives both halves of a quote split by its attribution the same speaker', () => {
    expect(quotesIn('Jane Doe was at the podium. “First part,” she said, “second part of it.”')).toEqual([
      { kind: 'direct', speaker: 'Jane Doe', text: 'First part' },
      { kind: 'direct', speaker: 'Jane Doe', text: 'second part of it.' },
    ]);
  });

  it('takes the speaker from "NAME added:" before the opening mark', () => {
    expect(quotesIn('Jane Doe added: “We will not back down from this fight.”')).toEqual([
      { kind: 'direct', speaker: 'Jane Doe', text: 'We will not back down from this fight.' },
    ]);
  });

  it('joins a multi-paragraph quote whose paragraphs reopen without closing', () => {
    const text = 'Jane Doe spoke next.\n\n“The first paragraph of the quote goes on for a while.\n\n“The second paragraph ends here,” she said.\n\nThe meeting ended.';
    const seen = quotesIn(text);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.kind).toBe('direct');
    expect(seen[0]?.speaker).toBe('Jane Doe');
    expect(seen[0]?.text.startsWith('The first paragraph')).toBe(true);
    expect(seen[0]?.text.endsWith('ends here')).toBe(true);
  });

  it("accepts AP's ’’ as a closing mark", () => {
    expect(quotesIn('Mr. Smith took questions. “This is the end of it,’’ he said.')).toEqual([
      { kind: 'direct', speaker: 'John Smith', text: 'This is the end of it' },
    ]);
  });

  it('accepts a backwards closing mark used as an opener', () => {
    expect(quotesIn('Jane Doe arrived. ”We will win this thing,” she said.')).toEqual([
      { kind: 'direct', speaker: 'Jane Doe', text: 'We will win this thing' },
    ]);
  });

  it('pairs straight and curly marks in one text', () => {
    const seen = quotesIn('"We are ready," said John Smith. “It will happen soon,” said Jane Doe.');
    expect(seen.map((q) => [q.speaker, q.text])).toEqual([
      ['John Smith', 'We are ready'],
      ['Jane Doe', 'It will happen soon'],
    ]);
  });

  it('gives an unattributed follow-up sentence the previous speaker', () => {
    expect(quotesIn('"We are ready for anything," said John Smith. "It will happen soon."').map((q) => q.speaker)).toEqual([
      'John Smith',
      'John Smith',
    ]);
  });

  it('drops one- and two-word scare quotes without attribution', () => {
    expect(quotesIn('The so-called “reset” failed. Critics called it a "total disaster" at the time.')).toEqual([]);
  });

  it('keeps a short quote that has an attribution', () => {
    expect(quotesIn('“Absolutely not,” Mr. Smith said.')).toEqual([{ kind: 'direct', speaker: 'John Smith', text: 'Absolutely not' }]);
  });

  it('ignores a lone » navigation arrow but pairs « » used as quotation marks', () => {
    expect(quotesIn('Home » World » Europe\n\nThe minister spoke on Tuesday.')).toEqual([]);
    const seen = quotesIn('« Nous allons gagner cette bataille », a déclaré le ministre.');
    expect(seen.map((q) => q.text)).toEqual(['Nous allons gagner cette bataille']);
  });

  it('never lets an unmatched mark swallow the next paragraph', () => {
    const text = 'He said “this is never closed and the text goes on.\n\nNext paragraph is normal, and Jane Doe said nothing.';
    for (const q of quotesIn(text)) expect(q.text).not.toContain('Next paragraph');
  });

  it('bounds a paragraph-opening quote that lost its closing mark at the paragraph end', () => {
    const seen = quotesIn('Jane Doe was asked about it.\n\n“We never saw the report and never will, she said.\n\nThe hearing went on.');
    expect(seen.filter((q) => q.kind === 'direct').map((q) => q.text)).toEqual(['We never saw the report and never will, she said.']);
  });

  it('resolves "he" past mentions inside the quoted words, and past people of the other gender', () => {
    expect(quotesIn('Mr. Smith spoke first.\n\n“I told Jane Doe everything I knew,” he said.')[0]?.speaker).toBe('John Smith');
    expect(quotesIn('Jane Doe introduced Mr. Smith.\n\n“We will take questions later,” she said.')[0]?.speaker).toBe('Jane Doe');
  });

  it('resolves "it said" to the organisation just mentioned', () => {
    expect(quotesIn('Acme Corp issued a statement on Monday.\n\n“We regret the error deeply,” it said.')[0]?.speaker).toBe('Acme Corp');
    expect(quotesIn('“We regret the error deeply,” it said.')[0]?.speaker).toBeNull();
  });

  it('names an unknown "Mr. X" by surname and an unnamed speaker by the phrase', () => {
    expect(quotesIn('“We are done here,” Mr. Brown said.')[0]?.speaker).toBe('Brown');
    expect(quotesIn('“Sales will recover next year,” said a company spokeswoman.')[0]?.speaker).toBe('a company spokeswoman');
  });

  it('treats unmarked attribution sentences in a marked document as reported speech', () => {
    const text = '“We will fight this in court,” Jane Doe said.\n\nThe ruling is a mistake and will be appealed, Mr. Smith said.';
    expect(quotesIn(text)).toEqual([
      { kind: 'direct', speaker: 'Jane Doe', text: 'We will fight this in court' },
      { kind: 'reported', speaker: 'John Smith', text: 'The ruling is a mistake and will be appealed' },
    ]);
  });
});

describe('marked quotes in real-world shapes', () => {
  it('keeps a one-word quote whose sentence says who called it that', () => {
    expect(quotesIn('At the fundraiser, Jane Doe called half of the crowd “deplorables.”')).toEqual([
      { kind: 'direct', speaker: 'Jane Doe', text: 'deplorables.' },
    ]);
  });

  it('drops a Title Case name of a show that has no attribution of its own', () => {
    const seen = quotesIn('Speaking on “Fox News Sunday Morning,” Jane Doe said the plan had failed.');
    expect(seen.filter((q) => q.kind === 'direct')).toEqual([]);
    expect(seen).toEqual([{ kind: 'reported', speaker: 'Jane Doe', text: 'the plan had failed' }]);
  });

  it('reads a dash credit after the closing mark', () => {
    expect(quotesIn('“We will rebuild this town together.” \u2015 Jane Doe')).toEqual([
      { kind: 'direct', speaker: 'Jane Doe', text: 'We will rebuild this town together.' },
    ]);
  });

  it('reads past a parenthetical between the name and the cue', () => {
    expect(quotesIn('“We need a vote on this now,” Sen. Jane Doe (D-Mo.) said.')[0]?.speaker).toBe('Jane Doe');
  });

  it('finds the speaker before a long appositive: “…,” NAME, a senior fellow at …, said', () => {
    const seen = quotesIn('“Prices will fall for everyone,” Howard Gleckman, a senior fellow at the Tax Policy Center, said.');
    expect(seen).toEqual([{ kind: 'direct', speaker: 'Howard Gleckman', text: 'Prices will fall for everyone' }]);
  });

  it('gives "…, saying “…”" to the subject of the sentence', () => {
    expect(quotesIn('Jane Doe retweeted the story, saying, “Are there any calm voters left?”')).toEqual([
      { kind: 'direct', speaker: 'Jane Doe', text: 'Are there any calm voters left?' },
    ]);
  });

  it('accepts an object after the cue: “…,” NAME told me', () => {
    expect(quotesIn('“It never crossed my mind,” Jane Doe told me later.')[0]?.speaker).toBe('Jane Doe');
  });

  it('reads "states" as a cue only after one named speaker', () => {
    expect(quotesIn('Jane Doe states, “We will appeal this ruling.”')[0]?.speaker).toBe('Jane Doe');
    expect(quotesIn('Twenty-seven states, led by West Virginia, are suing the agency.')).toEqual([]);
  });

  it('does not take a capitalised cue word inside a name for a cue', () => {
    const seen = quotesIn('Wealthy foreigners can obtain United States citizenship by investing in projects, officials said.');
    expect(seen.map((q) => [q.kind, q.speaker])).toEqual([['reported', 'officials']]);
  });
});

describe('quotes found by attribution alone (no quotation marks in the document)', () => {
  it('does not take an introductory phrase for quoted words', () => {
    expect(quotesIn('In a long interview, Mr. Smith also said:\n\nThe UK must stay in the EU.')).toEqual([]);
    expect(quotesIn('In their meetings this week, the government team boasted of concessions.')).toEqual([]);
  });

  it('does not read an imperative opener as a speaker', () => {
    expect(quotesIn('Be warned: if the bad guys don’t get you, the jump scares will.')).toEqual([]);
  });

  it('reads "CONTENT, NAME said, as ..." as a direct quote', () => {
    expect(quotesIn('The deal is fair to everyone involved, Mr. Smith said, as he left the room.')).toEqual([
      { kind: 'direct', speaker: 'John Smith', text: 'The deal is fair to everyone involved' },
    ]);
  });

  it('reads "CONTENT, said a PHRASE, referring to ..." with an unnamed singular speaker', () => {
    const seen = quotesIn('We are waiting to see what happens, said a senior European diplomat, referring to the vote.');
    expect(seen).toEqual([{ kind: 'direct', speaker: 'a senior European diplomat', text: 'We are waiting to see what happens' }]);
  });

  it('continues a direct quote into the following sentences of its paragraph', () => {
    const seen = quotesIn('We will keep going, Jane Doe said. Nothing will stop us now.\n\nThe crowd left.');
    expect(seen.map((q) => [q.kind, q.speaker, q.text])).toEqual([
      ['direct', 'Jane Doe', 'We will keep going'],
      ['direct', 'Jane Doe', 'Nothing will stop us now.'],
    ]);
  });

  it('takes "He added: CONTENT" to the paragraph end with the previous speaker', () => {
    const text = 'The vote was rigged from the start, Mr. Smith said.\n\nHe added: We will appeal. We will win.';
    expect(quotesIn(text).at(-1)).toEqual({ kind: 'direct', speaker: 'John Smith', text: 'We will appeal. We will win.' });
  });

  it('never makes groups or institutions direct speakers', () => {
    const text = 'The plant will close next year, officials said.\n\nProfits fell sharply in the quarter, the company reported.\n\nThe move is unlawful, the ministry said.';
    const seen = quotesIn(text);
    expect(seen.map((q) => q.kind)).toEqual(['reported', 'reported', 'reported']);
    expect(seen.map((q) => q.speaker)).toEqual(['officials', 'the company', 'the ministry']);
  });
});

describe('reported speech', () => {
  it('reads "NAME said (Tuesday) that CONTENT" up to the sentence end', () => {
    expect(quotesIn('Jane Doe said Tuesday that the plant would close in March.')).toEqual([
      { kind: 'reported', speaker: 'Jane Doe', text: 'the plant would close in March' },
    ]);
  });

  it('stops the content at ", but <the speaker’s next action>"', () => {
    expect(quotesIn('Mr. Smith said the talks had failed, but declined to say why.')).toEqual([
      { kind: 'reported', speaker: 'John Smith', text: 'the talks had failed' },
    ]);
  });

  it('finds the subject behind an appositive', () => {
    expect(quotesIn('Jane Doe, a former ambassador who now teaches at a university, said she backs the deal.')).toEqual([
      { kind: 'reported', speaker: 'Jane Doe', text: 'she backs the deal' },
    ]);
  });

  it('reads "according to" before and after the content, and never as direct', () => {
    const text = 'The factory will close in March, according to Jane Doe.\n\nAccording to Acme Corp, sales fell sharply last year.';
    expect(quotesIn(text)).toEqual([
      { kind: 'reported', speaker: 'Jane Doe', text: 'The factory will close in March' },
      { kind: 'reported', speaker: 'Acme Corp', text: 'sales fell sharply last year' },
    ]);
  });

  it('ends reported content before a trailing source attribution', () => {
    const seen = quotesIn('Mr. Smith said that prices would rise, the news agency Reuters reported.');
    expect(seen).toEqual([{ kind: 'reported', speaker: 'John Smith', text: 'prices would rise' }]);
  });

  it('needs "that" after weak cues such as "emphasized"', () => {
    expect(quotesIn('Mr. Smith emphasized what he called the commitment of the city.')).toEqual([]);
    expect(quotesIn('Mr. Smith emphasized that the city would not pay.')).toEqual([
      { kind: 'reported', speaker: 'John Smith', text: 'the city would not pay' },
    ]);
  });
});
