// A file offered for import → validated notes, or one ImportError that says in plain words why the
// file cannot be imported at all. Cheap checks run first (size, binary, CSV) so a wrong file is
// refused before the parser spends time and memory on it. Nothing here writes anything.

import { FORMATS_WE_TAKE, ImportError, notText, quoted } from './import-error';
import { hypothesisRows, parseHypothesisSteps } from './hypothesis';
import { looksLikeJsonLd, parseJsonLdSteps } from './jsonld';
import { runSteps, type Steps } from './steps';
import { isZip, unzipBackup } from './zip';
import type { ParsedImport, ParseImportOptions } from './types';
import { isRecord } from '../shared/is-record';

const MEGABYTE = 1024 * 1024;
// Enough of the start of a file to tell text from binary data.
const SNIFF_CHARS = 64 * 1024;

/**
 * Throws the "too big" ImportError for a file of `bytes` bytes when a limit is set (there is none
 * by default: Lede imports whatever it exported; tests and callers may set one).
 */
export function checkImportSize(bytes: number, maxBytes: number | undefined): void {
  if (maxBytes !== undefined && bytes > maxBytes) {
    const limit = sizeText(maxBytes, 'nearest');
    // Just over the limit must not read as "50 MB; up to 50 MB".
    const size = sizeText(bytes, 'nearest') === limit ? sizeText(bytes, 'up') : sizeText(bytes, 'nearest');
    throw new ImportError(`The file is ${size}; Lede imports files up to ${limit}.`);
  }
}

/**
 * Reads a Lede JSON-LD backup (or other W3C Web Annotation JSON-LD, plain or zipped) or a
 * Hypothesis export, all in one go (readImport in read-import.ts does the same in slices, from a
 * Blob). Accepts the file's text, or its bytes (then text that is not UTF-8 is refused with a
 * reason). Items that fail validation are listed in `rejected`; a file that is wrong as a whole throws.
 */
export function parseImport(input: string | Uint8Array, options: ParseImportOptions = {}): ParsedImport {
  const text = typeof input === 'string' ? checkedText(input, options.maxBytes) : decodedText(input, options.maxBytes);
  return runSteps(parseDocumentSteps(parseJson(text)));
}

// Results this module produced, each annotation through parseAnnotation: importAnnotations need
// not check them again. (Frozen, so they stay as checked.)
const checkedImports = new WeakSet<ParsedImport>();

/** True for a ParsedImport made by parseImport or readImport, untouched since. */
export function isCheckedImport(parsed: ParsedImport): boolean {
  return checkedImports.has(parsed);
}

function checkedResult(parsed: ParsedImport): ParsedImport {
  Object.freeze(parsed.annotations);
  Object.freeze(parsed);
  checkedImports.add(parsed);
  return parsed;
}

/** A parsed JSON document → validated notes, as steps (yields items checked so far). */
export function* parseDocumentSteps(value: unknown): Steps<ParsedImport> {
  if (looksLikeJsonLd(value)) return checkedResult(yield* parseJsonLdSteps(value));
  const rows = hypothesisRows(value);
  if (rows) return checkedResult(yield* parseHypothesisSteps(rows));
  if (isRecord(value) && typeof value.type === 'string' && /^Annotation/.test(value.type)) {
    throw new ImportError(`This file has no @context; W3C Web Annotation JSON-LD names http://www.w3.org/ns/anno.jsonld.`);
  }
  throw new ImportError(`This JSON file is not in a format Lede knows; ${FORMATS_WE_TAKE}.`);
}

/** How many items parseDocumentSteps will check in `value` (for progress), 0 when unknown. */
export function documentItemCount(value: unknown): number {
  if (!isRecord(value) && !Array.isArray(value)) return 0;
  const rows = Array.isArray(value) ? value : hypothesisRows(value);
  if (rows) return rows.length;
  const record = value as Record<string, unknown>;
  const page = isRecord(record.first) ? record.first : record;
  const items = Array.isArray(page.items) ? page.items.length : 0;
  const articles = Array.isArray(record['lede:articles']) ? record['lede:articles'].length : 0;
  return items + articles;
}

function checkedText(text: string, maxBytes: number | undefined): string {
  // Every UTF-16 code unit is at least one UTF-8 byte and at most three: count only when it matters.
  if (maxBytes !== undefined && text.length * 3 > maxBytes) checkImportSize(utf8Length(text), maxBytes);
  return checkedContent(text);
}

