// Durability across releases: a database saved by EVERY earlier Lede version, with real rows (the
// seed article's analysis, another article with accents and emoji, cached encyclopedia answers,
// notes with tags and a bare highlight), opens with the current lib/background/db.ts with every row intact
// and every index answering. The old schemas are frozen in db-history.ts; the test walks all of
// them, so a new version in lib/background/db.ts only needs its schema appended there.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeText } from '@/lib/analysis/analyze';
import type { Annotation } from '@/lib/notes/annotation';
import { summarizeArticle } from '@/lib/cards/article-summary';
import { articleIndexes, createLedeDB, mentionRowsOf, LedeDB, type AnalysisRow, type ArticleRow } from '@/lib/background/db';
import type { SummaryRow } from '@/lib/background/db';
import { makeAnnotation, noteId } from '../../testing/fixtures/annotation-fixtures';
import { DB_HISTORY, tablesAt } from '../../testing/fixtures/db-history';
import { readSeed } from '../../testing/fixtures/quotes-fixtures';

const SEED_URL = 'https://www.nytimes.com/2013/10/04/world/europe/us-seeks-to-redraw-ties-with-russia.html';

function seedArticle(): ArticleRow {
  const raw = readSeed('article.txt');
  const start = raw.indexOf('The Obama administration');
  const text = raw.slice(start, raw.indexOf('\n---', start)).trim();
  const summary = summarizeArticle(
    { url: SEED_URL, title: 'U.S. Seeks to Redraw Ties With Russia in Syrian Conflict', site: 'www.nytimes.com' },
    analyzeText(text),
    text,
  );
  return { ...summary, seenAt: Date.parse('2026-11-20T09:10:00Z'), entityNames: [...new Set(summary.entities.map((e) => e.name))] };
}

const ZURICH: ArticleRow = {
  url: 'https://www.bbc.co.uk/news/world-europe-1',
  title: 'Zürich talks: “no deal” 🤝 — مفاوضات',
  site: 'www.bbc.co.uk',
  seenAt: Date.parse('2026-11-21T08:00:00Z'),
  entities: [
    { type: 'place', name: 'Zürich', mentions: 3 },
    { type: 'person', name: 'John Kerry', mentions: 1, role: 'Secretary of State' },
  ],
  quotes: [{ text: '“We are not there yet,”', kind: 'direct', speaker: 'John Kerry' }],
  entityNames: ['Zürich', 'John Kerry'],
};

const SUMMARIES: SummaryRow[] = [
  {
    key: 'https://en.wikipedia.org|John Kerry',
    result: { status: 'found', title: 'John Kerry', extract: 'John Forbes Kerry is an American politician.', url: 'https://en.wikipedia.org/wiki/John_Kerry' },
    fetchedAt: 1_000,
    expiresAt: 605_801_000,
  },
  { key: 'https://en.wikipedia.org|Nobody Known', result: { status: 'missing' }, fetchedAt: 2_000, expiresAt: 86_402_000 },
];

const NOTES: Annotation[] = [
  makeAnnotation({
    id: noteId(1),
    exact: 'Kerry is a congenial, keep-communicating kind of guy',
    start: 4021,
    body: 'Sestanovich reads Kerry as a **talker** — not a door-slammer 🚪',
    tags: ['kerry-watch', 'russia', 'Zürich'],
    color: 'green',
    target: {
      source: SEED_URL,
      selector: [
        { type: 'TextQuoteSelector', exact: 'Kerry is a congenial, keep-communicating kind of guy', prefix: '“', suffix: ',” said Stephen Sestanovich' },
        { type: 'TextPositionSelector', start: 4021, end: 4073 },
      ],
    },
  }),
  makeAnnotation({ id: noteId(2), body: '', tags: [], color: 'pink', motivation: 'highlighting', modified: '2026-02-01T00:00:00.000Z' }),
];

