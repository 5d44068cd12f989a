// The library's search: an inverted index over every note (body, quoted passage, tags, article
// title) built once when the library loads, so a query looks up a few posting lists instead of
// scanning 10,000 notes. Pure TypeScript: the page and the Node bench call the same functions.

import { positionSelectorOf, quoteSelectorOf, type Annotation, type HighlightColor } from '../notes/annotation';
import { runSteps, type Steps } from '../exchange/steps';

/** One note with what the library knows about its article (joined in lib/library/library-data.ts). */
export interface LibraryItem {
  annotation: Annotation;
  /** The note's article key (annotation.target.source). */
  source: string;
  articleTitle: string;
  site: string;
  /** When the reader last opened the article (ms), or null when no analysis is stored. */
  readAt: number | null;
  /** People, places and organisations the article's analysis found (canonical names). */
  entities: string[];
}

export interface LibraryFilters {
  tag?: string;
  site?: string;
  color?: HighlightColor;
  /** Inclusive `YYYY-MM-DD` bounds on the note's created date (UTC). */
  from?: string;
  to?: string;
  /** An entity name the note's article must mention (case-insensitive). */
  entity?: string;
}

export const LIBRARY_SORTS = ['newest', 'oldest', 'article', 'position'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

export interface LibraryIndex {
  items: LibraryItem[];
  /** Token → ascending item indices. */
  postings: Map<string, number[]>;
  /** Every distinct token, sorted, for prefix lookups by binary search. */
  tokens: string[];
  /** Lower-cased entity name → item indices. */
  entityPostings: Map<string, number[]>;
  /** Every item, newest first: the page's first view (no words, no filters) without sorting them all again. */
  newest: LibraryItem[];
}

// Combining marks left behind by NFD: dropping them folds "é" to "e", "Zürich" to "zurich".
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const WORD = /[\p{L}\p{N}]+/gu;

/** Lower case, diacritics folded, NFKC-compatible characters unified. */
export function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** The word tokens of `text`, normalised; punctuation and spaces separate words. */
export function tokenize(text: string): string[] {
  return normalizeText(text).match(WORD) ?? [];
}

/** The searchable text of a note: what the reader wrote, what they quoted, their tags, and the article's title. */
function searchableText(item: LibraryItem): string {
  const quote = quoteSelectorOf(item.annotation.target)?.exact ?? '';
  return [item.annotation.body, quote, item.annotation.tags.join(' '), item.articleTitle].join('\n');
}

export function buildLibraryIndex(items: LibraryItem[]): LibraryIndex {
  return runSteps(buildLibraryIndexSteps(items));
}

/** buildLibraryIndex as steps (yields notes indexed so far), so a large library can be indexed in slices. */
export function* buildLibraryIndexSteps(items: LibraryItem[]): Steps<LibraryIndex> {
  const postings = new Map<string, number[]>();
  const entityPostings = new Map<string, number[]>();
  // A token met again in the same note is already at the end of its list: no set per note (a
  // 100,000-note library made as many sets, garbage the collector then paused the page for).
  const post = (lists: Map<string, number[]>, key: string, index: number): void => {
    const list = lists.get(key);
    if (!list) lists.set(key, [index]);
    else if (list[list.length - 1] !== index) list.push(index);
  };
  for (let index = 0; index < items.length; index += 1) {
    const item = items[index]!;
    for (const token of tokenize(searchableText(item))) post(postings, token, index);
    for (const entity of item.entities) post(entityPostings, entity.toLowerCase(), index);
    yield index + 1;
  }
  const tokens = yield* sortedSteps([...postings.keys()], compareStrings);
  const newest = yield* sortedSteps(items.slice(), comparatorFor('newest'));
  return { items, postings, tokens, entityPostings, newest };
}

/** Runs of this many are sorted natively; merging them is done a step at a time. */
const SORT_RUN = 2048;

/**
 * `items` sorted by `compare` (stable), as steps: runs sorted natively, then merged pairwise, a
 * yield every few thousand elements, so sorting 100,000 notes never holds the thread for long.
 */
export function* sortedSteps<T>(items: T[], compare: (a: T, b: T) => number): Steps<T[]> {
  if (items.length <= SORT_RUN) return items.sort(compare);
  let from: T[] = items;
  for (let start = 0; start < from.length; start += SORT_RUN) {
    const run = from.slice(start, start + SORT_RUN).sort(compare);
    for (let i = 0; i < run.length; i += 1) from[start + i] = run[i]!;
    yield start;
  }
  let to: T[] = new Array<T>(from.length);
  for (let width = SORT_RUN; width < from.length; width *= 2) {
    for (let left = 0; left < from.length; left += 2 * width) {
      const middle = Math.min(left + width, from.length);
      const end = Math.min(left + 2 * width, from.length);
      let i = left;
      let j = middle;
      let k = left;
      while (i < middle && j < end) {
        to[k++] = compare(from[j]!, from[i]!) < 0 ? from[j++]! : from[i++]!;
        // The last merges take the whole list: hand the thread back within them too.
        if (k % SORT_RUN === 0) yield k;
      }
      while (i < middle) to[k++] = from[i++]!;
      while (j < end) to[k++] = from[j++]!;
      yield end;
    }
    [from, to] = [to, from];
  }
  return from;
}

/** Item indices for every token starting with `prefix` (the word still being typed). */
function prefixMatches(index: LibraryIndex, prefix: string): Set<number> {
  const found = new Set<number>();
  let low = 0;
  let high = index.tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (index.tokens[mid]! < prefix) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < index.tokens.length && index.tokens[i]!.startsWith(prefix); i++) {
    for (const item of index.postings.get(index.tokens[i]!)!) found.add(item);
  }
  return found;
}

