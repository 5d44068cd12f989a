import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ArticleSummary } from '@/lib/cards/article-summary';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { articlesMentioning, createLedeDB } from '@/lib/background/db';
import {
  handleIncoming,
  isFromLede,
  MAX_ANALYZE_TEXT_LENGTH,
  MESSAGE_LIMITS,
  MessageError,
  parseMessage,
  sendRequest,
  type GetAnalysisRequest,
  type GetHighlightPrefsRequest,
  type Handlers,
  type LedeRequest,
} from '@/lib/protocol/messages';
import { PrefsStore } from '@/lib/settings/highlight-prefs';
import { makeAnnotation } from '../../testing/fixtures/annotation-fixtures';
import type { KeyValueArea } from '@/lib/settings/storage-area';

const ALL_ON = { person: true, place: true, organization: true, quote: true, reported: true };
const ARTICLE: ArticleSummary = {
  url: 'https://news.example/a#top',
  title: 'A headline',
  site: 'news.example',
  entities: [{ type: 'person', name: 'John Kerry', role: 'Secretary of State', mentions: 3 }],
  quotes: [{ text: 'We will continue', kind: 'direct', speaker: 'John Kerry' }],
};

describe('parseMessage', () => {
  it.each<[string, LedeRequest]>([
    ['getAnalysis', { type: 'getAnalysis' }],
    ['analyzeNow', { type: 'analyzeNow' }],
    ['setHighlightPrefs', { type: 'setHighlightPrefs', prefs: ALL_ON }],
    ['setHighlightPrefs with scope', { type: 'setHighlightPrefs', prefs: ALL_ON, scope: 'site' }],
    ['articleAnalyzed', { type: 'articleAnalyzed', article: ARTICLE }],
    ['getHighlightPrefs', { type: 'getHighlightPrefs', site: 'bbc.com' }],
    ['saveHighlightPrefs', { type: 'saveHighlightPrefs', scope: 'global', site: 'bbc.com', prefs: ALL_ON }],
  ])('accepts a well-formed %s', (_name, message) => {
    expect(parseMessage(structuredClone(message))).toEqual(message);
  });

  it.each<[string, unknown, RegExp]>([
    ['a string', 'getAnalysis', /must be an object/],
    ['null', null, /must be an object/],
    ['an array', [{ type: 'getAnalysis' }], /must be an object/],
    ['an unknown type', { type: 'deleteEverything' }, /Unknown Lede message type: "deleteEverything"/],
    ['no type', {}, /Unknown Lede message type/],
    ['an extra field', { type: 'getAnalysis', url: 'x' }, /unexpected field\(s\) url/],
    ['prefs missing a type', { type: 'setHighlightPrefs', prefs: { person: true, place: true, organization: true } }, /prefs must have exactly/],
    ['a prefs value that is not a boolean', { type: 'setHighlightPrefs', prefs: { ...ALL_ON, quote: 'yes' } }, /prefs must have exactly/],
    ['prefs with an extra key', { type: 'setHighlightPrefs', prefs: { ...ALL_ON, date: true } }, /prefs must have exactly/],
    ['a bad scope', { type: 'saveHighlightPrefs', scope: 'tab', site: 'x', prefs: ALL_ON }, /scope must be "global" or "site"/],
    ['a missing site', { type: 'getHighlightPrefs' }, /site must be a string/],
    ['an article without entities', { type: 'articleAnalyzed', article: { ...ARTICLE, entities: undefined } }, /entities must be an array/],
    [
      'an entity of an unknown type',
      { type: 'articleAnalyzed', article: { ...ARTICLE, entities: [{ type: 'date', name: 'Monday', mentions: 1 }] } },
      /entities\[0\]\.type must be person, place or organization/,
    ],
    [
      'a fractional mention count',
      { type: 'articleAnalyzed', article: { ...ARTICLE, entities: [{ type: 'place', name: 'Syria', mentions: 1.5 }] } },
      /entities\[0\]\.mentions must be a whole number/,
    ],
    [
      'a quote of an unknown kind',
      { type: 'articleAnalyzed', article: { ...ARTICLE, quotes: [{ text: 'x', kind: 'paraphrase', speaker: null }] } },
      /quotes\[0\]\.kind must be direct or reported/,
    ],
  ])('rejects %s with a clear error', (_name, message, error) => {
    expect(() => parseMessage(message)).toThrow(MessageError);
    expect(() => parseMessage(message)).toThrow(error);
  });

  it('drops nothing it was given and adds nothing', () => {
    const parsed = parseMessage({ type: 'articleAnalyzed', article: ARTICLE });
    expect(parsed).toEqual({ type: 'articleAnalyzed', article: ARTICLE });
  });
});

describe('isFromLede', () => {
  it('accepts only senders carrying this extension id', () => {
    expect(isFromLede({ id: 'lede-id' }, 'lede-id')).toBe(true);
    expect(isFromLede({ id: 'other-extension' }, 'lede-id')).toBe(false);
    expect(isFromLede({}, 'lede-id')).toBe(false);
    expect(isFromLede(undefined, 'lede-id')).toBe(false);
  });
});

