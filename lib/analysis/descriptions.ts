// What the article says a person is, gathered over every mention: the role placed before the name
// ("Kremlin spokesman Dmitry Peskov", descriptions-before.ts) and the appositive, age, hometown, "who"
// clause or affiliation after it ("Stephen Sestanovich, a former State Department official, now ...",
// descriptions-after.ts), and an epithet that takes the person up ("… The singer and guitarist told",
// descriptions-anaphora.ts). An entity gets `role` = the first title the article's body gives (in its fullest
// form; a headline's or a list's title only when there is none), and `description` = the first appositive,
// or else the title (with where the person is from: "Senator, of Kentucky"), "Name is a …", an epithet, a
// list's title, or a "who" clause.
import { appositiveAfter, copularAfter, type MentionStarts } from './descriptions-after';
import { definiteDescriptionAt, isQuoteSpeaker, isSpeakerAfterContent, quotedTokens } from './descriptions-anaphora';
import { appositiveBefore, asRoleBefore, titleBefore, type MentionEnds } from './descriptions-before';
import { isRoleHead } from './descriptions-words';
import type { TitleEnds } from './entities-candidates';
import { firstNameGender } from './name-gender';
import { isHumanNoun } from './speech-cues';
import type { Token } from './tokens';
import type { Entity } from './types';

export type { MentionEnds } from './descriptions-before';

/** A mention as the describer needs it: its token range and whether an honorific stands before it. */
export interface DescribedMention {
  first: number;
  last: number;
  honorific: boolean;
}

interface Notes {
  titles: string[];
  /** Titles on a headline line, which writes them short ("Acme partner Jane Roe"): they may fill out a title
   * the body gives ("chairman" -> "Acme chairman") and stand in for one when the body gives none. */
  headlineTitles: string[];
  /** A title a list of names shares ("founding members Tom Johnston, Pat Simmons and …"). */
  sharedTitles: string[];
  /** "Roe spoke. The singer and guitarist told …": an epithet that takes the person up (descriptions-anaphora.ts). */
  epithets: string[];
  /** "… The Duke of York said": a style the person goes by, which says more than a one-word title ("Prince"). */
  styles: string[];
  appositives: string[];
  /** Party labels: joined to the title when no appositive says who the person is. */
  thin: string[];
  /** Where the person is from or works ("of Kentucky"): joined to the title, or used alone when there is none. */
  slight: string[];
  /** "Roe is a historian …": used when no appositive or title says who the person is. */
  copular: string[];
  /** "who" clauses: used when nothing else says who the person is. */
  weak: string[];
}

