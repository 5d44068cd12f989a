// Features of one token for the learned attribution-cue model (attribution-model.ts), shared with its
// trainer (scripts/train-attribution.ts) so both read a sentence the same way. Only the words around the
// token and their shapes: no parser, so a sentence costs linear time.
import { isCapitalized, type Token } from './quote-tokens';

export const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you', 'who']);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'this', 'these', 'those', 'some', 'any', 'no', 'all', 'every']);
const AUXILIARIES = new Set(['has', 'have', 'had', 'is', 'was', 'are', 'were', 'be', 'been', 'will', 'would', 'to', 'did', 'does', 'do', 'also', 'not', 'can', 'could', 'may', 'might', 'should', 'must']);
const PREPOSITIONS = new Set(['in', 'on', 'at', 'for', 'of', 'about', 'with', 'by', 'from', 'to', 'during', 'over', 'after', 'before', 'against']);

/** The word with a regular inflection cut off ("warned", "warns", "warning" -> "warn"): one cue, many forms. */
export function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ied')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('es') && /(ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

const PREFIX_BITS = 1 << 16;

/** A 16-bit hash of a lower-case word's first three characters, curly apostrophes straightened as norm does. */
export function prefixKey(w: string): number {
  let h = 0;
  for (let k = 0; k < 3 && k < w.length; k++) {
    const c = w.charCodeAt(k);
    h = Math.imul(h, 31) + (c === 0x2019 ? 0x27 : c);
  }
  return h & (PREFIX_BITS - 1);
}

/**
 * The prefixKeys of `words` and of every word whose stem is one of them: a word whose key is missing is neither,
 * which a scorer learns from its characters without hashing the word as a string (most words of a sentence).
 * A stem keeps its word's first three characters, but for the "y" of "spied" -> "spy".
 */
export function stemPrefixTable(words: Iterable<string>): Uint8Array {
  const table = new Uint8Array(PREFIX_BITS);
  for (const w of words) {
    table[prefixKey(w)] = 1;
    if (w.length === 3 && w.endsWith('y')) table[prefixKey(`${w.slice(0, 2)}i`)] = 1;
  }
  return table;
}

/** The part a neighbouring word plays, roughly: what a cue is followed or preceded by. */
export function wordClass(t: Token | undefined): string {
  if (!t) return '_';
  if (!t.isWord) return t.text;
  const w = t.lower;
  return fixedWordClass(w) ?? (isCapitalized(t) ? 'C' : w.endsWith('ly') ? 'ly' : 'l');
}

/** wordClass of a word token whose lower-case form is `w`, when that alone decides it (else null: 'C', 'ly' or 'l'). */
export function fixedWordClass(w: string): string | null {
  if (w === 'that' || w === 'to' || w === 'whether' || w === 'if') return w;
  if (SUBJECT_PRONOUNS.has(w)) return 'pro';
  if (DETERMINERS.has(w)) return 'det';
  if (AUXILIARIES.has(w)) return 'aux';
  if (PREPOSITIONS.has(w)) return 'prep';
  if (/^\d/.test(w)) return '9';
  return null;
}

/** A coarse shape: capitalised word, lowercase word, number or punctuation (the character itself). */
export function shape(t: Token | undefined): string {
  if (!t) return '_';
  if (!t.isWord) return t.text;
  if (/^\d/.test(t.text)) return '9';
  if (SUBJECT_PRONOUNS.has(t.lower)) return 'pro';
  return isCapitalized(t) ? 'C' : 'l';
}

export function bucket(n: number): string {
  return n <= 3 ? String(n) : n <= 6 ? '4-6' : n <= 12 ? '7-12' : '13+';
}

/** Normalised word: curly apostrophes straightened, so "don’t" and "don't" are one feature. */
export function norm(t: Token | undefined, edge: string): string {
  if (!t) return edge;
  return t.lower.includes('\u2019') ? t.lower.replace(/\u2019/g, "'") : t.lower;
}

/**
 * The features of token `i` of a sentence's `tokens` (as strings; the model maps them to weights). `wordsAfter`
 * is the number of word tokens after `i` in the sentence (the caller counts them once per sentence).
 */
