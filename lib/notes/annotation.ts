// Lede's personal notes, in the shape of the W3C Web Annotation Data Model
// (https://www.w3.org/TR/annotation-model/): a target (the page, narrowed by selectors) and a body
// (the reader's note). This is the stored shape; export (JSON-LD, Markdown, CSV) maps from it.

/** Bump when the stored shape changes, with an upgrade in lib/background/db.ts. */
export const ANNOTATION_SCHEMA_VERSION = 1;

/** The passage's exact text, with a little context either side to tell repeats apart. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** UTF-16 offsets into the article-body text (lib/extract's `text`), end exclusive. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export interface AnnotationTarget {
  /** The normalised page URL (lib/notes/source-url.ts): canonical link if any, no tracking parameters, no fragment. */
  source: string;
  /** Always one TextQuoteSelector and one TextPositionSelector. */
  selector: Selector[];
}

export interface Annotation {
  /** `urn:uuid:…`, stable across export and import. */
  id: string;
  type: 'Annotation';
  schemaVersion: number;
  /** 'highlighting' for a bare highlight, 'commenting' once it has a note. */
  motivation: 'highlighting' | 'commenting';
  /** ISO 8601 times. */
  created: string;
  modified: string;
  target: AnnotationTarget;
  /** The note: plain text or light Markdown; '' for a bare highlight. Never rendered as HTML. */
  body: string;
  tags: string[];
  color: HighlightColor;
  /** About the page when the note was made, for the library and export. */
  page: { title: string; site: string };
  /** Set on a conflict copy that sync made (lib/sync/merge.ts): the id of the note whose text was edited on two devices at once. */
  conflictOf?: string;
}

/** Where a stored annotation landed on the page this time. */
export type AnchorStatus =
  | { status: 'anchored'; start: number; end: number; method: 'position' | 'quote' | 'fuzzy'; score: number }
  | { status: 'orphan'; reason: string };

export function quoteSelectorOf(target: AnnotationTarget): TextQuoteSelector | undefined {
  return target.selector.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
}

export function positionSelectorOf(target: AnnotationTarget): TextPositionSelector | undefined {
  return target.selector.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
}

/** Order of the passages in the article (stored position); ties: the longer first, then older, then id. */
export function compareStoredPosition(a: Annotation, b: Annotation): number {
  const pa = positionSelectorOf(a.target);
  const pb = positionSelectorOf(b.target);
  const startA = pa?.start ?? Number.MAX_SAFE_INTEGER;
  const startB = pb?.start ?? Number.MAX_SAFE_INTEGER;
  if (startA !== startB) return startA - startB;
  const endA = pa?.end ?? startA;
  const endB = pb?.end ?? startB;
  if (endA !== endB) return endB - endA;
  if (a.created !== b.created) return a.created < b.created ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A bare highlight until it has a note: the model's motivation follows the body. */
export function motivationFor(body: string): Annotation['motivation'] {
  return body.trim() === '' ? 'highlighting' : 'commenting';
}
