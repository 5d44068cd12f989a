// Shopping round-ups and listicles are shaped like articles but are not judged articles.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/extract/index';
import { parseHtmlDocument } from '../../lib/extract/node-dom';
import { classifyPageKind } from '../../lib/extract/page-kind';

const sentence =
  'The company said on Tuesday that the change would reach every customer within weeks, and analysts, speaking to reporters, expected more detail soon.';

function page(headline: string, body: string): Document {
  return parseHtmlDocument(
    `<!doctype html><html><head><title>${headline}</title><meta property="og:type" content="article"></head>` +
      `<body><nav><a href="/">Home</a></nav><article><h1>${headline}</h1>${body}</article></body></html>`,
  );
}

const prose = (n: number): string => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i}. ${sentence}</p>`).join('');
const deals = (n: number): string =>
  Array.from({ length: n }, (_, i) => `<p>Deal ${i}: a laptop for $${700 + i}, down from $999, ${sentence} <a href="https://www.amazon.com/dp/B0${i}">Buy it at Amazon</a></p>`).join('');
const rankedItems = (n: number): string =>
  Array.from({ length: n }, (_, i) => `<h3>${i + 1}. Film number ${i + 1}</h3><p>${sentence} ${sentence}</p>`).join('');

describe('judging shopping pages and listicles', () => {
  it('does not call a deals round-up full of prices and shop links an article', () => {
    const article = extractArticle(page('Daily Deals: Black Friday discounts on laptops', deals(8)))!;
    expect(article.text).toContain('Deal 7');
    expect(article.isArticle).toBe(false);
  });

  it('does not call a ranked list of items under subheads an article', () => {
    const article = extractArticle(page('The 21 best movies of 2017', prose(2) + rankedItems(10)))!;
    expect(article.isArticle).toBe(false);
  });

  it('still calls news about a deal or a sale an article', () => {
    const news = extractArticle(page('Yahoo’s Sale to Verizon Leaves Shareholders With Little Say', prose(8)))!;
    expect(news.isArticle).toBe(true);
    const tradeDeals = extractArticle(page('Beijing demands may expand trade deals, officials say', `${prose(6)}<p>Tariffs on $250 billion of goods stay.</p>`))!;
    expect(tradeDeals.isArticle).toBe(true);
  });

  it('still calls a numbered headline over ordinary prose an article', () => {
    const article = extractArticle(page('The seven secrets that hotel owners don’t want you to know', prose(8)))!;
    expect(article.isArticle).toBe(true);
    const numbered = extractArticle(page('10 best moments of the summit, according to the delegates', prose(8)))!;
    expect(numbered.isArticle).toBe(true);
  });

  it('classifies from the headline, the prices and the structure of the extracted body', () => {
    const shopping = extractArticle(page('Gift guide: what to buy for the reader in your life', deals(3)), { force: true })!;
    expect(classifyPageKind(shopping)).toBe('shopping');
    const plain = extractArticle(page('Gift guide: what to buy for the reader in your life', prose(6)))!;
    expect(classifyPageKind(plain)).toBe('article');
    expect(classifyPageKind({ title: null, text: '$1 $2 $3 $4 $5', segments: [] })).toBe('article');
  });
});
