// What follows a name and says who the person is, as news writes it:
//   appositives with or without a determiner: "Roe, a former State Department official," / "Roe, president
//     and chief operating officer of Acme," / "Roe, Acme’s chief economist,";
//   age and hometown: "Roe, 55, of Addison, a village near Ithaca,"; party and state: "Roe, R-Texas,";
//   "who" clauses: "Roe, who leads the agency’s science office,";
//   affiliations: "John Doe of the University of Iowa";
//   a dash instead of commas: "Roe, 38 – who runs the lab –".
// A run of such pieces is one description; it must end where the appositive closes (a comma, the
// sentence end, a bracket or a dash), so "Roe, said" or "Smith, Jones and Brown" give nothing.
import { isPluralRoleHead, isPossessiveMark, isRoleHead, isRoleModifier, isSpeechVerb, isStopWord, lower, mayModifyRole, PHRASE_DETERMINERS } from './descriptions-words';
import { isHumanNoun, isHumanPlural, NON_HUMAN_NOUNS } from './speech-cues';
import type { Token } from './tokens';

/** Names already recognised, by their first token: their last token. */
export type MentionStarts = Map<number, number>;

/** Longest piece we accept, in tokens: longer runs are more likely a misparse. */
const MAX_PIECE_TOKENS = 60;
const SENTENCE_END = new Set(['.', '!', '?']);
const DASHES = new Set(['—', '–']);
const HARD_STOPS = new Set([';', '(', ')', '"', '“', '”', '‘', '’', '[', ']', ':', '—', '–']);
const CLOSERS = new Set([',', '.', '!', '?', ';', ')', ':', '—', '–']);
const NP_OPENERS = new Set(['former', 'ex-', 'now', 'currently', 'then', 'formerly', 'also', 'both']);
const RELATIVES = new Set(['who', 'whose']);
/** Verbs that make a "who" clause report speech ("who said …"); "who has advised presidents" still describes. */
const WHO_SPEECH_VERBS = new Set([
  'said', 'says', 'told', 'tells', 'added', 'adds', 'noted', 'notes', 'wrote', 'writes', 'tweeted', 'argued', 'argues',
  'explained', 'explains', 'asked', 'asks', 'warned', 'warns', 'insisted', 'insists', 'stressed', 'claimed', 'claims',
  'declined', 'replied', 'responded', 'answered', 'acknowledged', 'conceded', 'predicted', 'suggested', 'contended',
]);
const HOMETOWN_WORDS = new Set(['of', 'from']);
/** Degrees written after a name, without their periods. */
const DEGREES = new Set(['PhD', 'MD', 'JD', 'DDS', 'DVM', 'RN', 'MPH', 'MBA', 'DO', 'Esq', 'EdD', 'DPhil', 'MSc', 'DrPH', 'PharmD', 'FACS']);
const OPENING_QUOTES = new Set(['“', '"', '‘']);
const CLOSING_QUOTES = new Set(['”', '"', '’']);
/** Words after a comma that continue a noun-phrase appositive ("…official, now a professor"). */
const NP_CONTINUERS = new Set(['now', 'currently', 'formerly', 'previously', 'once', 'later', 'and', 'or', 'also', 'then', 'both']);
/** After "and"/"or"/"also", the continuation must be another noun phrase, not a verb ("…, and has given"). */
const COORDINATED_OPENERS = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'former', 'now', 'currently', 'one']);
const FINITE_VERBS = new Set([
  'is', 'are', 'was', 'were', 'has', 'have', 'had', 'does', 'do', 'did', 'must', 'will', 'would', 'can', 'could',
  'should', 'may', 'might', 'shall', 'says', 'said',
]);
/** Past tenses without "-ed" that make a clause: "the photographer … gave Smith her own show". */
const IRREGULAR_PAST = new Set([
  'heard', 'saw', 'met', 'made', 'took', 'gave', 'got', 'thought', 'knew', 'became', 'went', 'came', 'brought', 'sent',
  'kept', 'won', 'sold', 'bought', 'wrote', 'ran', 'stood', 'spoke', 'chose', 'began', 'felt', 'meant',
  'drove', 'flew', 'grew', 'threw', 'sat', 'sang', 'fell', 'caught', 'taught', 'fought', 'sought',
]);
/** Words that alone do not make a "who" clause say anything ("who in 2008, …"). */
const CLAUSE_FILLERS = new Set(['in', 'on', 'at', 'for', 'with', 'from', 'by', 'of', 'to', 'the', 'a', 'an', 'and', 'or', 'also', 'then', 'now']);
const NP_RELATIVES = new Set(['who', 'which', 'that', 'whose', 'where', 'whom']);
/** Words that open a clause inside an appositive, whose verb is not the sentence's: "his rival while he was …". */
const SUBORDINATORS = new Set(['while', 'when', 'because', 'although', 'though', 'whereas', 'after', 'before', 'since', 'until']);

type Kind = 'age' | 'degree' | 'party' | 'hometown' | 'place' | 'np' | 'who' | 'affiliation';
interface Piece {
  kind: Kind;
  first: number;
  last: number;
}

export interface Appositive {
  text: string;
  /** Only a "who" clause: it tells what the person did more than who they are ("Gov. Roe, who lost"). */
  weak: boolean;
  /** Only a party label ("Rep. Roe, D-Minn."): it says who the person is only beside a title. */
  thin: boolean;
  /** Only where the person is from or works ("Sen. Roe of Kentucky", "Roe, 55, of Addison"): a title says more. */
  slight?: boolean;
}

