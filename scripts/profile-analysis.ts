// Where the analysis spends its time, on a shared busy machine: analyses the article text of every
// news page that has no hand labels (the pages eval does not score) a few times, and compares
// Lede with compromise in the same process by CPU time (best of the rounds), which suffers other
// processes' load far less than wall-clock time does.
//
//   npx tsx scripts/profile-analysis.ts [--rounds N] [--lede-only]
//   node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof scripts/profile-analysis.ts --lede-only
//
// The profile of the main thread is the largest .cpuprofile written (tsx's loader thread writes one too).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { analyzeText } from '../lib/analysis/analyze';
import { extractArticle } from '../lib/extract/index';
import { parseHtmlDocument } from '../lib/extract/node-dom';
import { newsPagesDir, sharedDir } from '../testing/harness/paths';
import { compromiseAnalysis } from './eval/compromise-baseline';
import { wordCount } from './lib/stats';

function unlabelledPageTexts(): string[] {
  const goldDir = path.join(sharedDir, 'fixtures/gold-pages');
  const labelled = new Set(existsSync(goldDir) ? readdirSync(goldDir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)) : []);
  const texts: string[] = [];
  for (const dir of readdirSync(newsPagesDir).sort()) {
    const page = path.join(newsPagesDir, dir, 'page.html');
    if (labelled.has(dir) || !existsSync(page)) continue;
    const text = extractArticle(parseHtmlDocument(readFileSync(page, 'utf8')), { force: true })?.text;
    if (text) texts.push(text);
  }
  return texts;
}

/** CPU milliseconds (user + system) of one pass over every text. */
function cpuPass(analyse: (text: string) => unknown, texts: readonly string[]): number {
  const before = process.cpuUsage();
  for (const text of texts) analyse(text);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 5;
const ledeOnly = process.argv.includes('--lede-only');
const texts = unlabelledPageTexts();
const words = texts.reduce((sum, text) => sum + wordCount(text), 0);
const systems: [string, (text: string) => unknown][] = [['lede', analyzeText]];
if (!ledeOnly) systems.push(['compromise', compromiseAnalysis]);
const best = new Map<string, number>();
for (const [, analyse] of systems) cpuPass(analyse, texts); // warm-up
for (let r = 0; r < rounds; r++) {
  // Interleaved, so that both see the same stretches of load.
  for (const [name, analyse] of systems) best.set(name, Math.min(best.get(name) ?? Infinity, cpuPass(analyse, texts)));
}
console.log(`${texts.length} texts, ${words} words, best CPU time of ${rounds} rounds (load ${loadavg().map((x) => x.toFixed(1)).join(' ')}):`);
for (const [name, ms] of best) console.log(`  ${name.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms/pass  ${Math.round((words / ms) * 1000)} words/s`);
const compromise = best.get('compromise');
if (compromise !== undefined) console.log(`  Lede is ${(compromise / best.get('lede')!).toFixed(2)}x compromise`);
