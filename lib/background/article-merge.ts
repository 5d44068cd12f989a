// Which stored articles are one article, and the one row they become: for the version 5 upgrade,
// which turns a history of addresses into a history of articles. Pure.

import type { ArticleRow } from './db-rows';

/** Titles shorter than this ("Live", "Opinion") are too common to join two rows on. */
const MIN_SHARED_TITLE = 20;
/** Rows with the same site and title are one article only if they also name mostly the same entities. */
const MIN_SHARED_NAMES = 0.5;

/**
 * Groups rows that are one article: a shared alias (the same address once cleaned), the same body
 * fingerprint, or, for rows kept before fingerprints, the same site and title (long enough to be
 * a headline) and at least half their entity names in common (the same article with its
 * punctuation stripped). Each group becomes one row: the newest reading's analysis under the
 * address the oldest was kept at, with every alias of the group. Nothing else is lost: the rows
 * dropped are the group's other readings of the same article.
 */
export function mergeDuplicateArticles(rows: readonly ArticleRow[]): { kept: ArticleRow[]; dropped: string[] } {
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const join = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const firstWith = new Map<string, number>();
  const meet = (term: string, i: number): void => {
    const known = firstWith.get(term);
    if (known === undefined) firstWith.set(term, i);
    else join(known, i);
  };
  rows.forEach((row, i) => {
    for (const alias of row.aliases ?? []) meet(`a ${alias}`, i);
    if (row.textHash) meet(`t ${row.textHash}`, i);
  });
  // Same site and headline: compared only within those (few) rows.
  const byHeadline = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const title = row.title.replace(/\s+/g, ' ').trim().toLowerCase();
    if (title.length < MIN_SHARED_TITLE) return;
    const key = `${row.site}\n${title}`;
    byHeadline.set(key, [...(byHeadline.get(key) ?? []), i]);
  });
  for (const group of byHeadline.values()) {
    for (let a = 0; a < group.length; a += 1) {
      for (let b = a + 1; b < group.length; b += 1) {
        const x = rows[group[a]!]!;
        const y = rows[group[b]!]!;
        if (x.textHash && y.textHash && x.textHash !== y.textHash) continue;
        if (sharedNames(x, y) >= MIN_SHARED_NAMES) join(group[a]!, group[b]!);
      }
    }
  }
  const groups = new Map<number, ArticleRow[]>();
  rows.forEach((row, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), row]);
  });
  const kept: ArticleRow[] = [];
  const dropped: string[] = [];
  for (const group of groups.values()) {
    if (group.length === 1) {
      kept.push(group[0]!);
      continue;
    }
    const newest = group.reduce((a, b) => (b.seenAt > a.seenAt ? b : a));
    const oldest = group.reduce((a, b) => (b.seenAt < a.seenAt || (b.seenAt === a.seenAt && b.url < a.url) ? b : a));
    const merged: ArticleRow = { ...newest, url: oldest.url, aliases: [...new Set(group.flatMap((row) => [row.url, ...(row.aliases ?? [])]))] };
    const textHash = newest.textHash ?? group.find((row) => row.textHash)?.textHash;
    if (textHash) merged.textHash = textHash;
    kept.push(merged);
    for (const row of group) if (row.url !== merged.url) dropped.push(row.url);
  }
  return { kept, dropped };
}

/** The share of entity names the two rows have in common (Jaccard); 1 when neither names anyone. */
function sharedNames(a: ArticleRow, b: ArticleRow): number {
  const x = new Set(a.entityNames.map((name) => name.toLowerCase()));
  const y = new Set(b.entityNames.map((name) => name.toLowerCase()));
  if (x.size === 0 && y.size === 0) return 1;
  let both = 0;
  for (const name of x) if (y.has(name)) both += 1;
  return both / (x.size + y.size - both);
}
