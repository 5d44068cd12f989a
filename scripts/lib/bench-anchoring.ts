// The anchoring bench: how often notes find their words again after each kind of page edit
// (re-anchored correctly, orphaned, wrongly placed) over the news-pages fixtures, and how fast
// 200 notes re-anchor on a 1 MB article text. Part of `npm run bench`; also runs alone:
//   npx tsx scripts/lib/bench-anchoring.ts [--pages N] [--per-page N] [--explain]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { anchor, anchorAll, describeSpan } from '../../lib/anchoring/index';
import { newsArticleTexts, type ArticleText } from '../../testing/anchoring/anchoring-corpus';
import { explainCase, generateCases, runCase } from '../../testing/anchoring/anchoring-cases';
import { EDIT_KINDS } from '../../testing/anchoring/anchoring-edits';
import { judge, isRecovered, type Verdict } from '../../testing/anchoring/anchoring-outcome';
import { seededRng } from '../../testing/anchoring/anchoring-prng';
import { applySplices, paragraphBlocks, pickPassage, wordsIn, type Span, type Splice } from '../../testing/anchoring/anchoring-text';
import { median } from './stats';

/** Share re-anchored on the right words that each kind must reach. */
const RECOVERY_TARGETS: Record<string, number> = {
  'insert-before': 0.99,
  'insert-after': 0.99,
  'insert-adjacent': 0.99,
  whitespace: 0.99,
  typography: 0.99,
  'typo-fixed': 0.9,
  'rewrite-10': 0.9,
};
const SPEED_NOTES = 200;
const SPEED_CHARS = 1_000_000;
const SPEED_RUNS = 7;
const SPEED_BUDGET_MS = 100;

export interface RecoveryRow {
  kind: string;
  cases: number;
  exact: number;
  near: number;
  partial: number;
  orphan: number;
  wrong: number;
  /** Required share recovered, for the edit kinds that have a target. */
  target: number | null;
  pass: boolean;
  /** What happened in each wrongly placed case, for whoever tunes the engine. */
  wrongCases: string[];
}

export interface SpeedResult {
  label: string;
  chars: number;
  notes: number;
  samplesMs: number[];
  medianMs: number;
  recovered: number;
  wrong: number;
  pass: boolean;
}

export interface AnchoringBench {
  pages: number;
  perPage: number;
  recovery: RecoveryRow[];
  speed: SpeedResult[];
}

export function measureRecovery(pages: readonly ArticleText[], perPage: number): RecoveryRow[] {
  const cases = generateCases(pages, EDIT_KINDS, perPage);
  return EDIT_KINDS.map((kind) => {
    const counts: Record<Verdict, number> = { exact: 0, near: 0, partial: 0, orphan: 0, wrong: 0 };
    const mine = cases.filter((c) => c.kind === kind);
    const wrongCases: string[] = [];
    for (const c of mine) {
      const result = runCase({ describeSpan, anchor }, c.edited);
      counts[result.verdict]++;
      if (result.verdict === 'wrong') wrongCases.push(explainCase(c, result));
    }
    const target = RECOVERY_TARGETS[kind.name] ?? null;
    const recovered = mine.length ? (counts.exact + counts.near) / mine.length : 0;
    const pass = counts.wrong === 0 && (target === null || recovered >= target);
    return { kind: kind.name, cases: mine.length, ...counts, target, pass, wrongCases };
  });
}

/** About 1 MB of article text: every fixture's text, then again with each paragraph's words reversed. */
function megabyteText(articles: readonly ArticleText[]): string {
  const parts: string[] = [];
  let size = 0;
  for (let pass = 0; size < SPEED_CHARS && pass < 4; pass++) {
    for (const { text } of articles) {
      const paragraphs = paragraphBlocks(text).map((b) => text.slice(b.start, b.end));
      const chunk = (pass % 2 === 0 ? paragraphs : paragraphs.map((p) => p.split(' ').reverse().join(' '))).join('\n\n');
      parts.push(chunk);
      size += chunk.length + 2;
      if (size >= SPEED_CHARS) break;
    }
  }
  return parts.join('\n\n');
}

export interface SpeedScenario {
  label: string;
  /** Paragraphs added, spread over the text (each moves every note after it). */
  insertions: number;
  /** A typo is fixed inside every n-th passage (those need the fuzzy search). */
  typoEvery: number;
}

export const SPEED_SCENARIOS: readonly SpeedScenario[] = [
  { label: 'a paragraph added in 5 places, a typo fixed in every tenth passage', insertions: 5, typoEvery: 10 },
  { label: 'stress: a typo fixed in every passage (all 200 need the fuzzy search)', insertions: 5, typoEvery: 1 },
];

