// A small word tokenizer for attribution parsing: words keep inner apostrophes, hyphens and dots
// ("didn't", "Ki-moon", "U.S."), and abbreviations keep their final dot ("Mr.", "U.S.").
import { lowerCase } from './lower-case';
import { isDigit, isLetter, isWhitespace } from './sentences';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lowercased text, without a trailing dot ("mr", "u.s"). */
  lower: string;
  isWord: boolean;
}

const INNER_JOINERS = new Set(["'", '\u2019', '-', '\u2010', '\u2011', '.', '&']);

/** Abbreviations whose final dot belongs to the word. */
const DOTTED_WORDS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt', 'capt', 'cmdr', 'adm', 'maj',
  'prof', 'rev', 'st', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'vs', 'no', 'messrs',
  'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec',
]);

function isWordChar(ch: string | undefined): boolean {
  return isLetter(ch) || isDigit(ch);
}

/** isWordChar(text[i]) with ASCII decided by code (the scan's per-character test). */
function isWordCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  return isWordChar(text[i]);
}

/** isWhitespace(text[i]) by code for ASCII. */
function isWhitespaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return isWhitespace(text[i]);
}

/** Tokens of text[start, end). At most `limit` tokens (the scan stops there). */
export function tokenize(text: string, start: number, end: number, limit = Number.POSITIVE_INFINITY): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end && tokens.length < limit) {
    if (isWhitespaceAt(text, i)) {
      i++;
      continue;
    }
    const ch = text[i];
    if (!isWordCharAt(text, i)) {
      tokens.push({ start: i, end: i + 1, text: ch as string, lower: ch as string, isWord: false });
      i++;
      continue;
    }
    let j = i + 1;
    let hasInnerDot = false;
    for (;;) {
      while (j < end && isWordCharAt(text, j)) j++;
      // "9/11", "24/7": a slash between digits is inside the word.
      const slashed = text[j] === '/' && isDigit(text[j - 1]) && isDigit(text[j + 1]);
      if (j + 1 < end && (INNER_JOINERS.has(text[j] as string) || slashed) && isWordCharAt(text, j + 1)) {
        if (text[j] === '.') hasInnerDot = true;
        j += 2;
        continue;
      }
      break;
    }
    let word = text.slice(i, j);
    const lowerBare = lowerCase(word);
    if (text[j] === '.' && j < end && (hasInnerDot || DOTTED_WORDS.has(lowerBare) || (word.length === 1 && isLetter(word)))) {
      j++;
      word += '.';
    }
    tokens.push({ start: i, end: j, text: word, lower: lowerBare, isWord: true });
    i = j;
  }
  return tokens;
}

export function isCapitalized(token: Token | undefined): boolean {
  if (!token || !token.isWord) return false;
  // ASCII by code (most words): only A-Z changes when lower-cased and stays when upper-cased.
  const c = token.text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  const first = token.text[0] as string;
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** Tokens without short parenthetical asides ("Sen. Claire McCaskill (D-Mo.) said" reads as "... McCaskill said"). */
export function withoutParentheticals(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.text === '(') {
      let close = -1;
      for (let j = i + 1; j < tokens.length && j <= i + 12; j++) {
        if ((tokens[j] as Token).text === ')') {
          close = j;
          break;
        }
      }
      if (close > 0) {
        i = close;
        continue;
      }
    }
    out.push(t);
  }
  return out;
}
