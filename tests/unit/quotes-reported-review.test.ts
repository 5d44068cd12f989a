// The last look at reported speech: where a content ends (lib/analysis/reported-ends.ts) and whether it is shown
// (lib/analysis/reported-filter.ts), both learned on PolNeAR train. Sentences and names written for these tests.
import { afterEach, describe, expect, it } from 'vitest';
import { endChoices, reportedEnd, reportedEndSettings } from '../../lib/analysis/reported-ends';
import { filterFeatures, keepProbability, keepReported, reportedFilterSettings, type ReportedItem } from '../../lib/analysis/reported-filter';
import { tokenize } from '../../lib/analysis/quote-tokens';
import { entityFromForms, readableQuotes, type ReadableQuote } from '../../testing/fixtures/quotes-fixtures';

/** findQuotes with two known people (Jane Doe, John Smith), as readable words. */
function quotesIn(text: string): ReadableQuote[] {
  return readableQuotes(text, [
    entityFromForms(text, 'person', 'Jane Doe', ['Jane Doe', 'Ms. Doe']),
    entityFromForms(text, 'person', 'John Smith', ['John Smith', 'Mr. Smith']),
  ]);
}

const saved = { ends: { ...reportedEndSettings }, filter: { ...reportedFilterSettings } };
afterEach(() => {
  Object.assign(reportedEndSettings, saved.ends);
  Object.assign(reportedFilterSettings, saved.filter);
});

describe('where a reported content ends', () => {
  it('ends before an aside that only the narrator adds', () => {
    expect(quotesIn('Jane Doe said 62 percent of the members would vote for the new charter, a drop from 70 percent who said the same in May.')).toMatchObject([
      { kind: 'reported', speaker: 'Jane Doe', text: '62 percent of the members would vote for the new charter' },
    ]);
    expect(quotesIn('John Smith said the company hired former council aide Mary Brandt, who has been outspoken about the budget.')).toMatchObject([
      { kind: 'reported', speaker: 'John Smith', text: 'the company hired former council aide Mary Brandt' },
    ]);
  });

  it('keeps the readers\' end when the model is off, and where the content goes on as the speaker\'s', () => {
    reportedEndSettings.on = false;
    expect(quotesIn('Jane Doe said 62 percent of the members would vote for the new charter, a drop from 70 percent who said the same in May.')).toMatchObject([
      { text: '62 percent of the members would vote for the new charter, a drop from 70 percent who said the same in May' },
    ]);
    reportedEndSettings.on = true;
    expect(quotesIn('John Smith said the harbor fees would rise in March after the board voted on Monday.')).toMatchObject([
      { text: 'the harbor fees would rise in March after the board voted on Monday' },
    ]);
  });

  it('offers the content\'s own end first, then only ends that leave three words', () => {
    const text = 'the bridge will close, and the ferry, which runs hourly, will not.';
    const choices = endChoices(tokenize(text, 0, text.length), 'said', 'pattern|before');
    expect(choices[0]?.j).toBe(tokenize(text, 0, text.length).length);
    const ends = choices.slice(1).map((c) => text.slice(0, tokenize(text, 0, text.length)[c.j - 1]!.end));
    expect(ends).toContain('the bridge will close,');
    expect(ends.every((e) => e.split(/\s+/).length >= 3)).toBe(true);
    // Never past the content's end, whatever the model says.
    expect(reportedEnd(text, 0, text.length, 'said', 'pattern|before')).toBeLessThanOrEqual(text.length);
  });
});

describe('which reported contents are shown', () => {
  it('does not show a narrated "showed" that only looks like an attribution', () => {
    const text = 'Back at the cabin, John Smith led me down the hall and showed me where he kept the old maps: a narrow room with a single desk, a cabinet and a lamp.';
    expect(quotesIn(text)).toEqual([]);
    reportedFilterSettings.threshold = 0;
    expect(quotesIn(text)).toMatchObject([{ kind: 'reported', cue: 'showed' }]);
  });

  it('shows a plain "said" clause', () => {
    expect(quotesIn('John Smith said he would run for the council again next year.')).toMatchObject([
      { kind: 'reported', speaker: 'John Smith', text: 'he would run for the council again next year' },
    ]);
  });

  it('reads the reader, the cue and the content\'s edges, and hands each item to an observer', () => {
    const text = 'Jane Doe said the museum would reopen in June.';
    const item: ReportedItem = { start: 14, end: 45, cue: 'said', origin: 'pattern|before', refKind: 'entity', named: true };
    const feats = filterFeatures(text, item);
    expect(feats).toEqual(expect.arrayContaining(['o=pattern|before', 'cue=said', 'before=said', 'first=the', 'last=C', 'stop=.']));
    const narrated = { ...item, cue: 'showed', origin: 'learned|before', refKind: '', named: false };
    expect(keepProbability(text, item)).toBeGreaterThan(keepProbability(text, narrated));
    const seen: ReportedItem[] = [];
    reportedFilterSettings.observe = (_t, i) => void seen.push(i);
    expect(keepReported(text, item)).toBe(true);
    expect(seen).toEqual([item]);
  });
});
