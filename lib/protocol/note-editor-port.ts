// The note editor frame's channel to the page's content script, through the background
// (note-editor-relay.ts). The content script opens a port named with the frame's one-time token and
// sends the draft; the frame, once loaded, opens its own port with the token from its URL; the
// background hands the draft to that frame once, and passes the frame's answer (saved, cancelled)
// back. The page can reach neither end: unlike window.postMessage, which it could both read and
// forge. Pure: no extension APIs.

import type { Annotation } from '../notes/annotation';
import { parseAnnotation, parseAnnotationId } from '../notes/validation';

const PORT_PREFIX = 'lede-note-editor:';
const TOKEN_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Content script -> frame, once: the new note (empty body and tags) and the passage to show. */
export interface NoteDraftHandoff {
  type: 'draft';
  annotation: Annotation;
  quote: string;
}

/** Frame -> content script: the frame saved the note (through the background), or the reader cancelled. */
export type EditorOutcome = { type: 'saved'; id: string } | { type: 'cancelled' };

/** Which end of the channel a port is: the page's content script or the editor frame. */
export type EditorPortSide = 'page' | 'frame';

export function editorPortName(side: EditorPortSide, token: string): string {
  return `${PORT_PREFIX}${side}:${token}`;
}

/** The side and token a port's name carries, or null for any other port. */
export function parseEditorPortName(name: string): { side: EditorPortSide; token: string } | null {
  if (!name.startsWith(PORT_PREFIX)) return null;
  const rest = name.slice(PORT_PREFIX.length);
  const at = rest.indexOf(':');
  const side = rest.slice(0, at);
  const token = rest.slice(at + 1);
  if (at < 0 || (side !== 'page' && side !== 'frame') || !TOKEN_PATTERN.test(token)) return null;
  return { side, token };
}

/** The frame URL's token (its hash), or null when it is not one. */
export function tokenOfHash(hash: string): string | null {
  const token = hash.replace(/^#/, '');
  return TOKEN_PATTERN.test(token) ? token : null;
}

export function parseDraft(value: unknown): NoteDraftHandoff | null {
  if (typeof value !== 'object' || value === null) return null;
  const { type, annotation, quote } = value as Record<string, unknown>;
  if (type !== 'draft' || typeof quote !== 'string') return null;
  try {
    return { type, annotation: parseAnnotation(annotation), quote };
  } catch {
    return null;
  }
}

export function parseOutcome(value: unknown): EditorOutcome | null {
  if (typeof value !== 'object' || value === null) return null;
  const { type, id } = value as Record<string, unknown>;
  if (type === 'cancelled') return { type };
  if (type !== 'saved') return null;
  try {
    return { type, id: parseAnnotationId(id) };
  } catch {
    return null;
  }
}
