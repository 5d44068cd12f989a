// Page furniture inside article text: bylines ("By Jane Roe and John Doe", "Jane Roe Associated
// Press"), wire and contributor lines ("PTI, Washington,", "Associated Press writers … contributed"),
// photo credits ("© Getty", "(AP Photo/Jane Roe)", "Photo: Jane Roe/Reuters") and the author's
// contact or syndication note at the end ("Email Jane Roe at jroe@example.com"). Names there are
// the page's, not the story's: their tokens are marked and no name is read from them.
// Lines are judged by their words only, so this works the same on extracted pages and plain text.
// Titles of works in quotation marks are set apart the same way (markQuotedTitles).
import { isFirstName } from './gazetteer';
import { firstNameGender } from './name-gender';
import type { Token } from './tokens';

/** News agencies and the outlets whose name closes a byline. */
const AGENCY_WORDS = [
  ['Associated', 'Press'], ['The', 'Associated', 'Press'], ['AP'], ['Reuters'], ['AFP'], ['Agence', 'France-Presse'],
  ['PTI'], ['IANS'], ['ANI'], ['UPI'], ['dpa'], ['Bloomberg'], ['CNN'], ['Xinhua'], ['EFE'], ['Press', 'Trust', 'of', 'India'],
];

/** Lower-case words a byline may hold besides names: "By Jane Roe and John Doe on Monday at 11:08 a.m.". */
const BYLINE_WORDS = new Set([
  'and', 'on', 'at', 'of', 'in', 'for', 'the', 'with', 'from', 'to', 'a.m.', 'p.m.', 'am', 'pm', 'updated', 'published',
  'staff', 'writer', 'writers', 'reporter', 'reporters', 'correspondent', 'correspondents', 'contributor', 'editor',
  'senior', 'special', 'chief', 'political', 'white', 'house', 'national', 'foreign', 'news', 'last', 'ist', 'est', 'edt',
  'gmt', 'utc', 'pst', 'pdt', 'cst', 'cdt', 'st', 'nd', 'rd', 'th', 'via',
]);

/** How a credit opens: "Photo:", "Image credit:", "Photograph by", "©". */
const CREDIT_OPENERS = new Set(['photo', 'photos', 'image', 'images', 'photograph', 'photographs', 'picture', 'pictures', 'credit', 'credits', 'illustration', 'video', 'pic', 'source']);

/** Photo agencies written after a slash or at a credit's end: "Jane Roe/Getty Images". */
const PHOTO_AGENCIES = new Set(['Getty', 'AP', 'Reuters', 'AFP', 'EPA', 'Shutterstock', 'Alamy', 'REX', 'PA', 'Bloomberg', 'Invision', 'NurPhoto', 'Sipa', 'Zuma', 'ZUMA']);

const MAX_BYLINE_WORDS = 24;

/** The line's words; a social handle ("@janeroe") is no word of the line. */
function wordsOf(tokens: Token[], first: number, end: number): Token[] {
  const out: Token[] = [];
  for (let i = first; i < end; i++) {
    const t = tokens[i]!;
    if (t.isWord && !(i > first && tokens[i - 1]!.text === '@' && tokens[i - 1]!.end === t.start)) out.push(t);
  }
  return out;
}

/** The agency phrase the line's words [from, to) are, if any. */
function isAgencyPhrase(words: Token[], from: number, to: number): boolean {
  // No token holds a space: more words than the longest agency's can be none.
  if (from >= 0 && Math.min(to, words.length) - from > MAX_AGENCY_WORDS) return false;
  return AGENCY_PHRASES.has(words.slice(from, to).map((t) => t.text).join(' '));
}

const AGENCY_PHRASES: ReadonlySet<string> = new Set(AGENCY_WORDS.map((a) => a.join(' ')));
const MAX_AGENCY_WORDS = Math.max(...AGENCY_WORDS.map((a) => a.length));

