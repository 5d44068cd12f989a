// `npx tsx scripts/eval/polnear-oracles.ts [train|dev]`: where the reported-speech gap lies, measured before building.
//   (a) gold cues, our spans: for every gold reported cue, the content the end/start rankers cut after it (or, for a
//       cue near the sentence end, the words before its comma), and whether ANY span the span model's generator
//       proposes for that cue would match: the ceiling of span boundaries when cue detection were perfect.
//   (b) our cues, gold spans: every predicted reported span whose cue overlaps a gold reported cue is replaced by that
//       gold content: the ceiling of cue detection when boundaries were perfect.
//   (c) what lies where a gold content is missed: a predicted reported span overlapping it that fails the 80% rule
//       (too short / overruns), another predicted span in its sentence, a direct quote, or nothing at all.
// Matching as in polnear.ts: a gold content is found when predicted spans cover >= 80% of it; a predicted span is
// right when >= 80% of it lies inside gold contents. Study train; read dev for totals only.
import { resolve } from 'node:path';
import { analyzeText } from '../../lib/analysis/analyze';
import { learnedContentStart, rankedContentEnds } from '../../lib/analysis/attribution-model';
import { tokenize, withoutParentheticals, type Token } from '../../lib/analysis/quote-tokens';
import { splitParagraphs } from '../../lib/analysis/sentences';
import type { Quote, Span } from '../../lib/analysis/types';
import { contentOf, coveredShare, goldOfKind, piecesCoveredShare, readPolnear, scoreKind, trimSpan, type KindScore } from './polnear';

const split = process.argv[2] === 'dev' ? 'dev' : 'train';
const limit = Number(process.argv[3] ?? Infinity);
const articles = readPolnear(resolve(import.meta.dirname, '../../../shared/datasets/polnear', split)).slice(0, limit);
const overlap = (a: Span, b: Span): boolean => Math.min(a.end, b.end) > Math.max(a.start, b.start);
const empty = (): KindScore => ({ gold: 0, predicted: 0, matched: 0, predictedRight: 0, speakerChecked: 0, speakerRight: 0 });
const pr = (s: KindScore): string => `P ${(100 * s.predictedRight / Math.max(1, s.predicted)).toFixed(1)}  R ${(100 * s.matched / Math.max(1, s.gold)).toFixed(1)}  (gold ${s.gold}, pred ${s.predicted})`;
const counts = new Map<string, number>();
const bump = (k: string, n = 1): void => void counts.set(k, (counts.get(k) ?? 0) + n);

const actual = empty();
const oracleB = empty();
const oracleA = empty();
let aAny = 0;
let aGold = 0;

function spanOf(tokens: readonly Token[], from: number, to: number): Span | null {
  while (from < to && !(tokens[from] as Token).isWord) from++;
  while (to > from && !(tokens[to - 1] as Token).isWord) to--;
  return to > from ? { start: (tokens[from] as Token).start, end: (tokens[to - 1] as Token).end } : null;
}

/** The generator's spans for a cue whose last word is token c (as attribution-spans.ts cuts them), best guess first. */
function generatorSpans(tokens: readonly Token[], c: number): Span[] {
  const out: Span[] = [];
  const starts = new Set<number>();
  const ranked = learnedContentStart(tokens, c);
  if (ranked > c) starts.add(ranked);
  if (tokens[c + 1]?.isWord) starts.add(c + 1);
  for (const from of starts) {
    for (const to of rankedContentEnds(tokens, from, (tokens[c] as Token).lower, 4)) { const s = spanOf(tokens, from, to); if (s) out.push(s); }
    const s = spanOf(tokens, from, tokens.length);
    if (s) out.push(s);
  }
  for (let k = c - 1; k > 0 && c - k <= 10; k--) {
    const t = tokens[k] as Token;
    if (t.text === ',') { const s = spanOf(tokens, 0, k); if (s) out.push(s); break; }
    if (!t.isWord) break;
  }
  return out;
}

