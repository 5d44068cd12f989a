// Types merged candidates by what the sentence does with them, where news usage differs from the
// lists learned from CoNLL-2003 (Reuters, 1996): a name someone "told" or gave "a statement to" is
// an outlet, a name one "posted on" is a platform, a name before ", Town, ST" is a venue, a known
// place used as someone's affiliation ("a former X adviser") is the body that employs them, and a
// plural acronym ("the XYZs") is an event or award, not a name Lede highlights.
import { Strength, type Candidate } from './entities-classify';
import { gazetteerType, isFirstName, isWorldPlace } from './gazetteer';
import { isStateCode, isStateName } from './name-heads';
import type { Token } from './tokens';

/** Verbs whose object is the outlet the words went to: "told X", "tells X". */
const TELL_VERBS = new Set(['told', 'tells', 'telling']);

/** "a statement to X", "in an interview with X", "speaking to X". */
const TO_OUTLET_HEADS = new Set(['statement', 'statements', 'interview', 'interviews', 'comment', 'comments', 'spoke', 'speaking', 'talking', 'talked']);

/** "obtained by X", "first reported by X", "published by X". */
const BY_OUTLET_HEADS = new Set(['obtained', 'reported', 'published', 'broadcast', 'aired']);

/** Verbs after which "on X" names a platform: "posted on X", "wrote on X", "follow us on X". */
const POST_VERBS = new Set([
  'posted', 'post', 'posts', 'posting', 'wrote', 'writes', 'writing', 'tweeted', 'shared', 'sharing', 'announced', 'follow',
  'followed', 'streamed', 'streaming', 'uploaded', 'commented', 'live', 'available', 'trending',
]);

/** Role nouns whose affiliation comes right before them: "a former X adviser", "X officials". */
const AFFILIATION_ROLES = new Set([
  'adviser', 'advisers', 'advisor', 'advisors', 'aide', 'aides', 'official', 'officials', 'counsel', 'staffer', 'staffers',
  'spokesman', 'spokeswoman', 'spokesperson', 'correspondent', 'lawyer', 'lawyers', 'chief', 'staff', 'press',
]);

function lowerAt(tokens: Token[], i: number): string | null {
  const t = tokens[i];
  return t && t.isWord && !t.isCap && t.breakBefore === 0 ? t.text.toLowerCase() : null;
}

/** A token on the same line as the one before it, so cues never reach across a paragraph. */
function sameLine(tokens: Token[], i: number): boolean {
  return tokens[i]!.breakBefore === 0;
}

/** What the cue before the candidate says it is, if anything. */
function outletCue(tokens: Token[], first: number): boolean {
  if (!sameLine(tokens, first)) return false;
  const before = lowerAt(tokens, first - 1);
  if (before === null) return false;
  if (TELL_VERBS.has(before)) return true;
  const head = lowerAt(tokens, first - 2);
  if (head === null) return false;
  if ((before === 'to' || before === 'with') && TO_OUTLET_HEADS.has(head)) return true;
  return before === 'by' && BY_OUTLET_HEADS.has(head);
}

/**
 * "posted on X", "Follow Y on X, Z and W": the start of the list after "on" when a posting verb
 * stands before it (one name between them allowed: "follow Y on"). Returns the index after "on".
 */
function platformListStart(tokens: Token[], on: number): boolean {
  if (lowerAt(tokens, on) !== 'on') return false;
  for (let k = on - 1; k >= Math.max(0, on - 3); k--) {
    const t = tokens[k]!;
    // The verb may open the sentence: "Follow Y on X".
    if (POST_VERBS.has(t.text.toLowerCase())) return true;
    if (!t.isWord || !t.isCap || t.breakBefore > 0) return false;
  }
  return false;
}

