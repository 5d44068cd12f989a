// The two ways to start a note without the selection toolbar: the context menu item and the
// keyboard command. The background wires them to browser APIs; this module only decides what to
// send where, so it runs in Node tests.

import { sendRequest, type Transport } from '../protocol/messages';

/** The context menu entry, shown only when text is selected. */
export const NOTE_MENU_ITEM = { id: 'lede-add-note', title: 'Add a Lede note', contexts: ['selection'] } as const;

/** The manifest `commands` key (wxt.config.ts), suggested key Alt+Shift+N. */
export const START_NOTE_COMMAND = 'start-note';

/**
 * Ask the tab's content script to open the note editor on its selection. The tab comes from the
 * event when the browser gives one, else the active tab. Resolves false when there is no tab or
 * no content script answered (browser pages, the web store, tabs opened before install).
 */
export async function startNoteInTab(
  tabId: number | undefined,
  activeTabId: () => Promise<number | undefined>,
  sendToTab: (tabId: number) => Transport,
): Promise<boolean> {
  const id = tabId ?? (await activeTabId());
  if (id === undefined || id < 0) return false; // -1 is the id of no tab (e.g. devtools)
  try {
    return (await sendRequest(sendToTab(id), { type: 'startNote' })).ok;
  } catch {
    return false;
  }
}
