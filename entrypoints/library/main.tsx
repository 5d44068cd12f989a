import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createLedeDB } from '@/lib/background/db';
import { sendRequest } from '@/lib/protocol/messages';
import { requestPersistentStorage } from '@/lib/library/persist-storage';
import { LibraryApp } from './App';
import '@/components/library/library.css';

// An extension page shares the extension's origin, so it opens Lede's own database directly.
// Writes still go through lib/background/annotation-store.ts and lib/exchange, each in one transaction.
const db = createLedeDB();

// The notes database lives in this origin: ask that the browser never evict it.
void requestPersistentStorage(navigator.storage);

/** A full JSON-LD export is a backup: the background notes it for the options page's "last exported". */
const recordBackup = (): void => {
  sendRequest((message) => browser.runtime.sendMessage(message), { type: 'recordLibraryExport' }).catch((error: unknown) =>
    console.warn('Lede could not record the export as a backup:', error),
  );
};

render(<LibraryApp db={db} onFullBackup={recordBackup} />, document.getElementById('app')!);
