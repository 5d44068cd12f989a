// Finds candidate name spans ("chunks") in tokens: runs of capitalised words, with titles and
// honorifics set aside, connectors kept inside organisation names, and sentence-initial
// ordinary words stripped. Typing is left to entities-classify.ts.
import {
  HONORIFICS,
  NAME_CONNECTORS,
  NAME_PARTICLES,
  ORG_CONTEXT_AFTER,
  ORG_CONTEXT_PRESS_HEADS,
  TITLE_DEPARTMENTS,
  TITLE_HEADS,
  TITLE_MODIFIERS,
} from './entities-lexicon';
import {
  MAX_GAZ_WORDS,
  connectorHeadType,
  gazetteerType,
  gazetteerStep,
  isCommonWord,
  isFirstName,
  isNonEntityCap,
  isOrgSuffix,
  isVocabularyWord,
  isWorldPlace,
} from './gazetteer';
import { isStateCode } from './name-heads';
import { isRoleHead } from './descriptions-words';
import { isGivenName, isSurnameFirstName, opensWithGivenName } from './given-names';
import { hasLowercaseLetter } from './tagger-features';
import { type Token } from './tokens';

export interface Chunk {
  /** First and last token index, inclusive. */
  first: number;
  last: number;
  /** The words joined by single spaces (the lookup key). */
  text: string;
  /** Set when the whole run was forced to be an organisation by what follows it. */
  forcedOrg?: boolean;
  /** From a headline in capitals: only trusted when the gazetteer knows it. */
  fromCaps?: boolean;
  /** An ordinary word in a name's position: typed only by document-level evidence. */
  unknownOnly?: boolean;
}

/** Token indices that end a title phrase placed before a name ("Secretary of State" -> index of "State"). */
export type TitleEnds = Map<number, number>;

export function joinWords(tokens: Token[], first: number, last: number): string {
  let s = tokens[first]!.text;
  for (let i = first + 1; i <= last; i++) s += ' ' + tokens[i]!.text;
  return s;
}

/** Tokens i..j are adjacent words on one line (only spaces between them). */
function adjacent(tokens: Token[], i: number): boolean {
  return tokens[i]!.breakBefore === 0;
}

// Contractions are never names: "Don’t", "We’re", "It’ll".
const CONTRACTION = /['’](?:t|re|ve|ll|d|m)$/i;

function isNameWord(t: Token | undefined): t is Token {
  return !!t && t.isWord && t.isCap && !t.inCapsSentence && !t.furniture && t.text.length > 1 && !(hasApostrophe(t.text) && CONTRACTION.test(t.text));
}

/** A contraction needs an apostrophe: most words have none, and skip the regex. */
function hasApostrophe(word: string): boolean {
  return word.includes("'") || word.includes('’');
}

/** Longest gazetteer entry starting at token i within [i, limit]: its length in words, or 0. */
export function longestGazetteerMatch(tokens: Token[], i: number, limit: number, mapWord: (w: string) => string = (w) => w): number {
  let text = '';
  let best = 0;
  for (let j = i; j <= limit && j - i < MAX_GAZ_WORDS; j++) {
    if (j > i && !adjacent(tokens, j)) break;
    text += (j > i ? ' ' : '') + mapWord(tokens[j]!.text);
    const step = gazetteerStep(text);
    if (step.known) best = j - i + 1;
    if (!step.mayExtend) break;
  }
  return best;
}

/** Marks title phrases ("Secretary of State", "Prime Minister", "U.N. Secretary-General" minus "U.N."). */
export function findTitles(tokens: Token[]): TitleEnds {
  const titles: TitleEnds = new Map();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isNameWord(t) || !(isTitleHead(t.text) || TITLE_MODIFIERS.has(t.text))) continue;
    if (longestGazetteerMatch(tokens, i, tokens.length - 1) >= 2) continue; // "General Motors"
    // After a given name, a title word is a surname: "Kevin King", "John Major".
    const prev = tokens[i - 1];
    if (prev && adjacent(tokens, i) && isNameWord(prev) && isFirstName(prev.text)) continue;
    let j = i;
    let head = -1;
    while (j < tokens.length && isNameWord(tokens[j]) && (j === i || adjacent(tokens, j))) {
      const w = tokens[j]!.text;
      if (isTitleHead(w)) head = j;
      else if (!TITLE_MODIFIERS.has(w)) break;
      j++;
    }
    if (head < 0) continue;
    let end = head;
    const head_ = tokens[head]!.text;
    if ((head_ === 'Secretary' || head_ === 'Minister') && tokens[head + 1]?.text === 'of') {
      for (const dept of TITLE_DEPARTMENTS) {
        if (dept.every((w, k) => tokens[head + 2 + k]?.text === w)) {
          end = head + 1 + dept.length;
          break;
        }
      }
    }
    // A title stands before a name; without one it is just a capitalised word ("the Prime Minister said").
    const name = tokens[end + 1];
    if (!isNameWord(name) || !adjacent(tokens, end + 1)) continue;
    // "Justice Department", "Defense Ministry": the title word is part of an organisation's name.
    if (isOrgSuffix(name.text) || isNonEntityCap(name.text)) continue;
    titles.set(end, i);
    i = end;
  }
  return titles;
}

