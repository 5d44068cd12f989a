import { browser } from 'wxt/browser';

/** The manifest command (wxt.config.ts) that opens the library. */
export const OPEN_LIBRARY_COMMAND = 'open-library';

/** The library page's address for a view (`entity=<key>`), relative to the extension's root. */
export function libraryPath(view?: string): `/library.html${string}` {
  return view ? `/library.html#${view}` : '/library.html';
}

/** The hash of an entity's page in the library (components/library/entity-route.ts reads it back). */
export function entityView(key: string): string {
  return `entity=${encodeURIComponent(key)}`;
}

/** Opens the library on everything read about one person, place or organisation (key: lib/cards/entity-key.ts). */
export function openEntityPage(key: string): Promise<void> {
  return openLibrary(entityView(key));
}

/**
 * Opens the library, or brings an already open library tab forward instead of opening a second one;
 * with a view, that tab is moved to it (its page follows the hash).
 */
export async function openLibrary(view?: string): Promise<void> {
  const base = browser.runtime.getURL('/library.html');
  const url = browser.runtime.getURL(libraryPath(view));
  try {
    // The pattern also finds a library tab showing another view (a #hash).
    const [existing] = await browser.tabs.query({ url: `${base}*` });
    if (existing?.id !== undefined) {
      await browser.tabs.update(existing.id, view ? { active: true, url } : { active: true });
      if (existing.windowId !== undefined) await browser.windows.update(existing.windowId, { focused: true });
      return;
    }
  } catch {
    // Some browsers refuse URL queries without the "tabs" permission: just open a new tab.
  }
  await browser.tabs.create({ url });
}

/** The library's address narrowed to the notes on articles that mention one entity (its Mentions filter). */
export function entityLibraryPath(entityName: string): string {
  return `/library.html?entity=${encodeURIComponent(entityName)}`;
}

/** The entity a library address names (entityLibraryPath's ?entity=), or null. */
export function entityFromLibrarySearch(search: string): string | null {
  const entity = new URLSearchParams(search).get('entity')?.trim();
  return entity ? entity : null;
}
