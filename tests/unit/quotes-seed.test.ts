// The seed article's gold quotes, on all three versions of its text.
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../lib/analysis/quotes';
import type { Quote } from '../../lib/analysis/types';
import { readSeed, seedEntities, seedPageText } from '../../testing/fixtures/quotes-fixtures';

interface GoldItem {
  speaker: string;
  text: string;
  continuation?: string;
}
const gold = JSON.parse(readSeed('gold.json')) as { quotes: GoldItem[]; reported_speech: GoldItem[] };

/** Lowercase words without quotation marks or apostrophes, so "We’re" in one version matches "Were" in another. */
function words(s: string): string[] {
  return s.toLowerCase().replace(/['’‘"“”\\]/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Do the quote's words start with the gold text's words and cover most of it? */
function matches(goldText: string, quoted: string): boolean {
  const g = words(goldText);
  const q = words(quoted);
  const head = g.slice(0, 6).join(' ');
  return q.slice(0, 6).join(' ') === head && q.length >= 0.8 * g.length;
}

const versions: [string, string][] = [
  ['article.txt (no quotation marks)', readSeed('article.txt')],
  ['page-restored.html (typographic marks)', seedPageText('page-restored.html')],
  ['page-stripped.html (no marks)', seedPageText('page-stripped.html')],
];

describe.each(versions)('seed article: %s', (_name, text) => {
  const quotes = findQuotes(text, seedEntities(text));
  const direct = quotes.filter((q) => q.kind === 'direct');
  const reported = quotes.filter((q) => q.kind === 'reported');
  const quoted = (q: Quote): string => text.slice(q.start, q.end);

  it.each(gold.quotes.map((g) => [g.text.slice(0, 50), g] as const))('finds the direct quote “%s…” with its speaker', (_t, g) => {
    const hit = direct.find((q) => matches(g.text, quoted(q)));
    expect(hit, g.text).toBeDefined();
    expect(hit?.speaker?.name).toBe(g.speaker);
    if (g.speaker !== 'a senior Arab official') expect(hit?.speaker?.entityId).toBe(`person:${g.speaker}`);
    else expect(hit?.speaker?.entityId).toBeUndefined();
  });

  it('reports no direct quote beyond the gold quotes and their continuations', () => {
    const allowed = gold.quotes.flatMap((g) => (g.continuation ? [g.text, g.continuation] : [g.text]));
    const extra = direct.filter((q) => !allowed.some((a) => matches(a, quoted(q))));
    expect(extra.map(quoted)).toEqual([]);
  });

  it.each(gold.reported_speech.map((g) => [g.text.slice(0, 50), g] as const))('finds the reported statement “%s…”', (_t, g) => {
    const hit = reported.find((q) => matches(g.text, quoted(q)));
    expect(hit, g.text).toBeDefined();
    expect(hit?.speaker?.name).toBe(g.speaker);
  });

  it('never reports plural or institutional speakers as direct', () => {
    for (const q of direct) expect(q.speaker?.name ?? '').not.toMatch(/officials|Interfax/);
    const interfax = text.indexOf('Moscow remained');
    const peskov = quotes.find((q) => q.start === interfax);
    expect(peskov?.kind).toBe('reported');
    expect(quoted(peskov as Quote)).not.toContain('Interfax');
  });

  it('returns quotes sorted by start, without marks at their edges', () => {
    for (let i = 1; i < quotes.length; i++) expect((quotes[i] as Quote).start).toBeGreaterThanOrEqual((quotes[i - 1] as Quote).start);
    for (const q of quotes) expect(quoted(q)).toMatch(/^[^\s“”"«»]/u);
    for (const q of quotes) expect(quoted(q)).toMatch(/[^\s“”"«»,]$/u);
  });
});
