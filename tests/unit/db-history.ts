// Every schema Lede's database has ever had, frozen exactly as each release declared it in
// lib/background/db.ts (see `git log -p lib/background/db.ts`). tests/unit/db-migrations.test.ts builds a database at
// each of these versions with real rows, closes it, and opens it with the current lib/background/db.ts.
//
// NEVER edit an entry below once released. When lib/background/db.ts gains a version N:
//   1. append `{ version: N, stores: { ...exactly what lib/background/db.ts passes to version(N).stores() } }`;
//   2. if N adds a table, add a `rows` writer for it in HISTORY_ROWS (db-migrations.test.ts) and,
//      if N has an upgrade() that reshapes rows, the expected shape after the upgrade there.

export interface FrozenVersion {
  version: number;
  /** What that release passed to `this.version(version).stores(...)`. */
  stores: Readonly<Record<string, string | null>>;
}

export const DB_HISTORY: readonly FrozenVersion[] = [
  // 6692b93 "Extension wiring": reading history.
  { version: 1, stores: { articles: 'url, seenAt, site, *entityNames' } },
  // 692794e "Context cards": the encyclopedia summary cache.
  { version: 2, stores: { summaries: 'key, expiresAt' } },
  // 7c6415f "Personal notes": W3C annotations.
  { version: 3, stores: { annotations: '&id, target.source, modified, *tags, color' } },
  // 8a7f88f "Analysis cache": analyses of recently read pages, so a revisit is instant.
  { version: 4, stores: { analyses: 'key, usedAt' } },
];

/** The tables that exist at `version`, with their index specs, after every earlier version applied. */
export function tablesAt(version: number): Record<string, string> {
  const tables: Record<string, string> = {};
  for (const frozen of DB_HISTORY) {
    if (frozen.version > version) break;
    for (const [table, spec] of Object.entries(frozen.stores)) {
      if (spec === null) delete tables[table];
      else tables[table] = spec;
    }
  }
  return tables;
}
