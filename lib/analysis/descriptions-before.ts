// What stands before a name and says who the person is:
//   a title or role phrase right before it: "Acme President Jane Roe", "Secretary of State John Kerry",
//     "former White House Russia adviser Fiona Hill", "the president’s lawyer Rudy Giuliani",
//     "former special envoy to Ukraine Kurt Volker";
//   a noun phrase closed by a comma, the name its appositive: "Roe’s attorney, Jane Doe, said".
import type { TitleEnds } from './entities-candidates';
import { gazetteerType, isNonEntityCap } from './gazetteer';
import { isHumanNoun } from './speech-cues';
import { isPossessiveMark, isPluralRoleHead, isRoleHead, isRoleModifier, isStopWord, lower, mayModifyRole, PHRASE_DETERMINERS } from './descriptions-words';
import type { Token } from './tokens';

/** Names already recognised, by their last token: their first token and whether they name a person. */
export type MentionEnds = Map<number, number>;

/** Words after a name that continue a list or a phrase rather than start the name's verb. */
const FRONTED_NOT_VERBS = new Set(['and', 'or', 'nor', 'of', 'in', 'at', 'for', 'to', 'from', 'with', 'on', 'by', 'as']);
/** Who stands behind someone, inside a title before the name: "tea-party backed candidate", "Boston based lawyer". */
const BACKING = new Set(['backed', 'funded', 'based', 'owned']);
const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'they', 'he', 'she']);
const RELATIVE_PRONOUNS = new Set(['who', 'which']);
/** Longest phrase before a name, in tokens. */
const MAX_TOKENS = 10;
const LINK_PREPOSITIONS = new Set(['to', 'for', 'of', 'at']);

export interface TitleBefore {
  /** The phrase as written ("former White House Russia adviser"). */
  phrase: string;
  /** The phrase's head noun is plural ("founding members"): it may cover a list of names after it. */
  plural: boolean;
}

/** The title or role phrase right before the name whose first token is `first`. */
export function titleBefore(text: string, tokens: Token[], first: number, titles: TitleEnds, mentionEnds: MentionEnds): TitleBefore | undefined {
  if (first === 0 || tokens[first]!.breakBefore > 0) return undefined;
  const found = headBefore(tokens, first - 1, titles, mentionEnds);
  if (!found) return undefined;
  const start = walkBack(tokens, found.start, first, titles, mentionEnds, false);
  if (start === undefined) return undefined;
  return { phrase: slice(text, tokens, start, first - 1), plural: found.plural };
}

/**
 * "Roe’s attorney, Jane Doe, said" / "his Chinese counterpart, Xi Jinping, in": a noun phrase with a role
 * head and a determiner or possessive, a comma, then the name, closed by a comma or the sentence end.
 */
