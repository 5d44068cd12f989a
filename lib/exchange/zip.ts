// Several export files as one .zip (fflate, synchronous: a few MB of text takes milliseconds).

import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ExportedFile } from './types';

/** The files as a zip archive, names as given (exportMarkdown makes them unique). */
export function zipFiles(files: readonly ExportedFile[]): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) entries[file.name] = strToU8(file.content);
  return zipSync(entries, { level: 6 });
}
