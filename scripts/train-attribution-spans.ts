// `npx tsx scripts/train-attribution-spans.ts [--max-features=N]`: learns the cue-centred span model from PolNeAR
// TRAIN (never dev or test) and writes lib/model/attribution-spans.json:
//   cues:    the words (and "~stems") that were the last word of a cue often enough in train;
//   weights: a logistic model over (cue, content span) pairs (lib/analysis/attribution-spans.ts), labelled with
//            whether the span is a gold reported content as the PolNeAR scorer counts it (80% both ways).
// Only sentences without quotation marks in which the hand patterns (attribution.ts) find nothing are read: the
// model works only there. Prints pair-level precision/recall on dev for a few thresholds.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { coveredShare, readPolnear, trimSpan, type PolnearArticle } from './eval/polnear';
import { splitParagraphs } from '../lib/analysis/sentences';
import { tokenize, withoutParentheticals, type Token } from '../lib/analysis/quote-tokens';
import { norm, stem } from '../lib/analysis/attribution-features';
import { hasQuoteMark } from '../lib/analysis/attribution-model';
import { analyzeSentence, cueSpeaker, speakerKind } from '../lib/analysis/attribution';
import { candidateSpan, spanCandidates } from '../lib/analysis/attribution-spans';
import { findEntities } from '../lib/analysis/entities';
import { MentionIndex } from '../lib/analysis/speakers';
import { featureTable, pruneWeights, sigmoid, trainLogistic } from './lib/logistic-training';

const root = resolve(import.meta.dirname, '..');
const arg = (name: string, fallback: number): number => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const maxFeatures = arg('max-features', 2500);
const EPOCHS = arg('epochs', 4);
const RATE = arg('rate', 0.05);
const MIN_COUNT = 2;
/** A cue word needs this many gold uses in train, and this share of its uses being cues. */
const MIN_CUE_USES = arg('min-cue-uses', 3);
const MIN_CUE_SHARE = arg('min-cue-share', 0.2);

interface Sentence {
  text: string;
  tokens: Token[];
  mentions: MentionIndex;
  /** Gold reported contents of the sentence's article (trimmed). */
  gold: { start: number; end: number }[];
}

/** The sentences the model reads: no quotation marks, no pattern attribution. */
function sentences(articles: readonly PolnearArticle[]): Sentence[] {
  const out: Sentence[] = [];
  for (const article of articles) {
    const { text } = article;
    const mentions = new MentionIndex(text, findEntities(text));
    const gold = article.attributions.filter((a) => !a.direct).map((a) => trimSpan(text, a.content));
    for (const paragraph of splitParagraphs(text)) {
      for (const s of paragraph.sentences) {
        if (hasQuoteMark(text, s.start, s.end)) continue;
        const tokens = withoutParentheticals(tokenize(text, s.start, s.end));
        if (analyzeSentence(text, tokens, s.end, mentions)) continue;
        out.push({ text, tokens, mentions, gold: gold.filter((g) => g.end > s.start && g.start < s.end) });
      }
    }
  }
  return out;
}

/** Cue words from the gold cues of train sentences: the word (or stem) that ends the cue. */
function cueWords(articles: readonly PolnearArticle[]): Record<string, number> {
  const uses = new Map<string, number>();
  const all = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
  for (const article of articles) {
    const { text } = article;
    const cueEnds = new Set(article.attributions.flatMap((a) => (a.cueSpan && !a.direct ? [a.cueSpan.end] : [])));
    for (const paragraph of splitParagraphs(text)) {
      for (const s of paragraph.sentences) {
        for (const t of tokenize(text, s.start, s.end)) {
          if (!t.isWord) continue;
          const w = norm(t, '');
          const keys = [w, `~${stem(w)}`];
          for (const k of keys) bump(all, k);
          if (cueEnds.has(t.end)) for (const k of keys) bump(uses, k);
        }
      }
    }
  }
  const kept = [...uses].map(([k, n]) => [k, n / (all.get(k) ?? n)] as const).filter(([k, share]) => (uses.get(k) as number) >= MIN_CUE_USES && share >= MIN_CUE_SHARE);
  return Object.fromEntries(kept.sort((a, b) => a[0].localeCompare(b[0])).map(([k, share]) => [k, Math.round(share * 1000) / 1000]));
}