/** "X, Town, ST" or "X, Town, State": a venue written with its address. */
function beforeAddress(tokens: Token[], last: number): boolean {
  let i = last + 1;
  if (tokens[i]?.text !== ',' || tokens[i]!.breakBefore > 0) return false;
  i++;
  let words = 0;
  while (tokens[i]?.isCap && tokens[i]!.breakBefore === 0 && words < 4) {
    i++;
    words++;
    if (tokens[i]?.text === '.' && tokens[i]!.breakBefore === 0) i++; // "St. Louis"
  }
  if (words === 0 || tokens[i]?.text !== ',' || tokens[i]!.breakBefore > 0) return false;
  const state = tokens[i + 1];
  if (!state || state.breakBefore > 0 || !(isStateCode(state.text) || isStateName(state.text))) return false;
  const after = tokens[i + 2];
  return !after || after.breakBefore > 0 || !after.isWord;
}

/** A known place (not a country, capital or state) named as the employer of the role after it. */
function affiliationOf(tokens: Token[], c: Candidate): boolean {
  if (c.type !== 'place' || isWorldPlace(c.text) || isStateName(c.text) || c.last === c.first) return false;
  let i = c.last + 1;
  // One capitalised topic word may stand between: "X Russia adviser".
  if (tokens[i]?.isCap && tokens[i]!.breakBefore === 0) i++;
  const role = lowerAt(tokens, i);
  if (role === null || !AFFILIATION_ROLES.has(role)) return false;
  return role !== 'press' || lowerAt(tokens, i + 1) === 'secretary';
}

/** "AMAs", "VMAs": an acronym in the plural names an event or prize series, never one body. */
export function isPluralAcronym(word: string): boolean {
  return /^\p{Lu}{2,}s$/u.test(word);
}

export function typeByContext(tokens: Token[], candidates: Candidate[]): Candidate[] {
  // Surnames of people the article names in full: "told Johnston" is a person, whoever else is told.
  const surnames = new Set<string>();
  for (const c of candidates) if (c.type === 'person' && c.last > c.first) surnames.add(tokens[c.last]!.text);
  const namedPerson = (c: Candidate): boolean =>
    c.honorific || (c.type === 'person' && c.strength >= Strength.Context) || gazetteerType(c.text) === 'PER' || isFirstName(tokens[c.first]!.text);
  const personLike = (c: Candidate): boolean => namedPerson(c) || (c.first === c.last && surnames.has(c.text));
  const placeKnown = (c: Candidate): boolean => isWorldPlace(c.text) || gazetteerType(c.text) === 'LOC' || isStateName(c.text);

  const orgTexts = new Set<string>();
  const out: Candidate[] = [];
  let platformList = false;
  let prevEnd = -1;
  for (const c of candidates) {
    if (c.first === c.last && isPluralAcronym(tokens[c.first]!.text)) continue;
    // A list continues over ", " and "and": "on Instagram, Facebook, Twitter and YouTube".
    const between = tokens.slice(prevEnd + 1, c.first);
    const continuesList: boolean = platformList && between.length > 0 && between.every((t) => t.breakBefore === 0 && (t.text === ',' || t.text === 'and'));
    platformList = continuesList || platformListStart(tokens, c.first - 1);
    prevEnd = c.last;
    let type = c.type;
    let strength = c.strength;
    if (beforeAddress(tokens, c.last) && !namedPerson(c)) {
      type = 'place';
      strength = Strength.Context;
    } else if ((outletCue(tokens, c.first) || platformList) && !personLike(c) && !placeKnown(c)) {
      type = 'organization';
      strength = Strength.Context;
      orgTexts.add(c.text);
    } else if (affiliationOf(tokens, c)) {
      type = 'organization';
      strength = Strength.Context;
      orgTexts.add(c.text);
    }
    out.push(type === c.type && strength === c.strength ? c : { ...c, type, strength });
  }
  // What one sentence says of a name holds for the article: the other mentions follow.
  if (orgTexts.size === 0) return out;
  return out.map((c) => (orgTexts.has(c.text) && c.type !== 'organization' && !c.honorific ? { ...c, type: 'organization', strength: Strength.Context } : c));
}
