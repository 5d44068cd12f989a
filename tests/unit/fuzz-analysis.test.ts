// The analysis on adversarial input (testing/arbitraries/fuzz-arbitraries.ts): regex traps, thousands of
// unmatched or nested quotation marks, invalid UTF-16, invisible and bidi characters, 10,000
// paragraphs. Whatever the text, analyzeText returns and its output keeps the contract checked by
// analysisProblems (testing/arbitraries/fuzz-checks.ts). Fixed seeds; `npm run fuzz` runs the long campaigns
// and the timing (linearity) check, which unit tests never assert.

import { describe, expect, it } from 'vitest';
import { analyzeText } from '@/lib/analysis/analyze';
import { analysisProblems } from '../../testing/arbitraries/fuzz-checks';
import { assertTarget, FUZZ_TARGETS } from '../../testing/arbitraries/fuzz-targets';
import { manyParagraphs, TRAP_FAMILIES, TRAP_NAMES } from '../../testing/arbitraries/fuzz-arbitraries';

/** Not a time budget (those live in `npm run fuzz`): room for a few hundred cases on a busy 2-core machine. */
const LOADED_MACHINE_TIMEOUT = 60_000;

const target = (name: string) => FUZZ_TARGETS.find((t) => t.name === name)!;

describe('analysis on adversarial text', { timeout: LOADED_MACHINE_TIMEOUT }, () => {
  // 10,000 characters each here; `npm run fuzz` checks every family up to 200,000 and times it.
  it.each(TRAP_NAMES)('%s (10,000 characters) gives a well-formed analysis', (family) => {
    const text = TRAP_FAMILIES[family]!(10_000);
    expect(analysisProblems(text, analyzeText(text))).toEqual([]);
  });

  it('1,000 paragraphs give a well-formed analysis with their quotes (npm run fuzz: 10,000)', () => {
    const text = manyParagraphs(1_000);
    const analysis = analyzeText(text);
    expect(analysisProblems(text, analysis)).toEqual([]);
    expect(analysis.quotes.length).toBeGreaterThan(0);
  });

  it('an empty text and a text of one lone surrogate give nothing', () => {
    expect(analyzeText('')).toEqual({ entities: [], quotes: [] });
    expect(analyzeText('\ud800')).toEqual({ entities: [], quotes: [] });
  });

  it('random article text with every kind of oddity (150 cases)', async () => {
    await assertTarget(target('analysis: random article text is well-formed'), { seed: 8_001, numRuns: 150 });
  });

  it('traps inside article text (25 cases)', async () => {
    await assertTarget(target('analysis: traps inside article text are well-formed'), { seed: 8_002, numRuns: 25 });
  });

  it('the same text always gives the same analysis (40 cases)', async () => {
    await assertTarget(target('analysis: the same text gives the same analysis'), { seed: 8_003, numRuns: 40 });
  });
});