describe('handleIncoming', () => {
  const handlers: Handlers<GetAnalysisRequest | GetHighlightPrefsRequest> = {
    getAnalysis: async () => {
      throw new Error('not used');
    },
    getHighlightPrefs: async ({ site }) => ({ prefs: ALL_ON, scope: site === 'a' ? 'site' : 'global' }),
  };

  it('dispatches a valid message from Lede to its handler', async () => {
    await expect(handleIncoming({ type: 'getHighlightPrefs', site: 'a' }, { id: 'me' }, 'me', handlers)).resolves.toEqual({
      prefs: ALL_ON,
      scope: 'site',
    });
  });

  it('refuses a foreign sender before looking at the message', async () => {
    await expect(handleIncoming({ type: 'getHighlightPrefs', site: 'a' }, { id: 'evil' }, 'me', handlers)).rejects.toThrow(
      /outside the extension/,
    );
  });

  it('refuses malformed messages and types this context does not answer', async () => {
    await expect(handleIncoming({ type: 'getHighlightPrefs' }, { id: 'me' }, 'me', handlers)).rejects.toThrow(/site must be a string/);
    await expect(handleIncoming({ type: 'analyzeNow' }, { id: 'me' }, 'me', handlers)).rejects.toThrow(/analyzeNow is not handled here/);
  });
});