/** The description after the name whose last token is `last`, or undefined. */
export function appositiveAfter(text: string, tokens: Token[], last: number, mentionStarts: MentionStarts): Appositive | undefined {
  const pieces: Piece[] = [];
  let i = last + 1;
  const affiliation = affiliationAt(tokens, i, mentionStarts);
  if (affiliation) {
    pieces.push(affiliation);
    i = affiliation.last + 1;
  } else if (tokens[i]?.text === '(') {
    const party = partyAt(tokens, i + 1);
    if (party && tokens[party.last + 1]?.text === ')') return { text: slice(text, tokens, party.first, party.last), weak: false, thin: true };
    return bracketed(text, tokens, i);
  }
  // The longest run of pieces that closes: "Roe, chairman of the party, of Florida’s rift" keeps the first.
  let closed = affiliation ? 1 : 0;
  while (i < tokens.length) {
    const sep = tokens[i]!;
    const dash = DASHES.has(sep.text);
    if (sep.text !== ',' && !dash) break;
    const piece = pieceAt(tokens, i + 1, dash, pieces[pieces.length - 1]?.kind, mentionStarts);
    // "Roe, his secretary, his programmer and his students all shared …": the name opens a list of subjects.
    if (!piece && pieces[pieces.length - 1]?.kind === 'np' && listOfSubjects(tokens, i + 1)) return undefined;
    if (!piece) break;
    pieces.push(piece);
    i = piece.last + 1;
    // The appositive must close: "After meeting Roe, the lawyer said" is a new clause, not a description. A
    // hometown needs no comma after it ("Roe, 50, of Houston said"), nor a role ending in a name when the
    // person opens the sentence and a verb follows ("Roe, a former aide to Sen. Doe was …"): a dropped comma.
    if (closes(tokens, i) || piece.kind === 'hometown') closed = pieces.length;
    else break;
    if (dash) break;
  }
  if (closed === 0 && !affiliation) {
    const unclosed = droppedComma(tokens, last);
    if (unclosed) return { text: slice(text, tokens, unclosed.first, unclosed.last), weak: false, thin: false };
  }
  const kept = pieces.slice(0, closed);
  // An age or a degree alone ("Roe, 55, said", "Roe, Ph.D., said") is not who someone is.
  const told = kept.filter((p) => p.kind !== 'age' && p.kind !== 'degree');
  if (told.length === 0) return undefined;
  const weak = told.every((p) => p.kind === 'who');
  const thin = told.every((p) => p.kind === 'party');
  const slight = told.every((p) => p.kind === 'hometown' || p.kind === 'affiliation' || p.kind === 'place');
  return { text: slice(text, tokens, kept[0]!.first, kept[kept.length - 1]!.last), weak, thin, slight };
}

/**
 * "Jane Roe, a former aide to Sen. John Doe was the first to cheer": the writer left out the comma after the
 * appositive's final name. Only for a person who opens the sentence, a role noun in the phrase, and a finite or
 * speech verb right after that name.
 */
function droppedComma(tokens: Token[], last: number): Piece | undefined {
  const j = last + 2;
  if (tokens[last + 1]?.text !== ',' || !tokens[j] || !opensNounPhrase(tokens, j)) return undefined;
  const opens = (t: Token): boolean => t.sentenceStart || t.breakBefore > 0;
  let first = last;
  while (first > 0 && !opens(tokens[first]!) && tokens[first - 1]!.isCap && tokens[first - 1]!.isWord) first--;
  if (first > 0 && !opens(tokens[first]!)) return undefined;
  let role = false;
  let segment = true;
  for (let k = j; k < tokens.length && k - j <= 16; k++) {
    const t = tokens[k]!;
    if (t.breakBefore > 0 || (!t.isWord && !isPossessiveMark(t) && t.text !== '.' && t.text !== '-')) return undefined;
    if (t.text === '.' && !tokens[k - 1]!.isCap) return undefined;
    if (!t.isWord) continue;
    const w = lower(t);
    if (!t.isCap && (FINITE_VERBS.has(w) || isSpeechVerb(w))) {
      // "Roe, the senator said, is …" says who spoke, not who Roe is.
      if (!role || !tokens[k - 1]!.isCap || (tokens[k + 1]?.text === ',' && tokens[k + 2]?.isWord)) return undefined;
      // The final name belongs to the phrase ("aide to Sen. Doe", "director for the Iowa Democratic Party"),
      // not a title before the name of whoever speaks ("Roe, Acme’s chief economist Tom Smith said").
      let r = k - 1;
      while (r > j && (tokens[r - 1]!.isCap || tokens[r - 1]!.text === '.')) r--;
      const link = lower(tokens[r - 1]!);
      if (!SEGMENT_ENDS.has(link) && link !== 'the') return undefined;
      return { kind: 'np', first: j, last: k - 1 };
    }
    if (k > j && SEGMENT_ENDS.has(w)) segment = false;
    // The first noun phrase must hold a role or a person noun: "Roe, the company and Acme said" does not.
    if (segment && !t.isCap && (isRoleHead(w) || isHumanNoun(w))) role = true;
  }
  return undefined;
}

/** "Jakob Roe (who now runs his own lab)", "Jane Roe (a former judge)": a description in brackets. */
function bracketed(text: string, tokens: Token[], open: number): Appositive | undefined {
  const j = open + 1;
  const t = tokens[j];
  if (!t || !t.isWord || t.isCap) return undefined;
  let close = j;
  while (tokens[close] && tokens[close]!.text !== ')' && close - j < 30) {
    if (tokens[close]!.breakBefore > 0 || HARD_STOPS.has(tokens[close]!.text) || SENTENCE_END.has(tokens[close]!.text)) return undefined;
    close++;
  }
  if (tokens[close]?.text !== ')' || close - j < 2) return undefined;
  const piece = RELATIVES.has(lower(t)) ? whoAt(tokens, j, true) : PHRASE_DETERMINERS.has(lower(t)) && opensNounPhrase(tokens, j) ? nounPhraseAt(tokens, j, true) : undefined;
  if (!piece || piece.last !== close - 1) return undefined;
  // "Katherine (the astounding Florence Pugh)" names the actor, not a role.
  if (piece.kind === 'np' && !roleInFirstPhrase(tokens, j, piece.last)) return undefined;
  return { text: slice(text, tokens, j, close - 1), weak: piece.kind === 'who', thin: false };
}

