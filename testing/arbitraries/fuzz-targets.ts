// The fuzz targets: one fast-check property each over the analysis, the anchoring, the import and
// the message validator. tests/unit/fuzz-*.test.ts run each with a fixed seed and a few cases;
// scripts/fuzz.ts runs them all for tens of thousands of cases.

import 'fake-indexeddb/auto';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { analyzeText } from '../../lib/analysis/analyze';
import { anchor, anchorAll, describeSpan } from '../../lib/anchoring';
import type { AnchorStatus, Annotation, Selector, TextQuoteSelector } from '../../lib/notes/annotation';
import { parseAnnotation } from '../../lib/notes/validation';
import { createLedeDB, type LedeDB } from '../../lib/background/db';
import { importAnnotations, ImportError, parseImport, type ParsedImport } from '../../lib/exchange';
import { MessageError, parseMessage } from '../../lib/protocol/messages';
import {
  adversarialText,
  anyArticleText,
  anyMessage,
  articleText,
  importFileArbitrary,
  ledeBackupArbitrary,
  trapText,
  VALID_MESSAGES,
  withSpan,
} from './fuzz-arbitraries';
import { makeAnnotation, noteId } from '../fixtures/annotation-fixtures';
import { analysisProblems, anchoredExactlyProblems, assertNoProblems } from './fuzz-checks';

export type FuzzArea = 'analysis' | 'anchoring' | 'import' | 'messages';

export interface FuzzTarget {
  name: string;
  area: FuzzArea;
  /** Share of a campaign's runs, relative to the other targets (slow targets get fewer). */
  weight: number;
  run(parameters: fc.Parameters<unknown>): Promise<fc.RunDetails<unknown>>;
}

/** Runs a target and throws fast-check's report (seed, path, shrunk counterexample) if it failed. */
export async function assertTarget(target: FuzzTarget, parameters: fc.Parameters<unknown>): Promise<void> {
  const details = await target.run(parameters);
  if (details.failed) throw new Error(`${target.name}: ${fc.defaultReportMessage(details) ?? 'failed'}\n${errorText(details.errorInstance)}`);
}

/** The failing check's message (fast-check's report leaves it out). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function syncTarget<T>(name: string, area: FuzzArea, weight: number, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void): FuzzTarget {
  return {
    name,
    area,
    weight,
    run: async (parameters) => fc.check(fc.property(arbitrary, predicate), parameters as fc.Parameters<[T]>) as fc.RunDetails<unknown>,
  };
}

function asyncTarget<T>(name: string, area: FuzzArea, weight: number, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>): FuzzTarget {
  return {
    name,
    area,
    weight,
    run: async (parameters) => (await fc.check(fc.asyncProperty(arbitrary, predicate), parameters as fc.Parameters<[T]>)) as fc.RunDetails<unknown>,
  };
}

// ---- Analysis --------------------------------------------------------------------------------

function wellFormedAnalysis(text: string): void {
  const analysis = analyzeText(text);
  assertNoProblems(analysisProblems(text, analysis));
}

/** A trap text with article paragraphs before and after it, so the trap sits inside real content. */
const trapInArticle = fc.tuple(articleText(3), trapText(1, 5_000), articleText(3)).map(([before, { text }, after]) => `${before}\n\n${text}\n\n${after}`);

// ---- Anchoring -------------------------------------------------------------------------------

/** The quote and all its stored context sit verbatim here: no selector can tell this place apart. */
function indistinguishable(text: string, quote: TextQuoteSelector, status: AnchorStatus): boolean {
  if (status.status !== 'anchored') return true;
  const { start, end } = status;
  return (
    text.slice(start, end) === quote.exact &&
    text.slice(Math.max(0, start - quote.prefix.length), start) === quote.prefix &&
    text.slice(end, end + quote.suffix.length) === quote.suffix
  );
}

/** An orphan is an answer; "anchoring failed" means anchor() caught an exception of its own. */
function noInternalFailure(status: AnchorStatus): void {
  if (status.status === 'orphan' && status.reason.startsWith('anchoring failed')) throw new Error(`anchor() caught its own exception: ${status.reason}`);
}

