// describeSpan's selectors, and anchor's answers on degenerate input (never a throw).
import { describe, expect, it } from 'vitest';
import { anchor, anchorAll, CONTEXT_LENGTH, describeSpan } from '../../lib/anchoring';
import type { Selector } from '../../lib/notes/annotation';

const TEXT = 'Speaking in Brussels on Tuesday, Secretary of State John Kerry held out the possibility of working with Moscow.';

describe('describeSpan', () => {
  it('stores the quote with 32 characters of context either side, and the position', () => {
    const start = TEXT.indexOf('John Kerry');
    const [quote, position] = describeSpan(TEXT, start, start + 10);
    expect(CONTEXT_LENGTH).toBe(32);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'John Kerry',
      prefix: TEXT.slice(start - 32, start),
      suffix: TEXT.slice(start + 10, start + 42),
    });
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + 10 });
  });

  it.each([
    ['at the start of the text', 0, 8, '', 'Speaking'],
    ['reversed offsets', 8, 0, '', 'Speaking'],
    ['past the end', TEXT.length - 7, TEXT.length + 50, 'Moscow.', ''],
    ['negative start', -5, 8, '', 'Speaking'],
  ])('clamps and orders offsets: %s', (_name, start, end, expectEndOfExact, expectStartOfExact) => {
    const [quote, position] = describeSpan(TEXT, start, end);
    expect(quote.exact.startsWith(expectStartOfExact)).toBe(true);
    expect(quote.exact.endsWith(expectEndOfExact)).toBe(true);
    expect(TEXT.slice(position.start, position.end)).toBe(quote.exact);
  });

  it('never cuts a surrogate pair at the edge of the context', () => {
    const text = 'a😀' + 'x'.repeat(31) + 'QUOTE' + 'y'.repeat(31) + '😀b';
    const start = text.indexOf('QUOTE');
    const [quote] = describeSpan(text, start, start + 5);
    expect(quote.prefix.startsWith('😀')).toBe(true);
    expect(quote.suffix.endsWith('😀')).toBe(true);
  });
});

describe('anchor on degenerate input', () => {
  const good = describeSpan(TEXT, 33, 62);
  const quoteOnly = (exact: string, prefix = '', suffix = ''): Selector[] => [{ type: 'TextQuoteSelector', exact, prefix, suffix }];

  it.each([
    ['empty quote', TEXT, quoteOnly('')],
    ['whitespace-only quote', TEXT, quoteOnly('   ')],
    ['invisible-only quote', TEXT, quoteOnly('\u200b\u00ad')],
    ['quote longer than the text', 'short', quoteOnly('a much longer quote than the text')],
    ['empty text', '', good],
    ['no selectors', TEXT, []],
    ['only a position selector', TEXT, [{ type: 'TextPositionSelector', start: 0, end: 5 } as Selector]],
    ['selectors that are not an array', TEXT, null as unknown as Selector[]],
    ['a quote that is not in the text', TEXT, quoteOnly('Lavrov answered from Moscow')],
    ['lone surrogates', '\ud800 abc \udc00', quoteOnly('\udc00\ud800')],
  ])('%s: orphan with a reason', (_name, text, selectors) => {
    const status = anchor(text, selectors);
    expect(status.status).toBe('orphan');
    if (status.status === 'orphan') expect(status.reason.length).toBeGreaterThan(0);
  });

  it('ignores a nonsense stored position and still finds the quote', () => {
    const [quote] = good;
    for (const [start, end] of [[-10, 3], [5, 2], [Number.NaN, 4], [1e12, 1e12 + 5]]) {
      const status = anchor(TEXT, [quote, { type: 'TextPositionSelector', start: start!, end: end! }]);
      expect(status).toMatchObject({ status: 'anchored', start: 33, end: 62 });
    }
  });

  it('finds a quote without context or position when it occurs once', () => {
    expect(anchor(TEXT, quoteOnly('held out the possibility'))).toMatchObject({ status: 'anchored', method: 'quote' });
  });

  it('anchorAll returns one answer per note in input order, orphans included', () => {
    const results = anchorAll(TEXT, [
      { target: { selector: describeSpan(TEXT, 60, 70) } },
      { target: { selector: quoteOnly('') } },
      { target: { selector: describeSpan(TEXT, 0, 8) } },
    ]);
    expect(results.map((r) => (r.status === 'anchored' ? r.start : r.status))).toEqual([60, 'orphan', 0]);
    expect(anchorAll('', [{ target: { selector: good } }])).toEqual([{ status: 'orphan', reason: 'empty text' }]);
  });
});