const COPULAS = new Set(['is', 'was']);

/**
 * "Jane Roe is a video game historian living in Leeds.", "Roe was the agency’s deputy chief.": the person opens
 * the sentence and a copula joins a noun phrase whose first part names a role. `first`/`last` are the mention.
 */
export function copularAfter(text: string, tokens: Token[], first: number, last: number, pronoun = false): string | undefined {
  const f = tokens[first]!;
  if (first > 0 && !f.sentenceStart && f.breakBefore === 0) return undefined;
  // "Roe, 45, is a lawyer": an age between commas before the verb.
  let b = last + 1;
  if (tokens[b]?.text === ',' && /^\d{1,3}$/.test(tokens[b + 1]?.text ?? '') && tokens[b + 2]?.text === ',') b += 3;
  // "Roe has been a lawyer …": the perfect of the copula.
  if (['has', 'had'].includes(tokens[b]?.lower ?? '') && tokens[b + 1]?.lower === 'been') b++;
  const be = tokens[b];
  // "She’s the director of …": after a pronoun "’s" is the copula (after a name it is a possessive).
  if (!be || be.isCap || !(COPULAS.has(lower(be)) || lower(be) === 'been' || (pronoun && isPossessiveMark(be) && be.text.length > 1)) || be.breakBefore > 0) return undefined;
  // "Roe is also a professor …", "Roe is now a lawyer": an adverb after the verb; "now" and "formerly" say when.
  let j = b + 1;
  if (['also', 'still', 'already'].includes(tokens[j]?.lower ?? '')) j++;
  const when = ['now', 'currently', 'formerly', 'previously', 'once'].includes(tokens[j]?.lower ?? '') ? j : undefined;
  if (when !== undefined) j++;
  const t = tokens[j];
  if (!t) return undefined;
  // "Roe is a historian", or an owner and its role: "Roe is Acme’s deal curator".
  const owned = t.isCap && t.isWord && !isStopWord(lower(t)) && ownerBeforeRole(tokens, j);
  if (!owned && (t.isCap || !PHRASE_DETERMINERS.has(lower(t)) || !opensNounPhrase(tokens, j))) return undefined;
  const np = nounPhraseAt(tokens, j, false);
  if (!np || !roleInFirstPhrase(tokens, j, np.last)) return undefined;
  return slice(text, tokens, when ?? np.first, verbAfterAnd(tokens, j, np.last) ?? np.last);
}

/** A capitalised name at j with a possessive after it, then a role within a few words ("Acme’s deal curator"). */
function ownerBeforeRole(tokens: Token[], j: number): boolean {
  let k = j;
  while (tokens[k + 1]?.isCap && tokens[k + 1]!.isWord && k - j < 4) k++;
  if (!isPossessiveMark(tokens[k + 1])) return false;
  for (let m = k + 2; m < k + 6 && tokens[m]?.isWord && !tokens[m]!.isCap; m++) if (isRoleHead(tokens[m]!.text)) return true;
  return false;
}

/** "… curator and spends his pay": the token before an "and" that opens a second verb, or undefined. */
function verbAfterAnd(tokens: Token[], first: number, last: number): number | undefined {
  for (let k = first + 1; k < last; k++) {
    if (lower(tokens[k]!) !== 'and') continue;
    const v = tokens[k + 1]!;
    const w = lower(v);
    if (v.isCap || !v.isWord || isRoleHead(w) || isRoleModifier(w) || isHumanPlural(w)) continue;
    if (FINITE_VERBS.has(w) || IRREGULAR_PAST.has(w) || ((w.endsWith('s') || w.endsWith('ed')) && /\p{Ll}{2,}(?:s|ed)$/u.test(w))) return k - 1;
  }
  return undefined;
}

/** A lower-case role noun in the noun phrase from j up to its first preposition or relative ("a historian of"). */
function roleInFirstPhrase(tokens: Token[], j: number, last: number): boolean {
  for (let k = j; k <= last; k++) {
    const w = tokens[k]!;
    if (w.isWord && k > j && SEGMENT_ENDS.has(lower(w))) return false;
    // "the CEO of Acme", "the President of the club": a capitalised title is a role too.
    if (w.isWord && (!w.isCap || k > j) && isRoleHead(w.text)) return true;
  }
  return false;
}

/**
 * After a comma, "his programmer and his graduate students all shared …": a noun phrase opened by a determiner,
 * an "and", and a verb before the next comma: the last items of a list that is the sentence's subject.
 */
function listOfSubjects(tokens: Token[], j: number): boolean {
  if (!tokens[j] || !PHRASE_DETERMINERS.has(lower(tokens[j]!)) || tokens[j]!.isCap) return false;
  let and = false;
  for (let k = j + 1; k < tokens.length && k - j < 16; k++) {
    const t = tokens[k]!;
    if (!t.isWord || t.breakBefore > 0) return false;
    const w = lower(t);
    if (w === 'and') and = true;
    else if (and && (FINITE_VERBS.has(w) || IRREGULAR_PAST.has(w) || pastVerb(tokens, k) || presentVerb(tokens, k))) return true;
    else if (NP_RELATIVES.has(w)) return false;
  }
  return false;
}

/** "all shared the office": a lower-case word in -ed after a word and before a determiner is a verb. */
function pastVerb(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const w = lower(t);
  if (t.isCap || !endsEdAfterLetters(w) || isRoleModifier(w)) return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!prev?.isWord || PHRASE_DETERMINERS.has(lower(prev)) || !next?.isWord) return false;
  return ['a', 'an', 'the', 'his', 'her', 'their', 'its'].includes(lower(next));
}

