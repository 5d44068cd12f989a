// @vitest-environment happy-dom
// Painting the reader's notes (entrypoints/content/note-painter.ts) with a stand-in highlight API.
import { describe, expect, it } from 'vitest';
import { NotePainter, noteHighlightName } from '@/entrypoints/content/note-painter';
import { extractArticle } from '@/lib/extract';
import type { HighlightApi } from '@/lib/paint';
import { makeAnnotation, noteId } from './annotation-fixtures';

function fakeApi(): { api: HighlightApi; registry: Map<string, { ranges: Range[]; priority: number }> } {
  const registry = new Map<string, { ranges: Range[]; priority: number }>();
  const api: HighlightApi = {
    registry: {
      set: (name: string, highlight: never) => registry.set(name, highlight as { ranges: Range[]; priority: number }),
      delete: (name: string) => registry.delete(name),
    },
    create: (ranges) => ({ ranges, priority: 0 }),
  };
  return { api, registry };
}

function article() {
  document.documentElement.innerHTML = `<head><meta property="og:type" content="article"></head><body><article>
    <h1>Talks to resume</h1><p>The minister said on Tuesday that talks would resume in Geneva next week, after a long pause.</p>
    <p>Critics of the plan said the timetable was unrealistic and poorly explained to everyone involved.</p></article></body>`;
  return extractArticle(document)!;
}

describe('NotePainter', () => {
  it('paints each note in its colour, beneath the entity highlights', () => {
    const { text, segments } = article();
    const { api, registry } = fakeApi();
    const painter = new NotePainter(api);
    const yellow = makeAnnotation({ id: noteId(1), color: 'yellow' });
    const blue = makeAnnotation({ id: noteId(2), color: 'blue' });
    const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });
    const painted = painter.paint(document, segments, [
      { annotation: yellow, ...at('Geneva') },
      { annotation: blue, ...at('poorly explained') },
      { annotation: yellow, ...at('Critics') },
    ]);
    expect(painted).toHaveLength(3);
    expect([...registry.keys()].sort()).toEqual([noteHighlightName('blue'), noteHighlightName('yellow')]);
    expect(registry.get('lede-note-yellow')!.ranges.map(String)).toEqual(['Geneva', 'Critics']);
    expect(registry.get('lede-note-blue')!.ranges.map(String)).toEqual(['poorly explained']);
    expect(registry.get('lede-note-yellow')!.priority).toBeLessThan(0);
  });

  it('removes colours no longer used, and clears everything', () => {
    const { text, segments } = article();
    const { api, registry } = fakeApi();
    const painter = new NotePainter(api);
    const start = text.indexOf('Geneva');
    painter.paint(document, segments, [{ annotation: makeAnnotation({ color: 'pink' }), start, end: start + 6 }]);
    expect(registry.has('lede-note-pink')).toBe(true);
    painter.paint(document, segments, [{ annotation: makeAnnotation({ color: 'green' }), start, end: start + 6 }]);
    expect([...registry.keys()]).toEqual(['lede-note-green']);
    painter.clear();
    expect(registry.size).toBe(0);
    expect(painter.notes).toEqual([]);
  });

  it('paints nothing and throws nothing without the highlight API', () => {
    const { text, segments } = article();
    const painter = new NotePainter(null);
    const start = text.indexOf('Geneva');
    expect(painter.paint(document, segments, [{ annotation: makeAnnotation(), start, end: start + 6 }])).toHaveLength(1);
    expect(() => painter.clear()).not.toThrow();
  });
});
