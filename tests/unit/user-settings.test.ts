import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { KeyValueArea } from '@/lib/settings/storage-area';
import { applySettingsPatch, DEFAULT_ENCYCLOPEDIA_BASE_URL, DEFAULT_USER_SETTINGS, encyclopediaBaseUrl, isLoopbackBaseUrl, normaliseBaseUrl, parseStoredSettings, settingsPatchProblem, USER_SETTINGS_KEY, UserSettingsStore } from '@/lib/settings/user-settings';
import { createMemoryArea } from '@/lib/settings/storage-area';

describe('defaults', () => {
  it('remembers history and keeps encyclopedia summaries off', () => {
    expect(DEFAULT_USER_SETTINGS).toEqual({ history: true, encyclopedia: false });
    expect(parseStoredSettings(undefined)).toEqual({ history: true, encyclopedia: false });
  });
});

describe('parseStoredSettings', () => {
  it('keeps well-formed values', () => {
    expect(parseStoredSettings({ history: false, encyclopedia: true })).toEqual({ history: false, encyclopedia: true });
  });

  it('falls back field by field on anything malformed', () => {
    expect(parseStoredSettings({ history: 'no', encyclopedia: true })).toEqual({ history: true, encyclopedia: true });
    expect(parseStoredSettings({ history: false, encyclopedia: 1 })).toEqual({ history: false, encyclopedia: false });
    expect(parseStoredSettings([true, true])).toEqual(DEFAULT_USER_SETTINGS);
    expect(parseStoredSettings('settings')).toEqual(DEFAULT_USER_SETTINGS);
  });

  it('keeps a valid test base URL and drops an invalid one', () => {
    expect(parseStoredSettings({ history: true, encyclopedia: true, encyclopediaBaseUrl: 'http://127.0.0.1:8123/' })).toEqual({
      history: true,
      encyclopedia: true,
      encyclopediaBaseUrl: 'http://127.0.0.1:8123',
    });
    expect(parseStoredSettings({ encyclopediaBaseUrl: 'javascript:alert(1)' })).toEqual(DEFAULT_USER_SETTINGS);
  });
});

describe('normaliseBaseUrl', () => {
  it.each([
    ['https://en.wikipedia.org', 'https://en.wikipedia.org'],
    ['https://de.wikipedia.org/', 'https://de.wikipedia.org'],
    ['http://127.0.0.1:4000', 'http://127.0.0.1:4000'],
    ['http://localhost:4000/wiki-stub/', 'http://localhost:4000/wiki-stub'],
    [' https://en.wikipedia.org ', 'https://en.wikipedia.org'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseBaseUrl(input)).toBe(expected);
  });

  it.each([
    ['plain http to a real host', 'http://en.wikipedia.org'],
    ['another scheme', 'ftp://127.0.0.1'],
    ['a query', 'https://en.wikipedia.org/?x=1'],
    ['credentials', 'https://user:pw@en.wikipedia.org'],
    ['not a URL', 'wikipedia'],
    ['empty', ''],
    ['not a string', 42],
  ])('refuses %s', (_label, input) => {
    expect(normaliseBaseUrl(input)).toBeNull();
  });
});

describe('base URL helpers', () => {
  it('defaults to English Wikipedia', () => {
    expect(encyclopediaBaseUrl({ history: true, encyclopedia: true })).toBe(DEFAULT_ENCYCLOPEDIA_BASE_URL);
    expect(encyclopediaBaseUrl({ history: true, encyclopedia: true, encyclopediaBaseUrl: 'http://127.0.0.1:9' })).toBe('http://127.0.0.1:9');
  });

  it('treats only this machine as a loopback test server', () => {
    expect(isLoopbackBaseUrl('http://127.0.0.1:8123')).toBe(true);
    expect(isLoopbackBaseUrl('http://localhost:8123')).toBe(true);
    expect(isLoopbackBaseUrl('https://en.wikipedia.org')).toBe(false);
    expect(isLoopbackBaseUrl('https://127.0.0.1.example.com')).toBe(false);
    expect(isLoopbackBaseUrl('nonsense')).toBe(false);
  });
});

describe('settingsPatchProblem', () => {
  it('accepts one or both booleans', () => {
    expect(settingsPatchProblem({ history: false })).toBeNull();
    expect(settingsPatchProblem({ encyclopedia: true, history: true })).toBeNull();
  });

  it.each([
    ['not an object', null, /must be an object/],
    ['an array', [true], /must be an object/],
    ['no fields', {}, /must change history or encyclopedia/],
    ['a string value', { history: 'yes' }, /\.history must be a boolean/],
    ['the test-only base URL', { encyclopediaBaseUrl: 'http://127.0.0.1:1' }, /unexpected field\(s\) encyclopediaBaseUrl/],
  ])('reports %s', (_label, value, problem) => {
    expect(settingsPatchProblem(value)).toMatch(problem);
  });

  it('applies a patch without touching other fields or the input', () => {
    const before = { history: true, encyclopedia: false, encyclopediaBaseUrl: 'http://127.0.0.1:1' };
    expect(applySettingsPatch(before, { encyclopedia: true })).toEqual({ ...before, encyclopedia: true });
    expect(before.encyclopedia).toBe(false);
  });
});

describe('UserSettingsStore', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('stores everything under one key in browser.storage.local', async () => {
    const store = new UserSettingsStore(fakeBrowser.storage.local as unknown as KeyValueArea);
    expect(await store.load()).toEqual(DEFAULT_USER_SETTINGS);
    expect(await store.save({ history: false })).toEqual({ history: false, encyclopedia: false });
    expect(await store.save({ encyclopedia: true })).toEqual({ history: false, encyclopedia: true });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ [USER_SETTINGS_KEY]: { history: false, encyclopedia: true } });
  });

  it('keeps a test base URL that was set straight into storage', async () => {
    await fakeBrowser.storage.local.set({ [USER_SETTINGS_KEY]: { history: true, encyclopedia: true, encyclopediaBaseUrl: 'http://127.0.0.1:5' } });
    const store = new UserSettingsStore(fakeBrowser.storage.local as unknown as KeyValueArea);
    expect(await store.save({ history: false })).toEqual({ history: false, encyclopedia: true, encyclopediaBaseUrl: 'http://127.0.0.1:5' });
  });

  it('works over an in-memory area, which copies values in and out', async () => {
    const area = createMemoryArea();
    const store = new UserSettingsStore(area);
    const saved = await store.save({ encyclopedia: true });
    saved.encyclopedia = false;
    expect(await store.load()).toEqual({ history: true, encyclopedia: true });
    await area.remove(USER_SETTINGS_KEY);
    expect(await store.load()).toEqual(DEFAULT_USER_SETTINGS);
  });
});