/** Does the piece before token i end where an appositive may end? */
function closes(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || t.breakBefore > 0 || CLOSERS.has(t.text)) return true;
  // The sentence ended with the word's own period: "… director for MoveOn.org. “That’s …".
  if (tokens[i - 1]?.isWord && tokens[i - 1]!.text.endsWith('.') && (t.isCap || OPENING_QUOTES.has(t.text))) return true;
  // A quoted title that took the comma inside its marks: "host of MSNBC’s “Morning Joe,” said".
  const prev = tokens[i - 1];
  return !!prev && CLOSING_QUOTES.has(prev.text) && [',', '.'].includes(tokens[i - 2]?.text ?? '');
}

/** "of the University of Iowa", "of Addison": "of" and a name right after the person's name. */
function affiliationAt(tokens: Token[], i: number, mentionStarts: MentionStarts): Piece | undefined {
  const of = tokens[i];
  if (!of || lower(of) !== 'of' || of.breakBefore > 0) return undefined;
  let j = i + 1;
  if (tokens[j] && lower(tokens[j]!) === 'the') j++;
  const t = tokens[j];
  if (!t || !t.isCap || !t.isWord || t.breakBefore > 0) return undefined;
  return { kind: 'affiliation', first: i, last: ownedRun(tokens, mentionStarts.get(j) ?? capRun(tokens, j)) };
}

/** /^\p{Ll}{3,}ed$/u.test(w), with the cheap test of the ending first (the Unicode class is slow to scan). */
function endsEdAfterLetters(w: string): boolean {
  return w.length >= 5 && w.endsWith('ed') && /^\p{Ll}{3,}ed$/u.test(w);
}

/** A lower-case past tense or finite verb: "summed", "gave", "is". */
function isClauseVerb(t: Token | undefined): boolean {
  if (!t || !t.isWord || t.isCap) return false;
  const w = lower(t);
  return FINITE_VERBS.has(w) || IRREGULAR_PAST.has(w) || (endsEdAfterLetters(w) && !isRoleModifier(w));
}

function pieceAt(tokens: Token[], j: number, dash: boolean, previous: Kind | undefined, mentionStarts: MentionStarts): Piece | undefined {
  const t = tokens[j];
  if (!t || !t.isWord || t.breakBefore > 0) return undefined;
  const w = lower(t);
  // Age: "Roe, 55, of …", "Braun, 38 – who …".
  if (/^\d{1,3}$/.test(t.text) && Number(t.text) <= 120 && previous === undefined) {
    const next = tokens[j + 1];
    return next && CLOSERS.has(next.text) ? { kind: 'age', first: j, last: j } : undefined;
  }
  // A degree: "Roe, Ph.D., of Acme University", "Roe, MD, a surgeon".
  if (previous === undefined && DEGREES.has(t.text.replace(/\./g, ''))) {
    const last = tokens[j + 1]?.text === '.' && tokens[j + 1]!.start === t.end ? j + 1 : j;
    return tokens[last + 1] && CLOSERS.has(tokens[last + 1]!.text) ? { kind: 'degree', first: j, last } : undefined;
  }
  const party = partyAt(tokens, j);
  if (party) return party;
  if (HOMETOWN_WORDS.has(w)) {
    const k = tokens[j + 1] && lower(tokens[j + 1]!) === 'the' ? j + 1 : j;
    if (tokens[k + 1]?.isCap) return hometownAt(tokens, j, k, mentionStarts);
  }
  // "of Aberdeenshire, Scotland": the larger place after a hometown.
  if ((previous === 'hometown' || previous === 'affiliation') && t.isCap) {
    const end = capRun(tokens, j);
    return { kind: 'place', first: j, last: end };
  }
  if (RELATIVES.has(w)) return whoAt(tokens, j, dash);
  const known = knownAt(tokens, j, dash);
  if (known === 'alias') return undefined;
  if (known) return known;
  if (!opensNounPhrase(tokens, j)) return undefined;
  if (previous !== 'who') return nounPhraseAt(tokens, j, dash);
  // After a who clause a noun phrase belongs to it: the appositive of a name that ends it ("who runs L.H.
  // Meyer, a research firm"), or a list that goes on ("who was known for his drugs, his lifestyle, and …").
  if (!tokens[j - 2]?.isCap) return undefined;
  const np = nounPhraseAt(tokens, j, dash);
  return np && { ...np, kind: 'who' };
}

/** "R-Texas", "D-Minn.": a party letter and a state. */
function partyAt(tokens: Token[], j: number): Piece | undefined {
  const t = tokens[j];
  if (!t || !/^[RDI]-\p{Lu}/u.test(t.text)) return undefined;
  const dot = tokens[j + 1];
  // The tokenizer leaves a final abbreviation period apart: "D-Minn" ".".
  const last = dot?.text === '.' && dot.start === t.end && tokens[j + 2] && !tokens[j + 2]!.isCap ? j + 1 : j;
  return { kind: 'party', first: j, last };
}

/** "of Addison", "from Manchester" ("at the White House" is where, not who). */
function hometownAt(tokens: Token[], j: number, k: number, mentionStarts: MentionStarts): Piece {
  const mentionEnd = mentionStarts.get(k + 1);
  return { kind: 'hometown', first: j, last: ownedRun(tokens, mentionEnd ?? capRun(tokens, k + 1)) };
}

