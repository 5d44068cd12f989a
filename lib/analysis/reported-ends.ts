// Where a reported content ends, decided once more after every reader has cut it (lib/model/reported-ends.json,
// trained on PolNeAR train by scripts/train-reported-ends.ts). The readers often run a content on past its end
// ("Smith said [the plan would fail], and the vote was put off", "… [the bill is dead] after the vote on Monday"):
// most wrong reported spans on PolNeAR overrun the gold end. A ranking model reads every place the content could end
// (a punctuation mark, or a word that opens a clause or phrase: attribution-features.ts's isEndCandidate) and the
// content's own end, and keeps the best; the readers' end wins ties. Linear in the content's length.
import model from '../model/reported-ends.json';
import { endFeaturesCounted, isEndCandidate, norm, stem } from './attribution-features';
import { tokenize, type Token } from './quote-tokens';

const WEIGHTS: ReadonlyMap<string, number> = new Map(Object.entries(model.weights));

/** Switched off only by the trainer (which learns from the readers' own ends, handed to `observe`) and the sweep. */
export const reportedEndSettings: { on: boolean; margin: number; observe: ((text: string, start: number, end: number, cue: string, origin: string) => void) | null } = {
  on: true, margin: model.margin, observe: null,
};

/** Words a trimmed content keeps at least. */
const MIN_WORDS = 3;

/** One place a content may end: the index of the token it ends before (tokens.length: where the readers end it). */
export interface EndChoice {
  j: number;
  feats: string[];
}

function bucket(n: number): string {
  return n <= 2 ? String(n) : n <= 5 ? '3-5' : n <= 10 ? '6-10' : n <= 20 ? '11-20' : '21+';
}

/** The content's own end as a choice: what it ends with, how long it is, and who cut it. */
function keepFeatures(tokens: readonly Token[], words: number, cue: string, origin: string): string[] {
  const last = tokens[tokens.length - 1];
  const lastWord = [...tokens].reverse().find((t) => t.isWord);
  return ['K', `K:o=${origin}`, `K:len=${bucket(words)}`, `K:olen=${origin}|${bucket(words)}`, `K:cue=${stem(cue)}`, `K:last=${norm(last, '')}`, `K:lw=${norm(lastWord, '')}`];
}

/**
 * The choices for a content of `tokens` (the content's own tokens), its cue's last word and its origin ('pattern',
 * 'learned'): the content's own end first, then every earlier end that leaves MIN_WORDS words.
 */
export function endChoices(tokens: readonly Token[], cue: string, origin: string): EndChoice[] {
  let total = 0;
  for (const t of tokens) if (t.isWord) total++;
  const out: EndChoice[] = [{ j: tokens.length, feats: keepFeatures(tokens, total, cue, origin) }];
  let words = 0; // in [0, j)
  let commas = 0;
  for (let j = 1; j < tokens.length; j++) {
    const prev = tokens[j - 1] as Token;
    if (prev.isWord) words++;
    else if (prev.text === ',') commas++;
    if (words < MIN_WORDS || !isEndCandidate(tokens, j)) continue;
    const base = endFeaturesCounted(tokens, 0, j, cue, total - words, commas);
    const w = norm(tokens[j], '');
    out.push({ j, feats: [...base.map((f) => `E:${f}`), `E:o=${origin}|${w}`, `E:cut=${bucket(total - words)}`, `E:kept=${bucket(words)}|${bucket(total - words)}`] });
  }
  return out;
}

export function choiceScore(feats: readonly string[], weights: ReadonlyMap<string, number> = WEIGHTS): number {
  let z = 0;
  for (const f of feats) z += weights.get(f) ?? 0;
  return z;
}

/** The end of a reported content [start, end) of `text` after the ranking model: `end` or an earlier token end. */
export function reportedEnd(text: string, start: number, end: number, cue: string, origin: string, margin = reportedEndSettings.margin): number {
  reportedEndSettings.observe?.(text, start, end, cue, origin);
  if (!reportedEndSettings.on || WEIGHTS.size === 0) return end;
  const tokens = tokenize(text, start, end);
  if (tokens.length < 2 * MIN_WORDS) return end;
  const choices = endChoices(tokens, cue, origin);
  let best = choices[0] as EndChoice;
  let bestScore = choiceScore(best.feats) + margin;
  for (let k = 1; k < choices.length; k++) {
    const c = choices[k] as EndChoice;
    const z = choiceScore(c.feats);
    if (z > bestScore) {
      best = c;
      bestScore = z;
    }
  }
  if (best.j >= tokens.length) return end;
  let to = best.j;
  while (to > 0 && !(tokens[to - 1] as Token).isWord) to--;
  return to > 0 ? (tokens[to - 1] as Token).end : end;
}
