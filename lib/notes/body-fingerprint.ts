// The fingerprint of an article's body, sent by the content script with the article's summary so
// that the same article read at an address Lede cannot link (a reprint on the same site without a
// canonical link) is one article in the reading history. Kept apart from article-identity.ts, which
// needs the public suffix list: the content script bundles only this. Pure.

import { fnv1a32 } from '../shared/text-hash';

/** Bodies shorter than this (letters and digits) are too common to name one article: no fingerprint. */
export const MIN_FINGERPRINT_CHARS = 400;

/**
 * The fingerprint of an article's body: its letters and digits only, case and accents folded, so
 * the same article with its quotation marks and apostrophes stripped (a reprint), other whitespace
 * or other markup gives the same value. Two FNV-1a hashes (the text and its reverse) and the
 * length: 5,000 articles never meet by chance. Undefined for a short body.
 */
export function bodyFingerprint(text: string): string | undefined {
  const folded = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  if (folded.length < MIN_FINGERPRINT_CHARS) return undefined;
  const reversed = [...folded].reverse().join('');
  const hex = (n: number): string => n.toString(16).padStart(8, '0');
  return `${folded.length}:${hex(fnv1a32(folded))}${hex(fnv1a32(reversed))}`;
}
