// Shared generators for the fuzz suite: tests/unit/fuzz-*.test.ts run them with fixed seeds and a
// few hundred cases, scripts/fuzz.ts runs them for tens of thousands. Three kinds:
// - adversarial article text (every Unicode oddity a news page can carry, mixed with prose),
// - trap families: deterministic texts of a given length built to trip regexes and pairing loops,
// - import files and protocol messages, valid ones and their mutations (truncated, flipped, spliced).
// Relative imports only: scripts/fuzz.ts loads this file through tsx as well as Vitest.

import fc from 'fast-check';
import { exportCsv, exportJsonLd, exportMarkdown, zipFiles } from '../../lib/exchange';
import { makeAnnotation } from '../fixtures/annotation-fixtures';
import { annotationArbitrary, annotationSetArbitrary, awkwardText } from './exchange-arbitraries';

// ---- Adversarial text ------------------------------------------------------------------------

/** Every kind of quotation mark the analysis pairs (straight, curly, guillemets, low-9, single guillemets). */
export const QUOTE_MARKS = ['"', '“', '”', '‘', '’', '«', '»', '„', '‹', '›', "'", '‚', '「', '」'] as const;

/** Characters that are invisible, direction-changing, combining, or split in UTF-16. */
export const ODD_CHARACTERS = [
  '\u200b', '\u200c', '\u200d', '\ufeff', '\u00ad', // zero-width space/non-joiner/joiner, BOM, soft hyphen
  '\u202e', '\u202d', '\u202a', '\u202b', '\u202c', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', // bidi controls
  '\u0301', '\u0308', '\u0327', 'e\u0301', 'n\u0303\u0303\u0303', // combining marks
  '😀', '👩‍👩‍👧', '🇺🇦', '👍🏽', '𝐁𝐨𝐥𝐝', // astral characters, ZWJ sequences, flags, modifiers
  '\ud800', '\udc00', '\udbff', '\udfff', // lone surrogates (invalid UTF-16)
  '\r\n', '\r', '\n', '\n\n', '\u2028', '\u2029', '\u0085', '\t', '\u000b', '\u000c', '\u0000', '\u00a0', '\u2009', '\u3000',
] as const;

/** Right-to-left text, with and without an override. */
export const RTL_PIECES = ['שלום עולם', 'قال الرئيس', '\u202eقال الرئيس\u202c', '\u202eJohn Kerry\u202c', 'مرحبا “بالعالم”', '«שלום»'] as const;

/** The words that attribution and entity patterns key on. */
const PROSE_PIECES = [
  'the', 'said', 'says', 'told', 'according to', 'Mr.', 'Mrs.', 'Dr.', 'U.S.', 'Gen.', 'St.', 'Inc.',
  'John Kerry', 'Kerry', 'Sergei Lavrov', 'Russia', 'the United Nations', 'Moscow', 'New York', 'Reuters', 'A', 'I',
  'a senior official', 'he', 'she', 'they', 'added', ',', '.', '...', '…', '?', '!', ':', ';', '—', '-', '(', ')', '[', ']',
] as const;

const SEPARATORS = [' ', ' ', ' ', '  ', '\n', '\n\n', ', ', '. '] as const;

/** One piece of adversarial text: prose, a quote mark, an odd character, RTL text or random code units. */
const adversarialPiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PROSE_PIECES) },
  { weight: 4, arbitrary: fc.constantFrom(...SEPARATORS) },
  { weight: 3, arbitrary: fc.constantFrom(...QUOTE_MARKS) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD_CHARACTERS) },
  { weight: 1, arbitrary: fc.constantFrom(...RTL_PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...QUOTE_MARKS, ' ', 'a'), maxLength: 12 }) },
);

/** Article-ish text in which any piece may be an oddity (up to a few thousand characters). */
export function adversarialText(maxPieces = 200): fc.Arbitrary<string> {
  return fc.array(adversarialPiece, { maxLength: maxPieces }).map((pieces) => pieces.join(''));
}

