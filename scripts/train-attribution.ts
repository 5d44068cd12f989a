// `npx tsx scripts/train-attribution.ts [--max-features=N]`: learns the attribution-cue model from PolNeAR TRAIN
// (never dev or test) and writes lib/model/attribution.json. Two logistic models over the token features of
// lib/analysis/attribution-features.ts, on the sentences without quotation marks (the only ones the model reads):
//   last:   is this token the last word of a cue whose content starts after it ("said", "told … that",
//           "called for", "is defending")?
//   inside: is this token part of a cue at all ("has" in "has said", "is" in "is demanding")? It finds where
//           a cue begins, so the speaker is read before it.
// Only the strongest weights are kept (the file stays tens of kB). Prints token-level precision and recall on
// dev for a few thresholds, to see the model on its own.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readPolnear, trimSpan, type PolnearArticle } from './eval/polnear';
import { splitParagraphs } from '../lib/analysis/sentences';
import { tokenize, withoutParentheticals, type Token } from '../lib/analysis/quote-tokens';
import { cueFeatures, endFeatures, isEndCandidate, MAX_START_OFFSET, startFeatures, wordsAfterEach } from '../lib/analysis/attribution-features';
import { hasQuoteMark } from '../lib/analysis/attribution-model';
import { findEntities } from '../lib/analysis/entities';
import { MentionIndex } from '../lib/analysis/speakers';
import { featureTable, pruneWeights, sigmoid, trainLogistic } from './lib/logistic-training';

const root = resolve(import.meta.dirname, '..');
const maxFeatures = Number(process.argv.find((a) => a.startsWith('--max-features='))?.split('=')[1] ?? 1500);
const EPOCHS = 6;
const RATE = Number(process.argv.find((a) => a.startsWith('--rate='))?.split('=')[1] ?? 0.1);
const MIN_COUNT = 2;

interface Example {
  feats: Int32Array;
  last: boolean;
  inside: boolean;
}

const { index, ids: featureIds } = featureTable();

function examples(articles: readonly PolnearArticle[], grow: boolean): Example[] {
  const out: Example[] = [];
  for (const article of articles) {
    const { text } = article;
    const cues = article.attributions.flatMap((a) => (a.cueSpan ? [{ cue: a.cueSpan, content: a.content }] : []));
    // The entity types Lede itself finds, as the model will see them.
    const mentions = new MentionIndex(text, findEntities(text));
    const typeOf = (t: Token): string => mentions.overlapping(t.start, t.end)?.entity.type ?? '';
    for (const paragraph of splitParagraphs(text)) {
      for (const s of paragraph.sentences) {
        if (hasQuoteMark(text, s.start, s.end)) continue;
        const tokens = withoutParentheticals(tokenize(text, s.start, s.end));
        const after = wordsAfterEach(tokens);
        for (let i = 0; i < tokens.length; i++) {
          const t = tokens[i] as Token;
          if (!t.isWord) continue;
          const holder = cues.find((c) => t.start >= c.cue.start && t.end <= c.cue.end);
          const next = tokens[i + 1];
          const lastOfCue = holder !== undefined && !(next?.isWord && next.end <= holder.cue.end);
          const last = lastOfCue && holder.content.start >= t.end && holder.content.start < s.end;
          out.push({ feats: featureIds(cueFeatures(tokens, i, after[i] as number, typeOf), grow), last, inside: holder !== undefined });
        }
      }
    }
  }
  return out;
}

/** Where contents that follow their cue end: one example per end candidate (attribution-features.ts), labelled
 * with whether the gold content (trimmed as the scorer trims it) ends there. */
function endExamples(articles: readonly PolnearArticle[], grow: boolean, startGroups: Example[][] = []): Example[][] {
  const out: Example[][] = [];
  for (const article of articles) {
    const { text } = article;
    for (const paragraph of splitParagraphs(text)) {
      for (const s of paragraph.sentences) {
        if (hasQuoteMark(text, s.start, s.end)) continue;
        const golds = article.attributions.filter((a) => a.cueSpan && a.cueSpan.start >= s.start && a.cueSpan.end <= a.content.start && a.content.start < s.end);
        if (golds.length === 0) continue;
        const tokens = withoutParentheticals(tokenize(text, s.start, s.end));
        for (const gold of golds) {
          const content = trimSpan(text, gold.content);
          const from = tokens.findIndex((t) => t.start >= content.start);
          const cueWords = tokens.filter((t) => t.isWord && t.end <= (gold.cueSpan as { end: number }).end && t.start >= (gold.cueSpan as { start: number }).start);
          if (from < 0 || cueWords.length === 0) continue;
          const cue = (cueWords[cueWords.length - 1] as Token).lower;
          let lastWord = tokens.length - 1;
          while (lastWord > from && !(tokens[lastWord] as Token).isWord) lastWord--;
          const candidates: Example[] = [];
          for (let j = from + 1; j <= tokens.length; j++) {
            if (j < tokens.length && !isEndCandidate(tokens, j)) continue;
            const right = j < tokens.length ? (tokens[j - 1] as Token).end === content.end : content.end >= (tokens[lastWord] as Token).end;
            candidates.push({ feats: featureIds(endFeatures(tokens, from, j, cue), grow), last: right, inside: false });
          }
          if (candidates.some((c) => c.last)) out.push(candidates);
          // Where it starts: each word up to MAX_START_OFFSET after the cue's last word.
          const c = tokens.indexOf(cueWords[cueWords.length - 1] as Token);
          const starts: Example[] = [];
          for (let k = c + 1; k < tokens.length && k <= c + 1 + MAX_START_OFFSET; k++) {
            if (!(tokens[k] as Token).isWord) continue;
            // "that" opens the content or stands before it: both count (the scorer's 80% leaves one word either way).
            const right = (tokens[k] as Token).start === content.start || ((tokens[k - 1] as Token).lower === 'that' && (tokens[k - 1] as Token).start === content.start);
            starts.push({ feats: featureIds(startFeatures(tokens, c, k), grow), last: right, inside: false });
          }
          if (starts.some((e) => e.last)) startGroups.push(starts);
        }
      }
    }
  }
  return out;
}

