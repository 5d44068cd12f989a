// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://news.example/story?utm_source=feed" }
// The notes controller (lib/page/notes/notes-controller.ts) on a small article, with the
// background played by a stand-in: loading and anchoring, reading order with orphans, reloading
// on notesChanged, startNote and reattach on the page's selection, and the note editor frame's
// channel (the draft sent once, the frame's answer closing it).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { NotesHost } from '@/entrypoints/content/notes-ui';
import { NotesController } from '@/lib/page/notes/notes-controller';
import type { Annotation } from '@/lib/notes/annotation';
import { extractArticle, rangeFor } from '@/lib/extract';
import type { LedeRequest } from '@/lib/protocol/messages';
import { newAnnotation } from '@/lib/notes/new-annotation';
import { normalizeSourceUrl } from '@/lib/notes/source-url';
import { noteId } from '../../testing/fixtures/annotation-fixtures';
import { settle } from '../../testing/preact';
import { RecordingPort } from '../../testing/fakes/recording-port';

const PAGE_URL = 'https://news.example/story?utm_source=feed';
const SOURCE = 'https://news.example/story';

function loadArticle() {
  document.documentElement.innerHTML = `<head><meta property="og:type" content="article"></head><body><article>
    <h1>Talks to resume</h1>
    <p>The minister said on Tuesday that talks would resume in Geneva next week, after a pause of several months.</p>
    <p>Critics of the plan said the timetable was unrealistic and poorly explained to everyone involved.</p>
    </article></body>`;
  return extractArticle(document)!;
}

let ctx: ContentScriptContext;
let sent: LedeRequest[];
let stored: Annotation[];

function background(message: LedeRequest): Promise<unknown> {
  sent.push(message);
  switch (message.type) {
    case 'getPageKey':
      // What the background answers (lib/background/handlers.ts); its url is the sender's there.
      return Promise.resolve({ source: normalizeSourceUrl(message.url, message.canonical) });
    case 'listAnnotations':
      return Promise.resolve({ annotations: stored.filter((a) => a.target.source === message.source) });
    case 'saveAnnotation':
      stored = [...stored.filter((a) => a.id !== message.annotation.id), message.annotation];
      return Promise.resolve({ annotation: message.annotation });
    case 'updateAnnotation': {
      const old = stored.find((a) => a.id === message.id)!;
      const updated = { ...old, ...message.patch };
      stored = [...stored.filter((a) => a.id !== message.id), updated];
      return Promise.resolve({ annotation: updated });
    }
    default:
      return Promise.reject(new Error(`unexpected ${message.type}`));
  }
}

function noteOn(text: string, n: number, exact: string, source = SOURCE): Annotation {
  const start = text.indexOf(exact);
  return newAnnotation({
    id: noteId(n), text, start, end: start + exact.length, source, color: 'yellow', body: `private note ${n}`, tags: [],
    page: { title: 'Talks', site: 'news.example' }, now: new Date(Date.UTC(2026, 0, n)),
  });
}

let editorTokens: string[];

let ports: RecordingPort[];

function controller(): NotesController {
  return new NotesController({
    lifetime: ctx, win: window, ui: new NotesHost(ctx), send: background, site: 'news.example', title: () => 'Talks to resume',
    watchUrl: (listener) => ctx.addEventListener(window, 'wxt:locationchange', (event) => listener(event.newUrl.href)),
    editorUrl: (token) => {
      editorTokens.push(token);
      return `about:blank#${token}`;
    },
    connect: (name) => {
      const port = new RecordingPort(name);
      ports.push(port);
      return port;
    },
  });
}

function select(text: string, segments: Parameters<typeof rangeFor>[1], words: string): void {
  const start = text.indexOf(words);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(rangeFor(document, segments, start, start + words.length));
}

beforeEach(() => {
  expect(location.href).toBe(PAGE_URL);
  ctx = new ContentScriptContext('notes-test');
  sent = [];
  stored = [];
  editorTokens = [];
  ports = [];
});

afterEach(() => {
  ctx?.abort();
});

