// Word tokens with the casing and position facts entity recognition needs.
// One linear pass with a sticky regex; no backtracking-prone patterns.
import { lowerCase } from './lower-case';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** text.toLowerCase(), computed once here and shared by every stage (and its Set lookups). */
  lower: string;
  /** A word (letters/digits, possibly with inner . ' ’ -) or a single punctuation character. */
  isWord: boolean;
  /** Starts with an upper-case letter ("Kerry", "CIA", "U.N.", "al-Assad"). */
  isCap: boolean;
  /** Two or more letters, none lower-case ("CIA", "RUSSIA", "U.S."). */
  isAllCaps: boolean;
  /** First token of a sentence, line or quotation: its capital says nothing. */
  sentenceStart: boolean;
  /** Newlines between this token and the previous one (0, 1, or 2 for a blank line or more). */
  breakBefore: number;
  /**
   * Token sits where casing says nothing about names: a sentence in capitals (set here) or a
   * title-case heading line (set by entity recognition, which knows ordinary words).
   */
  inCapsSentence: boolean;
  /** On a byline, wire, contributor or credit line (page-lines.ts): no name is read here. */
  furniture?: boolean;
}

// Abbreviations that keep their final period as part of the word.
const ABBREVIATIONS = new Set([
  'Mr', 'Mrs', 'Ms', 'Dr', 'Mx', 'St', 'Jr', 'Sr', 'Gen', 'Sen', 'Rep', 'Gov', 'Lt', 'Col', 'Capt', 'Sgt', 'Adm',
  'Prof', 'Rev', 'Inc', 'Corp', 'Co', 'Ltd', 'No', 'vs', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep',
  'Sept', 'Oct', 'Nov', 'Dec', 'Mt', 'Ft', 'Gov', 'Pres', 'Supt', 'Cpl', 'Maj',
]);

// A word: letters, marks or digits, with single inner joiners. A lone other character otherwise.
const TOKEN_RE = /[\p{L}\p{M}\p{N}]+(?:['’\-.][\p{L}\p{M}\p{N}]+)*|[^\s]/uy;
const UPPER_START = /^\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;
const ARABIC_PARTICLE = /^(?:al|el|ad|as|ash|bin|ibn|abu|bin)-\p{Lu}/u;
/** One romanised Korean or Chinese syllable: consonants, a vowel group, an n/ng/m/k/l/p ending. */
const GIVEN_NAME_SYLLABLE = /^(?:[bcdghjklmnprstwy][hwy]?)?(?:a|e|i|o|u|ae|eo|eu|oe|ui|oo|ou|ee|ai|ao|ia|ie|io|iu|ua|uo)(?:ng|n|m|k|l|p)?$/;
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '…']);
// Characters that open a sentence-like unit: what follows them is in sentence-initial position.
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '-', '–', '—', '*', '#', '•', '>', '|', '/']);

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** ASCII letters and digits by code (the common case), anything else by its Unicode class. */
function isWordChar(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORD_CHAR.test(ch);
}

/** UPPER_START.test(word[0]) (the first UTF-16 unit, as before), with ASCII decided by code. */
function startsUpper(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return UPPER_START.test(word[0]!);
}

/** Splits text into word and punctuation tokens, UTF-16 offsets into `text`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let lastEnd = 0;
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (code < 128 ? code === 32 || (code >= 9 && code <= 13) : /\s/.test(text[pos]!)) {
      pos++;
      continue;
    }
    let end = asciiWordEnd(text, pos);
    if (end < 0) {
      TOKEN_RE.lastIndex = pos;
      const m = TOKEN_RE.exec(text);
      end = m ? pos + m[0].length : pos + 1;
    }
    // Lone surrogate halves etc.: never let the scanner stall.
    if (end <= pos) end = pos + 1;
    let word = text.slice(pos, end);
    const first = text.charCodeAt(pos);
    const isWord = first < 128 ? isAsciiAlnum(first) : isWordChar(word[0]!);
    if (isWord && text.charCodeAt(end) === 46 && keepsPeriod(word)) {
      end++;
      word += '.';
    }
    if (!isWord || !mayNeedSplit(word)) {
      pushToken(tokens, text, pos, end, word, isWord, lastEnd);
      lastEnd = end;
    } else {
      for (const piece of splitWord(word)) {
        const start = pos + piece.offset;
        pushToken(tokens, text, start, start + piece.text.length, piece.text, isWord, lastEnd);
        lastEnd = start + piece.text.length;
      }
    }
    pos = end;
  }
  markSentences(tokens);
  return tokens;
}

const isAsciiAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Where TOKEN_RE's match at `pos` ends, for the common case of a word in ASCII letters and digits
 * (joined by ' ’ - or .); -1 wherever a character at or after the word is not ASCII (the regex
 * decides those: a letter or mark there would continue the word).
 */
