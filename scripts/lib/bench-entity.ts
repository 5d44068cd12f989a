// The entity page bench: 5,000 articles of reading history (about 25 names and 6 quotes each, names
// drawn with a long tail so a few people are in a fifth of all articles) and 2,000 notes, written
// through the real stores (saveArticle, saveAnnotation) into fake-indexeddb; then, for a person in
// 1,000 articles, a frequent one and a rare one, one named by surname only, an organisation by its acronym and a
// name never read, the background's query (entityPage), the message's copy (structuredClone) and
// the page's first render (components/library/EntityPage.tsx into happy-dom). Budget: <= 100 ms
// from asking to the first render. fake-indexeddb is pure JS and happy-dom is slower than a
// browser: these are upper bounds for what Chromium does. Runs alone:
//   npx tsx scripts/lib/bench-entity.ts [--articles N] [--runs N]
import 'fake-indexeddb/auto';
import { cpus, loadavg } from 'node:os';
import { Window } from 'happy-dom';
import { h, render } from 'preact';
import { createLedeDB, saveArticle, type LedeDB } from '../../lib/background/db';
import { entityPage } from '../../lib/background/entity-page';
import { saveAnnotation } from '../../lib/background/annotation-store';
import type { ArticleSummary, EntitySummary, QuoteSummary } from '../../lib/cards/article-summary';
import type { Annotation } from '../../lib/notes/annotation';
import { median, p95 } from './stats';

export const ENTITY_PAGE_BUDGET_MS = 100;
const DEFAULT_ARTICLES = 5_000;
const DEFAULT_RUNS = 7;
const NOTES = 2_000;
const NAMES_PER_ARTICLE = 25;
const QUOTES_PER_ARTICLE = 6;

const FIRST = ['John', 'Maria', 'Ahmed', 'Li', 'Olga', 'Pedro', 'Aisha', 'Tom', 'Yuki', 'Sven', 'Grace', 'Omar', 'Ines', 'Raj', 'Nora', 'Ivan'];
const LAST = ['Kerry', 'Lavrov', 'Okafor', 'Tanaka', 'Novak', 'Silva', 'Haddad', 'Berg', 'Kowalski', 'Mensah', 'Dubois', 'Rossi', 'Nakamura', 'Fischer', 'Moreau', 'Petrov'];
const PLACES = ['Aleppo', 'Geneva', 'Moscow', 'Washington', 'Kyiv', 'Lagos', 'Lima', 'Oslo', 'Hanoi', 'Quito', 'Dakar', 'Perth'];

/** A deterministic pseudo-random source, so every run builds the same history. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 2 ** 32;
  };
}

const SYLLABLES = ['ka', 'ro', 'mi', 'ta', 'ne', 'shi', 'do', 'va', 'lu', 'be', 'zo', 'ri', 'gan', 'tor', 'vel', 'min'];

/**
 * Person i of the pool. Surnames are mostly their own (built from syllables), as in real news; a
 * few families share one (every 50th person is a "Kerry", every 40th a "Novak"), so a surname
 * alone meets several people.
 */
function personName(i: number): string {
  const first = FIRST[i % FIRST.length]!;
  // Kerry's relatives, never a second John Kerry.
  if (i % 50 === 0) return `${FIRST[1 + ((i / 50) % (FIRST.length - 1))]} Kerry`;
  if (i % 40 === 0) return `${first} Novak`;
  const a = SYLLABLES[i % 16]!;
  const b = SYLLABLES[Math.floor(i / 16) % 16]!;
  const c = SYLLABLES[Math.floor(i / 256) % 16]!;
  const last = `${a}${b}${c}`;
  return `${first} ${last[0]!.toUpperCase()}${last.slice(1)}`;
}

