// Who may send what: receiveMessage works out the sender's kind of context (extension page or a
// web page's content script) from what the browser reports, and refuses messages from other
// extensions, from web pages, and types a content script must never send (delete, restore,
// settings, history housekeeping). Driven through the real background handlers over fake-indexeddb.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { createLedeDB, type LedeDB } from '@/lib/background/db';
import {
  ALLOWED_SENDERS,
  MessageError,
  parseMessage,
  receiveMessage,
  senderContextOf,
  senderProblem,
  type LedeIdentity,
  type LedeRequest,
  type MessageSenderInfo,
  type RequestType,
} from '@/lib/protocol/messages';
import { SENDER_PAGE_RULES } from '@/lib/background/sender-page';
import { PrefsStore } from '@/lib/settings/highlight-prefs';
import { createMemoryArea } from '@/lib/settings/storage-area';
import { makeAnnotation, noteId, SOURCE } from '../../testing/fixtures/annotation-fixtures';

const SELF: LedeIdentity = { runtimeId: 'lede-id', extensionOrigin: 'chrome-extension://lede-id/' };
const POPUP: MessageSenderInfo = { id: 'lede-id', url: 'chrome-extension://lede-id/popup.html' };
/** The library opens in a tab: it has a tab, but its URL is the extension's. */
const LIBRARY_TAB: MessageSenderInfo = { id: 'lede-id', url: 'chrome-extension://lede-id/library.html', tab: { id: 4 } };
const BACKGROUND: MessageSenderInfo = { id: 'lede-id', url: 'chrome-extension://lede-id/background.js' };
const CONTENT: MessageSenderInfo = { id: 'lede-id', url: 'https://news.example/story', tab: { id: 7 } };
const OTHER_EXTENSION: MessageSenderInfo = { id: 'evil-id', url: 'chrome-extension://evil-id/page.html' };
/** What a web page would look like if it could reach Lede at all (no externally_connectable). */
const WEB_PAGE: MessageSenderInfo = { url: 'https://evil.example/', tab: { id: 9 } };

describe('senderContextOf', () => {
  it('tells extension pages (popup, library tab, background) from content scripts', () => {
    expect(senderContextOf(POPUP, SELF)).toBe('extension-page');
    expect(senderContextOf(LIBRARY_TAB, SELF)).toBe('extension-page');
    expect(senderContextOf(BACKGROUND, SELF)).toBe('extension-page');
    expect(senderContextOf(CONTENT, SELF)).toBe('content-script');
  });

  it('knows Firefox extension pages by their moz-extension origin', () => {
    const firefox: LedeIdentity = { runtimeId: 'lede@lede.invalid', extensionOrigin: 'moz-extension://0a1b2c/' };
    expect(senderContextOf({ id: 'lede@lede.invalid', url: 'moz-extension://0a1b2c/popup.html' }, firefox)).toBe('extension-page');
    expect(senderContextOf({ id: 'lede@lede.invalid', url: 'https://news.example/', tab: {} }, firefox)).toBe('content-script');
  });

  it('refuses other extensions, web pages, and senders it cannot place', () => {
    expect(senderContextOf(OTHER_EXTENSION, SELF)).toBeNull();
    expect(senderContextOf(WEB_PAGE, SELF)).toBeNull();
    expect(senderContextOf(undefined, SELF)).toBeNull();
    expect(senderContextOf({ id: 'lede-id' }, SELF)).toBeNull();
    // Lede's id but a page URL and no tab: not a content script Lede knows of.
    expect(senderContextOf({ id: 'lede-id', url: 'https://news.example/' }, SELF)).toBeNull();
    // A web page whose URL merely contains the extension's origin is still a web page.
    expect(senderContextOf({ id: 'lede-id', url: 'https://evil.example/chrome-extension://lede-id/', tab: {} }, SELF)).toBe('content-script');
  });
});

describe('ALLOWED_SENDERS', () => {
  const contentOnlyDenied: RequestType[] = [
    'deleteAnnotation',
    'restoreAnnotation',
    'deleteAnnotations',
    'restoreAnnotations',
    'saveSettings',
    'clearHistory',
    'getHistoryCount',
    'historyChanged',
    'settingsChanged',
  ];
  const toContentScript: RequestType[] = ['getAnalysis', 'analyzeNow', 'setHighlightPrefs', 'revealSpan', 'getPageNotes', 'notesChanged', 'reattachAnnotation', 'startNote'];

  it('keeps destructive and housekeeping requests away from content scripts', () => {
    for (const type of contentOnlyDenied) expect(ALLOWED_SENDERS[type], type).toEqual(['extension-page']);
  });

  it('lets only extension pages and the background talk to the content script', () => {
    for (const type of toContentScript) expect(ALLOWED_SENDERS[type], type).toEqual(['extension-page']);
  });

  it('lets a content script change only a note’s target', () => {
    const retarget = parseMessage({ type: 'updateAnnotation', id: noteId(1), patch: { target: makeAnnotation().target } });
    const rewrite = parseMessage({ type: 'updateAnnotation', id: noteId(1), patch: { body: 'overwritten', tags: [] } });
    expect(senderProblem(retarget, 'content-script')).toBeNull();
    expect(senderProblem(rewrite, 'content-script')).toMatch(/only the target, not body, tags/);
    expect(senderProblem(rewrite, 'extension-page')).toBeNull();
  });
});