/** Every lower-case word is one a byline holds (names, outlets, dates and times otherwise). */
function onlyBylineWords(words: Token[]): boolean {
  return words.every((t) => t.isCap || /^\d/.test(t.text) || BYLINE_WORDS.has(t.lower));
}

const DATE_WORD = /^(?:\d[\d:.]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|updated|published|posted)$/i;

function isDateWord(word: string): boolean {
  return DATE_WORD.test(word);
}

const RELATIVE_TIME = /^(?:ago|min|mins|minute|minutes|hr|hrs|hour|hours|day|days|week|weeks|read)$/i;

/** "Jane Roe 1 day ago", "Jane Roe 5 min read": a name and how long ago the page was written. */
function isNameWithTime(words: Token[]): boolean {
  if (words.length < 3 || words.length > 8 || !/^ago|read$/i.test(words[words.length - 1]!.text)) return false;
  let names = 0;
  let k = 0;
  while (k < words.length && words[k]!.isCap && !/^\d/.test(words[k]!.text)) {
    names++;
    k++;
  }
  if (names < 1 || names > 4) return false;
  for (; k < words.length; k++) if (!/^\d+$/.test(words[k]!.text) && !RELATIVE_TIME.test(words[k]!.text) && !/^an?$/i.test(words[k]!.text)) return false;
  return true;
}

/**
 * "JANE ROE, EXAMPLE NEWS": a short line in capitals, a given name and a surname, a comma and the
 * outlet. Not a dateline, which has one place before its comma and the story after it.
 */
function isCapsNameAndOutlet(tokens: Token[], first: number, end: number, words: Token[]): boolean {
  if (words.length < 3 || words.length > 6 || !words.every((t) => t.isAllCaps || /^\d/.test(t.text))) return false;
  let comma = -1;
  for (let i = first; i < end; i++) {
    const t = tokens[i]!.text;
    if (t === ',' && comma < 0) comma = i;
    else if (t === '—' || t === '–' || t === '-' || t === '(') return false;
  }
  if (comma < 0) return false;
  const before = words.filter((t) => t.end <= tokens[comma]!.start);
  const given = before[0]!.text.charAt(0) + before[0]!.text.slice(1).toLowerCase();
  // A given name and a surname, perhaps with an initial between: "JANE Q. ROE".
  const nameLike = before.length === 2 || (before.length === 3 && /^\p{Lu}\.?$/u.test(before[1]!.text));
  return nameLike && (isFirstName(given) || firstNameGender(given) !== 'unknown');
}

function isBylineLine(tokens: Token[], first: number, end: number): boolean {
  if (end - first > 3 * MAX_BYLINE_WORDS) return false;
  const words = wordsOf(tokens, first, end);
  if (words.length === 0 || words.length > MAX_BYLINE_WORDS) return false;
  const lastText = tokens[end - 1]!.text;
  // "By Jane Roe", "BY JANE ROE, Associated Press", "11/19/2019 by Jane Roe": "By" (after a date, if
  // any) and then names, an outlet, a date.
  let by = 0;
  while (by < words.length && by < 6 && isDateWord(words[by]!.text)) by++;
  if (by < words.length - 1 && /^by$/i.test(words[by]!.text) && words[by + 1]!.isCap && lastText !== '?' && onlyBylineWords(words.slice(by + 1))) return true;
  if (isNameWithTime(words) || isCapsNameAndOutlet(tokens, first, end, words)) return true;
  if (!onlyBylineWords(words) || words.length > 10) return false;
  // "Jane Roe Associated Press", "Jane Roe, CNN", "PTI, Washington,": an agency opens or closes a short line of names.
  for (let n = 1; n <= 4 && n <= words.length; n++) {
    if (words.length > n && isAgencyPhrase(words, words.length - n, words.length) && words.length - n <= 6) return true;
    if (isAgencyPhrase(words, 0, n) && (words.length === n || tokens[first + 1]?.text === ',' || words.length - n <= 3) && lastText !== '.') return true;
  }
  return false;
}