function buildArticle(n: number, next: () => number): ArticleSummary {
  const entities = new Map<string, EntitySummary>();
  // The star (person 0, "John Kerry") is in a fifth of the articles; the rest follow a long tail.
  if (n % 5 === 0) entities.set('John Kerry', { type: 'person', name: 'John Kerry', mentions: 4, description: n % 10 === 0 ? 'the secretary of state' : 'a former senator', role: 'Secretary of State' });
  if (n % 7 === 0) entities.set('Kerry', { type: 'person', name: 'Kerry', mentions: 1 });
  if (n % 9 === 0) entities.set('U.N.', { type: 'organization', name: 'U.N.', mentions: 2 });
  if (n % 11 === 0) entities.set('United Nations', { type: 'organization', name: 'United Nations', mentions: 3 });
  while (entities.size < NAMES_PER_ARTICLE) {
    const roll = next();
    if (roll < 0.2) {
      const place = PLACES[Math.floor(next() * PLACES.length)]!;
      entities.set(place, { type: 'place', name: place, mentions: 1 });
    } else {
      const i = 1 + Math.floor(3_000 * next() ** 3);
      const name = personName(i);
      entities.set(name, { type: 'person', name, mentions: 1 + Math.floor(next() * 5), description: next() < 0.3 ? `description ${i % 40}` : undefined });
    }
  }
  const people = [...entities.values()].filter((e) => e.type === 'person');
  const quotes: QuoteSummary[] = [];
  for (let q = 0; q < QUOTES_PER_ARTICLE; q += 1) {
    const speaker = people[q % people.length]!.name;
    quotes.push({ text: `Quote ${q} of article ${n}, said with some more words to be realistic in length and shape.`, kind: q % 3 === 0 ? 'reported' : 'direct', speaker });
  }
  for (const entity of entities.values()) if (entity.description === undefined) delete entity.description;
  return { url: `https://news${n % 40}.example/2026/story-${n}`, title: `Story number ${n} about the talks`, site: `news${n % 40}.example`, entities: [...entities.values()], quotes };
}

function note(i: number, source: string): Annotation {
  const exact = i % 2 === 0 ? `what John Kerry told reporters in note ${i}` : `a passage about Geneva, note ${i}`;
  return {
    id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    type: 'Annotation',
    schemaVersion: 1,
    motivation: 'commenting',
    created: '2026-01-01T10:00:00.000Z',
    modified: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    target: { source, selector: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 0, end: exact.length }] },
    body: `Note ${i}`,
    tags: [],
    color: 'yellow',
    page: { title: 'Story', site: 'news.example' },
  };
}

/** The bench's reading history: `count` articles and NOTES notes, through the real stores. */
export async function buildHistory(db: LedeDB, count: number): Promise<void> {
  const next = random(42);
  const sources: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const article = buildArticle(n, next);
    sources.push(article.url);
    await saveArticle(db, article, Date.UTC(2026, 0, 1) + n * 3_600_000);
  }
  for (let i = 0; i < NOTES; i += 1) await saveAnnotation(db, note(i, sources[(i * 37) % sources.length]!), 1_000 + i);
}

export interface EntityBenchRow {
  key: string;
  /** Every article that names them, and those read in full (the newest window). */
  totalArticles: number;
  articles: number;
  quotes: number;
  notes: number;
  queryMs: number;
  renderMs: number;
  totalP50Ms: number;
  totalP95Ms: number;
  /** CPU time of this process for the same steps (median): wall time minus waiting for a busy machine. */
  cpuP50Ms: number;
  /** Of which the query and the message's copy, and the first render (medians). */
  queryCpuMs: number;
  renderCpuMs: number;
  pass: boolean;
}

