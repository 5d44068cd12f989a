// W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/): the interchange format
// and Lede's lossless backup. Standard fields carry everything the standard can say; what only
// Lede has (colour, page title and site, schema version, reading history) goes under "lede:".
//
// The note is a TextualBody with purpose "commenting"; an empty note has no commenting body at all
// (a TextualBody must have a value), and each tag is a TextualBody with purpose "tagging".

import { ANNOTATION_SCHEMA_VERSION, HIGHLIGHT_COLORS, type Annotation, type Selector } from '../notes/annotation';
import { AnnotationValidationError, parseAnnotation } from '../notes/validation';
import { motivationFor } from '../notes/annotation';
import { siteOf } from '../shared/page-address';
import { derivedAnnotationId } from './derived-ids';
import { capMessage, ImportError, quoted } from './import-error';
import { runSteps, type Steps } from './steps';
import { TextZipper } from './zip';
import { positionHint } from './position-hint';
import { parseArticleRecordsSteps } from './article-records';
import type { ArticleRecord, ParsedImport, RejectedItem } from './types';
import { isRecord } from '../shared/is-record';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const LEDE_NAMESPACE = 'https://lede.invalid/ns#';
const JSONLD_CONTEXT = [ANNO_CONTEXT, { lede: LEDE_NAMESPACE }] as const;
// Files written by other tools sometimes use the https form of the same context.
const ANNO_CONTEXTS = new Set([ANNO_CONTEXT, 'https://www.w3.org/ns/anno.jsonld']);

export interface JsonLdOptions {
  /** The collection's `generated` time; now when left out. */
  generated?: string;
  label?: string;
}

interface TextualBody {
  type: 'TextualBody';
  purpose: 'commenting' | 'tagging';
  value: string;
  format?: 'text/markdown';
}

/** A stored annotation as a W3C Annotation with Lede's extension fields. */
export function toJsonLdAnnotation(annotation: Annotation): Record<string, unknown> {
  const body: TextualBody[] = [];
  if (annotation.body !== '') {
    body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: annotation.body });
  }
  for (const tag of annotation.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  const item: Record<string, unknown> = {
    id: annotation.id,
    type: 'Annotation',
    motivation: annotation.motivation,
    created: annotation.created,
    modified: annotation.modified,
    target: { source: annotation.target.source, selector: annotation.target.selector.map(copySelector) },
  };
  if (body.length > 0) item.body = body;
  item['lede:color'] = annotation.color;
  item['lede:page'] = { title: annotation.page.title, site: annotation.page.site };
  item['lede:schemaVersion'] = annotation.schemaVersion;
  return item;
}

/** Below this many characters an export is pretty-printed for people to read; above, compact. */
export const PRETTY_MAX_CHARS = 1_000_000;
/**
 * Above this many characters a backup is zipped (JSON-LD compresses four- to tenfold). Below it,
 * plain compact JSON imports faster than inflating a zip (a 10,000-note library is about 13 M).
 */
export const ZIP_ABOVE_CHARS = 32_000_000;
/** Annotations (or articles) per text piece of a streamed export. */
const PIECE_ITEMS = 200;

/**
 * The whole set as one AnnotationCollection with a single page, plus the reading history when
 * given: pretty-printed when small, compact (one line) when large.
 */
export function exportJsonLd(annotations: readonly Annotation[], articles?: readonly ArticleRecord[], options: JsonLdOptions = {}): string {
  const compact = [...jsonLdPieces(annotations, articles, options)].join('');
  return compact.length <= PRETTY_MAX_CHARS ? JSON.stringify(JSON.parse(compact), null, 2) : compact;
}

/**
 * The compact JSON-LD export in pieces of a few hundred items: joined, exactly
 * JSON.stringify(collection). Lets a large export be zipped without one huge string.
 */
export function* jsonLdPieces(annotations: readonly Annotation[], articles?: readonly ArticleRecord[], options: JsonLdOptions = {}): Generator<string, void, void> {
  const head = JSON.stringify({
    '@context': JSONLD_CONTEXT,
    type: 'AnnotationCollection',
    label: options.label ?? 'Lede notes',
    total: annotations.length,
    generator: { id: 'https://lede.invalid/', type: 'Software', name: 'Lede' },
    generated: options.generated ?? new Date().toISOString(),
  });
  yield head.slice(0, -1);
  if (articles && articles.length > 0) {
    yield ',"lede:articles":[';
    for (let from = 0; from < articles.length; from += PIECE_ITEMS) {
      const piece = articles.slice(from, from + PIECE_ITEMS).map((article) => JSON.stringify(articleForExport(article)));
      yield (from > 0 ? ',' : '') + piece.join(',');
    }
    yield ']';
  }
  yield ',"first":{"type":"AnnotationPage","startIndex":0,"items":[';
  for (let from = 0; from < annotations.length; from += PIECE_ITEMS) {
    const piece = annotations.slice(from, from + PIECE_ITEMS).map((annotation) => JSON.stringify(toJsonLdAnnotation(annotation)));
    yield (from > 0 ? ',' : '') + piece.join(',');
  }
  yield ']}}';
}

