// Which of the library page's tasks are long during an import, and what each one runs: a Chromium
// trace of the page's main thread (every task, with its timeline events: script, garbage
// collection, style, layout, paint) and a CPU profile of the page taken meanwhile, read together.
//   WXT_LEDE_MARKS=1 WXT_LEDE_UNMINIFIED=1 npx wxt build      # readable function names
//   npx tsx scripts/trace-library-import.ts --extension .output/chrome-mv3-unminified [--notes N] [--over MS] [--out DIR]
// For each main-thread task over --over ms (100 by default) it prints when it began (ms after the
// file was chosen), how long it took, the import's phase then, the largest timeline events inside
// it (GC, layout, a function call with its source line) and its busiest functions by self and by
// total time from the profile. Writes trace.json and page.cpuprofile (open them in DevTools).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchWithExtension, numberArg, writeBackupFile, type CpuProfile, type ProfileNode } from './lib/library-import-session';
import { type CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event (µs). */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

async function readTrace(session: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<{ stream?: string }>((resolve) => session.once('Tracing.tracingComplete', resolve));
  await session.send('Tracing.end');
  const { stream } = await complete;
  const parts: string[] = [];
  for (;;) {
    const chunk = await session.send('IO.read', { handle: stream!, size: 1 << 20 });
    parts.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data);
    if (chunk.eof) break;
  }
  await session.send('IO.close', { handle: stream! });
  const text = parts.join('');
  const parsed = JSON.parse(text) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** The library page's renderer main thread: the process whose frame is library.html, its CrRendererMain. */
function pageMainThread(events: TraceEvent[]): { pid: number; tid: number } {
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  const frames = (started?.args?.data?.frames ?? []) as { url: string; processId: number }[];
  const pid = frames.find((f) => f.url.includes('library.html'))?.processId;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (pid === undefined || e.pid === pid));
  if (!main) throw new Error('no CrRendererMain thread in the trace');
  return { pid: main.pid, tid: main.tid };
}

function frameLabel(frame: ProfileNode['callFrame']): string {
  return `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber + 1}`;
}

/** Self and total time per function over the samples in [from, to] (µs, the trace's clock). */
function profileWindow(profile: CpuProfile, from: number, to: number): { self: [string, number][]; total: [string, number][] } {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at < from || at > to) return;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id)!;
    const label = frameLabel(node.callFrame);
    self.set(label, (self.get(label) ?? 0) + dt);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const name = frameLabel(byId.get(n)!.callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + dt);
    }
  });
  const sorted = (m: Map<string, number>): [string, number][] => [...m].sort((a, b) => b[1] - a[1]);
  return { self: sorted(self), total: sorted(total) };
}

const INTERESTING = new Set(['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks',
  'MajorGC', 'MinorGC', 'V8.GC_MARK_COMPACTOR', 'V8.GCFinalizeMC', 'V8.GCScavenger', 'BlinkGC.AtomicPhase', 'UpdateLayoutTree',
  'Layout', 'Paint', 'PrePaint', 'Layerize', 'ParseHTML', 'v8.compile', 'V8.DeserializeContext', 'v8.parseOnBackground',
  'V8.GC_MC_BACKGROUND_EVACUATE_COPY', 'HitTest', 'ScheduleStyleRecalculation', 'InvalidateLayout', 'V8.GCCompactor']);

