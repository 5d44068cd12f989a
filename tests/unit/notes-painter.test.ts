// @vitest-environment happy-dom
// Painting the reader's notes (lib/page/notes/note-painter.ts): spans become ranges on the
// page's text, handed with their colours to Lede's own note layer, never to the shared highlight
// registry; and the layer itself keeps everything in a closed, zero-size, pointer-transparent host.
import { describe, expect, it } from 'vitest';
import { NOTE_LAYER_HOST, NoteLayer, type LayerNote, type NoteSurface } from '@/lib/page/notes/note-layer';
import { NotePainter } from '@/lib/page/notes/note-painter';
import { extractArticle } from '@/lib/extract';
import { makeAnnotation, noteId } from '../../testing/fixtures/annotation-fixtures';

/** Records what the painter draws (the layer's geometry needs a real browser: tests/e2e). */
function recordingSurface(): NoteSurface & { drawn: Array<Array<{ text: string; color: string }>>; cleared: number; disposed: number } {
  const surface = {
    drawn: [] as Array<Array<{ text: string; color: string }>>,
    cleared: 0,
    disposed: 0,
    draw(notes: readonly LayerNote[]) {
      surface.drawn.push(notes.map((note) => ({ text: note.range.toString(), color: note.color })));
    },
    clear() {
      surface.cleared++;
    },
    dispose() {
      surface.disposed++;
    },
  };
  return surface;
}

function article() {
  document.documentElement.innerHTML = `<head><meta property="og:type" content="article"></head><body><article>
    <h1>Talks to resume</h1><p>The minister said on Tuesday that talks would resume in Geneva next week, after a long pause.</p>
    <p>Critics of the plan said the timetable was unrealistic and poorly explained to everyone involved.</p></article></body>`;
  return extractArticle(document)!;
}

describe('NotePainter', () => {
  it('hands each note to the layer as a range on its words, in its colour', () => {
    const { text, segments } = article();
    const surface = recordingSurface();
    const painter = new NotePainter(surface);
    const yellow = makeAnnotation({ id: noteId(1), color: 'yellow' });
    const blue = makeAnnotation({ id: noteId(2), color: 'blue' });
    const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });
    const painted = painter.paint(document, segments, [
      { annotation: yellow, ...at('Geneva') },
      { annotation: blue, ...at('poorly explained') },
      { annotation: yellow, ...at('Critics') },
    ]);
    expect(painted.map((note) => note.range.toString())).toEqual(['Geneva', 'poorly explained', 'Critics']);
    expect(surface.drawn.at(-1)).toEqual([
      { text: 'Geneva', color: 'yellow' },
      { text: 'poorly explained', color: 'blue' },
      { text: 'Critics', color: 'yellow' },
    ]);
  });

  it('replaces what was drawn on each paint, and clears and disposes the layer', () => {
    const { text, segments } = article();
    const surface = recordingSurface();
    const painter = new NotePainter(surface);
    const start = text.indexOf('Geneva');
    painter.paint(document, segments, [{ annotation: makeAnnotation({ color: 'pink' }), start, end: start + 6 }]);
    painter.paint(document, segments, [{ annotation: makeAnnotation({ color: 'green' }), start, end: start + 6 }]);
    expect(surface.drawn.at(-1)).toEqual([{ text: 'Geneva', color: 'green' }]);
    painter.clear();
    expect(surface.cleared).toBe(1);
    expect(painter.notes).toEqual([]);
    painter.dispose();
    expect(surface.disposed).toBe(1);
  });
});

describe('NoteLayer', () => {
  it('keeps the notes out of the page: a closed root, no note words, nothing in the highlight registry', () => {
    const { text, segments } = article();
    const layer = new NoteLayer(window);
    const painter = new NotePainter(layer);
    const start = text.indexOf('poorly explained');
    painter.paint(document, segments, [{ annotation: makeAnnotation({ body: 'my private view' }), start, end: start + 16 }]);
    const host = document.querySelector(NOTE_LAYER_HOST);
    expect(host).not.toBeNull();
    expect(host!.shadowRoot).toBeNull();
    expect(document.documentElement.outerHTML).not.toContain('private');
    expect(host!.outerHTML).toBe(`<${NOTE_LAYER_HOST}></${NOTE_LAYER_HOST}>`);
    expect((globalThis as { CSS?: { highlights?: unknown } }).CSS?.highlights).toBeUndefined();
    layer.dispose();
    expect(document.querySelector(NOTE_LAYER_HOST)).toBeNull();
  });

  it('puts itself back when the page replaces its <body>', () => {
    const { text, segments } = article();
    const layer = new NoteLayer(window);
    const start = text.indexOf('Geneva');
    const painter = new NotePainter(layer);
    painter.paint(document, segments, [{ annotation: makeAnnotation(), start, end: start + 6 }]);
    // The page rewrites itself: <body> and the layer's host with it are gone.
    const again = article();
    expect(document.querySelector(NOTE_LAYER_HOST)).toBeNull();
    painter.paint(document, again.segments, [{ annotation: makeAnnotation(), start, end: start + 6 }]);
    expect(document.querySelectorAll(NOTE_LAYER_HOST)).toHaveLength(1);
    layer.dispose();
  });
});