/** A title's head word, or one joined with hyphens ("Lieutenant-Colonel", "Major-General"). */
function isTitleHead(word: string): boolean {
  if (TITLE_HEADS.has(word)) return true;
  // Most words have no hyphen: no split for them.
  if (!word.includes('-')) return false;
  const parts = word.split('-');
  return parts.length === 2 && TITLE_HEADS.has(parts[1]!) && (TITLE_HEADS.has(parts[0]!) || TITLE_MODIFIERS.has(parts[0]!) || parts[0] === 'Major');
}

function isTitleToken(titles: TitleEnds, titleCover: Set<number>, i: number): boolean {
  return titleCover.has(i) || titles.has(i);
}

/** Capitalised titles of people who speak for an organisation: "White House Press Secretary". */
const SPOKESPERSON_TITLES = new Set(['Spokesman', 'Spokeswoman', 'Spokesperson', 'Press']);

/** "spokesman", "officials", "extremists", "press secretary" right after a run. */
export function orgContextAfter(tokens: Token[], last: number): boolean {
  const next = tokens[last + 1];
  if (next && next.isCap && adjacent(tokens, last + 1) && SPOKESPERSON_TITLES.has(next.text)) return true;
  if (!next || !next.isWord || next.isCap || !adjacent(tokens, last + 1)) return false;
  const w = next.lower;
  if (ORG_CONTEXT_AFTER.has(w)) return true;
  return w === 'press' && ORG_CONTEXT_PRESS_HEADS.has(tokens[last + 2]?.lower ?? '');
}

// Lower-case words a title-case heading keeps ("Path to Euro 2020", "War of the Worlds").
const HEADING_FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'as', 'vs', 'via',
  'into', 'over', 'per', 'up', 'off', 'out', 'is', 'are',
]);

/**
 * Marks title-case heading lines ("Black Friday Deals Are Here"): every content word capitalised,
 * no final period, and several capitalised words that are ordinary words. A line of names ("By
 * Stephen Fidler and Carol E. Lee") has few ordinary words and keeps its casing signal.
 */
export function markHeadingLines(tokens: Token[]): void {
  let first = 0;
  while (first < tokens.length) {
    let end = first + 1;
    while (end < tokens.length && tokens[end]!.breakBefore === 0) end++;
    let capitalised = 0;
    let ordinary = 0;
    let lowerContent = 0;
    for (let i = first; i < end && lowerContent === 0; i++) {
      const t = tokens[i]!;
      if (!t.isWord || !/\p{L}/u.test(t.text)) continue;
      if (!t.isCap) {
        if (!HEADING_FUNCTION_WORDS.has(t.text)) lowerContent++;
        continue;
      }
      if (t.text.length < 3) continue;
      capitalised++;
      const lower = t.lower;
      if (isVocabularyWord(lower) || isCommonWord(lower)) ordinary++;
    }
    const heading = capitalised >= 3 && lowerContent === 0 && ordinary >= 2 && ordinary * 3 >= capitalised && tokens[end - 1]!.text !== '.';
    if (heading) for (let i = first; i < end; i++) tokens[i]!.inCapsSentence = true;
    first = end;
  }
}

/** Finds candidate chunks in text order. */
export function findChunks(tokens: Token[], titles: TitleEnds): Chunk[] {
  const titleCover = new Set<number>();
  for (const [end, start] of titles) for (let i = start; i <= end; i++) titleCover.add(i);
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.inCapsSentence && t.isWord && !t.furniture) {
      // A listing line reads as a heading, but "Holmdel, NJ" is still a town and its state.
      const town = townWithState(tokens, i);
      if (town > 0) {
        chunks.push({ first: i, last: i + town - 1, text: joinWords(tokens, i, i + town - 1) });
        chunks.push({ first: i + town + 1, last: i + town + 1, text: tokens[i + town + 1]!.text });
        i += town + 2;
        continue;
      }
      i = capsChunks(tokens, i, chunks);
      continue;
    }
    if (!isNameWord(t) || HONORIFICS.has(t.text) || isTitleToken(titles, titleCover, i)) {
      i++;
      continue;
    }
    const runEnd = extendRun(tokens, i, titles, titleCover);
    splitRun(tokens, i, runEnd, chunks, titles);
    i = runEnd + 1;
  }
  return chunks;
}

