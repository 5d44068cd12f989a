// A definite description that takes up a person named just before it: "Roe teased the tour. After the
// show, the singer and guitarist told the crowd …", "… Roe, 29, however the “Bad Blood” songstress has not
// replied", "The 61-year-old royal said". News writes these epithets to avoid repeating a name; they often
// say who the person is when no appositive or title does. This module finds the phrases; descriptions.ts
// decides whom each one takes up (the one person named in the sentence before it or earlier in its own).
import type { NameGender } from './name-gender';
import { isListedRoleHead, isPluralRoleHead, isRoleHead, isSpeechVerb, isStopWord, lower, mayModifyRole } from './descriptions-words';
import type { Token } from './tokens';

export interface DefiniteDescription {
  /** Token range of the phrase, "the" included. */
  first: number;
  last: number;
  phrase: string;
  /** What the head says of the person's sex ("songstress", "actress"): used to choose between two people. */
  gender: NameGender;
  /** A style of nobility or office, "the Duke of York": the person's own title, said in place of the name. */
  style?: boolean;
}

/** Titles of nobility and church office that news uses with "of" in place of a name ("the Duke of York said"). */
const STYLE_TITLES = new Set(['Duke', 'Duchess', 'Earl', 'Countess', 'Marquess', 'Marchioness', 'Baron', 'Baroness', 'Viscount', 'Archbishop', 'Bishop', 'Prince', 'Princess']);
const STYLE_GENDER: Record<string, NameGender> = { Duke: 'male', Earl: 'male', Marquess: 'male', Baron: 'male', Viscount: 'male', Prince: 'male', Duchess: 'female', Countess: 'female', Marchioness: 'female', Baroness: 'female', Princess: 'female' };

/** "the Duke of York", "the Archbishop of Canterbury": a style of nobility as a subject. */
function styleAt(text: string, tokens: Token[], i: number, mentionStarts: ReadonlyMap<number, number>): DefiniteDescription | undefined {
  const title = tokens[i + 1];
  const of = tokens[i + 2];
  const place = tokens[i + 3];
  if (!title || !STYLE_TITLES.has(title.text) || !of || of.text !== 'of' || !place?.isCap || !place.isWord) return undefined;
  let last = i + 3;
  while (last - i < 6 && tokens[last + 1]?.isCap && tokens[last + 1]!.isWord && tokens[last + 1]!.breakBefore === 0) last++;
  if (!endsAsSubject(tokens, last + 1, mentionStarts)) return undefined;
  return { first: i, last, phrase: text.slice(tokens[i]!.start, tokens[last]!.end), gender: STYLE_GENDER[title.text] ?? 'unknown', style: true };
}

/**
 * Role nouns that, after "the", as often point to someone the article never names or to a second person
 * ("the victim", "the officer", "the spokesman said"), or that say nothing of who someone is.
 */
const NOT_EPITHETS = new Set([
  'victim', 'suspect', 'witness', 'source', 'official', 'officer', 'agent', 'deputy', 'aide', 'spokesman', 'spokeswoman',
  'spokesperson', 'reporter', 'person', 'man', 'woman', 'resident', 'student', 'worker', 'employee', 'friend', 'father',
  'mother', 'son', 'daughter', 'neighbor', 'neighbour', 'partner', 'member', 'fan', 'voter', 'supporter', 'critic',
  'participant', 'observer', 'protester', 'protestor', 'survivor', 'veteran', 'insider', 'head', 'chief', 'counterpart',
  'successor', 'predecessor', 'colleague', 'ally', 'donor', 'backer', 'representative', 'speaker', 'owner', 'driver',
  'judge', 'prosecutor', 'lawyer', 'attorney', 'counsel', 'doctor', 'nurse', 'patient', 'customer', 'user', 'host',
  'guest', 'rival', 'opponent', 'winner', 'loser', 'leader', 'boss', 'native', 'homeowner', 'constituent', 'defendant',
  'plaintiff', 'caller', 'passenger', 'shooter', 'gunman', 'attacker', 'assailant', 'teen', 'teenager', 'child', 'boy',
  'girl', 'individual', 'sender', 'writer', 'author', 'editor', 'administration', 'district', 'group', 'firm', 'named',
  'advised', 'along', 'fellow', 'expert', 'analyst', 'researcher', 'scientist', 'player', 'coach', 'manager', 'director',
  'executive', 'chair', 'chairman', 'chairwoman', 'president', 'secretary', 'minister', 'senator', 'governor', 'mayor',
  'king', 'queen', 'prince', 'princess', 'premier', 'chancellor', 'commissioner', 'candidate', 'nominee', 'incumbent',
]);

