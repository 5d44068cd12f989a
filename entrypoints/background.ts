import { browser } from 'wxt/browser';
import { isOAuthRedirectMessage } from '@/lib/sync/remote/tab-auth';
import { OPEN_LIBRARY_COMMAND, openLibrary } from '@/components/library/open-library';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { ChangeNotifier } from '@/lib/background/change-notifier';
import { acceptLibraryPort } from '@/lib/background/library-ports';
import { NoteWatchers, type WatchedFrame } from '@/lib/background/note-watchers';
import { BACKUP_ALARM, BACKUP_CHECK_MINUTES, BackupSettingsStore, type BackupFrequency } from '@/lib/settings/backup-settings';
import { BackupService, backupDataUrl, type BackupFile } from '@/lib/background/backup-service';
import { createLedeDB } from '@/lib/background/db';
import { receiveMessage, type LedeRequest, type Transport } from '@/lib/protocol/messages';
import { NoteEditorRelay } from '@/lib/background/note-editor-relay';
import { SENDER_PAGE_RULES } from '@/lib/background/sender-page';
import { NOTE_MENU_ITEM, START_NOTE_COMMAND, startNoteInTab } from '@/lib/background/note-shortcuts';
import { PrefsStore } from '@/lib/settings/highlight-prefs';
import { PopupPrefsStore } from '@/lib/settings/popup-prefs';
import { createMemoryArea, type KeyValueArea } from '@/lib/settings/storage-area';
import { SiteSwitchStore } from '@/lib/settings/site-switches';
import { trackSettings, type SettingsArea } from '@/lib/background/sync-local';
import { SYNC_ALARM_MINUTES, SyncService, watchLocalWrites } from '@/lib/background/sync-service';
import { openRemoteStore } from '@/lib/sync/remote/open-store';
import { UserSettingsStore } from '@/lib/settings/user-settings';

// The background owns the database and the stored preferences; content scripts reach both
// through messages. Every message is validated and must come from Lede itself, from a context
// allowed to send its type (lib/protocol/messages.ts ALLOWED_SENDERS): a web page's content script cannot
// delete notes or change settings.
export default defineBackground(() => {
  const db = createLedeDB();
  // Which frames paint which page's notes, kept for the browser session (a woken worker still knows).
  const session = (browser.storage as { session?: KeyValueArea }).session;
  const watchers = new NoteWatchers(session ?? createMemoryArea());
  const notices = new ChangeNotifier({
    watchers,
    toFrame: tellFrame,
    toPages: (message) => browser.runtime.sendMessage(message),
  });
  const backups = new BackupService({
    db,
    store: new BackupSettingsStore(browser.storage.local as KeyValueArea),
    now: () => Date.now(),
    download: saveToDownloads,
    schedule: scheduleBackupCheck,
  });
  const local = browser.storage.local as KeyValueArea;
  const settingsArea: SettingsArea = {
    get: (keys) => local.get(keys),
    set: (items) => local.set(items),
    remove: (keys) => local.remove(keys),
    getAll: () => browser.storage.local.get(null),
  };
  // Highlight and site settings reach sync's outbox (lib/background/sync-local.ts) while sync is on.
  const syncedSettings = afterWrites(trackSettings(local, db), () => sync.localChange());
  const switches = new SiteSwitchStore(syncedSettings);
  const sync = new SyncService({
    db,
    settings: settingsArea,
    store: local,
    session: session ?? createMemoryArea(),
    openStore: (connection) => openRemoteStore(connection),
    notices,
    // Site switches from another browser: every tab applies them, as when they change here.
    settingsArrived: async () => tellEveryTab({ type: 'siteSwitchesChanged', switches: await switches.load() }),
    now: () => Date.now(),
    schedule: scheduleSync,
  });
  watchLocalWrites(db, () => sync.localChange());
  const handlers = createBackgroundHandlers({
    db,
    prefs: new PrefsStore(syncedSettings),
    now: () => Date.now(),
    settings: new UserSettingsStore(browser.storage.local as KeyValueArea),
    popupPrefs: new PopupPrefsStore(browser.storage.local as KeyValueArea),
    // Used only for encyclopedia summaries, which are off until the reader turns them on.
    fetchSummary: (url, init) => fetch(url, init),
    hasHostPermission: (origins) => browser.permissions.contains({ origins }),
    switches,
    broadcast: tellEveryTab,
    backups,
    sync,
    watchers,
    notices,
    openLibrary,
  });

  // Registered synchronously so a service worker woken by a message still hears it.
  const self = { runtimeId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((message, sender) =>
    // oauth.html's answer is for the settings page that opened its tab, not for the background.
    isOAuthRedirectMessage(message) ? undefined : receiveMessage(message, sender, self, handlers, SENDER_PAGE_RULES).catch((error: unknown) => {
      console.warn('Lede background refused a message:', error);
      throw error;
    }),
  );

  // The note editor frame gets its draft from the page's content script through here.
  const editors = new NoteEditorRelay({ runtimeId: browser.runtime.id, editorPath: '/note-editor.html' });
  // The library's long reads and imports come over ports of their own (Lede's pages only).
  browser.runtime.onConnect.addListener((port) => {
    if (!acceptLibraryPort(port, { db, self, notices })) editors.accept(port);
  });
  browser.tabs.onRemoved.addListener((tabId) => void watchers.forgetTab(tabId));

  wireNoteShortcuts();
  wireBackups(backups);
  wireSync(sync);
});

const SYNC_ALARM = 'lede-sync';

/** Rounds on the alarm and at browser start; the alarm kept in step with whether sync is on. */
function wireSync(sync: SyncService): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void sync.wake();
  });
  const restore = (): void => void sync.restoreSchedule().catch((error: unknown) => console.warn('Lede could not schedule sync:', error));
  browser.runtime.onInstalled.addListener(restore);
  browser.runtime.onStartup.addListener(() => {
    restore();
    void sync.wake();
  });
}

