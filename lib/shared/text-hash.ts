// A fast, non-cryptographic fingerprint of a text (FNV-1a, 32 bits, over UTF-16 code units), for
// cache keys: it tells "the same text again" from "a different text" cheaply. It is not a defence
// against anyone crafting collisions; the cache pairs it with the text's length and URL.

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over every UTF-16 code unit of `text`, as an unsigned 32-bit integer. */
export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/** The text's length and hash as one short string, e.g. "5123:9f3a0c21". */
export function textFingerprint(text: string): string {
  return `${text.length}:${fnv1a32(text).toString(16).padStart(8, '0')}`;
}
