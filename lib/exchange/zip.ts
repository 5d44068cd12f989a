// Zip archives (fflate): several export files as one .zip (Markdown), a large JSON-LD backup
// compressed (written and read in chunks, never as one string), and reading a zipped backup back.

import { strToU8, Unzip, UnzipInflate, UnzipPassThrough, unzipSync, Zip, ZipDeflate, zipSync, type Zippable } from 'fflate';
import { ImportError, notText } from './import-error';
import type { ExportedFile } from './types';

/** The files as a zip archive, names as given (exportMarkdown makes them unique). */
export function zipFiles(files: readonly ExportedFile[]): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) entries[file.name] = strToU8(file.content);
  return zipSync(entries, { level: 6 });
}

/** True when the bytes start like a zip archive ("PK\3\4", or "PK\5\6" for an empty one). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** The backup inside a zip is its first .jsonld (or .json) file. */
function isBackupEntry(name: string): boolean {
  return /\.json(ld)?$/i.test(name) && !name.startsWith('__MACOSX/');
}

function noBackupInZip(): ImportError {
  return new ImportError('This zip file holds no Lede backup (a .jsonld file); Lede imports its own JSON-LD export, zipped or not, or Hypothesis JSON.');
}

/** The bytes of the backup inside a zip, all at once. */
export function unzipBackup(bytes: Uint8Array): Uint8Array {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => isBackupEntry(file.name) });
  } catch {
    throw notText();
  }
  const name = Object.keys(files).sort()[0];
  if (name === undefined) throw noBackupInZip();
  return files[name]!;
}

/** Unzips chunk by chunk: `onData` receives the backup entry's bytes as they are inflated. */
export class BackupUnzipper {
  private readonly unzip = new Unzip();
  private found = false;
  private ended = false;
  /** The first error from inflating or from `onData` (fflate would swallow a throw there). */
  private failure: unknown = null;

  constructor(onData: (bytes: Uint8Array) => void) {
    this.unzip.register(UnzipInflate);
    this.unzip.register(UnzipPassThrough);
    this.unzip.onfile = (file) => {
      if (this.found || !isBackupEntry(file.name)) return;
      this.found = true;
      file.ondata = (error, data, final) => {
        if (this.failure) return;
        if (error) {
          this.failure = notText();
          return;
        }
        try {
          if (data.length > 0) onData(data);
        } catch (thrown) {
          this.failure = thrown;
          return;
        }
        if (final) this.ended = true;
      };
      file.start();
    };
  }

  push(chunk: Uint8Array, final: boolean): void {
    try {
      this.unzip.push(chunk, final);
    } catch {
      this.failure ??= notText();
    }
    if (this.failure) throw this.failure;
    if (final && !this.found) throw noBackupInZip();
    if (final && !this.ended) throw new ImportError('The zip file ends too early: the backup inside it is cut off. It may have been cut off while downloading or copying.');
  }
}

/**
 * One file zipped from text pieces, pushed as they come, so the whole text never has to be one
 * string; `finish` returns the archive.
 */
export class TextZipper {
  private readonly parts: Uint8Array[] = [];
  private readonly zip: Zip;
  private readonly entry: ZipDeflate;

  // Level 1: a 128 MB backup zips in about half the time of level 6, and only a sixth larger.
  constructor(name: string, level: 1 | 6 = 1) {
    this.zip = new Zip((error, data) => {
      if (error) throw error;
      this.parts.push(data);
    });
    this.entry = new ZipDeflate(name, { level });
    this.zip.add(this.entry);
  }

  push(text: string): void {
    if (text !== '') this.entry.push(strToU8(text));
  }

  finish(): Uint8Array {
    this.entry.push(new Uint8Array(0), true);
    this.zip.end();
    const size = this.parts.reduce((sum, part) => sum + part.length, 0);
    const out = new Uint8Array(size);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}
