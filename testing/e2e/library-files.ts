// Reading the library's exported files in a test: RFC 4180 CSV records, zip entries, and the
// items of a W3C AnnotationCollection.
import { strFromU8, unzipSync } from 'fflate';

/** RFC 4180 records: quoted fields may hold commas, CRLF/LF and doubled quotation marks. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a UTF-8 byte-order mark, for spreadsheets
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Every file in a zip, as UTF-8 text. */
export function unzipText(zip: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(unzipSync(zip))) out[name] = strFromU8(bytes);
  return out;
}

/** True for a zip (PK\x03\x04), as several articles download. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export interface JsonLdItem {
  id: string;
  type: string;
  target: { source: string; selector: { type: string; exact?: string; start?: number; end?: number }[] };
  body?: { type: string; purpose?: string; value: string }[];
  [key: string]: unknown;
}

/** The annotations of a collection whose first page is inline (Lede's export). */
export function collectionItems(collection: unknown): JsonLdItem[] {
  const first = (collection as { first?: { items?: JsonLdItem[] } }).first;
  return first?.items ?? [];
}
