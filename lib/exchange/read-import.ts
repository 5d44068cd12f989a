// A file offered for import, read from a Blob in slices so the page stays responsive whatever its
// size: a small file is read whole and parsed as parseImport does (with its line-and-column
// messages); a large or zipped one is unzipped, decoded (strict UTF-8) and split into its items
// chunk by chunk (json-splitter.ts), then each item parsed and validated, pausing between slices.
// No size limit by default: Lede imports whatever it exported.

import { ImportError, notText } from './import-error';
import { JsonSplitter, reassemble } from './json-splitter';
import {
  capDetail,
  checkedContent,
  checkImportSize,
  decodedText,
  documentItemCount,
  endsTooEarly,
  notUtf8,
  parseDocumentSteps,
  parseJson,
} from './parse-import';
import { Slicer } from './steps';
import { BackupUnzipper, isZip } from './zip';
import type { ParsedImport, ParseImportOptions } from './types';

/** Where an import has got to: bytes of the file read, items parsed, items checked, notes written. */
export interface ImportProgress {
  phase: 'reading' | 'parsing' | 'checking' | 'writing';
  done: number;
  total: number;
}

export interface ReadImportOptions extends ParseImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Bytes read from the file per step (1 MiB; zipped files a sixteenth of that, as they inflate several-fold). */
  chunkBytes?: number;
  /** Plain files up to this size are read whole (4 MiB); larger ones are split as they are read. */
  wholeFileBytes?: number;
  /** The clock that decides when to hand the thread back; one per import. */
  slicer?: Slicer;
}

const MEBIBYTE = 1024 * 1024;
// Enough decoded text to tell JSON from binary data, CSV or prose before splitting it.
const SNIFF_CHARS = 64 * 1024;

export async function readImport(file: Blob, options: ReadImportOptions = {}): Promise<ParsedImport> {
  const slicer = options.slicer ?? new Slicer();
  const report = options.onProgress ?? (() => {});
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  const zipped = isZip(head);
  let value: unknown;
  if (!zipped && file.size <= (options.wholeFileBytes ?? 4 * MEBIBYTE)) {
    checkImportSize(file.size, options.maxBytes);
    const bytes = new Uint8Array(await file.arrayBuffer());
    report({ phase: 'reading', done: file.size, total: file.size });
    value = parseJson(decodedText(bytes, options.maxBytes));
  } else {
    value = await readSplit(file, zipped, slicer, report, options);
  }
  const total = documentItemCount(value);
  report({ phase: 'checking', done: 0, total });
  const parsed = await slicer.run(parseDocumentSteps(value), (done) => report({ phase: 'checking', done, total }));
  report({ phase: 'checking', done: total, total });
  return parsed;
}

/** Reads, unzips and decodes the file in chunks into the splitter; then parses each piece. */
async function readSplit(
  file: Blob,
  zipped: boolean,
  slicer: Slicer,
  report: (progress: ImportProgress) => void,
  options: ReadImportOptions,
): Promise<unknown> {
  // Inflating 256 KiB of a zipped backup (about 1.5 MB of text, decoded and split) was one task of
  // over 400 ms on a loaded machine.
  const chunkBytes = options.chunkBytes ?? (zipped ? MEBIBYTE / 16 : MEBIBYTE);
  const splitter = new JsonSplitter();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let decodedBytes = 0;
  let sniffed: string[] | null = [];
  let sniffedChars = 0;

  const feedText = (text: string, final: boolean): void => {
    if (sniffed) {
      // Hold the start back until there is enough of it to check, then check it once.
      sniffed.push(text);
      sniffedChars += text.length;
      if (sniffedChars < SNIFF_CHARS && !final) return;
      const start = checkedContent(sniffed.join(''));
      sniffed = null;
      splitter.push(start);
      return;
    }
    splitter.push(text);
  };
  const feedBytes = (bytes: Uint8Array, final: boolean): void => {
    decodedBytes += bytes.length;
    checkImportSize(decodedBytes, options.maxBytes);
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: !final });
    } catch {
      throw notUtf8(bytes, decodedBytes - bytes.length);
    }
    feedText(text, final);
  };

  const unzipper = zipped ? new BackupUnzipper((bytes) => feedBytes(bytes, false)) : null;
  for (let from = 0; from < file.size || from === 0; from += chunkBytes) {
    const to = Math.min(file.size, from + chunkBytes);
    const chunk = new Uint8Array(await file.slice(from, to).arrayBuffer());
    const final = to >= file.size;
    if (unzipper) unzipper.push(chunk, final);
    else feedBytes(chunk, final);
    report({ phase: 'reading', done: to, total: file.size });
    if (final) break;
    await slicer.maybeYield();
  }
  if (unzipper) feedBytes(new Uint8Array(0), true);
  if (decodedBytes === 0) throw zipped ? notText() : new ImportError('The file is empty.');
  if (splitter.incomplete) throw endsTooEarly(decodedBytes);

  const { skeleton, lists } = splitter.result();
  let top: unknown;
  try {
    top = JSON.parse(skeleton) as unknown;
  } catch (error) {
    throw new ImportError(`The file is not valid JSON: ${capDetail(error instanceof Error ? error.message : String(error))}`);
  }
  const total = lists.reduce((sum, list) => sum + list.length, 0);
  let done = 0;
  const parsedLists: unknown[][] = [];
  for (const list of lists) {
    const values: unknown[] = new Array(list.length);
    for (let i = 0; i < list.length; i += 1) {
      try {
        values[i] = JSON.parse(list[i]!) as unknown;
      } catch (error) {
        throw new ImportError(`The file is not valid JSON in item ${i + 1} of its list: ${capDetail(error instanceof Error ? error.message : String(error))}`);
      }
      list[i] = ''; // the text is no longer needed
      done += 1;
      if (slicer.due) {
        report({ phase: 'parsing', done, total });
        await slicer.pause();
      }
    }
    parsedLists.push(values);
  }
  return reassemble(top, parsedLists);
}
