// `npx tsx scripts/train-attribution-tagger.ts [--epochs=N] [--max-buckets=N] [--bits=N]`: learns the reported-speech
// sequence tagger (lib/analysis/attribution-tagger.ts) from PolNeAR TRAIN (never dev or test) and writes
// lib/model/attribution-tagger.json. Every token of every sentence is labelled O, CUE (inside a gold cue), B (a
// gold content's first token), I (inside a content) or SRC (inside a source); an averaged structured perceptron learns them, decoding as at
// run time (a small beam search left to right, with its own earlier labels as features). Deterministic: sentences are shuffled with a fixed seed.
// Prints token-level precision/recall of the content labels on dev (dev only reports; nothing is tuned here).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readPolnear, type PolnearArticle } from './eval/polnear';
import { splitParagraphs } from '../lib/analysis/sentences';
import { tokenize, withoutParentheticals, type Token } from '../lib/analysis/quote-tokens';
import { findEntities } from '../lib/analysis/entities';
import { MentionIndex } from '../lib/analysis/speakers';
import {
  DYNAMIC_FEATS, dynamicFeatures, entityCode, tagSentence, L_B, L_CUE, L_I, L_O, L_SRC, LABEL_COUNT, sentenceFeatures, STATIC_FEATS, wordHash, type SentenceFeatures,
} from '../lib/analysis/attribution-tagger';

const root = resolve(import.meta.dirname, '..');
const arg = (name: string, fallback: number): number => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const EPOCHS = arg('epochs', 6);
const BITS = arg('bits', 15);
const MIN_CUE_USES = 3;

interface Sentence {
  tokens: Token[];
  gold: Uint8Array;
  entities: Uint8Array;
}

function labelTokens(article: PolnearArticle, tokens: readonly Token[]): Uint8Array {
  const labels = new Uint8Array(tokens.length);
  for (const a of article.attributions) {
    for (const piece of a.contentPieces ?? [a.content]) {
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i] as Token;
        if (t.start >= piece.start && t.end <= piece.end) labels[i] = t.start <= piece.start + 1 && (i === 0 || (tokens[i - 1] as Token).end <= piece.start) ? L_B : L_I;
      }
    }
    const source = a.sourceSpan;
    if (source) for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (t.start >= source.start && t.end <= source.end && labels[i] === L_O) labels[i] = L_SRC;
    }
    const cue = a.cueSpan;
    if (cue) for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (t.start >= cue.start && t.end <= cue.end && labels[i] === L_O) labels[i] = L_CUE;
    }
  }
  return labels;
}

function readSentences(articles: readonly PolnearArticle[]): Sentence[] {
  const out: Sentence[] = [];
  for (const article of articles) {
    const { text } = article;
    const mentions = new MentionIndex(text, findEntities(text));
    const direct = article.attributions.filter((a) => a.direct).map((a) => a.content);
    for (const paragraph of splitParagraphs(text)) {
      for (const s of paragraph.sentences) {
        // Sentences of a direct quote are the quote finder's, not the tagger's: a sentence inside a quotation that
        // has no marks of its own would teach it that any sentence may be content.
        if (direct.some((d) => d.start < s.end && d.end > s.start)) continue;
        const tokens = withoutParentheticals(tokenize(text, s.start, s.end));
        if (tokens.length === 0) continue;
        const entities = new Uint8Array(tokens.map((t) => entityCode(mentions.overlapping(t.start, t.end)?.entity.type)));
        out.push({ tokens, gold: labelTokens(article, tokens), entities });
      }
    }
  }
  return out;
}

