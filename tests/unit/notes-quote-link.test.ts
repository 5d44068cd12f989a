// "Copy quote": the passage with a text-fragment link back (lib/notes/quote-link.ts).
import { describe, expect, it } from 'vitest';
import { flattenQuote, quoteWithLink, textFragmentUrl } from '@/lib/notes/quote-link';

describe('textFragmentUrl', () => {
  it('links a short quote whole, replacing any fragment and encoding reserved characters', () => {
    expect(textFragmentUrl('https://news.example/story?id=4#comments', 'a cease-fire, at last & soon')).toBe(
      'https://news.example/story?id=4#:~:text=a%20cease%2Dfire%2C%20at%20last%20%26%20soon',
    );
  });

  it('links a long quote by its first and last words', () => {
    const quote = 'The Obama administration has set about redrawing its relationship with Russia amid this week’s diplomatic breakdown over Syria';
    expect(textFragmentUrl('https://news.example/s', quote)).toBe(
      'https://news.example/s#:~:text=The%20Obama%20administration%20has,diplomatic%20breakdown%20over%20Syria',
    );
  });

  it('leaves the URL bare for an empty quote', () => {
    expect(textFragmentUrl('https://news.example/s#x', '  ')).toBe('https://news.example/s');
  });
});

describe('quoteWithLink', () => {
  it('quotes the passage on one line, names the article and links back', () => {
    expect(quoteWithLink('Talks\n\nwill   resume', ' Talks  to resume ', 'https://news.example/s')).toBe(
      '“Talks will resume” — Talks to resume <https://news.example/s#:~:text=Talks%20will%20resume>',
    );
    expect(quoteWithLink('Talks', '', 'https://news.example/s')).toBe('“Talks” <https://news.example/s#:~:text=Talks>');
    expect(flattenQuote(' a\u00a0 b\n c ')).toBe('a b c');
  });
});