async function main(): Promise<void> {
  const notes = numberArg('--notes', 100_000);
  const over = numberArg('--over', 100);
  const outAt = process.argv.indexOf('--out');
  const out = outAt > 0 ? process.argv[outAt + 1]! : path.join(os.tmpdir(), 'lede-import-trace');
  mkdirSync(out, { recursive: true });
  const { file, dir: fileDir } = writeBackupFile(notes, 'lede-trace-file-');

  const { context, profileDir } = await launchWithExtension('lede-trace-chromium-');
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const page = await context.newPage();
    page.setDefaultTimeout(600_000);
    await page.goto(`chrome-extension://${extensionId}/library.html`, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid="import-file"]');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Tracing.start', {
      transferMode: 'ReturnAsStream',
      traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] },
    });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: Number(process.env.PROF_INTERVAL ?? 200) });
    await cdp.send('Profiler.start');
    // The import's phases as they change, with the trace's clock (performance.now and trace ts differ by a constant, found below).
    await page.evaluate(`(() => {
      window.__phases = [];
      let last = '';
      const check = () => {
        const p = document.querySelector('[data-testid="import-progress"]');
        const now = (p && p.getAttribute('data-phase')) || (document.querySelector('[data-testid="library-indexing"]') ? 'indexing' : document.querySelector('[data-testid="import-summary"]') ? 'listing' : last);
        if (now !== last) { last = now; window.__phases.push({ phase: now, at: performance.now() }); performance.mark('phase:' + now); }
      };
      new MutationObserver(check).observe(document.body, { childList: true, subtree: true, attributes: true });
      document.querySelector('[data-testid="import-file"]').addEventListener('change', () => performance.mark('phase:chosen'), { capture: true, once: true });
    })()`);
    const started = Date.now();
    await page.setInputFiles('[data-testid="import-file"]', file);
    await page.waitForSelector('[data-testid="import-summary"], [data-testid="import-error"]');
    await page.waitForFunction((n) => document.querySelector('[data-testid="library-count"]')?.textContent?.startsWith(`${n} notes`), notes);
    await page.waitForTimeout(300);
    const listedMs = Date.now() - started;
    const profile = ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile;
    const events = await readTrace(cdp);
    writeFileSync(path.join(out, 'page.cpuprofile'), JSON.stringify(profile));
    writeFileSync(path.join(out, 'trace.json'), JSON.stringify({ traceEvents: events }));
    console.log(`${notes} notes listed after ${listedMs} ms (wall, traced and profiled); ${events.length} trace events`);

    const { pid, tid } = pageMainThread(events);
    const onMain = events.filter((e) => e.pid === pid && e.tid === tid);
    const marks = onMain.filter((e) => e.cat.includes('blink.user_timing') && e.name.startsWith('phase:')).sort((a, b) => a.ts - b.ts);
    const origin = marks.find((m) => m.name === 'phase:chosen')?.ts ?? marks[0]?.ts ?? 0;
    console.log(`phases: ${marks.map((m) => `${m.name.slice(6)} at ${((m.ts - origin) / 1000).toFixed(0)} ms`).join(', ')}`);
    const phaseAt = (ts: number): string => [...marks].reverse().find((m) => m.ts <= ts)?.name.slice(6) ?? 'before';
    // One event per task (the scheduler's RunTask), from the file being chosen on.
    const all = onMain.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.ts >= origin);
    const tasks = all.filter((e) => (e.dur ?? 0) > over * 1000);
    const longest = [...tasks].sort((a, b) => b.dur! - a.dur!);
    const byCpu = [...all].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0));
    const ms = (us: number | undefined): string => ((us ?? 0) / 1000).toFixed(0);
    console.log(`${tasks.length} main-thread tasks over ${over} ms; longest (wall) ${longest.slice(0, 10).map((t) => ms(t.dur)).join(', ')} ms`);
    // The thread's own CPU time per task: what the code asks of the thread, whatever else runs on the machine.
    console.log(`longest by the thread's CPU time: ${byCpu.slice(0, 10).map((t) => `${ms(t.tdur)} (${phaseAt(t.ts)})`).join(', ')} ms; over 50 ms of CPU: ${all.filter((t) => (t.tdur ?? 0) > 50_000).length}`);
    for (const task of longest.slice(0, numberArg('--tasks', 12))) {
      const end = task.ts + task.dur!;
      console.log(`\ntask at ${((task.ts - origin) / 1000).toFixed(0)} ms (${phaseAt(task.ts)}): ${(task.dur! / 1000).toFixed(1)} ms, ${ms(task.tdur)} ms of CPU`);
      const inside = onMain.filter((e) => e.ph === 'X' && e.ts >= task.ts && e.ts < end && e !== task && INTERESTING.has(e.name) && (e.dur ?? 0) > 5000);
      for (const e of inside.sort((a, b) => a.ts - b.ts).slice(0, 14)) {
        const data = e.args?.data ?? {};
        const what = [data.functionName, data.url ? String(data.url).split('/').pop() : '', data.lineNumber, data.type].filter((x) => x !== undefined && x !== '').join(' ');
        console.log(`    +${((e.ts - task.ts) / 1000).toFixed(0).padStart(4)} ms ${e.name} ${(e.dur! / 1000).toFixed(1)} ms ${what}`);
      }
      const { self, total } = profileWindow(profile, task.ts, end);
      console.log(`  self:  ${self.slice(0, 8).map(([f, ms]) => `${f} ${ms.toFixed(0)}`).join(' | ')}`);
      console.log(`  total: ${total.filter(([f]) => !f.startsWith('(root)')).slice(0, 12).map(([f, ms]) => `${f} ${ms.toFixed(0)}`).join(' | ')}`);
    }
    console.log(`\ntrace and profile in ${out}`);
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
