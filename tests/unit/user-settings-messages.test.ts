// The settings, reading-history and encyclopedia messages: validation in parseMessage, and the
// background's answers over the fake browser with fake-indexeddb.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ArticleSummary } from '@/lib/cards/article-summary';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { createLedeDB, type LedeDB } from '@/lib/background/db';
import type { SummaryFetch } from '@/lib/background/encyclopedia';
import { handleIncoming, MAX_SUMMARY_NAME_LENGTH, MessageError, parseMessage, sendRequest, type LedeRequest } from '@/lib/protocol/messages';
import { PrefsStore } from '@/lib/settings/highlight-prefs';
import type { KeyValueArea } from '@/lib/settings/storage-area';
import { USER_SETTINGS_KEY, UserSettingsStore } from '@/lib/settings/user-settings';

describe('parseMessage: settings, history and summaries', () => {
  it.each([
    [{ type: 'getSettings' }],
    [{ type: 'getHistoryCount' }],
    [{ type: 'clearHistory' }],
    [{ type: 'saveSettings', settings: { history: false } }],
    [{ type: 'saveSettings', settings: { history: true, encyclopedia: true } }],
    [{ type: 'getSummary', name: 'John Kerry', entityType: 'person' }],
    [{ type: 'getSummary', name: 'Moscow', entityType: 'place' }],
  ])('accepts %j', (message) => {
    expect(parseMessage(message)).toEqual(message);
  });

  it.each([
    ['getSettings with a field', { type: 'getSettings', all: true }, /unexpected field\(s\) all/],
    ['clearHistory with a filter', { type: 'clearHistory', site: 'bbc.com' }, /unexpected field\(s\) site/],
    ['saveSettings without settings', { type: 'saveSettings' }, /saveSettings\.settings must be an object/],
    ['saveSettings with nothing to change', { type: 'saveSettings', settings: {} }, /must change history or encyclopedia/],
    ['saveSettings with a string', { type: 'saveSettings', settings: { history: 'off' } }, /\.history must be a boolean/],
    [
      'saveSettings setting the test-only base URL',
      { type: 'saveSettings', settings: { encyclopediaBaseUrl: 'http://127.0.0.1:1' } },
      /unexpected field\(s\) encyclopediaBaseUrl/,
    ],
    ['getSummary without a name', { type: 'getSummary', entityType: 'person' }, /getSummary\.name must be a string/],
    ['getSummary with a blank name', { type: 'getSummary', name: '  ', entityType: 'person' }, /name must not be empty/],
    [
      'getSummary with page text for a name',
      { type: 'getSummary', name: 'x'.repeat(MAX_SUMMARY_NAME_LENGTH + 1), entityType: 'person' },
      /longer than 200 characters/,
    ],
    ['getSummary with an unknown type', { type: 'getSummary', name: 'Monday', entityType: 'date' }, /entityType must be person, place or organization/],
    ['getSummary with extra page context', { type: 'getSummary', name: 'Kerry', entityType: 'person', url: 'https://a.example' }, /unexpected field\(s\) url/],
  ])('rejects %s', (_label, message, error) => {
    expect(() => parseMessage(message)).toThrow(MessageError);
    expect(() => parseMessage(message)).toThrow(error);
  });
});

const ARTICLE: ArticleSummary = {
  url: 'https://news.example/a',
  title: 'Talks',
  site: 'news.example',
  entities: [{ type: 'person', name: 'John Kerry', mentions: 2 }],
  quotes: [],
};

