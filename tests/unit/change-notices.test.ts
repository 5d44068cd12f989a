// After every write the background tells whoever shows what changed: each frame that listed a
// changed page's notes hears notesChanged with that page only (never another page's address), and
// the extension pages hear what changed. Driven through receiveMessage and the real background
// handlers over fake-indexeddb, with the frames and pages recorded where the browser would deliver.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangeNotifier, MAX_NOTICE_SOURCES, type ChangeNotices } from '@/lib/background/change-notifier';
import { createLedeDB, type LedeDB } from '@/lib/background/db';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { MAX_WATCHED_FRAMES, NoteWatchers, type WatchedFrame } from '@/lib/background/note-watchers';
import { SENDER_PAGE_RULES } from '@/lib/background/sender-page';
import type { Annotation } from '@/lib/notes/annotation';
import { pageListener } from '@/lib/protocol/page-listener';
import { parseMessage, receiveMessage, type ChangeRequest, type LedeIdentity, type LedeRequest, type MessageSenderInfo } from '@/lib/protocol/messages';
import { PrefsStore } from '@/lib/settings/highlight-prefs';
import { createMemoryArea, type KeyValueArea } from '@/lib/settings/storage-area';
import { UserSettingsStore } from '@/lib/settings/user-settings';
import { makeAnnotation, noteId } from '../../testing/fixtures/annotation-fixtures';

const SELF: LedeIdentity = { runtimeId: 'lede-id', extensionOrigin: 'chrome-extension://lede-id/' };
const LIBRARY: MessageSenderInfo = { id: 'lede-id', url: 'chrome-extension://lede-id/library.html' };
const PAGE_A = 'https://news.example/a';
const PAGE_B = 'https://news.example/b';
/** Lede's content script in a frame, as the browser reports it. */
const frameOn = (url: string, tabId: number, frameId = 0, documentId?: string): MessageSenderInfo & { frameId: number } => ({
  id: 'lede-id',
  url,
  tab: { id: tabId },
  frameId,
  ...(documentId ? { documentId } : {}),
});

const noteOn = (source: string, n: number): Annotation => makeAnnotation({ id: noteId(n), body: `note ${n}`, target: { ...makeAnnotation().target, source } });

let db: LedeDB;
let count = 0;
let area: KeyValueArea;
let toFrames: { frame: WatchedFrame; message: LedeRequest }[];
let toPages: ChangeRequest[];
let notifier: ChangeNotifier;
/** The notices the handlers started and the test has not waited for yet. */
let sending: Promise<void>[] = [];
let deliver: (message: LedeRequest, sender: MessageSenderInfo) => Promise<unknown>;

function wire(watchers: NoteWatchers): void {
  const real = new ChangeNotifier({
    watchers,
    toFrame: async (frame, message) => {
      // What reaches the content script is what parseMessage accepts.
      toFrames.push({ frame, message: parseMessage(message) });
      return { ok: true };
    },
    toPages: async (message) => void toPages.push(message),
  });
  notifier = real;
  // The real notifier; each notice it starts is kept, so a test can wait for it to be delivered.
  const track = (notice: Promise<void>): Promise<void> => {
    sending.push(notice);
    return notice;
  };
  const notices: ChangeNotices = {
    notesChanged: (sources) => track(real.notesChanged(sources)),
    historyChanged: () => track(real.historyChanged()),
    settingsChanged: () => track(real.settingsChanged()),
  };
  const handlers = createBackgroundHandlers({
    db,
    prefs: new PrefsStore(createMemoryArea()),
    settings: new UserSettingsStore(createMemoryArea()),
    now: () => Date.parse('2026-05-01T00:00:00Z'),
    watchers,
    notices,
  });
  deliver = (message, sender) => receiveMessage(message, sender, SELF, handlers, SENDER_PAGE_RULES);
}

/**
 * The notices are sent after the write's answer: wait until every one the handlers started has
 * reached every frame and page it goes to (ChangeNotifier resolves then).
 */
async function told(): Promise<void> {
  while (sending.length > 0) {
    const now = sending;
    sending = [];
    await Promise.allSettled(now);
  }
}