describe('the background over the fake browser', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  function listen(dbName: string, now: number): void {
    const handlers = createBackgroundHandlers({
      db: createLedeDB(dbName),
      prefs: new PrefsStore(fakeBrowser.storage.local as unknown as KeyValueArea),
      now: () => now,
    });
    fakeBrowser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => handleIncoming(message, sender, fakeBrowser.runtime.id, handlers));
  }

  // The fake browser's sendMessage only relays sendResponse-style answers; the polyfill relays the
  // listener's Promise, so deliver the message the way the polyfill does and take that Promise.
  async function deliver(message: unknown, senderId: string = fakeBrowser.runtime.id): Promise<unknown> {
    const [response] = await fakeBrowser.runtime.onMessage.trigger(message, { id: senderId });
    return response;
  }

  it('stores an analysed article and answers preference requests through runtime messages', async () => {
    listen('messages-test-1', 1234);
    const send = (message: LedeRequest): Promise<unknown> => deliver(message);

    await expect(sendRequest(send, { type: 'articleAnalyzed', article: ARTICLE })).resolves.toEqual({ stored: true });
    const rows = await articlesMentioning(createLedeDB('messages-test-1'), 'john kerry');
    expect(rows.map((row) => [row.url, row.seenAt])).toEqual([['https://news.example/a', 1234]]);

    await expect(sendRequest(send, { type: 'getHighlightPrefs', site: 'bbc.com' })).resolves.toEqual({ prefs: ALL_ON, scope: 'global' });
    const quotesOff = { ...ALL_ON, quote: false, reported: false };
    await sendRequest(send, { type: 'saveHighlightPrefs', scope: 'site', site: 'bbc.com', prefs: quotesOff });
    await expect(sendRequest(send, { type: 'getHighlightPrefs', site: 'bbc.com' })).resolves.toEqual({ prefs: quotesOff, scope: 'site' });
    await expect(sendRequest(send, { type: 'getHighlightPrefs', site: 'cnn.com' })).resolves.toEqual({ prefs: ALL_ON, scope: 'global' });
  });

  it('answers a malformed message with an error instead of acting on it', async () => {
    listen('messages-test-2', 1);
    await expect(deliver({ type: 'saveHighlightPrefs', scope: 'site', site: 'x' })).rejects.toThrow(
      /saveHighlightPrefs\.prefs must have exactly/,
    );
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('refuses a well-formed message from another extension without storing anything', async () => {
    listen('messages-test-3', 1);
    await expect(deliver({ type: 'saveHighlightPrefs', scope: 'global', site: 'x', prefs: ALL_ON }, 'other-extension')).rejects.toThrow(
      /outside the extension/,
    );
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

describe('message limits', () => {
  const article = (overrides: Partial<ArticleSummary>): unknown => ({ type: 'articleAnalyzed', article: { ...ARTICLE, ...overrides } });
  const entity = { type: 'person', name: 'A Name', mentions: 1 } as const;
  const quote = { text: 'words', kind: 'direct', speaker: null } as const;
  const note = makeAnnotation();

  it.each<[string, unknown, RegExp]>([
    ['a million history names', { type: 'getEntityHistory', names: new Array(1_000_000).fill('x'), excludeUrl: '' }, /names has more than 2000 names/],
    ['2,001 history names', { type: 'getEntityHistory', names: new Array(MESSAGE_LIMITS.historyNames + 1).fill('x'), excludeUrl: '' }, /more than 2000/],
    ['a long history name', { type: 'getEntityHistory', names: ['x'.repeat(201)], excludeUrl: '' }, /names\[0\] is longer than 200/],
    ['a long excludeUrl', { type: 'getEntityHistory', names: [], excludeUrl: 'x'.repeat(8_193) }, /excludeUrl is longer/],
    ['an over-long analyzeText', { type: 'analyzeText', url: 'https://n.example/', text: 'x\n\n'.repeat(MAX_ANALYZE_TEXT_LENGTH / 3 + 1) }, /text is longer than 8000000/],
    ['one enormous paragraph', { type: 'analyzeText', url: 'https://n.example/', text: `${'p\n\n'.repeat(10)}${'x'.repeat(250_001)}` }, /paragraph longer than 250000/],
    ['a preview flag that is not a boolean', { type: 'analyzeText', url: 'https://n.example/', text: 't', preview: 'yes' }, /preview must be a boolean/],
    ['a long site', { type: 'getPageSetup', site: 'x'.repeat(501) }, /site is longer than 500/],
    ['a 1 MB note body', { type: 'saveAnnotation', annotation: { ...note, body: 'x'.repeat(1_000_000) } }, /annotation.body is longer than 100000/],
    ['an over-long body patch', { type: 'updateAnnotation', id: note.id, patch: { body: 'x'.repeat(100_001) } }, /patch.body is longer than 100000/],
    ['too many tags', { type: 'saveAnnotation', annotation: { ...note, tags: Array.from({ length: 101 }, (_, i) => `t${i}`) } }, /more than 100 tags/],
    ['an over-long quote selector', { type: 'saveAnnotation', annotation: { ...note, target: { ...note.target, selector: [{ type: 'TextQuoteSelector', exact: 'x'.repeat(100_001), prefix: '', suffix: '' }, note.target.selector[1]] } } }, /exact is longer than 100000/],
    ['too many entities', article({ entities: new Array(MESSAGE_LIMITS.articleEntities + 1).fill(entity) }), /more than 10000 entities/],
    ['too many quotes', article({ quotes: new Array(MESSAGE_LIMITS.articleQuotes + 1).fill(quote) }), /more than 50000 quotes/],
    ['too many quoted words', article({ quotes: new Array(9).fill({ ...quote, text: 'x'.repeat(1_000_000) }) }), /quotes hold more than 8000000 characters/],
    ['a long entity description', article({ entities: [{ ...entity, description: 'x'.repeat(2_001) }] }), /description is longer than 2000/],
    ['a long title', article({ title: 'x'.repeat(2_001) }), /title is longer than 2000/],
  ])('refuses %s with a clear error', (_name, message, error) => {
    expect(() => parseMessage(message)).toThrow(MessageError);
    expect(() => parseMessage(message)).toThrow(error);
  });

  it('keeps an analyzeText preview flag, and adds none when absent', () => {
    expect(parseMessage({ type: 'analyzeText', url: 'https://n.example/', text: 't', preview: true })).toEqual({ type: 'analyzeText', url: 'https://n.example/', text: 't', preview: true });
    expect(parseMessage({ type: 'analyzeText', url: 'https://n.example/', text: 't' })).toEqual({ type: 'analyzeText', url: 'https://n.example/', text: 't' });
  });

  it('accepts the most a real page sends: the 5 MB stress page’s text, quotes and entities', () => {
    // Measured: 5.1M characters of article text, 19,601 quotes, one quote of 194k characters
    // (the one-line page); real news pages: 49k characters, 100 entities, 60 quotes.
    const paragraphs = `${'x'.repeat(1_000)}\n\n`.repeat(5_200);
    expect(parseMessage({ type: 'analyzeText', url: 'https://n.example/', text: paragraphs })).toMatchObject({ type: 'analyzeText' });
    expect(parseMessage({ type: 'analyzeText', url: 'https://n.example/', text: `intro\n\n${'x'.repeat(200_015)}` })).toMatchObject({ type: 'analyzeText' });
    const quotes = new Array(20_000).fill({ ...quote, text: 'y'.repeat(150) });
    quotes.push({ ...quote, text: 'z'.repeat(200_000) });
    expect(parseMessage(article({ quotes, entities: new Array(2_000).fill(entity) }))).toMatchObject({ type: 'articleAnalyzed' });
    expect(parseMessage({ type: 'getEntityHistory', names: new Array(MESSAGE_LIMITS.historyNames).fill('A Name'), excludeUrl: '' })).toMatchObject({ type: 'getEntityHistory' });
    expect(parseMessage({ type: 'saveAnnotation', annotation: { ...note, body: 'x'.repeat(MESSAGE_LIMITS.noteBody) } })).toMatchObject({ type: 'saveAnnotation' });
  });

  it('lets an extension page put back (undo) an imported note larger than the editor writes', () => {
    expect(parseMessage({ type: 'restoreAnnotation', annotation: { ...note, body: 'x'.repeat(500_000) } })).toMatchObject({ type: 'restoreAnnotation' });
  });
});