interface Example {
  feats: Int32Array;
  right: boolean;
}

const { index, ids: featureIds } = featureTable();

/** One group of pair examples per sentence. */
function examples(data: readonly Sentence[], cues: ReadonlyMap<string, number>, grow: boolean): { groups: Example[][]; gold: number; golds: number[] } {
  const groups: Example[][] = [];
  const golds: number[] = [];
  let gold = 0;
  for (const s of data) {
    gold += s.gold.length;
    const typeOf = (t: Token): string => s.mentions.overlapping(t.start, t.end)?.entity.type ?? '';
    const speakerOf = (c: number): string => speakerKind(cueSpeaker(s.text, s.tokens, c, s.mentions));
    const group: Example[] = [];
    for (const cand of spanCandidates(s.tokens, cues, typeOf, speakerOf)) {
      const span = candidateSpan(s.tokens, cand);
      if (!span) continue;
      const trimmed = trimSpan(s.text, span);
      const right = s.gold.some((g) => coveredShare(trimmed, [g]) >= 0.8 && coveredShare(g, [trimmed]) >= 0.8);
      group.push({ feats: featureIds(['b', ...cand.base, ...cand.feats], grow), right });
    }
    if (group.length) {
      groups.push(group);
      golds.push(s.gold.length);
    }
  }
  return { groups, gold, golds };
}

const train = (data: readonly Example[]): Float64Array =>
  trainLogistic(data, (e) => e.right, index.size, { epochs: EPOCHS, rate: RATE });
const prune = (w: Float64Array, max: number): Record<string, number> => pruneWeights(index, w, max);

/** Sentence-level decisions as the analysis makes them: the best pair of a sentence, when it clears the threshold. */
function report(groups: readonly Example[][], gold: number, weights: Record<string, number>, golds: number[]): void {
  const ws = [...index.keys()].map((n) => weights[n] ?? 0);
  for (const threshold of [0.3, 0.4, 0.5, 0.6, 0.7]) {
    let shown = 0;
    let right = 0;
    let noGold = 0;
    let missedRight = 0;
    for (const [gi, group] of groups.entries()) {
      let best: Example | null = null;
      let bestP = threshold;
      for (const e of group) {
        const p = sigmoid(e.feats.reduce((z, f) => z + (ws[f] as number), 0));
        if (p >= bestP) {
          best = e;
          bestP = p;
        }
      }
      if (!best) continue;
      shown++;
      if (best.right) right++;
      else if (!golds[gi]) noGold++;
      else if (group.some((e) => e.right)) missedRight++;
    }
    console.log(`dev @${threshold}: ${shown} shown, P ${(100 * right / Math.max(1, shown)).toFixed(1)}, ${right} right of ${gold} gold in these sentences; wrong: ${noGold} in sentences without gold, ${missedRight} where another pair was right`);
  }
}

const trainArticles = readPolnear(resolve(root, '../shared/datasets/polnear/train'));
const cues = cueWords(trainArticles);
const cueSet = new Map(Object.entries(cues));
console.log(`${cueSet.size} cue words`);
const trainSet = examples(sentences(trainArticles), cueSet, true);
const trainData = trainSet.groups.flat();
{
  const seen = new Int32Array(index.size);
  for (const e of trainData) for (const f of e.feats) seen[f]!++;
  for (const e of trainData) e.feats = e.feats.filter((f) => (seen[f] as number) >= MIN_COUNT);
}
const oracle = trainSet.groups.filter((g) => g.some((e) => e.right)).length;
console.log(`${trainData.length} train pairs (${trainData.filter((e) => e.right).length} right) in ${trainSet.groups.length} sentences (${oracle} with a right pair); ${index.size} features`);
const weights = prune(train(trainData), maxFeatures);
const dev = examples(sentences(readPolnear(resolve(root, '../shared/datasets/polnear/dev'))), cueSet, false);
console.log(`dev: ${dev.groups.filter((g) => g.some((e) => e.right)).length} sentences with a right pair`);
report(dev.groups, dev.gold, weights, dev.golds);
const out = resolve(root, 'lib/model/attribution-spans.json');
writeFileSync(out, `${JSON.stringify({ cues, weights })}\n`);
console.log(`wrote ${out}: ${cueSet.size} cue words, ${Object.keys(weights).length} weights`);
