// @vitest-environment happy-dom
// lib/page/selection-offsets.ts: from a DOM Range back to article-text offsets (the inverse of rangeFor).
import { describe, expect, it } from 'vitest';
import { extractArticle, rangeFor } from '../../lib/extract/index';
import type { ExtractedArticle } from '../../lib/extract/types';
import { compareBoundaryPoints, spanOfRange } from '../../lib/page/selection-offsets';

const PARAGRAPHS = [
  'The minister said on Tuesday that <b>talks</b> would resume in <a href="/x">Geneva</a> next week, after a pause of several months.',
  '“We are   ready,”\n   she told reporters, adding that the delegation\u00a0had   been briefed and that the agenda was now agreed.',
  'Critics of the plan, including <i>several <span>opposition</span> members</i>, said the timetable was unrealistic and poorly explained.',
];

function loadArticle(): ExtractedArticle {
  document.documentElement.innerHTML = `<head><meta property="og:type" content="article"></head><body>
    <nav id="nav"><a href="/">Home</a> and more navigation</nav>
    <article><h1>Talks   to resume</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}</article>
    <footer id="footer">Subscribe</footer></body>`;
  const article = extractArticle(document);
  if (!article) throw new Error('the test article did not extract');
  return article;
}

/** Every [start, end) whose ends sit on word boundaries: how a reader's selection usually lands. */
function wordSpans(text: string): Array<[number, number]> {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of text.matchAll(/\S+/g)) {
    starts.push(match.index);
    ends.push(match.index + match[0].length);
  }
  const spans: Array<[number, number]> = [];
  for (const start of starts) for (const end of ends) if (end > start) spans.push([start, end]);
  return spans;
}

describe('spanOfRange', () => {
  it('round-trips every word-aligned span through rangeFor', () => {
    const { text, segments } = loadArticle();
    const spans = wordSpans(text);
    expect(spans.length).toBeGreaterThan(1000);
    for (const [start, end] of spans) {
      const range = rangeFor(document, segments, start, end);
      expect(spanOfRange(text, segments, range), `${start}-${end}`).toEqual({ start, end });
    }
  });

  it('round-trips spans that start or end inside a word', () => {
    const { text, segments } = loadArticle();
    const at = text.indexOf('minister');
    const cases: Array<[number, number]> = [
      [at + 2, at + 5],
      [at + 3, text.indexOf('Geneva') + 3],
      [text.indexOf('opposition') + 1, text.indexOf('members') + 4],
    ];
    for (const [start, end] of cases) {
      expect(spanOfRange(text, segments, rangeFor(document, segments, start, end))).toEqual({ start, end });
    }
  });

  it('maps a selection of whole elements to their text', () => {
    const { text, segments } = loadArticle();
    const second = document.querySelectorAll('article p')[1]!;
    const range = document.createRange();
    range.selectNodeContents(second);
    const span = spanOfRange(text, segments, range)!;
    expect(text.slice(span.start, span.end)).toBe(
      '“We are ready,” she told reporters, adding that the delegation had been briefed and that the agenda was now agreed.',
    );
    // The <i> element and its nested <span>: element boundaries, not text boundaries.
    const italic = document.querySelector('article i')!;
    const around = document.createRange();
    around.selectNode(italic);
    const inner = spanOfRange(text, segments, around)!;
    expect(text.slice(inner.start, inner.end)).toBe('several opposition members');
  });

  it('trims whitespace a double- or triple-click takes along', () => {
    const { text, segments } = loadArticle();
    const start = text.indexOf('talks');
    const range = rangeFor(document, segments, start - 1, start + 'talks'.length + 1);
    expect(spanOfRange(text, segments, range)).toEqual({ start, end: start + 5 });
  });

  it('maps a point in a collapsed whitespace run to the text on the selected side', () => {
    const { text, segments } = loadArticle();
    // "We are   ready": the three spaces are one in the text; select from the middle of the run.
    const node = [...document.querySelectorAll('article p')][1]!.firstChild as Text;
    const runStart = node.data.indexOf('are') + 3;
    const range = document.createRange();
    range.setStart(node, runStart + 2);
    range.setEnd(node, node.data.indexOf('ready') + 5);
    const span = spanOfRange(text, segments, range)!;
    expect(text.slice(span.start, span.end)).toBe('ready');
  });

  it('keeps only the part of a selection inside the article', () => {
    const { text, segments } = loadArticle();
    const range = document.createRange();
    range.setStart(document.getElementById('nav')!.firstChild!, 0);
    const headline = document.querySelector('article h1')!.firstChild as Text;
    range.setEnd(headline, headline.data.indexOf('to') + 2);
    const span = spanOfRange(text, segments, range)!;
    expect(span.start).toBe(0);
    expect(text.slice(span.start, span.end)).toBe('Talks to');
    const tail = document.createRange();
    const last = document.querySelectorAll('article p')[2]!;
    tail.setStart(last.lastChild!, (last.lastChild as Text).data.indexOf('poorly'));
    tail.setEnd(document.getElementById('footer')!.firstChild!, 4);
    const tailSpan = spanOfRange(text, segments, tail)!;
    expect(text.slice(tailSpan.start, tailSpan.end)).toBe('poorly explained.');
    expect(tailSpan.end).toBe(text.length);
  });

  it('returns null for selections outside the article or of whitespace only', () => {
    const { text, segments } = loadArticle();
    const nav = document.createRange();
    nav.selectNodeContents(document.getElementById('nav')!);
    expect(spanOfRange(text, segments, nav)).toBeNull();
    const footer = document.createRange();
    footer.selectNodeContents(document.getElementById('footer')!);
    expect(spanOfRange(text, segments, footer)).toBeNull();
    const collapsed = rangeFor(document, segments, 10, 10);
    expect(spanOfRange(text, segments, collapsed)).toBeNull();
    expect(spanOfRange(text, [], nav)).toBeNull();
  });
});

describe('compareBoundaryPoints', () => {
  it('orders points in one node, across nodes, and between an element and its descendants', () => {
    document.body.innerHTML = '<p id="p">one <b>two</b> three</p>';
    const p = document.getElementById('p')!;
    const one = p.firstChild!;
    const two = p.querySelector('b')!.firstChild!;
    expect(compareBoundaryPoints(one, 1, one, 2)).toBeLessThan(0);
    expect(compareBoundaryPoints(one, 2, one, 2)).toBe(0);
    expect(compareBoundaryPoints(one, 3, two, 0)).toBeLessThan(0);
    expect(compareBoundaryPoints(two, 0, one, 3)).toBeGreaterThan(0);
    // (p, 1) is just after "one ", before <b>.
    expect(compareBoundaryPoints(p, 1, two, 0)).toBeLessThan(0);
    expect(compareBoundaryPoints(two, 0, p, 1)).toBeGreaterThan(0);
    expect(compareBoundaryPoints(p, 2, two, 3)).toBeGreaterThan(0);
    expect(compareBoundaryPoints(one, 4, p, 1)).toBeLessThan(0);
  });
});