export function decodedText(input: Uint8Array, maxBytes: number | undefined): string {
  const bytes = isZip(input) ? unzipBackup(input) : input;
  checkImportSize(bytes.byteLength, maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw notUtf8(bytes);
  }
  return checkedContent(text);
}

/**
 * The error for bytes that are not UTF-8: binary data, or text in another encoding (Latin-1,
 * Windows-1252), which would import with every accented letter turned into U+FFFD.
 */
export function notUtf8(bytes: Uint8Array, offset = 0): ImportError {
  const sample = bytes.subarray(0, SNIFF_CHARS);
  if (looksBinary(new TextDecoder('utf-8').decode(sample).replaceAll('\uFFFD', ' ')) || sample.includes(0)) return notText();
  const at = firstInvalidUtf8(bytes);
  const where = at >= 0 ? ` (byte ${offset + at + 1} is 0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')})` : '';
  return new ImportError(
    `This file is not UTF-8 text${where}; it may be saved in Latin-1 or Windows-1252, and its accented letters would be lost. Save it as UTF-8 and import it again.`,
  );
}

/** Index of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k += 1) {
      const next = bytes[i + k];
      if (next === undefined) return i;
      if ((next & 0xc0) !== 0x80) return i;
    }
    i += extra + 1;
  }
  return -1;
}

/** The text without a byte-order mark, once it is known to be text that could be JSON. */
export function checkedContent(raw: string): string {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (looksBinary(text)) throw notText();
  const start = text.trimStart();
  if (start === '') throw new ImportError('The file is empty.');
  if (start[0] !== '{' && start[0] !== '[') {
    if (looksLikeCsv(start)) throw new ImportError(`This looks like a CSV file; ${FORMATS_WE_TAKE}.`);
    throw new ImportError(`This isn't JSON (it starts with ${quoted(start.slice(0, 20))}); ${FORMATS_WE_TAKE}.`);
  }
  return text;
}

/**
 * NUL never appears in a text file, and raw control characters never in JSON; a few stray ones
 * or decoding replacement characters (U+FFFD) in the sniffed start mean binary data.
 */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, SNIFF_CHARS);
  let odd = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f || code === 0xfffd) odd += 1;
  }
  return odd > Math.max(2, sample.length / 100);
}

/** A first line of several comma-, semicolon- or tab-separated fields. */
function looksLikeCsv(text: string): boolean {
  const newline = text.search(/\r?\n/);
  const firstLine = newline === -1 ? text : text.slice(0, newline);
  return [',', ';', '\t'].some((separator) => firstLine.split(separator).length >= 3);
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (endsInsideValue(text)) {
      throw endsTooEarly(utf8Length(text));
    }
    // Some engines quote the text around the fault: never more than a few dozen characters of it.
    const detail = capDetail(error instanceof Error ? error.message : String(error));
    const position = /position (\d+)/.exec(detail);
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : '';
    throw new ImportError(`The file is not valid JSON${where}: ${detail}`);
  }
}

export function endsTooEarly(bytes: number): ImportError {
  return new ImportError(`The file ends too early: it is not complete JSON (byte ${bytes}). It may have been cut off while downloading or copying.`);
}

/** True when the text stops inside a string, object or array: the usual mark of a cut-off file. */
export function capDetail(detail: string): string {
  return detail.length <= 160 ? detail : `${detail.slice(0, 159)}…`;
}

function endsInsideValue(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i += 1; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) depth += 1;
    else if (ch === 0x7d || ch === 0x5d) {
      depth -= 1;
      if (depth < 0) return false; // a stray closer is a different mistake
    }
  }
  return inString || depth > 0;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** "52 MB", "50.1 MB", "980 KB": to a tenth, whole numbers without ".0". */
function sizeText(bytes: number, rounding: 'nearest' | 'up'): string {
  const [amount, unit] = bytes >= MEGABYTE ? [bytes / MEGABYTE, 'MB'] : [bytes / 1024, 'KB'];
  const tenths = (rounding === 'up' ? Math.ceil(amount * 10) : Math.round(amount * 10)) / 10;
  return `${Number.isInteger(tenths) ? String(tenths) : tenths.toFixed(1)} ${unit}`;
}

