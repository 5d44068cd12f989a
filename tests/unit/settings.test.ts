import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { allEnabled, DEFAULT_PREFS, GLOBAL_PREFS_KEY, isHighlightPrefs, noneEnabled, PrefsStore, resolvePrefs, sitePrefsKey, withAll, withType } from '@/lib/settings/highlight-prefs';
import type { KeyValueArea } from '@/lib/settings/storage-area';
import { siteOf } from '@/lib/shared/page-address';

const ALL_ON = { person: true, place: true, organization: true, quote: true };
const NO_QUOTES = { ...ALL_ON, quote: false };
const PEOPLE_ONLY = { person: true, place: false, organization: false, quote: false };

describe('siteOf', () => {
  it.each([
    ['https://www.bbc.com/news/world-1', 'bbc.com'],
    ['https://bbc.com/news', 'bbc.com'],
    ['http://News.Example.ORG:8080/a', 'news.example.org'],
    ['https://edition.cnn.com/x', 'edition.cnn.com'],
    ['file:///home/me/page.html', 'file'],
    ['not a url', ''],
  ])('%s -> %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });
});

describe('resolvePrefs', () => {
  it('uses the defaults (everything on) when nothing is stored', () => {
    expect(resolvePrefs(undefined, undefined)).toEqual({ prefs: DEFAULT_PREFS, scope: 'global' });
    expect(allEnabled(DEFAULT_PREFS)).toBe(true);
  });

  it('lets a site override win over the global default', () => {
    expect(resolvePrefs(NO_QUOTES, PEOPLE_ONLY)).toEqual({ prefs: PEOPLE_ONLY, scope: 'site' });
    expect(resolvePrefs(NO_QUOTES, undefined)).toEqual({ prefs: NO_QUOTES, scope: 'global' });
  });

  it('ignores malformed stored values', () => {
    expect(resolvePrefs({ person: 'no' }, { person: false })).toEqual({ prefs: DEFAULT_PREFS, scope: 'global' });
  });
});

describe('pref helpers', () => {
  it('validates exactly four booleans', () => {
    expect(isHighlightPrefs(ALL_ON)).toBe(true);
    expect(isHighlightPrefs({ ...ALL_ON, extra: true })).toBe(false);
    expect(isHighlightPrefs({ person: true })).toBe(false);
    expect(isHighlightPrefs(null)).toBe(false);
  });

  it('toggles one type or all of them without mutating the input', () => {
    const before = { ...ALL_ON };
    expect(withType(before, 'place', false)).toEqual({ ...ALL_ON, place: false });
    expect(before).toEqual(ALL_ON);
    expect(noneEnabled(withAll(false))).toBe(true);
    expect(allEnabled(withAll(true))).toBe(true);
    expect(allEnabled(NO_QUOTES) || noneEnabled(NO_QUOTES)).toBe(false);
  });
});

describe('PrefsStore over browser.storage.local', () => {
  let store: PrefsStore;

  beforeEach(() => {
    fakeBrowser.reset();
    store = new PrefsStore(fakeBrowser.storage.local as unknown as KeyValueArea);
  });

  it('remembers a choice for one site only', async () => {
    await store.save('site', 'bbc.com', PEOPLE_ONLY);
    expect(await store.load('bbc.com')).toEqual({ prefs: PEOPLE_ONLY, scope: 'site' });
    expect(await store.load('cnn.com')).toEqual({ prefs: DEFAULT_PREFS, scope: 'global' });
  });

  it('applies a global choice to every site without an override', async () => {
    await store.save('site', 'bbc.com', PEOPLE_ONLY);
    await store.save('global', 'cnn.com', NO_QUOTES);
    expect(await store.load('cnn.com')).toEqual({ prefs: NO_QUOTES, scope: 'global' });
    expect(await store.load('nytimes.com')).toEqual({ prefs: NO_QUOTES, scope: 'global' });
    expect(await store.load('bbc.com')).toEqual({ prefs: PEOPLE_ONLY, scope: 'site' });
  });

  it('drops the site override when the reader switches that site to "all sites"', async () => {
    await store.save('site', 'bbc.com', PEOPLE_ONLY);
    await store.save('global', 'bbc.com', NO_QUOTES);
    expect(await store.load('bbc.com')).toEqual({ prefs: NO_QUOTES, scope: 'global' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ [GLOBAL_PREFS_KEY]: NO_QUOTES });
  });

  it('stores under readable keys', async () => {
    await store.save('site', 'bbc.com', PEOPLE_ONLY);
    expect(await fakeBrowser.storage.local.get(sitePrefsKey('bbc.com'))).toEqual({ 'prefs:site:bbc.com': PEOPLE_ONLY });
  });
});