/** The span found at its shifted place, or at a place no selector can tell apart, or an orphan. */
function rightPlaceOrOrphan(text: string, quote: TextQuoteSelector, status: AnchorStatus, start: number, end: number): void {
  noInternalFailure(status);
  if (status.status === 'orphan') return;
  if (status.start === start && status.end === end) return;
  if (!indistinguishable(text, quote, status)) {
    throw new Error(`anchored at ${status.start}..${status.end} (${JSON.stringify(text.slice(status.start, status.end))}) instead of ${start}..${end} (${JSON.stringify(quote.exact)})`);
  }
}

const insertion = fc.tuple(fc.oneof(adversarialText(8), fc.string({ unit: 'binary', minLength: 1, maxLength: 30 })), fc.double({ min: 0, max: 1, noNaN: true }));

const garbageSelectors: fc.Arbitrary<Selector[]> = fc.array(
  fc.oneof(
    fc.record({ type: fc.constant('TextQuoteSelector'), exact: adversarialText(6), prefix: adversarialText(3), suffix: adversarialText(3) }),
    fc.record({ type: fc.constant('TextPositionSelector'), start: fc.oneof(fc.integer(), fc.double()), end: fc.oneof(fc.integer(), fc.double()) }),
    fc.anything({ maxDepth: 2 }),
  ),
  { maxLength: 4 },
) as fc.Arbitrary<Selector[]>;

// ---- Import ----------------------------------------------------------------------------------

