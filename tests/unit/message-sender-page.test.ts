// A compromised page process can make Lede's content script send any message. The background
// takes the page from the sender (what the browser reports), never from the message: these are the
// attacks that worked when it trusted the message, driven through receiveMessage and the real
// background handlers over fake-indexeddb.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '@/lib/notes/annotation';
import { createAnnotation, AnnotationLimitError } from '@/lib/background/annotation-store';
import type { ArticleSummary } from '@/lib/cards/article-summary';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { createLedeDB, type LedeDB } from '@/lib/background/db';
import { AnalysisCache } from '@/lib/background/analysis-cache';
import { NO_CONTENT_SCRIPT_SENDERS, parseMessage, receiveMessage, senderOf, type Handlers, type LedeIdentity, type LedeRequest, type MessageSenderInfo } from '@/lib/protocol/messages';
import { ANALYSIS_BLOCK_SIZE, BLOCKWISE_MIN_LENGTH, createRuntimeHandlers } from '@/lib/background/page-handlers';
import { pageProblem, scopedToPage, SENDER_PAGE_RULES } from '@/lib/background/sender-page';
import { PrefsStore } from '@/lib/settings/highlight-prefs';
import { SiteSwitchStore } from '@/lib/settings/site-switches';
import { createMemoryArea } from '@/lib/settings/storage-area';
import { makeAnnotation, noteId } from '../../testing/fixtures/annotation-fixtures';

const SELF: LedeIdentity = { runtimeId: 'lede-id', extensionOrigin: 'chrome-extension://lede-id/' };
const POPUP: MessageSenderInfo = { id: 'lede-id', url: 'chrome-extension://lede-id/popup.html' };
const PAGE_A = 'https://attacker.example/page';
const PAGE_B = 'https://victim.example/story';
/** Lede's content script in the attacker's tab, as the browser reports it (Chrome MV3 and Firefox MV2 give the frame's URL). */
const ON_A: MessageSenderInfo = { id: 'lede-id', url: `${PAGE_A}#section`, tab: { id: 7, url: PAGE_A } };

const noteOn = (source: string, n: number, body: string): Annotation =>
  makeAnnotation({ id: noteId(n), body, target: { ...makeAnnotation().target, source } });

const article = (url: string): ArticleSummary => ({
  url,
  title: 'Planted',
  site: 'victim.example',
  entities: [{ type: 'person', name: 'Zed Planted', mentions: 1 }],
  quotes: [],
});

describe('senderOf', () => {
  it('gives a content script the page the browser reports, and extension pages none', () => {
    expect(senderOf(ON_A, SELF)).toEqual({ context: 'content-script', pageUrl: `${PAGE_A}#section` });
    expect(senderOf(POPUP, SELF)).toEqual({ context: 'extension-page' });
    expect(senderOf({ id: 'other', url: PAGE_A, tab: {} }, SELF)).toBeNull();
  });
});

describe('pageProblem and scopedToPage', () => {
  it('accepts a same-site canonical key and refuses a shared-host sibling’s', () => {
    const list = (source: string): LedeRequest => ({ type: 'listAnnotations', source });
    expect(pageProblem(list('https://example.com/story'), 'https://www.example.com/story?utm_source=x')).toBeNull();
    expect(pageProblem(list('https://victim.github.io/notes'), 'https://attacker.github.io/notes')).toMatch(/not the sending page/);
    expect(pageProblem(list('https://example2.co.uk/story'), 'https://evil.example.co.uk/story')).toMatch(/not the sending page/);
  });

  it('fills in the site, the cache key and the left-out article from the sender', () => {
    expect(scopedToPage({ type: 'getPageSetup', site: 'victim.example' }, 'https://www.attacker.example/x')).toEqual({ type: 'getPageSetup', site: 'attacker.example' });
    expect(scopedToPage({ type: 'analyzeText', url: PAGE_B, text: 't' }, PAGE_A)).toEqual({ type: 'analyzeText', url: PAGE_A, text: 't' });
    expect(scopedToPage({ type: 'getEntityHistory', names: ['X'], excludeUrl: PAGE_B }, PAGE_A)).toEqual({ type: 'getEntityHistory', names: ['X'], excludeUrl: PAGE_A });
  });
});

