// The note editor channel (lib/protocol/note-editor-port.ts) and the background's relay between the page's
// content script and the editor frame (lib/background/note-editor-relay.ts): the draft goes once, only to
// Lede's note editor page in the same tab, in whichever order the two ends connect.
import { describe, expect, it, vi } from 'vitest';
import { newAnnotation } from '@/lib/notes/new-annotation';
import { editorPortName, parseDraft, parseEditorPortName, parseOutcome, tokenOfHash } from '@/lib/protocol/note-editor-port';
import { NoteEditorRelay, type RelayPort } from '@/lib/background/note-editor-relay';
import { noteId } from '../../testing/fixtures/annotation-fixtures';

const RUNTIME_ID = 'lede-test-id';
const TOKEN = '0b6f7a4e-3c2d-4e1f-9a8b-7c6d5e4f3a2b';
const PAGE_URL = 'https://news.example/story';
const EDITOR_URL = 'chrome-extension://dynamic-session-id/note-editor.html#' + TOKEN;
const TEXT = 'The minister said on Tuesday that talks would resume in Geneva next week.';
const DRAFT = {
  type: 'draft' as const,
  quote: 'talks',
  annotation: newAnnotation({
    id: noteId(1), text: TEXT, start: 34, end: 39, source: PAGE_URL, color: 'yellow', body: '', tags: [],
    page: { title: 'Talks', site: 'news.example' }, now: new Date(Date.UTC(2026, 0, 1)),
  }),
};

class FakePort implements RelayPort {
  posted: unknown[] = [];
  disconnected = false;
  private messageListeners: Array<(message: unknown) => void> = [];
  private disconnectListeners: Array<() => void> = [];
  constructor(
    readonly name: string,
    readonly sender: RelayPort['sender'],
  ) {}
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  disconnect(): void {
    this.disconnected = true;
  }
  onMessage = { addListener: (listener: (message: unknown) => void) => void this.messageListeners.push(listener) };
  onDisconnect = { addListener: (listener: () => void) => void this.disconnectListeners.push(listener) };
  /** A message from this port's own end. */
  send(message: unknown): void {
    for (const listener of this.messageListeners) listener(message);
  }
  /** This port's own end went away. */
  close(): void {
    for (const listener of this.disconnectListeners) listener();
  }
}

const pagePort = (token = TOKEN, sender: RelayPort['sender'] = { id: RUNTIME_ID, url: PAGE_URL, tab: { id: 7 } }) => new FakePort(editorPortName('page', token), sender);
const framePort = (token = TOKEN, sender: RelayPort['sender'] = { id: RUNTIME_ID, url: EDITOR_URL, tab: { id: 7 } }) => new FakePort(editorPortName('frame', token), sender);

function relay(): NoteEditorRelay {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  return new NoteEditorRelay({ runtimeId: RUNTIME_ID, editorPath: '/note-editor.html' });
}

describe('the editor channel’s names and messages', () => {
  it('names ports by side and token, and reads them back', () => {
    expect(parseEditorPortName(editorPortName('frame', TOKEN))).toEqual({ side: 'frame', token: TOKEN });
    expect(parseEditorPortName(`lede-note-editor:page:${TOKEN}`)).toEqual({ side: 'page', token: TOKEN });
    for (const name of ['lede-note-editor:other:' + TOKEN, 'lede-note-editor:page:guess', 'something-else', `lede-note-editor:page:${TOKEN}:x`]) {
      expect(parseEditorPortName(name), name).toBeNull();
    }
    expect(tokenOfHash(`#${TOKEN}`)).toBe(TOKEN);
    expect(tokenOfHash('#<script>')).toBeNull();
  });

  it('accepts only well-formed drafts and outcomes', () => {
    expect(parseDraft(DRAFT)).toEqual(DRAFT);
    expect(parseDraft({ ...DRAFT, annotation: { ...DRAFT.annotation, id: 'not-an-id' } })).toBeNull();
    expect(parseDraft({ type: 'draft', quote: 3 })).toBeNull();
    expect(parseOutcome({ type: 'saved', id: DRAFT.annotation.id })).toEqual({ type: 'saved', id: DRAFT.annotation.id });
    expect(parseOutcome({ type: 'cancelled', extra: 1 })).toEqual({ type: 'cancelled' });
    expect(parseOutcome({ type: 'saved', id: 'x' })).toBeNull();
    expect(parseOutcome('cancelled')).toBeNull();
  });
});