/** "of Acme University’s Mind Brain Behavior Institute": a name's possessive and the unit it owns. */
function ownedRun(tokens: Token[], end: number): number {
  if (!isPossessiveMark(tokens[end + 1]) || !tokens[end + 2]?.isCap || !tokens[end + 2]!.isWord) return end;
  let k = end + 2;
  const limit = k + 8;
  for (;;) {
    const next = tokens[k + 1];
    // An initial inside the name: "Mortimer B. Zuckerman".
    if (next?.text === '.' && /^\p{Lu}$/u.test(tokens[k]!.text) && next.start === tokens[k]!.end && tokens[k + 2]?.isCap) {
      k += 2;
      continue;
    }
    if (!next || !next.isCap || !next.isWord || next.breakBefore > 0 || k + 1 > limit) return k;
    k++;
  }
}

/** A run of adjacent capitalised words (and a final abbreviation period: "Ind."). */
function capRun(tokens: Token[], j: number): number {
  let end = j;
  while (tokens[end + 1]?.isCap && tokens[end + 1]!.isWord && tokens[end + 1]!.breakBefore === 0 && end - j < 4) end++;
  const dot = tokens[end + 1];
  if (dot?.text === '.' && dot.start === tokens[end]!.end && tokens[end + 2]?.text === ',') end++;
  return end;
}

/** The verb at k (after "also", "has", …) is a speech verb: "who said", "who also noted". */
function reportsSpeech(tokens: Token[], k: number): boolean {
  while (tokens[k] && ['also', 'has', 'had', 'have', 'later', 'then', 'once', 'previously', 'recently'].includes(lower(tokens[k]!))) k++;
  const t = tokens[k];
  return !!t && WHO_SPEECH_VERBS.has(lower(t));
}

/** "who leads the agency’s science office": to the next comma (or closing dash), at least three words. */
function whoAt(tokens: Token[], j: number, dash: boolean): Piece | undefined {
  // "Roe, who said …" reports speech; it does not say who Roe is. "who in 2008, …" has no verb at all.
  if (reportsSpeech(tokens, j + 1)) return undefined;
  const end = runEnd(tokens, j, dash, false);
  if (end === undefined || end - j < 2) return undefined;
  let content = false;
  for (let k = j + 1; k <= end; k++) {
    const t = tokens[k]!;
    if (t.isWord && !t.isCap && /^\p{L}/u.test(t.text) && !CLAUSE_FILLERS.has(lower(t))) content = true;
  }
  if (!content) return undefined;
  return { kind: 'who', first: j, last: end };
}

/** Adverbs before "known": "best known for", "widely known as", "perhaps best known as". */
const KNOWN_ADVERBS = new Set(['best', 'better', 'widely', 'well', 'perhaps', 'also', 'most', 'internationally', 'nationally', 'locally', 'popularly', 'affectionately', 'mostly', 'probably']);

/** "best known for her role in …", "known as the father of …": what someone is famous for, to the next comma. */
function knownAt(tokens: Token[], j: number, dash: boolean): Piece | 'alias' | undefined {
  let k = j;
  while (k - j < 2 && tokens[k]?.isWord && !tokens[k]!.isCap && KNOWN_ADVERBS.has(lower(tokens[k]!))) k++;
  const known = tokens[k];
  if (!known || known.isCap || lower(known) !== 'known') return undefined;
  const prep = tokens[k + 1];
  if (!prep || !['as', 'for'].includes(lower(prep))) return undefined;
  // "Abigail Roe, also known as Jane Doe": another name for the person, not who they are.
  const named = tokens[k + 2];
  if (lower(prep) === 'as' && named?.isCap && named.isWord && lower(named) !== 'the') return 'alias';
  // From the preposition, so that a quoted title right after it is read whole ("known for “The Long Road,”").
  const end = runEnd(tokens, k + 1, dash, true);
  if (end === undefined || end === k + 1) return undefined;
  return { kind: 'np', first: j, last: end };
}

function opensNounPhrase(tokens: Token[], j: number): boolean {
  const t = tokens[j]!;
  const w = lower(t);
  // "The Lost City of Z, Graduation, …": a capitalised "The" mid-sentence opens a title, not a description.
  if (PHRASE_DETERMINERS.has(w) || NP_OPENERS.has(w)) return !t.isCap || t.sentenceStart;
  if (!t.isCap) {
    if (isRoleHead(w) || isRoleModifier(w)) return true;
    // "refugee rights program director at …", "research and policy director of …": a role within a few words.
    for (let m = j; m < j + 5 && tokens[m]?.isWord && !tokens[m]!.isCap; m++) {
      if (isRoleHead(tokens[m]!.text)) return true;
      if (lower(tokens[m]!) !== 'and' && !mayModifyRole(tokens[m]!)) return false;
    }
    return false;
  }
  // "CEO of Acme", "President and CEO of Acme"; not a title before a name ("Smith, President Obama and …").
  if (isRoleHead(w) && !(tokens[j + 1]?.isCap && tokens[j + 1]!.isWord)) return true;
  // "Acme’s chief economist", "North Korea’s leader": an owner, then a role within a few words.
  if (capitalisedTitleAt(tokens, j)) return true;
  let k = j;
  while (tokens[k + 1]?.isCap && tokens[k + 1]!.isWord && k - j < 4) k++;
  if (!isPossessiveMark(tokens[k + 1])) return ownerRoleAt(tokens, ownerNameEnd(tokens, k) + 1);
  for (let m = k + 2; m < k + 7 && tokens[m]?.isWord; m++) if (isRoleHead(tokens[m]!.text)) return true;
  return false;
}

/**
 * "Research and Advocacy Director for the Middle East", "Senior Vice President, Sales": a title written in
 * capitals, its words joined by "and" or "&", ending in a role noun that the phrase's end or a preposition
 * follows (a capitalised word after it would be a name: "Research Director Tom Smith").
 */