export async function runEntityBench(options: { articles?: number; runs?: number } = {}): Promise<{ articles: number; buildMs: number; rows: EntityBenchRow[] }> {
  const count = options.articles ?? DEFAULT_ARTICLES;
  const runs = options.runs ?? DEFAULT_RUNS;
  const db = createLedeDB(`lede-bench-entity-${Date.now()}`);
  const built = performance.now();
  await buildHistory(db, count);
  const buildMs = performance.now() - built;

  const window = new Window();
  const globals = globalThis as unknown as Record<string, unknown>;
  globals.window = window;
  globals.document = window.document;
  const { EntityPage } = await import('../../components/library/EntityPage');
  const root = window.document.createElement('div');
  window.document.body.appendChild(root as unknown as never);

  const keys = ['person:john kerry', `person:${personName(7).toLowerCase()}`, `person:${personName(201).toLowerCase()}`, 'person:kerry', 'organization:un', 'person:nobody known'];
  const rows: EntityBenchRow[] = [];
  for (const key of keys) {
    const totals: number[] = [];
    const cpus: number[] = [];
    const queries: number[] = [];
    const renders: number[] = [];
    const queryCpus: number[] = [];
    const renderCpus: number[] = [];
    let last: Awaited<ReturnType<typeof entityPage>> | null = null;
    for (let run = 0; run < runs; run += 1) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      // What the library waits for: the background's answer, copied across the message channel.
      const data = structuredClone(await entityPage(db, key, true));
      const answered = performance.now();
      const queried = process.cpuUsage(cpu);
      render(h(EntityPage, { state: { status: 'ready', data }, backHref: '#' }), root as unknown as Element);
      const done = performance.now();
      const used = process.cpuUsage(cpu);
      cpus.push((used.user + used.system) / 1000);
      queryCpus.push((queried.user + queried.system) / 1000);
      renderCpus.push((used.user + used.system - queried.user - queried.system) / 1000);
      render(null, root as unknown as Element);
      queries.push(answered - start);
      renders.push(done - answered);
      totals.push(done - start);
      last = data;
    }
    const p50 = median(totals);
    rows.push({
      key,
      totalArticles: last!.totalArticles,
      articles: last!.articles.length,
      quotes: last!.quotes.length,
      notes: last!.notes.length,
      queryMs: median(queries),
      renderMs: median(renders),
      totalP50Ms: p50,
      totalP95Ms: p95(totals),
      cpuP50Ms: median(cpus),
      queryCpuMs: median(queryCpus),
      renderCpuMs: median(renderCpus),
      pass: p50 <= ENTITY_PAGE_BUDGET_MS,
    });
  }
  await db.delete();
  await window.happyDOM.close();
  return { articles: count, buildMs, rows };
}

function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function printEntityBench(result: Awaited<ReturnType<typeof runEntityBench>>): void {
  console.log(`  machine load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores (wall times grow with it; CPU times do not)`);
  console.log(`  ${result.articles.toLocaleString('en-US')} articles and ${NOTES.toLocaleString('en-US')} notes written through the stores in ${(result.buildMs / 1000).toFixed(1)} s`);
  for (const row of result.rows) {
    console.log(
      `  ${row.key.padEnd(28)} ${String(row.totalArticles).padStart(5)} articles (${String(row.articles).padStart(4)} read) ${String(row.quotes).padStart(4)} quotes ${String(row.notes).padStart(4)} notes: ` +
        `query ${row.queryMs.toFixed(1)} ms + first render ${row.renderMs.toFixed(1)} ms; total p50 ${row.totalP50Ms.toFixed(1)} ms, p95 ${row.totalP95Ms.toFixed(1)} ms, CPU p50 ${row.cpuP50Ms.toFixed(1)} ms (query ${row.queryCpuMs.toFixed(1)} + render ${row.renderCpuMs.toFixed(1)}) ` +
        `(budget ${ENTITY_PAGE_BUDGET_MS} ms: ${row.pass ? 'PASS' : 'FAIL'})`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('Entity page: background query + first render at scale (scripts/lib/bench-entity.ts)');
  runEntityBench({ articles: numberArg('--articles', DEFAULT_ARTICLES), runs: numberArg('--runs', DEFAULT_RUNS) })
    .then(printEntityBench)
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