/** A quoted sentence with an attribution, so the quote and speaker paths run, then damaged in one spot. */
const attributedSentence: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(['“', '”'], ['"', '"'], ['«', '»'], ['„', '“'], ['‘', '’'], ['‹', '›']),
    fc.array(fc.constantFrom(...PROSE_PIECES), { minLength: 1, maxLength: 12 }),
    fc.constantFrom('said John Kerry.', 'Mr. Lavrov said.', 'he told Reuters.', 'according to a senior official.', 'said Kerry, the U.S. envoy.'),
    fc.boolean(),
  )
  .map(([[open, close], words, attribution, before]) =>
    before ? `${attribution.replace(/\.$/, ':')} ${open}${words.join(' ')}${close}` : `${open}${words.join(' ')},${close} ${attribution}`,
  );

/** Paragraphs of attributed quotes and prose, with oddities mixed in. */
export function articleText(maxParagraphs = 12): fc.Arbitrary<string> {
  const paragraph = fc.array(fc.oneof(attributedSentence, adversarialText(12)), { minLength: 1, maxLength: 5 }).map((s) => s.join(' '));
  return fc.array(paragraph, { minLength: 1, maxLength: maxParagraphs }).map((ps) => ps.join('\n\n'));
}

/** Any text for the analysis and the anchoring: mostly article-like, sometimes raw random units. */
export const anyArticleText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: articleText() },
  { weight: 3, arbitrary: adversarialText() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
);

// ---- Trap families ---------------------------------------------------------------------------