/**
 * "Holmdel, NJ", "Cuyahoga Falls, OH": up to three capitalised words, a comma and a state code that
 * ends the line or is followed by punctuation. Returns the town's length in words, or 0.
 */
function townWithState(tokens: Token[], i: number): number {
  let n = 0;
  while (n < 3 && tokens[i + n]?.isWord && tokens[i + n]!.isCap && !tokens[i + n]!.isAllCaps && (n === 0 || adjacent(tokens, i + n))) n++;
  if (n === 0 || tokens[i + n]?.text !== ',' || !adjacent(tokens, i + n)) return 0;
  // The town is where the run starts: not a venue's name before it ("Arts Center, Holmdel").
  const before = tokens[i - 1];
  if (before && adjacent(tokens, i) && before.isWord && before.isCap) return 0;
  const code = tokens[i + n + 1];
  if (!code || !adjacent(tokens, i + n + 1) || !isStateCode(code.text)) return 0;
  const after = tokens[i + n + 2];
  return !after || after.breakBefore > 0 || !after.isWord ? n : 0;
}

/** The last token of the run of name words starting at `start`. */
function extendRun(tokens: Token[], start: number, titles: TitleEnds, titleCover: Set<number>): number {
  let end = start;
  for (;;) {
    const next = tokens[end + 1];
    if (!next || !adjacent(tokens, end + 1)) return end;
    if (isNameWord(next) && !HONORIFICS.has(next.text) && !isTitleToken(titles, titleCover, end + 1)) {
      end++;
      continue;
    }
    // "Chapter & Verse", "Johnson & Johnson".
    if (next.text === '&') {
      const after = tokens[end + 2];
      if (isNameWord(after) && adjacent(tokens, end + 2) && !isNonEntityCap(after.text)) {
        end += 2;
        continue;
      }
    }
    // Connectors inside names: "Council on Foreign Relations", "Department of the Treasury", "Charles de Gaulle".
    if (next.isWord && !next.isCap) {
      const head = tokens[end]!.text;
      const orgHead = connectorHeadType(head) !== undefined || isOrgSuffix(head);
      const allowed = (orgHead && NAME_CONNECTORS.has(next.text)) || NAME_PARTICLES.has(next.text);
      if (allowed) {
        let k = end + 1;
        // "of the": at most two connector words in a row; so do two particles ("van der Sar", "de la Cruz").
        if (orgHead && next.text === 'of' && tokens[k + 1]?.text === 'the') k++;
        else if (NAME_PARTICLES.has(next.text) && NAME_PARTICLES.has(tokens[k + 1]?.text ?? '') && adjacent(tokens, k + 1)) k++;
        const after = tokens[k + 1];
        if (isNameWord(after) && adjacent(tokens, k + 1) && !isNonEntityCap(after.text) && gazetteerType(after.text) !== 'MISC') {
          end = k + 1;
          continue;
        }
      }
    }
    return end;
  }
}