async function scheduleSync(on: boolean): Promise<void> {
  if (on) await browser.alarms.create(SYNC_ALARM, { delayInMinutes: SYNC_ALARM_MINUTES, periodInMinutes: SYNC_ALARM_MINUTES });
  else await browser.alarms.clear(SYNC_ALARM);
}

/** The area, calling `changed` after each write. */
function afterWrites(area: KeyValueArea, changed: () => void): KeyValueArea {
  return {
    get: (keys) => area.get(keys),
    set: async (items) => {
      await area.set(items);
      changed();
    },
    remove: async (keys) => {
      await area.remove(keys);
      changed();
    },
  };
}

/** The periodic check: registered at once (an alarm wakes the worker), kept in step with the setting. */
function wireBackups(backups: BackupService): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BACKUP_ALARM) void backups.runIfDue().catch((error: unknown) => console.warn('Lede backup check failed:', error));
  });
  // Alarms may not survive an update or a profile restore: make them match the setting again.
  const restore = (): void => void backups.restoreSchedule().catch((error: unknown) => console.warn('Lede could not schedule backups:', error));
  browser.runtime.onInstalled.addListener(restore);
  browser.runtime.onStartup.addListener(restore);
}

async function scheduleBackupCheck(frequency: BackupFrequency): Promise<void> {
  if (frequency === 'off') {
    await browser.alarms.clear(BACKUP_ALARM);
    return;
  }
  // First check in a minute (a first backup soon after turning them on), then every hour.
  await browser.alarms.create(BACKUP_ALARM, { delayInMinutes: 1, periodInMinutes: BACKUP_CHECK_MINUTES });
}

/**
 * Saves a backup in the downloads folder without asking where (the reader chose automatic
 * backups). Needs the optional `downloads` permission, which the options page requests.
 */
async function saveToDownloads(file: BackupFile): Promise<void> {
  if (!(await browser.permissions.contains({ permissions: ['downloads'] }))) {
    throw new Error('Lede may no longer save to your downloads folder. Turn automatic backups off and on again to allow it.');
  }
  // A service worker (Chrome) has no object URLs; a background page (Firefox) has, and Firefox
  // refuses data: URLs for downloads.
  const objectUrl = typeof URL.createObjectURL === 'function' ? URL.createObjectURL(new Blob([file.content as BlobPart], { type: file.mimeType })) : null;
  const url = objectUrl ?? backupDataUrl(file);
  try {
    await browser.downloads.download({ url, filename: file.name, saveAs: false, conflictAction: 'uniquify' });
  } finally {
    if (objectUrl) setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
  }
}

/**
 * Sends a message to Lede's content script in every open tab, without the "tabs" permission (each
 * content script checks whether it concerns its own site). Tabs without one (browser pages, tabs
 * opened before install) refuse; that is expected and ignored.
 */
/** One frame's content script; in Chrome that very document, so a page loaded since in the frame hears nothing. */
function tellFrame(frame: WatchedFrame, message: LedeRequest): Promise<unknown> {
  const options = frame.documentId ? { documentId: frame.documentId } : { frameId: frame.frameId };
  return browser.tabs.sendMessage(frame.tabId, message, options as { frameId?: number });
}

async function tellEveryTab(message: LedeRequest): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.allSettled(tabs.flatMap((tab) => (tab.id === undefined ? [] : [browser.tabs.sendMessage(tab.id, message)])));
}

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