/** `unit` repeated to exactly n code units (the last repeat cut). */
function repeated(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** `open`×k, a word, `close`×k: quotation marks nested k deep. */
function nested(open: string, close: string, n: number): string {
  const depth = Math.max(0, Math.floor((n - 4) / (open.length + close.length)));
  return open.repeat(depth) + 'word' + close.repeat(depth);
}

/**
 * Texts of n UTF-16 code units that stress one thing each. The analysis, the anchoring and the
 * import must treat them in time linear in n (scripts/fuzz.ts measures it) and without throwing.
 */
export const TRAP_FAMILIES: Readonly<Record<string, (n: number) => string>> = {
  'a-run': (n) => 'a'.repeat(n),
  'space-run': (n) => ' '.repeat(n),
  'curly-open-run': (n) => '“'.repeat(n),
  'apostrophe-run': (n) => "'".repeat(n),
  'period-run': (n) => '.'.repeat(n),
  'mr-run': (n) => repeated('Mr. ', n),
  'said-run': (n) => repeated('said ', n),
  'capital-run': (n) => repeated('A ', n),
  'name-run': (n) => repeated('John Kerry ', n),
  'capitalised-words': (n) => repeated('Alpha Beta Gamma Delta Epsilon Zeta ', n),
  'all-marks': (n) => repeated('" “ ” ‘ ’ « » „ ‹ › ', n),
  'unmatched-openers': (n) => repeated('“He said ', n),
  'unmatched-closers': (n) => repeated('he said.” ', n),
  'nested-curly': (n) => nested('“', '”', n),
  'nested-mixed': (n) => nested('“‘«„‹', '›“»’”', n),
  'straight-quotes-words': (n) => repeated('"a" ', n),
  'quote-said-chain': (n) => repeated('“Yes,” said Kerry. ', n),
  'paragraphs': (n) => repeated('Mr. Kerry said, “We will talk to Russia.”\n\n', n),
  'no-punctuation': (n) => repeated('the talks in Moscow will resume ', n),
  'zero-width': (n) => repeated('\u200b\u200c\u200d\ufeff\u00ad', n),
  'bidi-rtl': (n) => repeated('\u202eقال الرئيس «שלום» \u202c', n),
  'combining-marks': (n) => 'e' + repeated('\u0301', n - 1),
  'emoji': (n) => repeated('👩‍👩‍👧😀 ', n),
  'lone-surrogates': (n) => repeated('\ud800a\udc00 ', n),
  'line-separators': (n) => repeated('Kerry\r\nsaid\u2028“x”\u2029', n),
  'nul': (n) => repeated('\u0000Kerry ', n),
};

export type TrapFamily = keyof typeof TRAP_FAMILIES;
export const TRAP_NAMES = Object.keys(TRAP_FAMILIES);

/** The 10,000-paragraph article (about 60 characters each). */
export function manyParagraphs(count = 10_000): string {
  return Array.from({ length: count }, (_, i) => `Paragraph ${i}: Mr. Kerry said, “Talks ${i % 7} resume.”`).join('\n\n');
}

/** A trap family at a size in [min, max]. */
export function trapText(min: number, max: number): fc.Arbitrary<{ family: string; text: string }> {
  return fc.tuple(fc.constantFrom(...TRAP_NAMES), fc.integer({ min, max })).map(([family, n]) => ({ family, text: TRAP_FAMILIES[family]!(n) }));
}

/** A text with a non-empty span [start, end) in it. */
export function withSpan(text: fc.Arbitrary<string>, maxLength = 120): fc.Arbitrary<{ text: string; start: number; end: number }> {
  return text
    .filter((t) => t.length > 0)
    .chain((t) =>
      fc.tuple(fc.nat({ max: t.length - 1 }), fc.integer({ min: 1, max: maxLength })).map(([start, length]) => ({ text: t, start, end: Math.min(t.length, start + length) })),
    );
}

// ---- Import files ----------------------------------------------------------------------------

const isoTime = fc.date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2040-01-01T00:00:00.000Z'), noInvalidDate: true }).map((d) => d.toISOString());

/** One row of a Hypothesis export, with the optional parts present or not. */
export const hypothesisRowArbitrary: fc.Arbitrary<Record<string, unknown>> = fc
  .record(
    {
      id: fc.string({ minLength: 1, maxLength: 22 }),
      uri: fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), awkwardText(2)),
      text: awkwardText(8),
      tags: fc.array(fc.oneof(awkwardText(2), fc.constant(' '), fc.integer()), { maxLength: 5 }),
      created: fc.oneof(isoTime, isoTime.map((t) => t.replace('Z', '+00:00')), fc.string({ maxLength: 10 })),
      updated: isoTime,
      references: fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 }),
      document: fc.record({ title: fc.oneof(fc.array(awkwardText(3), { maxLength: 2 }), awkwardText(3)) }),
      exact: awkwardText(6),
      prefix: awkwardText(4),
      suffix: awkwardText(4),
      start: fc.integer({ min: -10, max: 2_000_000 }),
      length: fc.integer({ min: -5, max: 500 }),
      targetAsList: fc.boolean(),
    },
    { requiredKeys: ['id', 'uri', 'exact', 'created', 'start', 'length', 'targetAsList'] },
  )
  .map(({ exact, prefix, suffix, start, length, targetAsList, uri, ...row }) => {
    const target = {
      source: uri,
      selector: [
        { type: 'RangeSelector', startContainer: '/div[1]/p[2]', startOffset: 0, endContainer: '/div[1]/p[2]', endOffset: 5 },
        { type: 'TextPositionSelector', start, end: start + length },
        { type: 'TextQuoteSelector', exact, prefix, suffix },
      ],
    };
    return { ...row, uri, target: targetAsList ? [target] : target };
  });

/** A Hypothesis export in one of its three shapes. */
export const hypothesisFileArbitrary: fc.Arbitrary<string> = fc
  .tuple(fc.array(hypothesisRowArbitrary, { maxLength: 6 }), fc.constantFrom('client', 'api', 'bare'))
  .map(([rows, shape]) =>
    JSON.stringify(shape === 'client' ? { export_date: '2026-01-01T00:00:00.000Z', annotations: rows } : shape === 'api' ? { total: rows.length, rows } : rows, null, 2),
  );

/** Lede's own JSON-LD backup of a random set of notes (sometimes with the reading history). */
export const ledeBackupArbitrary: fc.Arbitrary<string> = fc.tuple(annotationSetArbitrary(6), fc.boolean()).map(([annotations, withArticles]) =>
  exportJsonLd(
    annotations,
    withArticles
      ? annotations.map((a, i) => ({ url: a.target.source, title: `T${i}`, site: 'news.example', seenAt: 1_767_258_000_000 + i, entities: [], quotes: [] }))
      : undefined,
  ),
);