/** Splits a run into chunks: MISC words, calendar words and ordinary sentence-initial words fall out. */
function splitRun(tokens: Token[], start: number, end: number, chunks: Chunk[], titles: TitleEnds): void {
  // Right after "Mrs." or "Prime Minister" comes a name, even one spelled like a month ("Mrs. May").
  const prev = tokens[start - 1];
  const named = tokens[start]!.breakBefore === 0 && !!prev && (HONORIFICS.has(prev.text) || titles.has(start - 1));
  let first = start;
  // "Australian-born Jane Roe", "New York-born Roe": the words up to a hyphenated modifier describe the name.
  for (let k = end; k >= start; k--) {
    if (isHyphenModifier(tokens[k]!.text)) {
      first = k + 1;
      break;
    }
  }
  // Sentence-initial ordinary words: "Speaking in", "While he", "The Obama administration".
  while (first <= end && startsAsOrdinaryWord(tokens, first, end)) first++;
  if (first > end) {
    // A lone sentence-initial word ("Speaking", "Will"): only the article's own use elsewhere can make it a name.
    if (start === end) chunks.push({ first: start, last: end, text: tokens[start]!.text, unknownOnly: true });
    return;
  }
  const whole = joinWords(tokens, first, end);
  // The whole run names an organisation when its spokesman or officials follow: "Kremlin
  // spokesman", "Islamic State extremists". Countries stay places ("U.S. officials").
  if (orgContextAfter(tokens, end) && !isWorldPlace(whole) && gazetteerType(whole) !== 'PER' && !isFirstName(tokens[first]!.text)) {
    const allMisc = gazetteerType(whole) === 'MISC' || (first === end && isNonEntityCap(whole));
    if (!allMisc) {
      chunks.push({ first, last: end, text: whole, forcedOrg: true });
      return;
    }
  }
  let i = first;
  while (i <= end) {
    const w = tokens[i]!.text;
    const gazLen = longestGazetteerMatch(tokens, i, end);
    // "American Enterprise Institute", "European Space Agency": a nationality opening an organisation's name.
    const orgEnd = gazetteerType(w) === 'MISC' ? orgSuffixEnd(tokens, i, end) : -1;
    if (orgEnd > i) {
      // Keep what the run joined after the head: "American University of Kabul".
      const last = tokens[orgEnd + 1] && !tokens[orgEnd + 1]!.isCap ? end : orgEnd;
      chunks.push({ first: i, last, text: joinWords(tokens, i, last) });
      i = last + 1;
      continue;
    }
    // "Chief Executive Daniel Levy", "Former Oriole Jamie Moyer": an ordinary word before a given name and a
    // surname is a role, not part of the name.
    const role = i + 2 <= end && roleBeforeGivenName(tokens, i);
    if ((role || (gazLen === 0 && (isNonEntityCap(w) || gazetteerType(w) === 'MISC'))) && !(named && i === start)) {
      i++;
      continue;
    }
    if (gazLen > 0 && gazetteerType(joinWords(tokens, i, i + gazLen - 1)) === 'MISC') {
      i += gazLen;
      continue;
    }
    // A known name is never cut short ("United Arab Emirates" despite "Arab").
    let j = Math.max(i, i + gazLen - 1);
    // Extend over plain name words; a calendar word or MISC word ends the chunk unless it
    // follows a first name ("Theresa May").
    while (j + 1 <= end) {
      const next = tokens[j + 1]!.text;
      // "ambassador to Britain Liu Xiaming", "Detroit Ann Roe": a known place's name ends before a person's.
      if (gazLen > 0 && j === i + gazLen - 1 && placeBeforePerson(tokens, i, j, end)) break;
      // A weekday is never part of a name ("Foreign Minister Ann Roe Monday").
      const blocked = WEEKDAYS.has(next) || ((isNonEntityCap(next) || gazetteerType(next) === 'MISC') && !isFirstName(tokens[j]!.text) && !(named && i === start));
      if (blocked) break;
      // "CBS Sports Insider Jane Roe": a role word between a name and a full name ends the first one.
      if (j + 3 <= end && j + 1 > Math.max(i, i + gazLen - 1) && !isFirstName(tokens[j]!.text) && roleBeforeGivenName(tokens, j + 1)) break;
      j++;
    }
    // A lone ordinary word inside a longer capitalised phrase ("Black Friday", "Matte Black") is
    // part of a name we don't know, not a name of its own.
    const phrase = start < end;
    const unknownOnly = i === j && phrase && isVocabularyWord(w.toLowerCase()) && !isWorldPlace(w);
    chunks.push({ first: i, last: j, text: joinWords(tokens, i, j), ...(unknownOnly ? { unknownOnly } : {}) });
    i = j + 1;
  }
}

/** Tokens i..j are a known place and j+1..end (two or three words) a person's name by its given name. */
function placeBeforePerson(tokens: Token[], i: number, j: number, end: number): boolean {
  const place = joinWords(tokens, i, j);
  if (!isWorldPlace(place) && gazetteerType(place) !== 'LOC') return false;
  const rest = end - j;
  if (rest < 2 || rest > 3) return false;
  return (rest === 2 && isSurnameFirstName(tokens[j + 1]!.text, tokens[end]!.text)) || (isGivenName(tokens[j + 1]!.text) && opensWithGivenName(tokens, j + 1, end));
}

/** The first organisation head word in tokens (start, end], if only plain name words lead to it. */
function orgSuffixEnd(tokens: Token[], start: number, end: number): number {
  for (let j = start + 1; j <= end; j++) {
    const w = tokens[j]!.text;
    if (isOrgSuffix(w)) return j;
    if (isNonEntityCap(w) || gazetteerType(w) === 'MISC') return -1;
  }
  return -1;
}

export const WEEKDAYS: ReadonlySet<string> = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);

