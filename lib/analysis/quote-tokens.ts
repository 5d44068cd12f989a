// A small word tokenizer for attribution parsing: words keep inner apostrophes, hyphens and dots
// ("didn't", "Ki-moon", "U.S."), and abbreviations keep their final dot ("Mr.", "U.S.").
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

/** Tokens of text[start, end). At most `limit` tokens (the scan stops there). */
export function tokenize(text: string, start: number, end: number, limit = Number.POSITIVE_INFINITY): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end && tokens.length < limit) {
    const ch = text[i];
    if (isWhitespace(ch)) {
      i++;
      continue;
    }
    if (!isWordChar(ch)) {
      tokens.push({ start: i, end: i + 1, text: ch as string, lower: ch as string, isWord: false });
      i++;
      continue;
    }
    let j = i + 1;
    let hasInnerDot = false;
    for (;;) {
      while (j < end && isWordChar(text[j])) j++;
      // "9/11", "24/7": a slash between digits is inside the word.
      const slashed = text[j] === '/' && isDigit(text[j - 1]) && isDigit(text[j + 1]);
      if (j + 1 < end && (INNER_JOINERS.has(text[j] as string) || slashed) && isWordChar(text[j + 1])) {
        if (text[j] === '.') hasInnerDot = true;
        j += 2;
        continue;
      }
      break;
    }
    let word = text.slice(i, j);
    const lowerBare = word.toLowerCase();
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
