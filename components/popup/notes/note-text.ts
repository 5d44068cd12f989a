// Text shown for a note in the popup. Pure, so it is tested without a DOM.

import { quoteSelectorOf, type Annotation } from '@/lib/notes/annotation';

/** Longest stretch of the quoted passage shown for a note. */
export const QUOTE_PREVIEW_LENGTH = 200;
/** A longer note body shows this much until the reader asks for the rest. */
export const BODY_PREVIEW_LENGTH = 600;

/**
 * Whitespace collapsed, then cut to at most `max` characters (the ellipsis included), at a word
 * boundary when one is near, so a long passage stays a readable line or two.
 */
export function clampText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // Back up to the last space only when it costs little; a long unbroken word is cut where it is.
  const end = space >= max * 0.8 ? space : cut.length;
  return `${cut.slice(0, end).trimEnd()}…`;
}

/** The passage a note is on, as the reader selected it, shortened for the list. */
export function quotePreview(annotation: Annotation): string {
  return clampText(quoteSelectorOf(annotation.target)?.exact ?? '', QUOTE_PREVIEW_LENGTH);
}

/** The first part of a long body, cut at a word boundary; line breaks kept (the body shows pre-wrapped). */
export function bodyPreview(body: string, max: number = BODY_PREVIEW_LENGTH): string {
  if (body.length <= max) return body;
  const cut = body.slice(0, max - 1);
  const space = cut.search(/\s\S*$/);
  return `${(space >= max * 0.8 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** "Your notes (3)": what the section heading says. */
export function notesHeading(count: number): string {
  return `Your notes (${count})`;
}
