// `npx tsx scripts/eval/polnear-errors.ts [dev|train] [direct|reported] [missed|wrong|speaker] [N]`:
// prints PolNeAR attribution errors of Lede with their context, to study what the patterns miss.
import { resolve } from 'node:path';
import { analyzeText } from '../../lib/analysis/analyze';
import { contentOf, coveredShare, goldOfKind, piecesCoveredShare, readPolnear, sameSpeaker, trimSpan } from './polnear';

const [splitArg, kindArg, whatArg, nArg] = process.argv.slice(2);
const split = splitArg === 'train' ? 'train' : 'dev';
const direct = kindArg !== 'reported';
const what = whatArg ?? 'missed';
const limit = Number(nArg ?? 40);
const articles = readPolnear(resolve(import.meta.dirname, '../../../shared/datasets/polnear', split));
const oneLine = (s: string): string => s.replace(/\s+/g, ' ');
let shown = 0;
for (const article of articles) {
  const quotes = analyzeText(article.text).quotes;
  const pred = quotes.filter((q) => (q.kind === 'direct') === direct).map((q) => ({ q, span: trimSpan(article.text, q) }));
  const gold = goldOfKind(article, direct).map((a) => ({ a, span: a.content, pieces: contentOf(a) }));
  const show = (label: string, at: { start: number; end: number }, extra: string): void => {
    if (shown++ >= limit) return;
    const before = oneLine(article.text.slice(Math.max(0, at.start - 120), at.start));
    const inside = oneLine(article.text.slice(at.start, at.end));
    const after = oneLine(article.text.slice(at.end, at.end + 80));
    console.log(`--- ${label} ${article.name} ${extra}\n…${before}[[${inside}]]${after}…`);
  };
  if (what === 'missed') {
    for (const g of gold) if (piecesCoveredShare(g.pieces, pred.map((p) => p.span)) < 0.8) show('MISSED', g.span, `source=${g.a.source} cue=${g.a.cueSpan ? article.text.slice(g.a.cueSpan.start, g.a.cueSpan.end) : '-'}`);
  } else if (what === 'wrong') {
    const spans = gold.flatMap((g) => g.pieces);
    const others = goldOfKind(article, !direct).flatMap(contentOf);
    for (const p of pred) {
      if (coveredShare(p.span, spans) >= 0.8) continue;
      const kind = coveredShare(p.span, others) >= 0.8 ? 'other-kind' : 'no-gold';
      show(`WRONG(${kind})`, p.span, `speaker=${p.q.speaker?.name ?? '-'}`);
    }
  } else {
    for (const g of gold) {
      if (!g.a.source || piecesCoveredShare(g.pieces, pred.map((p) => p.span)) < 0.8) continue;
      const best = pred.find((p) => Math.min(p.span.end, g.span.end) > Math.max(p.span.start, g.span.start));
      const name = best?.q.speaker?.name ?? '';
      if (/^(he|she|they|it|we|i|you|him|her|them|his|hers|their|who|which|that)$/i.test(g.a.source.trim())) continue;
      if (!name || !sameSpeaker(name, g.a.source)) show('SPEAKER', g.span, `gold=${g.a.source} | pred=${name || '-'}`);
    }
  }
}
console.log(`(${shown} shown of the ones found)`);
