// What the library-import diagnostics (scripts/profile-library-import.ts, trace-library-import.ts)
// share: their numeric flags, the CPU profile's shape, a backup file of the library corpus to
// import, and a Chromium with the built extension loaded.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { exportBackup } from '../../lib/exchange/index';
import { libraryCorpus } from '../../testing/fixtures/library-corpus';
import { requireChromeBuild } from '../../testing/harness/build-output';
import { requireChromium } from '../../testing/harness/find-chromium';

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** The number after `name` on the command line, or `fallback`. */
export function numberArg(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

/** The library's own backup of a corpus of `notes` notes (300 articles per 10,000), written to a new temporary folder. */
export function writeBackupFile(notes: number, tempPrefix: string): { file: string; dir: string } {
  const corpus = libraryCorpus({ notes, articles: Math.max(1, Math.round((notes * 300) / 10_000)) });
  const backup = exportBackup(corpus.annotations, corpus.articles, { entryName: `lede-notes-${notes}.jsonld` });
  const dir = mkdtempSync(path.join(os.tmpdir(), tempPrefix));
  const file = path.join(dir, backup.kind === 'zip' ? `lede-notes-${notes}.jsonld.zip` : `lede-notes-${notes}.jsonld`);
  writeFileSync(file, backup.kind === 'zip' ? backup.bytes : backup.text);
  return { file, dir };
}

/** Headless Chromium in a fresh profile with the build named by --extension (or the default build) loaded. */
export async function launchWithExtension(tempPrefix: string, extraArgs: string[] = []): Promise<{ context: BrowserContext; profileDir: string }> {
  const extAt = process.argv.indexOf('--extension');
  const extensionDir = requireChromeBuild(extAt > 0 ? path.resolve(process.argv[extAt + 1]!) : undefined);
  const profileDir = mkdtempSync(path.join(os.tmpdir(), tempPrefix));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: requireChromium(),
    headless: true,
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, '--no-sandbox', '--disable-gpu',
      '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
  return { context, profileDir };
}