/** Analyses of read pages (version 4): the seed's real analysis, and a small one. */
function analysisRows(): AnalysisRow[] {
  const raw = readSeed('article.txt');
  return [
    { key: `${raw.length}:0badf00d ${SEED_URL}`, url: SEED_URL, textLength: raw.length, analysis: analyzeText(raw), usedAt: 2_000 },
    { key: `12:00c0ffee ${ZURICH.url}`, url: ZURICH.url, textLength: 12, analysis: { entities: [], quotes: [] }, usedAt: 1_000 },
  ];
}

/** What each table holds in a database saved at any version that has it. */
const HISTORY_ROWS: Record<string, () => unknown[]> = {
  articles: () => [seedArticle(), ZURICH],
  summaries: () => SUMMARIES,
  annotations: () => NOTES,
  analyses: analysisRows,
  mentions: () => [seedArticle(), ZURICH].flatMap((row) => mentionRowsOf({ ...row, ...articleIndexes(row.url, row.entities) })),
  syncMeta: () => [
    { key: `note\u0000${noteId(1)}`, hlc: '000001764000000000-0000-0a1b2c3d4e5f6071', life: 0, seen: { '0a1b2c3d4e5f6071': 2 }, bodyEdit: { device: '0a1b2c3d4e5f6071', n: 1 }, deleted: false, file: '00112233445566778899aabbccddeeff.lede' },
    { key: `note\u0000${noteId(3)}`, hlc: '000001764000000001-0000-0a1b2c3d4e5f6071', life: 1, seen: { '0a1b2c3d4e5f6071': 2 }, deleted: true },
  ],
  outbox: () => [{ key: `note\u0000${noteId(3)}`, seq: 7 }],
  syncState: () => [{ name: 'state', device: '0a1b2c3d4e5f6071', clock: '000001764000000001-0000-0a1b2c3d4e5f6071', nextSeq: 8, etags: { 'lede-keyinfo.json': '"e1"' }, seeded: true }],
};

/**
 * Where a version's upgrade() reshapes stored rows: the rows expected after opening with the
 * current lib/background/db.ts, per table. Empty while no upgrade has changed data.
 */
const UPGRADED_ROWS: Record<string, (saved: unknown[], savedAt: number) => unknown[]> = {
  // Version 6: each article gains its aliases and entity keys (duplicates merging: article-identity-migration.test.ts).
  articles: (saved, savedAt) => (savedAt >= 6 ? saved : (saved as ArticleRow[]).map((row) => ({ ...row, ...articleIndexes(row.url, row.entities) }))),
};

/** Tables a version's upgrade fills from other tables: their rows expected after opening a database saved before it. */
const DERIVED_ROWS: Record<string, (saved: Record<string, unknown[]>) => unknown[]> = {
  mentions: (saved) => (UPGRADED_ROWS.articles!(saved.articles ?? [], 0) as ArticleRow[]).flatMap(mentionRowsOf),
};

/** The versions lib/background/db.ts declares, with their stores (Dexie keeps them on the instance). */
function declaredVersions(db: Dexie): { version: number; stores: Record<string, string | null> }[] {
  const versions = (db as unknown as { _versions: { _cfg: { version: number; storesSource: Record<string, string | null> } }[] })._versions;
  return versions.map((v) => ({ version: v._cfg.version, stores: { ...v._cfg.storesSource } })).sort((a, b) => a.version - b.version);
}

/** A database as the release with schema `version` left it, holding real rows in every table. */
async function saveAtVersion(name: string, version: number): Promise<Record<string, unknown[]>> {
  const old = new Dexie(name);
  for (const frozen of DB_HISTORY) if (frozen.version <= version) old.version(frozen.version).stores({ ...frozen.stores });
  await old.open();
  const written: Record<string, unknown[]> = {};
  for (const table of Object.keys(tablesAt(version))) {
    const rows = HISTORY_ROWS[table];
    if (!rows) throw new Error(`db-migrations: no rows for table "${table}": add a writer to HISTORY_ROWS`);
    written[table] = structuredClone(rows());
    await old.table(table).bulkPut(written[table]);
  }
  old.close();
  return written;
}

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('the frozen history', () => {
  it('holds every version lib/background/db.ts declares, exactly as declared', () => {
    const declared = declaredVersions(new LedeDB('lede-history-check'));
    expect(
      declared.map((d) => d.version),
      'lib/background/db.ts declares a version testing/fixtures/db-history.ts does not freeze: append it there',
    ).toEqual(DB_HISTORY.map((f) => f.version));
    expect(declared).toEqual(DB_HISTORY.map((f) => ({ version: f.version, stores: { ...f.stores } })));
  });

  it('has realistic rows: the seed article analysed, with people and quotes', () => {
    const seed = seedArticle();
    expect(seed.entityNames).toEqual(expect.arrayContaining(['John Kerry', 'Michael McFaul']));
    expect(seed.quotes.length).toBeGreaterThan(5);
  });
});

