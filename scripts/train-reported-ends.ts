// `npx tsx scripts/train-reported-ends.ts [--epochs=N] [--max-features=N]`: learns where a reported content ends
// (lib/analysis/reported-ends.ts) from PolNeAR TRAIN (never dev or test) and writes lib/model/reported-ends.json.
// The examples are the reported contents Lede itself cuts on train (the end model switched off), each with every place
// it could end instead; a choice is right when its span is a gold reported content as the PolNeAR scorer counts it
// (>= 80% of the span inside gold contents, >= 80% of a gold content covered). An averaged ranking perceptron learns
// to put a right choice first (the readers' own end when it is right). Prints the choice accuracy on dev; the margin
// (how much an earlier end must beat the readers' end by) is chosen on dev with scripts/eval/reported-filter-sweep.ts --margins=….
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeText } from '../lib/analysis/analyze';
import { tokenize, type Token } from '../lib/analysis/quote-tokens';
import { endChoices, reportedEndSettings } from '../lib/analysis/reported-ends';
import { contentOf, coveredShare, goldOfKind, piecesCoveredShare, readPolnear, trimSpan, type PolnearArticle } from './eval/polnear';

const root = resolve(import.meta.dirname, '..');
const arg = (name: string, fallback: number): number => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const EPOCHS = arg('epochs', 2);
const MAX_FEATURES = arg('max-features', 3000);
const MIN_COUNT = arg('min-count', 10);

interface Choice { feats: string[]; right: boolean }
type Group = Choice[];

/** Every reported content Lede cuts in the articles, with its choices labelled. */
function groups(articles: readonly PolnearArticle[]): { groups: Group[]; keptRight: number } {
  const out: Group[] = [];
  let keptRight = 0;
  const seen: { text: string; start: number; end: number; cue: string; origin: string }[] = [];
  reportedEndSettings.on = false;
  reportedEndSettings.observe = (text, start, end, cue, origin) => void seen.push({ text, start, end, cue, origin });
  for (const article of articles) {
    seen.length = 0;
    analyzeText(article.text);
    const gold = goldOfKind(article, false).map(contentOf);
    const goldPieces = gold.flat();
    for (const o of seen) {
      const tokens = tokenize(o.text, o.start, o.end);
      const group: Group = [];
      for (const c of endChoices(tokens, o.cue, o.origin)) {
        let to = c.j;
        while (to > 0 && !(tokens[to - 1] as Token).isWord) to--;
        if (to === 0) continue;
        const span = trimSpan(o.text, { start: o.start, end: (tokens[to - 1] as Token).end });
        const right = coveredShare(span, goldPieces) >= 0.8 && gold.some((g) => piecesCoveredShare(g, [span]) >= 0.8);
        group.push({ feats: c.feats, right });
      }
      if (group[0]?.right) keptRight++;
      if (group.length > 1) out.push(group);
    }
  }
  reportedEndSettings.observe = null;
  reportedEndSettings.on = true;
  return { groups: out, keptRight };
}

const score = (w: ReadonlyMap<string, number>, feats: readonly string[]): number => feats.reduce((z, f) => z + (w.get(f) ?? 0), 0);

/** Averaged ranking perceptron: the best-scored choice should be a right one. */
function train(data: readonly Group[]): Map<string, number> {
  const w = new Map<string, number>();
  const u = new Map<string, number>();
  let step = 1;
  let seed = 11;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const order = data.map((_, i) => i);
  const add = (feats: readonly string[], g: number): void => {
    for (const f of feats) {
      w.set(f, (w.get(f) ?? 0) + g);
      u.set(f, (u.get(f) ?? 0) + step * g);
    }
  };
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const k of order) {
      const group = data[k] as Group;
      let best = group[0] as Choice;
      let bestZ = -Infinity;
      let target: Choice | null = null;
      let targetZ = -Infinity;
      for (const c of group) {
        const z = score(w, c.feats);
        if (z > bestZ) { best = c; bestZ = z; }
        if (c.right && z > targetZ) { target = c; targetZ = z; }
      }
      if (target && !best.right) {
        add(target.feats, 1);
        add(best.feats, -1);
      }
      step++;
    }
  }
  const out = new Map<string, number>();
  for (const [f, v] of w) out.set(f, v - (u.get(f) ?? 0) / step);
  return out;
}

function accuracy(data: readonly Group[], w: ReadonlyMap<string, number>, margin: number): string {
  let right = 0;
  let fixable = 0;
  let keptRight = 0;
  for (const group of data) {
    if (group.some((c) => c.right)) fixable++;
    if (group[0]?.right) keptRight++;
    let best = group[0] as Choice;
    let bestZ = score(w, best.feats) + margin;
    for (const c of group.slice(1)) {
      const z = score(w, c.feats);
      if (z > bestZ) { best = c; bestZ = z; }
    }
    if (best.right) right++;
  }
  return `${data.length} contents, ${fixable} with a right choice; right: readers' end ${keptRight}, model ${right} (margin ${margin})`;
}

const trainSet = groups(readPolnear(resolve(root, '../shared/datasets/polnear/train')));
// Features seen at least MIN_COUNT times.
const counts = new Map<string, number>();
for (const g of trainSet.groups) for (const c of g) for (const f of c.feats) counts.set(f, (counts.get(f) ?? 0) + 1);
for (const g of trainSet.groups) for (const c of g) c.feats = c.feats.filter((f) => (counts.get(f) as number) >= MIN_COUNT);
const fixable = trainSet.groups.filter((g) => g.some((c) => c.right));
console.log(`train: ${trainSet.groups.length} contents with choices, ${fixable.length} with a right one`);
const raw = train(fixable);
const ranked = [...raw].filter(([, v]) => Math.abs(v) >= 0.05).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, MAX_FEATURES);
const weights = Object.fromEntries(ranked.sort((a, b) => a[0].localeCompare(b[0])).map(([f, v]) => [f, Math.round(v * 100) / 100]));
const wm = new Map(Object.entries(weights));
console.log(`train: ${accuracy(trainSet.groups, wm, 0)}`);
const dev = groups(readPolnear(resolve(root, '../shared/datasets/polnear/dev')));
for (const m of [0, 0.5, 1, 2, 3]) console.log(`dev: ${accuracy(dev.groups, wm, m)}`);
const out = resolve(root, 'lib/model/reported-ends.json');
const margin = Number(JSON.parse(readFileSync(out, 'utf8')).margin ?? 0);
writeFileSync(out, `${JSON.stringify({ margin, weights })}\n`);
console.log(`wrote ${out}: ${Object.keys(weights).length} weights (margin ${margin}, kept from the file: the dev sweep sets it)`);
