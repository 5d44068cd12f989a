// Reported speech found by the learned attribution-cue model (lib/analysis/attribution-model.ts, trained on
// PolNeAR train): cues no hand list knows, where their content starts and ends, and the uses the patterns turn
// down on purpose, which the model must not bring back. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { CUE_THRESHOLD, cueModelSettings, hasQuoteMark, learnedContentEnd, learnedContentStart, learnedCue } from '../../lib/analysis/attribution-model';
import { tokenize, type Token } from '../../lib/analysis/quote-tokens';
import { SPAN_THRESHOLD, spanModelSettings } from '../../lib/analysis/attribution-span-model';
import { spanCandidates } from '../../lib/analysis/attribution-spans';
import { endRankerSettings } from '../../lib/analysis/attribution';
import { entityFromForms, readableQuotes, type ReadableQuote } from '../../testing/fixtures/quotes-fixtures';

/** findQuotes with two known people (Jane Doe, John Smith), as readable words. */
function quotesIn(text: string): ReadableQuote[] {
  const entities = [
    entityFromForms(text, 'person', 'Jane Doe', ['Jane Doe', 'Ms. Doe']),
    entityFromForms(text, 'person', 'John Smith', ['John Smith', 'Mr. Smith']),
  ];
  return readableQuotes(text, entities);
}

function words(tokens: readonly Token[], from: number, to: number): string {
  return tokens.slice(from, to).map((t) => t.text).join(' ');
}

describe('reported speech from the learned cue model', () => {
  it('finds a cue no hand list has, with the speaker before it', () => {
    const text = 'Jane Doe believes the harbor contracts were rigged from the start.';
    expect(quotesIn(text)).toMatchObject([{ kind: 'reported', speaker: 'Jane Doe', text: 'the harbor contracts were rigged from the start', cue: 'believes' }]);
    // The patterns alone (both learned models off) do not read it.
    cueModelSettings.threshold = 2;
    spanModelSettings.threshold = 2;
    try {
      expect(quotesIn(text)).toEqual([]);
    } finally {
      cueModelSettings.threshold = CUE_THRESHOLD;
      spanModelSettings.threshold = SPAN_THRESHOLD;
    }
  });

  it('shows nothing when the speaker resolves to no one', () => {
    expect(quotesIn('He believes the harbor contracts were rigged from the start.')).toEqual([]);
  });

  it('takes a plural group that opens the sentence for a speaker, not a lone capitalised word', () => {
    expect(quotesIn('Analysts expect the number of electric buses for sale in the state to triple by 2030.')).toMatchObject([
      { kind: 'reported', speaker: 'Analysts', text: 'the number of electric buses for sale in the state to triple by 2030' },
    ]);
    expect(quotesIn('Take calls, control your music and activate the assistant with the controls on the cord.')).toEqual([]);
  });

  it('does not bring back what the patterns turn down on purpose', () => {
    // An order, a naming verb, and a cue that needs "that": no reported speech, with or without the model.
    expect(quotesIn('John Smith told Jane Doe to quiet down during the exchange.')).toEqual([]);
    expect(quotesIn('Critics called the new stadium a burden on the city budget.')).toEqual([]);
    expect(quotesIn('Jane Doe revealed the plan to the board on Monday.')).toEqual([]);
  });

  it('finds nothing in a sentence without an attribution', () => {
    expect(quotesIn('The weather was mild on Tuesday and the trains ran on time.')).toEqual([]);
  });
});

describe('the model on its own', () => {
  it('scores a speech verb with a "that" clause as a cue, and starts the content after the hearer and "that"', () => {
    const text = 'Officials told reporters on Friday that the bridge would reopen.';
    const tokens = tokenize(text, 0, text.length);
    const cue = learnedCue(tokens, () => '');
    expect(cue).not.toBeNull();
    expect(tokens[cue!.last]!.text).toBe('told');
    expect(words(tokens, cue!.content, cue!.content + 3)).toBe('the bridge would');
    expect(learnedContentStart(tokens, cue!.last)).toBe(cue!.content);
  });

  it('gives no cue to a sentence of plain narration', () => {
    const text = 'The weather was mild on Tuesday and the trains ran on time.';
    expect(learnedCue(tokenize(text, 0, text.length), () => '')).toBeNull();
  });

  it('ends a content before a clause of its own rather than at the sentence end', () => {
    const text = 'He estimates the plan would cost $4 billion, while the council puts it at $6 billion.';
    const tokens = tokenize(text, 0, text.length);
    const from = tokens.findIndex((t) => t.text === 'the');
    const end = learnedContentEnd(tokens, from, 'estimates');
    expect(text.slice(tokens[from]!.start, tokens[end - 1]!.end)).toBe('the plan would cost $4 billion');
  });

  it('reads only sentences without quotation marks as it was trained', () => {
    expect(hasQuoteMark('He called it “a disaster.”', 0, 26)).toBe(true);
    expect(hasQuoteMark("He called it ''a disaster.''", 0, 28)).toBe(true);
    expect(hasQuoteMark('He didn’t say so.', 0, 17)).toBe(false);
  });
});

