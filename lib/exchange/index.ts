// lib/exchange: export (W3C JSON-LD, Markdown for Obsidian, CSV) and import (Lede's JSON-LD
// backup, Hypothesis export JSON) of the reader's notes. Pure engine: no extension APIs.

export { ImportError } from './import-error';
export type { ArticleRecord, ExportedFile, ImportFormat, ImportSummary, ParsedImport, ParseImportOptions, RejectedItem } from './types';
export { exportJsonLd, exportBackup, exportBackupSteps, jsonLdPieces, ANNO_CONTEXT, LEDE_NAMESPACE, PRETTY_MAX_CHARS, ZIP_ABOVE_CHARS, type BackupExport, type BackupExportOptions, type JsonLdOptions } from './jsonld';
export { exportMarkdown, type MarkdownExport } from './markdown';
export { zipFiles, isZip } from './zip';
export { exportCsv, CSV_HEADER } from './csv';
export { parseImport, checkImportSize } from './parse-import';
export { readImport, type ImportProgress, type ReadImportOptions } from './read-import';
export { capMessage, MAX_MESSAGE_CHARS } from './import-error';
export { Slicer, runSteps, yieldToEventLoop, type Steps } from './steps';
export { importAnnotations, IMPORT_BATCH_SIZE, type ImportOptions } from './import-annotations';
