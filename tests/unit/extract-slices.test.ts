// Extraction in slices: the same article as extractArticle, with the thread handed back between slices.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle, extractArticleInSlices } from '../../lib/extract/index';
import { parseHtmlDocument } from '../../lib/extract/node-dom';
import { runInSlices, runToEnd, type Steps } from '../../lib/extract/slices';

const SEED = '../shared/fixtures/seed/page-restored.html';

/** A clock that moves one unit every time it is read, so slicing is deterministic. */
function tickingClock(): () => number {
  let t = 0;
  return () => t++;
}

function* countTo(n: number): Steps<number> {
  for (let i = 1; i < n; i++) yield;
  return n;
}

describe('runToEnd and runInSlices', () => {
  it('return what the steps return', async () => {
    expect(runToEnd(countTo(5))).toBe(5);
    expect(await runInSlices(countTo(5))).toBe(5);
  });

  it('hand the thread back once per slice', async () => {
    let handedBack = 0;
    const result = await runInSlices(countTo(100), {
      sliceMs: 10,
      now: tickingClock(),
      yieldToPage: async () => {
        handedBack++;
      },
    });
    expect(result).toBe(100);
    // Each step reads the clock once; a slice of 10 ticks ends after 10 steps (the first read starts it).
    expect(handedBack).toBe(9);
  });
});

describe('extractArticleInSlices', () => {
  it('finds the same article as extractArticle on the seed page', async () => {
    const doc = parseHtmlDocument(readFileSync(SEED, 'utf8'));
    const whole = extractArticle(doc)!;
    const sliced = (await extractArticleInSlices(doc, { sliceMs: 1, now: tickingClock(), yieldToPage: async () => undefined }))!;
    expect(sliced.title).toBe(whole.title);
    expect(sliced.text).toBe(whole.text);
    expect(sliced.isArticle).toBe(true);
    expect(sliced.segments.map((s) => [s.start, s.end, s.nodeOffset])).toEqual(whole.segments.map((s) => [s.start, s.end, s.nodeOffset]));
  });

  it('pauses many times on a large page and still returns its article', async () => {
    const filler = Array.from({ length: 3000 }, (_, i) => `<div class="card"><a href="/x${i}"><span>Link ${i}</span></a></div>`).join('');
    const body = Array.from({ length: 50 }, (_, i) => `<p>Paragraph ${i} of the story, in which officials said on Tuesday that the talks would resume soon.</p>`).join('');
    const html = `<html><head><meta property="og:type" content="article"></head><body>${filler}<article><h1>Big page</h1>${body}</article>${filler}</body></html>`;
    let pauses = 0;
    const article = await extractArticleInSlices(parseHtmlDocument(html), {
      sliceMs: 1,
      now: tickingClock(),
      yieldToPage: async () => {
        pauses++;
      },
    });
    expect(article?.text).toContain('Paragraph 49 of the story');
    expect(article?.text).not.toContain('Link 5');
    expect(pauses).toBeGreaterThan(10);
  });

  it('returns null where extractArticle does', async () => {
    expect(await extractArticleInSlices(parseHtmlDocument('<html><body><p>Hi</p></body></html>'))).toBeNull();
  });
});
