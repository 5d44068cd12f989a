// Interleaved A/B of the library import in Chromium, for two builds of the extension on a machine
// others load: the 10,000-note import (file chosen -> summary, as the bench) and, unless --no-restore,
// the 100,000-note restore into a fresh profile (longest task and frame, time to listed), run A, B, A, B...
//   npx tsx scripts/ab-library-import.ts --a DIR --b DIR [--rounds N] [--no-restore] [--no-import]
import os from 'node:os';
import path from 'node:path';
import { exportBackup } from '../lib/exchange/index';
import { libraryCorpus } from '../testing/fixtures/library-corpus';
import { launchBrowser } from '../testing/harness/launch-browser';
import { measureChromiumImport, measureChromiumRestore, type BackupFileForBench } from './lib/library-chromium-import';
import { median } from './lib/stats';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

function backupOf(notes: number, articles: number): BackupFileForBench {
  const corpus = libraryCorpus({ notes, articles });
  const file = exportBackup(corpus.annotations, corpus.articles, { entryName: `lede-notes-${notes}.jsonld` });
  return file.kind === 'zip' ? { name: `lede-notes-${notes}.jsonld.zip`, content: file.bytes } : { name: `lede-notes-${notes}.jsonld`, content: file.text };
}

const load = (): string => os.loadavg().map((l) => l.toFixed(1)).join(' ');

async function main(): Promise<void> {
  const builds = { A: path.resolve(option('--a')!), B: path.resolve(option('--b')!) };
  const rounds = Number(option('--rounds') ?? 3);
  const small = process.argv.includes('--no-import') ? null : backupOf(10_000, 300);
  const big = process.argv.includes('--no-restore') ? null : backupOf(100_000, 3_000);
  const results: Record<string, { imports: number[]; tasks: number[]; frames: number[]; listed: number[] }> = {
    A: { imports: [], tasks: [], frames: [], listed: [] },
    B: { imports: [], tasks: [], frames: [], listed: [] },
  };
  for (let round = 0; round < rounds; round++) {
    for (const name of (round % 2 === 0 ? ['A', 'B'] : ['B', 'A']) as ('A' | 'B')[]) {
      if (small) {
        const browser = await launchBrowser({ extensionDir: builds[name] });
        try {
          const run = await measureChromiumImport(browser, small, 10_000, 3);
          results[name]!.imports.push(...run.samplesMs);
          console.log(`round ${round + 1} ${name} import 10k: ${run.samplesMs.map((ms) => ms.toFixed(0)).join(', ')} ms (reading+checking ${run.parsedMs.map((ms) => ms.toFixed(0)).join(', ')}) load ${load()}`);
        } finally {
          await browser.close();
        }
      }
      if (big) {
        const browser = await launchBrowser({ extensionDir: builds[name] });
        try {
          const r = await measureChromiumRestore(browser, big, 100_000);
          results[name]!.tasks.push(r.longestTaskMs);
          results[name]!.frames.push(r.longestFrameMs);
          results[name]!.listed.push(r.listedMs);
          const worst = [...r.worstTasks].sort((a, b) => b.ms - a.ms).slice(0, 6).map((t) => `${t.ms}@${(t.atMs / 1000).toFixed(1)}`).join(' ');
          console.log(`round ${round + 1} ${name} restore 100k: task ${r.longestTaskMs.toFixed(0)} frame ${r.longestFrameMs.toFixed(0)} (>200: ${r.longTasksOver200}) listed ${(r.listedMs / 1000).toFixed(1)} s; phases ${r.phases.map((p) => `${p.phase}@${(p.atMs / 1000).toFixed(1)}`).join(' ')}; worst ${worst}; load ${load()}`);
        } finally {
          await browser.close();
        }
      }
    }
  }
  for (const [name, r] of Object.entries(results)) {
    console.log(`${name}: import median ${median(r.imports).toFixed(0)} ms [${r.imports.map((x) => x.toFixed(0)).join(' ')}]` +
      (r.tasks.length ? `; restore longest task median ${median(r.tasks).toFixed(0)} [${r.tasks.map((x) => x.toFixed(0)).join(' ')}], frame [${r.frames.map((x) => x.toFixed(0)).join(' ')}], listed [${r.listed.map((x) => (x / 1000).toFixed(1)).join(' ')}] s` : ''));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
