// Stable names for the Markdown export, so that exporting again into a note vault replaces the same
// files instead of adding copies: an article's id and file name come from its normalised address
// (never from its title, which sites rewrite and the reading history updates), a note's block id
// from the note's own id.

import { normalizeSourceUrl } from '../notes/source-url';
import { stableHexId } from './derived-ids';

/** 12 hex digits from the article's normalised address: the same on every export, on any machine. */
export function articleExportId(source: string): string {
  return stableHexId(normalizeSourceUrl(source), 12);
}

/** The note's id as an Obsidian block id (letters, digits and dashes only): `lede-<uuid>`. */
export function noteBlockId(noteId: string): string {
  return `lede-${noteId.replace(/^urn:uuid:/i, '').toLowerCase().replace(/[^a-z0-9-]/g, '-')}`;
}

const MAX_SLUG_LENGTH = 80;
// Names Windows refuses whatever the extension.
const RESERVED_NAMES = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
/** Last path segments that say nothing about the article: look one segment up. */
const EMPTY_SEGMENTS = /^(index|default|amp|print|\d+)$/i;

/**
 * `<slug> <id>.md`: the slug is the address's last telling path segment (usually the site's own
 * words for the story), else its host; the id makes the name unique and ties it to the article.
 */
export function articleFileName(source: string): string {
  return `${fileNameBase(slugOf(source))} ${articleExportId(source)}.md`;
}

function slugOf(source: string): string {
  if (!URL.canParse(source)) return '';
  const url = new URL(source);
  const segments = url.pathname.split('/').map(decodeSegment).map((segment) => segment.replace(/\.(s?html?|php\d?|aspx?|jsp|cms)$/i, ''));
  for (let i = segments.length - 1; i >= 0; i -= 1) {
    const segment = segments[i]!;
    if (segment !== '' && !EMPTY_SEGMENTS.test(segment)) return segment;
  }
  return url.hostname.replace(/^www\./, '');
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Characters file systems and Obsidian links refuse removed, at most MAX_SLUG_LENGTH characters. */
export function fileNameBase(text: string): string {
  let base = text
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*#^[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (base.length > MAX_SLUG_LENGTH) base = Array.from(base).slice(0, MAX_SLUG_LENGTH).join('').trim();
  if (base === '') base = 'Untitled';
  if (RESERVED_NAMES.test(base)) base = `_${base}`;
  return base;
}
