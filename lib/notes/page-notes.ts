// The notes on the page the reader is looking at, as the content script reports them to the
// popup: each stored annotation with where it landed this time. Pure: no DOM, no extension APIs.

import { anchorAll } from '../anchoring';
import { positionSelectorOf, type AnchorStatus, type Annotation } from './annotation';

export interface PageNote {
  annotation: Annotation;
  anchor: AnchorStatus;
}

/** The getPageNotes answer: the page's normalised URL and its notes in reading order. */
export interface PageNotes {
  source: string;
  notes: PageNote[];
}

/** Where an orphan used to be: its stored position, so orphans keep the order they were made in along the page. */
function storedStart(annotation: Annotation): number {
  return positionSelectorOf(annotation.target)?.start ?? Number.MAX_SAFE_INTEGER;
}

/**
 * Reading order: anchored notes by where they landed (start, then end, then creation time),
 * then orphans by their stored position and creation time. Returns a new array.
 */
export function notesInReadingOrder(notes: readonly PageNote[]): PageNote[] {
  const key = (note: PageNote): [number, number, number] =>
    note.anchor.status === 'anchored'
      ? [0, note.anchor.start, note.anchor.end]
      : [1, storedStart(note.annotation), 0];
  return [...notes].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2] || a.annotation.created.localeCompare(b.annotation.created);
  });
}

/** The anchored notes, each with its span: what gets painted. */
export function anchoredSpans(notes: readonly PageNote[]): Array<{ annotation: Annotation; start: number; end: number }> {
  const spans: Array<{ annotation: Annotation; start: number; end: number }> = [];
  for (const { annotation, anchor } of notes) {
    if (anchor.status === 'anchored' && anchor.end > anchor.start) spans.push({ annotation, start: anchor.start, end: anchor.end });
  }
  return spans;
}

/**
 * Anchors every annotation in the article text and returns them in reading order. Without
 * article text (the page has no readable body now) every note is an orphan: never a guess.
 */
export function anchorPageNotes(text: string | null, annotations: readonly Annotation[]): PageNote[] {
  if (text === null || text.length === 0) {
    return annotations.map((annotation) => ({ annotation, anchor: { status: 'orphan', reason: 'no article text on this page' } }));
  }
  const statuses = anchorAll(text, annotations);
  return notesInReadingOrder(annotations.map((annotation, i) => ({ annotation, anchor: statuses[i]! })));
}
