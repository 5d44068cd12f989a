// Paints the reader's highlights and notes with the CSS Custom Highlight API: one registry entry
// per colour (`lede-note-yellow` …). Separate from the entity painter, so the entity toggles
// never hide the reader's own marks. The page's DOM is never modified.

import { HIGHLIGHT_COLORS, type Annotation, type HighlightColor } from '@/lib/annotation-types';
import { rangeFor, type TextSegment } from '@/lib/extract';
import type { HighlightApi } from '@/lib/paint';

export const NOTE_HIGHLIGHT_PREFIX = 'lede-note-';

export function noteHighlightName(color: HighlightColor): string {
  return `${NOTE_HIGHLIGHT_PREFIX}${color}`;
}

/**
 * Beneath the entity highlights (0 for quotes, 1 for names) and the flash (10): a name inside a
 * noted passage keeps its tint, and the rest of the passage shows the reader's colour.
 */
const NOTE_PRIORITY = -1;

export interface PaintedNote {
  annotation: Annotation;
  start: number;
  end: number;
  range: Range;
}

export class NotePainter {
  private painted: PaintedNote[] = [];

  constructor(private readonly api: HighlightApi | null) {}

  /** Replaces what is painted with these spans; returns the ones that mapped onto the page. */
  paint(doc: Document, segments: readonly TextSegment[], spans: ReadonlyArray<{ annotation: Annotation; start: number; end: number }>): PaintedNote[] {
    const painted: PaintedNote[] = [];
    for (const span of spans) {
      try {
        const range = rangeFor(doc, segments, span.start, span.end);
        if (!range.collapsed) painted.push({ ...span, range });
      } catch {
        // The DOM moved on since extraction: the next re-extraction paints it again.
      }
    }
    this.painted = painted;
    if (!this.api) return painted;
    for (const color of HIGHLIGHT_COLORS) {
      const ranges = painted.filter((note) => note.annotation.color === color).map((note) => note.range);
      const name = noteHighlightName(color);
      if (ranges.length === 0) {
        this.api.registry.delete(name);
        continue;
      }
      const highlight = this.api.create(ranges);
      highlight.priority = NOTE_PRIORITY;
      this.api.registry.set(name, highlight as never);
    }
    return painted;
  }

  get notes(): readonly PaintedNote[] {
    return this.painted;
  }

  clear(): void {
    this.painted = [];
    for (const color of HIGHLIGHT_COLORS) this.api?.registry.delete(noteHighlightName(color));
  }
}
