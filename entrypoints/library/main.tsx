import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { LibraryRuntime } from '@/components/library/library-backend';
import { entityFromLibrarySearch } from '@/components/library/open-library';
import { sendRequest, type Transport } from '@/lib/protocol/messages';
import { pageListener } from '@/lib/protocol/page-listener';
import { requestPersistentStorage } from '@/lib/library/persist-storage';
import { LibraryRouter } from '@/components/library/LibraryRouter';
import '@/components/library/library.css';

// The library never opens the database: the background owns it and answers over messages and
// ports (components/library/library-backend.ts), and says when anything changed.

// The notes database lives in this origin: ask that the browser never evict it.
void requestPersistentStorage(navigator.storage);

const self = { runtimeId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
const toBackground: Transport = (message) => browser.runtime.sendMessage(message);

const runtime: LibraryRuntime = {
  connect: (name) => browser.runtime.connect({ name }),
  send: toBackground,
  listen: (onChange) => {
    const changed = async (): Promise<{ ok: true }> => {
      onChange();
      return { ok: true };
    };
    const listener = pageListener(self, { notesChanged: changed, historyChanged: changed });
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  },
};

/** A full JSON-LD export is a backup: the background notes it for the options page's "last exported". */
const recordBackup = (): void => {
  sendRequest(toBackground, { type: 'recordLibraryExport' }).catch((error: unknown) =>
    console.warn('Lede could not record the export as a backup:', error),
  );
};

// library.html?entity=<name>: the notes narrowed to the articles that mention it;
// library.html#entity=<key>: that entity's own page (what a popup card's "All about X" opens).
const entity = entityFromLibrarySearch(location.search);
render(<LibraryRouter runtime={runtime} onFullBackup={recordBackup} initialFilters={entity ? { entity } : undefined} />, document.getElementById('app')!);