/** A conditional (softmax) model over each group's candidates: the right end should outscore the others. */
function trainRanker(groups: readonly Example[][]): Float64Array {
  const w = new Float64Array(index.size);
  const order = groups.map((_, i) => i);
  let seed = 11;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const rate = 0.1 / (1 + epoch);
    for (const k of order) {
      const group = groups[k] as Example[];
      const scores = group.map((e) => e.feats.reduce((z, f) => z + (w[f] as number), 0));
      const top = Math.max(...scores);
      const exp = scores.map((z) => Math.exp(z - top));
      const sum = exp.reduce((a, b) => a + b, 0);
      group.forEach((e, c) => {
        const g = (e.last ? 1 : 0) - (exp[c] as number) / sum;
        for (const f of e.feats) w[f] = (w[f] as number) + rate * g;
      });
    }
  }
  return w;
}

/** Share of groups whose best-scored candidate is the right one. */
function reportRanker(name: string, groups: readonly Example[][], weights: Record<string, number>): void {
  const ws = [...index.keys()].map((n) => weights[n] ?? 0);
  let right = 0;
  for (const group of groups) {
    let best = group[0] as Example;
    let bestZ = -Infinity;
    for (const e of group) {
      const z = e.feats.reduce((a, f) => a + (ws[f] as number), 0);
      if (z > bestZ) {
        best = e;
        bestZ = z;
      }
    }
    if (best.last) right++;
  }
  console.log(`${name}: right one chosen for ${(100 * right / groups.length).toFixed(1)}% of ${groups.length} dev contents`);
}

const train = (data: readonly Example[], label: (e: Example) => boolean): Float64Array =>
  trainLogistic(data, label, index.size, { epochs: EPOCHS, rate: RATE });
const prune = (w: Float64Array, max: number): Record<string, number> => pruneWeights(index, w, max);

function report(name: string, data: readonly Example[], weights: Record<string, number>, label: (e: Example) => boolean): void {
  const names = [...index.keys()];
  const ws = names.map((n) => weights[n] ?? 0);
  for (const threshold of [0.3, 0.5, 0.7]) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const e of data) {
      let z = 0;
      for (const f of e.feats) z += ws[f] as number;
      const yes = sigmoid(z) >= threshold;
      if (yes && label(e)) tp++;
      else if (yes) fp++;
      else if (label(e)) fn++;
    }
    console.log(`${name} dev tokens @${threshold}: P ${(100 * tp / (tp + fp)).toFixed(1)} R ${(100 * tp / (tp + fn)).toFixed(1)} (${tp + fn} gold)`);
  }
}

const trainData = examples(readPolnear(resolve(root, '../shared/datasets/polnear/train')), true);
{
  // Features seen once in train carry noise, not knowledge: they get no weight.
  const seen = new Int32Array(index.size);
  for (const e of trainData) for (const f of e.feats) seen[f]!++;
  for (const e of trainData) e.feats = e.feats.filter((f) => (seen[f] as number) >= MIN_COUNT);
}
const devData = examples(readPolnear(resolve(root, '../shared/datasets/polnear/dev')), false);
console.log(`${trainData.length} train tokens, ${index.size} features`);
const lastFull = train(trainData, (e) => e.last);
if (process.argv.includes('--full')) report('last (all weights)', devData, Object.fromEntries([...index.keys()].map((n, id) => [n, lastFull[id] as number])), (e) => e.last);
const last = prune(lastFull, maxFeatures);
const inside = prune(train(trainData, (e) => e.inside), Math.round(maxFeatures / 2));
report('last', devData, last, (e) => e.last);
report('inside', devData, inside, (e) => e.inside);
const trainStarts: Example[][] = [];
const devStarts: Example[][] = [];
const trainEnds = endExamples(readPolnear(resolve(root, '../shared/datasets/polnear/train')), true, trainStarts);
const devEnds = endExamples(readPolnear(resolve(root, '../shared/datasets/polnear/dev')), false, devStarts);
const end = prune(trainRanker(trainEnds), Math.round(maxFeatures / 2));
reportRanker('end', devEnds, end);
const start = prune(trainRanker(trainStarts), Math.round(maxFeatures / 4));
reportRanker('start', devStarts, start);
const out = resolve(root, 'lib/model/attribution.json');
writeFileSync(out, `${JSON.stringify({ last, inside, end, start })}\n`);
console.log(`wrote ${out}: ${Object.keys(last).length} + ${Object.keys(inside).length} + ${Object.keys(end).length} + ${Object.keys(start).length} weights`);
