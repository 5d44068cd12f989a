import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { allEnabled, DEFAULT_PREFS, GLOBAL_PREFS_KEY, isHighlightPrefs, LEGEND_OPEN_KEY, migrateHighlightPrefs, noneEnabled, PrefsStore, resolvePrefs, sitePrefsKey, withAll, withType } from '@/lib/settings/highlight-prefs';
import type { KeyValueArea } from '@/lib/settings/storage-area';
import { siteOf } from '@/lib/shared/page-address';

const ALL_ON = { person: true, place: true, organization: true, quote: true, reported: true };
const NO_QUOTES = { ...ALL_ON, quote: false, reported: false };
const PEOPLE_ONLY = { person: true, place: false, organization: false, quote: false, reported: false };

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
  it('validates exactly one boolean per type', () => {
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

describe('prefs saved before reported speech had its own switch', () => {
  /** What a reader saved when quotes were one type: four keys, no `reported`. */
  const OLD_PEOPLE_ONLY = { person: true, place: false, organization: false, quote: false };

  it('load with reported speech on and every saved choice kept', () => {
    expect(migrateHighlightPrefs(OLD_PEOPLE_ONLY)).toEqual({ ...OLD_PEOPLE_ONLY, reported: true });
    expect(resolvePrefs(OLD_PEOPLE_ONLY, undefined)).toEqual({ prefs: { ...OLD_PEOPLE_ONLY, reported: true }, scope: 'global' });
    expect(resolvePrefs(NO_QUOTES, OLD_PEOPLE_ONLY)).toEqual({ prefs: { ...OLD_PEOPLE_ONLY, reported: true }, scope: 'site' });
  });

  it('keeps current prefs as saved and still refuses junk', () => {
    expect(migrateHighlightPrefs(PEOPLE_ONLY)).toEqual(PEOPLE_ONLY);
    expect(migrateHighlightPrefs({ person: true, place: true, organization: true })).toBeNull();
    expect(migrateHighlightPrefs({ ...OLD_PEOPLE_ONLY, extra: true })).toBeNull();
    expect(migrateHighlightPrefs({ ...OLD_PEOPLE_ONLY, quote: 'no' })).toBeNull();
    expect(migrateHighlightPrefs([true, true, true, true])).toBeNull();
    expect(migrateHighlightPrefs(null)).toBeNull();
  });

  it('come back from storage through the store, and are saved in the new shape', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ [GLOBAL_PREFS_KEY]: OLD_PEOPLE_ONLY, [sitePrefsKey('bbc.com')]: { ...OLD_PEOPLE_ONLY, person: false } });
    const store = new PrefsStore(fakeBrowser.storage.local as unknown as KeyValueArea);
    expect(await store.load('cnn.com')).toEqual({ prefs: { ...OLD_PEOPLE_ONLY, reported: true }, scope: 'global' });
    expect(await store.load('bbc.com')).toEqual({ prefs: { ...OLD_PEOPLE_ONLY, person: false, reported: true }, scope: 'site' });
    const loaded = await store.load('cnn.com');
    await store.save('global', 'cnn.com', { ...loaded.prefs, reported: false });
    expect(await fakeBrowser.storage.local.get(GLOBAL_PREFS_KEY)).toEqual({ [GLOBAL_PREFS_KEY]: { ...OLD_PEOPLE_ONLY, reported: false } });
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

  it('remembers the legend closed (its pill) until the reader opens it, for every site', async () => {
    expect(await store.loadLegendOpen()).toBe(false);
    await store.saveLegendOpen(true);
    expect(await store.loadLegendOpen()).toBe(true);
    expect(await fakeBrowser.storage.local.get(LEGEND_OPEN_KEY)).toEqual({ [LEGEND_OPEN_KEY]: true });
    await store.saveLegendOpen(false);
    expect(await store.loadLegendOpen()).toBe(false);
  });

  it('stores under readable keys', async () => {
    await store.save('site', 'bbc.com', PEOPLE_ONLY);
    expect(await fakeBrowser.storage.local.get(sitePrefsKey('bbc.com'))).toEqual({ 'prefs:site:bbc.com': PEOPLE_ONLY });
  });
});
