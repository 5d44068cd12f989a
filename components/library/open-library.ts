import { browser } from 'wxt/browser';

/** The manifest command (wxt.config.ts) that opens the library. */
export const OPEN_LIBRARY_COMMAND = 'open-library';

/** Opens the library, or brings an already open library tab forward instead of opening a second one. */
export async function openLibrary(): Promise<void> {
  const url = browser.runtime.getURL('/library.html');
  try {
    const [existing] = await browser.tabs.query({ url });
    if (existing?.id !== undefined) {
      await browser.tabs.update(existing.id, { active: true });
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

/**
 * Opens what Lede knows about one entity, from a popup card. For now that is the library with
 * its Mentions filter set to the entity; an entity page of its own can take over this one call.
 */
export async function openEntityPage(entityName: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(entityLibraryPath(entityName) as '/library.html') });
}
