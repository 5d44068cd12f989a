// Does the time to analyse, anchor in or import an adversarial input grow linearly with its size?
// Each trap family is timed at n, 2n, 4n, 8n; a linear routine takes about 2× per doubling, a
// quadratic one 4×. Timings are only reported here (and by `npm run fuzz`), never asserted in tests.

import { analyzeText } from '../../lib/analysis/analyze';
import { anchorAll, describeSpan } from '../../lib/anchoring';
import { exportJsonLd, ImportError, parseImport } from '../../lib/exchange';
import { TRAP_FAMILIES } from '../../testing/arbitraries/fuzz-arbitraries';
import { analysisProblems, anchoredExactlyProblems } from '../../testing/arbitraries/fuzz-checks';

/** Worse than this per doubling, in two series in a row, is flagged (linear is 2; n log n about 2.2; quadratic 4). */
export const SUPER_LINEAR_RATIO = 2.5;
/** Below this at the largest size, growth ratios are timer noise and not flagged. */
export const NOISE_FLOOR_MS = 5;
/** A single call slower than this stops the family from going to the next size. */
const GIVE_UP_MS = 15_000;

export interface LinearityRow {
  subject: 'analysis' | 'anchoring' | 'import';
  family: string;
  sizes: number[];
  /** Median milliseconds per call at each size (NaN where it gave up). */
  ms: number[];
  /** ms[i + 1] / ms[i]. */
  ratios: number[];
  /** Geometric mean of the ratios: the growth per doubling over the whole range. */
  perDoubling: number;
  superLinear: boolean;
  /** What the output check (fuzz-checks.ts) found at any size: the traps at 100k and 200k are checked here. */
  problems: string[];
}

/** A timed call and the check of its output (run once per size, outside the timing). */
interface Trial {
  run: () => void;
  check: () => string[];
}

/**
 * CPU milliseconds per call (process.cpuUsage: other processes on a busy machine barely move it,
 * unlike wall time): repeated until at least 20 ms have passed, median of `rounds` such rounds.
 */
