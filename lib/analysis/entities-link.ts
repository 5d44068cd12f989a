// Document-level consistency and linking. Once the article has typed a string, its other
// occurrences get that type; a bare surname or "Mr. X" joins the person whose full name
// contains it, wherever in the article that full name appears ("Clinton" ... "Hillary Clinton").
import { Strength, type Candidate } from './entities-classify';
import type { EntityType } from './types';
import { acronymLetters, initialsOf, sameFirstName, similarSurname } from './name-variants';
import { isSurnameFirstName } from './given-names';

export interface ResolvedMention {
  candidate: Candidate;
  type: EntityType;
  /** Canonical name of the entity this mention belongs to. */
  name: string;
}

interface PersonName {
  name: string;
  words: string[];
  /** Start offsets of its full mentions, to prefer the nearest earlier one when a surname is shared. */
  starts: number[];
}

/** "Jr.", "Sr.", "III": after the surname, not the surname. */
const GENERATION_SUFFIX = /^(?:Jr\.?|Sr\.?|II|III|IV)$/;

/** A given name written as its initial: "B." */
const INITIAL = /^\p{Lu}\.$/u;

const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'du', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'dos', 'das', 'del', 'della', 'di', 'ter', 'ten']);

export function linkCandidates(found: Candidate[]): ResolvedMention[] {
  const candidates = foldPossessives(found);
  const people = collectPeople(candidates);
  const best = bestTypeByString(candidates);
  const out: ResolvedMention[] = [];
  for (const c of candidates) {
    const words = nameWords(c.text);
    const known = best.get(c.text);
    // A surname of someone the article names in full outweighs the gazetteer ("Ian Hamilton" ...
    // "Hamilton said"), but not what the context says ("Washington officials").
    const sameLastWord = people.get(words[words.length - 1]!) ?? [];
    const surname = sameLastWord.some((p) => endsWithWords(p.words, words) && p.words.length > words.length);
    const mayBePerson = c.type === 'person' || c.honorific || c.strength < Strength.Strong || (surname && c.strength < Strength.Context);
    const nonPersonFirm = known && known.type !== 'person' && known.strength >= (surname ? Strength.Context : Strength.Strong) && !c.honorific;
    if (mayBePerson && !nonPersonFirm) {
      const person = findPerson(people, words, c.start, c.ordinary === true);
      if (person) {
        out.push({ candidate: c, type: 'person', name: person.name });
        continue;
      }
    }
    let type = c.type;
    // Position-only evidence ("in X") types its own mention but does not spread through the article.
    if (known && known.strength >= Strength.Strong && (known.strength > c.strength || !type)) type = known.type;
    if (!type) continue;
    out.push({ candidate: c, type, name: c.text });
  }
  unifyVariants(out);
  return out;
}

/**
 * One entity per real-world name across spellings the exact-string rules keep apart: "Josh Roe" and "Joshua Roe"
 * (a nickname with the same surname), "Zelensky" and "Volodymyr Zelenskiy" (two spellings of one long surname),
 * "U.N." / "UN" and "United Nations" (an acronym and its long form). The first-named form is the entity's name.
 */
