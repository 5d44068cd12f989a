import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractArticle } from '../../lib/extract/index';
import { parseHtmlDocument } from '../../lib/extract/node-dom';
import { collapseWhitespace } from '../../lib/extract/dom-utils';
import type { ExtractedArticle } from '../../lib/extract/types';

const SEED = '../shared/fixtures/seed';
const OUTSIDE_ARTICLE = [
  'Florida', 'Theresa May', 'Samsung', 'Angela Merkel', 'Mali', 'Niger', 'Dow Jones', 'Nasdaq',
  'Hurricane Matthew', 'Subscribe',
];

function extractHtml(html: string): ExtractedArticle | null {
  return extractArticle(parseHtmlDocument(html));
}

const paragraph = (i: number): string =>
  `<p>Paragraph ${i} of the story, in which officials said on Tuesday that the talks would resume, and the minister, speaking to reporters, added more detail.</p>`;

function articlePage(body: string, head = '<meta property="og:type" content="article">'): string {
  return `<!doctype html><html><head><title>T</title>${head}</head><body>${body}</body></html>`;
}

/** Every segment's text equals its Text node's data at the recorded offset (spaces may stand for any whitespace). */
function expectSegmentsMatch(article: ExtractedArticle): void {
  let previousEnd = 0;
  for (const seg of article.segments) {
    expect(seg.start).toBeGreaterThanOrEqual(previousEnd);
    expect(seg.end).toBeGreaterThan(seg.start);
    const fromText = article.text.slice(seg.start, seg.end);
    const fromNode = seg.node.data.slice(seg.nodeOffset, seg.nodeOffset + (seg.end - seg.start));
    expect(fromNode.replace(/\s/g, ' ')).toBe(fromText);
    previousEnd = seg.end;
  }
}

describe('extractArticle on the seed pages', () => {
  for (const variant of ['page-stripped.html', 'page-restored.html']) {
    describe(variant, () => {
      const article = extractHtml(readFileSync(`${SEED}/${variant}`, 'utf8'))!;

      it('finds an article with its headline as title', () => {
        expect(article).not.toBeNull();
        expect(article.isArticle).toBe(true);
        expect(article.title).toBe('U.S. Seeks to Redraw Ties With Russia in Syrian Conflict');
        expect(article.text.startsWith('U.S. Seeks to Redraw Ties With Russia in Syrian Conflict\n\n')).toBe(true);
      });

      it('keeps the byline and every body paragraph', () => {
        expect(article.text).toContain('The Wall Street Journal, 05 October 2016');
        expect(article.text).toContain('The Obama administration has set about redrawing its relationship with Russia');
        expect(article.text).toContain('Michael McFaul, a former U.S. ambassador to Russia');
        expect(article.text.endsWith('Mr. Ban said at a news conference.')).toBe(true);
        // 26 body paragraphs + headline + byline + dateline
        expect(article.text.split('\n\n')).toHaveLength(29);
      });

      it('leaves out navigation, ticker, the Most Popular box and the footer', () => {
        for (const name of OUTSIDE_ARTICLE) expect(article.text).not.toContain(name);
        expect(article.text).not.toContain('Most Popular');
        expect(article.text).not.toContain('Politics');
      });

      it('maps every segment back to its text node', () => {
        expectSegmentsMatch(article);
      });
    });
  }
});

