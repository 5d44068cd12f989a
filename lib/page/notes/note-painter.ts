// Paints the reader's highlights and notes: maps each anchored span onto the page as a Range and
// hands them, with their colours, to Lede's own note layer (note-layer.ts). Never through the CSS
// highlight registry, which the page's scripts share: a page must not learn which words the
// reader noted. Separate from the entity painter, so the entity toggles never hide the reader's
// own marks. The page's DOM is never modified.

import type { Annotation } from '@/lib/notes/annotation';
import { rangeFor, type TextSegment } from '@/lib/extract';
import type { NoteSurface } from './note-layer';

export interface PaintedNote {
  annotation: Annotation;
  start: number;
  end: number;
  range: Range;
}

export class NotePainter {
  private painted: PaintedNote[] = [];

  constructor(private readonly surface: NoteSurface) {}

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
    this.surface.draw(painted.map((note) => ({ range: note.range, color: note.annotation.color })));
    return painted;
  }

  get notes(): readonly PaintedNote[] {
    return this.painted;
  }

  clear(): void {
    this.painted = [];
    this.surface.clear();
  }

  dispose(): void {
    this.painted = [];
    this.surface.dispose();
  }
}
