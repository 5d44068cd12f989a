// `npm run fuzz [-- --runs N --seed S --target TEXT --sizes 25000,50000,100000,200000 --rounds R
//   --no-linearity --no-campaign]`: long fuzz campaigns over the analysis, the anchoring, the import
// parser and the message validator (testing/arbitraries/fuzz-targets.ts), then a linearity check of every
// trap family (scripts/lib/fuzz-linearity.ts). Prints cases per target, each failure with its shrunk
// counterexample and the seed to replay it, and the timing table. Exits 1 on any failure or
// super-linear growth. The unit tests (tests/unit/fuzz-*.test.ts) run the same targets briefly.

import 'fake-indexeddb/auto'; // before anything loads Dexie: it looks for IndexedDB once, when loaded
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { analyzeText } from '../lib/analysis/analyze';
import { anchorAll, describeSpan } from '../lib/anchoring';
import { manyParagraphs } from '../testing/arbitraries/fuzz-arbitraries';
import { analysisProblems } from '../testing/arbitraries/fuzz-checks';
import { formatHeader, formatRow, measureLinearity, NOISE_FLOOR_MS, SUPER_LINEAR_RATIO } from './lib/fuzz-linearity';
import { errorText, FUZZ_TARGETS } from '../testing/arbitraries/fuzz-targets';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20000' },
    seed: { type: 'string' },
    target: { type: 'string' },
    sizes: { type: 'string', default: '25000,50000,100000,200000' },
    rounds: { type: 'string', default: '3' },
    'no-linearity': { type: 'boolean', default: false },
    'no-campaign': { type: 'boolean', default: false },
  },
});

function positiveInt(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} must be a whole number above 0, not ${JSON.stringify(text)}`);
  return n;
}

const totalRuns = positiveInt(values.runs, 'runs');
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be a whole number, not ${JSON.stringify(values.seed)}`);
const sizes = values.sizes.split(',').map((s) => positiveInt(s.trim(), 'sizes'));
const rounds = positiveInt(values.rounds, 'rounds');

let failures = 0;

async function campaign(): Promise<void> {
  const targets = FUZZ_TARGETS.filter((t) => !values.target || t.name.includes(values.target) || t.area === values.target);
  const totalWeight = targets.reduce((sum, t) => sum + t.weight, 0);
  console.log(`Fuzz campaign: ${totalRuns} cases over ${targets.length} targets, seed ${seed} (replay with --seed ${seed})\n`);
  let tried = 0;
  for (const [i, target] of targets.entries()) {
    const numRuns = Math.max(10, Math.round((totalRuns * target.weight) / totalWeight));
    const targetSeed = seed + i;
    const start = performance.now();
    const details = await target.run({ numRuns, seed: targetSeed });
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    tried += details.numRuns;
    console.log(`${details.failed ? 'FAIL' : 'ok  '} ${String(details.numRuns).padStart(6)} cases ${seconds.padStart(6)} s  ${target.name}`);
    if (details.failed) {
      failures += 1;
      console.log(indent(fc.defaultReportMessage(details) ?? ''));
      console.log(indent(`error: ${errorText(details.errorInstance)}`));
      console.log(indent(`replay: npm run fuzz -- --no-linearity --target ${JSON.stringify(target.name)} --seed ${targetSeed} --runs ${numRuns}`));
    }
  }
  console.log(`\n${tried} cases tried, ${failures} target(s) failed.\n`);
}

/** The 10,000-paragraph article: analysed well-formed, and notes at its start, middle and end come back. */
function tenThousandParagraphs(): void {
  const text = manyParagraphs(10_000);
  const start = cpuMs();
  const analysis = analyzeText(text);
  const analysisMs = cpuMs() - start;
  const problems = analysisProblems(text, analysis);
  const notes = [0.01, 0.5, 0.99].map((at) => Math.floor(text.length * at)).map((s) => ({ target: { selector: describeSpan(text, s, s + 30) } }));
  const anchorStart = cpuMs();
  const results = anchorAll(text, notes);
  const anchorMs = cpuMs() - anchorStart;
  const lost = results.filter((r, i) => r.status !== 'anchored' || r.start !== notes[i]!.target.selector[1].start).length;
  const ok = problems.length === 0 && lost === 0;
  if (!ok) failures += 1;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} 10,000 paragraphs (${text.length} chars): analysis ${analysisMs.toFixed(0)} CPU ms, ${analysis.entities.length} entities, ${analysis.quotes.length} quotes, ${problems.length} problems; anchorAll ${anchorMs.toFixed(0)} CPU ms, ${lost} of 3 notes lost\n`,
  );
  for (const p of problems.slice(0, 5)) console.log(indent(p));
}

/** CPU time of this process, in ms (steadier than wall time on a shared machine). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function linearity(): void {
  console.log(`Linearity: CPU ms per call at n = ${sizes.join(', ')} characters (median of ${rounds}); flagged above ${SUPER_LINEAR_RATIO}× per doubling (in two series) when the largest takes ≥ ${NOISE_FLOOR_MS} ms`);
  console.log(formatHeader(sizes));
  const rows = measureLinearity({ sizes, rounds, filter: values.target, onRow: (row) => console.log(formatRow(row)) });
  const flagged = rows.filter((r) => r.superLinear);
  const wrong = rows.filter((r) => r.problems.length > 0);
  if (flagged.length > 0 || wrong.length > 0) failures += 1;
  console.log(`\n${rows.length} families timed, ${flagged.length} super-linear${flagged.length ? `: ${flagged.map((r) => `${r.subject}/${r.family}`).join(', ')}` : ''}.`);
  console.log(`Output checked at every size: ${wrong.length} famil${wrong.length === 1 ? 'y' : 'ies'} with problems${wrong.length ? `: ${wrong.map((r) => `${r.subject}/${r.family}`).join(', ')}` : ''}.`);
  for (const r of wrong) for (const p of r.problems.slice(0, 3)) console.log(indent(`${r.subject}/${r.family} ${p}`));
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `       ${line}`)
    .join('\n');
}

async function main(): Promise<void> {
  if (!values['no-campaign']) {
    await campaign();
    if (!values.target) tenThousandParagraphs();
  }
  if (!values['no-linearity']) linearity();
  console.log(failures === 0 ? '\nfuzz: all passed' : `\nfuzz: ${failures} failure(s)`);
  process.exitCode = failures === 0 ? 0 : 1;
}

await main();