/**
 * Item indices matching every word of `query` (AND). Finished words match whole tokens; the last
 * word matches as a prefix, unless the query ends in a space, so results follow typing. null = no query.
 */
function matchQuery(index: LibraryIndex, query: string): number[] | null {
  const words = tokenize(query);
  if (words.length === 0) return null;
  const lastIsPrefix = !/\s$/.test(query);
  const sets: (number[] | Set<number>)[] = words.map((word, i) =>
    i === words.length - 1 && lastIsPrefix ? prefixMatches(index, word) : (index.postings.get(word) ?? []),
  );
  // Intersect starting from the smallest set: the cost follows the rarest word.
  const sizeOf = (s: number[] | Set<number>): number => (Array.isArray(s) ? s.length : s.size);
  sets.sort((a, b) => sizeOf(a) - sizeOf(b));
  let result = [...sets[0]!];
  for (const other of sets.slice(1)) {
    const lookup = Array.isArray(other) ? new Set(other) : other;
    result = result.filter((i) => lookup.has(i));
    if (result.length === 0) break;
  }
  return result;
}

function passesFilters(item: LibraryItem, filters: LibraryFilters): boolean {
  const note = item.annotation;
  if (filters.tag && !note.tags.includes(filters.tag)) return false;
  if (filters.site && item.site !== filters.site) return false;
  if (filters.color && note.color !== filters.color) return false;
  const day = note.created.slice(0, 10);
  if (filters.from && day < filters.from) return false;
  if (filters.to && day > filters.to) return false;
  return true;
}

/** The notes matching `query` and `filters`, in `sort` order. */
export function searchLibrary(
  index: LibraryIndex,
  query: string,
  filters: LibraryFilters = {},
  sort: LibrarySort = 'newest',
): LibraryItem[] {
  let candidates: number[] | null = matchQuery(index, query);
  if (filters.entity) {
    const mentioned = index.entityPostings.get(filters.entity.toLowerCase()) ?? [];
    if (candidates === null) candidates = mentioned;
    else {
      const lookup = new Set(mentioned);
      candidates = candidates.filter((i) => lookup.has(i));
    }
  }
  const unfiltered = !filters.tag && !filters.site && !filters.color && !filters.from && !filters.to;
  if (candidates === null && unfiltered && sort === 'newest') return index.newest.slice();
  const pool = candidates === null ? index.items : candidates.map((i) => index.items[i]!);
  const matched = pool.filter((item) => passesFilters(item, filters));
  return matched.sort(comparatorFor(sort));
}

