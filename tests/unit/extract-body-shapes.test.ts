// Article bodies that are not a plain run of paragraphs.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/extract/index';
import { parseHtmlDocument } from '../../lib/extract/node-dom';

const item = (i: number): string =>
  `<li><strong><a href="/story-${i}">Company ${i} is under investigation by the state attorney general</a>.</strong> ` +
  `The company confirmed on Monday that it had been contacted by the office ${i}.</li>`;

describe('a news round-up whose items lead with a linked headline', () => {
  const html =
    '<!doctype html><html><head><meta property="og:type" content="article"><title>10 things in tech</title></head><body>' +
    '<nav><a href="/">Home</a> <a href="/tech">Tech</a></nav>' +
    '<article><h1>10 things in tech you need to know today</h1>' +
    '<p>Good morning! This is the tech news you need to know this Tuesday.</p>' +
    `<ol>${Array.from({ length: 10 }, (_, i) => item(i)).join('')}</ol></article>` +
    '<aside class="related"><ul><li><a href="/a">Another story</a></li><li><a href="/b">One more story</a></li></ul></aside>' +
    '</body></html>';
  const article = extractArticle(parseHtmlDocument(html))!;

  it('keeps every item, not only the first', () => {
    expect(article.isArticle).toBe(true);
    for (let i = 0; i < 10; i++) expect(article.text).toContain(`contacted by the office ${i}.`);
  });

  it('leaves the related links out', () => {
    expect(article.text).not.toContain('Another story');
  });
});

describe('photo captions inside the body that end with their credit', () => {
  const paragraph = (i: number): string =>
    `<p>Paragraph ${i}: the protests began in June and have grown since, officials said on Tuesday, with more planned.</p>`;
  const html =
    '<!doctype html><html><head><meta property="og:type" content="article"><title>Protests</title></head><body><article>' +
    '<h1>Protests grow</h1>' +
    paragraph(1) +
    '<div class="photo"><span>Protesters have worn masks to protect their identities (Image: GETTY )</span></div>' +
    paragraph(2) +
    '<p>The engines were tested in November (credit: NASA/Jude Guidry)</p>' +
    paragraph(3) +
    '<p>A spokesman (who asked not to be named) said the talks would resume.</p>' +
    '</article></body></html>';
  const article = extractArticle(parseHtmlDocument(html))!;

  it('leaves the captions out and keeps the paragraphs around them', () => {
    expect(article.text).not.toContain('(Image: GETTY');
    expect(article.text).not.toContain('credit: NASA');
    for (const i of [1, 2, 3]) expect(article.text).toContain(`Paragraph ${i}:`);
    expect(article.text).toContain('(who asked not to be named)');
  });
});