/** The files a reader might pick by mistake: Lede's CSV export, its Markdown zip. */
export const csvFileArbitrary: fc.Arbitrary<string> = fc.array(annotationArbitrary, { maxLength: 4 }).map((a) => exportCsv(a));
export const zipFileArbitrary: fc.Arbitrary<Uint8Array> = fc.array(annotationArbitrary, { minLength: 1, maxLength: 3 }).map((a) => zipFiles(exportMarkdown(a).files));

/** Ways a file gets damaged: cut off, a byte changed, a piece dropped, junk inserted, a JSON value replaced. */
type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'replace-char'; at: number; with: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; with: string }
  | { kind: 'swap-value'; pick: number; with: unknown };

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace-char' as const), at: fc.nat(), with: fc.oneof(fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', '\u0000', '\ud800', '0', 'n'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), with: fc.oneof(fc.string({ unit: 'binary', maxLength: 10 }), fc.constantFrom('{}', '[]', 'null', '"', ',', '{"@context":1}', '[[[[[[', '\ufeff')) }),
  fc.record({ kind: fc.constant('swap-value' as const), pick: fc.nat(), with: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, '', -1, 1e308, 'Annotation', 'TextQuoteSelector', [], {})) }),
);

/** Applies a mutation; JSON-level ones replace the pick-th value of the parsed document (in walk order). */
export function mutate(text: string, mutation: Mutation): string {
  const at = (n: number): number => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (mutation.kind) {
    case 'truncate':
      return text.slice(0, at(mutation.at));
    case 'replace-char':
      return text.slice(0, at(mutation.at)) + mutation.with + text.slice(at(mutation.at) + 1);
    case 'delete':
      return text.slice(0, at(mutation.at)) + text.slice(at(mutation.at) + mutation.length);
    case 'insert':
      return text.slice(0, at(mutation.at)) + mutation.with + text.slice(at(mutation.at));
    case 'swap-value':
      return swapJsonValue(text, mutation.pick, mutation.with);
  }
}

function swapJsonValue(text: string, pick: number, replacement: unknown): string {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return text;
  }
  const slots: Array<[Record<string, unknown> | unknown[], string | number]> = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach((v, i) => (slots.push([value, i]), walk(v)));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) (slots.push([value as Record<string, unknown>, k]), walk(v));
  };
  walk(document);
  if (slots.length === 0) return JSON.stringify(replacement);
  const [holder, key] = slots[pick % slots.length]!;
  if (replacement === undefined) {
    if (Array.isArray(holder)) holder.splice(key as number, 1);
    else delete holder[key as string];
  } else (holder as Record<string | number, unknown>)[key] = replacement;
  return JSON.stringify(document);
}

/** Up to three mutations applied in turn. */
export function mutated(file: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(file, fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 })).map(([text, mutations]) => mutations.reduce(mutate, text));
}

/** Byte-level damage to binary files (a zip): flipped bytes, cut off. */
export function damagedBytes(bytes: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  return fc.tuple(bytes, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }), fc.option(fc.nat())).map(([b, flips, cut]) => {
    const copy = b.slice(0, cut === null || b.length === 0 ? b.length : cut % (b.length + 1));
    for (const [at, value] of flips) if (copy.length > 0) copy[at % copy.length] = value;
    return copy;
  });
}

/** Any file offered for import: valid backups and Hypothesis files, their mutations, CSV, zip, garbage. */
export const importFileArbitrary: fc.Arbitrary<{ label: string; file: string | Uint8Array }> = fc.oneof(
  ledeBackupArbitrary.map((file) => ({ label: 'lede-jsonld', file })),
  mutated(ledeBackupArbitrary).map((file) => ({ label: 'lede-jsonld mutated', file })),
  hypothesisFileArbitrary.map((file) => ({ label: 'hypothesis', file })),
  mutated(hypothesisFileArbitrary).map((file) => ({ label: 'hypothesis mutated', file })),
  mutated(csvFileArbitrary).map((file) => ({ label: 'csv', file })),
  damagedBytes(zipFileArbitrary).map((file) => ({ label: 'zip bytes', file })),
  damagedBytes(ledeBackupArbitrary.map((t) => new TextEncoder().encode(t))).map((file) => ({ label: 'lede-jsonld bytes damaged', file })),
  fc.jsonValue({ maxDepth: 4 }).map((v) => ({ label: 'random json', file: JSON.stringify(v) })),
  fc.string({ unit: 'binary', maxLength: 200 }).map((file) => ({ label: 'random text', file })),
  fc.uint8Array({ maxLength: 200 }).map((file) => ({ label: 'random bytes', file })),
);