export function timePerCall(run: () => void, rounds: number): number {
  const samples: number[] = [];
  const cpuMs = (): number => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  for (let round = 0; round < rounds; round += 1) {
    let calls = 0;
    const start = cpuMs();
    let elapsed = 0;
    do {
      run();
      calls += 1;
      elapsed = cpuMs() - start;
    } while (elapsed < 20 && calls < 1000);
    samples.push(elapsed / calls);
    if (elapsed > GIVE_UP_MS) break;
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

function row(subject: LinearityRow['subject'], family: string, sizes: number[], build: (n: number) => Trial, rounds: number): LinearityRow {
  const ms: number[] = [];
  const problems: string[] = [];
  build(sizes[0]!).run(); // warm-up: the first call pays for compiling and loading models
  for (const n of sizes) {
    if (ms.length > 0 && ms[ms.length - 1]! > GIVE_UP_MS) {
      ms.push(Number.NaN);
      continue;
    }
    const trial = build(n);
    problems.push(...trial.check().map((p) => `n=${n}: ${p}`));
    ms.push(timePerCall(trial.run, rounds));
  }
  const ratios = ms.slice(1).map((t, i) => t / ms[i]!);
  const measured = ms.filter((t) => !Number.isNaN(t));
  const first = measured[0]!;
  const last = measured[measured.length - 1]!;
  const doublings = Math.log2(sizes[measured.length - 1]! / sizes[0]!);
  const perDoubling = doublings > 0 ? (last / first) ** (1 / doublings) : 1;
  const gaveUp = measured.length < ms.length;
  return { subject, family, sizes, ms, ratios, perDoubling, superLinear: gaveUp || (perDoubling > SUPER_LINEAR_RATIO && last >= NOISE_FLOOR_MS), problems };
}

function analysisTrial(text: string): Trial {
  return { run: () => void analyzeText(text), check: () => analysisProblems(text, analyzeText(text)) };
}

/**
 * Timed: notes on three passages (start, middle, end) re-anchored after one character was inserted
 * at the front. Checked: on the unchanged text all three come back exactly.
 */
function anchoringTrial(text: string): Trial {
  const spans = [0.1, 0.5, 0.9].map((at) => Math.floor(text.length * at)).map((start) => [start, Math.min(text.length, start + 20)] as const);
  const notes = spans.map(([start, end]) => ({ target: { selector: describeSpan(text, start, end) } }));
  const edited = `x${text}`;
  return {
    run: () => void anchorAll(edited, notes),
    check: () => anchorAll(text, notes).flatMap((status, i) => anchoredExactlyProblems(status, spans[i]![0], spans[i]![1], `note ${i}`)),
  };
}

/** Files of about n characters that are hard for the import parser in one way each. */
export const IMPORT_FAMILIES: Readonly<Record<string, (n: number) => string>> = {
  'open-brackets (cut off)': (n) => '['.repeat(n),
  'nested arrays': (n) => '['.repeat(n >> 1) + ']'.repeat(n >> 1),
  'long string, then a syntax error': (n) => `["${'a'.repeat(n)}",]`,
  'many lines, error at the end': (n) => `[${'\n1,'.repeat(Math.floor(n / 3))}]]`,
  'backup with n/500 notes': (n) =>
    exportJsonLd(
      Array.from({ length: Math.max(1, Math.floor(n / 500)) }, (_, i) => ({
        id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        type: 'Annotation' as const,
        schemaVersion: 1,
        motivation: 'commenting' as const,
        created: '2026-01-01T10:00:00.000Z',
        modified: '2026-01-01T10:00:00.000Z',
        target: {
          source: `https://news.example/story/${i % 50}`,
          selector: [
            { type: 'TextQuoteSelector' as const, exact: `passage ${i} “quoted”`, prefix: 'before ', suffix: ' after' },
            { type: 'TextPositionSelector' as const, start: i * 100, end: i * 100 + 18 },
          ],
        },
        body: 'A note with some words in it. '.repeat(5),
        tags: ['politics', `t${i % 9}`],
        color: 'yellow' as const,
        page: { title: 'Talks collapse', site: 'news.example' },
      })),
    ),
  'trap text as a file': (n) => TRAP_FAMILIES['all-marks']!(n),
};

/** Timed: parseImport. Checked: it returns or throws an ImportError, nothing else. */
function importTrial(file: string): Trial {
  const run = (): void => {
    try {
      parseImport(file);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
    }
  };
  return {
    run,
    check: () => {
      try {
        run();
        return [];
      } catch (error) {
        return [`threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`];
      }
    },
  };
}

export interface LinearityOptions {
  sizes: number[];
  rounds: number;
  /** Only families whose name contains this. */
  filter?: string;
  onRow?: (row: LinearityRow) => void;
}

/** Times every trap family through the analysis and the anchoring, and the import families through parseImport. */
export function measureLinearity(options: LinearityOptions): LinearityRow[] {
  const rows: LinearityRow[] = [];
  // A busy machine can spoil one series; growth counts as super-linear only if a second series agrees.
  const add = (first: LinearityRow, again: () => LinearityRow): void => {
    const r = first.superLinear ? again() : first;
    rows.push(r);
    options.onRow?.(r);
  };
  const wanted = (name: string): boolean => !options.filter || name.includes(options.filter);
  for (const [family, make] of Object.entries(TRAP_FAMILIES)) {
    if (!wanted(family)) continue;
    const analysisRow = (): LinearityRow => row('analysis', family, options.sizes, (n) => analysisTrial(make(n)), options.rounds);
    const anchoringRow = (): LinearityRow => row('anchoring', family, options.sizes, (n) => anchoringTrial(make(n)), options.rounds);
    add(analysisRow(), analysisRow);
    add(anchoringRow(), anchoringRow);
  }
  for (const [family, make] of Object.entries(IMPORT_FAMILIES)) {
    if (!wanted(family)) continue;
    const importRow = (): LinearityRow => row('import', family, options.sizes, (n) => importTrial(make(n)), options.rounds);
    add(importRow(), importRow);
  }
  return rows;
}

/** One table line: subject, family, ms per size, ratios per doubling, verdict. */
export function formatRow(r: LinearityRow): string {
  const ms = r.ms.map((t) => (Number.isNaN(t) ? 'gave up' : t < 10 ? t.toFixed(2) : t.toFixed(0)).padStart(8)).join('');
  const ratios = r.ratios.map((x) => (Number.isNaN(x) ? '   -' : x.toFixed(1).padStart(4))).join(' ');
  const growth = r.superLinear ? `SUPER-LINEAR (${r.perDoubling.toFixed(2)}×/doubling)` : `ok ${r.perDoubling.toFixed(2)}×`;
  const verdict = r.problems.length > 0 ? `${growth}; ${r.problems.length} OUTPUT PROBLEM(S): ${r.problems[0]}` : growth;
  return `${r.subject.padEnd(10)}${r.family.padEnd(34)}${ms}   ${ratios}   ${verdict}`;
}

export function formatHeader(sizes: number[]): string {
  const cols = sizes.map((n) => `${n >= 1000 ? `${n / 1000}k` : n}`.padStart(8)).join('');
  return `${'subject'.padEnd(10)}${'family'.padEnd(34)}${cols}   ratios per doubling   verdict  (CPU ms per call)`;
}
