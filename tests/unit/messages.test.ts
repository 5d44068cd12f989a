import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ArticleSummary } from '@/lib/article-summary';
import { createBackgroundHandlers } from '@/lib/background-handlers';
import { articlesMentioning, createLedeDB } from '@/lib/db';
import {
  handleIncoming,
  isFromLede,
  MessageError,
  parseMessage,
  sendRequest,
  type GetAnalysisRequest,
  type GetHighlightPrefsRequest,
  type Handlers,
  type LedeRequest,
} from '@/lib/messages';
import { PrefsStore, type KeyValueArea } from '@/lib/settings';

const ALL_ON = { person: true, place: true, organization: true, quote: true };
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
    fakeBrowser.runtime.onMessage.addListener((message, sender) => handleIncoming(message, sender, fakeBrowser.runtime.id, handlers));
  }

  // The fake browser's sendMessage only relays sendResponse-style answers; the polyfill relays the
  // listener's Promise, so deliver the message the way the polyfill does and take that Promise.
  async function deliver(message: unknown, senderId: string = fakeBrowser.runtime.id): Promise<unknown> {
    const [response] = await fakeBrowser.runtime.onMessage.trigger(message, { id: senderId }, () => undefined);
    return response;
  }

  it('stores an analysed article and answers preference requests through runtime messages', async () => {
    listen('messages-test-1', 1234);
    const send = (message: LedeRequest): Promise<unknown> => deliver(message);

    await expect(sendRequest(send, { type: 'articleAnalyzed', article: ARTICLE })).resolves.toEqual({ stored: true });
    const rows = await articlesMentioning(createLedeDB('messages-test-1'), 'john kerry');
    expect(rows.map((row) => [row.url, row.seenAt])).toEqual([['https://news.example/a', 1234]]);

    await expect(sendRequest(send, { type: 'getHighlightPrefs', site: 'bbc.com' })).resolves.toEqual({ prefs: ALL_ON, scope: 'global' });
    const quotesOff = { ...ALL_ON, quote: false };
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