describe('speakers of direct quotes', () => {
  it('does not take the owner in "X’s campaign manager Y …, arguing" for the speaker', () => {
    const quotes = quotesIn('Jane Doe’s campaign manager John Smith said as much in an interview on Thursday, arguing that the senator “lashed out at our generals when asked for details.”');
    expect(quotes.find((q) => q.kind === 'direct')).toMatchObject({ speaker: 'John Smith', text: 'lashed out at our generals when asked for details.' });
  });

  it('reads a speaker phrase with a date written with a slash ("9/11 widow")', () => {
    expect(quotesIn('“The rationales don’t hold weight,” said 9/11 widow Jane Doe.')).toMatchObject([
      { kind: 'direct', speaker: 'Jane Doe', text: 'The rationales don’t hold weight' },
    ]);
  });

  it('reaches a cue before a longer tail that leads to the mark', () => {
    const quotes = quotesIn('The spot ends with footage of John Smith saying during the debate last week, “That makes me smart,” when Jane Doe pressed him on his taxes.');
    expect(quotes).toMatchObject([{ kind: 'direct', speaker: 'John Smith', text: 'That makes me smart' }]);
  });
});

describe('reported speech from the cue-centred span model', () => {
  /** findQuotes with the per-token cue model off, so only the patterns and the span model read the sentence. */
  function withSpansOnly(text: string): ReadableQuote[] {
    cueModelSettings.threshold = 2;
    try {
      return quotesIn(text);
    } finally {
      cueModelSettings.threshold = CUE_THRESHOLD;
    }
  }

  it('finds a cue and its content span where the patterns find nothing', () => {
    const text = 'Jane Doe expects the harbor authority to raise its fees next spring.';
    expect(withSpansOnly(text)).toMatchObject([{ kind: 'reported', speaker: 'Jane Doe', text: 'the harbor authority to raise its fees next spring', cue: 'expects' }]);
    spanModelSettings.threshold = 2;
    try {
      expect(withSpansOnly(text)).toEqual([]);
    } finally {
      spanModelSettings.threshold = SPAN_THRESHOLD;
    }
  });

  it('reads "that" and a negated cue no hand list has', () => {
    expect(withSpansOnly('John Smith estimates that the new bridge would cost $40 million over the next decade.')).toMatchObject([
      { kind: 'reported', speaker: 'John Smith', text: 'the new bridge would cost $40 million over the next decade', cue: 'estimates' },
    ]);
    expect(withSpansOnly('Jane Doe has not mentioned the harbor contracts since the debate.')).toMatchObject([
      { kind: 'reported', speaker: 'Jane Doe', text: 'the harbor contracts since the debate', cue: 'mentioned' },
    ]);
    // An order stays turned down, as the patterns and the cue model turn it down.
    expect(withSpansOnly('Jane Doe is urging the council to delay the vote on the harbor contracts.')).toEqual([]);
  });

  it('finds nothing in plain narration', () => {
    expect(withSpansOnly('The weather was cold and the streets were empty on Sunday.')).toEqual([]);
    expect(withSpansOnly('The council approved the budget on Tuesday after a long debate.')).toEqual([]);
  });

  it('proposes the clause after a cue, cut where the end ranker puts it, and the words before a trailing cue', () => {
    const text = 'The plan will fail within a year, Jane Doe argued.';
    const tokens = tokenize(text, 0, text.length);
    const cues = new Map([['argued', 0.5], ['vowed', 0.5]]);
    const spans = spanCandidates(tokens, cues, () => '', () => 'e-person').map((c) => ({ cue: (tokens[c.cue] as Token).text, trailing: c.trailing, span: words(tokens, c.from, c.to) }));
    expect(spans).toContainEqual({ cue: 'argued', trailing: true, span: 'The plan will fail within a year' });
    const other = 'Jane Doe vowed to form a committee, and then she left the hall.';
    const otherTokens = tokenize(other, 0, other.length);
    const proposed = spanCandidates(otherTokens, cues, () => '', () => 'e-person').map((c) => words(otherTokens, c.from, c.to));
    expect(proposed).toContain('to form a committee , and then she left the hall .');
    expect(proposed).toContain('to form a committee');
  });
});

describe('the end of a learned cue\'s object', () => {
  it('ends where the end ranker puts it, not at the sentence end', () => {
    const text = 'Jane Doe attacked the mayor in a series of early-morning posts.';
    expect(quotesIn(text)).toMatchObject([{ kind: 'reported', speaker: 'Jane Doe', text: 'the mayor', cue: 'attacked' }]);
    endRankerSettings.mode = 'off';
    try {
      expect(quotesIn(text)).toMatchObject([{ kind: 'reported', text: 'the mayor in a series of early-morning posts' }]);
    } finally {
      endRankerSettings.mode = 'object';
    }
  });
});
