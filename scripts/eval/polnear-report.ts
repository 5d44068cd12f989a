// `npx tsx scripts/eval/polnear-report.ts [dev|train] [--no-baseline]`: the PolNeAR table of `npm run eval`
// for one split, without the other sections (quicker while working on attribution).
import { resolve } from 'node:path';
import { analyzeText } from '../../lib/analysis/analyze';
import { compromiseAnalysis } from './compromise-baseline';
import { polnearTable, readPolnear, type PolnearSystem } from './polnear';

const split = process.argv[2] === 'train' ? 'train' : 'dev';
const articles = readPolnear(resolve(import.meta.dirname, '../../../shared/datasets/polnear', split));
const systems: PolnearSystem[] = [{ name: 'lede', analyse: analyzeText }];
if (!process.argv.includes('--no-baseline')) systems.push({ name: 'compromise', analyse: compromiseAnalysis });
console.log(`PolNeAR ${split} (${articles.length} articles)`);
for (const line of polnearTable(articles, systems)) console.log(line);