/** How a page's time stamp line opens: "Published 10:02 AM EST Nov 19, 2019", "Updated: Tue., Nov. 19". */
const STAMP_OPENERS = new Set(['Published', 'Updated', 'Posted', 'Modified']);
const MAX_NAMES_LINE_WORDS = 12;

/**
 * "Jane Roe and John Q. Doe Example Falls Gazette" over "Published 10:02 AM EST Nov 19, 2019": near the
 * text's top, a short line of capitalised words that opens with a given name and has the page's time
 * stamp on the next line is its byline, the outlet's name run in after the writers'.
 */
function isNamesOverStamp(tokens: Token[], first: number, end: number): boolean {
  if (first >= STAMP_ZONE || end >= tokens.length || !STAMP_OPENERS.has(tokens[end]!.text)) return false;
  const words = wordsOf(tokens, first, end);
  if (words.length < 2 || words.length > MAX_NAMES_LINE_WORDS || !givenName(words[0])) return false;
  return words.every((t) => (t.isCap && !/^\d/.test(t.text)) || t.lower === 'and' || t.lower === 'of');
}

/** "Jane Roe contributed reporting.", "Associated Press writers Jane Roe and John Doe contributed to this report." */
function isContributorLine(tokens: Token[], first: number, end: number): boolean {
  // Cheap look first: most lines are story paragraphs.
  const opener = tokens[first]!.text;
  let cue = opener === 'Reporting' || opener === 'Additional' || opener === 'Associated' || opener === 'The';
  for (let i = first; !cue && i < end && i - first < 80; i++) if (tokens[i]!.text === 'contributed') cue = true;
  if (!cue) return false;
  const words = wordsOf(tokens, first, end);
  if (words.length === 0 || words.length > 60) return false;
  const lower = words.map((t) => t.lower);
  const at = lower.indexOf('contributed');
  if (at > 0 && (lower[at + 1] === 'reporting' || lower[at + 1] === 'to' || lower[at + 1] === 'research' || lower[at + 1] === 'this')) return true;
  // Reuters' sign-off: "Reporting by Jane Roe; Editing by John Doe".
  if ((lower[0] === 'reporting' || lower[0] === 'additional') && lower.includes('by') && lower.includes('editing')) return true;
  return isAgencyPhrase(words, 0, 2) && (lower[2] === 'writer' || lower[2] === 'writers');
}

/** Marks a credit that starts at token i and runs to the line's end (or its closing bracket). */
function creditEnd(tokens: Token[], i: number, end: number): number {
  const t = tokens[i]!;
  if (t.text !== '©' && !(t.isWord && t.isCap)) return -1;
  const next = tokens[i + 1];
  const opensCredit =
    t.text === '©' ||
    // "(All photos: Jane Roe)".
    (t.text === 'All' && !!next && CREDIT_OPENERS.has(next.lower) && tokens[i + 2]?.text === ':') ||
    (t.isWord && CREDIT_OPENERS.has(t.lower) && t.isCap && !!next &&
      (next.text === ':' || next.text === '/' || (next.lower === 'by' && tokens[i + 2]?.isCap === true) ||
        (next.lower === 'credit' && tokens[i + 2]?.text === ':'))) ||
    (t.isWord && PHOTO_AGENCIES.has(t.text) && next?.isWord === true && /^(Photos?|Images)$/.test(next.text));
  if (!opensCredit) return -1;
  const inBracket = tokens[i - 1]?.text === '(' || tokens[i - 1]?.text === '[';
  let j = i;
  while (j + 1 < end && !(inBracket && (tokens[j + 1]!.text === ')' || tokens[j + 1]!.text === ']'))) j++;
  return j;
}

/** A time stamp's last word before a run-in byline: "5:45 AM PST", "11/19/2019", "7:45 am" (a year is not: "founded in 1994 by"). */
const STAMP_END = /^(?:\d{1,2}:\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}|[aApP]\.?[mM]\.?|[A-Z]{1,2}[SD]?T|GMT|UTC|IST)$/;

