import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ApiPermissions } from '@/components/options/BackupSection';
import type { Transport } from '@/lib/protocol/messages';
import { pageListener } from '@/lib/protocol/page-listener';
import { requestPersistentStorage } from '@/lib/library/persist-storage';
import { OptionsApp, type HostPermissions, type OptionsAppProps } from './OptionsApp';
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

render(<OptionsApp send={toBackground} permissions={permissions} apiPermissions={apiPermissions} notices={notices} />, document.getElementById('app')!);