function asciiWordEnd(text: string, pos: number): number {
  if (!isAsciiAlnum(text.charCodeAt(pos))) return -1;
  let i = pos + 1;
  for (;;) {
    let c = text.charCodeAt(i);
    while (isAsciiAlnum(c)) c = text.charCodeAt(++i);
    if (i >= text.length) return i;
    if (c >= 128 && c !== 0x2019) return -1;
    if (c === 39 || c === 0x2019 || c === 45 || c === 46) {
      const next = text.charCodeAt(i + 1);
      if (isAsciiAlnum(next)) {
        i += 2;
        continue;
      }
      if (next >= 128) return -1;
    }
    return i;
  }
}

function keepsPeriod(word: string): boolean {
  if (word.includes('.')) return true; // U.S, U.N -> U.S., U.N.
  if (ABBREVIATIONS.has(word)) return true;
  // "Minneapolis-St. Paul", "Wilkes-Barre-Ft. Drum": an abbreviation after a hyphen keeps its period too.
  const hyphen = word.lastIndexOf('-');
  if (hyphen > 0 && ABBREVIATIONS.has(word.slice(hyphen + 1))) return true;
  return word.length === 1 && UPPER_START.test(word); // initials: "George W. Bush"
}

/** splitWord only changes words with a hyphen or ending in an apostrophe and s (most words have neither). */
function mayNeedSplit(word: string): boolean {
  if (word.includes('-')) return true;
  const n = word.length;
  if (n < 3) return false;
  const last = word.charCodeAt(n - 1);
  const before = word.charCodeAt(n - 2);
  return (last === 115 || last === 83) && (before === 39 || before === 0x2019);
}

interface Piece {
  text: string;
  offset: number;
}