/**
 * Office titles that need a word before them to point at one person ("the Vermont senator", "the former
 * president"): bare, "the president said" may mean an office-holder the article has not named.
 */
const BARE_NEEDS_MODIFIER = new Set([
  'president', 'secretary', 'minister', 'senator', 'governor', 'mayor', 'king', 'queen', 'prince', 'princess', 'premier',
  'chancellor', 'commissioner', 'candidate', 'nominee', 'incumbent', 'leader', 'chairman', 'chairwoman', 'chair',
  'director', 'executive', 'manager', 'coach', 'player', 'expert', 'analyst', 'researcher', 'scientist', 'writer', 'author',
]);

const FEMALE_HEADS = /(?:ess|woman|wife|mother|daughter|queen|princess|ballerina|diva|starlet|heiress|comedienne)$/;
const MALE_HEADS = /(?:man|husband|father|son|king|prince|frontman|crooner)$/;

/** Words that may open the clause a subject phrase starts after a comma: "…, however the singer has". */
const CLAUSE_LINKS = new Set(['however', 'but', 'yet', 'so', 'though', 'although', 'meanwhile']);
/** Words after the head that show the phrase is a subject ("the singer told", "the actress has"). */
const AUXILIARIES = new Set([
  'is', 'was', 'has', 'had', 'will', 'would', 'can', 'could', 'did', 'does', 'may', 'might', 'should', 'must',
  'said', 'says', 'told', 'wrote', 'added', 'also', 'then', 'later', 'once', 'still', 'never', 'recently',
  'hasn’t', "hasn't", 'wasn’t', "wasn't", 'didn’t', "didn't", 'isn’t', "isn't", 'won’t', "won't",
]);
const QUOTES_OPEN = new Set(['“', '"', '‘']);
const QUOTES_CLOSE = new Set(['”', '"', '’']);

/** Longest phrase between "the" and its head, in tokens. */
const MAX_MODIFIERS = 6;

function headGender(w: string): NameGender {
  if (FEMALE_HEADS.test(w)) return 'female';
  if (MALE_HEADS.test(w) && !/(?:woman|human)$/.test(w)) return 'male';
  return 'unknown';
}

/** Nouns news uses as epithets that are not roles before a name: "the 61-year-old royal". */
const MORE_EPITHETS = new Set(['royal', 'monarch', 'matriarch', 'patriarch', 'icon', 'hitmaker', 'entertainer', 'performer', 'businessman', 'businesswoman']);

function isEpithetHead(t: Token): boolean {
  if (!t.isWord || t.isCap) return false;
  const w = lower(t);
  if (MORE_EPITHETS.has(w)) return true;
  return isListedRoleHead(w) && !isPluralRoleHead(w) && !NOT_EPITHETS.has(w);
}

/** An epithet's head may also be one of the bare office titles when a modifier stands before it. */
function isModifiedOfficeHead(t: Token): boolean {
  return t.isWord && !t.isCap && BARE_NEEDS_MODIFIER.has(lower(t));
}

/** "the" opening a subject: at a sentence start, or after a comma and, maybe, a clause link. */
function opensSubject(tokens: Token[], i: number, mentionEnds: ReadonlyMap<number, number>): boolean {
  const t = tokens[i]!;
  if (t.breakBefore > 0 || i === 0) return true;
  const prev = tokens[i - 1]!;
  if (['.', '!', '?'].includes(prev.text)) return true;
  let k = i - 1;
  if (prev.isWord && CLAUSE_LINKS.has(lower(prev))) k--;
  // "After hitting “Song,” the singer told": the comma inside the closing quote.
  if (QUOTES_CLOSE.has(tokens[k]?.text ?? '') && tokens[k - 1]?.text === ',') k--;
  if (tokens[k]?.text !== ',') return false;
  // "Jane Roe, the singer, said": an appositive, read by descriptions-after.ts.
  return !mentionEnds.has(k - 1);
}