describe('a content script speaks only for its own page', () => {
  let db: LedeDB;
  let count = 0;
  let deliver: (message: LedeRequest | Record<string, unknown>, sender: MessageSenderInfo) => Promise<unknown>;
  const secret = noteOn(PAGE_B, 1, 'private thought on the victim page');
  const own = noteOn(PAGE_A, 2, 'a note on the attacker page');

  beforeEach(async () => {
    count += 1;
    db = createLedeDB(`message-sender-page-${count}`);
    const handlers = createBackgroundHandlers({ db, prefs: new PrefsStore(createMemoryArea()), now: () => Date.parse('2026-05-01T00:00:00Z') });
    deliver = (message, sender) => receiveMessage(message, sender, SELF, handlers, SENDER_PAGE_RULES);
    await deliver({ type: 'saveAnnotation', annotation: secret }, POPUP);
    await deliver({ type: 'saveAnnotation', annotation: own }, POPUP);
  });

  afterEach(async () => {
    await db.delete();
  });

  it('lists only the sending page’s notes: asking for another page is refused', async () => {
    await expect(deliver({ type: 'listAnnotations', source: PAGE_B }, ON_A)).rejects.toThrow(/listAnnotations.source is not the sending page/);
    const listed = (await deliver({ type: 'listAnnotations', source: PAGE_A }, ON_A)) as { annotations: Annotation[] };
    expect(listed.annotations.map((note) => note.id)).toEqual([noteId(2)]);
    // Lede's own pages still list any page.
    const popup = (await deliver({ type: 'listAnnotations', source: PAGE_B }, POPUP)) as { annotations: Annotation[] };
    expect(popup.annotations.map((note) => note.body)).toEqual([secret.body]);
  });

  it('refuses to move another page’s note onto the sending page, and changes nothing', async () => {
    const before = await db.annotations.toArray();
    const onto = { ...secret.target, source: PAGE_A };
    await expect(deliver({ type: 'updateAnnotation', id: noteId(1), patch: { target: onto } }, ON_A)).rejects.toThrow(`No note with id ${noteId(1)}`);
    await expect(deliver({ type: 'updateAnnotation', id: noteId(1), patch: { target: secret.target } }, ON_A)).rejects.toThrow(/target.source is not the sending page/);
    // A note of the sending page can't be sent elsewhere either.
    await expect(deliver({ type: 'updateAnnotation', id: noteId(2), patch: { target: secret.target } }, ON_A)).rejects.toThrow(/not the sending page/);
    await expect(deliver({ type: 'updateAnnotation', id: noteId(2), patch: {} }, ON_A)).rejects.toThrow(/must re-attach/);
    expect(await db.annotations.toArray()).toEqual(before);
    // Re-attaching within its own page still works.
    const moved = { ...own.target, selector: makeAnnotation({ start: 50 }).target.selector };
    await expect(deliver({ type: 'updateAnnotation', id: noteId(2), patch: { target: moved } }, ON_A)).resolves.toMatchObject({ annotation: { target: moved } });
  });

  it('creates notes only on the sending page', async () => {
    await expect(deliver({ type: 'saveAnnotation', annotation: noteOn(PAGE_B, 3, 'planted') }, ON_A)).rejects.toThrow(/target.source is not the sending page/);
    expect(await db.annotations.get(noteId(3))).toBeUndefined();
    // The site it is listed under is the sender's, whatever the note says.
    const mine = { ...noteOn(PAGE_A, 3, 'mine'), page: { title: 'Mine', site: 'bank.example' } };
    await expect(deliver({ type: 'saveAnnotation', annotation: mine }, ON_A)).resolves.toMatchObject({ annotation: { id: noteId(3), page: { site: 'attacker.example' } } });
  });

  it('honours a same-site canonical link and ignores a shared-host sibling’s', async () => {
    const www: MessageSenderInfo = { id: 'lede-id', url: 'https://www.example.com/story?utm_source=mail', tab: { id: 3 } };
    await deliver({ type: 'saveAnnotation', annotation: noteOn('https://example.com/story', 4, 'canonical note') }, POPUP);
    const listed = (await deliver({ type: 'listAnnotations', source: 'https://example.com/story' }, www)) as { annotations: Annotation[] };
    expect(listed.annotations.map((note) => note.id)).toEqual([noteId(4)]);

    const sibling: MessageSenderInfo = { id: 'lede-id', url: 'https://attacker.github.io/copy', tab: { id: 5 } };
    await deliver({ type: 'saveAnnotation', annotation: noteOn('https://victim.github.io/post', 5, 'victim note') }, POPUP);
    await expect(deliver({ type: 'listAnnotations', source: 'https://victim.github.io/post' }, sibling)).rejects.toThrow(/not the sending page/);
  });

  it('answers a content script the notes key of its own page: the canonical claim decided in the background', async () => {
    const key = (url: string, canonical: string | null, sender: MessageSenderInfo) => deliver({ type: 'getPageKey', url, canonical }, sender);
    const www: MessageSenderInfo = { id: 'lede-id', url: 'https://www.example.com/story?utm_source=mail#top', tab: { id: 3 } };
    // A same-site canonical link counts; the address the message names never does (the sender's does).
    await expect(key(PAGE_B, 'https://example.com/story', www)).resolves.toEqual({ source: 'https://example.com/story' });
    await expect(key(PAGE_B, null, www)).resolves.toEqual({ source: 'https://www.example.com/story' });
    // A shared-host sibling's or another site's canonical link is ignored: the key is the page's own.
    const sibling: MessageSenderInfo = { id: 'lede-id', url: 'https://attacker.github.io/copy', tab: { id: 5 } };
    await expect(key('https://victim.github.io/post', 'https://victim.github.io/post', sibling)).resolves.toEqual({ source: 'https://attacker.github.io/copy' });
    await expect(key(PAGE_B, PAGE_B, ON_A)).resolves.toEqual({ source: PAGE_A });
    // Only content scripts ask it.
    await expect(key(PAGE_A, null, POPUP)).rejects.toThrow(/getPageKey may not come from a extension-page/);
  });

  it('validates getPageKey: a string address, a string or null canonical link, nothing else', () => {
    expect(parseMessage({ type: 'getPageKey', url: PAGE_A, canonical: null })).toEqual({ type: 'getPageKey', url: PAGE_A, canonical: null });
    expect(() => parseMessage({ type: 'getPageKey', url: PAGE_A })).toThrow();
    expect(() => parseMessage({ type: 'getPageKey', url: PAGE_A, canonical: 5 })).toThrow();
    expect(() => parseMessage({ type: 'getPageKey', url: PAGE_A, canonical: 'x'.repeat(9_000) })).toThrow();
    expect(() => parseMessage({ type: 'getPageKey', url: PAGE_A, canonical: null, source: PAGE_B })).toThrow();
  });

  it('the content script’s own listener takes no message from any content script', async () => {
    const handlers: Handlers<Extract<LedeRequest, { type: 'getPageNotes' }>> = { getPageNotes: () => Promise.resolve({ source: PAGE_A, notes: [] }) };
    await expect(receiveMessage({ type: 'getPageNotes' }, ON_A, SELF, handlers, NO_CONTENT_SCRIPT_SENDERS)).rejects.toThrow(/may not come from/);
    await expect(receiveMessage({ type: 'getPageNotes' }, POPUP, SELF, handlers, NO_CONTENT_SCRIPT_SENDERS)).resolves.toEqual({ source: PAGE_A, notes: [] });
  });

  it('records an article only for the sending page, under the sender’s site', async () => {
    await expect(deliver({ type: 'articleAnalyzed', article: article('https://victim.example/fake') }, ON_A)).rejects.toThrow(/article.url is not the sending page/);
    expect(await db.articles.count()).toBe(0);
    await expect(deliver({ type: 'articleAnalyzed', article: article(`${PAGE_A}#top`) }, ON_A)).resolves.toEqual({ stored: true });
    expect(await db.articles.toArray()).toMatchObject([{ url: PAGE_A, site: 'attacker.example' }]);
  });

  it('answers reading-history questions only to Lede’s own pages (a page could probe what was read)', async () => {
    const KERRY = { type: 'person', name: 'John Kerry', mentions: 2 } as const;
    await db.articles.put({ url: PAGE_B, title: 'Read', site: 'victim.example', seenAt: 1, entities: [KERRY], quotes: [], entityNames: ['John Kerry'] });
    const ask = { type: 'getEntityHistory', names: ['John Kerry'], excludeUrl: PAGE_B } as const;
    await expect(deliver(ask, ON_A)).rejects.toThrow(/getEntityHistory may not come from a content-script/);
    await expect(deliver(ask, POPUP)).resolves.toMatchObject({ histories: [{ total: 0 }] });
    await expect(deliver({ ...ask, excludeUrl: PAGE_A }, POPUP)).resolves.toMatchObject({ histories: [{ total: 1 }] });
  });

  it('keeps preferences to the sending page’s own site', async () => {
    const prefs = { person: false, place: false, organization: false, quote: false, reported: false };
    await deliver({ type: 'saveHighlightPrefs', scope: 'site', site: 'victim.example', prefs }, ON_A);
    await expect(deliver({ type: 'getHighlightPrefs', site: 'victim.example' }, POPUP)).resolves.toMatchObject({ prefs: { person: true }, scope: 'global' });
    await expect(deliver({ type: 'getHighlightPrefs', site: 'attacker.example' }, POPUP)).resolves.toMatchObject({ prefs, scope: 'site' });
  });

  it('refuses an over-cap note and writes nothing', async () => {
    const before = await db.annotations.toArray();
    await expect(deliver({ type: 'saveAnnotation', annotation: noteOn(PAGE_A, 6, 'x'.repeat(1_000_000)) }, ON_A)).rejects.toThrow(/annotation.body is longer than 100000 characters/);
    await expect(deliver({ type: 'updateAnnotation', id: noteId(2), patch: { body: 'x'.repeat(100_001) } }, POPUP)).rejects.toThrow(/patch.body is longer/);
    expect(await db.annotations.toArray()).toEqual(before);
  });
});