export function appositiveBefore(text: string, tokens: Token[], first: number, last: number, titles: TitleEnds, mentionEnds: MentionEnds): string | undefined {
  const comma = tokens[first - 1];
  const after = tokens[last + 1];
  if (!comma || comma.text !== ',') return undefined;
  // "the then UK Home Secretary, Jane Roe,": a capitalised title, opened by a determiner.
  const capHead = tokens[first - 2];
  const titleStart = titles.get(first - 2) ?? (capHead?.isCap && capHead.isWord && !shouted(capHead) && isRoleHead(capHead.text) && !isPluralRoleHead(capHead.text) ? first - 2 : undefined);
  if (titleStart !== undefined && (!after || [',', '.', ';'].includes(after.text))) {
    const start = walkBack(tokens, titleStart, first - 1, titles, mentionEnds, true) ?? (opensSentence(tokens, titleStart) ? titleStart : undefined);
    return start === undefined ? undefined : slice(text, tokens, start, first - 2);
  }
  // "Sweden’s deputy director of public prosecutions, Jane Roe,": the role's head before "of" and what it heads.
  const ofHead = headBeforeOf(tokens, first - 2, mentionEnds);
  const head = tokens[ofHead ?? first - 2];
  // "President of the Senate, Jane Roe,": a capitalised title with its "of", opening the sentence.
  if (ofHead !== undefined && head?.isCap && (!after || [',', '.', ';'].includes(after.text))) {
    const start = walkBack(tokens, ofHead, first - 1, titles, mentionEnds, true) ?? (opensSentence(tokens, ofHead) ? ofHead : undefined);
    return start === undefined ? undefined : slice(text, tokens, start, first - 2);
  }
  if (!head || !head.isWord || head.isCap) return undefined;
  // The name closes the phrase: a comma or the sentence end, or its own affiliation ("…, Jane Roe of the Acme party,").
  const owner = tokens[last + 2]?.text === 'the' ? tokens[last + 3] : tokens[last + 2];
  const affiliated = after?.text === 'of' && owner?.isCap === true;
  // "The son of a former president, Fritz Roe was stabbed": a phrase that opens the sentence may have the name
  // and its verb after it, without a closing comma.
  const fronted = !!after && !affiliated && after.isWord && !after.isCap && !FRONTED_NOT_VERBS.has(lower(after));
  if (after && ![',', '.', ';', '!', '?'].includes(after.text) && !affiliated && !fronted) return undefined;
  // "the man who kidnapped the child, Michael Webb,": the role is the noun before the who clause, not its object.
  // In "the dog who bit the child, Michael Webb," which of the two the name is stays unclear: nothing.
  const relative = relativeBefore(text, tokens, first, after?.text === ',');
  if (relative || !isRoleHead(head.text) || insideRelative(tokens, first)) return relative;
  // "one of the study authors, Owen Doe,": a plural names a group the person belongs to, not who they are.
  if (isPluralRoleHead(head.text)) return undefined;
  if (fronted) {
    const start = walkBack(tokens, ofHead ?? first - 2, first - 1, titles, mentionEnds, true);
    return start !== undefined && opensSentence(tokens, start) ? slice(text, tokens, start, first - 2) : undefined;
  }
  if (ofHead !== undefined) {
    const start = walkBack(tokens, ofHead, first - 1, titles, mentionEnds, true);
    return start === undefined ? undefined : slice(text, tokens, start, first - 2);
  }
  const start = walkBack(tokens, first - 2, first - 1, titles, mentionEnds, true) ?? bareRoleStart(tokens, first);
  if (start === undefined) return undefined;
  return slice(text, tokens, start, first - 2);
}

/** Words that may follow the role in an "As a ROLE …," opening. */
const AS_LINKS = new Set(['of', 'for', 'at', 'to', 'in', 'with', 'on', 'from', 'and']);
const LIFE_STAGES = new Set(['child', 'kid', 'boy', 'girl', 'baby', 'toddler', 'teenager', 'teen', 'youngster', 'youth', 'adult', 'adolescent', 'infant', 'newborn']);
/** Longest "As a ROLE …," opening, in tokens. */
const MAX_AS_TOKENS = 16;

/**
 * "As a lung biologist at Acme University, Jane Roe followed …", "As the company’s CEO, Roe oversaw …": a
 * sentence that opens with "As" and a noun phrase whose head (before any preposition) is a role noun, then the
 * name and its verb.
 */
