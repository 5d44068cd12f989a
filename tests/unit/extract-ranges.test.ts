// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractArticle, locateOffset, rangeFor } from '../../lib/extract/index';
import type { ExtractedArticle, TextSegment } from '../../lib/extract/types';

/** Load a page into the test window's document (happy-dom's Ranges misbehave in DOMParser documents). */
function parse(html: string): Document {
  const inner = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>[\s\S]*$/i, '');
  document.documentElement.innerHTML = inner;
  return document;
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

const PARAGRAPHS = [
  'The minister said on Tuesday that <b>talks</b> would resume in <a href="/x">Geneva</a> next week, after a pause of several months.',
  '“We are   ready,”\n   she told reporters, adding that the delegation\u00a0had   been briefed and that the agenda was now agreed.',
  'Critics of the plan, including <i>several <span>opposition</span> members</i>, said the timetable was unrealistic and poorly explained.',
];

function smallArticle(): { doc: Document; article: ExtractedArticle } {
  const doc = parse(`<html><head><meta property="og:type" content="article"></head><body>
    <nav><a href="/">Home</a></nav>
    <article><h1>Talks   to resume</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}</article>
    <footer>Subscribe</footer></body></html>`);
  return { doc, article: extractArticle(doc)! };
}

describe('locateOffset', () => {
  const a = { data: 'Hello world' } as Text;
  const b = { data: 'Second' } as Text;
  // text: "Hello world\n\nSecond"
  const segments: TextSegment[] = [
    { start: 0, end: 11, node: a, nodeOffset: 0 },
    { start: 13, end: 19, node: b, nodeOffset: 0 },
  ];

  it.each([
    [0, 'forward', a, 0],
    [6, 'forward', a, 6],
    [11, 'backward', a, 11],
    [11, 'forward', b, 0],
    [12, 'forward', b, 0],
    [12, 'backward', a, 11],
    [13, 'backward', a, 11],
    [14, 'backward', b, 1],
    [19, 'backward', b, 6],
  ] as const)('offset %i (%s) -> node offset', (offset, bias, node, nodeOffset) => {
    expect(locateOffset(segments, offset, bias)).toEqual({ node, offset: nodeOffset });
  });

  it('returns null past the ends', () => {
    expect(locateOffset(segments, 19, 'forward')).toBeNull();
    expect(locateOffset(segments, 0, 'backward')).toBeNull();
    expect(locateOffset([], 0)).toBeNull();
  });
});

describe('extractArticle in a DOM with layout information', () => {
  it('leaves out blocks and inline elements hidden by the page stylesheet', () => {
    const doc = parse(`<html><head><meta property="og:type" content="article">
      <style>.gone { display: none }</style></head><body><article><h1>Visible headline</h1>
      ${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}
      <p class="gone">CSSHIDDEN paragraph that would otherwise be long enough to count as prose in the article.</p>
      <p>Officials said the hidden note <span class="gone">INLINEHIDDEN</span>was never published in the final report.</p>
      </article></body></html>`);
    const article = extractArticle(doc)!;
    expect(article.text).not.toContain('CSSHIDDEN');
    expect(article.text).not.toContain('INLINEHIDDEN');
    expect(article.text).toContain('Officials said the hidden note was never published in the final report.');
  });
});

describe('rangeFor', () => {
  it('gives a Range whose text is the article text slice, for every word', () => {
    const { doc, article } = smallArticle();
    expect(article.text.split('\n\n')[0]).toBe('Talks to resume');
    for (const match of article.text.matchAll(/\S+/g)) {
      const start = match.index;
      const end = start + match[0].length;
      expect(rangeFor(doc, article.segments, start, end).toString()).toBe(match[0]);
    }
  });

  it('round-trips spans that cross inline elements, collapsed whitespace and block breaks', () => {
    const { doc, article } = smallArticle();
    const spans: Array<[string, string]> = [
      ['talks would resume in Geneva next week', 'talks would resume in Geneva next week'],
      ['“We are ready,” she told reporters', '“We are ready,” she told reporters'],
      ['delegation had been briefed', 'delegation had been briefed'],
      ['several opposition members', 'several opposition members'],
    ];
    for (const [needle] of spans) {
      const start = article.text.indexOf(needle);
      expect(start).toBeGreaterThanOrEqual(0);
      const range = rangeFor(doc, article.segments, start, start + needle.length);
      expect(squash(range.toString())).toBe(needle);
    }
    // Across two paragraphs: the range text equals the slice modulo whitespace.
    const start = article.text.indexOf('several months.');
    const end = article.text.indexOf('she told');
    expect(squash(rangeFor(doc, article.segments, start, end).toString())).toBe(squash(article.text.slice(start, end)));
  });

  it('collapses for empty spans and spans inside a block break', () => {
    const { doc, article } = smallArticle();
    const gap = article.text.indexOf('\n\n');
    expect(rangeFor(doc, article.segments, gap, gap + 2).collapsed).toBe(true);
    expect(rangeFor(doc, article.segments, 5, 5).collapsed).toBe(true);
  });

  it('round-trips every paragraph of the seed page', () => {
    const doc = parse(readFileSync('../shared/fixtures/seed/page-restored.html', 'utf8'));
    const article = extractArticle(doc)!;
    expect(article.isArticle).toBe(true);
    let offset = 0;
    for (const block of article.text.split('\n\n')) {
      const range = rangeFor(doc, article.segments, offset, offset + block.length);
      expect(squash(range.toString())).toBe(block);
      offset += block.length + 2;
    }
    const kerry = article.text.indexOf('John Kerry');
    expect(rangeFor(doc, article.segments, kerry, kerry + 'John Kerry'.length).toString()).toBe('John Kerry');
  });
});