describe('NotesController', () => {
  it('loads the notes for the normalised URL and reports them in reading order, orphans last', async () => {
    const article = loadArticle();
    const gone = { ...noteOn(article.text, 1, 'Geneva'), target: { source: SOURCE, selector: noteOn('An old text that said nothing of the sort. Entirely different words.', 1, 'nothing of the sort').target.selector } };
    stored = [noteOn(article.text, 2, 'poorly explained'), gone, noteOn(article.text, 3, 'talks would resume'), noteOn(article.text, 4, 'x', 'https://elsewhere.example/')];
    const notes = controller();
    notes.begin(article);
    const answer = await notes.handlers.getPageNotes({ type: 'getPageNotes' });
    // The key is the background's to decide: the script sends its address and canonical claim, then lists under the answer.
    expect(sent.slice(0, 2)).toEqual([
      { type: 'getPageKey', url: PAGE_URL, canonical: null },
      { type: 'listAnnotations', source: SOURCE },
    ]);
    expect(answer.source).toBe(SOURCE);
    expect(answer.notes.map((n) => [n.annotation.id, n.anchor.status])).toEqual([
      [noteId(3), 'anchored'],
      [noteId(2), 'anchored'],
      [noteId(1), 'orphan'],
    ]);
  });

  it('follows a canonical link that changes with the view, as the background judges it', async () => {
    const article = loadArticle();
    const moved = 'https://news.example/story-2';
    stored = [noteOn(article.text, 1, 'Geneva', moved)];
    const notes = controller();
    notes.begin(article);
    expect((await notes.handlers.getPageNotes({ type: 'getPageNotes' })).source).toBe(SOURCE);
    const lists = (): number => sent.filter((m) => m.type === 'listAnnotations').length;
    const listedBefore = lists();
    // Another site's canonical link: the background keeps the page's own key, so nothing reloads.
    const link = document.createElement('link');
    link.rel = 'canonical';
    link.href = 'https://elsewhere.example/story';
    document.body.append(link);
    await vi.waitFor(() => expect(sent.at(-1)).toEqual({ type: 'getPageKey', url: PAGE_URL, canonical: 'https://elsewhere.example/story' }), { timeout: 3000 });
    await settle();
    expect(lists()).toBe(listedBefore);
    expect((await notes.handlers.getPageNotes({ type: 'getPageNotes' })).source).toBe(SOURCE);
    // The same site's new canonical link (the view put a new one in): a new key, and that page's notes.
    const next = document.createElement('link');
    next.rel = 'canonical';
    next.href = `${moved}?utm_medium=social`;
    link.replaceWith(next);
    await vi.waitFor(async () => expect((await notes.handlers.getPageNotes({ type: 'getPageNotes' })).source).toBe(moved), { timeout: 3000 });
    expect(sent.filter((m) => m.type === 'listAnnotations').at(-1)).toEqual({ type: 'listAnnotations', source: moved });
    expect((await notes.handlers.getPageNotes({ type: 'getPageNotes' })).notes.map((n) => n.annotation.id)).toEqual([noteId(1)]);
    next.remove();
  });

  it('reloads from the background on notesChanged', async () => {
    const article = loadArticle();
    const notes = controller();
    notes.begin(article);
    expect((await notes.handlers.getPageNotes({ type: 'getPageNotes' })).notes).toEqual([]);
    stored = [noteOn(article.text, 5, 'Critics')];
    expect(await notes.handlers.notesChanged({ type: 'notesChanged' })).toEqual({ ok: true });
    const { notes: after } = await notes.handlers.getPageNotes({ type: 'getPageNotes' });
    expect(after.map((n) => n.annotation.id)).toEqual([noteId(5)]);
  });

  it('answers startNote and reattach with no selection without throwing', async () => {
    const article = loadArticle();
    stored = [noteOn(article.text, 6, 'Geneva')];
    const notes = controller();
    notes.begin(article);
    getSelection()?.removeAllRanges();
    expect(await notes.handlers.startNote({ type: 'startNote' })).toEqual({ ok: false });
    expect(await notes.handlers.reattachAnnotation({ type: 'reattachAnnotation', id: noteId(6) })).toEqual({ status: 'no-selection' });
    expect(sent.some((m) => m.type === 'updateAnnotation')).toBe(false);
  });

  it('re-attaches a note to the selected words, with fresh selectors', async () => {
    const article = loadArticle();
    stored = [noteOn(article.text, 7, 'Geneva')];
    const notes = controller();
    notes.begin(article);
    await notes.handlers.getPageNotes({ type: 'getPageNotes' });
    const start = article.text.indexOf('the timetable');
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(rangeFor(document, article.segments, start, start + 'the timetable'.length));
    const answer = await notes.handlers.reattachAnnotation({ type: 'reattachAnnotation', id: noteId(7) });
    expect(answer.status).toBe('reattached');
    const update = sent.find((m) => m.type === 'updateAnnotation');
    expect(update).toMatchObject({
      id: noteId(7),
      patch: { target: { source: SOURCE, selector: [{ exact: 'the timetable' }, { start, end: start + 13 }] } },
    });
    const { notes: after } = await notes.handlers.getPageNotes({ type: 'getPageNotes' });
    expect(after[0]!.anchor).toMatchObject({ status: 'anchored', start, end: start + 13 });
  });

  it('paints notes on a page Lede left alone, reading it anyway when it has notes', async () => {
    document.documentElement.innerHTML = '<body><div><p>A short page that is not an article, with a remembered phrase in it.</p></div></body>';
    const forced = extractArticle(document, { force: true })!;
    stored = [noteOn(forced.text, 8, 'remembered phrase')];
    const notes = controller();
    notes.begin(null);
    const { notes: found } = await notes.handlers.getPageNotes({ type: 'getPageNotes' });
    expect(found.map((n) => n.anchor.status)).toEqual(['anchored']);
  });

  it('keeps note text out of the page', async () => {
    const article = loadArticle();
    stored = [noteOn(article.text, 9, 'Geneva')];
    const notes = controller();
    notes.begin(article);
    await notes.handlers.getPageNotes({ type: 'getPageNotes' });
    expect(document.documentElement.outerHTML).not.toContain('private note');
    expect(localStorage.length + sessionStorage.length).toBe(0);
  });

  it('opens the editor frame with a one-time token and sends its draft down the channel named with it', async () => {
    const article = loadArticle();
    const notes = controller();
    notes.begin(article);
    await notes.handlers.getPageNotes({ type: 'getPageNotes' });
    select(article.text, article.segments, 'poorly explained');
    expect(await notes.handlers.startNote({ type: 'startNote' })).toEqual({ ok: true });
    const [token] = editorTokens;
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    expect(ports).toHaveLength(1);
    expect(ports[0]!.name).toBe(`lede-note-editor:page:${token}`);
    const [draft] = ports[0]!.posted as Array<{ type: string; quote: string; annotation: Annotation }>;
    expect(draft).toMatchObject({ type: 'draft', quote: 'poorly explained' });
    expect(draft!.annotation).toMatchObject({ body: '', tags: [], color: 'yellow', target: { source: SOURCE, selector: [{ exact: 'poorly explained' }, {}] } });
    // The content script itself saved nothing: the frame does.
    expect(sent.some((m) => m.type === 'saveAnnotation')).toBe(false);
  });

  it('closes the editor when the frame says the reader cancelled, keeping the selection', async () => {
    const article = loadArticle();
    const notes = controller();
    notes.begin(article);
    await notes.handlers.getPageNotes({ type: 'getPageNotes' });
    select(article.text, article.segments, 'Geneva');
    await notes.handlers.startNote({ type: 'startNote' });
    const port = ports[0]!;
    port.receive({ type: 'nonsense' });
    expect(port.disconnected).toBe(false);
    port.receive({ type: 'cancelled' });
    await settle();
    expect(port.disconnected).toBe(true);
    expect(getSelection()!.toString()).toBe('Geneva');
  });

  it('closes the editor, lets the selection go and paints the note once the frame saved it', async () => {
    const article = loadArticle();
    const notes = controller();
    notes.begin(article);
    await notes.handlers.getPageNotes({ type: 'getPageNotes' });
    select(article.text, article.segments, 'the timetable');
    await notes.handlers.startNote({ type: 'startNote' });
    const port = ports[0]!;
    const { annotation } = port.posted[0] as { annotation: Annotation };
    // What the frame does: save through the background, then say so.
    stored = [{ ...annotation, body: 'written in the frame', color: 'pink' }];
    port.receive({ type: 'saved', id: annotation.id });
    await settle();
    expect(port.disconnected).toBe(true);
    expect(getSelection()!.toString()).toBe('');
    const { notes: after } = await notes.handlers.getPageNotes({ type: 'getPageNotes' });
    expect(after.map((n) => [n.annotation.body, n.anchor.status])).toEqual([['written in the frame', 'anchored']]);
    // The next note starts in the colour the reader chose last.
    select(article.text, article.segments, 'Geneva');
    await notes.handlers.startNote({ type: 'startNote' });
    expect((ports[1]!.posted[0] as { annotation: Annotation }).annotation.color).toBe('pink');
  });
});
