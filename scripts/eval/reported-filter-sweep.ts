// `npx tsx scripts/eval/reported-filter-sweep.ts [dev|train] [--spans=0.6,0.4] [--cues=0.5] [--filters=0,0.5,0.6]`: PolNeAR
// reported-speech precision and recall (polnear.ts's rules) for each span-model threshold (SPAN_THRESHOLD) and
// learned-cue threshold, and each threshold of the last-look filter (lib/analysis/reported-filter.ts): the readers
// propose, the filter keeps. Choose on dev, never on test. The direct columns must not move (the filter reads only
// reported speech).
import { resolve } from 'node:path';
import { analyzeText } from '../../lib/analysis/analyze';
import { cueModelSettings } from '../../lib/analysis/attribution-model';
import { spanModelSettings } from '../../lib/analysis/attribution-span-model';
import { reportedEndSettings } from '../../lib/analysis/reported-ends';
import { keepProbability, reportedFilterSettings, type ReportedItem } from '../../lib/analysis/reported-filter';
import type { Quote } from '../../lib/analysis/types';
import { readPolnear, scoreKind, type KindScore } from './polnear';

const split = process.argv[2] === 'train' ? 'train' : 'dev';
const list = (name: string, fallback: number[]): number[] => {
  const given = process.argv.find((a) => a.startsWith(`--${name}=`));
  return given ? given.split('=')[1]!.split(',').map(Number) : fallback;
};
const spans = list('spans', [spanModelSettings.threshold]);
const cues = list('cues', [cueModelSettings.threshold]);
const margins = list('margins', [reportedEndSettings.margin]);
const filters = list('filters', [0, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7]);
const articles = readPolnear(resolve(import.meta.dirname, '../../../shared/datasets/polnear', split));
const pct = (a: number, b: number): string => (b ? (100 * a) / b : 0).toFixed(1).padStart(5);
const empty = (): KindScore => ({ gold: 0, predicted: 0, matched: 0, predictedRight: 0, speakerChecked: 0, speakerRight: 0 });
console.log(`PolNeAR ${split}: reported speech by span / cue / filter threshold`);
console.log('margin spans  cues  filter   pred     P      R   | direct P      R   speaker');
const saved = { ...reportedFilterSettings };
for (const margin of margins) {
for (const span of spans) {
  for (const cue of cues) {
    reportedEndSettings.margin = margin;
    reportedEndSettings.on = margin < 100;
    spanModelSettings.threshold = span;
    cueModelSettings.threshold = cue;
    // The readers' output once, with every reported content's probability of being kept.
    const runs: { article: (typeof articles)[number]; quotes: Quote[]; p: number[] }[] = [];
    for (const article of articles) {
      const items: ReportedItem[] = [];
      reportedFilterSettings.threshold = 0;
      reportedFilterSettings.observe = (_text, item) => void items.push(item);
      const quotes = analyzeText(article.text).quotes;
      runs.push({ article, quotes, p: items.map((item) => keepProbability(article.text, item)) });
    }
    for (const filter of filters) {
      const reported = empty();
      const direct = empty();
      for (const { article, quotes, p } of runs) {
        let k = 0;
        const kept = quotes.filter((q) => q.kind !== 'reported' || (p[k++] as number) >= filter);
        scoreKind(article, kept, false, reported);
        scoreKind(article, kept, true, direct);
      }
      console.log(`${margin} ${span.toFixed(2)}  ${cue.toFixed(2)}  ${filter.toFixed(2)}   ${String(reported.predicted).padStart(5)}  ${pct(reported.predictedRight, reported.predicted)}  ${pct(reported.matched, reported.gold)}   |        ${pct(direct.predictedRight, direct.predicted)}  ${pct(direct.matched, direct.gold)}  ${pct(direct.speakerRight, direct.speakerChecked)}`);
    }
  }
}
}
Object.assign(reportedFilterSettings, saved);
