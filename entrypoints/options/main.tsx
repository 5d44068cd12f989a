import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ApiPermissions } from '@/components/options/BackupSection';
import type { Transport } from '@/lib/protocol/messages';
import { requestPersistentStorage } from '@/lib/library/persist-storage';
import { OptionsApp, type HostPermissions } from './OptionsApp';
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

render(<OptionsApp send={toBackground} permissions={permissions} apiPermissions={apiPermissions} />, document.getElementById('app')!);