/** A time stamp ends at token k: a clock time, a zone, or a date's year ("11/19/2019", "Nov. 19, 2019"). */
function stampEnds(tokens: Token[], k: number): boolean {
  const text = tokens[k]!.text;
  if (STAMP_END.test(text)) return true;
  const sep = tokens[k - 1]?.text;
  return /^(?:19|20)\d\d$/.test(text) && (sep === '/' || sep === ',');
}

/** Tokens from the text's start within which a headline, its stamp and its byline sit. */
const STAMP_ZONE = 150;

/** A given name: the lists know it, or it has a usual gender. */
function givenName(t: Token | undefined): boolean {
  return !!t && t.isWord && /^\p{Lu}\p{Ll}+$/u.test(t.text) && (isFirstName(t.text) || firstNameGender(t.text) !== 'unknown');
}

/** The capitalised word after a given name, through one middle initial: "Jane Roe", "Jane Q. Roe". */
/** "J.": one capital letter and a dot (the length test first: most words are no initial). */
function isInitial(word: string): boolean {
  return word.length <= 3 && word.endsWith('.') && /^\p{Lu}\.$/u.test(word);
}

function surnameEnd(tokens: Token[], given: number, end: number): number {
  let k = given + 1;
  if (k < end && isInitial(tokens[k]!.text)) k++;
  const t = tokens[k];
  return k < end && t && t.isWord && t.isCap && t.breakBefore === 0 ? k : -1;
}

/** Job words that close an agency writer's line: "Ap National Security Writer". */
const WRITER_WORDS = new Set(['Writer', 'Writers', 'Correspondent', 'Reporter', 'Editor']);

/**
 * A byline run into the headline's or the story's line, where extraction joined them:
 * "… 11/19/2019 by Jane Roe", "… Jane Roe, Ap National Security Writer" and a wire sign-off in
 * brackets, "(Reporting by Jane Roe; Editing by John Doe)". Returns the byline's last token or -1.
 */
function runInBylineEnd(tokens: Token[], i: number, end: number, first: number): number {
  const t = tokens[i]!;
  // "(Reporting by …)", "(Additional reporting by …)", "(Writing by …)": to the closing bracket.
  if (t.text === '(' && /^(?:Reporting|Additional|Writing|Editing)$/.test(tokens[i + 1]?.text ?? '')) {
    let j = i + 1;
    let by = false;
    while (j + 1 < end && tokens[j + 1]!.text !== ')' && j - i < 80) if (tokens[++j]!.lower === 'by') by = true;
    return by && tokens[j + 1]?.text === ')' ? j + 1 : -1;
  }
  // "11/19/2019 by Jane Roe": a given name and a surname after a time stamp's "by", where pages put
  // their stamps (a story may say "closed at 5 p.m. by Jane Roe").
  if (t.lower === 'by' && i > first && i < STAMP_ZONE && stampEnds(tokens, i - 1) && givenName(tokens[i + 1])) return surnameEnd(tokens, i + 1, end);
  // "Jane Roe, Ap National Security Writer": a name, a comma, the agency and a writer's title.
  // The name's shape and the agency after it first: they are cheap and rarely there; the name lookup last.
  if (t.isWord && (i === first || !tokens[i - 1]!.isWord || !tokens[i - 1]!.isCap || tokens[i - 1]!.isAllCaps)) {
    const last = surnameEnd(tokens, i, end);
    if (last < 0 || tokens[last + 1]?.text !== ',' || !/^(?:AP|Ap|Associated)$/.test(tokens[last + 2]?.text ?? '')) return -1;
    if (!givenName(t)) return -1;
    for (let k = last + 3; k < end && k <= last + 7; k++) {
      const w = tokens[k]!;
      if (!w.isWord || !w.isCap) return -1;
      if (WRITER_WORDS.has(w.text)) return k;
    }
  }
  return -1;
}

/**
 * Marks tokens of byline, wire, contributor and credit lines (Token.furniture), and the credit at
 * a caption's end. Returns how many tokens were marked.
 */