/** Collects what each person's mentions say; `finish` writes `role` and `description` on the entities. */
export class PersonDescriptions {
  private readonly mentionEnds: MentionEnds = new Map();
  private readonly mentionStarts: MentionStarts = new Map();
  private readonly notes = new Map<Entity, Notes>();
  /** Mentions (by last token) that a plural title before them covers, with that title: a list of names. */
  private readonly listTitles = new Map<number, string>();
  /** Person mentions in text order, for the epithets that take them up. */
  private readonly mentions: { entity: Entity; first: number; last: number }[] = [];
  /** Tokens on a line with no sentence end: a headline or a heading. */
  private readonly headline: boolean[];
  /** sentenceStarts(tokens), made on first use (both take-up passes read it and quotedTokens). */
  private sentences: Int32Array | null = null;
  /** quotedTokens(tokens), made on first use. */
  private quoted: boolean[] | null = null;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    private readonly titles: TitleEnds,
    allMentions: Iterable<{ first: number; last: number }>,
  ) {
    for (const m of allMentions) {
      this.mentionEnds.set(m.last, m.first);
      this.mentionStarts.set(m.first, m.last);
    }
    this.headline = headlineTokens(tokens);
  }

  /** One person mention; call in text order. */
  add(entity: Entity, m: DescribedMention): void {
    let notes = this.notes.get(entity);
    if (!notes) this.notes.set(entity, (notes = { titles: [], headlineTitles: [], sharedTitles: [], epithets: [], styles: [], appositives: [], thin: [], slight: [], copular: [], weak: [] }));
    const { text, tokens, titles } = this;
    this.mentions.push({ entity, first: m.first, last: m.last });
    // "GOP presidential candidate Dr. Ben Carson": the title stands before the honorific.
    const first = m.honorific && m.first > 0 ? m.first - 1 : m.first;
    const title = titleBefore(text, tokens, first, titles, this.mentionEnds);
    const listed = title ? undefined : this.listTitleBefore(first);
    const phrase = title?.phrase ?? listed;
    if (phrase) (listed || title?.plural ? notes.sharedTitles : this.headline[first] ? notes.headlineTitles : notes.titles).push(phrase);
    if (title?.plural || listed) this.listTitles.set(m.last, phrase!);
    const before = appositiveBefore(text, tokens, first, m.last, titles, this.mentionEnds);
    if (before) notes.appositives.push(before);
    let after = appositiveAfter(text, tokens, m.last, this.mentionStarts);
    // "the cubist art of Pablo Roe, the radical fashions of Coco Doe, …": the name ends one item of a list of
    // things, and the phrase after it is the next item, not who the person is.
    const item = after && tokens[first - 1]?.lower === 'of' ? PARALLEL_ITEM.exec(after.text) : null;
    if (item && !isRoleHead(item[1]!) && !isHumanNoun(item[1]!.toLowerCase())) after = undefined;
    if (after) (after.weak ? notes.weak : after.thin ? notes.thin : after.slight ? notes.slight : notes.appositives).push(after.text);
    else {
      const copular = copularAfter(text, tokens, first, m.last);
      if (copular) notes.copular.push(copular);
    }
    // "As a lung biologist at Acme, Roe followed …": it may tell who the person was then; an appositive or a
    // title says more.
    const asRole = before ? undefined : asRoleBefore(text, tokens, first, m.last);
    if (asRole) notes.copular.push(asRole);
  }

  /** "founding members Tom Johnston, Michael McDonald and John McFee": the list shares the title. */
  private listTitleBefore(first: number): string | undefined {
    let k = first - 1;
    if (this.tokens[k]?.text === 'and' || this.tokens[k]?.text === '&') k--;
    if (this.tokens[k]?.text === ',') k--;
    if (k === first - 1) return undefined;
    return this.listTitles.get(k);
  }

  /** Everything this entity's mentions said, in text order (for evaluation). */
  said(entity: Entity): { titles: readonly string[]; appositives: readonly string[]; thin: readonly string[]; copular: readonly string[]; weak: readonly string[] } | undefined {
    const notes = this.notes.get(entity);
    return notes && { ...notes, titles: [...notes.titles, ...notes.headlineTitles, ...notes.sharedTitles], appositives: [...notes.appositives, ...notes.slight] };
  }

  finish(): void {
    this.takeUpEpithets();
    this.takeUpPronounCopulars();
    for (const [entity, notes] of this.notes) {
      const own = fullestFirst(notes.titles, notes.headlineTitles);
      const role = own ?? fullestFirst(notes.sharedTitles);
      if (role) entity.role = role;
      // An appositive that names a role ("a hotelier Trump tapped as his ambassador") says more than one that
      // does not ("the most anticipated witness in the inquiry").
      // "U.S. Rep. Jane Roe, D-Minn.": the title and the party label together, as news writes them.
      const party = notes.thin[0];
      // "Senator, of Kentucky": where the person is from or works goes beside the title, as the party label does.
      const beside = party ?? notes.slight[0];
      const titled = (t: string | undefined): string | undefined => (t && beside ? `${t}, ${beside}` : (t ?? beside));
      const style = own === undefined || !own.includes(' ') ? notes.styles[0] : undefined;
      const description =
        notes.appositives.find(namesRole) ?? notes.appositives[0] ?? style ?? titled(own) ?? notes.copular[0] ?? notes.epithets[0] ?? titled(role) ?? notes.weak[0];
      if (description) entity.description = description;
    }
  }

  /**
   * "… says Jane Roe, MD. She’s the director of the Acme Center.": a sentence that opens "He/She is a ROLE …"
   * says who the one person named in the sentence before is, when the pronoun fits that person's first name.
   */
  private takeUpPronounCopulars(): void {
    const { tokens, mentions } = this;
    if (mentions.length === 0) return;
    const sentence = (this.sentences ??= sentenceStarts(tokens));
    const quoted = (this.quoted ??= quotedTokens(tokens));
    let m = 0;
    for (let i = 1; i < tokens.length; i++) {
      const t = tokens[i]!;
      if ((t.text !== 'He' && t.text !== 'She') || sentence[i] !== i || quoted[i]) continue;
      const phrase = copularAfter(this.text, tokens, i, i, true);
      if (!phrase) continue;
      const from = sentence[i - 1]!;
      while (m < mentions.length && mentions[m]!.first < from) m++;
      const named = new Set<Entity>();
      for (let k = m; k < mentions.length && mentions[k]!.last < i; k++) if (!quoted[mentions[k]!.first]) named.add(mentions[k]!.entity);
      // The one person the pronoun fits; anyone else named must be known to be of the other sex.
      const sex = t.text === 'He' ? 'male' : 'female';
      const fits = [...named].filter((e) => firstNameGender(e.name.split(' ')[0]!) !== (sex === 'male' ? 'female' : 'male'));
      const entity = fits[0];
      if (fits.length !== 1 || !entity || firstNameGender(entity.name.split(' ')[0]!) !== sex || !entity.name.includes(' ')) continue;
      this.notes.get(entity)!.copular.push(phrase);
    }
  }

  /**
   * Each epithet goes to the one person named before it in its sentence or the sentence before; with more
   * than one, a head that says the person's sex ("the actress") may pick one out. Otherwise it goes to no one.
   */
  private takeUpEpithets(): void {
    const { tokens, mentions } = this;
    if (mentions.length === 0) return;
    const sentence = (this.sentences ??= sentenceStarts(tokens));
    const quoted = (this.quoted ??= quotedTokens(tokens));
    let m = 0;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.text !== 'the' && tokens[i]!.text !== 'The') continue;
      const found = definiteDescriptionAt(this.text, tokens, i, this.mentionStarts, this.mentionEnds);
      if (!found || quoted[i] || isQuoteSpeaker(tokens, found)) continue;
      const own = sentence[i]!;
      const from = own > 0 ? sentence[own - 1]! : own;
      // Everyone named in the window counts against a clear choice, but a name in quoted words, or in the words
      // before a speaker ("Roe has a plan, the columnist suggested"), is someone else's talk: never the choice.
      const content = isSpeakerAfterContent(tokens, found) ? own : -1;
      while (m < mentions.length && mentions[m]!.first < from) m++;
      const named = new Set<Entity>();
      const choosable = new Set<Entity>();
      for (let k = m; k < mentions.length && mentions[k]!.last < i; k++) {
        const { entity, first } = mentions[k]!;
        named.add(entity);
        const inContent = content >= 0 && first >= content;
        if (!quoted[first] && !inContent) choosable.add(entity);
      }
      // Only a first name known to be of the other sex rules a person out.
      const people = [...named].filter((e) => found.gender === 'unknown' || [found.gender, 'unknown'].includes(firstNameGender(e.name.split(' ')[0]!)));
      // A one-word name is as often a credit ("Getty") or a name half-read as a person known by one name.
      if (people.length !== 1 || !choosable.has(people[0]!) || !people[0]!.name.includes(' ')) continue;
      const notes = this.notes.get(people[0]!)!;
      (found.style ? notes.styles : notes.epithets).push(found.phrase);
    }
  }
}

