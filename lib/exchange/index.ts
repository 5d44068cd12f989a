// lib/exchange: export (W3C JSON-LD, Markdown for Obsidian, CSV) and import (Lede's JSON-LD
// backup, Hypothesis export JSON) of the reader's notes. Pure engine: no extension APIs.

export { ImportError } from './import-error';
export type { ArticleRecord, ExportedFile, ImportFormat, ImportSummary, ParsedImport, ParseImportOptions, RejectedItem } from './types';
export { exportJsonLd, ANNO_CONTEXT, LEDE_NAMESPACE, type JsonLdOptions } from './jsonld';
export { exportMarkdown, type MarkdownExport } from './markdown';
export { zipFiles } from './zip';
export { exportCsv, CSV_HEADER } from './csv';
export { parseImport, checkImportSize, DEFAULT_MAX_IMPORT_BYTES } from './parse-import';
export { importAnnotations, IMPORT_BATCH_SIZE } from './import-annotations';
