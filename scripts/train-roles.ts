// `npx tsx scripts/train-roles.ts` (part of `npm run train`): learns the words of "who is this" phrases from
// PolNeAR TRAIN Source spans (never dev, which `npm run eval` uses to score description extraction) and
// writes lib/model/roles.json:
//   heads:     lower-case nouns that end a person's role or description: "spokesman", "counsel", "pollster"
//              (from "Name, [a] … HEAD of/at/…" and "… HEAD Firstname Lastname");
//   modifiers: lower-case words seen before such a head inside the phrase ("senior", "press", "campaign").
// A word is kept when it plays that part often enough and in a fair share of all its uses in train text, so
// verbs and function words ("said", "the") stay out. Each word keeps its counts [in phrases, in all text].
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readPolnear } from './eval/polnear';

const root = resolve(import.meta.dirname, '..');
const outPath = process.argv.includes('--out') ? resolve(process.argv[process.argv.indexOf('--out') + 1]!) : resolve(root, 'lib/model/roles.json');
const train = readPolnear(resolve(root, '../shared/datasets/polnear/train'));

const MIN_HEAD_COUNT = 2;
const MIN_HEAD_SHARE = 0.02;
const MIN_MODIFIER_COUNT = 2;
const MIN_MODIFIER_SHARE = 0.01;
/** Closed-class words handled by the rules themselves, never learned. */
const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'of', 'at', 'for', 'to', 'in', 'on', 'with', 'from', 'by', 'as', 'who', 'whose', 'which',
  'that', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'another', 'one', 'two', 'three', 'some', 'many', 'most', 'all',
  'both', 'other', 'this', 'these', 'those', 'he', 'she', 'they', 'it', 'we', 'i', 'you', 'is', 'was', 'are', 'were', 'be',
  'has', 'had', 'have', 'said', 'says', 'told', 'also', 'not', 'now', 'then', 'than', 'but', 'so', 'about', 'after', 'when',
  'while', 'there', 'here', 'what', 'how', 'why', 'where', 'into', 'over', 'under', 'more', 'less', 'very', 'just', 'only',
  'former', 'ex', 'been', 'being', 'will', 'would', 'can', 'could', 'may', 'might', 'should', 'did', 'does', 'do', 'mr', 'ms',
  'mrs', 'dr', 'including', 'like', 'such', 'among', 'against', 'between', 'through', 'during', 'before', 'without', 'within',
]);
/** After the head of an appositive: where its noun phrase ends. */
const PHRASE_ENDS = new Set(['of', 'at', 'for', 'to', 'in', 'with', 'from', 'on', 'who', 'whose', 'which', 'that', 'and', 'or', 'since', 'until', 'based']);

const words = (s: string): string[] => s.match(/[\p{L}\p{N}][\p{L}\p{N}.'’-]*|,/gu) ?? [];
const isCap = (w: string): boolean => /^\p{Lu}/u.test(w);
const isLower = (w: string): boolean => /^[a-z][a-z-]*[a-z]$/.test(w);
const total = new Map<string, number>();
const heads = new Map<string, number>();
const modifiers = new Map<string, number>();
const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);

/** Lower-case words before `head` in a phrase, back to a determiner or the phrase start. */
function countModifiers(ws: string[], head: number): void {
  for (let i = head - 1; i >= 0; i--) {
    const w = ws[i]!;
    if (w === ',' || !isLower(w) || FUNCTION_WORDS.has(w)) break;
    bump(modifiers, w);
  }
}

for (const article of train) {
  for (const w of words(article.text)) if (isLower(w)) bump(total, w);
  for (const a of article.attributions) {
    const ws = words(a.source.replace(/[()"“”]/g, ' '));
    // "Firstname Lastname, [a] … head of …": a name of 1-4 capitalised words, a comma, a lower-case phrase.
    let n = 0;
    while (n < ws.length && n < 4 && isCap(ws[n]!)) n++;
    if (n >= 1 && ws[n] === ',' && ws[n + 1] && !isCap(ws[n + 1]!)) {
      let i = n + 1;
      while (i < ws.length && !PHRASE_ENDS.has(ws[i]!) && ws[i] !== ',') i++;
      const head = ws[i - 1]!;
      if (i - 1 > n && isLower(head) && !FUNCTION_WORDS.has(head)) {
        bump(heads, head);
        countModifiers(ws, i - 1);
      }
    }
    // "… head Firstname Lastname": a lower-case word right before a final run of two or more capitalised words.
    let k = ws.length;
    while (k > 0 && isCap(ws[k - 1]!)) k--;
    if (ws.length - k >= 2 && k >= 1 && isLower(ws[k - 1]!) && !FUNCTION_WORDS.has(ws[k - 1]!)) {
      bump(heads, ws[k - 1]!);
      countModifiers(ws, k - 1);
    }
  }
}

function keep(counts: Map<string, number>, minCount: number, minShare: number): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const [w, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const all = total.get(w) ?? c;
    if (c >= minCount && c / all >= minShare) out[w] = [c, all];
  }
  return out;
}

const model = { heads: keep(heads, MIN_HEAD_COUNT, MIN_HEAD_SHARE), modifiers: keep(modifiers, MIN_MODIFIER_COUNT, MIN_MODIFIER_SHARE) };
writeFileSync(outPath, JSON.stringify(model) + '\n');
console.log(`roles: ${Object.keys(model.heads).length} heads, ${Object.keys(model.modifiers).length} modifiers -> ${outPath}`);