/** A noun phrase with a determiner whose own "of" takes a name: "the genre-defying music of Claude Doe". */
const PARALLEL_ITEM = /^(?:the|a|an|his|her|its|their)\s[^,]*?([\p{L}-]+)\sof\s\p{Lu}/u;

/** For each token, the index of the first token of its sentence (a new line also starts one). */
function sentenceStarts(tokens: Token[]): Int32Array {
  const out = new Int32Array(tokens.length);
  let start = 0;
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1]!;
    if (tokens[i]!.breakBefore > 0 || isSentenceEnd(prev.text) || (isCloseQuote(prev.text) && prev.breakBefore === 0 && i >= 2 && isSentenceEnd(tokens[i - 2]!.text))) start = i;
    out[i] = start;
  }
  return out;
}

const isSentenceEnd = (text: string): boolean => text === '.' || text === '!' || text === '?';
const isCloseQuote = (text: string): boolean => text === '”' || text === '"' || text === '’';

/** Tokens on lines that end without a sentence's final mark: headlines and headings. */
function headlineTokens(tokens: Token[]): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  let first = 0;
  while (first < tokens.length) {
    let end = first + 1;
    while (end < tokens.length && tokens[end]!.breakBefore === 0) end++;
    const lastText = tokens[end - 1]!.text;
    const closing = /^[”"’)]$/.test(lastText) ? tokens[end - 2]?.text ?? '' : lastText;
    if (!['.', '!', '?', ':', ';', ','].includes(closing) && !/^[”"’)]$/.test(lastText)) out.fill(true, first, end);
    first = end;
  }
  return out;
}

function namesRole(appositive: string): boolean {
  return appositive.split(/[\s,]+/).some((w) => /^\p{Ll}/u.test(w) && isRoleHead(w));
}

/**
 * The first title, or a longer one written later that contains it ("President" -> "Ukrainian President").
 * Titles that lean on the context ("the country’s President", "his business partner") come after the rest,
 * and `later` ones (a headline's) after all of those.
 */
function fullestFirst(all: string[], later: string[] = []): string | undefined {
  const leaning = (t: string): boolean => /^(?:the|a|an|his|her|their|its|our|my|your|this|that)\s/i.test(t);
  const ordered = (ts: string[]): string[] => [...ts.filter((t) => !leaning(t)), ...ts.filter(leaning)];
  const titles = [...ordered(all), ...ordered(later)];
  const first = titles[0];
  if (first === undefined) return undefined;
  let best = first;
  for (const t of titles) {
    if (leaning(t) && !leaning(first)) continue;
    if (t.length > best.length && (` ${t}`.endsWith(` ${first}`) || t.startsWith(`${first} `))) best = t;
  }
  return best;
}

/** The title before one mention whose first token is `first` ("Kremlin spokesman"), on its own. */
export function findRole(text: string, tokens: Token[], first: number, titles: TitleEnds, mentionEnds: MentionEnds): string | undefined {
  return titleBefore(text, tokens, first, titles, mentionEnds)?.phrase;
}

/** The appositive after one mention whose last token is `last`, on its own (who clauses included). */
export function findDescription(text: string, tokens: Token[], last: number, mentionStarts: MentionStarts = new Map()): string | undefined {
  return appositiveAfter(text, tokens, last, mentionStarts)?.text;
}
