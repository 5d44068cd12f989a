// The reader's settings on the options page: whether Lede keeps a reading history, and whether it
// may fetch encyclopedia summaries. The background stores them in browser.storage.local under one
// key (USER_SETTINGS_KEY) and hands them out through the getSettings / saveSettings messages.
// The storage area is passed in, so this module stays free of extension APIs.

import type { KeyValueArea } from './storage-area';
import { isRecord } from '../shared/is-record';

export interface UserSettings {
  /** Remember articles Lede analysed, to show "Also in N articles you've read". */
  history: boolean;
  /** Fetch a short encyclopedia summary for an entity's name. Off until the reader turns it on. */
  encyclopedia: boolean;
  /**
   * FOR TESTS ONLY: where encyclopedia summaries come from instead of https://en.wikipedia.org.
   * Never shown in the UI and never accepted from saveSettings. End-to-end tests set it from the
   * extension's service worker, e.g.
   *   chrome.storage.local.set({ userSettings: { history: true, encyclopedia: true,
   *                                              encyclopediaBaseUrl: 'http://127.0.0.1:8123' } })
   * to point Lede at a local stub server.
   */
  encyclopediaBaseUrl?: string;
}

/** The settings the options page may change: the test-only base URL is not among them. */
export type UserSettingsPatch = Partial<Pick<UserSettings, 'history' | 'encyclopedia'>>;

export const USER_SETTINGS_KEY = 'userSettings';

export const DEFAULT_USER_SETTINGS: Readonly<UserSettings> = { history: true, encyclopedia: false };

export const DEFAULT_ENCYCLOPEDIA_BASE_URL = 'https://en.wikipedia.org';

/** The host permission that encyclopedia summaries need (optional_host_permissions in the manifest). */
export const ENCYCLOPEDIA_ORIGINS: readonly string[] = ['https://*.wikipedia.org/*'];

const PATCH_KEYS: readonly (keyof UserSettingsPatch)[] = ['history', 'encyclopedia'];

/**
 * Settings as read back from storage. Storage may hold anything (an older version, a hand edit),
 * so each field falls back to its default on its own rather than the whole object being refused.
 */
export function parseStoredSettings(value: unknown): UserSettings {
  const record = isRecord(value) ? value : {};
  const settings: UserSettings = {
    history: typeof record.history === 'boolean' ? record.history : DEFAULT_USER_SETTINGS.history,
    encyclopedia: typeof record.encyclopedia === 'boolean' ? record.encyclopedia : DEFAULT_USER_SETTINGS.encyclopedia,
  };
  const baseUrl = normaliseBaseUrl(record.encyclopediaBaseUrl);
  if (baseUrl) settings.encyclopediaBaseUrl = baseUrl;
  return settings;
}

/**
 * Checks a patch from a message: only `history` and `encyclopedia`, each a boolean, at least one.
 * Returns what is wrong with it, or null when it is fine.
 */
export function settingsPatchProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'must be an object';
  const keys = Object.keys(value);
  const extra = keys.filter((key) => !(PATCH_KEYS as readonly string[]).includes(key));
  if (extra.length > 0) return `has unexpected field(s) ${extra.join(', ')}`;
  if (keys.length === 0) return 'must change history or encyclopedia';
  for (const key of keys) {
    if (typeof value[key] !== 'boolean') return `.${key} must be a boolean`;
  }
  return null;
}

export function applySettingsPatch(settings: UserSettings, patch: UserSettingsPatch): UserSettings {
  const next: UserSettings = { ...settings };
  if (patch.history !== undefined) next.history = patch.history;
  if (patch.encyclopedia !== undefined) next.encyclopedia = patch.encyclopedia;
  return next;
}

/** An http(s) URL with no path, query or fragment, without a trailing slash; anything else is null. */
export function normaliseBaseUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || url.search || url.hash) return null;
  // Plain http only to this machine: a test stub, never a real site.
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Where summaries come from under these settings. */
export function encyclopediaBaseUrl(settings: UserSettings): string {
  return settings.encyclopediaBaseUrl ?? DEFAULT_ENCYCLOPEDIA_BASE_URL;
}

/**
 * A local test server needs no host permission request: nobody could click the prompt in an
 * automated browser, and nothing leaves the machine.
 */
export function isLoopbackBaseUrl(baseUrl: string): boolean {
  try {
    return isLoopbackHost(new URL(baseUrl).hostname);
  } catch {
    return false;
  }
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}


/** Reads and writes the settings under their one storage key. */
export class UserSettingsStore {
  constructor(private readonly area: KeyValueArea) {}

  async load(): Promise<UserSettings> {
    const stored = await this.area.get([USER_SETTINGS_KEY]);
    return parseStoredSettings(stored[USER_SETTINGS_KEY]);
  }

  /** Applies the patch to what is stored (keeping a test base URL) and returns the result. */
  async save(patch: UserSettingsPatch): Promise<UserSettings> {
    const next = applySettingsPatch(await this.load(), patch);
    await this.area.set({ [USER_SETTINGS_KEY]: next });
    return next;
  }
}