describe('extractArticle: what counts as article text', () => {
  it('collapses whitespace inside a block and joins blocks with a blank line', () => {
    const html = articlePage(
      `<article><h1>  Big\n   news   today </h1>${paragraph(1)}<p>  Spaced \t\n out&nbsp;&nbsp; <b>words</b>  here, long enough to pass as a real paragraph of text in a story.  </p>${paragraph(2)}</article>`,
    );
    const article = extractHtml(html)!;
    expect(article.text.split('\n\n')).toEqual([
      'Big news today',
      expect.stringContaining('Paragraph 1'),
      'Spaced out words here, long enough to pass as a real paragraph of text in a story.',
      expect.stringContaining('Paragraph 2'),
    ]);
    expectSegmentsMatch(article);
  });

  it('skips scripts, styles, hidden and aria-hidden elements, share bars and ad labels', () => {
    const html = articlePage(`<article><h1>Headline of the day</h1>
      ${paragraph(1)}
      <script>var secret = "SCRIPTTEXT";</script><style>.x{}</style><noscript>NOSCRIPTTEXT</noscript>
      <p hidden>HIDDENTEXT paragraph that is long enough to be counted as prose by any measure at all.</p>
      <div style="display: none">INLINEHIDDEN paragraph that is long enough to be counted as prose by any measure.</div>
      <p aria-hidden="true">ARIAHIDDEN paragraph that is long enough to be counted as prose by any measure at all.</p>
      <div class="share-bar"><span>SHARETEXT</span> Facebook Twitter</div>
      <p>Advertisement</p>
      ${paragraph(2)}${paragraph(3)}</article>`);
    const article = extractHtml(html)!;
    for (const hidden of ['SCRIPTTEXT', 'NOSCRIPTTEXT', 'HIDDENTEXT', 'INLINEHIDDEN', 'ARIAHIDDEN', 'SHARETEXT', 'Advertisement']) {
      expect(article.text).not.toContain(hidden);
    }
    expect(article.text).toContain('Paragraph 3');
  });

  it('finds the body without semantic markup and leaves sidebars and link lists out', () => {
    const links = Array.from({ length: 12 }, (_, i) => `<li><a href="/s${i}">Other story number ${i} about something else</a></li>`).join('');
    const html = articlePage(
      `<div id="top"><a href="/">Home</a> <a href="/w">World</a></div>
       <div class="wrap"><div class="c1"><h1>A quiet headline</h1><div class="c2">${Array.from({ length: 10 }, (_, i) => paragraph(i + 1)).join('')}</div></div>
       <div class="c3"><ul>${links}</ul></div></div>
       <div class="bottom">Copyright 2024 Example Media. All rights reserved.</div>`,
      '',
    );
    const article = extractHtml(html)!;
    expect(article.isArticle).toBe(true);
    expect(article.title).toBe('A quiet headline');
    expect(article.text).toContain('Paragraph 10');
    expect(article.text).not.toContain('Other story');
    expect(article.text).not.toContain('Copyright');
    expect(article.text).not.toContain('World');
  });

  it('leaves out hover cards of related links inside a paragraph', () => {
    const card = '<span class="rollover-people-block"><a href="/a">Another story about her</a> <a href="/b">And one more story</a></span>';
    const html = articlePage(`<article>${paragraph(1)}<p>Rep. <a href="/p">Jane Doe</a>${card} said on Monday that the vote would go ahead as planned next week.</p>${paragraph(2)}</article>`);
    const article = extractHtml(html)!;
    expect(article.text).toContain('Rep. Jane Doe said on Monday that the vote would go ahead as planned next week.');
    expect(article.text).not.toContain('Another story');
  });

  it('treats <br> as a block break', () => {
    const html = articlePage(`<article>${paragraph(1)}<div>First line of a poem that goes on a while<br>second line of it, also long</div>${paragraph(2)}</article>`);
    const article = extractHtml(html)!;
    expect(article.text).toContain('First line of a poem that goes on a while\n\nsecond line of it, also long');
  });

  it('does not change the document', () => {
    const doc = parseHtmlDocument(readFileSync(`${SEED}/page-stripped.html`, 'utf8'));
    const before = doc.documentElement.outerHTML;
    extractArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('extractArticle on pages that are not articles', () => {
  it('returns null for a link-only front page', () => {
    const items = Array.from({ length: 40 }, (_, i) => `<li><a href="/a${i}">Headline number ${i} on the front page today</a></li>`).join('');
    const html = `<html><head><title>Front page</title><meta property="og:type" content="website"></head><body><nav><a href="/">Home</a></nav><ul>${items}</ul></body></html>`;
    expect(extractHtml(html)).toBeNull();
  });

  it('says isArticle=false when an article-typed page has almost no prose', () => {
    const html = articlePage('<article><h1>Gallery: the best photos</h1><p>Short caption.</p></article>');
    const result = extractHtml(html);
    expect(result === null || result.isArticle === false).toBe(true);
  });

  it('does not call a page of short snippets an article even when forced to read it', () => {
    const snippets = Array.from({ length: 6 }, (_, i) => `<p>Short item ${i}, with a few words of text that add up to a line.</p>`).join('');
    const result = extractArticle(parseHtmlDocument(`<html><body>${snippets}</body></html>`), { force: true });
    expect(result?.isArticle ?? false).toBe(false);
  });
});

describe('extractArticle robustness', () => {
  it('handles an empty document and an empty string', () => {
    expect(extractHtml('')).toBeNull();
    expect(extractHtml('<html><head></head><body></body></html>')).toBeNull();
    expect(extractArticle(parseHtmlDocument('<p></p>'), { force: true })).toBeNull();
  });

  it('handles a page with no paragraphs, even when declared an article', () => {
    expect(extractHtml(articlePage('<div><span>Just</span> <a href="#">links</a></div>'))?.isArticle ?? false).toBe(false);
  });

  it('handles one 200,000-character line', () => {
    const line = 'word '.repeat(40_000);
    const article = extractHtml(articlePage(`<article><p>${line}</p></article>`))!;
    expect(article.text).toBe(line.trim());
    expect(article.segments).toHaveLength(1);
  });

  it('handles a 5 MB page', () => {
    // Real big pages are mostly markup, inline scripts and link lists around a normal article.
    const filler = Array.from({ length: 3000 }, (_, i) => `<div class="card"><a href="/x${i}"><span>Link ${i}: ${'promo text '.repeat(60)}</span></a><script>var x${i} = "${'z'.repeat(300)}";</script></div>`).join('');
    const body = `<article><h1>Huge page headline</h1>${Array.from({ length: 200 }, (_, i) => paragraph(i)).join('')}</article>`;
    const html = articlePage(`${filler}${body}${filler}`);
    expect(html.length).toBeGreaterThan(5_000_000);
    const article = extractHtml(html)!;
    expect(article.isArticle).toBe(true);
    expect(article.text).toContain('Paragraph 199');
    expect(article.text).not.toContain('promo text');
  });

  it('handles deeply nested markup without recursion', () => {
    const depth = 3000;
    const html = articlePage(`${'<div>'.repeat(depth)}<article>${[1, 2, 3].map(paragraph).join('')}</article>${'</div>'.repeat(depth)}`);
    expect(extractHtml(html)?.text).toContain('Paragraph 3');
  });

  it('collapses whitespace the same way as collapseWhitespace', () => {
    expect(collapseWhitespace(' \u00a0a \n\t b\u2003 ')).toBe('a b');
  });
});