function comparatorFor(sort: LibrarySort): (a: LibraryItem, b: LibraryItem) => number {
  switch (sort) {
    case 'newest':
      return (a, b) => compareStrings(b.annotation.created, a.annotation.created) || compareStrings(a.annotation.id, b.annotation.id);
    case 'oldest':
      return (a, b) => compareStrings(a.annotation.created, b.annotation.created) || compareStrings(a.annotation.id, b.annotation.id);
    case 'article':
      return (a, b) =>
        compareStrings(a.articleTitle.toLowerCase(), b.articleTitle.toLowerCase()) ||
        compareStrings(a.source, b.source) ||
        byPosition(a, b);
    case 'position':
      // Articles most recently read first, each article's notes in reading order.
      return (a, b) => (b.readAt ?? 0) - (a.readAt ?? 0) || compareStrings(a.source, b.source) || byPosition(a, b);
  }
}

function byPosition(a: LibraryItem, b: LibraryItem): number {
  const startA = positionSelectorOf(a.annotation.target)?.start ?? Number.MAX_SAFE_INTEGER;
  const startB = positionSelectorOf(b.annotation.target)?.start ?? Number.MAX_SAFE_INTEGER;
  return startA - startB || compareStrings(a.annotation.id, b.annotation.id);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Notes of one article, in result order. */
export interface LibraryGroup {
  source: string;
  title: string;
  site: string;
  readAt: number | null;
  items: LibraryItem[];
}

/** Groups results by article, groups in the order their first note appears. */
export function groupByArticle(items: LibraryItem[]): LibraryGroup[] {
  const groups = new Map<string, LibraryGroup>();
  for (const item of items) {
    let group = groups.get(item.source);
    if (!group) {
      group = { source: item.source, title: item.articleTitle, site: item.site, readAt: item.readAt, items: [] };
      groups.set(item.source, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}

/** Facets for the filter controls: distinct tags, sites, and entities with how many notes mention them. */
export interface LibraryFacets {
  tags: string[];
  sites: string[];
  entities: { name: string; count: number }[];
}

export function libraryFacets(items: LibraryItem[]): LibraryFacets {
  return runSteps(libraryFacetsSteps(items));
}

/** libraryFacets as steps (yields notes counted so far). */
export function* libraryFacetsSteps(items: LibraryItem[]): Steps<LibraryFacets> {
  const tags = new Set<string>();
  const sites = new Set<string>();
  const entityCounts = new Map<string, number>();
  // The note an entity was last counted for: each counts once per note, without a set per note.
  const countedFor = new Map<string, number>();
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i]!;
    for (const tag of item.annotation.tags) tags.add(tag);
    if (item.site) sites.add(item.site);
    for (const name of item.entities) {
      if (countedFor.get(name) === i) continue;
      countedFor.set(name, i);
      entityCounts.set(name, (entityCounts.get(name) ?? 0) + 1);
    }
    yield i;
  }
  const byName = (a: string, b: string): number => a.localeCompare(b);
  return {
    tags: [...tags].sort(byName),
    sites: [...sites].sort(byName),
    entities: [...entityCounts]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || byName(a.name, b.name)),
  };
}

/** How much of a long result list renders at once: the page shows more on request. */
export const GROUPS_PER_PAGE = 100;
export const NOTES_PER_PAGE = 200;

/**
 * The first `pages` pages of groups: at most GROUPS_PER_PAGE groups and NOTES_PER_PAGE notes per
 * page, cutting the last group short if needed, so 10,000 results never render at once.
 */
export function pageOfGroups(groups: LibraryGroup[], pages: number): { groups: LibraryGroup[]; shownNotes: number } {
  const maxGroups = GROUPS_PER_PAGE * pages;
  let notesLeft = NOTES_PER_PAGE * pages;
  const shown: LibraryGroup[] = [];
  for (const group of groups) {
    if (shown.length >= maxGroups || notesLeft <= 0) break;
    const items = group.items.length <= notesLeft ? group.items : group.items.slice(0, notesLeft);
    shown.push(items === group.items ? group : { ...group, items });
    notesLeft -= items.length;
  }
  return { groups: shown, shownNotes: NOTES_PER_PAGE * pages - notesLeft };
}