beforeEach(async () => {
  db = createLedeDB(`change-notices-${++count}`);
  area = createMemoryArea();
  toFrames = [];
  toPages = [];
  wire(new NoteWatchers(area));
  await deliver({ type: 'saveAnnotation', annotation: noteOn(PAGE_A, 1) }, LIBRARY);
  await deliver({ type: 'saveAnnotation', annotation: noteOn(PAGE_B, 2) }, LIBRARY);
  // Two tabs on page A, one on page B, each listing its page's notes as the content script does.
  await deliver({ type: 'listAnnotations', source: PAGE_A }, frameOn(PAGE_A, 1));
  await deliver({ type: 'listAnnotations', source: PAGE_A }, frameOn(PAGE_A, 2, 0, 'doc-2'));
  await deliver({ type: 'listAnnotations', source: PAGE_B }, frameOn(PAGE_B, 3));
  await told();
  toFrames = [];
  toPages = [];
});

afterEach(async () => {
  await db.delete();
});

const framesTold = (): { tabId: number; message: LedeRequest }[] => toFrames.map(({ frame, message }) => ({ tabId: frame.tabId, message }));

describe('after a write, the background tells who shows it', () => {
  it('a delete from the library: both tabs on that page, with that page only, then the extension pages', async () => {
    await deliver({ type: 'deleteAnnotation', id: noteId(1) }, LIBRARY);
    await told();
    expect(framesTold()).toEqual([
      { tabId: 1, message: { type: 'notesChanged', sources: [PAGE_A] } },
      { tabId: 2, message: { type: 'notesChanged', sources: [PAGE_A] } },
    ]);
    expect(toFrames[1]!.frame.documentId).toBe('doc-2');
    expect(toPages).toEqual([{ type: 'notesChanged', sources: [PAGE_A] }]);
  });

  it('restore, update, save, and the library’s bulk delete and restore', async () => {
    const { deleted } = (await deliver({ type: 'deleteAnnotations', ids: [noteId(1), noteId(2)] }, LIBRARY)) as { deleted: Annotation[] };
    await told();
    expect(framesTold().map((f) => f.tabId).sort()).toEqual([1, 2, 3]);
    expect(toFrames.find((f) => f.frame.tabId === 3)!.message).toEqual({ type: 'notesChanged', sources: [PAGE_B] });
    expect(toPages).toEqual([{ type: 'notesChanged', sources: [PAGE_A, PAGE_B] }]);

    for (const write of [
      { type: 'restoreAnnotations', annotations: deleted },
      { type: 'updateAnnotation', id: noteId(2), patch: { body: 'edited in the popup' } },
      { type: 'deleteAnnotation', id: noteId(2) },
      { type: 'restoreAnnotation', annotation: deleted[1]! },
      { type: 'saveAnnotation', annotation: noteOn(PAGE_B, 3) },
    ] as LedeRequest[]) {
      toFrames = [];
      toPages = [];
      await deliver(write, LIBRARY);
      await told();
      expect(toFrames.length, write.type).toBeGreaterThan(0);
      expect(toPages.map((m) => m.type), write.type).toEqual(['notesChanged']);
    }
    expect(framesTold()).toEqual([{ tabId: 3, message: { type: 'notesChanged', sources: [PAGE_B] } }]);
  });

  it('a note made by a content script reaches the other tab on that page too', async () => {
    await deliver({ type: 'saveAnnotation', annotation: noteOn(PAGE_A, 5) }, frameOn(PAGE_A, 1));
    await told();
    expect(framesTold().map((f) => f.tabId)).toEqual([1, 2]);
  });

  it('a frame that moved to another page hears nothing more of the first', async () => {
    await deliver({ type: 'listAnnotations', source: PAGE_B }, frameOn(PAGE_B, 1));
    await deliver({ type: 'deleteAnnotation', id: noteId(1) }, LIBRARY);
    await told();
    expect(framesTold().map((f) => f.tabId)).toEqual([2]);
  });

  it('a closed tab is forgotten', async () => {
    const watchers = new NoteWatchers(area);
    await watchers.forgetTab(2);
    wire(watchers);
    await deliver({ type: 'deleteAnnotation', id: noteId(1) }, LIBRARY);
    await told();
    expect(framesTold().map((f) => f.tabId)).toEqual([1]);
  });

  it('a background woken after a rest still knows the frames (they are kept in the session area)', async () => {
    wire(new NoteWatchers(area));
    await deliver({ type: 'deleteAnnotation', id: noteId(2) }, LIBRARY);
    await told();
    expect(framesTold()).toEqual([{ tabId: 3, message: { type: 'notesChanged', sources: [PAGE_B] } }]);
  });

  it('a content script cannot be told of another page by listing it: the source must be its own', async () => {
    await expect(deliver({ type: 'listAnnotations', source: PAGE_B }, frameOn('https://attacker.example/x', 9))).rejects.toThrow(/not the sending page/);
    await deliver({ type: 'deleteAnnotation', id: noteId(2) }, LIBRARY);
    await told();
    expect(framesTold().map((f) => f.tabId)).toEqual([3]);
  });

  it('clearing the reading history and saving settings tell the extension pages, not the tabs', async () => {
    await deliver({ type: 'clearHistory' }, LIBRARY);
    await deliver({ type: 'saveSettings', settings: { history: false } }, LIBRARY);
    await told();
    expect(toPages).toEqual([{ type: 'historyChanged' }, { type: 'settingsChanged' }]);
    expect(toFrames).toEqual([]);
  });

  it('a failed write tells nobody', async () => {
    await expect(deliver({ type: 'deleteAnnotations', ids: [noteId(1), noteId(9)] }, LIBRARY)).rejects.toThrow(/No note with id/);
    await told();
    expect(toFrames).toEqual([]);
    expect(toPages).toEqual([]);
    expect(await db.annotations.count()).toBe(2);
  });
});

