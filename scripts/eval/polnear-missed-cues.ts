// `npx tsx scripts/eval/polnear-missed-cues.ts [train|dev] [N]`: the cue words of the PolNeAR reported-speech items
// Lede misses, grouped by cue (lowercased, stemmed), with how many of that cue's items it finds, to see which cues
// and constructions the patterns and models miss. Study train; read dev for totals only.
import { resolve } from 'node:path';
import { analyzeText } from '../../lib/analysis/analyze';
import { stem } from '../../lib/analysis/attribution-features';
import { contentOf, goldOfKind, piecesCoveredShare, readPolnear, trimSpan } from './polnear';

const split = process.argv[2] === 'dev' ? 'dev' : 'train';
const top = Number(process.argv[3] ?? 60);
const articles = readPolnear(resolve(import.meta.dirname, '../../../shared/datasets/polnear', split));
const byCue = new Map<string, { found: number; missed: number; where: Map<string, number> }>();
for (const article of articles) {
  const quotes = analyzeText(article.text).quotes;
  const reported = quotes.filter((q) => q.kind === 'reported').map((q) => trimSpan(article.text, q));
  for (const g of goldOfKind(article, false)) {
    const cue = g.cueSpan ? article.text.slice(g.cueSpan.start, g.cueSpan.end).toLowerCase().replace(/\s+/g, ' ') : '-';
    const key = cue.split(' ').map(stem).join(' ');
    const row = byCue.get(key) ?? { found: 0, missed: 0, where: new Map<string, number>() };
    byCue.set(key, row);
    if (piecesCoveredShare(contentOf(g), reported) >= 0.8) row.found++;
    else {
      row.missed++;
      const where = !g.cueSpan ? 'none' : g.cueSpan.end <= g.content.start ? 'before' : g.cueSpan.start >= g.content.end ? 'after' : 'inside';
      row.where.set(where, (row.where.get(where) ?? 0) + 1);
    }
  }
}
const rows = [...byCue].sort((a, b) => b[1].missed - a[1].missed);
let missed = 0;
for (const [, r] of rows) missed += r.missed;
console.log(`${split}: ${missed} missed reported items, ${byCue.size} cues`);
for (const [cue, r] of rows.slice(0, top)) {
  console.log(`${cue.padEnd(28)} missed ${String(r.missed).padStart(4)}  found ${String(r.found).padStart(4)}  ${[...r.where].map(([k, v]) => `${k}:${v}`).join(' ')}`);
}
