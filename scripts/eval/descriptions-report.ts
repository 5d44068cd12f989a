// `npx tsx scripts/eval/descriptions-report.ts [train|dev] [--misses]`: the description table of `npm run eval`
// on either PolNeAR split, with every miss on request. Tune on train; dev is the evaluation.
import { join, resolve } from 'node:path';
import { descriptionsTable } from './descriptions';
import { readPolnear } from './polnear';

const split = process.argv[2] === 'dev' ? 'dev' : 'train';
const misses: string[] = [];
const lines = descriptionsTable(readPolnear(join(resolve(import.meta.dirname, '../../../shared/datasets/polnear'), split)), misses);
console.log(`PolNeAR ${split}`);
for (const line of lines) console.log(line);
if (process.argv.includes('--misses')) for (const m of misses) console.log(m);
