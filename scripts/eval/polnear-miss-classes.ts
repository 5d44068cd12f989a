// `npx tsx scripts/eval/polnear-miss-classes.ts [dev|train]`: splits Lede's missed PolNeAR reported-speech items
// into classes: (a) no cue found near it at all, (b) a cue found but the content mis-bounded or rejected,
// (c) the span is there but of the other kind (direct), and counts where the gold cue sits.
import { resolve } from 'node:path';
import { analyzeText } from '../../lib/analysis/analyze';
import { contentOf, goldOfKind, piecesCoveredShare, readPolnear, trimSpan } from './polnear';

const split = process.argv[2] === 'train' ? 'train' : 'dev';
const articles = readPolnear(resolve(import.meta.dirname, '../../../shared/datasets/polnear', split));
const counts = new Map<string, number>();
const bump = (k: string): void => void counts.set(k, (counts.get(k) ?? 0) + 1);
type R = { start: number; end: number };
const overlap = (a: R, b: R): boolean => Math.min(a.end, b.end) > Math.max(a.start, b.start);
for (const article of articles) {
  const quotes = analyzeText(article.text).quotes;
  const reported = quotes.filter((q) => q.kind === 'reported').map((q) => trimSpan(article.text, q));
  const direct = quotes.filter((q) => q.kind === 'direct').map((q) => trimSpan(article.text, q));
  for (const g of goldOfKind(article, false)) {
    const pieces = contentOf(g);
    bump('gold');
    const cue = g.cueSpan;
    const where = !cue ? 'no-cue' : cue.end <= g.content.start ? 'cue-before' : cue.start >= g.content.end ? 'cue-after' : 'cue-inside';
    bump(`gold ${where}`);
    if (piecesCoveredShare(pieces, reported) >= 0.8) { bump('matched'); continue; }
    bump('missed');
    bump(`missed ${where}`);
    if (piecesCoveredShare(pieces, [...reported, ...direct]) >= 0.8) { bump('missed (c) other kind'); continue; }
    const cueFound = cue && quotes.some((q) => q.cue && overlap(q.cue, cue));
    const spanTouched = reported.some((p) => pieces.some((x) => overlap(p, x)));
    if (cueFound) bump('missed (b) cue found, span off');
    else if (spanTouched) bump('missed (b2) other attribution overlaps span');
    else bump('missed (a) nothing');
  }
}
for (const [k, v] of [...counts].sort()) console.log(`${k.padEnd(45)} ${v}`);
