// The page suite's acceptance figures and verdicts, and which pages are worst and why.
import { quantile } from '../body-eval';
import type { PageMeasurement } from '../../testing/pages/pages-measure';
import { LEDE_PHASES } from '../../testing/pages/pages-probe';

export interface Figure {
  name: string;
  value: string;
  target: string;
  /** Null for figures reported for information only. */
  pass: boolean | null;
}

const F1_MEDIAN_MIN = 0.95;
const F1_P10_MIN = 0.8;
const TTH_MEDIAN_MAX_MS = 50;
const TTH_P95_MAX_MS = 150;

const pct = (x: number | null): string => (x === null || Number.isNaN(x) ? '-' : x.toFixed(3));
const ms = (x: number | null): string => (x === null || Number.isNaN(x) ? '-' : `${x.toFixed(1)} ms`);
const mb = (bytes: number | null): string => (bytes === null ? '-' : `${(bytes / 1e6).toFixed(2)} MB`);

export const domChanged = (m: PageMeasurement): boolean => m.diff.textChanged || m.diff.markupChanged;
export const layoutChanged = (m: PageMeasurement): boolean => m.diff.movedBoxes > 0;

/** Nearest-rank quantile over values, ignoring nulls; null for none. */
function q(values: Array<number | null>, p: number): number | null {
  return quantile(values.filter((v): v is number => v !== null), p);
}

