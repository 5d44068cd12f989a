// Writes the page suite's report folder: index.html with the figures and a per-page table.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PageMeasurement } from '../../testing/pages/pages-measure';
import { domChanged, layoutChanged, problemsOf, type Figure } from './pages-verdicts';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const num = (x: number | null | undefined, digits = 0): string => (x === null || x === undefined ? '-' : x.toFixed(digits));

function pageRow(m: PageMeasurement, screenshot: string | undefined): string {
  const problems = problemsOf(m);
  const cells = [
    `<a href="${escapeHtml(`../../../shared/fixtures/news-pages/${m.dir}/page.html`)}">${escapeHtml(m.dir)}</a>${m.core ? ' <b>core</b>' : ''}`,
    escapeHtml(m.category),
    escapeHtml(m.status ?? 'no answer'),
    m.body ? `${num(m.body.f1, 3)}${m.body.source === 'on-request' ? '*' : ''}` : '-',
    m.body ? `${num(m.body.precision, 2)} / ${num(m.body.recall, 2)}` : '-',
    `${m.entities} / ${m.quotes}`,
    num(m.timeToHighlightsMs, 1),
    m.breakdown ? `${num(m.breakdown.extractMs, 1)} / ${num(m.breakdown.analyzeMs, 1)}` : '-',
    `${m.longTasks.inLede.length} / ${m.longTasks.all.length} / ${m.longTasks.withoutLede.length}`,
    m.heap.extra === null ? '-' : (m.heap.extra / 1e6).toFixed(2),
    domChanged(m) ? 'CHANGED' : 'same',
    layoutChanged(m) ? `${m.diff.movedBoxes} moved` : 'same',
    String(m.ledeErrors.length),
    escapeHtml(problems.map((p) => p.reason).join('; ')) + (screenshot ? ` <a href="${escapeHtml(screenshot)}">screenshot</a>` : ''),
  ];
  return `<tr class="${problems.length ? 'bad' : ''}">${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
}

export function writeReport(
  outDir: string,
  results: readonly PageMeasurement[],
  figures: readonly Figure[],
  screenshots: ReadonlyMap<string, string>,
  elapsedS: number,
): string {
  mkdirSync(outDir, { recursive: true });
  const figureRows = figures
    .map((f) => `<tr><td>${escapeHtml(f.name)}</td><td>${escapeHtml(f.value)}</td><td>${escapeHtml(f.target)}</td><td class="${f.pass === false ? 'fail' : 'pass'}">${f.pass === null ? '' : f.pass ? 'PASS' : 'FAIL'}</td></tr>`)
    .join('\n');
  const headers = ['page', 'category', 'status', 'body F1', 'P / R', 'entities / quotes', 'to highlights ms', 'extract / analyse ms', 'long tasks in Lede / all / without Lede', 'extra heap MB', 'DOM', 'layout', 'Lede errors', 'problems'];
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Lede page suite</title>
<style>
body { font: 14px system-ui, sans-serif; margin: 1.5rem; }
table { border-collapse: collapse; margin-bottom: 1.5rem; }
td, th { border: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; }
tr.bad td { background: #fff4f0; }
.fail { color: #b00; font-weight: bold; } .pass { color: #070; }
</style></head><body>
<h1>Lede on ${results.length} real news pages</h1>
<p>Generated ${new Date().toISOString()} in ${elapsedS.toFixed(0)} s by <code>npm run bench:pages</code>.
Each page is loaded with Lede and without it; DOM and layout are compared with Lede's own <code>lede-*</code> elements left out.
F1 marked * is the text of "Analyse this page" on a page Lede did not judge an article. Extraction and analysis are timed
separately by running Lede's code in the page loaded without the extension.</p>
<table><tr><th>figure</th><th>value</th><th>target</th><th>verdict</th></tr>
${figureRows}
</table>
<table><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr>
${results.map((m) => pageRow(m, screenshots.get(m.dir))).join('\n')}
</table></body></html>
`;
  const file = path.join(outDir, 'index.html');
  writeFileSync(file, html);
  writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(results, null, 1));
  return file;
}