/** Calls to action that open a site's promotion line: "Follow us on …", "Listen to … live", "Sign up for …". */
const PROMO_OPENERS = new Set(['Follow', 'Subscribe', 'Listen', 'Download', 'Sign']);

const MAX_PROMO_WORDS = 16;

/** A short line that opens with a call to action and quotes no one: the site's, not the story's. */
function isPromoLine(tokens: Token[], first: number, end: number): boolean {
  if (!PROMO_OPENERS.has(tokens[first]!.text)) return false;
  const words = wordsOf(tokens, first, end);
  if (words.length > MAX_PROMO_WORDS) return false;
  for (let i = first; i < end; i++) if (/^["“”‘’']$/.test(tokens[i]!.text)) return false;
  // "Follow X on …", "Listen to …", "Sign up for …", "Subscribe to …", "Download the … app".
  const second = words[1]?.lower ?? '';
  return tokens[first]!.text === 'Follow' || tokens[first]!.text === 'Download' ? words.some((w) => w.text === 'on' || w.text === 'app') : second === 'to' || second === 'up';
}

/** Words that make a line with an address or handle the author's contact line. */
const CONTACT_CUES = new Set(['follow', 'email', 'e-mail', 'reached', 'contact', 'tip', 'tips']);

const MAX_CONTACT_WORDS = 60;
/** An e-mail address alone makes a contact line when the line is this short. */
const MAX_ADDRESS_LINE_WORDS = 40;

/**
 * The author's note at a story's end: "Email Jane Roe at jroe@example.com or follow her @janeroe",
 * "Jane Roe (jroe@example.com) is the editor of …", and the syndication note "Originally published
 * on Example News." A short line with an e-mail address or a handle and a contact word, or one that
 * says where the story first ran.
 */
function isAuthorNoteLine(tokens: Token[], first: number, end: number): boolean {
  if (end - first > 3 * MAX_CONTACT_WORDS) return false;
  let handle = false;
  let address = false;
  let originally = false;
  let words = 0;
  for (let i = first; i < end; i++) {
    const t = tokens[i]!;
    if (t.isWord) {
      words++;
      const w = t.lower;
      if (w === 'originally' && tokens[i + 1]?.text === 'published' && /^(?:on|by|in)$/.test(tokens[i + 2]?.text ?? '')) originally = true;
    } else if (t.text === '@') {
      // "@handle" or "name@example.com": the sign touches the word after it (and before it, in an address).
      const next = tokens[i + 1];
      const prev = tokens[i - 1];
      if (next && i + 1 < end && next.isWord && next.start === t.end) {
        handle = true;
        if (prev && i > first && prev.isWord && prev.end === t.start && next.text.includes('.')) address = true;
      }
    }
  }
  if (words > MAX_CONTACT_WORDS) return false;
  // The contact word matters beside a handle only: looked for on such lines alone (most have none).
  let cue = false;
  for (let i = first; handle && !cue && i < end; i++) if (tokens[i]!.isWord && CONTACT_CUES.has(tokens[i]!.lower)) cue = true;
  return (handle && cue) || (address && words <= MAX_ADDRESS_LINE_WORDS) || (originally && words <= 12);
}

const MAX_CITATION_WORDS = 120;

/**
 * A science story's reference to the paper: "More information: Jane Roe et al. Title, Journal (2019).
 * DOI: 10.1000/xyz", "Journal Reference: …", "Citation: Title (2019) retrieved … from …". The
 * paper's authors and journal are the reference's, not the story's.
 */
function isCitationLine(tokens: Token[], first: number, end: number): boolean {
  if (end - first > 3 * MAX_CITATION_WORDS) return false;
  const a = tokens[first]!.text;
  const b = tokens[first + 1]?.text ?? '';
  const c = tokens[first + 2]?.text ?? '';
  if ((a === 'More' && b === 'information' && c === ':') || (a === 'Journal' && (b === 'Reference' || b === 'reference') && c === ':')) return true;
  for (let i = first; i < end; i++) {
    const t = tokens[i]!.text;
    if ((t === 'DOI' || t === 'doi') && tokens[i + 1]?.text === ':') return true;
    if (t === 'retrieved' && a === 'Citation') return true;
  }
  return false;
}

export function markPageFurniture(tokens: Token[]): number {
  let marked = 0;
  const mark = (from: number, to: number): void => {
    for (let i = from; i <= to; i++) {
      if (!tokens[i]!.furniture) marked++;
      tokens[i]!.furniture = true;
    }
  };
  let first = 0;
  while (first < tokens.length) {
    let end = first + 1;
    while (end < tokens.length && tokens[end]!.breakBefore === 0) end++;
    if (isBylineLine(tokens, first, end) || isNamesOverStamp(tokens, first, end) || isContributorLine(tokens, first, end) || isPromoLine(tokens, first, end) || isAuthorNoteLine(tokens, first, end) || isCitationLine(tokens, first, end)) mark(first, end - 1);
    else {
      for (let i = first; i < end; i++) {
        const last = Math.max(creditEnd(tokens, i, end), runInBylineEnd(tokens, i, end, first));
        if (last >= i) {
          mark(i, last);
          i = last;
          continue;
        }
        // "Jane Roe/Getty Images", "(AP Photo/Jane Roe)": the name beside the slash is the photographer's.
        const t = tokens[i]!;
        if (t.text === '/' && i > first && i + 1 < end) {
          const after = tokens[i + 1]!;
          const before = tokens[i - 1]!;
          if (PHOTO_AGENCIES.has(after.text) || /^Photos?$/.test(before.text)) {
            let from = i;
            while (from > first && tokens[from - 1]!.isWord && tokens[from - 1]!.isCap && tokens[from - 1]!.breakBefore === 0 && from - 1 > i - 4) from--;
            let to = i + 1;
            while (to + 1 < end && tokens[to + 1]!.isWord && tokens[to + 1]!.isCap) to++;
            mark(from, to);
            i = to;
          }
        }
      }
    }
    first = end;
  }
  return marked;
}

/** Does any token in [first, last] sit on a byline or credit? */
export function touchesFurniture(tokens: Token[], first: number, last: number): boolean {
  for (let i = first; i <= last; i++) if (tokens[i]!.furniture) return true;
  return false;
}

/** Lower-case words a title keeps ("Takin’ It to the Streets", "Red for Ed"). */
const TITLE_FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'as', 'vs', 'via',
  'into', 'over', 'up', 'off', 'out', 'is', 'are',
]);