describe('receiveMessage over the background handlers', () => {
  let db: LedeDB;
  let count = 0;
  let deliver: (message: LedeRequest | Record<string, unknown>, sender: MessageSenderInfo | undefined) => Promise<unknown>;
  const note = makeAnnotation({ body: 'private thought about the talks', tags: ['secret-tag'] });

  beforeEach(async () => {
    count += 1;
    db = createLedeDB(`message-senders-${count}`);
    const handlers = createBackgroundHandlers({ db, prefs: new PrefsStore(createMemoryArea()), now: () => Date.parse('2026-05-01T00:00:00Z') });
    deliver = (message, sender) => receiveMessage(message, sender, SELF, handlers, SENDER_PAGE_RULES);
    await deliver({ type: 'saveAnnotation', annotation: note }, POPUP);
  });

  afterEach(async () => {
    await db.delete();
  });

  const stored = (): Promise<unknown> => db.annotations.toArray();

  it.each<[string, LedeRequest]>([
    ['deleteAnnotation', { type: 'deleteAnnotation', id: noteId(1) }],
    ['deleteAnnotations', { type: 'deleteAnnotations', ids: [noteId(1)] }],
    ['restoreAnnotations', { type: 'restoreAnnotations', annotations: [{ ...note, body: 'replaced' }] }],
    ['restoreAnnotation', { type: 'restoreAnnotation', annotation: { ...note, body: 'replaced' } }],
    ['clearHistory', { type: 'clearHistory' }],
    ['saveSettings', { type: 'saveSettings', settings: { history: false } }],
    ['getHistoryCount', { type: 'getHistoryCount' }],
    ['updateAnnotation of the body', { type: 'updateAnnotation', id: noteId(1), patch: { body: 'replaced' } }],
  ])('refuses %s from a content script and changes nothing', async (_name, message) => {
    const before = await stored();
    await expect(deliver(message, CONTENT)).rejects.toThrow(MessageError);
    await expect(deliver(message, CONTENT)).rejects.toThrow(/may (not come from a content-script|change only the target)/);
    expect(await stored()).toEqual(before);
  });

  it('refuses a content script that tries to overwrite a stored note by its id', async () => {
    const before = await stored();
    await expect(deliver({ type: 'saveAnnotation', annotation: { ...note, body: 'overwritten' } }, CONTENT)).rejects.toThrow(/already exists/);
    expect(await stored()).toEqual(before);
  });

  it('lets a content script create a new note, list a page and re-attach', async () => {
    const fresh = makeAnnotation({ id: noteId(2), body: 'new' });
    await expect(deliver({ type: 'saveAnnotation', annotation: fresh }, CONTENT)).resolves.toMatchObject({ annotation: { id: noteId(2), body: 'new' } });
    const listed = (await deliver({ type: 'listAnnotations', source: SOURCE }, CONTENT)) as { annotations: unknown[] };
    expect(listed.annotations).toHaveLength(2);
    const target = makeAnnotation({ start: 40 }).target;
    await expect(deliver({ type: 'updateAnnotation', id: noteId(2), patch: { target } }, CONTENT)).resolves.toMatchObject({ annotation: { target } });
  });

  it('lets extension pages delete, restore and replace', async () => {
    const { deleted } = (await deliver({ type: 'deleteAnnotation', id: noteId(1) }, LIBRARY_TAB)) as { deleted: typeof note };
    expect(await db.annotations.count()).toBe(0);
    await deliver({ type: 'restoreAnnotation', annotation: deleted }, POPUP);
    await deliver({ type: 'saveAnnotation', annotation: { ...deleted, body: 'edited' } }, POPUP);
    expect((await db.annotations.get(noteId(1)))?.body).toBe('edited');
  });

  it.each<[string, MessageSenderInfo | undefined]>([
    ['another extension', OTHER_EXTENSION],
    ['a web page', WEB_PAGE],
    ['an unknown sender', undefined],
  ])('refuses every message from %s before reading it', async (_name, sender) => {
    const before = await stored();
    for (const message of [
      { type: 'listAnnotations', source: SOURCE },
      { type: 'deleteAnnotation', id: noteId(1) },
      { type: 'saveAnnotation', annotation: makeAnnotation({ id: noteId(3) }) },
      { type: 'not-a-type' },
    ]) {
      await expect(deliver(message, sender)).rejects.toThrow(/outside the extension/);
    }
    expect(await stored()).toEqual(before);
  });

  it('gives the reading history to Lede’s pages only, never to a content script', async () => {
    const KERRY = { type: 'person', name: 'John Kerry', mentions: 2 } as const;
    await db.articles.bulkPut([
      { url: 'https://news.example/a', title: 'Read earlier', site: 'news.example', seenAt: 1, entities: [KERRY], quotes: [], entityNames: ['John Kerry'] },
      { url: 'https://news.example/b', title: 'Read later', site: 'news.example', seenAt: 2, entities: [KERRY], quotes: [], entityNames: ['John Kerry'] },
    ]);
    const ask = { type: 'getEntityHistory', names: ['John Kerry'], excludeUrl: 'https://news.example/now' } as const;
    await expect(deliver(ask, CONTENT)).rejects.toThrow(/getEntityHistory may not come from a content-script/);
    const full = (await deliver(ask, POPUP)) as { histories: { total: number; articles: { title: string }[] }[] };
    expect(full.histories[0]!.total).toBe(2);
    expect(full.histories[0]!.articles.map((a) => a.title)).toEqual(['Read later', 'Read earlier']);
  });

  it('refuses requests meant for the content script when a content script sends them', async () => {
    await expect(deliver({ type: 'getPageNotes' }, CONTENT)).rejects.toThrow(/getPageNotes may not come from a content-script/);
  });

  it('still validates the message after the sender passed', async () => {
    await expect(deliver({ type: 'deleteAnnotation', id: 'x' }, POPUP)).rejects.toThrow(/deleteAnnotation\.id/);
  });
});
