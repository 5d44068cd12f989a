// The reader's settings (lib/settings/user-settings.ts), read and written straight in chrome.storage.local
// from the extension's service worker: the only way to set the test-only encyclopediaBaseUrl.
import type { ExtensionBrowser } from '../harness/launch-browser';
import { USER_SETTINGS_KEY, type UserSettings } from '../../lib/settings/user-settings';

interface StorageInWorker {
  chrome: {
    storage: {
      local: {
        get(keys: string[]): Promise<Record<string, unknown>>;
        set(items: Record<string, unknown>): Promise<void>;
      };
    };
  };
}

export async function writeUserSettings(browser: ExtensionBrowser, settings: UserSettings): Promise<void> {
  const worker = await browser.serviceWorker();
  await worker.evaluate(
    async ({ key, settings }) => {
      const { chrome } = globalThis as unknown as StorageInWorker;
      await chrome.storage.local.set({ [key]: settings });
    },
    { key: USER_SETTINGS_KEY, settings },
  );
}

/** What storage holds under the settings key (undefined when nothing was ever saved). */
export async function readStoredUserSettings(browser: ExtensionBrowser): Promise<unknown> {
  const worker = await browser.serviceWorker();
  return worker.evaluate(async (key) => {
    const { chrome } = globalThis as unknown as StorageInWorker;
    return (await chrome.storage.local.get([key]))[key];
  }, USER_SETTINGS_KEY);
}
