// Capital-letter words that are not names: acronyms the article spells out in lower-case words
// ("hypersensitivity pneumonitis, or HP", "a gas chromatograph (GC)"), time zones after a clock time
// ("11:21 pm CST", "(1139 HKT)"), wire codes glued to a period (" .DJI") and units or statistics
// after a number ("3 GW", "1 TFL, 2 QH") or before a model number ("GTX 1660").
import { gazetteerType, isWorldPlace } from './gazetteer';
import { isStateCode } from './name-heads';
import type { Token } from './tokens';

const ACRONYM = /^\p{Lu}{2,6}$/u;
const PLURAL_ACRONYM = /^\p{Lu}{2,6}s$/u;

/** A cheap test before the Unicode ones (most tokens fail it): an ASCII opening must be A-Z, in 2 to 7 characters. */
function mayBeAcronym(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 128) return true;
  return c >= 65 && c <= 90 && text.length >= 2 && text.length <= 7;
}

const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']);

/** Words that may stand between a spelled-out phrase and its acronym: "(", ", or", "known as", "called". */
const LINK_WORDS = new Set(['(', ',', 'or', 'known', 'as', 'called', 'the', 'for', 'of', 'aka']);

/** Minor words a spelled-out phrase may hold without giving a letter: "Office of the ...". */
const SKIPPED = new Set(['of', 'and', 'the', 'for', 'to', 'in', 'on', '&']);

function lowerWord(t: Token | undefined): boolean {
  return !!t && t.isWord && !t.isCap && /^\p{Ll}/u.test(t.text);
}

/** The lower-case words ending at `end` (backwards) or starting at `start` (forwards) spell `letters`. */
function spells(tokens: Token[], from: number, step: 1 | -1, letters: string): boolean {
  let pos = step === -1 ? letters.length - 1 : 0;
  let i = from;
  let words = 0;
  while (words < letters.length + 4) {
    const t = tokens[i];
    if (!lowerWord(t)) return false;
    words++;
    const text = t!.text;
    if (SKIPPED.has(text)) {
      i += step;
      continue;
    }
    // A hyphenated word may give one letter per part ("long-term" -> LT) or one in all.
    const parts = text.split('-').filter(Boolean);
    const initials = parts.map((p) => p[0]!).join('');
    const candidates = parts.length > 1 ? [initials, initials[0]!] : [initials];
    let matched = false;
    for (const c of candidates) {
      const slice = step === -1 ? letters.slice(pos - c.length + 1, pos + 1) : letters.slice(pos, pos + c.length);
      if (slice === c) {
        pos += step === -1 ? -c.length : c.length;
        matched = true;
        break;
      }
    }
    if (!matched) return false;
    if (step === -1 ? pos < 0 : pos >= letters.length) return true;
    i += step;
  }
  return false;
}

/** The acronym at `i` is spelled out in lower-case words just before or after it. */
function spelledOut(tokens: Token[], i: number): boolean {
  const letters = tokens[i]!.text.replace(/s$/, '').toLowerCase();
  if (letters.length < 2) return false;
  // Back over linking words to the phrase: "pneumonitis, or HP", "chromatograph (GC)".
  let b = i - 1;
  for (let n = 0; n < 3 && tokens[b] && LINK_WORDS.has(tokens[b]!.text.toLowerCase()) && tokens[b]!.breakBefore === 0; n++) b--;
  if (b < i - 1 && tokens[b] && tokens[i]!.breakBefore === 0 && spells(tokens, b, -1, letters)) return true;
  // Forward: "called PD for power delivery", "HP (hypersensitivity pneumonitis)".
  let f = i + 1;
  for (let n = 0; n < 2 && tokens[f] && LINK_WORDS.has(tokens[f]!.text.toLowerCase()) && tokens[f]!.breakBefore === 0; n++) f++;
  return f > i + 1 && !!tokens[f] && tokens[f]!.breakBefore === 0 && spells(tokens, f, 1, letters);
}

/** "11:21 pm CST", "0339 GMT", "(1139 HKT)", "8:02 am ET". */
function timeZone(tokens: Token[], i: number): boolean {
  const text = tokens[i]!.text;
  if (!/^\p{Lu}{1,3}T$/u.test(text) || tokens[i]!.breakBefore > 0) return false;
  const prev = tokens[i - 1]?.text ?? '';
  return /^\d{1,2}:\d{2}$/.test(prev) || /^\d{3,4}$/.test(prev) || /^[ap]\.?m\.?$/i.test(prev);
}

/** " .DJI", " .SPX": a wire service's market code, the period glued to the letters. */
function wireCode(tokens: Token[], i: number): boolean {
  const dot = tokens[i - 1];
  return !!dot && dot.text === '.' && dot.end === tokens[i]!.start && (i < 2 || tokens[i - 2]!.end < dot.start);
}

/** "3 GW", "1 TFL", "two TD passes". */
function afterNumber(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev || tokens[i]!.breakBefore > 0) return false;
  return /^\d{1,3}(?:\.\d+)?$/.test(prev.text) || NUMBER_WORDS.has(prev.text);
}

/** "306 HP", "1.5 GB": a measure too large or too fine to count bodies, whatever the lists know the letters as. */
function afterMeasure(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return !!prev && tokens[i]!.breakBefore === 0 && /^(?:\d{3,4}|\d+\.\d+)$/.test(prev.text) && !YEAR.test(prev.text);
}

/** A year after an acronym belongs to the sentence ("the NFL 2019 season"), not to a model's name. */
const YEAR = /^(?:1[89]|20)\d\d$/;

/**
 * "GTX 1660", "RTX 2060", "LGP-30", "VEGA 20": capitals glued to a model number name a product
 * line, not a body (a ranked list's "No. 3" or a year aside).
 */
function beforeModelNumber(tokens: Token[], i: number): boolean {
  if (isStateCode(tokens[i]!.text)) return false;
  let next = tokens[i + 1];
  if (next?.text === '-' && next.start === tokens[i]!.end) next = tokens[i + 2];
  if (!next || next.breakBefore > 0 || YEAR.test(next.text)) return false;
  return /^\d+[\p{L}\d]*$/u.test(next.text) && /\d{2}/.test(next.text);
}

/**
 * Acronyms on the page that name no one: every use of it is spelled out in lower-case words, a
 * time zone, a wire code, a unit after a number or a product line before its model number. Names the lists know ("NBA") are dropped only when
 * the page spells them out in lower-case words, or writes them only after a measure's number ("306 HP").
 */
export function commonAcronyms(tokens: Token[]): Set<string> {
  const seen = new Map<string, boolean>();
  const measured = new Map<string, boolean>();
  let spelled: Set<string> | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!mayBeAcronym(t.text) || (!ACRONYM.test(t.text) && !PLURAL_ACRONYM.test(t.text))) continue;
    if (spelledOut(tokens, i)) (spelled ??= new Set()).add(t.text);
    const common = timeZone(tokens, i) || wireCode(tokens, i) || afterNumber(tokens, i) || beforeModelNumber(tokens, i);
    seen.set(t.text, (seen.get(t.text) ?? true) && common);
    measured.set(t.text, (measured.get(t.text) ?? true) && afterMeasure(tokens, i));
  }
  const out = new Set<string>();
  for (const [text, always] of seen) if (always && ((!gazetteerType(text) && !isWorldPlace(text)) || measured.get(text))) out.add(text);
  // The page's own spelling-out outranks the lists ("HP" for a disease, not the company).
  for (const text of spelled ?? []) out.add(text);
  return out;
}
