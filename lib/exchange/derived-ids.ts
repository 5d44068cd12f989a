// Ids derived from something stable rather than drawn at random. Notes that come from another tool
// get a urn:uuid from the tool's own id, so importing the same export twice gives the same ids and
// the second import is a duplicate rather than a copy; a Markdown export names each article by a
// short hash of its address, so a second export lands on the same file.

/**
 * A urn:uuid computed from `seed` (128 bits from four independently seeded 32-bit FNV-1a hashes,
 * each finished with MurmurHash3's mixer). Marked as an RFC 9562 version 8 (custom) UUID.
 */
export function derivedAnnotationId(seed: string): string {
  const words = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((start, lane) => hashLane(seed, start ^ lane));
  const hex = words.map((word) => (word >>> 0).toString(16).padStart(8, '0')).join('');
  const version = `8${hex.slice(13, 16)}`;
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16) + hex.slice(17, 20);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${version}-${variant}-${hex.slice(20, 32)}`;
}

/** `length` hex digits (at most 16) hashed from `seed`: a short id that is the same on every export. */
export function stableHexId(seed: string, length = 12): string {
  const words = [0x811c9dc5, 0x9e3779b9].map((start, lane) => hashLane(seed, start ^ lane));
  return words.map((word) => word.toString(16).padStart(8, '0')).join('').slice(0, Math.min(length, 16));
}

function hashLane(text: string, start: number): number {
  let hash = start >>> 0;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ text.length, 0x01000193);
  // fmix32: spreads every input bit over the whole word.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