/** A backup as written: JSON-LD text, or (when large) that text zipped as one .jsonld entry. */
export type BackupExport = { kind: 'jsonld'; text: string } | { kind: 'zip'; bytes: Uint8Array };

export interface BackupExportOptions extends JsonLdOptions {
  /** The .jsonld file's name inside a zip. */
  entryName?: string;
  /** Zip above this many characters of JSON (ZIP_ABOVE_CHARS). */
  zipAboveChars?: number;
}

/** exportBackupSteps in one go. */
export function exportBackup(annotations: readonly Annotation[], articles: readonly ArticleRecord[] | undefined, options: BackupExportOptions = {}): BackupExport {
  return runSteps(exportBackupSteps(annotations, articles, options));
}

/**
 * The backup as steps (yields characters written so far): small ones as exportJsonLd's text,
 * large ones compact and zipped piece by piece, so neither side of a restore holds one huge string.
 */
export function* exportBackupSteps(
  annotations: readonly Annotation[],
  articles: readonly ArticleRecord[] | undefined,
  options: BackupExportOptions = {},
): Steps<BackupExport> {
  const zipAbove = options.zipAboveChars ?? ZIP_ABOVE_CHARS;
  const pending: string[] = [];
  let chars = 0;
  let zipper: TextZipper | null = null;
  for (const piece of jsonLdPieces(annotations, articles, options)) {
    chars += piece.length;
    if (zipper) zipper.push(piece);
    else {
      pending.push(piece);
      if (chars > zipAbove) {
        zipper = new TextZipper(options.entryName ?? 'lede-notes.jsonld');
        for (const earlier of pending) zipper.push(earlier);
        pending.length = 0;
      }
    }
    yield chars;
  }
  if (zipper) return { kind: 'zip', bytes: zipper.finish() };
  const compact = pending.join('');
  return { kind: 'jsonld', text: compact.length <= PRETTY_MAX_CHARS ? JSON.stringify(JSON.parse(compact), null, 2) : compact };
}

/** True when a parsed JSON value claims to be W3C Web Annotation JSON-LD (it has an @context). */
export function looksLikeJsonLd(value: unknown): boolean {
  return isRecord(value) && '@context' in value;
}

/**
 * A parsed JSON-LD document (an AnnotationCollection with its first page inline, an
 * AnnotationPage, or one Annotation) → validated annotations. Throws ImportError when the file as
 * a whole is wrong: another @context, no items, or (in a Lede file) an item with no quote.
 */
export function parseJsonLd(document: unknown): ParsedImport {
  return runSteps(parseJsonLdSteps(document));
}

/** parseJsonLd as steps: yields the number of items checked so far. */
export function* parseJsonLdSteps(document: unknown): Steps<ParsedImport> {
  if (!isRecord(document)) throw new ImportError('This JSON-LD file does not hold an object at the top.');
  const contexts = checkContext(document['@context']);
  const ledeFile = contexts.some((c) => isRecord(c) && c.lede === LEDE_NAMESPACE);
  const items = itemsOf(document);
  const rejected: RejectedItem[] = [];
  const annotations: Annotation[] = [];
  for (let index = 0; index < items.length; index += 1) {
    const raw = items[index];
    const number = index + 1;
    const missing = missingSelector(raw, ledeFile);
    if (missing) {
      const reason = `Annotation ${number} has no ${missing}`;
      // Lede always writes both, so its own backup without one is damaged, not partly importable.
      if (ledeFile) throw new ImportError(`${reason}; this Lede backup is damaged and nothing was imported.`);
      rejected.push({ item: 'annotation', index, reason: `${reason} (Lede notes mark a quoted passage)` });
      continue;
    }
    try {
      annotations.push(parseAnnotation(fromJsonLdAnnotation(raw, ledeFile), 'annotation'));
    } catch (error) {
      if (!(error instanceof AnnotationValidationError)) throw error;
      rejected.push({ item: 'annotation', index, reason: capMessage(`Annotation ${number}: ${error.message}`) });
    }
    yield number;
  }
  const history = yield* parseArticleRecordsSteps(document['lede:articles']);
  return { format: 'lede-jsonld', annotations, rejected: [...rejected, ...history.rejected], articles: history.articles };
}

function checkContext(context: unknown): unknown[] {
  const contexts = Array.isArray(context) ? context : [context];
  if (!contexts.some((c) => typeof c === 'string' && ANNO_CONTEXTS.has(c))) {
    const shown = quoted(context, 120);
    throw new ImportError(`This JSON-LD file's @context is ${shown}, not the W3C Web Annotation context (${ANNO_CONTEXT}).`);
  }
  return contexts;
}

