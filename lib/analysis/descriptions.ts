// What the article says a person is, gathered over every mention: the role placed before the name
// ("Kremlin spokesman Dmitry Peskov", descriptions-before.ts) and the appositive, age, hometown, "who"
// clause or affiliation after it ("Stephen Sestanovich, a former State Department official, now ...",
// descriptions-after.ts). An entity gets `role` = the first title the article gives (in its fullest
// form), and `description` = the first appositive, or else the title, or else a "who" clause.
import { appositiveAfter, copularAfter, type MentionStarts } from './descriptions-after';
import { appositiveBefore, titleBefore, type MentionEnds } from './descriptions-before';
import { isRoleHead } from './descriptions-words';
import type { TitleEnds } from './entities-candidates';
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
  appositives: string[];
  /** Party labels: joined to the title when no appositive says who the person is. */
  thin: string[];
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
  }

  /** One person mention; call in text order. */
  add(entity: Entity, m: DescribedMention): void {
    let notes = this.notes.get(entity);
    if (!notes) this.notes.set(entity, (notes = { titles: [], appositives: [], thin: [], copular: [], weak: [] }));
    const { text, tokens, titles } = this;
    // "GOP presidential candidate Dr. Ben Carson": the title stands before the honorific.
    const first = m.honorific && m.first > 0 ? m.first - 1 : m.first;
    const title = titleBefore(text, tokens, first, titles, this.mentionEnds);
    const listed = title ? undefined : this.listTitleBefore(first);
    const phrase = title?.phrase ?? listed;
    if (phrase) notes.titles.push(phrase);
    if (title?.plural || listed) this.listTitles.set(m.last, phrase!);
    const before = appositiveBefore(text, tokens, first, m.last, titles, this.mentionEnds);
    if (before) notes.appositives.push(before);
    const after = appositiveAfter(text, tokens, m.last, this.mentionStarts);
    if (after) (after.weak ? notes.weak : after.thin ? notes.thin : notes.appositives).push(after.text);
    else {
      const copular = copularAfter(text, tokens, first, m.last);
      if (copular) notes.copular.push(copular);
    }
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
    return this.notes.get(entity);
  }

  finish(): void {
    for (const [entity, notes] of this.notes) {
      const role = fullestFirst(notes.titles);
      if (role) entity.role = role;
      // An appositive that names a role ("a hotelier Trump tapped as his ambassador") says more than one that
      // does not ("the most anticipated witness in the inquiry").
      // "U.S. Rep. Jane Roe, D-Minn.": the title and the party label together, as news writes them.
      const party = notes.thin[0];
      const titled = role && party ? `${role}, ${party}` : (role ?? party);
      const description = notes.appositives.find(namesRole) ?? notes.appositives[0] ?? titled ?? notes.copular[0] ?? notes.weak[0];
      if (description) entity.description = description;
    }
  }
}

function namesRole(appositive: string): boolean {
  return appositive.split(/[\s,]+/).some((w) => /^\p{Ll}/u.test(w) && isRoleHead(w));
}

/**
 * The first title, or a longer one written later that contains it ("President" -> "Ukrainian President").
 * Titles that lean on the context ("the country’s President", "his business partner") come after the rest.
 */
function fullestFirst(all: string[]): string | undefined {
  const leaning = (t: string): boolean => /^(?:the|a|an|his|her|their|its|our|my|your|this|that)\s/i.test(t);
  const titles = [...all.filter((t) => !leaning(t)), ...all.filter(leaning)];
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