for (const article of articles) {
  const { text } = article;
  const quotes = analyzeText(text).quotes;
  scoreKind(article, quotes, false, actual);
  const gold = goldOfKind(article, false);
  const reported = quotes.filter((q) => q.kind === 'reported');
  const predSpans = reported.map((q) => trimSpan(text, q));
  const directSpans = quotes.filter((q) => q.kind === 'direct').map((q) => trimSpan(text, q));
  const sentences = splitParagraphs(text).flatMap((p) => p.sentences);
  const sentenceAt = (at: number): Span | undefined => sentences.find((s) => s.start <= at && at < s.end);

  // (b) our cues, gold spans.
  const swapped: Quote[] = reported.flatMap((q) => {
    const g = q.cue ? gold.find((x) => x.cueSpan && overlap(x.cueSpan, q.cue as Span)) : undefined;
    return g ? contentOf(g).map((p) => ({ ...q, start: p.start, end: p.end })) : [q];
  });
  scoreKind(article, swapped, false, oracleB);
  for (const g of gold) {
    bump('cue: gold items');
    if (g.cueSpan && quotes.some((q) => q.cue && overlap(q.cue, g.cueSpan as Span))) bump('cue: gold cue overlapped by a predicted cue (any kind)');
  }

  // (a) gold cues, our spans.
  const aPred: Quote[] = [];
  for (const g of gold) {
    if (!g.cueSpan) continue;
    const s = sentenceAt(g.cueSpan.start);
    if (!s) continue;
    aGold++;
    const tokens = withoutParentheticals(tokenize(text, s.start, s.end));
    let c = -1;
    for (let k = 0; k < tokens.length; k++) if ((tokens[k] as Token).isWord && overlap(tokens[k] as Token, g.cueSpan)) c = k;
    if (c < 0) continue;
    const spans = generatorSpans(tokens, c);
    if (spans.some((sp) => piecesCoveredShare(contentOf(g), [sp]) >= 0.8 && coveredShare(sp, contentOf(g)) >= 0.8)) aAny++;
    // The ranked guess: what follows the cue when the content is after it, else the words before its comma.
    const before = g.cueSpan.start >= g.content.end;
    const guess = before ? spans[spans.length - 1] : spans[0];
    if (guess) aPred.push({ start: guess.start, end: guess.end, kind: 'reported', speaker: null });
  }
  scoreKind(article, aPred, false, oracleA);

  // (c) misses by what lies there.
  for (const g of gold) {
    const pieces = contentOf(g);
    if (piecesCoveredShare(pieces, predSpans) >= 0.8) continue;
    bump('missed');
    const s = sentenceAt(g.content.start);
    const crosses = s ? g.content.end > s.end + 1 : false;
    if (crosses) bump('missed: content runs over >1 sentence');
    const touching = predSpans.filter((p) => pieces.some((x) => overlap(p, x)));
    if (touching.length > 0) {
      const over = touching.some((p) => p.start < g.content.start - 1 || p.end > g.content.end + 1);
      const cover = piecesCoveredShare(pieces, touching);
      bump(`missed (1) a predicted span overlaps: ${over ? 'it overruns the gold' : 'inside gold, too short'}`);
      bump(`missed (1) … covered ${cover < 0.5 ? '<50%' : '50-80%'}`);
    } else if (piecesCoveredShare(pieces, directSpans) >= 0.5) bump('missed (2) covered by a direct quote');
    else if (s && predSpans.some((p) => overlap(p, s))) bump('missed (3) other reported span in the sentence');
    else bump('missed (4) nothing in the sentence');
    if (!g.cueSpan) bump('missed: no gold cue');
  }
}

console.log(`PolNeAR ${split}: ${articles.length} articles, reported speech`);
console.log(`actual                      ${pr(actual)}`);
console.log(`(b) our cues + gold spans   ${pr(oracleB)}`);
console.log(`(a) gold cues + our ranked spans ${pr(oracleA)}`);
console.log(`(a) gold cues: any generator span matches both ways: ${aAny}/${aGold} = ${(100 * aAny / Math.max(1, aGold)).toFixed(1)}%`);
for (const [k, v] of [...counts].sort()) console.log(`${k.padEnd(60)} ${v}`);