function itemsOf(document: Record<string, unknown>): unknown[] {
  switch (document.type) {
    case 'AnnotationCollection': {
      const first = document.first;
      if (first === undefined && document.total === 0) return [];
      if (!isRecord(first)) {
        throw new ImportError('This AnnotationCollection does not include its annotations (its "first" page is not in the file).');
      }
      return pageItems(first);
    }
    case 'AnnotationPage':
      return pageItems(document);
    case 'Annotation':
      return [document];
    default:
      throw new ImportError(`This JSON-LD file holds a ${document.type === undefined ? 'thing with no type' : quoted(document.type)}, not an AnnotationCollection.`);
  }
}

function pageItems(page: Record<string, unknown>): unknown[] {
  if (!Array.isArray(page.items)) throw new ImportError('The AnnotationPage in this file has no "items" list.');
  // A page that points at a next one is a partial export; importing half of it silently would lose notes.
  if (page.next !== undefined) throw new ImportError('This file holds only the first page of a longer AnnotationCollection.');
  return page.items;
}

/** The selector an item lacks: a quote always; in Lede's own file, its position too. */
function missingSelector(raw: unknown, ledeFile: boolean): 'TextQuoteSelector' | 'TextPositionSelector' | null {
  const target = isRecord(raw) && isRecord(raw.target) ? raw.target : {};
  const selectors: unknown[] = Array.isArray(target.selector) ? target.selector : [target.selector];
  const has = (type: string): boolean => selectors.some((s) => isRecord(s) && s.type === type);
  if (!has('TextQuoteSelector')) return 'TextQuoteSelector';
  if (ledeFile && !has('TextPositionSelector')) return 'TextPositionSelector';
  return null;
}

/**
 * A W3C Annotation → the stored shape, unvalidated (parseAnnotation checks it next). Lede's own
 * fields come back exactly as written. An annotation from another tool gets Lede's defaults for
 * them, an id derived from its own when that is not a urn:uuid, and a position hint if it has none.
 */
function fromJsonLdAnnotation(raw: unknown, ledeFile: boolean): unknown {
  if (!isRecord(raw)) return raw;
  const target = isRecord(raw.target) ? raw.target : {};
  let selector: unknown[] = Array.isArray(target.selector) ? target.selector : [target.selector];
  let id = raw.id;
  if (!ledeFile) {
    const quote = selector.find((s) => isRecord(s) && s.type === 'TextQuoteSelector') as Record<string, unknown>;
    const position = selector.find((s) => isRecord(s) && s.type === 'TextPositionSelector');
    // Other selector kinds (XPath ranges, CSS) mean nothing in Lede's article text.
    const exact = typeof quote.exact === 'string' ? quote.exact : '';
    selector = [
      { type: 'TextQuoteSelector', exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
      positionHint(position, exact),
    ];
    if (typeof id !== 'string' || !/^urn:uuid:/i.test(id)) id = derivedAnnotationId(`w3c:${String(id)}`);
  }
  const bodies = raw.body === undefined ? [] : Array.isArray(raw.body) ? raw.body : [raw.body];
  const notes = bodies.filter((b) => isRecord(b) && b.purpose !== 'tagging');
  const tags = bodies.filter((b) => isRecord(b) && b.purpose === 'tagging').map((b) => (b as Record<string, unknown>).value);
  if (notes.length > 1) throw new AnnotationValidationError('has more than one note body');
  const note = notes[0] as Record<string, unknown> | undefined;
  // A commenting body with no value (some tools write one for an empty note) is an empty note.
  const body = note === undefined || note.value === undefined ? '' : note.value;
  const source = target.source;
  const page = raw['lede:page'] ?? { title: '', site: typeof source === 'string' ? siteOf(source) : '' };
  return {
    id,
    type: raw.type,
    schemaVersion: raw['lede:schemaVersion'] ?? ANNOTATION_SCHEMA_VERSION,
    // Other tools use motivations Lede has no use for (bookmarking, describing…).
    motivation: ledeFile ? raw.motivation : typeof body === 'string' ? motivationFor(body) : raw.motivation,
    created: raw.created,
    modified: raw.modified ?? raw.created,
    target: { source, selector },
    body,
    tags,
    color: raw['lede:color'] ?? HIGHLIGHT_COLORS[0],
    page,
  };
}

function copySelector(selector: Selector): Selector {
  return selector.type === 'TextQuoteSelector'
    ? { type: 'TextQuoteSelector', exact: selector.exact, prefix: selector.prefix, suffix: selector.suffix }
    : { type: 'TextPositionSelector', start: selector.start, end: selector.end };
}

function articleForExport(article: ArticleRecord): ArticleRecord {
  // Only the record's own fields: an ArticleRow's derived entityNames index is rebuilt on import.
  const record: ArticleRecord = {
    url: article.url,
    title: article.title,
    site: article.site,
    seenAt: article.seenAt,
    entities: article.entities,
    quotes: article.quotes,
  };
  if (article.published !== undefined) record.published = article.published;
  return record;
}

