// Asks the browser to keep Lede's storage (the notes database) when the disk runs low. Extension
// pages only: service workers have no navigator.storage.persist(). With the `unlimitedStorage`
// permission Chrome already exempts Lede from quota eviction and Firefox grants persistence
// without a prompt; asking too makes the intent explicit and covers browsers that differ.
// The StorageManager is passed in, so this stays free of page globals and runs in tests.

export type PersistOutcome = 'persisted' | 'refused' | 'unsupported' | 'failed';

export async function requestPersistentStorage(storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined): Promise<PersistOutcome> {
  if (!storage || typeof storage.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'persisted';
    return (await storage.persist()) ? 'persisted' : 'refused';
  } catch {
    return 'failed';
  }
}
