// `npx tsx scripts/eval/attribution-sweep.ts [dev|train] [thresholds…] [--spans|--ends]`: PolNeAR
// reported-speech precision and recall (the matching rules of polnear.ts) at several decision thresholds of the
// learned cue model, to choose CUE_THRESHOLD in lib/analysis/attribution-model.ts; with --spans, of the span model
// (SPAN_THRESHOLD in lib/analysis/attribution-span-model.ts); with --tagger, of the sequence tagger's mean content
// margin (TAGGER_THRESHOLD in lib/analysis/attribution-tagger-model.ts); with --ends, of the end ranker's margin when it ends every
// leading content (endRankerSettings; a value over 100 is today's setting, learned-cue objects only).
// Choose on dev, never on test.
import { resolve } from 'node:path';
import { analyzeText } from '../../lib/analysis/analyze';
import { cueModelSettings } from '../../lib/analysis/attribution-model';
import { spanModelSettings } from '../../lib/analysis/attribution-span-model';
import { endRankerSettings } from '../../lib/analysis/attribution';
import { taggedAttributions, taggerSettings } from '../../lib/analysis/attribution-tagger-model';
import { extraReportedReader } from '../../lib/analysis/quotes';
import { readPolnear, scoreKind, type KindScore } from './polnear';

const split = process.argv[2] === 'train' ? 'train' : 'dev';
const given = process.argv.slice(3).filter((a) => !a.startsWith('--')).map(Number).filter((x) => x >= 0);
const spans = process.argv.includes('--spans');
const ends = process.argv.includes('--ends');
const tagger = process.argv.includes('--tagger');
// The product does not run the tagger: plug it in as the further reader of reported speech to measure it.
if (tagger) extraReportedReader.read = taggedAttributions;
const thresholds = given.length ? given : [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];
const articles = readPolnear(resolve(import.meta.dirname, '../../../shared/datasets/polnear', split));
console.log(`PolNeAR ${split}: reported speech by ${tagger ? 'sequence-tagger margin' : spans ? 'span-model' : 'cue-model'} threshold (1.01 = model off; for the tagger, Infinity, its default)`);
console.log('threshold  pred     P      R   | direct P      R   speaker');
const pct = (a: number, b: number): string => (b ? (100 * a) / b : 0).toFixed(1).padStart(5);
for (const threshold of thresholds) {
  if (ends) Object.assign(endRankerSettings, threshold > 100 ? { mode: 'object', margin: 0 } : { mode: 'all', margin: threshold });
  else if (tagger) taggerSettings.threshold = threshold;
  else if (spans) spanModelSettings.threshold = threshold;
  else cueModelSettings.threshold = threshold;
  const empty = (): KindScore => ({ gold: 0, predicted: 0, matched: 0, predictedRight: 0, speakerChecked: 0, speakerRight: 0 });
  const reported = empty();
  const direct = empty();
  for (const article of articles) {
    const quotes = analyzeText(article.text).quotes;
    scoreKind(article, quotes, false, reported);
    scoreKind(article, quotes, true, direct);
  }
  console.log(`${threshold.toFixed(2).padStart(9)}  ${String(reported.predicted).padStart(4)}  ${pct(reported.predictedRight, reported.predicted)}  ${pct(reported.matched, reported.gold)}   |       ${pct(direct.predictedRight, direct.predicted)}  ${pct(direct.matched, direct.gold)}  ${pct(direct.speakerRight, direct.speakerChecked)}`);
}