export function asRoleBefore(text: string, tokens: Token[], first: number, last: number): string | undefined {
  const after = tokens[last + 1];
  if (tokens[first - 1]?.text !== ',') return undefined;
  if (!after || !after.isWord || after.isCap || FRONTED_NOT_VERBS.has(after.lower)) return undefined;
  let s = first - 2;
  while (s > 0 && first - s <= MAX_AS_TOKENS && !tokens[s]!.sentenceStart && tokens[s]!.breakBefore === 0) {
    if (!tokens[s]!.isWord && !isPossessiveMark(tokens[s]) && tokens[s]!.text !== '-') return undefined;
    s--;
  }
  const as = tokens[s]!;
  if (as.lower !== 'as' || !(as.sentenceStart || as.breakBefore > 0 || s === 0) || !PHRASE_DETERMINERS.has(tokens[s + 1]?.lower ?? '')) return undefined;
  // "As the president meandered through his text, Trump railed": a clause, not a role.
  for (let k = s + 2; k < first - 1; k++) {
    const t = tokens[k]!;
    if (t.isWord && !t.isCap && !isRoleModifier(t.text) && (/\p{Ll}ed$/u.test(t.lower) || (isStopWord(t.text) && !AS_LINKS.has(t.lower) && !PHRASE_DETERMINERS.has(t.lower)))) return undefined;
    if (t.isWord && !t.isCap && /\p{Ll}s$/u.test(t.lower) && !isRoleHead(t.text) && tokens[k + 1]?.isWord && PHRASE_DETERMINERS.has(tokens[k + 1]!.lower)) return undefined;
  }
  for (let k = s + 2; k < first - 1; k++) {
    const t = tokens[k]!;
    if (t.isWord && LINK_PREPOSITIONS.has(t.lower)) return undefined;
    if (t.isWord && (!t.isCap || k > s + 2) && isRoleHead(t.text) && !isPluralRoleHead(t.text)) {
      // "As a child, Roe lived in Ohio": a time of life, not who the person is.
      if (LIFE_STAGES.has(t.lower)) return undefined;
      // The role ends the phrase or takes a complement: "As the president speaks, …" is a clause.
      const next = tokens[k + 1]!;
      if (k + 1 !== first - 1 && !AS_LINKS.has(next.lower)) return undefined;
      return slice(text, tokens, s + 1, first - 2);
    }
    if (t.isWord && !t.isCap && (isStopWord(t.text) && t.lower !== 'and')) return undefined;
  }
  return undefined;
}

/**
 * "Veteran Nollywood actress, Kate Henshaw, who …", "an event by media mogul, Debola Lagos.": a role phrase of
 * two words or more with no determiner, opening the sentence or after a verb or preposition (not a list's
 * "and", nor another comma).
 */
function bareRoleStart(tokens: Token[], first: number): number | undefined {
  const start = walkBack(tokens, first - 2, first - 1, new Map(), new Map(), false);
  if (start === undefined || first - 2 - start < 1) return undefined;
  const s = tokens[start]!;
  if (s.sentenceStart || s.breakBefore > 0 || start === 0) return start;
  const before = tokens[start - 1]!;
  if (!before.isWord || before.isCap || ['and', 'or', 'nor', 'but'].includes(lower(before))) return undefined;
  return start;
}

/**
 * "director of public prosecutions", "head of the agency": the role head before "of" when the words from it to
 * `end` (the one before the comma) are an object without a clause or a comma. Returns the head's index.
 */
function headBeforeOf(tokens: Token[], end: number, mentionEnds: MentionEnds): number | undefined {
  // A name in the object counts as one word: "son of former President Richard Roe".
  for (let k = end, steps = 0; k > 1 && steps < 5; k--, steps++) {
    const mentionStart = mentionEnds.get(k);
    if (mentionStart !== undefined && mentionStart < k) k = mentionStart;
    const t = tokens[k]!;
    if (!t.isWord || t.breakBefore > 0) return undefined;
    // "their nominee for governor", "the ambassador to Ukraine", "a researcher at Acme".
    if (!LINK_PREPOSITIONS.has(lower(t))) {
      if (isStopWord(t.text) && !PHRASE_DETERMINERS.has(lower(t))) return undefined;
      continue;
    }
    const h = tokens[k - 1]!;
    return k < end && h.isWord && !shouted(h) && isRoleHead(h.text) && !isPluralRoleHead(h.text) ? k - 1 : undefined;
  }
  return undefined;
}

/** A word in capitals that is no acronym title ("CEO", "MP" are; "PRESIDENT" in a shouted line is not). */
function shouted(t: Token): boolean {
  return t.isAllCaps && (t.text.length > 4 || t.inCapsSentence);
}

function opensSentence(tokens: Token[], k: number): boolean {
  return k === 0 || tokens[k]!.sentenceStart || tokens[k]!.breakBefore > 0;
}

/** Longest relative clause before a name we read back over, in tokens. */
const MAX_RELATIVE_TOKENS = 10;

