// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://news.example/story" }
// The page session (lib/page/session/page-session.ts) on the seed article, with the background
// played by a send function that records messages and answers with the real analyser. The notes
// controller is the real one; the legend and the hover card host are stand-ins that record what
// they are given (their rendering is tested in the e2e suite). happy-dom has no CSS highlights, so
// nothing is painted: the run, its marks, the report and the site switches are what is checked.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { LegendProps } from '@/components/Legend';
import { NotesHost } from '@/entrypoints/content/notes-ui';
import { analyzeText } from '@/lib/analysis/analyze';
import type { LedeRequest } from '@/lib/protocol/messages';
import type { HoverCardUi } from '@/lib/page/hover/hover-card-state';
import { NotesController } from '@/lib/page/notes/notes-controller';
import { previewEnd } from '@/lib/page/session/analysis-preview';
import { PageSession } from '@/lib/page/session/page-session';
import type { PageSetup } from '@/lib/protocol/run';
import { DEFAULT_PREFS } from '@/lib/settings/highlight-prefs';
import type { RunVerdict } from '@/lib/settings/site-switches';

const SEED = readFileSync('../shared/fixtures/seed/page-restored.html', 'utf8');

let ctx: ContentScriptContext;
let sent: LedeRequest[];
let marks: string[];
let legends: LegendProps[];

function background(verdict: RunVerdict) {
  return (message: LedeRequest): Promise<unknown> => {
    sent.push(message);
    switch (message.type) {
      case 'getPageSetup':
        return Promise.resolve({ prefs: { prefs: { ...DEFAULT_PREFS }, scope: 'global' }, verdict });
      case 'analyzeText':
        return Promise.resolve({ analysis: analyzeText(message.text) });
      case 'getPageKey':
        return Promise.resolve({ source: 'https://news.example/story' });
      case 'listAnnotations':
        return Promise.resolve({ annotations: [] });
      case 'articleAnalyzed':
      case 'saveHighlightPrefs':
        return Promise.resolve({ ok: true });
      default:
        return Promise.reject(new Error(`unexpected ${message.type}`));
    }
  };
}

const hoverCardUi = (): HoverCardUi => ({ show: async () => undefined, hide: () => undefined, contains: () => false, hasFocus: () => false, remove: () => undefined });

function session(verdict: RunVerdict = 'run', setup?: Promise<PageSetup>): PageSession {
  const send = background(verdict);
  const started = new PageSession({
    setup,
    lifetime: ctx,
    win: window,
    send,
    marks: { mark: (name) => void marks.push(name), measure: () => 1 },
    highlightApi: null,
    hoverCardUi,
    mountLegend: async (props) => {
      legends.push(props);
      return { update: (next) => void legends.push(next), remove: () => undefined };
    },
    notes: (hooks) =>
      new NotesController({
        ...hooks, lifetime: ctx, win: window, ui: new NotesHost(ctx), send,
        editorUrl: (token) => `about:blank#${token}`,
        connect: () => { throw new Error('no editor in this test'); },
        watchUrl: () => undefined,
      }),
  });
  started.start();
  return started;
}

beforeEach(() => {
  document.documentElement.innerHTML = SEED.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
  ctx = new ContentScriptContext('session-test');
  sent = [];
  marks = [];
  legends = [];
});

afterEach(() => {
  ctx.abort();
});

describe('PageSession', () => {
  it('reads, analyses and reports the article, stores it, and shows the legend', async () => {
    const page = session();
    const report = await page.handlers.getAnalysis({ type: 'getAnalysis' });
    expect(report.status).toBe('analyzed');
    expect(report.title).toBe('U.S. Seeks to Redraw Ties With Russia in Syrian Conflict');
    expect(report.text).toContain('Russia');
    expect(report.analysis!.entities.length).toBeGreaterThan(0);
    expect(report.highlightsSupported).toBe(false);
    const types = sent.map((m) => m.type);
    expect(types.filter((t) => t !== 'getPageKey' && t !== 'listAnnotations')).toEqual(['getPageSetup', 'analyzeText', 'analyzeText', 'articleAnalyzed']);
    // A long article: its opening is asked for (and painted) first, then the whole text, which stays.
    const analyses = sent.filter((m) => m.type === 'analyzeText');
    expect(analyses.map((m) => [m.text.length, m.preview])).toEqual([[previewEnd(report.text!), true], [report.text!.length, undefined]]);
    expect(report.analysis).toEqual(analyzeText(report.text!));
    expect(marks).toEqual(['lede-extracted', 'lede-analyzed', 'lede-painted', 'lede-whole-analyzed', 'lede-settled']);
    expect(legends).toHaveLength(1);
    expect(legends[0]!.counts.person).toBeGreaterThan(0);
  });

  it('uses the page setup the script asked for as it started, without asking again', async () => {
    const page = session('run', Promise.resolve({ prefs: { prefs: { ...DEFAULT_PREFS }, scope: 'global' }, verdict: 'paused', legendOpen: false }));
    const report = await page.handlers.getAnalysis({ type: 'getAnalysis' });
    expect(report.idleReason).toBe('paused');
    expect(sent.some((m) => m.type === 'getPageSetup' || m.type === 'analyzeText')).toBe(false);
  });

  it('stays idle while paused, and runs once switched back on', async () => {
    const page = session('paused');
    const idle = await page.handlers.getAnalysis({ type: 'getAnalysis' });
    expect(idle.status).toBe('not-article');
    expect(idle.idleReason).toBe('paused');
    expect(sent.some((m) => m.type === 'analyzeText')).toBe(false);
    expect(await page.handlers.siteSwitchesChanged({ type: 'siteSwitchesChanged', switches: { paused: false, offSites: [] } })).toEqual({ ok: true });
    const report = await page.handlers.getAnalysis({ type: 'getAnalysis' });
    expect(report.status).toBe('analyzed');
    expect(report.idleReason).toBeUndefined();
    expect(marks).toContain('lede-rerun-settled');
  });

  it('stands down when the site is switched off: no analysis reported, the reason given', async () => {
    const page = session();
    await page.handlers.getAnalysis({ type: 'getAnalysis' });
    await page.handlers.siteSwitchesChanged({ type: 'siteSwitchesChanged', switches: { paused: false, offSites: ['news.example'] } });
    const report = await page.handlers.getAnalysis({ type: 'getAnalysis' });
    expect(report.status).toBe('not-article');
    expect(report.idleReason).toBe('site-off');
    expect(report.analysis).toBeUndefined();
    expect(await page.handlers.revealSpan({ type: 'revealSpan', start: 0, end: 5 })).toEqual({ revealed: false });
  });

  it('applies new highlight preferences to the legend, then asks the background to remember them', async () => {
    const page = session();
    await page.handlers.getAnalysis({ type: 'getAnalysis' });
    const prefs = { ...DEFAULT_PREFS, quote: false, reported: false };
    const answer = await page.handlers.setHighlightPrefs({ type: 'setHighlightPrefs', prefs, scope: 'site' });
    expect(answer).toEqual({ prefs, scope: 'site' });
    expect(legends.at(-1)!.prefs).toEqual(prefs);
    expect(legends.at(-1)!.scope).toBe('site');
    expect(sent.at(-1)).toEqual({ type: 'saveHighlightPrefs', scope: 'site', site: 'news.example', prefs });
  });
});