export function cueFeatures(tokens: readonly Token[], i: number, wordsAfter: number, typeOf: EntityTypeOf = () => ''): string[] {
  const t = tokens[i] as Token;
  const w = norm(t, '');
  const p = norm(tokens[i - 1], '<s>');
  const pp = norm(tokens[i - 2], '<s>');
  const n = norm(tokens[i + 1], '</s>');
  const nn = norm(tokens[i + 2], '</s>');
  const out = [
    'b', `w=${w}`, `s3=${w.slice(-3)}`, `s2=${w.slice(-2)}`, `p=${p}`, `pp=${pp}`, `n=${n}`, `nn=${nn}`,
    `wn=${w}|${n}`, `pw=${p}|${w}`, `wnn=${w}|${n}|${nn}`, `sh=${shape(tokens[i - 1])}${shape(t)}${shape(tokens[i + 1])}`,
    `rem=${bucket(wordsAfter)}`, `pos=${bucket(i)}`, `sn=${w.slice(-2)}|${shape(tokens[i + 1])}`,
  ];
  const lem = stem(w);
  const nc = wordClass(tokens[i + 1]);
  const pc = wordClass(tokens[i - 1]);
  out.push(`l=${lem}`, `ln=${lem}|${nc}`, `pl=${pc}|${lem}`, `pln=${pc}|${lem}|${nc}`, `cls=${pc}|${wordClass(t)}|${nc}`, `lnn=${lem}|${nc}|${wordClass(tokens[i + 2])}`);
  const subject = subjectBefore(tokens, i);
  const subjectType = !subject ? '<s>' : !subject.isWord ? subject.text : SUBJECT_PRONOUNS.has(subject.lower) ? 'pro' : typeOf(subject) || (isCapitalized(subject) ? 'C' : 'l');
  out.push(`st=${subjectType}`, `stl=${subjectType}|${stem(w)}`, `sw=${subject?.isWord && !isCapitalized(subject) ? subject.lower : subjectType}`);
  // "that" a few words on with nothing but words and commas between ("told reporters on Monday that").
  for (let k = i + 1; k < tokens.length && k <= i + 7; k++) {
    const u = tokens[k] as Token;
    if (u.lower === 'that') {
      out.push(`that@${k - i <= 1 ? 1 : 'n'}`, `wthat=${w}`);
      break;
    }
    if (!u.isWord && u.text !== ',') break;
  }
  // A subject-like word within the three before: a pronoun, a name, or a noun after a determiner.
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const u = tokens[k] as Token;
    if (!u.isWord) break;
    if (SUBJECT_PRONOUNS.has(u.lower) || isCapitalized(u)) {
      out.push(`subj@${i - k}`);
      break;
    }
  }
  return out;
}

/** The type of the named entity a token belongs to ('person', 'organization', 'place'), or '' for none. */
export type EntityTypeOf = (t: Token) => string;

/** Fillers between a subject and its verb ("has also said", "now says"). */
const SUBJECT_FILLERS = new Set(['has', 'have', 'had', 'is', 'was', 'are', 'were', 'also', 'will', 'would', 'did', 'does', 'not', 'now', 'then', 'again', 'already', 'still', 'been', 'being', 'just', 'even', 'repeatedly', 'later']);

/** The word that most probably is the subject of the verb at `i`: the word before it, fillers and -ly adverbs skipped. */
export function subjectBefore(tokens: readonly Token[], i: number): Token | undefined {
  let k = i - 1;
  while (k >= 0 && i - k <= 4 && tokens[k]?.isWord && (SUBJECT_FILLERS.has((tokens[k] as Token).lower) || /ly$/.test((tokens[k] as Token).lower))) k--;
  return tokens[k];
}

/** Word tokens after each index: `after[i]` counts the words in tokens (i, end). */
export function wordsAfterEach(tokens: readonly Token[]): Int32Array {
  const after = new Int32Array(tokens.length);
  let count = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    after[i] = count;
    if ((tokens[i] as Token).isWord) count++;
  }
  return after;
}