/** A refusal the reader can act on: an ImportError with a real sentence in it. */
function clearImportError(error: unknown): void {
  if (!(error instanceof ImportError)) throw new Error(`threw ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error)} instead of an ImportError`);
  if (error.message.trim().length < 10 || /undefined|\[object /.test(error.message)) throw new Error(`unclear ImportError message: ${JSON.stringify(error.message)}`);
}

function wellFormedParse(parsed: ParsedImport): void {
  if (parsed.format !== 'lede-jsonld' && parsed.format !== 'hypothesis') throw new Error(`unknown format ${String(parsed.format)}`);
  parsed.annotations.forEach((annotation) => {
    if (!isDeepStrictEqual(parseAnnotation(structuredClone(annotation)), annotation)) throw new Error(`annotation ${annotation.id} changes when validated again`);
  });
  for (const rejected of parsed.rejected) {
    if (typeof rejected.reason !== 'string' || rejected.reason.trim() === '' || /undefined|\[object /.test(rejected.reason)) {
      throw new Error(`unclear rejection ${JSON.stringify(rejected)}`);
    }
  }
  for (const article of parsed.articles) if (typeof article.url !== 'string' || article.url === '') throw new Error(`article without url ${JSON.stringify(article)}`);
}

function parseOrRefuse(file: string | Uint8Array): void {
  let parsed: ParsedImport;
  try {
    parsed = parseImport(file);
  } catch (error) {
    clearImportError(error);
    return;
  }
  wellFormedParse(parsed);
}

/** What is in the database, as one string: rows of every table in key order. */
export async function databaseSnapshot(db: LedeDB): Promise<string> {
  return JSON.stringify([await db.annotations.toArray(), await db.articles.toArray(), await db.summaries.toArray()]);
}

const STORED_NOTE: Annotation = makeAnnotation({
  id: noteId(99),
  exact: 'already here',
  start: 5,
  body: 'stored before the import',
  tags: ['kept'],
  color: 'green',
  page: { title: 'Stored', site: 'news.example' },
});

let databases = 0;

/** A fresh database holding one note and one article, for one import. */
async function seededDatabase(): Promise<LedeDB> {
  databases += 1;
  const db = createLedeDB(`lede-fuzz-${process.pid}-${databases}`);
  await db.annotations.add(STORED_NOTE);
  await db.articles.add({ url: 'https://news.example/story', title: 'Stored', site: 'news.example', seenAt: 1, entities: [], quotes: [], entityNames: [] });
  return db;
}

/** An import either fails with an ImportError and leaves the database exactly as it was, or adds what it says. */
async function importLeavesDatabaseConsistent(file: string | Uint8Array): Promise<void> {
  const db = await seededDatabase();
  try {
    const before = await databaseSnapshot(db);
    let summary;
    try {
      summary = await importAnnotations(db, file);
    } catch (error) {
      clearImportError(error);
      const after = await databaseSnapshot(db);
      if (after !== before) throw new Error('a failed import changed the database');
      return;
    }
    const notes = await db.annotations.count();
    if (notes !== 1 + summary.added) throw new Error(`import said it added ${summary.added} but the database holds ${notes - 1} new notes`);
    const stored = await db.annotations.get(STORED_NOTE.id);
    if (!isDeepStrictEqual(stored, STORED_NOTE)) throw new Error('an import changed a note that was stored before');
  } finally {
    await db.delete();
  }
}

/** An import whose transaction fails part-way (here: the progress callback throws after batch k) writes nothing. */
async function abortedImportWritesNothing([file, failAfter]: [string, number]): Promise<void> {
  const db = await seededDatabase();
  try {
    const before = await databaseSnapshot(db);
    const parsed = parseImport(file);
    let batches = 0;
    const failure = new Error('stop here');
    const outcome = await importAnnotations(db, parsed, () => {
      batches += 1;
      if (batches > failAfter) throw failure;
    }).then(
      () => 'completed' as const,
      (error: unknown) => {
        if (error !== failure) throw error;
        return 'aborted' as const;
      },
    );
    const after = await databaseSnapshot(db);
    if (outcome === 'aborted' && after !== before) throw new Error(`an import aborted after ${failAfter} batch(es) left rows behind`);
  } finally {
    await db.delete();
  }
}

// ---- Messages --------------------------------------------------------------------------------

const KNOWN_TYPES = new Set(VALID_MESSAGES.map((m) => m.type));

/** Rejected with a MessageError, or accepted as a message that is plain data and validates again unchanged. */
function rejectedOrWellFormed(value: unknown): void {
  let message: unknown;
  try {
    message = parseMessage(value);
  } catch (error) {
    if (!(error instanceof MessageError)) throw new Error(`threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)} instead of a MessageError`);
    if (error.message.trim() === '') throw new Error('empty MessageError');
    return;
  }
  const type = (message as { type: string }).type;
  if (!KNOWN_TYPES.has(type)) throw new Error(`accepted unknown type ${JSON.stringify(type)}`);
  const json = JSON.stringify(message);
  if (!isDeepStrictEqual(JSON.parse(json), message)) throw new Error(`accepted a message that is not plain JSON data: ${json}`);
  if (!isDeepStrictEqual(parseMessage(JSON.parse(json)), message)) throw new Error(`accepted message changes when validated again: ${json}`);
}

/** A message whose type or a field is a BigInt or a cyclic object. */
const structuredCloneMessage: fc.Arbitrary<unknown> = fc
  .tuple(fc.constantFrom(...VALID_MESSAGES), fc.constantFrom('type', 'field'), fc.oneof(fc.bigInt(), fc.constant('cycle')))
  .map(([message, where, value]) => {
    const copy = structuredClone(message) as Record<string, unknown>;
    let odd: unknown = value;
    if (value === 'cycle') {
      const cycle: Record<string, unknown> = {};
      cycle.self = cycle;
      odd = cycle;
    }
    if (where === 'type') copy.type = odd;
    else copy[Object.keys(copy).find((k) => k !== 'type') ?? 'extra'] = odd;
    return copy;
  });

// ---- All targets -----------------------------------------------------------------------------

export const FUZZ_TARGETS: readonly FuzzTarget[] = [
  syncTarget('analysis: random article text is well-formed', 'analysis', 4, anyArticleText, wellFormedAnalysis),
  syncTarget('analysis: trap texts up to 20k characters are well-formed', 'analysis', 1, trapText(1, 20_000).map((t) => t.text), wellFormedAnalysis),
  syncTarget('analysis: traps inside article text are well-formed', 'analysis', 1, trapInArticle, wellFormedAnalysis),
  syncTarget('analysis: the same text gives the same analysis', 'analysis', 1, anyArticleText, (text) => {
    if (!isDeepStrictEqual(analyzeText(text), analyzeText(text))) throw new Error('two analyses of one text differ');
  }),
  syncTarget('anchoring: every span of an unchanged text comes back exactly', 'anchoring', 4, withSpan(anyArticleText), ({ text, start, end }) => {
    assertNoProblems(anchoredExactlyProblems(anchor(text, describeSpan(text, start, end)), start, end, 'anchor'));
  }),
  syncTarget('anchoring: spans in trap texts come back exactly', 'anchoring', 1, withSpan(trapText(1, 20_000).map((t) => t.text)), ({ text, start, end }) => {
    assertNoProblems(anchoredExactlyProblems(anchor(text, describeSpan(text, start, end)), start, end, 'anchor'));
  }),
  syncTarget(
    'anchoring: anchorAll brings back every span of an unchanged text',
    'anchoring',
    2,
    anyArticleText.filter((t) => t.length > 0).chain((text) => fc.tuple(fc.constant(text), fc.array(fc.tuple(fc.nat({ max: text.length - 1 }), fc.integer({ min: 1, max: 80 })), { minLength: 1, maxLength: 8 }))),
    ([text, spans]) => {
      const wanted = spans.map(([start, length]) => [start, Math.min(text.length, start + length)] as const);
      const results = anchorAll(text, wanted.map(([start, end]) => ({ target: { selector: describeSpan(text, start, end) } })));
      assertNoProblems(results.flatMap((status, i) => anchoredExactlyProblems(status, wanted[i]![0], wanted[i]![1], `anchorAll[${i}]`)));
    },
  ),
  syncTarget('anchoring: a quote without its position is found where it was, at a twin, or orphaned', 'anchoring', 2, withSpan(anyArticleText), ({ text, start, end }) => {
    const [quote] = describeSpan(text, start, end);
    rightPlaceOrOrphan(text, quote, anchor(text, [quote]), start, end);
  }),
  syncTarget('anchoring: a stale position never leads to a wrong place', 'anchoring', 2, fc.tuple(withSpan(anyArticleText), fc.integer({ min: -500, max: 500 })), ([{ text, start, end }, drift]) => {
    const [quote, position] = describeSpan(text, start, end);
    const stale = { ...position, start: position.start + drift, end: position.end + drift };
    rightPlaceOrOrphan(text, quote, anchor(text, [quote, stale]), start, end);
  }),
  syncTarget('anchoring: after an insertion elsewhere the span is shifted, at a twin, or orphaned', 'anchoring', 2, fc.tuple(withSpan(anyArticleText), insertion), ([{ text, start, end }, [inserted, where]]) => {
    const [quote, position] = describeSpan(text, start, end);
    const before = where < 0.5;
    const at = before ? Math.floor((where / 0.5) * start) : end + Math.floor(((where - 0.5) / 0.5) * (text.length - end));
    const edited = text.slice(0, at) + inserted + text.slice(at);
    const shift = before ? inserted.length : 0;
    rightPlaceOrOrphan(edited, quote, anchor(edited, [quote, position]), start + shift, end + shift);
  }),
  syncTarget('anchoring: garbage selectors give an answer, never an internal failure', 'anchoring', 1, fc.tuple(anyArticleText, garbageSelectors), ([text, selectors]) => {
    const status = anchor(text, selectors);
    noInternalFailure(status);
    if (status.status === 'anchored' && !(status.start >= 0 && status.start <= status.end && status.end <= text.length)) throw new Error(`anchored outside the text: ${JSON.stringify(status)}`);
  }),
  syncTarget('import: any file parses to valid notes or a clear ImportError', 'import', 4, importFileArbitrary, ({ file }) => parseOrRefuse(file)),
  asyncTarget('import: a failed import leaves the database byte-identical', 'import', 1, importFileArbitrary, ({ file }) => importLeavesDatabaseConsistent(file)),
  asyncTarget('import: an import aborted mid-transaction writes nothing', 'import', 0.2, fc.tuple(ledeBackupArbitrary, fc.nat({ max: 1 })), abortedImportWritesNothing),
  syncTarget('messages: anything is rejected clearly or accepted well-formed', 'messages', 4, anyMessage, rejectedOrWellFormed),
  // Firefox delivers messages by structured clone, which carries BigInt and cycles (Chromium's JSON cannot).
  syncTarget('messages: structured-clone values (BigInt, cycles) are rejected clearly', 'messages', 0.5, structuredCloneMessage, rejectedOrWellFormed),
];