describe('notes per page', () => {
  it('stops a caller at the per-page limit without writing', async () => {
    const db = createLedeDB('notes-per-page');
    await createAnnotation(db, noteOn(PAGE_A, 1, 'one'), 0, 2);
    await createAnnotation(db, noteOn(PAGE_A, 2, 'two'), 0, 2);
    await expect(createAnnotation(db, noteOn(PAGE_A, 3, 'three'), 0, 2)).rejects.toThrow(AnnotationLimitError);
    // Another page has its own allowance.
    await createAnnotation(db, noteOn(PAGE_B, 4, 'four'), 0, 2);
    expect((await db.annotations.toArray()).map((note) => note.id)).toEqual([noteId(1), noteId(2), noteId(4)]);
    await db.delete();
  });
});

describe('one slow request never holds the others', () => {
  it('answers an extension page while a long analyzeText from a page is still running', async () => {
    // The in-memory cache: the analysis starts at once, with no database lookup in front of it.
    const handlers = createRuntimeHandlers({
      prefs: new PrefsStore(createMemoryArea()),
      switches: new SiteSwitchStore(createMemoryArea()),
      cache: new AnalysisCache(),
    });
    const paragraph = 'John Kerry met Sergei Lavrov in Geneva on Monday, officials said. '.repeat(10).trim();
    const text = new Array(Math.ceil((BLOCKWISE_MIN_LENGTH + ANALYSIS_BLOCK_SIZE) / paragraph.length)).fill(paragraph).join('\n\n');
    const settled: string[] = [];
    const analysis = receiveMessage({ type: 'analyzeText', url: PAGE_A, text }, ON_A, SELF, handlers, SENDER_PAGE_RULES).then(() => settled.push('analyzeText'));
    // Sent from a later task, as another process's message would arrive: a background that
    // analysed in one go would finish the whole text before this task ever ran.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const switches = receiveMessage({ type: 'getSiteSwitches' }, POPUP, SELF, handlers, SENDER_PAGE_RULES).then(() => settled.push('getSiteSwitches'));
    await Promise.all([analysis, switches]);
    expect(settled).toEqual(['getSiteSwitches', 'analyzeText']);
  }, 60_000);

  it('refuses a million-name history request as it reads the length', () => {
    expect(() => parseMessage({ type: 'getEntityHistory', names: new Array(1_000_000).fill('x'), excludeUrl: PAGE_A })).toThrow(/more than 2000 names/);
  });
});
