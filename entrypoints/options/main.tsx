import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ApiPermissions } from '@/components/options/BackupSection';
import type { SyncSectionProps } from '@/components/options/SyncSection';
import type { Transport } from '@/lib/protocol/messages';
import { pageListener } from '@/lib/protocol/page-listener';
import { isOAuthRedirectMessage, tabAuthFlow } from '@/lib/sync/remote/tab-auth';
import { requestPersistentStorage } from '@/lib/library/persist-storage';
import { OptionsApp, type HostPermissions, type OptionsAppProps } from '@/components/options/OptionsApp';
import './style.css';

const toBackground: Transport = (message) => browser.runtime.sendMessage(message);

const permissions: HostPermissions = {
  request: (origins) => browser.permissions.request({ origins }),
  remove: (origins) => browser.permissions.remove({ origins }),
  contains: (origins) => browser.permissions.contains({ origins }),
};

const apiPermissions: ApiPermissions = {
  request: (names) => browser.permissions.request({ permissions: names as Browser.runtime.ManifestPermission[] }),
  remove: (names) => browser.permissions.remove({ permissions: names as Browser.runtime.ManifestPermission[] }),
  contains: (names) => browser.permissions.contains({ permissions: names as Browser.runtime.ManifestPermission[] }),
};

// Sync asks for exactly its server's origin when set up. remoteStorage's sign-in runs in a tab
// that the server sends back to Lede's oauth.html (lib/sync/remote/tab-auth.ts): no permission.
const sync: OptionsAppProps['sync'] = {
  permissions: {
    request: (origins) => browser.permissions.request({ origins }),
    remove: (origins) => browser.permissions.remove({ origins }),
  },
  libraryUrl: browser.runtime.getURL('/library.html'),
  auth: tabAuthFlow({
    redirectUrl: browser.runtime.getURL('/oauth.html'),
    openTab: async (url) => {
      const tab = await browser.tabs.create({ url, active: true });
      if (tab.id === undefined) throw new Error('the browser opened no tab for the sign-in');
      return tab.id;
    },
    closeTab: async (tabId) => {
      await browser.tabs.remove(tabId);
      // Back to the settings, where the passphrase comes next.
      const here = await browser.tabs.getCurrent();
      if (here?.id !== undefined) await browser.tabs.update(here.id, { active: true });
    },
    onTabRemoved: (listener) => {
      const removed = (tabId: number): void => listener(tabId);
      browser.tabs.onRemoved.addListener(removed);
      return () => browser.tabs.onRemoved.removeListener(removed);
    },
    onRedirect: (listener) => {
      const heard = (message: unknown, sender: Browser.runtime.MessageSender): undefined => {
        if (sender.id === browser.runtime.id && isOAuthRedirectMessage(message)) listener(message.url, sender.tab?.id);
        return undefined;
      };
      browser.runtime.onMessage.addListener(heard);
      return () => browser.runtime.onMessage.removeListener(heard);
    },
  }) satisfies SyncSectionProps['auth'],
};

// The notes database lives in this origin: ask that the browser never evict it (lib/library/persist-storage.ts).
void requestPersistentStorage(navigator.storage);

const self = { runtimeId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
const notices: OptionsAppProps['notices'] = (on) => {
  const listener = pageListener(self, {
    historyChanged: async () => {
      on.historyChanged();
      return { ok: true };
    },
    settingsChanged: async () => {
      on.settingsChanged();
      return { ok: true };
    },
  });
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
};

render(<OptionsApp send={toBackground} permissions={permissions} apiPermissions={apiPermissions} sync={sync} notices={notices} />, document.getElementById('app')!);
