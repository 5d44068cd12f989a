import { browser } from 'wxt/browser';
import { OPEN_LIBRARY_COMMAND, openLibrary } from '@/components/library/open-library';
import { createBackgroundHandlers } from '@/lib/background-handlers';
import { createLedeDB } from '@/lib/db';
import { handleIncoming, type Transport } from '@/lib/messages';
import { NOTE_MENU_ITEM, START_NOTE_COMMAND, startNoteInTab } from '@/lib/note-shortcuts';
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

  wireNoteShortcuts();
});

/** The context menu item and the keyboard command both open the page's note editor on the selection. */
function wireNoteShortcuts(): void {
  const sendToTab = (tabId: number): Transport => (message) => browser.tabs.sendMessage(tabId, message);
  const activeTabId = async (): Promise<number | undefined> => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;

  // Menu items outlive the service worker but not an update: recreate them on install and update.
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus
      .removeAll()
      .then(() => browser.contextMenus.create({ ...NOTE_MENU_ITEM, contexts: [...NOTE_MENU_ITEM.contexts] }));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === NOTE_MENU_ITEM.id) void startNoteInTab(tab?.id, activeTabId, sendToTab);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === START_NOTE_COMMAND) void startNoteInTab(tab?.id, activeTabId, sendToTab);
    if (command === OPEN_LIBRARY_COMMAND) void openLibrary();
  });
}
