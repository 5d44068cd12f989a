// Keeping the unlocked key while the browser runs. The background service worker is stopped when
// idle and loses its memory; asking for the passphrase at every wake-up would be unbearable, and
// storing the passphrase (or the key) on disk would defeat the encryption. So the PBKDF2 output
// is kept in the session storage area (chrome.storage.session: in memory only, cleared when the
// browser quits, not readable by content scripts): after a browser restart Lede asks again.
// The passphrase itself is never stored anywhere.

import { fromBase64, keysFromMaster, toBase64, type SyncKeys } from './crypto';
import type { KeyValueArea } from '../settings/storage-area';

export const SESSION_KEY_NAME = 'syncSessionKey';

export async function keepSessionKey(session: KeyValueArea, keys: SyncKeys): Promise<void> {
  await session.set({ [SESSION_KEY_NAME]: toBase64(keys.master) });
}

/** The keys kept for this browser session, or null (never unlocked since the browser started, or forgotten). */
export async function sessionKeys(session: KeyValueArea): Promise<SyncKeys | null> {
  const stored = (await session.get([SESSION_KEY_NAME]))[SESSION_KEY_NAME];
  if (typeof stored !== 'string') return null;
  let master: Uint8Array;
  try {
    master = fromBase64(stored);
  } catch {
    return null;
  }
  return master.length === 32 ? keysFromMaster(master) : null;
}

export async function forgetSessionKey(session: KeyValueArea): Promise<void> {
  await session.remove(SESSION_KEY_NAME);
}