export function acceptanceFigures(results: readonly PageMeasurement[]): Figure[] {
  const measured = results.filter((m) => m.failure === null);
  const withErrors = results.filter((m) => m.ledeErrors.length > 0);
  const f1s = results.map((m) => m.body?.f1 ?? null);
  const articles = results.filter((m) => m.judgedArticle);
  const tth = articles.map((m) => m.timeToHighlightsMs);
  const ledeLongTasks = results.flatMap((m) => m.longTasks.inLede);
  const core = results.filter((m) => m.core);
  const coreArticles = core.filter((m) => m.judgedArticle);
  const misjudged = results.filter((m) => m.expected !== 'either' && (m.expected === 'article') !== m.judgedArticle);
  const others = results.filter((m) => m.expected === 'either');
  const news = results.filter((m) => m.expected === 'article');
  const notArticles = results.filter((m) => m.expected === 'not-article');
  const heapExtra = articles.map((m) => m.heap.extra);
  const allLongTasks = results.flatMap((m) => m.longTasks.all);
  const startup = results.map((m) => m.startupMs);
  const extract = results.map((m) => m.breakdown?.extractMs ?? null);
  const slices = results.map((m) => m.breakdown?.longestSliceMs ?? null);
  const analysis = results.map((m) => m.breakdown?.analyzeMs ?? null);
  return [
    { name: 'pages measured', value: `${measured.length}/${results.length}`, target: 'all', pass: measured.length === results.length },
    { name: 'pages with uncaught Lede errors', value: String(withErrors.length), target: '0', pass: withErrors.length === 0 },
    { name: 'pages whose DOM Lede changed', value: String(results.filter(domChanged).length), target: '0', pass: !results.some(domChanged) },
    { name: 'pages whose layout Lede changed', value: String(results.filter(layoutChanged).length), target: '0', pass: !results.some(layoutChanged) },
    { name: 'pages that differed at a first look only (still settling)', value: String(count(results, (m) => m.settledLate)), target: 'info', pass: null },
    { name: `body F1 median (${f1s.filter((f) => f !== null).length} pages)`, value: pct(q(f1s, 0.5)), target: `>= ${F1_MEDIAN_MIN}`, pass: (q(f1s, 0.5) ?? 0) >= F1_MEDIAN_MIN },
    { name: 'body F1 10th percentile', value: pct(q(f1s, 0.1)), target: `>= ${F1_P10_MIN}`, pass: (q(f1s, 0.1) ?? 0) >= F1_P10_MIN },
    { name: `time to highlights median (${tth.filter((t) => t !== null).length} articles)`, value: ms(q(tth, 0.5)), target: `<= ${TTH_MEDIAN_MAX_MS} ms`, pass: (q(tth, 0.5) ?? Infinity) <= TTH_MEDIAN_MAX_MS },
    { name: 'time to highlights p95', value: ms(q(tth, 0.95)), target: `<= ${TTH_P95_MAX_MS} ms`, pass: (q(tth, 0.95) ?? Infinity) <= TTH_P95_MAX_MS },
    { name: 'long tasks > 50 ms while Lede runs', value: `${ledeLongTasks.length} (max ${ms(Math.max(0, ...ledeLongTasks.map(([, d]) => d)))})`, target: '0', pass: ledeLongTasks.length === 0 },
    { name: `  of which ${LEDE_PHASES.join(' / ')}`, value: LEDE_PHASES.map((phase) => count(results.flatMap((m) => m.longTasks.inLedePhases), (p) => p === phase)).join(' / '), target: 'info', pass: null },
    { name: 'core pages judged articles', value: `${coreArticles.length}/${core.length}`, target: 'all', pass: coreArticles.length === core.length },
    { name: 'news articles judged articles', value: `${count(news, (m) => m.judgedArticle)}/${news.length}`, target: 'info', pass: null },
    { name: 'shopping pages and listicles left alone', value: `${count(notArticles, (m) => !m.judgedArticle)}/${notArticles.length}`, target: 'info', pass: null },
    { name: 'other news-adjacent pages judged articles', value: `${count(others, (m) => m.judgedArticle)}/${others.length}`, target: 'info', pass: null },
    { name: 'pages judged against expectation', value: misjudged.length ? misjudged.map((m) => m.dir).join(', ').slice(0, 60) : 'none', target: 'info', pass: null },
    { name: 'long tasks on the page with Lede / without Lede', value: `${allLongTasks.length} / ${results.flatMap((m) => m.longTasks.withoutLede).length}`, target: 'info', pass: null },
    { name: 'long task holding lede-start: time before the mark, median / max', value: `${ms(q(startup, 0.5))} / ${ms(q(startup, 1))}`, target: 'info', pass: null },
    { name: 'extraction in one go, median / max', value: `${ms(q(extract, 0.5))} / ${ms(q(extract, 1))}`, target: 'info', pass: null },
    // Wall clock on a shared machine: a slice that is descheduled reads long, so this stays informative.
    { name: 'extraction in slices, longest slice median / p95 / max', value: `${ms(q(slices, 0.5))} / ${ms(q(slices, 0.95))} / ${ms(q(slices, 1))}`, target: 'info', pass: null },
    { name: 'analysis (lib/analysis), median / max', value: `${ms(q(analysis, 0.5))} / ${ms(q(analysis, 1))}`, target: 'info', pass: null },
    { name: 'extra JS heap with Lede, article median / max', value: `${mb(q(heapExtra, 0.5))} / ${mb(q(heapExtra, 1))}`, target: 'info', pass: null },
    { name: 'entities / quotes found (all pages)', value: `${sum(results.map((m) => m.entities))} / ${sum(results.map((m) => m.quotes))}`, target: 'info', pass: null },
  ];
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const count = <T>(xs: readonly T[], test: (x: T) => boolean): number => xs.filter(test).length;

export interface Problem {
  weight: number;
  reason: string;
}

/** What is wrong with a page, most serious first; empty for a page that meets every target. */
export function problemsOf(m: PageMeasurement): Problem[] {
  const problems: Problem[] = [];
  if (m.failure) problems.push({ weight: 100, reason: `not measured: ${m.failure}` });
  if (m.ledeErrors.length) problems.push({ weight: 50, reason: `${m.ledeErrors.length} Lede error(s): ${m.ledeErrors[0]!.slice(0, 120)}` });
  if (domChanged(m)) problems.push({ weight: 40, reason: `DOM changed: ${m.diff.detail}` });
  if (layoutChanged(m)) problems.push({ weight: 30, reason: `layout changed (${m.diff.movedBoxes} boxes): ${m.diff.detail}` });
  if (m.expected === 'not-article' && m.judgedArticle) problems.push({ weight: 8, reason: 'shopping page or listicle judged an article' });
  if (m.expected === 'article' && !m.judgedArticle && !m.failure) problems.push({ weight: m.core ? 30 : 15, reason: `${m.core ? 'core' : 'news'} page not judged an article (status ${m.status})` });
  if (m.body && m.body.f1 < F1_P10_MIN) {
    problems.push({ weight: 10 + 20 * (F1_P10_MIN - m.body.f1), reason: `body F1 ${m.body.f1.toFixed(2)} (P ${m.body.precision.toFixed(2)}, R ${m.body.recall.toFixed(2)})` });
  }
  const longest = Math.max(0, ...m.longTasks.inLede.map(([, d]) => d));
  if (longest > 0) {
    const phase = m.longTasks.inLedePhases[m.longTasks.inLede.findIndex(([, d]) => d === longest)];
    problems.push({ weight: 5 + longest / 20, reason: `long task of ${longest.toFixed(0)} ms while Lede ran${phase ? ` (${phase})` : ''}${breakdownText(m)}` });
  }
  if (m.timeToHighlightsMs !== null && m.timeToHighlightsMs > TTH_P95_MAX_MS) {
    problems.push({ weight: 5 + m.timeToHighlightsMs / 100, reason: `${m.timeToHighlightsMs.toFixed(0)} ms to highlights${breakdownText(m)}` });
  }
  return problems.sort((a, b) => b.weight - a.weight);
}

function breakdownText(m: PageMeasurement): string {
  const b = m.breakdown;
  if (!b) return '';
  return ` (extraction ${b.extractMs.toFixed(0)} ms, analysis ${b.analyzeMs === null ? '-' : b.analyzeMs.toFixed(0)} ms of ${b.textLength} chars)`;
}

export function worstPages(results: readonly PageMeasurement[], count: number): Array<{ page: PageMeasurement; problems: Problem[] }> {
  return results
    .map((page) => ({ page, problems: problemsOf(page) }))
    .filter((w) => w.problems.length > 0)
    .sort((a, b) => sum(b.problems.map((p) => p.weight)) - sum(a.problems.map((p) => p.weight)))
    .slice(0, count);
}

export function formatFigures(figures: readonly Figure[]): string {
  const nameWidth = Math.max(...figures.map((f) => f.name.length));
  const valueWidth = Math.min(40, Math.max(...figures.map((f) => f.value.length)));
  const lines = figures.map((f) => {
    const verdict = f.pass === null ? '' : f.pass ? 'PASS' : 'FAIL';
    return `${f.name.padEnd(nameWidth)}  ${f.value.padEnd(valueWidth)}  ${f.target.padEnd(10)}  ${verdict}`;
  });
  return [`${'figure'.padEnd(nameWidth)}  ${'value'.padEnd(valueWidth)}  ${'target'.padEnd(10)}  verdict`, ...lines].join('\n');
}

/** The pages slowest to highlights, with Lede's steps timed apart (painting and messaging = the rest). */
export function slowestToHighlights(results: readonly PageMeasurement[], count: number): string[] {
  return results
    .filter((m) => m.timeToHighlightsMs !== null)
    .sort((a, b) => b.timeToHighlightsMs! - a.timeToHighlightsMs!)
    .slice(0, count)
    .map((m) => {
      const b = m.breakdown;
      const extract = b?.extractMs ?? null;
      const analyze = b?.analyzeMs ?? null;
      const rest = extract !== null && analyze !== null ? Math.max(0, m.timeToHighlightsMs! - extract - analyze) : null;
      // From Lede's own marks in the run with the extension: where the time actually went.
      const steps = m.steps
        ? `; with Lede: start+extraction ${ms(m.steps.extractMs)}, round trip to the background's analysis ${ms(m.steps.analysisRoundTripMs)}, painting ${ms(m.steps.paintMs)}`
        : '';
      return `${m.dir.padEnd(44)} ${ms(m.timeToHighlightsMs)} to highlights: extraction ${ms(extract)}, analysis ${ms(analyze)} (${b?.textLength ?? '-'} chars), painting and the rest ~${ms(rest)}${steps}`;
    });
}
