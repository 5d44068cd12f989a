// `npx tsx scripts/eval/polnear-span-misses.ts [train|dev] [N articles]`: for gold reported contents missed with no
// predicted span in their sentence, why the span model (attribution-span-model.ts) stays silent at the gold cue: the
// sentence holds quotation marks (it is not read), the cue word is not in its cue table, the cue has no speaker it
// may show, the generator proposes no matching span, or the best matching pair scores below the threshold.
import { resolve } from 'node:path';
import { analyzeText } from '../../lib/analysis/analyze';
import { analyzeSentence, cueSpeaker, isLearnedSpeaker, learnedAttribution, speakerKind } from '../../lib/analysis/attribution';
import { hasQuoteMark } from '../../lib/analysis/attribution-model';
import { spanCandidates, candidateSpan, cueShare } from '../../lib/analysis/attribution-spans';
import { tokenize, withoutParentheticals, type Token } from '../../lib/analysis/quote-tokens';
import { splitParagraphs } from '../../lib/analysis/sentences';
import { MentionIndex } from '../../lib/analysis/speakers';
import type { Span } from '../../lib/analysis/types';
import model from '../../lib/model/attribution-spans.json';
import { contentOf, coveredShare, goldOfKind, piecesCoveredShare, readPolnear, trimSpan } from './polnear';

const split = process.argv[2] === 'dev' ? 'dev' : 'train';
const limit = Number(process.argv[3] ?? Infinity);
const articles = readPolnear(resolve(import.meta.dirname, '../../../shared/datasets/polnear', split)).slice(0, limit);
const CUES: ReadonlyMap<string, number> = new Map(Object.entries(model.cues));
const W: ReadonlyMap<string, number> = new Map(Object.entries(model.weights));
const overlap = (a: Span, b: Span): boolean => Math.min(a.end, b.end) > Math.max(a.start, b.start);
const counts = new Map<string, number>();
const bump = (k: string): void => void counts.set(k, (counts.get(k) ?? 0) + 1);
const probs: number[] = [];
const missingCues = new Map<string, number>();
for (const article of articles) {
  const { text } = article;
  const analysis = analyzeText(text);
  const mentions = new MentionIndex(text, analysis.entities);
  const pred = analysis.quotes.filter((q) => q.kind === 'reported').map((q) => trimSpan(text, q));
  const sentences = splitParagraphs(text).flatMap((p) => p.sentences);
  for (const g of goldOfKind(article, false)) {
    const pieces = contentOf(g);
    if (piecesCoveredShare(pieces, pred) >= 0.8) continue;
    const s = sentences.find((x) => x.start <= g.content.start && g.content.start < x.end);
    if (!s || pred.some((p) => overlap(p, s)) || !g.cueSpan || !overlap(g.cueSpan, s)) { bump('skip (other class / cue elsewhere)'); continue; }
    bump('nothing-in-sentence with cue in it');
    if (hasQuoteMark(text, s.start, s.end)) { bump('  a. sentence has quotation marks'); continue; }
    const tokens = withoutParentheticals(tokenize(text, s.start, s.end));
    let c = -1;
    for (let k = 0; k < tokens.length; k++) if ((tokens[k] as Token).isWord && overlap(tokens[k] as Token, g.cueSpan)) c = k;
    if (c < 0) { bump('  b. cue not a token'); continue; }
    if (cueShare(tokens, c, CUES) === 0) { bump('  c. cue word not in the cue table'); const w = (tokens[c] as Token).lower; if (process.env.SHOW && Math.random() < 0.05) console.log(`C: ${text.slice(s.start, s.end).replace(/\s+/g, ' ')}\n   cue=[${text.slice(g.cueSpan.start, g.cueSpan.end)}] src=[${g.source}] content=[${text.slice(g.content.start, g.content.end).replace(/\s+/g, ' ')}]`); missingCues.set(w, (missingCues.get(w) ?? 0) + 1); continue; }
    const slot = cueSpeaker(text, tokens, c, mentions);
    if (!slot) { bump('  d. no speaker slot'); continue; }
    if (!isLearnedSpeaker(tokens, slot)) { bump('  d2. speaker not showable'); continue; }
    if (analyzeSentence(text, tokens, s.end, mentions)) { bump('  d3. the patterns find an attribution (dropped later)'); continue; }
    if (learnedAttribution(text, tokens, s.end, mentions)) { bump('  d4. the learned cue model finds one (dropped later)'); continue; }
    const typeOf = (t: Token): string => mentions.overlapping(t.start, t.end)?.entity.type ?? '';
    const cands = spanCandidates(tokens, CUES, typeOf, (i) => speakerKind(cueSpeaker(text, tokens, i, mentions)));
    const mine = cands.filter((x) => x.cue === c);
    if (mine.length === 0) { bump('  e. cue not among the sentence\'s likeliest 3 / too short'); continue; }
    let best = -1;
    for (const cand of mine) {
      const sp = candidateSpan(tokens, cand);
      if (!sp || piecesCoveredShare(pieces, [sp]) < 0.8 || coveredShare(sp, pieces) < 0.8) continue;
      let z = W.get('b') ?? 0;
      for (const f of [...cand.base, ...cand.feats]) z += W.get(f) ?? 0;
      best = Math.max(best, 1 / (1 + Math.exp(-z)));
    }
    if (best < 0) { bump('  f. no generated span matches'); continue; }
    probs.push(best);
    bump(best >= 0.6 ? '  g. matching pair >= 0.6 (lost elsewhere)' : best >= 0.3 ? '  h. matching pair 0.3-0.6' : '  i. matching pair < 0.3');
  }
}
for (const [k, v] of [...counts].sort()) console.log(`${k.padEnd(50)} ${v}`);
console.log('cue words not in the table:', [...missingCues].sort((a, b) => b[1] - a[1]).slice(0, 50).map(([w, n]) => `${w} ${n}`).join(', '));