function capitalisedTitleAt(tokens: Token[], j: number): boolean {
  for (let m = j; m < j + 6; m++) {
    const t = tokens[m];
    if (!t || t.breakBefore > 0) return false;
    if (t.text === '&' || t.text === 'and') continue;
    if (!t.isWord || !t.isCap || t.isAllCaps) return false;
    if (m > j && isRoleHead(t.text) && !isPluralRoleHead(t.text)) {
      const next = tokens[m + 1];
      return !next || CLOSERS.has(next.text) || ['for', 'of', 'at', 'in', 'with'].includes(next.text);
    }
  }
  return false;
}

/** "Acme State Department of Health": a capitalised name that goes on over "of" or "and" (from its run's end k). */
function ownerNameEnd(tokens: Token[], k: number): number {
  let end = k;
  while (['of', 'and', 'for'].includes(tokens[end + 1]?.text ?? '') && tokens[end + 2]?.isCap && tokens[end + 2]!.isWord) {
    end += 2;
    while (tokens[end + 1]?.isCap && tokens[end + 1]!.isWord && tokens[end + 1]!.breakBefore === 0) end++;
  }
  return end;
}

/**
 * "Jane Roe, BBC diplomatic correspondent,": after an organisation's name, lower-case words that may modify a
 * role up to a role noun, which ends the phrase or takes an affiliation ("Acme senior fellow at …"). A capitalised
 * word after the role would be a name: "Acme chief executive Tom Smith" is someone else.
 */
function ownerRoleAt(tokens: Token[], j: number): boolean {
  for (let m = j; m < j + 4; m++) {
    const t = tokens[m];
    if (!t || !t.isWord || t.isCap || t.breakBefore > 0) return false;
    if (isRoleHead(t.text) && !isPluralRoleHead(t.text)) {
      const next = tokens[m + 1];
      return !next || CLOSERS.has(next.text) || next.breakBefore > 0 || ['of', 'at', 'for'].includes(lower(next));
    }
    if (!mayModifyRole(t)) return false;
  }
  return false;
}

function nounPhraseAt(tokens: Token[], j: number, dash: boolean): Piece | undefined {
  const end = runEnd(tokens, j, dash, true);
  if (end === undefined || hasMainVerb(tokens, j, end)) return undefined;
  let content = false;
  for (let k = j; k <= end; k++) {
    const t = tokens[k]!;
    if (t.isWord && (!t.isCap || isRoleHead(t.text)) && !PHRASE_DETERMINERS.has(lower(t))) content = true;
  }
  // "Obama, the Senate and the House": only names, no word saying who.
  const w = lower(tokens[j]!);
  if (!content && w !== 'a' && w !== 'an') return undefined;
  if (end === j && !isRoleHead(w)) return undefined;
  if (!namesSomeone(tokens, j, end)) return undefined;
  return { kind: 'np', first: j, last: end };
}

/** Where the first noun phrase of an appositive ends: its head is the word before. */
const SEGMENT_ENDS = new Set(['of', 'at', 'for', 'in', 'with', 'from', 'on', 'to', 'who', 'whose', 'which', 'that', 'since', 'until', 'by', 'like', 'than']);
/** Bodies and things, not agent nouns that may name a person too ("publisher", "policy maker", "letter carrier"). */
const THING_NOUNS: ReadonlySet<string> = new Set([...NON_HUMAN_NOUNS].filter((w) => !w.endsWith('er')));

/**
 * "Picasso, the radically deconstructed fashions of Coco Chanel, …" lists things, not who Picasso is: the
 * first noun phrase of an appositive opened by a determiner must not end in a thing ("the tax returns", "her
 * former label") — a noun for a body, an abstract noun, or a plural that names no people.
 */
function namesSomeone(tokens: Token[], j: number, end: number): boolean {
  if (!PHRASE_DETERMINERS.has(lower(tokens[j]!)) && !NP_OPENERS.has(lower(tokens[j]!))) return true;
  let head: Token | undefined;
  let namedThing = false;
  for (let k = j; k <= end; k++) {
    const t = tokens[k]!;
    if (t.isWord && SEGMENT_ENDS.has(lower(t)) && k > j) break;
    if (t.isWord) {
      // "her former label Big Machine": a name after a noun for a thing names that thing.
      if (t.isCap && head && !head.isCap && THING_NOUNS.has(lower(head))) namedThing = true;
      // "a pediatrician and director", "an Armenian history and … faculty member": any person noun will do.
      if (isRoleHead(t.text) || isHumanNoun(lower(t)) || isHumanPlural(lower(t))) return true;
      if (lower(t) !== 'and' && lower(t) !== 'or') head = t;
    } else if (!isPossessiveMark(t) && t.text !== '-') break;
  }
  if (!head || head.isCap) return !namedThing;
  const w = lower(head);
  if (THING_NOUNS.has(w)) return false;
  if (/(?:tion|sion|ment|ness|ity|ism|ence|ance|ship|hood|ery|ory)$/.test(w)) return false;
  // A plural of no known person noun: "the tax returns", "Adedoyin’s deaths".
  return !(w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w));
}