/** A "who" a few words before the comma at first - 1, in the same clause: the noun phrase is that clause's object. */
function insideRelative(tokens: Token[], first: number): boolean {
  for (let k = first - 3; k >= 0 && first - k <= MAX_RELATIVE_TOKENS; k--) {
    const t = tokens[k]!;
    if (!t.isWord || t.breakBefore > 0) return false;
    if (lower(t) === 'who') return true;
  }
  return false;
}

/**
 * "the man who kidnapped the child, Michael Webb, was sentenced": a determiner, a noun for a person, a "who"
 * clause, then the name between commas.
 */
function relativeBefore(text: string, tokens: Token[], first: number, closedByComma: boolean): string | undefined {
  if (!closedByComma) return undefined;
  for (let k = first - 3; k >= 2 && first - k <= MAX_RELATIVE_TOKENS; k--) {
    const t = tokens[k]!;
    if (!t.isWord || t.breakBefore > 0) return undefined;
    if (lower(t) !== 'who') continue;
    const noun = tokens[k - 1]!;
    const det = tokens[k - 2]!;
    if (!noun.isWord || noun.isCap || !(isRoleHead(noun.text) || isHumanNoun(lower(noun)))) return undefined;
    if (!PHRASE_DETERMINERS.has(lower(det))) return undefined;
    return slice(text, tokens, k - 2, first - 2);
  }
  return undefined;
}

/** The head of a phrase ending at token k: a capitalised title, a role noun, or "HEAD to/of PLACE". */
function headBefore(tokens: Token[], k: number, titles: TitleEnds, mentionEnds: MentionEnds): { start: number; plural: boolean } | undefined {
  const titleStart = titles.get(k);
  if (titleStart !== undefined) return { start: titleStart, plural: false };
  const t = tokens[k]!;
  if (!t.isWord) return undefined;
  // "we suspect John Roe", "they coach Jane Roe": after a subject pronoun the role noun is a verb.
  if (SUBJECT_PRONOUNS.has(tokens[k - 1]?.lower ?? '')) return undefined;
  // "which stars Jane Roe": after a relative pronoun, likewise.
  if (!tokens[k]!.isCap && RELATIVE_PRONOUNS.has(tokens[k - 1]?.lower ?? '')) return undefined;
  if (isRoleHead(t.text) && !mentionEnds.has(k) && (!t.isCap || !t.sentenceStart || k === 0 || t.isAllCaps)) {
    if (t.isCap && t.isAllCaps && t.text.length > 4) return undefined;
    return { start: k, plural: isPluralRoleHead(t.text) };
  }
  // "Lakers great Magic Roe", "Tennis great Jane Doe": "great" is a noun after a team's or a sport's name.
  if (t.lower === 'great' && !t.isCap && k > 0 && tokens[k - 1]!.isCap && tokens[k - 1]!.isWord && !isStopWord(tokens[k - 1]!.text) && !PHRASE_DETERMINERS.has(tokens[k - 1]!.lower)) {
    return { start: k, plural: false };
  }
  // "former secretary of state Hillary Clinton": a lower-case department after "of".
  if (!t.isCap && k >= 2 && lower(tokens[k - 1]!) === 'of' && isRoleHead(tokens[k - 2]!.text) && !tokens[k - 2]!.isCap && mayModifyRole(t)) {
    return { start: k - 2, plural: false };
  }
  // "former special envoy to Ukraine Kurt Volker": an affiliation with its preposition after the head.
  const mStart = mentionEnds.get(k);
  if (mStart !== undefined && mStart >= 2 && LINK_PREPOSITIONS.has(lower(tokens[mStart - 1]!))) {
    const h = tokens[mStart - 2]!;
    if (h.isWord && !h.isCap && isRoleHead(h.text)) return { start: mStart - 2, plural: false };
  }
  return undefined;
}

/**
 * Walks left from the head's first token over modifiers, affiliations and possessives; returns the phrase's
 * first token. With `needDeterminer`, the phrase must open with a determiner or a possessive.
 */