/** 200 notes on a 1 MB text, the text then edited as the scenario says; anchorAll's time, median of runs. */
export function measureSpeed(articles: readonly ArticleText[], scenario: SpeedScenario): SpeedResult {
  const text = megabyteText(articles);
  const rng = seededRng(200);
  const passages: Span[] = [];
  while (passages.length < SPEED_NOTES) {
    const passage = pickPassage(text, rng, { minWords: 4, maxWords: 30 });
    if (passage && !passages.some((p) => p.start < passage.end && passage.start < p.end)) passages.push(passage);
  }
  const notes = passages.map((p) => ({ target: { selector: describeSpan(text, p.start, p.end) } }));
  const blocks = paragraphBlocks(text);
  const splices: Splice[] = [];
  for (let i = 0; i < scenario.insertions; i++) {
    const block = blocks[Math.floor(((i + 0.5) * blocks.length) / scenario.insertions)]!;
    if (!passages.some((p) => p.start < block.start && block.start < p.end)) {
      splices.push({ at: block.start, remove: 0, insert: `An editor added paragraph ${i + 1} here.\n\n` });
    }
  }
  passages.forEach((p, i) => {
    const word = wordsIn(text, p, /\p{L}{4,}/gu)[0];
    if (i % scenario.typoEvery === 0 && word) splices.push({ at: word.start + 1, remove: 1, insert: '' });
  });
  const edited = applySplices(text, splices);
  anchorAll(edited.text, notes); // warm-up
  const samplesMs: number[] = [];
  let results = anchorAll(edited.text, notes);
  for (let run = 0; run < SPEED_RUNS; run++) {
    const started = performance.now();
    results = anchorAll(edited.text, notes);
    samplesMs.push(performance.now() - started);
  }
  const verdicts = results.map((status, i) => judge(status, edited.mapSpan(passages[i]!)));
  const medianMs = median(samplesMs);
  return {
    label: scenario.label,
    chars: edited.text.length,
    notes: notes.length,
    samplesMs,
    medianMs,
    recovered: verdicts.filter(isRecovered).length,
    wrong: verdicts.filter((v) => v === 'wrong').length,
    pass: medianMs < SPEED_BUDGET_MS,
  };
}

const percent = (n: number, of: number): string => (of ? `${((100 * n) / of).toFixed(1)}%` : '-');
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'OVER');

export function printRecovery(rows: readonly RecoveryRow[], explain = false): void {
  console.log('  recovered: on the right words (exact, or give or take an edge); partial: on the passage but trimmed; wrong: elsewhere');
  console.log(`  ${'edit'.padEnd(18)} ${'cases'.padStart(5)}  ${'recovered'.padStart(9)} ${'(exact)'.padStart(8)}  ${'partial'.padStart(7)}  ${'orphaned'.padStart(8)}  ${'wrong'.padStart(5)}   target`);
  for (const row of rows) {
    const target = `0 wrong${row.target === null ? '' : `, ≥ ${row.target * 100}% recovered`}`;
    console.log(
      `  ${row.kind.padEnd(18)} ${String(row.cases).padStart(5)}  ${percent(row.exact + row.near, row.cases).padStart(9)} ${`(${percent(row.exact, row.cases)})`.padStart(8)}  ${percent(row.partial, row.cases).padStart(7)}  ${percent(row.orphan, row.cases).padStart(8)}  ${String(row.wrong).padStart(5)}   ${target}: ${verdict(row.pass)}`,
    );
  }
  const wrong = rows.reduce((sum, r) => sum + r.wrong, 0);
  const cases = rows.reduce((sum, r) => sum + r.cases, 0);
  const recovered = rows.reduce((sum, r) => sum + r.exact + r.near, 0);
  console.log(`  re-anchored on the right words over all ${cases} cases: ${recovered} (${percent(recovered, cases)})`);
  console.log(`  wrongly placed over all ${cases} cases: ${wrong} — target 0: ${verdict(wrong === 0)}`);
  if (wrong > 0 && !explain) console.log('  (run `npx tsx scripts/lib/bench-anchoring.ts --explain` to see each wrongly placed case)');
  if (explain) for (const line of rows.flatMap((r) => r.wrongCases)) console.log(`    ${line.slice(0, 600)}`);
}

export function printSpeed(speed: SpeedResult): void {
  console.log(`  ${speed.notes} notes on ${(speed.chars / 1e6).toFixed(2)} M characters, ${speed.label}:`);
  console.log(`  anchorAll median ${speed.medianMs.toFixed(1)} ms over ${speed.samplesMs.length} runs (min ${Math.min(...speed.samplesMs).toFixed(1)}, max ${Math.max(...speed.samplesMs).toFixed(1)}); ${speed.recovered}/${speed.notes} re-anchored on their words, ${speed.wrong} wrongly placed`);
  console.log(`  budget median < ${SPEED_BUDGET_MS} ms: ${verdict(speed.pass)}`);
}

export function runAnchoringBench(options: { pages?: number; perPage?: number; explain?: boolean } = {}): AnchoringBench {
  const { pages: pageCount = 40, perPage = 40, explain = false } = options;
  const all = newsArticleTexts({ minChars: 0 });
  const pages = all.filter((a) => a.text.length >= 2000).slice(0, pageCount);
  console.log(`  re-anchoring after page edits: ${pages.length} news-pages fixtures × ${perPage} seeded passages per edit kind`);
  const recovery = measureRecovery(pages, perPage);
  printRecovery(recovery, explain);
  console.log('  re-anchoring speed');
  const speed = SPEED_SCENARIOS.map((scenario) => measureSpeed(all, scenario));
  speed.forEach(printSpeed);
  return { pages: pages.length, perPage, recovery, speed };
}

function argValue(name: string): number | undefined {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log('Anchoring: recovery after page edits, and speed');
  runAnchoringBench({ pages: argValue('--pages'), perPage: argValue('--per-page'), explain: process.argv.includes('--explain') });
}