/** Hyphenated words that describe a name rather than belong to it ("Australian-born", "Trump-era", "Oslo-based"). */
const MODIFIER_HEADS = new Set(['born', 'bred', 'raised', 'educated', 'trained', 'based', 'era', 'run', 'led', 'made', 'held', 'owned', 'backed', 'funded', 'style', 'like', 'wide']);

function isHyphenModifier(word: string): boolean {
  const cut = word.lastIndexOf('-');
  return cut > 0 && MODIFIER_HEADS.has(word.slice(cut + 1));
}

function roleBeforeGivenName(tokens: Token[], i: number): boolean {
  const w = tokens[i]!.text;
  const given = tokens[i + 1]!.text;
  // "Researcher Sonya Roe": a role noun before a name on the wider lists, too.
  const role = (isVocabularyWord(w.toLowerCase()) && isFirstName(given)) || (isRoleHead(w) && !isGivenName(w) && isGivenName(given));
  return role && !isFirstName(w) && longestGazetteerMatch(tokens, i, i + 1) === 0;
}

/** Verbs that open a question and are also given names. */
const QUESTION_VERBS = new Set(['Will', 'Can', 'May']);

/** Does the sentence that starts at token i end with a question mark, on the same line? */
function endsWithQuestionMark(tokens: Token[], i: number): boolean {
  for (let j = i + 1; j < tokens.length && j - i < 80; j++) {
    const t = tokens[j]!;
    if (t.breakBefore > 0 || t.text === '.' || t.text === '!') return false;
    if (t.text === '?') return true;
  }
  return false;
}

function startsAsOrdinaryWord(tokens: Token[], i: number, end: number): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  // After "U.S." a sentence may have ended; after "Mr." or "W." it has not.
  const afterAbbreviation = !!prev && prev.isWord && prev.text.endsWith('.') && prev.text.length > 2 &&
    !HONORIFICS.has(prev.text) && !TITLE_HEADS.has(prev.text);
  if (!t.sentenceStart && !afterAbbreviation) return false;
  // "Moon Jae-in", "Fan Mengguang": a surname before a romanised given name, however ordinary it looks.
  if (i < end && isSurnameFirstName(t.text, tokens[i + 1]!.text)) return false;
  // "Will Roe run again?": a question's opening verb, though "Will" is a given name too.
  if (QUESTION_VERBS.has(t.text) && i < end && endsWithQuestionMark(tokens, i)) return true;
  const lower = t.lower;
  const gazLen = longestGazetteerMatch(tokens, i, end);
  // "The Hague" and other names that begin with a common word stay whole.
  if (isCommonWord(lower)) return gazLen < 2;
  // Other ordinary words ("Stocks", "Day-by-day") too, unless the gazetteer knows them as names.
  // A sentence adverb before a comma ("Sadly, …", "Additionally, …") too.
  const adverb = lower.length >= 5 && lower.endsWith('ly') && tokens[i + 1]?.text === ',' && !gazetteerType(t.text);
  const ordinary = adverb || isVocabularyWord(lower) || (lower.includes('-') && lower.split('-').every((p) => p.length <= 3 || isVocabularyWord(p) || isCommonWord(p)));
  return ordinary && gazLen === 0 && !isFirstName(t.text);
}

/** "RUSSIA" -> "Russia"; mixed-case words ("McFaul") and abbreviations ("U.S.") stay as written. */
function titleCase(word: string): string {
  if (word.includes('.') || hasLowercaseLetter(word)) return word;
  return word.charAt(0) + word.slice(1).toLowerCase();
}

/** In a headline set in capitals, only gazetteer names are trusted ("RUSSIA" -> Russia). */
function capsChunks(tokens: Token[], i: number, chunks: Chunk[]): number {
  const t = tokens[i]!;
  if (!t.isCap) return i + 1;
  let limit = i;
  while (tokens[limit + 1]?.isCap && tokens[limit + 1]!.inCapsSentence && !tokens[limit + 1]!.furniture && adjacent(tokens, limit + 1)) limit++;
  // An acronym the lists know as written keeps its case ("NASA", not "Nasa").
  const exact = longestGazetteerMatch(tokens, i, limit);
  const titled = longestGazetteerMatch(tokens, i, limit, titleCase);
  const len = Math.max(exact, titled);
  if (len === 0) return i + 1;
  const text = exact >= titled ? joinWords(tokens, i, i + len - 1) : tokens.slice(i, i + len).map((x) => titleCase(x.text)).join(' ');
  const type = gazetteerType(text);
  if (type !== 'MISC' && (type || isWorldPlace(text))) chunks.push({ first: i, last: i + len - 1, text, fromCaps: true });
  return i + len;
}