/** Words before which a reported content may end ("…, but offered no proof", "… on Twitter", "… while …"). */
const END_WORDS = new Set([
  'but', 'while', 'as', 'and', 'because', 'after', 'before', 'when', 'which', 'who', 'although', 'though', 'on', 'in',
  'at', 'during', 'according', 'with', 'including', 'despite', 'since', 'amid', 'until', 'if', 'so', 'where', 'whose',
  'for', 'to', 'from', 'by', 'than', 'or', 'over', 'about', 'via', 'through', 'without', 'even', 'instead', 'following',
]);

/** Words that open a subordinate clause. */
export const SUBORDINATORS = new Set(['if', 'when', 'while', 'although', 'though', 'as', 'because', 'after', 'before', 'once', 'unless', 'until', 'since', 'whether']);

/** Can the content end before token `j` (a punctuation mark, or a word that opens a new clause or phrase)? */
export function isEndCandidate(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j] as Token;
  return !t.isWord ? t.text !== '.' && t.text !== '\'' && t.text !== '\u2019' && t.text !== '-' : END_WORDS.has(t.lower) || (t.lower.endsWith('ing') && !tokens[j - 1]?.isWord);
}

/** Features of ending a content that starts at token `from` right before token `j` (`j` = tokens.length: at the
 * sentence end). `cue` is the cue's last word. */
export function endFeatures(tokens: readonly Token[], from: number, j: number, cue: string): string[] {
  if (j >= tokens.length) return endFeaturesCounted(tokens, from, j, cue, 0, 0);
  let words = 0;
  for (let k = j; k < tokens.length; k++) if ((tokens[k] as Token).isWord) words++;
  let commas = 0;
  for (let k = from; k < j; k++) if ((tokens[k] as Token).text === ',') commas++;
  return endFeaturesCounted(tokens, from, j, cue, words, commas);
}

/** endFeatures given the word tokens in [j, end) and the commas in [from, j), which a caller reading every end of
 * one content counts as it goes. */
export function endFeaturesCounted(tokens: readonly Token[], from: number, j: number, cue: string, words: number, commas: number): string[] {
  if (j >= tokens.length) return ['b', 'end', `endcue=${stem(cue)}`, `endlen=${bucket(j - from)}`];
  const t = tokens[j] as Token;
  const w = norm(t, '');
  const next = tokens[j + 1];
  const nw = norm(next, '</s>');
  const prev = norm(tokens[j - 1], '<s>');
  // "if elected, he would …": a content that opens with a subordinate clause goes on past its first comma.
  const opener = SUBORDINATORS.has(norm(tokens[from], '')) ? 'sub' : wordClass(tokens[from]);
  return [
    `open=${opener}|${w}|${Math.min(commas, 2)}`,
    'b', `w=${w}`, `wn=${w}|${nw}`, `wnc=${w}|${wordClass(next)}`, `pw=${prev}|${w}`, `pcw=${wordClass(tokens[j - 1])}|${w}`,
    `len=${bucket(j - from)}`, `left=${bucket(words)}`, `wleft=${w}|${bucket(words)}`, `ning=${w}|${nw.endsWith('ing')}`,
    `cw=${stem(cue)}|${w}`, `wlen=${w}|${bucket(j - from)}`,
  ];
}

/** How far after its cue a content may start ("told reporters on Monday in Ohio that …"). */
export const MAX_START_OFFSET = 10;

/** Features of a content that starts at token `k`, after a cue whose last word is token `c`. */
export function startFeatures(tokens: readonly Token[], c: number, k: number): string[] {
  const cue = stem(norm(tokens[c], ''));
  const w = norm(tokens[k], '');
  const p = norm(tokens[k - 1], '<s>');
  const between: string[] = [];
  let that = false;
  let punct = false;
  for (let i = c + 1; i < k; i++) {
    const t = tokens[i] as Token;
    if (t.lower === 'that') that = true;
    if (!t.isWord) punct = true;
    if (between.length < 4) between.push(wordClass(t)); // only the first four are read
  }
  const d = bucket(k - c - 1);
  return [
    'b', `d=${d}`, `w=${w}`, `p=${p}`, `pw=${p}|${wordClass(tokens[k])}`, `cd=${cue}|${d}`, `cp=${cue}|${p}`, `cw=${cue}|${wordClass(tokens[k])}`,
    `that=${that}|${d}`, `punct=${punct}`, `btw=${between.join('.')}`, `wc=${wordClass(tokens[k])}|${d}`,
  ];
}