function walkBack(tokens: Token[], start: number, first: number, titles: TitleEnds, mentionEnds: MentionEnds, needDeterminer: boolean): number | undefined {
  let s = start;
  let opened = false;
  while (s > 0 && first - s < MAX_TOKENS && tokens[s]!.breakBefore === 0) {
    const k = s - 1;
    const t = tokens[k]!;
    // "who advises Attorney-General …", "which stars …": the word after a relative pronoun is its verb.
    if (!t.isCap && k > 0 && RELATIVE_PRONOUNS.has(tokens[k - 1]!.lower) && /\p{Ll}(?:s|ed)$/u.test(t.lower) && !isRoleModifier(t.text) && !PHRASE_DETERMINERS.has(t.lower)) break;
    const titleStart = titles.get(k);
    const mentionStart = mentionEnds.get(k);
    if (titleStart !== undefined) s = titleStart;
    else if (isPossessiveMark(t) && k > 0) {
      // "North Korea’s leader", "the president’s lawyer": the owner joins the phrase.
      let owner = mentionEnds.get(k - 1) ?? k - 1;
      // "the Prime Minister’s national security adviser": a capitalised title owns the role, all its words.
      if (owner === k - 1 && tokens[owner]!.isCap && isRoleHead(tokens[owner]!.text)) {
        while (owner > 0 && k - owner < 4 && tokens[owner - 1]!.isCap && tokens[owner - 1]!.isWord && tokens[owner]!.breakBefore === 0 && (isRoleHead(tokens[owner - 1]!.text) || isRoleModifier(tokens[owner - 1]!.text))) owner--;
      }
      if (!tokens[k - 1]!.isWord) break;
      s = owner;
      opened = true;
    } else if (mentionStart !== undefined) s = mentionStart;
    else if (CLOSING_QUOTES.has(t.text)) {
      // "“Daily Show” host Trevor Noah": a quoted title of a work qualifies the role.
      const open = quotedTitleStart(tokens, k);
      if (open === undefined) break;
      s = open;
    } else if (!t.isWord) break;
    // "Los Angeles-based", "Pulitzer Prize-winning": the hyphen and the word it joins to come along.
    else if (gluedHyphenBefore(tokens, k)) s = k - 1;
    else if (lower(t) === 'and' && k > 0 && tokens[k - 1]!.isWord && isRoleHead(tokens[k - 1]!.text)) s = k;
    // "Popular Christian and corporate speaker": two modifiers of the head joined by "and" (not a plural, which
    // names a group: "Senate Democrats and Republican leader …"; nor the end of a title's "of": "… of State and").
    else if (lower(t) === 'and' && s < start && k > 1 && andJoinsModifiers(tokens, k, mentionEnds)) s = k;
    else if (PHRASE_DETERMINERS.has(lower(t))) {
      s = k;
      opened = true;
      break;
    } else if (t.isCap) {
      // "High school math teacher Angela Cooper": a sentence's first word may be an ordinary modifier.
      const ordinaryFirst = t.sentenceStart && mayModifyRole(t);
      // "Acme President Jane Roe": an unknown name right before a capitalised title is its organisation.
      const owner = !t.sentenceStart && isOwnerWord(t);
      if (!isAffiliationWord(t) && !ordinaryFirst && !owner) break;
      s = k;
    } else if ((mayModifyRole(t) && !afterInfinitiveMarker(tokens, k)) || lower(t) === 'former' || lower(t) === 'ex-' || BACKING.has(t.lower)) s = k;
    else if (nounInIng(tokens, k, start)) s = k;
    else break;
  }
  if (needDeterminer && !opened) return undefined;
  return s;
}

/**
 * "policy planning director", "Fight for $15 organizing director": an -ing noun right before a lower-case head
 * names a department, when a modifier or an organisation stands before it ("praising spokesman …" does not).
 */
function nounInIng(tokens: Token[], k: number, head: number): boolean {
  const t = tokens[k]!;
  if (t.isCap || k + 1 !== head || !/^\p{Ll}+ing$/u.test(t.text) || t.text.length < 6) return false;
  const h = tokens[head]!;
  if (h.isCap || !isRoleHead(h.text)) return false;
  const before = tokens[k - 1];
  if (!before || t.breakBefore > 0) return false;
  if (before.isCap && before.isWord) return !before.sentenceStart || isAffiliationWord(before);
  return before.isWord && !isStopWord(before.text) && !PHRASE_DETERMINERS.has(lower(before)) && mayModifyRole(before);
}