/** Splits possessives ("Moscow’s") and hyphens whose sides differ in kind ("CIA-vetted", "post-Cold", "U.S.-Russia"). */
function splitWord(word: string): Piece[] {
  const out: Piece[] = [];
  let text = word;
  let possessive: Piece | null = null;
  const poss = /['’][sS]$/.exec(text);
  if (poss && text.length > 2) {
    possessive = { text: text.slice(poss.index), offset: poss.index };
    text = text.slice(0, poss.index);
  }
  if (text.includes('-')) {
    const parts = text.split('-');
    let offset = 0;
    let current = parts[0]!;
    let currentOffset = 0;
    for (let i = 1; i < parts.length; i++) {
      offset += parts[i - 1]!.length + 1;
      const right = parts[i]!;
      // Decide on the part just before this hyphen, not the whole joined prefix: linear time.
      if (splitsAtHyphen(parts[i - 1]!, right, current === parts[i - 1])) {
        out.push({ text: current, offset: currentOffset });
        out.push({ text: '-', offset: offset - 1 });
        current = right;
        currentOffset = offset;
      } else current += '-' + right;
    }
    out.push({ text: current, offset: currentOffset });
  } else out.push({ text, offset: 0 });
  if (possessive) out.push(possessive);
  return out.filter((p) => p.text.length > 0);
}

/** A romanised two-syllable given name joined by a hyphen: "Jae-in", "Ki-moon", "Jong-un". */
export function isRomanisedGivenName(word: string): boolean {
  const m = /^(\p{Lu}[a-z]{0,4})-([a-z]{1,5})$/u.exec(word);
  // A final p is rare in given names and common in words ("Co-op").
  return !!m && GIVEN_NAME_SYLLABLE.test(m[1]!.toLowerCase()) && GIVEN_NAME_SYLLABLE.test(m[2]!) && !m[2]!.endsWith('p');
}

function splitsAtHyphen(left: string, right: string, leftStandsAlone: boolean): boolean {
  if (!left || !right) return false;
  const leftLower = !UPPER_START.test(left);
  const rightLower = !UPPER_START.test(right);
  if (leftLower && rightLower) return false; // "long-suffering"
  // "post-Cold", "anti-American", but keep name particles: "al-Assad", "bin-Laden".
  if (leftLower) return leftStandsAlone && (left.length > 3 || !ARABIC_PARTICLE.test(`${left}-${right}`));
  if (left.endsWith('.')) return true; // "U.S.-Russia", "U.S.-led"
  if (!rightLower) return false; // "Rolls-Royce", "Al-Qaeda"
  // Lower-case right side: "CIA-vetted", "Assad-regime", "Kremlin-backed"; but not "Ki-moon", "Jong-un".
  const acronym = !LOWER.test(left);
  // A romanised given name's second syllable ("Jae-myung", "Hsien-loong") is no separate word.
  if (!acronym && left.length <= 5 && GIVEN_NAME_SYLLABLE.test(right)) return false;
  return acronym || right.endsWith('ed') || right.length >= 5;
}

const NOT_LETTER = 0;
const LETTER_NOT_LOWER = 1;
const LOWER_LETTER = 2;
/** letterKind by code point: a text repeats its few non-ASCII characters (’, é, …). */
const letterKinds = new Map<number, number>();

/** Whether a non-ASCII code point is a letter (LETTER) and a lower-case one (LOWER), remembered. */
function letterKind(point: number): number {
  let kind = letterKinds.get(point);
  if (kind === undefined) {
    const ch = String.fromCodePoint(point);
    kind = !LETTER.test(ch) ? NOT_LETTER : LOWER.test(ch) ? LOWER_LETTER : LETTER_NOT_LOWER;
    if (letterKinds.size >= 4096) letterKinds.clear();
    letterKinds.set(point, kind);
  }
  return kind;
}

function pushToken(tokens: Token[], text: string, start: number, end: number, word: string, isWord: boolean, lastEnd: number): void {
  let breaks = 0;
  for (let i = lastEnd; i < start && breaks < 2; i++) if (text.charCodeAt(i) === 10) breaks++;
  const isCap = isWord && (startsUpper(word) || (word.includes('-') && ARABIC_PARTICLE.test(word)));
  // Letters up to the first lower-case one; ASCII by code, the rest by code point and Unicode class.
  let letters = 0;
  let lower = false;
  for (let i = 0; i < word.length; ) {
    const code = word.charCodeAt(i);
    if (code < 128) {
      i++;
      if (code >= 97 && code <= 122) {
        letters++;
        lower = true;
        break;
      }
      if (code >= 65 && code <= 90) letters++;
      continue;
    }
    const point = word.codePointAt(i)!;
    i += point > 0xffff ? 2 : 1;
    const kind = letterKind(point);
    if (kind !== NOT_LETTER) {
      letters++;
      if (kind === LOWER_LETTER) {
        lower = true;
        break;
      }
    }
  }
  tokens.push({
    start,
    end,
    text: word,
    lower: lowerCase(word),
    isWord,
    isCap,
    isAllCaps: isWord && !lower && letters >= 2,
    sentenceStart: false,
    breakBefore: breaks,
    inCapsSentence: false,
    // Set here, not only where a byline sets it: every token keeps one shape (monomorphic property reads).
    furniture: false,
  });
}

/** LETTER.test(word), with an ASCII first letter decided by code. */
function hasLetter(word: string): boolean {
  const code = word.charCodeAt(0) | 32;
  return (code >= 97 && code <= 122) || LETTER.test(word);
}

/** Marks sentence starts and sentences set in capitals. */
function markSentences(tokens: Token[]): void {
  let sentenceFirst = 0;
  let expectStart = true;
  const closeSentence = (endExclusive: number): void => {
    if (endExclusive <= sentenceFirst) return;
    let words = 0;
    let caps = 0;
    for (let i = sentenceFirst; i < endExclusive; i++) {
      const t = tokens[i]!;
      if (!t.isWord || t.text.length < 2 || !hasLetter(t.text)) continue;
      words++;
      if (t.isAllCaps) caps++;
    }
    if (words >= 2 && caps / words >= 0.6) for (let i = sentenceFirst; i < endExclusive; i++) tokens[i]!.inCapsSentence = true;
    sentenceFirst = endExclusive;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.breakBefore > 0) {
      closeSentence(i);
      expectStart = true;
    }
    if (expectStart && t.isWord) {
      t.sentenceStart = true;
      expectStart = false;
    } else if (!t.isWord && OPENERS.has(t.text)) {
      // "“Were largely ..." and "- Kaynak": the next word starts a unit. A dash or slash
      // between two words ("Kaynak/Source", "U.S.-Russia") joins them instead.
      const prev = tokens[i - 1];
      const joiner = t.text === '-' || t.text === '/' || t.text === '|';
      if (!joiner || !prev || !prev.isWord) expectStart = true;
    }
    if (!t.isWord && SENTENCE_END.has(t.text)) {
      closeSentence(i + 1);
      expectStart = true;
    }
  }
  closeSentence(tokens.length);
}