function unifyVariants(mentions: ResolvedMention[]): void {
  const rename = new Map<string, { name: string; type: EntityType }>();
  const firstSeen = (type: EntityType, keep: (name: string) => boolean): string[] => {
    const seen = new Set<string>();
    for (const m of mentions) if (m.type === type && keep(m.name)) seen.add(m.name);
    return [...seen];
  };
  const split = (name: string): string[] => name.split(' ');
  // The surname is the last word before a generational suffix ("Patrick Roe Jr." -> "Roe").
  const surnameOf = (words: string[]): string => (words.length > 2 && GENERATION_SUFFIX.test(words.at(-1)!) ? words.at(-2)! : words.at(-1)!);
  // Full names: the same or a similar surname, and first names that may be one ("Josh" / "Joshua").
  const full = firstSeen('person', (n) => split(n).length >= 2 && !GENERATION_SUFFIX.test(surnameOf(split(n))));
  // Similar surnames share their first two letters: compare within those buckets only.
  const bucketOf = (word: string): string => word.slice(0, 2).toLowerCase();
  const bySurname = new Map<string, string[]>();
  const initialled: string[] = [];
  for (const name of full) {
    const b = split(name);
    const key = bucketOf(surnameOf(b));
    const earlier = bySurname.get(key) ?? [];
    if (INITIAL.test(b[0]!)) initialled.push(name);
    for (const other of earlier) {
      const a = split(other);
      if (!similarSurname(surnameOf(a), surnameOf(b)) || !sameFirstName(a[0] as string, b[0] as string)) continue;
      rename.set(name, rename.get(other) ?? { name: other, type: 'person' });
      break;
    }
    earlier.push(name);
    bySurname.set(key, earlier);
  }
  // An initial for the given name ("B. U. Roe") is the one person of that surname whose given name it begins
  // ("Benjamin Roe"), who then names the card; two candidates ("Ben Roe", "Bea Roe") leave it alone.
  for (const name of initialled) {
    if (rename.has(name)) continue;
    const b = split(name);
    const letter = b[0]!.charAt(0);
    const pool = bySurname.get(bucketOf(surnameOf(b))) ?? [];
    const owners = new Set(pool.filter((f) => {
      const a = split(f);
      return !INITIAL.test(a[0]!) && a[0]!.startsWith(letter) && similarSurname(surnameOf(a), surnameOf(b));
    }).map((f) => rename.get(f)?.name ?? f));
    if (owners.size !== 1) continue;
    const owner = [...owners][0]!;
    rename.set(name, { name: owner, type: 'person' });
  }
  // A lone surname spelled like exactly one full name's surname ("Zelensky" / "Volodymyr Zelenskiy").
  const fullWords = new Set(full.flatMap(split));
  for (const single of firstSeen('person', (n) => !n.includes(' ') && !fullWords.has(n))) {
    const pool = bySurname.get(bucketOf(single)) ?? [];
    const owners = new Set(pool.filter((f) => similarSurname(single, surnameOf(split(f)))).map((f) => rename.get(f)?.name ?? f));
    if (owners.size === 1) rename.set(single, { name: [...owners][0] as string, type: 'person' });
  }
  // Acronyms: the long form in the article whose capitalised words' initials they spell, else an earlier
  // spelling of the same capitals ("U.N." / "UN").
  const longForms = new Map<string, { name: string; type: EntityType }>();
  const acronyms = new Map<string, { name: string; type: EntityType }>();
  // Each distinct non-person name once, in order of first mention.
  const others = new Map<string, EntityType>();
  for (const m of mentions) if (m.type !== 'person' && !others.has(m.name)) others.set(m.name, m.type);
  for (const [name, type] of others) {
    const initials = name.includes(' ') ? initialsOf(name) : null;
    if (initials && !longForms.has(initials)) longForms.set(initials, { name, type });
  }
  for (const [name, type] of others) {
    const m = { name, type };
    if (name.includes(' ') || rename.has(m.name)) continue;
    const letters = acronymLetters(m.name);
    if (!letters) continue;
    const long = longForms.get(letters);
    if (long) {
      rename.set(m.name, long);
      continue;
    }
    if (!/^(?:\p{Lu}\.?){2,6}$/u.test(m.name)) continue;
    const earlier = acronyms.get(letters);
    if (earlier && earlier.name !== m.name) rename.set(m.name, earlier);
    else if (!earlier) acronyms.set(letters, { name: m.name, type: m.type });
  }
  if (rename.size === 0) return;
  for (const m of mentions) {
    let to = rename.get(m.name);
    // Follow a chain ("B. Roe" -> "B. U. Roe" -> "Benjamin Roe") to its end; names only ever point to earlier ones or owners.
    for (let hops = 0; to && rename.has(to.name) && rename.get(to.name)!.name !== to.name && hops < 4; hops++) to = rename.get(to.name);
    if (!to || (m.type === 'person') !== (to.type === 'person')) continue;
    m.name = to.name;
    m.type = to.type;
  }
}

/**
 * Apostrophe-less possessives ("Assads deplorable use", "Moscows influence") become the name
 * they are built on, when the article uses that name elsewhere; they then share its fate.
 */
function foldPossessives(candidates: Candidate[]): Candidate[] {
  const texts = new Set(candidates.map((c) => c.text));
  return candidates.map((c) => {
    const t = c.text;
    if (c.strength >= Strength.Strong || t.length < 4 || !t.endsWith('s') || t.endsWith('ss') || t.includes(' ')) return c;
    const base = t.slice(0, -1);
    if (!texts.has(base)) return c;
    return { ...c, text: base, end: c.end - 1, type: null, strength: Strength.Unknown };
  });
}

