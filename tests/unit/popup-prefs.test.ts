// The popup's folded sections: the stored model, the messages that carry it (only Lede's pages may
// send them) and the background that stores them, so a section folded in one popup stays folded.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { createLedeDB, type LedeDB } from '@/lib/background/db';
import { SENDER_PAGE_RULES } from '@/lib/background/sender-page';
import { MessageError, parseMessage, receiveMessage, type LedeIdentity, type MessageSenderInfo } from '@/lib/protocol/messages';
import { PrefsStore } from '@/lib/settings/highlight-prefs';
import {
  DEFAULT_POPUP_PREFS, POPUP_PREFS_KEY, PopupPrefsStore, popupPrefsProblem, resolvePopupPrefs, withSectionCollapsed,
} from '@/lib/settings/popup-prefs';
import { createMemoryArea, type KeyValueArea } from '@/lib/settings/storage-area';

describe('the popup prefs model', () => {
  it('folds and unfolds one section, keeping the display order and no duplicates', () => {
    const places = withSectionCollapsed({ collapsed: ['highlights'] }, 'places', true);
    expect(places).toEqual({ collapsed: ['places', 'highlights'] });
    expect(withSectionCollapsed(places, 'places', true)).toEqual(places);
    expect(withSectionCollapsed(places, 'highlights', false)).toEqual({ collapsed: ['places'] });
  });

  it('starts with the list of every quote and the page toggles folded', () => {
    expect(DEFAULT_POPUP_PREFS).toEqual({ collapsed: ['quotes', 'highlights'] });
    expect(resolvePopupPrefs(undefined)).toEqual({ collapsed: ['quotes', 'highlights'] });
  });

  it.each([
    ['a list', ['people']],
    ['an unknown section', { collapsed: ['people', 'weather'] }],
    ['a section twice', { collapsed: ['people', 'people'] }],
    ['an extra field', { collapsed: [], open: [] }],
    ['a string for the list', { collapsed: 'people' }],
  ])('refuses %s, and reads it as the defaults', (_name, value) => {
    expect(popupPrefsProblem(value)).not.toBeNull();
    expect(resolvePopupPrefs(value)).toEqual(DEFAULT_POPUP_PREFS);
  });

  it('stores its one key and reads it back', async () => {
    const area = createMemoryArea();
    const store = new PopupPrefsStore(area);
    expect(await store.save({ collapsed: ['quotes', 'people'] })).toEqual({ collapsed: ['people', 'quotes'] });
    expect(await area.get([POPUP_PREFS_KEY])).toEqual({ [POPUP_PREFS_KEY]: { collapsed: ['people', 'quotes'] } });
    expect(await new PopupPrefsStore(area).load()).toEqual({ collapsed: ['people', 'quotes'] });
  });
});

describe('parseMessage: popup prefs', () => {
  it('accepts a well-formed request', () => {
    expect(parseMessage({ type: 'getPopupPrefs' })).toEqual({ type: 'getPopupPrefs' });
    expect(parseMessage({ type: 'savePopupPrefs', prefs: { collapsed: ['places'] } })).toEqual({ type: 'savePopupPrefs', prefs: { collapsed: ['places'] } });
  });

  it.each([
    [{ type: 'savePopupPrefs' }, /savePopupPrefs\.prefs must be an object/],
    [{ type: 'savePopupPrefs', prefs: { collapsed: ['sidebar'] } }, /may only name people, places/],
    [{ type: 'getPopupPrefs', all: true }, /unexpected field\(s\) all/],
  ])('refuses %j', (message, problem) => {
    expect(() => parseMessage(message)).toThrow(MessageError);
    expect(() => parseMessage(message)).toThrow(problem);
  });
});

describe('the background answers the popup prefs', () => {
  const SELF: LedeIdentity = { runtimeId: 'lede-id', extensionOrigin: 'chrome-extension://lede-id/' };
  const POPUP: MessageSenderInfo = { id: 'lede-id', url: 'chrome-extension://lede-id/popup.html' };
  const CONTENT: MessageSenderInfo = { id: 'lede-id', url: 'https://news.example/story', tab: { id: 7 } };
  let db: LedeDB;
  let area: KeyValueArea;
  let count = 0;
  let deliver: (message: Record<string, unknown>, sender: MessageSenderInfo) => Promise<unknown>;

  beforeEach(() => {
    count += 1;
    db = createLedeDB(`popup-prefs-${count}`);
    area = createMemoryArea();
    const handlers = createBackgroundHandlers({ db, prefs: new PrefsStore(area), popupPrefs: new PopupPrefsStore(area), now: () => 0 });
    deliver = (message, sender) => receiveMessage(message, sender, SELF, handlers, SENDER_PAGE_RULES);
  });

  afterEach(async () => {
    await db.delete();
  });

  it('remembers a folded section for the next popup', async () => {
    expect(await deliver({ type: 'getPopupPrefs' }, POPUP)).toEqual({ collapsed: ['quotes', 'highlights'] });
    expect(await deliver({ type: 'savePopupPrefs', prefs: { collapsed: ['places'] } }, POPUP)).toEqual({ collapsed: ['places'] });
    expect(await deliver({ type: 'getPopupPrefs' }, POPUP)).toEqual({ collapsed: ['places'] });
  });

  it('refuses them from a content script, which changes nothing', async () => {
    await expect(deliver({ type: 'savePopupPrefs', prefs: { collapsed: ['people'] } }, CONTENT)).rejects.toThrow(/may not come from a content-script/);
    await expect(deliver({ type: 'getPopupPrefs' }, CONTENT)).rejects.toThrow(MessageError);
    expect(await area.get([POPUP_PREFS_KEY])).toEqual({});
  });
});
