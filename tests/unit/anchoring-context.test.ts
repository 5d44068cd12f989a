// An edited (fuzzy) match must have its stored context around it: a deleted passage whose words
// recur elsewhere, differently capitalised, is an orphan, never a note on the wrong words.
import { describe, expect, it } from 'vitest';
import { anchor, describeSpan } from '../../lib/anchoring';

/** A round-up page: a headline near the very start, items, and a sign-up line repeating its words. */
const HEADLINE = '10 things in tech you need to know today';
const ITEMS = [
  'The office-sharing company said on Monday that it would sell part of its business to a larger rival, ending months of talks.',
  'A chip maker raised its forecast for the year after strong demand from data centres lifted sales in every region it serves.',
  'Regulators in Brussels opened an inquiry into how a large search engine ranks the shopping results shown to its users.',
  'You can also subscribe to this newsletter here — just tick "10 Things in Tech You Need to Know." and it will arrive each morning.',
  'A streaming service said it would raise its prices again next month, the second increase in a little over a year.',
];

function page(blocks: readonly string[]): string {
  return blocks.join('\n\n');
}

describe('fuzzy matches need their context', () => {
  const before = page([HEADLINE, ...ITEMS]);
  const start = before.indexOf('things in tech you need to');
  const selectors = describeSpan(before, start, start + 'things in tech you need to'.length);

  it('stores a short prefix at the start of the text and a long suffix (the shape of the case)', () => {
    const quote = selectors[0]!;
    expect(quote.type === 'TextQuoteSelector' && quote.prefix).toBe('10 ');
    expect(quote.type === 'TextQuoteSelector' && quote.suffix.length).toBe(32);
  });

  it('orphans a deleted passage whose words recur, differently capitalised, under other context', () => {
    const after = page(ITEMS);
    const status = anchor(after, selectors);
    expect(status).toMatchObject({ status: 'orphan' });
  });

  it('orphans it too when the look-alike is where the passage was (its old position points there)', () => {
    const after = page([ITEMS[3]!, ...ITEMS.slice(0, 3), ITEMS[4]!]);
    expect(anchor(after, selectors)).toMatchObject({ status: 'orphan' });
  });

  it('still re-anchors the same words, edited, where their context stands', () => {
    const after = page([HEADLINE.replace('tech you', 'tech ya'), ...ITEMS]);
    const status = anchor(after, selectors);
    expect(status).toMatchObject({ status: 'anchored', method: 'fuzzy', start: after.indexOf('things in tech ya need to') });
  });

  it('still re-anchors an edited passage that kept only one long side of its context', () => {
    const text = page(ITEMS);
    const quoteStart = text.indexOf('would raise its prices again');
    const noted = describeSpan(text, quoteStart, quoteStart + 'would raise its prices again'.length);
    // The passage is reworded a little and everything after it is replaced.
    const edited = text.replace('would raise its prices again next month, the second increase in a little over a year.', 'would raise its price again. Analysts expected it.');
    const status = anchor(edited, noted);
    expect(status).toMatchObject({ status: 'anchored', start: edited.indexOf('would raise its price again') });
  });
});
