// Long formal names of institutions, built of capitalised common nouns joined by function words: "the
// Society for the Protection of Old Mills", "the Hillcrest Medical School of Public Health", "the Office on
// Drugs and Crime". The chunker keeps at most one connector, after a head word the lists know; these names
// go on past it, and the whole name is one organisation.
import { connectorHeadType, gazetteerType, isFirstName, isOrgSuffix, isVocabularyWord, isWorldPlace } from './gazetteer';
import { TITLE_HEADS } from './entities-lexicon';
import { isCompanyHead, isStateName } from './name-heads';
import { isLearnedOrgHead } from './org-cues';
import type { Token } from './tokens';

/** Words that open an institution's name before its head, besides the learned and company heads. */
const FORMAL_HEADS = new Set(['Center', 'Centre', 'Centers', 'Centres', 'Institutes', 'Society', 'Foundation', 'Fund', 'Trust', 'League', 'Federation', 'Campaign', 'Alliance', 'Office', 'Offices', 'Service', 'Services', 'Program', 'Programme']);

/** Capitalised function words that open sentences and headings, not names. */
const LEADING = new Set(['The', 'A', 'An', 'At', 'In', 'For', 'From', 'By', 'With', 'And', 'But', 'Of', 'On', 'To', 'As']);

/** Function words inside such names; "of the", "for the" at most two in a row. */
const INNER = new Set(['of', 'for', 'on', 'to', 'and', 'the', 'in']);

function isHead(word: string): boolean {
  return FORMAL_HEADS.has(word) || isLearnedOrgHead(word) || isCompanyHead(word) || isOrgSuffix(word) || connectorHeadType(word) === 'ORG';
}

function capOnLine(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  return !!t && t.isWord && t.isCap && !t.isAllCaps && t.breakBefore === 0 && !t.furniture;
}

/** A capitalised common noun, the stuff of formal names ("Prevention", "Public", "Health"). */
function commonNoun(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  return isVocabularyWord(t.lower) && !isFirstName(t.text) && !isWorldPlace(t.text) && gazetteerType(t.text) !== 'PER';
}

/**
 * Where the name goes on after `from` (a capitalised word): over function words to more capitalised
 * common nouns. "of" may also take a place ("School of Medicine", "University of Ruritania"); "to"
 * and "and" only lead on to common nouns, so "gave the Acme Foundation to Jane Roe" stops at the head.
 */
function extend(tokens: Token[], from: number): number {
  let end = from;
  for (;;) {
    let k = end + 1;
    const first = tokens[k];
    if (!first || first.breakBefore > 0 || !INNER.has(first.text)) return end;
    if (first.text === 'the') return end;
    // "of the", "for the", "for a" ("Committee for a Balanced Budget").
    const article = tokens[k + 1];
    if (article && article.breakBefore === 0 && first.text !== 'and' && (article.text === 'the' || (article.text === 'a' && first.text === 'for'))) k++;
    if (!capOnLine(tokens, k + 1)) return end;
    const viaOf = first.text === 'of';
    if (!viaOf && !commonNoun(tokens, k + 1)) return end;
    if (first.text === 'in' && !commonNoun(tokens, k + 1)) return end;
    let last = k + 1;
    while (capOnLine(tokens, last + 1) && (viaOf || commonNoun(tokens, last + 1)) && !TITLE_HEADS.has(tokens[last + 1]!.text)) last++;
    // A long run after the function word is more likely another name ("… and Crime World Drug Report").
    if (last - k > (viaOf || first.text === 'for' ? 3 : 2)) return end;
    // "of" to a person ("the Foundation of Jane Roe") is no part of an institution's name.
    if (viaOf && isFirstName(tokens[k + 1]!.text)) return end;
    end = last;
  }
}

/**
 * The owner before "’s" at `owner` is a holder's title ("U.S. Attorney", "County Sheriff"), not a place,
 * body or person the lists know, alone or with the capitalised words before it ("South Korea").
 */
function ownerTitle(tokens: Token[], owner: number): boolean {
  const word = tokens[owner]!.text;
  if (isHead(word) || isFirstName(word)) return false;
  let name = word;
  for (let i = owner; i >= 0 && owner - i < 4; i--) {
    if (i < owner) {
      if (!capOnLine(tokens, i + 1) || !tokens[i]!.isCap) break;
      name = `${tokens[i]!.text} ${name}`;
    }
    if (isWorldPlace(name) || gazetteerType(name) || isStateName(name)) return false;
  }
  return true;
}

/** [first, last] token spans of long formal names that go past what the chunker joins. */
export function formalOrgNames(tokens: Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let head = 0; head < tokens.length; head++) {
    const t = tokens[head]!;
    if (!t.isWord || !t.isCap || t.furniture || t.inCapsSentence || !isHead(t.text)) continue;
    const end = extend(tokens, head);
    // Two stretches at least past the head: one connector is the chunker's ("Council on Foreign Relations").
    if (end === head) continue;
    let first = head;
    while (tokens[first]!.breakBefore === 0 && first > 0) {
      const prev = tokens[first - 1]!;
      if (prev.isWord && prev.isCap && !prev.inCapsSentence && !prev.furniture) first--;
      // "the County Sheriff’s Office for …", "the Attorney’s Office for …".
      // "the U.S. Attorney’s Office for …": an office named after its holder's title is one name; a
      // place's or a body's own office ("Ruritania’s Ministry of …") is not.
      else if (first === head && /^['’]s$/.test(prev.text) && prev.start === tokens[first - 2]?.end && tokens[first - 2]!.isCap && ownerTitle(tokens, first - 2)) first -= 2;
      // "University of Ruritania School of …": back over "of" to an earlier head.
      else if (prev.text === 'of' && prev.breakBefore === 0 && tokens[first - 2]?.isCap && isHead(tokens[first - 2]!.text)) first -= 2;
      else break;
    }
    // A sentence's own opening word ("The", "At") is not the name's.
    while (first < head && LEADING.has(tokens[first]!.text)) first++;
    out.push([first, end]);
    head = end;
  }
  return out;
}