const MAX_TITLE_WORDS = 8;

/**
 * Works and slogans in quotation marks: “Listen to the Music”, “Star Wars”, “Never Trumpers”. Two or
 * more words set in title case inside a pair of quotation marks on one line name a song, film, book
 * or slogan, not the people, places and organisations whose words they borrow; they are marked like
 * page furniture.
 */
export function markQuotedTitles(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!.text;
    if (open !== '“' && open !== '"') continue;
    const close = open === '“' ? '”' : '"';
    let j = i + 1;
    let words = 0;
    let titleCase = true;
    while (j < tokens.length && tokens[j]!.breakBefore === 0 && tokens[j]!.text !== close && j - i <= MAX_TITLE_WORDS + 3) {
      const t = tokens[j]!;
      if (t.isWord) {
        words++;
        if (!t.isCap && !TITLE_FUNCTION_WORDS.has(t.text)) titleCase = false;
      } else if (t.text !== ',' && t.text !== '’' && t.text !== "'" && t.text !== '-' && t.text !== '!' && t.text !== '?' && t.text !== '.') titleCase = false;
      j++;
    }
    if (j >= tokens.length || tokens[j]!.text !== close || tokens[j]!.breakBefore > 0) continue;
    if (titleCase && words >= 2 && words <= MAX_TITLE_WORDS) for (let k = i + 1; k < j; k++) tokens[k]!.furniture = true;
    i = j;
  }
}