/** Cue-share bins of the words that were the cues of gold attributions. */
function cueBins(sentences: readonly Sentence[]): Record<string, number> {
  const uses = new Map<string, number>();
  const all = new Map<string, number>();
  for (const s of sentences) {
    s.tokens.forEach((t, i) => {
      if (!t.isWord) return;
      const w = t.lower.replace(/\u2019/g, "'");
      all.set(w, (all.get(w) ?? 0) + 1);
      if (s.gold[i] === L_CUE) uses.set(w, (uses.get(w) ?? 0) + 1);
    });
  }
  const out: [string, number][] = [];
  for (const [w, n] of uses) {
    if (n < MIN_CUE_USES) continue;
    const share = n / (all.get(w) as number);
    const bin = share >= 0.5 ? 4 : share >= 0.25 ? 3 : share >= 0.1 ? 2 : share >= 0.03 ? 1 : 0;
    if (bin > 0) out.push([w, bin]);
  }
  return Object.fromEntries(out.sort((a, b) => a[0].localeCompare(b[0])));
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function main(): void {
  const t0 = Date.now();
  const train = readSentences(readPolnear(resolve(root, '../shared/datasets/polnear/train')));
  const dev = readSentences(readPolnear(resolve(root, '../shared/datasets/polnear/dev')));
  console.log(`read ${train.length} train, ${dev.length} dev sentences in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const cues = cueBins(train);
  const cueMap = new Map(Object.entries(cues).map(([w, b]) => [wordHash(w), b]));
  // The entity codes are read by token position: a lookup table instead of indexOf.
  const feats = (s: Sentence): SentenceFeatures => {
    const at = new Map(s.tokens.map((t, i) => [t, s.entities[i] as number]));
    return sentenceFeatures(s.tokens, cueMap, (t) => at.get(t) ?? 0);
  };
  const trainFeats = train.map(feats);
  const size = (1 << BITS) * LABEL_COUNT;
  const mask = (1 << BITS) - 1;
  const w = new Float32Array(size);
  const u = new Float64Array(size);
  let c = 1;
  const dyn = new Uint32Array(DYNAMIC_FEATS);
  const update = (sf: SentenceFeatures, i: number, label: number, delta: number): void => {
    for (let f = 0; f < STATIC_FEATS + DYNAMIC_FEATS; f++) {
      const at = ((f < STATIC_FEATS ? (sf.feats[i * STATIC_FEATS + f] as number) : (dyn[f - STATIC_FEATS] as number)) & mask) * LABEL_COUNT + label;
      w[at] = (w[at] as number) + delta;
      u[at] = (u[at] as number) + c * delta;
    }
  };
  const live = { bits: BITS, weights: w, cueBins: cueMap };
  const order = train.map((_, i) => i);
  const random = rng(7);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [order[k], order[j]] = [order[j] as number, order[k] as number];
    }
    let errors = 0;
    let total = 0;
    for (const idx of order) {
      const s = train[idx] as Sentence;
      const sf = trainFeats[idx] as SentenceFeatures;
      const n = s.tokens.length;
      // Structured perceptron: decode as at run time (beam search), and where the best path is not gold, move the
      // weights toward the gold path's features and away from the predicted path's (features both share cancel).
      const predicted = tagSentence(live, sf, n).labels;
      let wrong = 0;
      for (let i = 0; i < n; i++) if (predicted[i] !== s.gold[i]) wrong++;
      if (wrong > 0) {
        for (const [path, delta] of [[s.gold, 1], [predicted, -1]] as const) {
          let prev = 7;
          let prev2 = 7;
          let run = 0;
          for (let i = 0; i < n; i++) {
            const label = path[i] as number;
            dynamicFeatures(sf, i, prev, prev2, dyn, run);
            update(sf, i, label, delta);
            prev2 = prev;
            prev = label;
            run = label === L_B ? 1 : label === L_I ? run + 1 : 0;
          }
        }
      }
      errors += wrong;
      total += n;
      c += n;
    }
    console.log(`epoch ${epoch + 1}: ${((100 * errors) / total).toFixed(2)}% token errors`);
  }
  // Averaged weights.
  const avg = new Float32Array(size);
  for (let k = 0; k < size; k++) avg[k] = (w[k] as number) - (u[k] as number) / c;
  // Quantised to one signed byte per weight on a square-root scale: fine steps for the many small weights, and the
  // few large ones (the label transitions) kept whole rather than clamped.
  let maxAbs = 0;
  for (let k = 0; k < size; k++) maxAbs = Math.max(maxAbs, Math.abs(avg[k] as number));
  const scale = 127 / Math.sqrt(maxAbs || 1);
  const bytes = new Int8Array(size);
  for (let k = 0; k < size; k++) bytes[k] = Math.sign(avg[k] as number) * Math.round(Math.sqrt(Math.abs(avg[k] as number)) * scale);
  const model = { bits: BITS, scale: Math.round(scale * 1e4) / 1e4, cues, weights: Buffer.from(bytes.buffer).toString('base64') };
  const out = resolve(root, 'lib/model/attribution-tagger.json');
  writeFileSync(out, `${JSON.stringify(model)}\n`);
  console.log(`${Object.keys(cues).length} cue words; wrote ${out}`);
  // Token-level content scores on dev with the quantised model (report only).
  for (let k = 0; k < size; k++) w[k] = Math.sign(bytes[k] as number) * ((bytes[k] as number) / model.scale) ** 2;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of dev) {
    const labels = tagSentence(live, feats(s), s.tokens.length).labels;
    const isContent = (l: number): boolean => l === L_B || l === L_I;
    for (let i = 0; i < s.tokens.length; i++) {
      const guess = labels[i] as number;
      if (isContent(guess) && isContent(s.gold[i] as number)) tp++;
      else if (isContent(guess)) fp++;
      else if (isContent(s.gold[i] as number)) fn++;
    }
  }
  console.log(`dev content tokens: P ${((100 * tp) / (tp + fp)).toFixed(1)} R ${((100 * tp) / (tp + fn)).toFixed(1)}`);
}

main();