const CLOSING_QUOTES = new Set(['”', '"', '’']);
const OPENING_QUOTES = new Set(['“', '"', '‘']);
/** Small words a title-case work title keeps lower-case ("Orange Is the New Black"). */
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'is', 'with', 'by', 'from']);

/** The opening quote of a short title-case work title closed at k ("“Daily Show”"), or undefined. */
function quotedTitleStart(tokens: Token[], k: number): number | undefined {
  if (!tokens[k - 1]?.isWord) return undefined;
  for (let o = k - 1; o >= 0 && k - o <= 8; o--) {
    const t = tokens[o]!;
    if (OPENING_QUOTES.has(t.text) && o < k - 1) return tokens[o + 1]!.isCap ? o : undefined;
    if (t.breakBefore > 0 && o < k - 1) return undefined;
    if (!t.isWord && t.text !== '’s' && t.text !== "'s") return undefined;
    if (!t.isCap && !TITLE_SMALL_WORDS.has(lower(t))) return undefined;
  }
  return undefined;
}

/** "to investigate political rival Joe Biden", "will kill": a verb, not a modifier ("according to" is no verb's). */
function afterInfinitiveMarker(tokens: Token[], k: number): boolean {
  const before = tokens[k - 1];
  if (!before || !before.isWord || !/^(?:to|will|would|can|could|should|must|may|might|did|does|do|not|\p{L}*n’t|\p{L}*n't)$/iu.test(before.text)) return false;
  return !(lower(before) === 'to' && tokens[k - 2] && /^(?:according|next|close|due|thanks)$/i.test(tokens[k - 2]!.text));
}

/** Token k is a word glued by a hyphen to the word before it ("Angeles" "-" "based"). */
function gluedHyphenBefore(tokens: Token[], k: number): boolean {
  const hyphen = tokens[k - 1];
  const before = tokens[k - 2];
  if (!hyphen || !before || hyphen.text !== '-' || hyphen.end !== tokens[k]!.start || before.end !== hyphen.start || !before.isWord) return false;
  // "re-elected", "pre-ordered": a verb with its prefix, not a compound adjective.
  return !/^(?:re|pre|co|un|over|out)$/i.test(before.text) || !/ed$/.test(tokens[k]!.text);
}

function andJoinsModifiers(tokens: Token[], k: number, mentionEnds: MentionEnds): boolean {
  const m = tokens[k - 1]!;
  if (!m.isWord || mentionEnds.has(k - 1) || /s$/.test(m.text) || isStopWord(tokens[k - 2]!.text)) return false;
  return m.isCap ? isAffiliationWord(m) : isRoleModifier(m.text);
}

/** Not a month, weekday or clause word ("In March President …", "When Senator …"). */
function isOwnerWord(t: Token): boolean {
  return t.isWord && !isNonEntityCap(t.text) && !isStopWord(t.text) && !PHRASE_DETERMINERS.has(lower(t)) && !MONTHS_AND_DAYS.test(t.text);
}

const MONTHS_AND_DAYS =
  /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$|^(?:January|February|March|April|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** A capitalised word that may qualify a role: a nationality or party, an acronym, a known name. */
function isAffiliationWord(t: Token): boolean {
  // "AS Opposition Leader …": a capitalised lead-in's small word is no acronym.
  if (t.isAllCaps) return !isStopWord(t.text) || !!gazetteerType(t.text);
  if (gazetteerType(t.text)) return true;
  return /^(?:Former|Ex|Then|Deputy|Acting|Interim|Senior|Chief|Executive|Vice|Assistant|Associate|Special|Republican|Democratic|Democrat|GOP|State|Federal|National|House|Senate)$/.test(t.text);
}

function slice(text: string, tokens: Token[], first: number, last: number): string {
  return text.slice(tokens[first]!.start, tokens[last]!.end).replace(/\s+/g, ' ').trim();
}
