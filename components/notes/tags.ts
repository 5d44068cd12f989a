// The note editor's tags field: the reader types tags separated by commas.

/** Longest tag the background accepts (lib/notes/validation.ts's ANNOTATION_LIMITS.tagLength). */
const MAX_TAG_LENGTH = 100;
const MAX_TAGS = 100;

/** "politics, Russia , ,politics" -> ["politics", "Russia"]: trimmed, blanks dropped, repeats once, bounded. */
export function parseTagInput(input: string): string[] {
  const tags: string[] = [];
  for (const raw of input.split(/[,\n]/)) {
    const tag = raw.trim().replace(/\s+/g, ' ').slice(0, MAX_TAG_LENGTH).trim();
    if (tag !== '' && !tags.includes(tag)) tags.push(tag);
    if (tags.length === MAX_TAGS) break;
  }
  return tags;
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}
