// The TypeScript gold scorer (scripts/eval/gold-score.ts) against shared/tools/score_gold.py: the same
// summary line and the same miss lines on the seed, for Lede's analysis and for the compromise baseline's
// (which misses a lot, so most rules are exercised).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analysis/analyze';
import { compromiseAnalysis } from '../../scripts/eval/compromise-baseline';
import { coverage, matchingSize, sameName, scoreGold, summaryLine, type GoldFile } from '../../scripts/eval/gold-score';

const seedDir = resolve(import.meta.dirname, '../../../shared/fixtures/seed');
const python = resolve(import.meta.dirname, '../../../shared/tools/score_gold.py');
const text = readFileSync(join(seedDir, 'article.txt'), 'utf8');
const gold = JSON.parse(readFileSync(join(seedDir, 'gold.json'), 'utf8')) as GoldFile;

function pythonReport(analysis: object): string[] {
  const path = join(mkdtempSync(join(tmpdir(), 'lede-gold-')), 'pred.json');
  writeFileSync(path, JSON.stringify(analysis));
  try {
    return execFileSync('python3', [python, join(seedDir, 'gold.json'), path], { encoding: 'utf8' }).trim().split('\n');
  } catch (error) {
    // score_gold.py exits 1 when the result is not perfect; its output is still the report.
    return String((error as { stdout?: string }).stdout ?? '').trim().split('\n');
  }
}

describe.runIf(existsSync(python))('TypeScript gold scorer agrees with score_gold.py', () => {
  it.each([
    ['lede', () => ({ text, ...analyzeText(text) })],
    ['compromise', () => ({ text, ...compromiseAnalysis(text) })],
    ['an empty analysis', () => ({ text, entities: [], quotes: [] })],
  ])('on the seed: %s', (_, make) => {
    const analysis = make();
    const ts = scoreGold(gold, analysis);
    expect([...ts.misses, summaryLine(ts)]).toEqual(pythonReport(analysis));
  });
});

describe('scorer pieces', () => {
  it('counts matching words as difflib does, in order', () => {
    expect(matchingSize(['a', 'b', 'c'], ['a', 'x', 'c'])).toBe(2);
    expect(matchingSize(['a', 'b'], ['b', 'a'])).toBe(1);
    expect(coverage('a former “State” official', 'a former State Department official')).toBe(1);
    expect(coverage('president of Acme', 'Acme')).toBeCloseTo(1 / 3);
  });

  it('matches names that end on the same word and contain one another', () => {
    expect(sameName('Mr. Kerry', 'Kerry')).toBe(true);
    expect(sameName('Barack Obama', 'President Barack Obama')).toBe(true);
    expect(sameName('Kerry', 'Kerry Washington')).toBe(false);
  });
});

describe('gold-page table', () => {
  it('scores pages with Lede and compromise and splits tuning from held-out rows', async () => {
    const { goldPagesMisses, goldPagesTable, HELD_OUT_PAGES, scoreGoldPages } = await import('../../scripts/eval/gold-pages');
    const root = mkdtempSync(join(tmpdir(), 'lede-gold-pages-'));
    const goldDir = join(root, 'gold');
    const pagesDir = join(root, 'pages');
    const heldOut = [...HELD_OUT_PAGES][0]!;
    for (const name of ['seed-page', heldOut]) {
      mkdirSync(join(pagesDir, name), { recursive: true });
      mkdirSync(goldDir, { recursive: true });
      writeFileSync(join(goldDir, `${name}.json`), JSON.stringify(gold));
      writeFileSync(join(pagesDir, name, 'page.html'), readFileSync(join(seedDir, 'page-restored.html'), 'utf8'));
    }
    const all = scoreGoldPages(goldDir, pagesDir, new Set(['tuning', 'held out']));
    expect(all.map((r) => [r.name, r.split])).toEqual([
      [heldOut, 'held out'],
      ['seed-page', 'tuning'],
    ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
    const seed = all.find((r) => r.name === 'seed-page')!;
    expect(seed.lede.perfect).toBe(true);
    expect(seed.compromise.descriptions[0]).toBe(0);
    const table = goldPagesTable(all);
    expect(table.filter((l) => l.startsWith('tuning (1)')).map((l) => l.split(/\s+/)[2])).toEqual(['lede', 'compromise']);
    expect(table.filter((l) => l.startsWith('held out (1)'))).toHaveLength(2);
    expect(table.find((l) => l.startsWith('tuning (1)') && l.includes('lede'))).toContain('2/2 100%');
    // While tuning, the held-out pages are not even read.
    expect(scoreGoldPages(goldDir, pagesDir, new Set(['tuning'])).map((r) => r.name)).toEqual(['seed-page']);
    expect(goldPagesMisses([seed])[0]).toMatch(/^-- seed-page \(tuning\): people 16\/16/);
  }, 60_000);
});
