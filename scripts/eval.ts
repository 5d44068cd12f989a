// `npm run eval`: Lede's accuracy against named baselines, in one run.
//   1. the seed article's gold (shared/tools/score_gold.py), through the same `analyze` CLI users run;
//   2. CoNLL-2003 eng.testa, entity-level exact P/R/F1 for PER, LOC, ORG and the micro average.
// Every row has the `compromise` baseline beside it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyzeText } from '../lib/analysis/analyze';
import type { Analysis } from '../lib/analysis/types';
import { compromiseAnalysis } from './eval/compromise-baseline';
import { CONLL_TYPES, predictedTokenEntities, prf, readConll, scoreEntities, type ConllType, type Counts } from './eval/conll';

const repoRoot = resolve(import.meta.dirname, '..');
const shared = resolve(repoRoot, '../shared');
const seedDir = join(shared, 'fixtures/seed');
const scratch = mkdtempSync(join(tmpdir(), 'lede-eval-'));

function pct(x: number): string {
  return (100 * x).toFixed(1).padStart(5);
}

interface AnalyzeOutput extends Analysis {
  file: string;
  title: string | null;
  text: string;
}

function runAnalyzeCli(file: string): AnalyzeOutput {
  const out = execFileSync(process.execPath, [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'scripts/analyze.ts'), file], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as AnalyzeOutput;
}

/** Runs score_gold.py and returns its summary (last) line. */
function scoreGold(analysis: AnalyzeOutput, name: string): string {
  const path = join(scratch, `${name}.json`);
  writeFileSync(path, JSON.stringify(analysis));
  try {
    const out = execFileSync('python3', [join(shared, 'tools/score_gold.py'), join(seedDir, 'gold.json'), path], { encoding: 'utf8' });
    return out.trim().split('\n').pop() ?? '';
  } catch (error) {
    // score_gold.py exits 1 when the result is not perfect; its output is still the report.
    const out = String((error as { stdout?: string }).stdout ?? '');
    return out.trim().split('\n').pop() ?? String(error);
  }
}

function seedSection(): void {
  console.log('\n== Seed gold (shared/fixtures/seed/gold.json, scored by shared/tools/score_gold.py) ==');
  for (const file of ['article.txt', 'page-stripped.html', 'page-restored.html']) {
    const lede = runAnalyzeCli(join(seedDir, file));
    const baseline: AnalyzeOutput = { ...lede, ...compromiseAnalysis(lede.text) };
    console.log(`${file}`);
    console.log(`  lede        ${scoreGold(lede, `lede-${file}`)}`);
    console.log(`  compromise  ${scoreGold(baseline, `compromise-${file}`)}`);
  }
}

function conllSection(): void {
  console.log('\n== CoNLL-2003 eng.testa: entity-level exact match (MISC left out) ==');
  const docs = readConll(join(shared, 'datasets/conll2003/eng.testa'));
  const systems: [string, (text: string) => Analysis][] = [
    ['lede', analyzeText],
    ['compromise', compromiseAnalysis],
  ];
  console.log('system       type     P      R      F1');
  for (const [name, analyse] of systems) {
    const counts = Object.fromEntries(CONLL_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<ConllType, Counts>;
    const started = performance.now();
    for (const doc of docs) scoreEntities(doc.gold, predictedTokenEntities(doc, analyse(doc.text).entities), counts);
    const seconds = (performance.now() - started) / 1000;
    const micro = CONLL_TYPES.reduce<Counts>((a, t) => ({ tp: a.tp + counts[t].tp, fp: a.fp + counts[t].fp, fn: a.fn + counts[t].fn }), { tp: 0, fp: 0, fn: 0 });
    for (const [label, c] of [...CONLL_TYPES.map((t) => [t, counts[t]] as const), ['micro', micro] as const]) {
      const s = prf(c);
      console.log(`${name.padEnd(12)} ${label.padEnd(6)} ${pct(s.p)}  ${pct(s.r)}  ${pct(s.f)}`);
    }
    console.log(`${name.padEnd(12)} (${docs.length} documents in ${seconds.toFixed(1)} s)`);
  }
}

seedSection();
conllSection();
