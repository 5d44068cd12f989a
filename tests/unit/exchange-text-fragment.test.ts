import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeTextTerm, formatTextDirective, passageLink, textDirectiveFor } from '@/lib/exchange/text-fragment';
import { describeSpan } from '@/lib/anchoring/describe';
import { awkwardText } from '../../testing/arbitraries/exchange-arbitraries';

/** The directive a browser reads: split on commas, each part percent-decoded (WICG Text Fragments, parsing). */
function parseDirective(link: string): string[] {
  const directive = link.slice(link.indexOf('#:~:text=') + '#:~:text='.length);
  expect(directive).not.toMatch(/[&#\s()]/);
  return directive.split(',').map((part) => decodeURIComponent(part));
}

describe('text fragment terms', () => {
  it('percent-encodes the directive syntax: dashes, commas and ampersands', () => {
    expect(encodeTextTerm('well-known, R&D')).toBe('well%2Dknown%2C%20R%26D');
    expect(encodeTextTerm('a-b,c&d')).not.toMatch(/[-,&]/);
    expect(encodeTextTerm('“Zürich” — 😀')).toBe('%E2%80%9CZ%C3%BCrich%E2%80%9D%20%E2%80%94%20%F0%9F%98%80');
    expect(encodeTextTerm("(it's) *so*!")).toBe('%28it%27s%29%20%2Aso%2A%21');
    expect(decodeURIComponent(encodeTextTerm('x-y, & z -'))).toBe('x-y, & z -');
  });

  it('writes prefix-, start, end and -suffix, and leaves out what is missing', () => {
    expect(formatTextDirective({ prefix: 'a-b', start: 'c,d', end: 'e&f', suffix: 'g-' })).toBe('text=a%2Db-,c%2Cd,e%26f,-g%2D');
    expect(formatTextDirective({ prefix: null, start: 'only', end: null, suffix: null })).toBe('text=only');
    expect(formatTextDirective({ prefix: null, start: 'one', end: null, suffix: 'after' })).toBe('text=one,-after');
  });

  it('matches a short quote whole, with whole words of context from its own block', () => {
    const text = 'The talks in Geneva stalled on Monday. The minister said the ceasefire holds, for now. Nobody else spoke.';
    const start = text.indexOf('the ceasefire holds');
    const [quote] = describeSpan(text, start, start + 'the ceasefire holds'.length);
    // 32 characters of context before (cut inside "stalled"); the text ends within 32 after.
    expect(quote.prefix).toBe('ed on Monday. The minister said ');
    expect(textDirectiveFor(quote)).toEqual({ prefix: 'The minister said', start: 'the ceasefire holds', end: null, suffix: ', for now.' });
  });

  it('drops the partial word a full-length context starts or ends with', () => {
    const quote = { exact: 'middle words', prefix: 'xtremely long context before the', suffix: ' and after it goes on and on unt' };
    expect(quote.prefix.length).toBeGreaterThanOrEqual(32);
    expect(textDirectiveFor(quote)).toMatchObject({ prefix: 'context before the', suffix: 'and after it' });
  });

  it('matches a long or multi-paragraph quote by its first and last words, each inside one block', () => {
    const long = { exact: 'one two three four five six seven eight nine ten', prefix: '', suffix: '' };
    expect(textDirectiveFor(long)).toEqual({ prefix: null, start: 'one two three four', end: 'seven eight nine ten', suffix: null });
    const paragraphs = { exact: 'End of the first.\n\nA second paragraph that goes on for a while', prefix: 'Heading\n\n', suffix: '.\n\nNext' };
    expect(textDirectiveFor(paragraphs)).toEqual({ prefix: null, start: 'End of the first.', end: 'on for a while', suffix: '.' });
    expect(textDirectiveFor({ exact: ' \n\n ', prefix: 'a', suffix: 'b' })).toBeNull();
  });

  it('links to the page with the directive, percent-encoded and safe inside a Markdown link', () => {
    const link = passageLink('https://n.example/a_(b)?x=1', { exact: 'R&D-heavy, well-known (firms)', prefix: 'said: ', suffix: ' - and more' })!;
    expect(link.startsWith('https://n.example/a_%28b%29?x=1#:~:text=')).toBe(true);
    expect(parseDirective(link)).toEqual(['said:-', 'R&D-heavy, well-known (firms)', '-- and more']);
    expect(passageLink('https://n.example/a', { exact: 'x', prefix: '', suffix: ' - and more' })).toBe('https://n.example/a#:~:text=x,-%2D%20and%20more');
    expect(passageLink('javascript:alert(1)', { exact: 'x', prefix: '', suffix: '' })).toBeNull();
    expect(passageLink('not a url', { exact: 'x', prefix: '', suffix: '' })).toBeNull();
  });

  it('never throws, and gives no link whose quote no URL can carry (a lone surrogate)', () => {
    expect(passageLink('https://n.example/a', { exact: 'bad \uD800 word', prefix: '', suffix: '' })).toBeNull();
    expect(textDirectiveFor({ exact: 'fine words', prefix: 'odd \uDC00', suffix: '\uD83D tail' })).toEqual({ prefix: null, start: 'fine words', end: null, suffix: null });
    fc.assert(
      fc.property(awkwardText(), awkwardText(3), awkwardText(3), (exact, prefix, suffix) => {
        const link = passageLink('https://n.example/a', { exact, prefix, suffix });
        if (link !== null) expect(link).toMatch(/^https:\/\/n\.example\/a#:~:text=[A-Za-z0-9%._~,-]+$/);
      }),
    );
  });
});
