// The notes controller's pure parts: reading order, orphans, anchoring a page's notes, new notes.
import { describe, expect, it } from 'vitest';
import type { AnchorStatus, Annotation } from '@/lib/notes/annotation';
import { parseAnnotation } from '@/lib/notes/validation';
import { newAnnotation } from '@/lib/notes/new-annotation';
import { anchoredSpans, anchorPageNotes, notesInReadingOrder, type PageNote } from '@/lib/notes/page-notes';
import { makeAnnotation, noteId, SOURCE } from '../../testing/fixtures/annotation-fixtures';

const anchored = (start: number, end: number): AnchorStatus => ({ status: 'anchored', start, end, method: 'position', score: 1 });
const orphan: AnchorStatus = { status: 'orphan', reason: 'passage gone' };

const TEXT =
  'The minister said on Tuesday that talks would resume in Geneva next week.\n\n' +
  'Critics of the plan said the timetable was unrealistic and poorly explained.\n\n' +
  'The agenda, officials said, was now agreed by every delegation.';

function noteOn(n: number, exact: string, extra: Partial<Annotation> = {}): Annotation {
  const built = newAnnotation({
    id: noteId(n),
    text: TEXT,
    start: TEXT.indexOf(exact),
    end: TEXT.indexOf(exact) + exact.length,
    source: SOURCE,
    color: 'green',
    body: `note ${n}`,
    tags: [],
    page: { title: 'Talks', site: 'news.example' },
    now: new Date(Date.UTC(2026, 0, n)),
  });
  return { ...built, ...extra };
}

describe('notesInReadingOrder', () => {
  it('puts anchored notes by where they landed, then orphans by their stored position', () => {
    const notes: PageNote[] = [
      { annotation: makeAnnotation({ id: noteId(1), start: 500 }), anchor: orphan },
      { annotation: makeAnnotation({ id: noteId(2) }), anchor: anchored(40, 50) },
      { annotation: makeAnnotation({ id: noteId(3), start: 5 }), anchor: orphan },
      { annotation: makeAnnotation({ id: noteId(4) }), anchor: anchored(10, 30) },
      { annotation: makeAnnotation({ id: noteId(5) }), anchor: anchored(10, 20) },
    ];
    expect(notesInReadingOrder(notes).map((n) => n.annotation.id)).toEqual([noteId(5), noteId(4), noteId(2), noteId(3), noteId(1)]);
    // A copy: the input keeps its order.
    expect(notes[0]!.annotation.id).toBe(noteId(1));
  });

  it('breaks ties on the same span by creation time', () => {
    const later = makeAnnotation({ id: noteId(1), created: '2026-02-01T00:00:00.000Z' });
    const earlier = makeAnnotation({ id: noteId(2), created: '2026-01-01T00:00:00.000Z' });
    const ordered = notesInReadingOrder([
      { annotation: later, anchor: anchored(3, 9) },
      { annotation: earlier, anchor: anchored(3, 9) },
    ]);
    expect(ordered.map((n) => n.annotation.id)).toEqual([noteId(2), noteId(1)]);
  });
});

describe('anchoredSpans', () => {
  it('paints only anchored notes, never orphans', () => {
    const a = makeAnnotation({ id: noteId(1) });
    const b = makeAnnotation({ id: noteId(2) });
    expect(anchoredSpans([{ annotation: a, anchor: orphan }, { annotation: b, anchor: anchored(4, 8) }])).toEqual([
      { annotation: b, start: 4, end: 8 },
    ]);
  });
});

describe('anchorPageNotes', () => {
  it('finds notes in the text they were made on, in reading order', () => {
    const late = noteOn(1, 'every delegation');
    const early = noteOn(2, 'talks would resume');
    const notes = anchorPageNotes(TEXT, [late, early]);
    expect(notes.map((n) => n.annotation.id)).toEqual([noteId(2), noteId(1)]);
    for (const note of notes) {
      expect(note.anchor.status).toBe('anchored');
      if (note.anchor.status === 'anchored') {
        expect(TEXT.slice(note.anchor.start, note.anchor.end)).toBe(note.annotation.target.selector.find((s) => s.type === 'TextQuoteSelector')!.exact);
      }
    }
  });

  it('follows a passage when text is inserted before it, and orphans one that was deleted', () => {
    const kept = noteOn(1, 'poorly explained');
    const deleted = noteOn(2, 'was now agreed by every delegation');
    const edited = `Update: this story has been revised.\n\n${TEXT.replace('The agenda, officials said, was now agreed by every delegation.', 'No agenda yet.')}`;
    const [first, second] = anchorPageNotes(edited, [deleted, kept]);
    expect(first!.annotation.id).toBe(noteId(1));
    expect(first!.anchor.status).toBe('anchored');
    if (first!.anchor.status === 'anchored') expect(edited.slice(first!.anchor.start, first!.anchor.end)).toBe('poorly explained');
    expect(second!.annotation.id).toBe(noteId(2));
    expect(second!.anchor.status).toBe('orphan');
  });

  it('makes every note an orphan when the page has no article text', () => {
    const notes = anchorPageNotes(null, [noteOn(1, 'Geneva'), noteOn(2, 'Critics')]);
    expect(notes.every((n) => n.anchor.status === 'orphan')).toBe(true);
    expect(anchorPageNotes('', [noteOn(1, 'Geneva')])[0]!.anchor.status).toBe('orphan');
  });
});

describe('newAnnotation', () => {
  it('builds a valid stored annotation with quote and position selectors', () => {
    const note = noteOn(3, 'Geneva');
    expect(parseAnnotation(note)).toEqual(note);
    expect(note.motivation).toBe('commenting');
    expect(note.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: 'Geneva', prefix: TEXT.slice(TEXT.indexOf('Geneva') - 32, TEXT.indexOf('Geneva')), suffix: ' next week.\n\nCritics of the plan' },
      { type: 'TextPositionSelector', start: TEXT.indexOf('Geneva'), end: TEXT.indexOf('Geneva') + 6 },
    ]);
    expect(note.created).toBe('2026-01-03T00:00:00.000Z');
    expect(note.modified).toBe(note.created);
  });

  it('is a bare highlight when the body is blank', () => {
    const bare = newAnnotation({
      id: noteId(9), text: TEXT, start: 0, end: 3, source: SOURCE, color: 'pink', body: '   ', tags: ['x'],
      page: { title: '', site: 'news.example' }, now: new Date(0),
    });
    expect(bare.motivation).toBe('highlighting');
    expect(bare.body).toBe('');
    expect(parseAnnotation(bare)).toEqual(bare);
  });
});