/** Last token of a piece starting at j: to the sentence end or a comma that does not continue it. */
function runEnd(tokens: Token[], j: number, dash: boolean, nounPhrase: boolean): number | undefined {
  let end = j;
  // Where the phrase could have stopped before its last continuation: if what follows does not close, it ends there.
  let safe: number | undefined;
  // Between dashes commas belong to the piece; without a closing dash, the first comma ends it after all.
  let firstComma: number | undefined;
  for (let i = j + 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i - j > MAX_PIECE_TOKENS) return undefined;
    if (t.breakBefore > 0 && !continuesAcrossBreak(tokens, i)) break;
    // "a lawyer at Acme Inc. Later she left": an abbreviation's period that also ends the sentence.
    if (t.isCap && tokens[i - 1]!.text.endsWith('.') && tokens[i - 1]!.isWord && (isStopWord(lower(t)) || PHRASE_DETERMINERS.has(lower(t)))) break;
    // Inside a noun phrase, a short bracket or quoted title is part of it: "(UNHCR)", "of “Morning Joe,”".
    if (nounPhrase && (t.text === '(' || OPENING_QUOTES.has(t.text))) {
      // "… for MoveOn.org. “That’s …": a quotation after a word with a final period opens a new sentence.
      if (tokens[i - 1]!.text.endsWith('.') && t.text !== '(') break;
      const close = closingOf(tokens, i);
      if (close === undefined) break;
      end = close;
      i = close;
      // The quoted title took the appositive's comma inside its marks: the phrase ends here.
      if ([',', '.'].includes(tokens[close - 1]!.text)) break;
      continue;
    }
    // "from Ava, Mo., who …": an abbreviation's period is no sentence end.
    if (t.text === '.' && t.start === tokens[i - 1]!.end && tokens[i - 1]!.isCap && tokens[i + 1]?.text === ',') {
      end = i;
      continue;
    }
    if (!t.isWord && (SENTENCE_END.has(t.text) || HARD_STOPS.has(t.text))) {
      if (dash && !DASHES.has(t.text) && firstComma !== undefined) return firstComma - 1;
      break;
    }
    // "$46,344", "about 90,000 miles": a thousands separator, not the appositive's end.
    if (t.text === ',' && isThousandsComma(tokens, i)) {
      end = i;
      continue;
    }
    if (t.text === ',' && dash) firstComma ??= i;
    if (t.text === ',' && !dash) {
      // "for population, refugees, and migration", "of the climate, controls and security division": a list
      // inside the phrase runs to its last item.
      const listEnd = nounPhrase ? (innerListEnd(tokens, i) ?? departmentEnd(tokens, i)) : undefined;
      if (listEnd !== undefined) {
        end = listEnd;
        i = listEnd;
        continue;
      }
      if (!nounPhrase || !continuesNounPhrase(tokens, i)) break;
      safe = end;
    }
    end = i;
  }
  if (safe !== undefined && !closes(tokens, end + 1)) return safe;
  return end;
}

/** The comma at i sits inside a number: digits glued on both sides, three after it ("90,000"). */
function isThousandsComma(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  return !!prev && !!next && prev.end === tokens[i]!.start && next.start === tokens[i]!.end && /\d$/.test(prev.text) && /^\d{3}(?:\D|$)/.test(next.text);
}

/** Longest item of a list inside a phrase, in words. */
const MAX_LIST_ITEM = 3;

/**
 * At the comma i, the rest of a list of three or more short items that the phrase holds ("population,
 * refugees, and migration", "Science, Technology, and Society program", "Defense, Space & Security"): returns
 * the list's last token, or undefined. The items are bare words of one casing as the word before the comma
 * (no determiner, no verb, no name of their own), and the last one follows "and", "or" or "&". A list of
 * capitalised items must be glued by "&", go on in a lower-case noun ("… and Society program") or be one word
 * each ("Defense, Space, and Security,"), since "director of Acme, Tom Smith and Jane Doe" lists people.
 */
function innerListEnd(tokens: Token[], i: number): number | undefined {
  const before = tokens[i - 1];
  if (!before || !before.isWord || PHRASE_DETERMINERS.has(lower(before)) || isStopWord(lower(before))) return undefined;
  const cap = before.isCap;
  const item = (k: number): number | undefined => {
    let m = k;
    while (m - k < MAX_LIST_ITEM && tokens[m]?.isWord && tokens[m]!.breakBefore === 0) {
      const t = tokens[m]!;
      const w = lower(t);
      if (t.isCap !== cap || PHRASE_DETERMINERS.has(w) || isStopWord(w) || FINITE_VERBS.has(w) || isSpeechVerb(w) || IRREGULAR_PAST.has(w) || RELATIVES.has(w)) break;
      m++;
    }
    return m > k ? m - 1 : undefined;
  };
  let k = i + 1;
  let items = 1;
  let single = true;
  for (;;) {
    const t = tokens[k];
    if (!t || t.breakBefore > 0) return undefined;
    const w = t.text === '&' ? '&' : lower(t);
    if (w === 'and' || w === 'or' || w === '&') {
      if (items < 2 && w !== '&') return undefined;
      const last = item(k + 1);
      if (last === undefined) return undefined;
      const after = tokens[last + 1];
      // What follows the list must not be a verb: "… of the board, members and staff said" is a new clause.
      if (after?.isWord && !after.isCap && (FINITE_VERBS.has(lower(after)) || isSpeechVerb(lower(after)) || isClauseVerb(after))) return undefined;
      if (!cap || w === '&') return last;
      // "Boeing Defense, Space, and Security,": one-word items that close the phrase; people have two words.
      if (single && last === k + 1 && (!after || CLOSERS.has(after.text))) return last;
      return after?.isWord && !after.isCap && !isStopWord(lower(after)) && !/(?:ed|s)$/.test(lower(after)) ? last : undefined;
    }
    const end = item(k);
    if (end === undefined) return undefined;
    if (end > k) single = false;
    items++;
    k = end + 1;
    if (tokens[k]?.text === ',') k++;
    else if (!['and', 'or', '&'].includes(tokens[k]?.text ?? '')) return undefined;
  }
}

/** The bracket or closing quote that ends the one opened at i, within a few words, on the same line. */
function closingOf(tokens: Token[], i: number): number | undefined {
  const open = tokens[i]!.text;
  for (let k = i + 1; k < tokens.length && k - i <= 12; k++) {
    const t = tokens[k]!;
    if (t.breakBefore > 0) return undefined;
    if (open === '(' ? t.text === ')' : CLOSING_QUOTES.has(t.text) && k > i + 1) return k;
    if (open === '(' && (SENTENCE_END.has(t.text) || t.text === '(')) return undefined;
  }
  return undefined;
}