describe('the notices themselves', () => {
  it('names no page to the extension pages past MAX_NOTICE_SOURCES', async () => {
    const many = Array.from({ length: MAX_NOTICE_SOURCES + 1 }, (_, i) => `https://news.example/${i}`);
    await notifier.notesChanged(many);
    expect(toPages).toEqual([{ type: 'notesChanged' }]);
  });

  it('keeps at most MAX_WATCHED_FRAMES frames, dropping the longest unheard', async () => {
    const watchers = new NoteWatchers();
    for (let tabId = 0; tabId <= MAX_WATCHED_FRAMES; tabId += 1) await watchers.watch({ tabId, frameId: 0 }, PAGE_A);
    const frames = await watchers.framesShowing([PAGE_A]);
    expect(frames).toHaveLength(MAX_WATCHED_FRAMES);
    expect(frames.some((f) => f.tabId === 0)).toBe(false);
  });

  it('an extension page answers only the notices it handles, so other requests reach the background', async () => {
    const heard: ChangeRequest[] = [];
    const listener = pageListener(SELF, {
      notesChanged: async (request) => {
        heard.push(request);
        return { ok: true };
      },
    });
    const BACKGROUND: MessageSenderInfo = { id: 'lede-id', url: 'chrome-extension://lede-id/background.js' };
    expect(listener({ type: 'deleteAnnotations', ids: [noteId(1)] }, LIBRARY)).toBeUndefined();
    expect(listener({ type: 'historyChanged' }, BACKGROUND)).toBeUndefined();
    expect(listener('notesChanged', BACKGROUND)).toBeUndefined();
    await expect(listener({ type: 'notesChanged', sources: [PAGE_A] }, BACKGROUND)).resolves.toEqual({ ok: true });
    await expect(listener({ type: 'notesChanged' }, { id: 'other-extension', url: 'chrome-extension://other/' })).rejects.toThrow(/outside the extension/);
    await expect(listener({ type: 'notesChanged', sources: ['javascript:alert(1)'] }, BACKGROUND)).rejects.toThrow();
    expect(heard).toEqual([{ type: 'notesChanged', sources: [PAGE_A] }]);
  });
});
