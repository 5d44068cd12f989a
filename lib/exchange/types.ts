// The shapes that go in and out of lib/exchange: what an import found, and what it did.

import type { Annotation } from '../notes/annotation';
import type { ArticleRow } from '../background/db';

/**
 * An analysed article as exported with a backup (lib/background/db.ts ArticleRow without its derived
 * `entityNames` index, which import rebuilds). An ArticleRow is accepted wherever this is.
 */
export type ArticleRecord = Omit<ArticleRow, 'entityNames' | 'aliases' | 'textHash'>;

export type ImportFormat = 'lede-jsonld' | 'hypothesis';

/** One item of the file that could not be imported, and why. */
export interface RejectedItem {
  /** An annotation, or an article record of a Lede backup's reading history. */
  item: 'annotation' | 'article';
  /** 0-based position of the item in the file's list of annotations (or of articles). */
  index: number;
  /** A human sentence; it numbers items from 1 ("Annotation 3 …"), as people count. */
  reason: string;
}

/** Everything in a file, validated, nothing written yet (parseImport). */
export interface ParsedImport {
  format: ImportFormat;
  /** Each one passed parseAnnotation. */
  annotations: Annotation[];
  rejected: RejectedItem[];
  /** The reading history carried by a Lede backup ("lede:articles"); [] for Hypothesis. */
  articles: ArticleRecord[];
}

/** What importAnnotations did. */
export interface ImportSummary {
  added: number;
  /** Already stored (same id, or same page + quote + position + note), or repeated in the file. */
  skipped: number;
  rejected: RejectedItem[];
  /** Articles from the backup that were not stored yet (stored ones are left as they are). */
  articlesAdded: number;
}

export interface ParseImportOptions {
  /** Refuse larger files before parsing; no limit when left out (Lede imports whatever it exported). */
  maxBytes?: number;
}

export interface ExportedFile {
  name: string;
  content: string;
}
