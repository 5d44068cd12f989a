// Where a page's long tasks come from: records a Chromium trace of one page load (CDP Tracing,
// devtools.timeline plus the V8 sampling profiler) and splits every main-thread task over 50 ms
// into the time Lede's own script ran (chrome-extension://… frames), the page's own work
// (parsing, style, layout, paint) and the rest. A diagnostic for bench:pages, not a bench itself.
import type { CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> & { url?: string; cpuProfile?: CpuProfileChunk; timeDeltas?: number[] } };
}

interface CpuProfileChunk {
  nodes?: Array<{ id: number; parent?: number; callFrame: { functionName: string; url: string; lineNumber?: number } }>;
  samples?: number[];
}

const CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel', 'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler', 'v8',
].join(',');

export async function startTrace(page: Page): Promise<() => Promise<TraceEvent[]>> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => {
    events.push(...(value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' } as never);
  return async () => {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach().catch(() => undefined);
    return events;
  };
}

export interface TaskBreakdown {
  /** Milliseconds from navigation start (the trace's first ParseHTML/navigationStart is approximate). */
  startMs: number;
  durationMs: number;
  /** Self time of each top-level child event kind (EvaluateScript, Layout, UpdateLayoutTree...). */
  children: Record<string, number>;
  /** Sampled time per function, Lede's frames prefixed "lede:". */
  ledeSampledMs: number;
  topFunctions: Array<[string, number]>;
  hasLedeMark: boolean;
}

const LONG_TASK_MS = 50;

/** Long main-thread tasks of the renderer that ran `urlPart`, broken down. */
export function longTaskBreakdowns(events: readonly TraceEvent[], urlPart: string, longTaskMs = LONG_TASK_MS): TaskBreakdown[] {
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name' && e.args?.name) threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  const navigation = events.find((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').includes(urlPart));
  if (!navigation) throw new Error(`no navigationStart for ${urlPart}`);
  const pid = navigation.pid;
  const main = events.filter((e) => e.pid === pid && threadNames.get(`${e.pid}:${e.tid}`) === 'CrRendererMain');
  const t0 = navigation.ts;
  const tasks = main.filter((e) => e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) / 1000 > longTaskMs);
  const mainTid = main[0]?.tid;
  const samples = cpuSamples(events.filter((e) => e.pid === pid), mainTid);
  const marks = events.filter((e) => e.pid === pid && e.name === 'lede-start');
  return tasks.map((task) => {
    const end = task.ts + task.dur!;
    const inside = main.filter((e) => e !== task && e.ph === 'X' && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end);
    const children: Record<string, number> = {};
    for (const e of inside) {
      const parent = inside.find((p) => p !== e && p.ts <= e.ts && p.ts + p.dur! >= e.ts + e.dur! && p.dur! > e.dur!);
      if (parent && !['RunTask', 'ThreadControllerImpl::RunTask'].includes(parent.name)) continue;
      const url = typeof e.args?.data?.url === 'string' ? e.args.data.url : '';
      const key = url.startsWith('chrome-extension://') ? `${e.name} [lede]` : e.name;
      children[key] = (children[key] ?? 0) + e.dur! / 1000;
    }
    const functions = new Map<string, number>();
    let ledeSampledMs = 0;
    for (const s of samples) {
      if (s.ts < task.ts || s.ts > end) continue;
      functions.set(s.label, (functions.get(s.label) ?? 0) + s.ms);
      if (s.lede) ledeSampledMs += s.ms;
    }
    return {
      startMs: (task.ts - t0) / 1000,
      durationMs: task.dur! / 1000,
      children,
      ledeSampledMs,
      topFunctions: [...functions].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOPN ?? 12)),
      hasLedeMark: marks.some((m) => m.ts >= task.ts && m.ts <= end),
    };
  });
}

interface Sample { ts: number; ms: number; label: string; lede: boolean }

/** The sampling profiler's samples, each labelled by its innermost frame (and whether any frame is Lede's). */
function cpuSamples(events: readonly TraceEvent[], mainTid: number | undefined): Sample[] {
  const out: Sample[] = [];
  const profiles = new Map<string, { nodes: Map<number, { parent?: number; fn: string; url: string }>; ts: number }>();
  for (const e of events) {
    if (e.name === 'Profile' && e.id && e.tid === mainTid) profiles.set(e.id, { nodes: new Map(), ts: Number((e.args?.data as { startTime?: number })?.startTime ?? e.ts) });
    if (e.name !== 'ProfileChunk' || !e.id) continue;
    const profile = profiles.get(e.id);
    if (!profile) continue;
    const chunk = e.args?.data?.cpuProfile;
    for (const n of chunk?.nodes ?? []) profile.nodes.set(n.id, { parent: n.parent, fn: n.callFrame.functionName || '(anonymous)', url: n.callFrame.url ?? '' });
    const deltas = e.args?.data?.timeDeltas ?? [];
    (chunk?.samples ?? []).forEach((id, i) => {
      profile.ts += deltas[i] ?? 0;
      const node = profile.nodes.get(id);
      if (!node) return;
      let lede = false;
      for (let n: typeof node | undefined = node; n; n = n.parent === undefined ? undefined : profile.nodes.get(n.parent)) {
        if (n.url.startsWith('chrome-extension://')) { lede = true; break; }
      }
      const where = node.url.startsWith('chrome-extension://') ? 'lede:' : '';
      out.push({ ts: profile.ts, ms: (deltas[i + 1] ?? 0) / 1000, label: `${where}${node.fn}`, lede });
    });
  }
  return out;
}
