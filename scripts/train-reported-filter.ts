// `npx tsx scripts/train-reported-filter.ts [--epochs=N] [--min-count=N]`: learns the last look at reported contents
// (lib/analysis/reported-filter.ts) from PolNeAR TRAIN (never dev or test) and writes lib/model/reported-filter.json.
// The examples are the reported contents Lede shows on train (the filter switched off, the end model on), labelled
// right when >= 80% of the content lies inside gold reported contents (the PolNeAR scorer's precision rule). Prints
// the kept share and precision on dev at a few thresholds; the threshold itself is chosen on dev with
// scripts/eval/reported-filter-sweep.ts --filters=… and kept in the model file.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeText } from '../lib/analysis/analyze';
import { cueModelSettings } from '../lib/analysis/attribution-model';
import { spanModelSettings } from '../lib/analysis/attribution-span-model';
import { filterFeatures, reportedFilterSettings, type ReportedItem } from '../lib/analysis/reported-filter';
import { contentOf, coveredShare, goldOfKind, readPolnear, trimSpan, type PolnearArticle } from './eval/polnear';
import { featureTable, pruneWeights, sigmoid, trainLogistic } from './lib/logistic-training';

const root = resolve(import.meta.dirname, '..');
const arg = (name: string, fallback: number): number => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const EPOCHS = arg('epochs', 4);
const MIN_COUNT = arg('min-count', 3);
const MAX_FEATURES = arg('max-features', 2000);
// The readers' own thresholds while the filter learns: lower than theirs alone, so it sees what they would add.
spanModelSettings.threshold = arg('spans', spanModelSettings.threshold);
cueModelSettings.threshold = arg('cues', cueModelSettings.threshold);

interface Example { names: string[]; feats: Int32Array; right: boolean }

function examples(articles: readonly PolnearArticle[]): Example[] {
  const out: Example[] = [];
  const seen: { text: string; item: ReportedItem }[] = [];
  const threshold = reportedFilterSettings.threshold;
  reportedFilterSettings.threshold = 0;
  reportedFilterSettings.observe = (text, item) => void seen.push({ text, item });
  for (const article of articles) {
    seen.length = 0;
    analyzeText(article.text);
    const gold = goldOfKind(article, false).flatMap(contentOf);
    for (const { text, item } of seen) {
      const right = coveredShare(trimSpan(text, item), gold) >= 0.8;
      out.push({ names: filterFeatures(text, item), feats: new Int32Array(0), right });
    }
  }
  reportedFilterSettings.observe = null;
  reportedFilterSettings.threshold = threshold;
  return out;
}

const table = featureTable();
const train = examples(readPolnear(resolve(root, '../shared/datasets/polnear/train')));
const counts = new Map<string, number>();
for (const e of train) for (const f of e.names) counts.set(f, (counts.get(f) ?? 0) + 1);
for (const e of train) e.feats = table.ids(e.names.filter((f) => (counts.get(f) as number) >= MIN_COUNT), true);
console.log(`train: ${train.length} reported contents, ${train.filter((e) => e.right).length} right; ${table.index.size} features`);
const weights = pruneWeights(table.index, trainLogistic(train, (e) => e.right, table.index.size, { epochs: EPOCHS, rate: 0.05 }), MAX_FEATURES);
const dev = examples(readPolnear(resolve(root, '../shared/datasets/polnear/dev')));
const wm = new Map(Object.entries(weights));
for (const t of [0, 0.3, 0.4, 0.5, 0.6, 0.7]) {
  const kept = dev.filter((e) => sigmoid(e.names.reduce((z, f) => z + (wm.get(f) ?? 0), 0)) >= t);
  console.log(`dev @${t}: kept ${kept.length}/${dev.length}, right ${kept.filter((e) => e.right).length} (P ${(100 * kept.filter((e) => e.right).length / Math.max(1, kept.length)).toFixed(1)})`);
}
const out = resolve(root, 'lib/model/reported-filter.json');
const threshold = Number(JSON.parse(readFileSync(out, 'utf8')).threshold ?? 0);
writeFileSync(out, `${JSON.stringify({ threshold, weights })}\n`);
console.log(`wrote ${out}: ${Object.keys(weights).length} weights (threshold ${threshold}, kept from the file: the dev sweep sets it)`);