/** The epithet opened by "the" at token `i`, or nothing. */
export function definiteDescriptionAt(text: string, tokens: Token[], i: number, mentionStarts: ReadonlyMap<number, number>, mentionEnds: ReadonlyMap<number, number>): DefiniteDescription | undefined {
  const the = tokens[i]!;
  if (lower(the) !== 'the' || !opensSubject(tokens, i, mentionEnds)) return undefined;
  const style = styleAt(text, tokens, i, mentionStarts);
  if (style) return style;
  let k = i + 1;
  let modifiers = 0;
  let head = -1;
  while (k < tokens.length && k - i <= MAX_MODIFIERS + 1) {
    const t = tokens[k]!;
    if (t.breakBefore > 0 || mentionStarts.has(k)) return undefined;
    if (QUOTES_OPEN.has(t.text)) {
      // A quoted work as a modifier: "the “Bad Blood” songstress".
      let q = k + 1;
      while (q < tokens.length && q - k <= 5 && !QUOTES_CLOSE.has(tokens[q]!.text)) q++;
      if (!QUOTES_CLOSE.has(tokens[q]?.text ?? '') || q === k + 1) return undefined;
      k = q + 1;
      modifiers++;
      continue;
    }
    if (!t.isWord) break;
    const w = lower(t);
    if (isEpithetHead(t) || (modifiers > 0 && isModifiedOfficeHead(t))) {
      head = k;
      // "the singer and guitarist": two heads joined.
      if (lower(tokens[k + 1] ?? t) === 'and' && tokens[k + 2] && (isEpithetHead(tokens[k + 2]!) || isModifiedOfficeHead(tokens[k + 2]!))) head = k + 2;
      break;
    }
    if (/^\d+-year-old$/.test(w) || (t.isCap && !t.sentenceStart) || mayModifyRole(t)) {
      modifiers++;
      k++;
      continue;
    }
    return undefined;
  }
  if (head < 0) return undefined;
  const headWord = lower(tokens[head]!);
  if (BARE_NEEDS_MODIFIER.has(headWord) && modifiers === 0) return undefined;
  if (!endsAsSubject(tokens, head + 1, mentionStarts)) return undefined;
  return { first: i, last: head, phrase: text.slice(the.start, tokens[head]!.end), gender: headGender(headWord) };
}

/**
 * Tokens inside double quotation marks (curly, or straight ones taken in pairs), within a paragraph: a name
 * in quoted words is not one an epithet outside takes up, and an epithet inside may be anyone's.
 */
export function quotedTokens(tokens: Token[]): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  let open = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    if (tokens[i]!.breakBefore > 0) open = false;
    if (t === '“' || (t === '"' && !open)) open = true;
    else if (t === '”' || t === '"') open = false;
    else out[i] = open;
  }
  return out;
}

/** "“…,” the moderator said": the epithet names whoever said the quotation, as likely someone just introduced
 * as the person named before it. */
export function isQuoteSpeaker(tokens: Token[], found: DefiniteDescription): boolean {
  const close = found.first - 1;
  const prev = tokens[close];
  if (!prev || prev.breakBefore > 0 || !QUOTES_CLOSE.has(prev.text) || !isSpeakerAfterContent(tokens, found)) return false;
  // Speech opens its own sentence; a quoted title sits inside one ("After playing “Long Road,” the singer told").
  for (let k = close - 1; k >= 0 && close - k <= 200; k--) {
    const t = tokens[k]!;
    if (QUOTES_OPEN.has(t.text) && (t.text !== '"' || !tokens[k + 1] || tokens[k + 1]!.start === t.end)) {
      const before = tokens[k - 1];
      return k === 0 || t.breakBefore > 0 || !before || ['.', '!', '?', ':'].includes(before.text);
    }
    if (t.breakBefore > 0) return true;
  }
  return false;
}

/** "…, the columnist suggested": the epithet names who said the words before it, which may name others. */
export function isSpeakerAfterContent(tokens: Token[], found: DefiniteDescription): boolean {
  const prev = tokens[found.first - 1];
  const next = tokens[found.last + 1];
  if (!prev || !next || prev.breakBefore > 0 || ['.', '!', '?'].includes(prev.text) || found.first === 0) return false;
  return next.isWord && (isSpeechVerb(lower(next)) || ['said', 'says', 'told', 'added', 'wrote', 'suggested', 'replied', 'noted', 'argued'].includes(lower(next)));
}

/** The token after the head shows a verb or a clause comes next, not more of a noun phrase. */
function endsAsSubject(tokens: Token[], k: number, mentionStarts: ReadonlyMap<number, number>): boolean {
  const t = tokens[k];
  if (!t || mentionStarts.has(k)) return false;
  // "The financier, who died in 2019, had": a clause after the phrase.
  if (t.text === ',') return lower(tokens[k + 1] ?? t) === 'who';
  if (!t.isWord || t.isCap) return false;
  const w = lower(t);
  if (AUXILIARIES.has(w)) return true;
  if (isStopWord(w) || isRoleHead(w)) return false;
  // A verb by its ending: "teased", "allegedly", "performs".
  return /(?:ed|ly)$/.test(w) || (/[^s]s$/.test(w) && w.length > 3);
}
