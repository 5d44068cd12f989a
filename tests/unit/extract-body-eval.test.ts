import { describe, expect, it } from 'vitest';
import { evaluateBodyFinding, quantile, summarize } from '../../scripts/body-eval';
import { tokenOverlap, wordTokens } from '../../testing/pages/token-overlap';

const PAGES = '../shared/fixtures/news-pages';

describe('body-eval scoring helpers', () => {
  it('tokenizes into lower-case words', () => {
    expect(wordTokens('Mr. Kerry’s 2016 “visit” — Moscow!')).toEqual(['mr', 'kerry', 's', '2016', 'visit', 'moscow']);
  });

  it('scores bag-of-words overlap as a multiset', () => {
    expect(tokenOverlap('a a b', 'a b b c')).toEqual({ precision: 2 / 3, recall: 2 / 4, f1: (2 * (2 / 3) * 0.5) / (2 / 3 + 0.5) });
    expect(tokenOverlap('', 'a')).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(tokenOverlap('same words', 'Same, words.').f1).toBe(1);
  });

  it('takes medians and 10th percentiles', () => {
    expect(quantile([3, 1, 2], 0.5)).toBe(2);
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([10, 1, 2, 3, 4, 5, 6, 7, 8, 9], 0.1)).toBe(1);
    expect(quantile([], 0.5)).toBeNull();
  });
});

describe('body finding on the real news pages', () => {
  const results = evaluateBodyFinding(PAGES);

  it('extracts every page without errors and judges all 20 core pages articles', () => {
    expect(results.filter((r) => r.error)).toEqual([]);
    const core = results.filter((r) => r.core);
    expect(core).toHaveLength(20);
    expect(core.filter((r) => !r.isArticle).map((r) => r.dir)).toEqual([]);
  });

  it('matches the human-marked article bodies (median F1 >= 0.95, p10 >= 0.80)', () => {
    const summary = summarize(results);
    expect(summary.withReference).toBeGreaterThan(100);
    expect(summary.medianF1).toBeGreaterThanOrEqual(0.95);
    expect(summary.p10F1).toBeGreaterThanOrEqual(0.8);
  });
}, 120_000);
