// Where a library import's time goes in Chromium: CPU profiles of the library page and of the
// background's service worker while the library's own backup file is imported through the page.
//   WXT_LEDE_MARKS=1 WXT_LEDE_UNMINIFIED=1 npx wxt build      # readable function names
//   npx tsx scripts/profile-library-import.ts --extension .output/chrome-mv3-unminified [--notes N] [--out DIR] [--top N]
// (without --extension: the marked build). Writes page.cpuprofile and worker.cpuprofile (open them
// in Chromium's DevTools, Performance panel), prints each one's busiest functions by self time, and
// how busy each was per slice of time (PROF_STEP ms, 500 by default; PROF_INTERVAL µs between
// samples): where neither is busy, the browser process (IndexedDB) is. Chromium is started with a
// DevTools port so the service worker can be profiled too.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchWithExtension, numberArg, writeBackupFile, type CpuProfile } from './lib/library-import-session';
import puppeteer from 'puppeteer-core';


/** Self time per function (ms), busiest first; and the total sampled time. */
function selfTimes(profile: CpuProfile): { total: number; rows: [string, number][] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') return;
    total += dt;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  return { total, rows: [...self].sort((a, b) => b[1] - a[1]) };
}

/** Busy share of each `step` ms window from `origin` (a CDP timestamp, µs), as a percentage. */
function timeline(profile: CpuProfile, origin: number, step: number): number[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const busy: number[] = [];
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (byId.get(id)!.callFrame.functionName === '(idle)') return;
    const slot = Math.floor((at - origin) / 1000 / step);
    if (slot >= 0) busy[slot] = (busy[slot] ?? 0) + dt;
  });
  return Array.from(busy, (ms) => Math.round(((ms ?? 0) / step) * 100));
}

async function main(): Promise<void> {
  const notes = numberArg('--notes', 10_000);
  const top = numberArg('--top', 25);
  const outAt = process.argv.indexOf('--out');
  const out = outAt > 0 ? process.argv[outAt + 1]! : path.join(os.tmpdir(), 'lede-import-profile');
  mkdirSync(out, { recursive: true });
  const { file, dir: fileDir } = writeBackupFile(notes, 'lede-profile-file-');

  const { context, profileDir } = await launchWithExtension('lede-profile-chromium-', ['--remote-debugging-port=0']);
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const [port] = readFileSync(path.join(profileDir, 'DevToolsActivePort'), 'utf8').split('\n');
    // Playwright reaches pages only; puppeteer, on the same browser's DevTools port, reaches the worker too.
    const devtools = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
    const swTarget = await devtools.waitForTarget((t) => t.type() === 'service_worker' && t.url().includes(extensionId));
    const swSession = await swTarget.createCDPSession();
    const sw = { send: (method: string, params?: object) => swSession.send(method as 'Profiler.enable', params as never) as Promise<unknown> };
    const page = await context.newPage();
    page.setDefaultTimeout(600_000);
    await page.goto(`chrome-extension://${extensionId}/library.html`, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid="import-file"]');
    const pageCdp = await context.newCDPSession(page);
    for (const session of [sw.send, pageCdp.send.bind(pageCdp)] as ((m: string, p?: object) => Promise<unknown>)[]) {
      await session('Profiler.enable');
      await session('Profiler.setSamplingInterval', { interval: Number(process.env.PROF_INTERVAL ?? 500) });
      await session('Profiler.start');
    }
    const started = Date.now();
    await page.setInputFiles('[data-testid="import-file"]', file);
    await page.waitForSelector('[data-testid="import-summary"], [data-testid="import-error"]');
    const summaryMs = Date.now() - started;
    await page.waitForFunction((n) => document.querySelector('[data-testid="library-count"]')?.textContent?.startsWith(`${n} notes`), notes);
    const listedMs = Date.now() - started;
    const profiles: Record<string, CpuProfile> = {
      worker: ((await sw.send('Profiler.stop')) as { profile: CpuProfile }).profile,
      page: ((await pageCdp.send('Profiler.stop')) as { profile: CpuProfile }).profile,
    };
    console.log(`${notes} notes: summary after ${summaryMs} ms, listed after ${listedMs} ms (wall, incl. CDP overhead)`);
    console.log(`  ${(await page.textContent('[data-testid="import-summary"], [data-testid="import-error"]'))?.replace(/\s+/g, ' ').trim()}`);
    for (const [name, profile] of Object.entries(profiles)) {
      writeFileSync(path.join(out, `${name}.cpuprofile`), JSON.stringify(profile));
      const { total, rows } = selfTimes(profile);
      console.log(`\n${name}: ${total.toFixed(0)} ms busy of ${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms profiled`);
      for (const [fn, ms] of rows.slice(0, top)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${fn}`);
    }
    const origin = Math.min(profiles.worker!.startTime, profiles.page!.startTime);
    const step = Number(process.env.PROF_STEP ?? 500);
    const lines = Object.entries(profiles).map(([name, profile]) => `${name.padEnd(7)}${timeline(profile, origin, step).map((p) => String(p).padStart(4)).join('')}`);
    console.log(`\nbusy % per ${step} ms from the profiles' start:\n${lines.join('\n')}`);
    console.log(`\nprofiles in ${out}`);
    await devtools.disconnect();
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
    rmSync(fileDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