/** Full person names, indexed by each of their words (lookups stay cheap in long texts). */
type PeopleIndex = Map<string, PersonName[]>;

/** Full person names (two words or more), longest form first so "John Kerry" absorbs "Kerry". */
function collectPeople(candidates: Candidate[]): PeopleIndex {
  const byName = new Map<string, PersonName>();
  for (const c of candidates) {
    if (c.type !== 'person' || c.strength < Strength.Medium) continue;
    const words = nameWords(c.text);
    if (words.length < 2) continue;
    let p = byName.get(c.text);
    if (!p) byName.set(c.text, (p = { name: c.text, words, starts: [] }));
    p.starts.push(c.start);
  }
  const people = [...byName.values()].sort((a, b) => b.words.length - a.words.length);
  // A shorter full name that ends a longer one is the same person ("Barack Obama" in "Barack Hussein Obama" is not, but "Hussein Obama" would be).
  const index: PeopleIndex = new Map();
  for (const p of people) {
    const container = index.get(p.words[p.words.length - 1]!)?.find((k) => endsWithWords(k.words, p.words));
    if (container) {
      for (const start of p.starts) container.starts.push(start);
      continue;
    }
    for (const w of new Set(p.words)) {
      const list = index.get(w);
      if (list) list.push(p);
      else index.set(w, [p]);
    }
  }
  for (const list of index.values()) for (const p of list) p.starts.sort((a, b) => a - b);
  return index;
}

/** A name's words for matching, with curly apostrophes read as straight ones ("O’Rourke" is "O'Rourke"). */
function nameWords(text: string): string[] {
  return (text.includes('’') ? text.replace(/’/g, "'") : text).split(' ');
}

function endsWithWords(longer: string[], shorter: string[]): boolean {
  if (shorter.length > longer.length) return false;
  const offset = longer.length - shorter.length;
  return shorter.every((w, i) => sameNameWord(longer[offset + i]!, w));
}

/** "De Miranda" opening a sentence is the "de Miranda" of "Luis de Miranda". */
function sameNameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const lower = a.toLowerCase();
  return PARTICLES.has(lower) && lower === b.toLowerCase();
}

/** The person a (partial) name refers to: its words end the full name, or it is one of its words. */
function findPerson(people: PeopleIndex, words: string[], at: number, surnameOnly: boolean): PersonName | null {
  const pool = new Set([...(people.get(words[words.length - 1]!) ?? []), ...(people.get(words[0]!) ?? [])]);
  const ending = [...pool].filter((p) => endsWithWords(p.words, words));
  // A full name that ends with these words wins; else "Mr. Ban" -> "Ban Ki-moon" (but a sentence-initial "Mark" is
  // no reference to "Mark Esper", and a name inside a headline run together as one name is no surname).
  // "Moon Jae-in", "Liu Xiaming" write the surname first: a lone "Moon" is its surname.
  const surnameFirst = (p: PersonName): boolean => p.words.length === 2 && p.words[0] === words[0] && isSurnameFirstName(p.words[0]!, p.words[1]!);
  const matches = ending.length > 0 ? ending : [...pool].filter((p) =>
    words.length === 1 && (surnameFirst(p) || (!surnameOnly && !PARTICLES.has(words[0]!.toLowerCase()) && p.words.includes(words[0]!))));
  if (matches.length <= 1) return matches[0] ?? null;
  // Shared surname: the person last named in full before this mention, else the first named after.
  const before = (p: PersonName): number => lastAtOrBefore(p.starts, at);
  matches.sort((a, b) => before(b) - before(a) || (a.starts[0] ?? 0) - (b.starts[0] ?? 0));
  return matches[0]!;
}

/** The largest value <= `at` in an ascending list, or -1. */
function lastAtOrBefore(sorted: number[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? sorted[lo - 1]! : -1;
}

interface TypeVote {
  type: EntityType;
  strength: Strength;
}

/** The strongest type each string gets anywhere in the article. */
function bestTypeByString(candidates: Candidate[]): Map<string, TypeVote> {
  const best = new Map<string, TypeVote>();
  for (const c of candidates) {
    if (!c.type || c.strength < Strength.Medium) continue;
    const current = best.get(c.text);
    if (!current || c.strength > current.strength) best.set(c.text, { type: c.type, strength: c.strength });
  }
  return best;
}
