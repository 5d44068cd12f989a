// A file offered for import → validated notes, or one ImportError that says in plain words why the
// file cannot be imported at all. Cheap checks run first (size, binary, CSV) so a wrong file is
// refused before the parser spends time and memory on it. Nothing here writes anything.

import { ImportError } from './import-error';
import { hypothesisRows, parseHypothesis } from './hypothesis';
import { looksLikeJsonLd, parseJsonLd } from './jsonld';
import type { ParsedImport, ParseImportOptions } from './types';

/** 50 MB (MiB): years of notes fit in a few; anything bigger is not a notes file. */
export const DEFAULT_MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const FORMATS_WE_TAKE = 'Lede imports its own JSON-LD export or Hypothesis JSON';
const MEGABYTE = 1024 * 1024;
// Enough of the start of a file to tell text from binary data.
const SNIFF_CHARS = 64 * 1024;

/**
 * Throws the "too big" ImportError for a file of `bytes` bytes; the library page can call it with
 * File#size before reading the file at all.
 */
export function checkImportSize(bytes: number, maxBytes: number = DEFAULT_MAX_IMPORT_BYTES): void {
  if (bytes > maxBytes) {
    const limit = sizeText(maxBytes, 'nearest');
    // Just over the limit must not read as "50 MB; up to 50 MB".
    const size = sizeText(bytes, 'nearest') === limit ? sizeText(bytes, 'up') : sizeText(bytes, 'nearest');
    throw new ImportError(`The file is ${size}; Lede imports files up to ${limit}.`);
  }
}

/**
 * Reads a Lede JSON-LD backup (or other W3C Web Annotation JSON-LD) or a Hypothesis export.
 * Accepts the file's text, or its bytes (then invalid UTF-8 is refused as "not a text file").
 * Items that fail validation are listed in `rejected`; a file that is wrong as a whole throws.
 */
export function parseImport(input: string | Uint8Array, options: ParseImportOptions = {}): ParsedImport {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  const text = typeof input === 'string' ? checkedText(input, maxBytes) : decodedText(input, maxBytes);
  const value = parseJson(text);
  if (looksLikeJsonLd(value)) return parseJsonLd(value);
  const rows = hypothesisRows(value);
  if (rows) return parseHypothesis(rows);
  if (isRecord(value) && typeof value.type === 'string' && /^Annotation/.test(value.type)) {
    throw new ImportError(`This file has no @context; W3C Web Annotation JSON-LD names http://www.w3.org/ns/anno.jsonld.`);
  }
  throw new ImportError(`This JSON file is not in a format Lede knows; ${FORMATS_WE_TAKE}.`);
}

function checkedText(text: string, maxBytes: number): string {
  // Every UTF-16 code unit is at least one UTF-8 byte and at most three: count only when it matters.
  if (text.length * 3 > maxBytes) checkImportSize(utf8Length(text), maxBytes);
  return checkedContent(text);
}

function decodedText(bytes: Uint8Array, maxBytes: number): string {
  checkImportSize(bytes.byteLength, maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw notText();
  }
  return checkedContent(text);
}

/** The text without a byte-order mark, once it is known to be text that could be JSON. */
function checkedContent(raw: string): string {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (looksBinary(text)) throw notText();
  const start = text.trimStart();
  if (start === '') throw new ImportError('The file is empty.');
  if (start[0] !== '{' && start[0] !== '[') {
    if (looksLikeCsv(start)) throw new ImportError(`This looks like a CSV file; ${FORMATS_WE_TAKE}.`);
    throw new ImportError(`This isn't JSON (it starts with ${JSON.stringify(start.slice(0, 20))}); ${FORMATS_WE_TAKE}.`);
  }
  return text;
}

function notText(): ImportError {
  return new ImportError(`This isn't a text file (it looks like binary data); ${FORMATS_WE_TAKE}.`);
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

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (endsInsideValue(text)) {
      throw new ImportError(`The file ends too early: it is not complete JSON (byte ${utf8Length(text)}). It may have been cut off while downloading or copying.`);
    }
    const detail = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(detail);
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : '';
    throw new ImportError(`The file is not valid JSON${where}: ${detail}`);
  }
}

/** True when the text stops inside a string, object or array: the usual mark of a cut-off file. */
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

function utf8Length(text: string): number {
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