describe.each(DB_HISTORY.map((f) => f.version))('a database saved at version %i', (version) => {
  it('opens with the current lib/background/db.ts with every row intact and every index answering', async () => {
    const name = `lede-migration-from-v${version}`;
    const saved = await saveAtVersion(name, version);
    const db = createLedeDB(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(DB_HISTORY.at(-1)!.version);

    for (const table of db.tables) {
      const before = saved[table.name];
      const expected = before === undefined ? (DERIVED_ROWS[table.name]?.(saved) ?? []) : (UPGRADED_ROWS[table.name]?.(before, version) ?? before);
      const rows = await table.toArray();
      const key = table.schema.primKey.keyPath as string;
      const byKey = (a: unknown, b: unknown): number => String((a as Record<string, unknown>)[key]).localeCompare(String((b as Record<string, unknown>)[key]));
      expect([...rows].sort(byKey), `table ${table.name}`).toEqual([...expected].sort(byKey));
    }

    // Indexes: each one still finds the rows that were there before the upgrade.
    if (saved.articles) {
      expect((await db.articles.where('entityNames').equals('John Kerry').toArray()).map((a) => a.url).sort()).toEqual([ZURICH.url, SEED_URL].sort());
      expect(await db.articles.where('entityNames').equals('Zürich').primaryKeys()).toEqual([ZURICH.url]);
      expect(await db.articles.orderBy('seenAt').primaryKeys()).toEqual([SEED_URL, ZURICH.url]);
      expect(await db.articles.where('site').equals('www.nytimes.com').count()).toBe(1);
      if (version < 6) {
        expect(await db.mentions.where('terms').equals('person:john kerry').primaryKeys()).toEqual([`${SEED_URL}\nperson:john kerry`, `${ZURICH.url}\nperson:john kerry`].sort());
        expect(await db.articles.where('aliases').equals(ZURICH.url).primaryKeys()).toEqual([ZURICH.url]);
      }
    }
    if (saved.summaries) {
      expect(await db.summaries.where('expiresAt').below(100_000_000).primaryKeys()).toEqual(['https://en.wikipedia.org|Nobody Known']);
    }
    if (saved.annotations) {
      expect(await db.annotations.where('target.source').equals(SEED_URL).primaryKeys()).toEqual([noteId(1)]);
      // Version 7 dropped the indexes nothing queries.
      expect(db.annotations.schema.indexes.map((index) => index.name)).toEqual(['target.source']);
    }
    if (saved.analyses) {
      expect((await db.analyses.orderBy('usedAt').toArray()).map((row) => row.url)).toEqual([ZURICH.url, SEED_URL]);
    }

    // Tables added after `version` exist and take writes.
    await db.annotations.put(makeAnnotation({ id: noteId(9) }));
    await db.summaries.put({ key: 'k', result: { status: 'missing' }, fetchedAt: 0, expiresAt: 1 });
    await db.articles.put({ ...ZURICH, url: 'https://example.org/new' });
    await db.analyses.put({ key: 'k', url: 'https://example.org/new', textLength: 0, analysis: { entities: [], quotes: [] }, usedAt: 3 });
    expect(await db.annotations.get(noteId(9))).toBeDefined();
    expect(await db.analyses.get('k')).toBeDefined();
  });
});
