// A last look at each reported content every reader has found (lib/model/reported-filter.json, trained on PolNeAR
// train by scripts/train-reported-filter.ts): a logistic model over what the readers knew when they cut it (which
// reader, the cue word, the speaker's kind, the content's edges and length) gives the probability that it is a gold
// reported content as the PolNeAR scorer counts it; one below the threshold (chosen on PolNeAR dev) is not shown.
// Constant work per content.
import model from '../model/reported-filter.json';
import { stem } from './attribution-features';
import { tokenize, type Token } from './quote-tokens';

const WEIGHTS: ReadonlyMap<string, number> = new Map(Object.entries(model.weights));

/** What the filter reads of one reported content. */
export interface ReportedItem {
  start: number;
  end: number;
  /** The cue's word, lowercased ('' for none). */
  cue: string;
  /** Which reader found it and where its cue is ("pattern|before", "learned|after"). */
  origin: string;
  /** The kind of the speaker phrase ("entity", "pronoun", "phrase" …; '' for none). */
  refKind: string;
  /** Did the speaker resolve to someone named? */
  named: boolean;
}

export const reportedFilterSettings: { threshold: number; observe: ((text: string, item: ReportedItem) => void) | null } = {
  threshold: model.threshold, observe: null,
};

/** Capitalised words that open a content as ordinary words ("The plan …", "He said …"). */
const COMMON_OPENERS = new Set(['the', 'a', 'an', 'he', 'she', 'they', 'it', 'we', 'i', 'this', 'that', 'there', 'his', 'her', 'their', 'its', 'if', 'in', 'no', 'not', 'some', 'most', 'many']);

function bucket(n: number): string {
  return n <= 2 ? String(n) : n <= 5 ? '3-5' : n <= 10 ? '6-10' : n <= 20 ? '11-20' : n <= 40 ? '21-40' : '41+';
}

/** The first non-space character after `end` (what the content stops at). */
function stopAt(text: string, end: number): string {
  for (let i = end; i < text.length && i < end + 4; i++) if (text[i] !== ' ') return /[\p{L}\p{N}]/u.test(text[i] as string) ? 'w' : (text[i] as string);
  return '</s>';
}

/** The word right before the content ("that", "said", a comma). */
function wordBefore(text: string, start: number): string {
  let i = start - 1;
  while (i >= 0 && text[i] === ' ') i--;
  if (i < 0) return '<s>';
  if (!/[\p{L}\p{N}]/u.test(text[i] as string)) return text[i] as string;
  let j = i;
  while (j > 0 && /[\p{L}\p{N}'’-]/u.test(text[j - 1] as string)) j--;
  return text.slice(j, i + 1).toLowerCase();
}

export function filterFeatures(text: string, item: ReportedItem): string[] {
  const tokens: Token[] = tokenize(text, item.start, item.end, 200);
  const words = tokens.filter((t) => t.isWord);
  // Words by their lower-case form; a capitalised one only as 'C' (a name says nothing general).
  const form = (t: Token | undefined): string => (!t ? '' : /^\p{Lu}/u.test(t.text) && t !== words[0] ? 'C' : /^\p{Lu}\p{Ll}/u.test(t.text) && !COMMON_OPENERS.has(t.lower) ? 'C' : t.lower);
  const first = form(words[0]);
  const last = form(words[words.length - 1]);
  let punct = '';
  for (const t of tokens) if (!t.isWord && t.text !== '.' && punct.length < 3) punct += t.text === ',' ? ',' : t.text === ';' || t.text === ':' ? ';' : '-';
  const cue = stem(item.cue);
  const len = bucket(words.length);
  const stop = stopAt(text, item.end);
  const before = wordBefore(text, item.start);
  const who = `${item.refKind}|${item.named ? 'n' : '-'}`;
  return [
    'b', `o=${item.origin}`, `cue=${cue}`, `co=${cue}|${item.origin}`, `who=${who}`, `owho=${item.origin}|${who}`, `cwho=${cue}|${who}`,
    `len=${len}`, `olen=${item.origin}|${len}`, `clen=${cue}|${len}`, `first=${first}`, `last=${last}`, `stop=${stop}`, `ostop=${item.origin}|${stop}`,
    `before=${before}`, `cbefore=${cue}|${before}`, `punct=${punct}`, `plen=${punct}|${len}`, `cap=${/^\p{Lu}/u.test(words[0]?.text ?? '') ? 'C' : 'l'}`,
  ];
}

export function keepProbability(text: string, item: ReportedItem): number {
  let z = 0;
  for (const f of filterFeatures(text, item)) z += WEIGHTS.get(f) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** Is this reported content likely enough to show? */
export function keepReported(text: string, item: ReportedItem): boolean {
  reportedFilterSettings.observe?.(text, item);
  if (WEIGHTS.size === 0 || reportedFilterSettings.threshold <= 0) return true;
  return keepProbability(text, item) >= reportedFilterSettings.threshold;
}