describe('NoteEditorRelay', () => {
  it('hands the draft to the frame once both ends are there, in either order, and passes the answer back', () => {
    for (const frameFirst of [false, true]) {
      const editors = relay();
      const page = pagePort();
      const frame = framePort();
      if (frameFirst) expect(editors.accept(frame)).toBe(true);
      expect(editors.accept(page)).toBe(true);
      page.send(DRAFT);
      if (!frameFirst) {
        expect(frame.posted).toEqual([]);
        editors.accept(frame);
      }
      expect(frame.posted).toEqual([DRAFT]);
      frame.send({ type: 'keepalive' });
      frame.send({ type: 'saved', id: DRAFT.annotation.id });
      frame.send({ type: 'bogus' });
      expect(page.posted).toEqual([{ type: 'saved', id: DRAFT.annotation.id }]);
    }
  });

  it('gives a second frame for the same token nothing', () => {
    const editors = relay();
    const page = pagePort();
    editors.accept(page);
    page.send(DRAFT);
    editors.accept(framePort());
    const second = framePort();
    editors.accept(second);
    expect(second.posted).toEqual([]);
    expect(second.disconnected).toBe(true);
  });

  it('refuses frames that are not Lede’s note editor in the same tab, and pages that are not content scripts', () => {
    const editors = relay();
    const page = pagePort();
    editors.accept(page);
    page.send(DRAFT);
    const strangers = [
      framePort(TOKEN, { id: 'another-extension', url: EDITOR_URL, tab: { id: 7 } }),
      framePort(TOKEN, { id: RUNTIME_ID, url: 'chrome-extension://dynamic-session-id/popup.html', tab: { id: 7 } }),
      framePort(TOKEN, { id: RUNTIME_ID, url: 'https://news.example/note-editor.html', tab: { id: 7 } }),
      framePort(TOKEN, { id: RUNTIME_ID, url: EDITOR_URL, tab: { id: 8 } }),
      framePort(TOKEN, { id: RUNTIME_ID, url: EDITOR_URL }),
    ];
    for (const stranger of strangers) {
      editors.accept(stranger);
      expect(stranger.posted).toEqual([]);
      expect(stranger.disconnected).toBe(true);
    }
    const fakePage = pagePort('1b6f7a4e-3c2d-4e1f-9a8b-7c6d5e4f3a2b', { id: RUNTIME_ID, url: 'chrome-extension://x/popup.html', tab: { id: 7 } });
    editors.accept(fakePage);
    expect(fakePage.disconnected).toBe(true);
    // The real frame still gets its draft.
    const frame = framePort();
    editors.accept(frame);
    expect(frame.posted).toEqual([DRAFT]);
  });

  it('ignores ports that are not the editor channel’s', () => {
    const other = new FakePort('something-else', { id: RUNTIME_ID, url: PAGE_URL, tab: { id: 7 } });
    expect(relay().accept(other)).toBe(false);
    expect(other.disconnected).toBe(false);
  });

  it('forgets an editor when its page closes it, and never holds more than a few', () => {
    const editors = relay();
    const page = pagePort();
    editors.accept(page);
    page.send(DRAFT);
    page.close();
    expect(editors.size).toBe(0);
    const late = framePort();
    editors.accept(late);
    expect(late.posted).toEqual([]);
    for (let i = 0; i < 100; i++) editors.accept(pagePort(crypto.randomUUID()));
    expect(editors.size).toBeLessThanOrEqual(32);
  });
});