/**
 * Does the comma at i continue a noun-phrase appositive? ", now a professor", ", and a supporter", and a
 * larger place after a smaller one (", South Carolina,", ", Fla.,"); not ", who …", ", and Tim Morrison".
 */
function continuesNounPhrase(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next || !next.isWord) return false;
  const w = lower(next);
  const prev = tokens[i - 1]!;
  // "chairman of Freedom Partners, the network’s funding arm,": a name inside the phrase, with its own appositive.
  if ((w === 'a' || w === 'an' || w === 'the') && prev.isWord && prev.isCap) return clauseFreeUntilComma(tokens, i + 1);
  if (next.isCap) {
    // "a salesman from Sumter, South Carolina," — the run after the comma closes too.
    if (!prev.isWord || !prev.isCap) return false;
    const end = capRun(tokens, i + 1);
    const after = tokens[end + 1];
    return !after || CLOSERS.has(after.text);
  }
  // ", which coordinates shipments for companies": a relative clause that says more, unless it reports speech.
  if (RELATIVES.has(w) || w === 'which') return !reportsSpeech(tokens, i + 2);
  if (!NP_CONTINUERS.has(w)) return false;
  if (w === 'and' || w === 'or' || w === 'also' || w === 'both') {
    const after = tokens[i + 2];
    return !!after && after.isWord && !after.isCap && (COORDINATED_OPENERS.has(lower(after)) || isRoleHead(after.text) || isRoleModifier(after.text));
  }
  // "…, once summed up the danger": a verb after the adverb makes a new clause.
  return !isClauseVerb(tokens[i + 2]);
}

/**
 * "senior vice president, global marketing, at Acme": after a role noun, a short department between commas and
 * then the organisation after "at", "of" or "for", as corporate titles are written.
 */
function departmentEnd(tokens: Token[], i: number): number | undefined {
  const prev = tokens[i - 1]!;
  if (!prev.isWord || !isRoleHead(prev.text) || isPluralRoleHead(prev.text)) return undefined;
  for (let k = i + 1; k < tokens.length && k - i <= 5; k++) {
    const t = tokens[k]!;
    if (t.text === ',') {
      const after = tokens[k + 1];
      return k > i + 1 && !!after && ['at', 'of', 'for'].includes(after.text) ? k : undefined;
    }
    if (!t.isWord || t.breakBefore > 0) return undefined;
    const w = lower(t);
    if (PHRASE_DETERMINERS.has(w) || FINITE_VERBS.has(w) || isSpeechVerb(w) || RELATIVES.has(w) || (isStopWord(w) && w !== 'and')) return undefined;
  }
  return undefined;
}

/** From token j to the next comma or sentence end there is no finite verb ("the network’s funding arm,"). */
function clauseFreeUntilComma(tokens: Token[], j: number): boolean {
  for (let k = j; k < tokens.length && k - j < 20; k++) {
    const t = tokens[k]!;
    if (t.text === ',' || SENTENCE_END.has(t.text)) return !hasMainVerb(tokens, j, k - 1);
    if (HARD_STOPS.has(t.text) || t.breakBefore > 0) return false;
  }
  return false;
}

/**
 * "…from Schiff, the front-runners must become…" is a new clause, not an appositive: a finite verb before
 * any relative pronoun gives it away ("who is now at Stanford" is fine).
 */
function hasMainVerb(tokens: Token[], first: number, last: number): boolean {
  for (let i = first; i <= last; i++) {
    const w = lower(tokens[i]!);
    if (NP_RELATIVES.has(w)) return false;
    // "his opponent in a fight last season while he was with the Rockets": a clause after a noun.
    if (SUBORDINATORS.has(w) && i > first && tokens[i - 1]!.isWord && !tokens[i - 1]!.isCap && !FINITE_VERBS.has(lower(tokens[i - 1]!))) return false;
    if (FINITE_VERBS.has(w) || isSpeechVerb(w) || IRREGULAR_PAST.has(w)) return true;
    // "the nation learned that …".
    if (w.endsWith('ed') && tokens[i + 1] && lower(tokens[i + 1]!) === 'that') return true;
    if (i > first && (presentVerb(tokens, i) || pastVerb(tokens, i))) return true;
  }
  return false;
}

/**
 * "the philosopher Luis de Miranda weaves a history", "the movie follows Katherine": a lower-case word in -s
 * after a word and before a determiner or a name, that is no plural of a person noun, is a verb.
 */
function presentVerb(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const w = lower(t);
  if (t.isCap || !t.isWord || w.length < 4 || !w.endsWith('s') || !/^\p{Ll}{3,}s$/u.test(w) || /(?:ss|us|is|ics|ous)$/.test(w)) return false;
  if (isRoleHead(w) || isHumanPlural(w) || isHumanNoun(w)) return false;
  const prev = tokens[i - 1]!;
  const next = tokens[i + 1];
  if (!prev.isWord || PHRASE_DETERMINERS.has(lower(prev)) || lower(prev) === 'and' || !next || !next.isWord) return false;
  if (!prev.isCap && (isRoleModifier(lower(prev)) || /(?:ing|ed)$/.test(lower(prev)))) return false;
  return ['a', 'an', 'the', 'his', 'her', 'their', 'its'].includes(lower(next)) || (next.isCap && !isStopWord(lower(next)));
}


/** A stray line break mid-sentence: the line before has no final punctuation and the next starts lower-case. */
function continuesAcrossBreak(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1]!;
  const t = tokens[i]!;
  return prev.isWord && t.isWord && !t.isCap && /^\p{Ll}/u.test(t.text);
}

function slice(text: string, tokens: Token[], first: number, last: number): string {
  return text.slice(tokens[first]!.start, tokens[last]!.end).replace(/\s+/g, ' ').trim();
}
