// `npm run eval` table for the hand-labelled real news pages (shared/fixtures/gold-pages): each figure of
// shared/tools/score_pages.py for Lede beside the compromise baseline run on the same extracted text, with the
// pages split into the ones rules were tuned on and the ones kept aside (held out).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis } from '../../lib/analysis/types';
import { analyzeFile } from '../analyze';
import { compromiseAnalysis } from './compromise-baseline';
import { scoreGold, type GoldFile, type GoldScore, type Ratio } from './gold-score';

/** Pages nobody tunes on: their figures show how the rules carry to news they were not written for. */
export const HELD_OUT_PAGES: ReadonlySet<string> = new Set([
  'cnbc-com-ffc109d474fd',
  'newsweek-com-7f93c1944a41',
  'phys-org-e1c7023ee214',
  'washingtonexaminer-com-87bf60570e6e',
]);

export type PageSplit = 'tuning' | 'held out';

export interface PageResult {
  name: string;
  split: PageSplit;
  lede: GoldScore;
  compromise: GoldScore;
}

const RATIOS = ['people', 'people_linked', 'places', 'organizations', 'descriptions', 'quotes', 'quote_speakers'] as const;
const COUNTS = ['fp_mentions', 'wrong_type', 'banned', 'quote_fp'] as const;
const HEADERS: Record<(typeof RATIOS)[number] | (typeof COUNTS)[number], string> = {
  people: 'people',
  people_linked: 'linked',
  places: 'places',
  organizations: 'orgs',
  descriptions: 'descr',
  quotes: 'quotes',
  quote_speakers: 'speakr',
  fp_mentions: 'false/pg',
  wrong_type: 'wrongtype/pg',
  banned: 'banned/pg',
  quote_fp: 'quoteFP/pg',
};

/** Scores every gold page that has its page.html; `splits` limits which pages are read at all. */
export function scoreGoldPages(goldDir: string, pagesDir: string, splits: ReadonlySet<PageSplit>): PageResult[] {
  const results: PageResult[] = [];
  for (const file of readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort()) {
    const name = file.slice(0, -5);
    const split: PageSplit = HELD_OUT_PAGES.has(name) ? 'held out' : 'tuning';
    if (!splits.has(split)) continue;
    const page = join(pagesDir, name, 'page.html');
    if (!existsSync(page)) continue;
    const gold = JSON.parse(readFileSync(join(goldDir, file), 'utf8')) as GoldFile;
    const lede = analyzeFile(page);
    const baseline: Analysis & { text: string } = { text: lede.text, ...compromiseAnalysis(lede.text) };
    results.push({ name, split, lede: scoreGold(gold, lede), compromise: scoreGold(gold, baseline) });
  }
  return results;
}

function sumRatio(scores: GoldScore[], key: (typeof RATIOS)[number]): Ratio {
  return scores.reduce<Ratio>((a, s) => [a[0] + s[key][0], a[1] + s[key][1]], [0, 0]);
}

/** The table: one row per split and system, rates as found/total with a percentage, counts per page. */
export function goldPagesTable(results: PageResult[]): string[] {
  const lines: string[] = [];
  const head = ['pages'.padEnd(15), 'system'.padEnd(11), ...RATIOS.map((k) => HEADERS[k].padStart(13)), ...COUNTS.map((k) => HEADERS[k].padStart(13))];
  lines.push(head.join(''));
  for (const split of ['tuning', 'held out'] as const) {
    const rows = results.filter((r) => r.split === split);
    if (!rows.length) continue;
    for (const system of ['lede', 'compromise'] as const) {
      const scores = rows.map((r) => r[system]);
      const cells = RATIOS.map((k) => {
        const [a, b] = sumRatio(scores, k);
        return (b ? `${a}/${b} ${String(Math.round((100 * a) / b)).padStart(3)}%` : '-').padStart(13);
      });
      const counts = COUNTS.map((k) => (scores.reduce((a, s) => a + s[k], 0) / scores.length).toFixed(1).padStart(13));
      lines.push([`${split} (${rows.length})`.padEnd(15), system.padEnd(11), ...cells, ...counts].join(''));
    }
  }
  return lines;
}

/** Per page: Lede's summary and every miss line, as score_gold.py prints them. */
export function goldPagesMisses(results: PageResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    const s = r.lede;
    const figures = RATIOS.map((k) => `${HEADERS[k]} ${s[k][0]}/${s[k][1]}`).join(' · ');
    lines.push(`-- ${r.name} (${r.split}): ${figures}`);
    for (const m of s.misses) lines.push(`   ${m}`);
  }
  return lines;
}