describe('the background: settings, history and summaries', () => {
  let db: LedeDB;
  let dbCount = 0;
  let requests: string[];

  beforeEach(() => {
    fakeBrowser.reset();
    dbCount += 1;
    db = createLedeDB(`user-settings-messages-${dbCount}`);
    requests = [];
    const fetchSummary: SummaryFetch = async (url) => {
      requests.push(url);
      return {
        ok: true,
        status: 200,
        text: async () =>
          JSON.stringify({ type: 'standard', title: 'John Kerry', extract: 'An American diplomat.', content_urls: { desktop: { page: 'http://127.0.0.1:9/wiki/John_Kerry' } } }),
      };
    };
    const area = fakeBrowser.storage.local as unknown as KeyValueArea;
    const handlers = createBackgroundHandlers({
      db,
      prefs: new PrefsStore(area),
      settings: new UserSettingsStore(area),
      fetchSummary,
      hasHostPermission: async () => false,
      now: () => 5000,
    });
    fakeBrowser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => handleIncoming(message, sender, fakeBrowser.runtime.id, handlers));
  });

  afterEach(async () => {
    await db.delete();
  });

  // Delivered the way webextension-polyfill does: the listener's Promise is the answer.
  async function send(message: LedeRequest): Promise<unknown> {
    const [response] = await fakeBrowser.runtime.onMessage.trigger(message, { id: fakeBrowser.runtime.id });
    return response;
  }

  it('answers the defaults, and saves a change under the one settings key', async () => {
    await expect(sendRequest(send, { type: 'getSettings' })).resolves.toEqual({ history: true, encyclopedia: false });
    await expect(sendRequest(send, { type: 'saveSettings', settings: { history: false } })).resolves.toEqual({
      history: false,
      encyclopedia: false,
    });
    expect(await fakeBrowser.storage.local.get(USER_SETTINGS_KEY)).toEqual({ [USER_SETTINGS_KEY]: { history: false, encyclopedia: false } });
  });

  it('stops recording articles while history is off, and records again once it is back on', async () => {
    await sendRequest(send, { type: 'saveSettings', settings: { history: false } });
    await expect(sendRequest(send, { type: 'articleAnalyzed', article: ARTICLE })).resolves.toEqual({ stored: false });
    await expect(sendRequest(send, { type: 'getHistoryCount' })).resolves.toEqual({ count: 0 });

    await sendRequest(send, { type: 'saveSettings', settings: { history: true } });
    await expect(sendRequest(send, { type: 'articleAnalyzed', article: ARTICLE })).resolves.toEqual({ stored: true });
    await expect(sendRequest(send, { type: 'getHistoryCount' })).resolves.toEqual({ count: 1 });
  });

  it('shows no reading history on the cards while history is off', async () => {
    await sendRequest(send, { type: 'articleAnalyzed', article: ARTICLE });
    const ask: LedeRequest = { type: 'getEntityHistory', names: ['John Kerry'], excludeUrl: 'https://news.example/other' };
    const on = (await sendRequest(send, ask)) as { histories: unknown[] };
    expect(on.histories).toHaveLength(1);
    await sendRequest(send, { type: 'saveSettings', settings: { history: false } });
    await expect(sendRequest(send, ask)).resolves.toEqual({ histories: [] });
  });

  it('clears the reading history and says how many articles it forgot', async () => {
    await sendRequest(send, { type: 'articleAnalyzed', article: ARTICLE });
    await sendRequest(send, { type: 'articleAnalyzed', article: { ...ARTICLE, url: 'https://news.example/b' } });
    await expect(sendRequest(send, { type: 'getHistoryCount' })).resolves.toEqual({ count: 2 });
    await expect(sendRequest(send, { type: 'clearHistory' })).resolves.toEqual({ cleared: 2 });
    expect(await db.articles.count()).toBe(0);
    await expect(sendRequest(send, { type: 'clearHistory' })).resolves.toEqual({ cleared: 0 });
  });

  it('answers getSummary with "disabled" and no request until the reader turns summaries on', async () => {
    await expect(sendRequest(send, { type: 'getSummary', name: 'John Kerry', entityType: 'person' })).resolves.toEqual({ status: 'disabled' });
    expect(requests).toEqual([]);
  });

  it('needs the host permission for Wikipedia itself', async () => {
    await sendRequest(send, { type: 'saveSettings', settings: { encyclopedia: true } });
    await expect(sendRequest(send, { type: 'getSummary', name: 'John Kerry', entityType: 'person' })).resolves.toEqual({
      status: 'permission-needed',
    });
    expect(requests).toEqual([]);
  });

  it('fetches from a test base URL set in storage, then serves the cache', async () => {
    await fakeBrowser.storage.local.set({
      [USER_SETTINGS_KEY]: { history: true, encyclopedia: true, encyclopediaBaseUrl: 'http://127.0.0.1:9' },
    });
    const first = await sendRequest(send, { type: 'getSummary', name: 'John Kerry', entityType: 'person' });
    expect(first).toEqual({ status: 'found', title: 'John Kerry', extract: 'An American diplomat.', url: 'http://127.0.0.1:9/wiki/John_Kerry', cached: false });
    const second = await sendRequest(send, { type: 'getSummary', name: 'John Kerry', entityType: 'person' });
    expect(second).toMatchObject({ status: 'found', cached: true });
    expect(requests).toEqual(['http://127.0.0.1:9/api/rest_v1/page/summary/John_Kerry']);
  });
});
