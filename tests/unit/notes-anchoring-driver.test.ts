// @vitest-environment happy-dom
// The anchoring driver (lib/page/notes/anchoring-driver.ts) with a background played by a send
// function that records messages, and a surface that records what is drawn: which notes are painted,
// which are reported as orphans, and that a slow old load never overwrites a newer one.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '@/lib/notes/annotation';
import { extractArticle } from '@/lib/extract';
import type { LedeRequest } from '@/lib/protocol/messages';
import { newAnnotation } from '@/lib/notes/new-annotation';
import { AnchoringDriver } from '@/lib/page/notes/anchoring-driver';
import type { LayerNote, NoteSurface } from '@/lib/page/notes/note-layer';
import { NotePainter } from '@/lib/page/notes/note-painter';
import { NotesClient } from '@/lib/page/notes/notes-client';
import { noteId } from '../../testing/fixtures/annotation-fixtures';

const SOURCE = 'https://news.example/story';

function loadArticle() {
  document.body.innerHTML = `<article><h1>Talks to resume</h1>
    <p>The minister said on Tuesday that talks would resume in Geneva next week, after a pause of several months.</p>
    <p>Critics of the plan said the timetable was unrealistic and poorly explained to everyone involved.</p></article>`;
  return extractArticle(document, { force: true })!;
}

function noteOn(text: string, n: number, exact: string): Annotation {
  const start = text.indexOf(exact);
  return newAnnotation({
    id: noteId(n), text, start, end: start + exact.length, source: SOURCE, color: 'blue', body: '', tags: [],
    page: { title: 'Talks', site: 'news.example' }, now: new Date(Date.UTC(2026, 0, n)),
  });
}

let drawn: string[][];
let sent: LedeRequest[];

function driver(answer: (message: LedeRequest) => Promise<unknown>): AnchoringDriver {
  const surface: NoteSurface = {
    draw: (notes: readonly LayerNote[]) => void drawn.push(notes.map((note) => note.range.toString())),
    clear: () => void drawn.push([]),
    dispose: () => undefined,
  };
  const send = (message: LedeRequest): Promise<unknown> => {
    sent.push(message);
    return answer(message);
  };
  return new AnchoringDriver({ client: new NotesClient(send), painter: new NotePainter(surface), doc: document, isInvalid: () => false, claimId: 'first' });
}

const claim = (href: string) => ({ href, canonical: null, id: href });

beforeEach(() => {
  drawn = [];
  sent = [];
});

describe('AnchoringDriver', () => {
  it('paints the notes that anchor and reports the ones that no longer fit as orphans', async () => {
    const article = loadArticle();
    const kept = noteOn(article.text, 1, 'poorly explained');
    const gone = { ...kept, id: noteId(2), target: { source: SOURCE, selector: noteOn('Words that were cut from the story long ago.', 2, 'cut from the story').target.selector } };
    const notes = driver(async (message) => (message.type === 'getPageKey' ? { source: SOURCE } : { annotations: [kept, gone] }));
    await notes.load(claim(`${SOURCE}?utm_source=feed`));
    expect(sent.map((m) => m.type)).toEqual(['getPageKey', 'listAnnotations']);
    notes.setArticle(article);
    notes.reanchor();
    expect(drawn.at(-1)).toEqual(['poorly explained']);
    const listed = notes.pageNotes();
    expect(listed.source).toBe(SOURCE);
    expect(listed.notes.map((n) => [n.annotation.id, n.anchor.status])).toEqual([
      [noteId(1), 'anchored'],
      [noteId(2), 'orphan'],
    ]);
  });

  it('takes the newest load when an older answer arrives late', async () => {
    const article = loadArticle();
    const older = noteOn(article.text, 3, 'talks would resume');
    const newer = noteOn(article.text, 4, 'Geneva');
    let releaseOld: () => void = () => undefined;
    const notes = driver((message) => {
      if (message.type === 'getPageKey') return Promise.resolve({ source: message.url });
      if (message.type !== 'listAnnotations') return Promise.reject(new Error(message.type));
      if (message.source.endsWith('/old')) return new Promise((resolve) => (releaseOld = () => resolve({ annotations: [older] })));
      return Promise.resolve({ annotations: [newer] });
    });
    const slow = notes.load(claim('https://news.example/old'));
    await notes.load(claim('https://news.example/new'));
    releaseOld();
    await slow;
    expect(notes.source).toBe('https://news.example/new');
    expect(notes.claimId).toBe('https://news.example/new');
    notes.setArticle(article);
    notes.reanchor();
    expect(drawn.at(-1)).toEqual(['Geneva']);
  });

  it('paints a note put in at once, and clears the paint when the article is gone', async () => {
    const article = loadArticle();
    const notes = driver(async () => ({ source: SOURCE, annotations: [] }));
    notes.setArticle(article);
    notes.put(noteOn(article.text, 5, 'the timetable'));
    expect(drawn.at(-1)).toEqual(['the timetable']);
    expect(notes.find(noteId(5))?.color).toBe('blue');
    notes.setArticle(null);
    notes.reanchor();
    expect(drawn.at(-1)).toEqual([]);
    expect(notes.pageNotes().notes.map((n) => n.anchor.status)).toEqual(['orphan']);
  });
});