// ---- Protocol messages -----------------------------------------------------------------------

const ALL_ON = { person: true, place: true, organization: true, quote: true, reported: true };

/** One well-formed message of every type (the mutations start from these). */
export const VALID_MESSAGES: readonly Record<string, unknown>[] = [
  { type: 'getAnalysis' },
  { type: 'analyzeNow' },
  { type: 'setHighlightPrefs', prefs: ALL_ON, scope: 'site' },
  { type: 'revealSpan', start: 3, end: 9 },
  { type: 'getPageNotes' },
  { type: 'notesChanged' },
  { type: 'startNote' },
  { type: 'reattachAnnotation', id: 'urn:uuid:00000000-0000-4000-8000-000000000001' },
  {
    type: 'articleAnalyzed',
    article: {
      url: 'https://news.example/a',
      title: 'A',
      site: 'news.example',
      entities: [{ type: 'person', name: 'John Kerry', role: 'Secretary', mentions: 3 }],
      quotes: [{ text: 'We will', kind: 'direct', speaker: null }],
    },
  },
  { type: 'getHighlightPrefs', site: 'news.example' },
  { type: 'saveHighlightPrefs', scope: 'global', site: 'news.example', prefs: ALL_ON },
  { type: 'getEntityHistory', names: ['John Kerry'], excludeUrl: 'https://news.example/a' },
  { type: 'getSettings' },
  { type: 'getPopupPrefs' },
  { type: 'savePopupPrefs', prefs: { collapsed: ['places', 'highlights'] } },
  { type: 'saveSettings', settings: { history: false } },
  { type: 'getHistoryCount' },
  { type: 'clearHistory' },
  { type: 'getSummary', name: 'John Kerry', entityType: 'person' },
  { type: 'saveAnnotation', annotation: makeAnnotation() },
  { type: 'updateAnnotation', id: 'urn:uuid:00000000-0000-4000-8000-000000000001', patch: { body: 'new', tags: ['a'], color: 'blue' } },
  { type: 'deleteAnnotation', id: 'urn:uuid:00000000-0000-4000-8000-000000000001' },
  { type: 'listAnnotations', source: 'https://news.example/story' },
];

const awkwardJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, undefined, '', ' ', -1, 0, 1.5, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Infinity, -0, true, [], {}, '__proto__', 'constructor', 'toString'),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** A valid message with one field (anywhere in it) replaced, removed or added. */
export const nearValidMessage: fc.Arbitrary<unknown> = fc
  .tuple(fc.constantFrom(...VALID_MESSAGES), fc.nat(), awkwardJsonValue, fc.constantFrom('replace', 'remove', 'add'), fc.string({ maxLength: 8 }))
  .map(([message, pick, value, how, newKey]) => {
    const copy = structuredClone(message) as Record<string, unknown>;
    const holders: Array<[Record<string, unknown> | unknown[], string | number]> = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach((v, i) => (holders.push([node, i]), walk(v)));
      else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) (holders.push([node as Record<string, unknown>, k]), walk(v));
    };
    walk(copy);
    const [holder, key] = holders[pick % holders.length]!;
    if (how === 'remove') {
      if (Array.isArray(holder)) holder.splice(key as number, 1);
      else delete holder[key as string];
    } else if (how === 'add' && !Array.isArray(holder)) holder[newKey] = value;
    else (holder as Record<string | number, unknown>)[key] = value;
    return copy;
  });

/** Anything a hostile or buggy sender could post. */
export const anyMessage: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nearValidMessage },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.record({ type: fc.oneof(fc.constantFrom(...VALID_MESSAGES.map((m) => m.type as string)), awkwardJsonValue) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true }) },
);
