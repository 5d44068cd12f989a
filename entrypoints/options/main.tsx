import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ApiPermissions } from '@/components/options/BackupSection';
import type { SyncSectionProps } from '@/components/options/SyncSection';
import type { Transport } from '@/lib/protocol/messages';
import { pageListener } from '@/lib/protocol/page-listener';
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

// Sync asks for exactly its server's origin when set up, and for `identity` for remoteStorage's sign-in.
const sync: OptionsAppProps['sync'] = {
  permissions: {
    request: (origins, names = []) => browser.permissions.request({ origins, permissions: names as Browser.runtime.ManifestPermission[] }),
    remove: (origins) => browser.permissions.remove({ origins }),
  },
  libraryUrl: browser.runtime.getURL('/library.html'),
  // browser.identity appears once the optional `identity` permission is granted.
  auth: {
    redirectUrl: () => browser.identity.getRedirectURL(),
    launch: async (url) => {
      const answer = await browser.identity.launchWebAuthFlow({ url, interactive: true });
      if (!answer) throw new Error('the sign-in window closed without an answer');
      return answer;
    },
  } satisfies SyncSectionProps['auth'],
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
