import { describe, expect, it } from 'vitest';
import type { LedeRequest, Transport } from '@/lib/protocol/messages';
import { NOTE_MENU_ITEM, startNoteInTab } from '@/lib/background/note-shortcuts';

function tabs(answer: (tabId: number) => unknown): { sendToTab: (tabId: number) => Transport; sent: Array<[number, LedeRequest]> } {
  const sent: Array<[number, LedeRequest]> = [];
  return {
    sent,
    sendToTab: (tabId) => async (message) => {
      sent.push([tabId, message]);
      return answer(tabId);
    },
  };
}

describe('startNoteInTab', () => {
  it('sends startNote to the tab the event names', async () => {
    const channel = tabs(() => ({ ok: true }));
    await expect(startNoteInTab(7, async () => 99, channel.sendToTab)).resolves.toBe(true);
    expect(channel.sent).toEqual([[7, { type: 'startNote' }]]);
  });

  it('falls back to the active tab when the event names none', async () => {
    const channel = tabs(() => ({ ok: false }));
    await expect(startNoteInTab(undefined, async () => 3, channel.sendToTab)).resolves.toBe(false);
    expect(channel.sent).toEqual([[3, { type: 'startNote' }]]);
  });

  it('resolves false when there is no tab or no content script', async () => {
    const channel = tabs(() => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await expect(startNoteInTab(undefined, async () => undefined, channel.sendToTab)).resolves.toBe(false);
    await expect(startNoteInTab(-1, async () => undefined, channel.sendToTab)).resolves.toBe(false);
    expect(channel.sent).toEqual([]);
    await expect(startNoteInTab(4, async () => undefined, channel.sendToTab)).resolves.toBe(false);
    expect(channel.sent).toEqual([[4, { type: 'startNote' }]]);
  });

  it('offers the menu item on selections only', () => {
    expect(NOTE_MENU_ITEM).toEqual({ id: 'lede-add-note', title: 'Add a Lede note', contexts: ['selection'] });
  });
});
