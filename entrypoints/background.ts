import { browser } from 'wxt/browser';
import { createBackgroundHandlers } from '@/lib/background-handlers';
import { createLedeDB } from '@/lib/db';
import { handleIncoming } from '@/lib/messages';
import { PrefsStore, type KeyValueArea } from '@/lib/settings';
import { UserSettingsStore } from '@/lib/user-settings';

// The background owns the database and the stored preferences; content scripts reach both
// through messages. Every message is validated and must come from Lede itself.
export default defineBackground(() => {
  const handlers = createBackgroundHandlers({
    db: createLedeDB(),
    prefs: new PrefsStore(browser.storage.local as KeyValueArea),
    now: () => Date.now(),
    settings: new UserSettingsStore(browser.storage.local as KeyValueArea),
    // Used only for encyclopedia summaries, which are off until the reader turns them on.
    fetchSummary: (url, init) => fetch(url, init),
    hasHostPermission: (origins) => browser.permissions.contains({ origins }),
  });

  // Registered synchronously so a service worker woken by a message still hears it.
  browser.runtime.onMessage.addListener((message, sender) =>
    handleIncoming(message, sender, browser.runtime.id, handlers).catch((error: unknown) => {
      console.warn('Lede background refused a message:', error);
      throw error;
    }),
  );
});
