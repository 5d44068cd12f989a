// The library page's runtime for tests: the real background (handlers, library ports and change
// notices) over fake-indexeddb, reached through in-memory ports and a JSON copy of each message,
// with the page's own notice listener, as in the browser. Nothing here stands in for the page.

import type { LibraryRuntime } from '@/components/library/library-backend';
import { ChangeNotifier } from '@/lib/background/change-notifier';
import type { LedeDB } from '@/lib/background/db';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { acceptLibraryPort } from '@/lib/background/library-ports';
import { NoteWatchers } from '@/lib/background/note-watchers';
import { SENDER_PAGE_RULES } from '@/lib/background/sender-page';
import { pageListener } from '@/lib/protocol/page-listener';
import { receiveMessage, type ChangeRequest, type LedeIdentity } from '@/lib/protocol/messages';
import { PrefsStore } from '@/lib/settings/highlight-prefs';
import { createMemoryArea } from '@/lib/settings/storage-area';
import { portPair } from './port-pair';

export const TEST_SELF: LedeIdentity = { runtimeId: 'lede-test', extensionOrigin: 'chrome-extension://lede-test/' };
export const LIBRARY_SENDER = { id: TEST_SELF.runtimeId, url: 'chrome-extension://lede-test/library.html' };
const BACKGROUND_SENDER = { id: TEST_SELF.runtimeId, url: 'chrome-extension://lede-test/background.js' };

export interface TestLibraryRuntime extends LibraryRuntime {
  /** Every notice the background sent the extension pages. */
  readonly notices: ChangeRequest[];
}

export function inProcessLibraryRuntime(db: LedeDB): TestLibraryRuntime {
  const listeners = new Set<(message: unknown, sender: typeof BACKGROUND_SENDER) => Promise<unknown> | undefined>();
  const notices: ChangeRequest[] = [];
  const notifier = new ChangeNotifier({
    watchers: new NoteWatchers(createMemoryArea()),
    toFrame: async () => ({ ok: true }),
    toPages: async (message) => {
      notices.push(message);
      await Promise.all([...listeners].map((listener) => listener(JSON.parse(JSON.stringify(message)), BACKGROUND_SENDER)));
    },
  });
  const handlers = createBackgroundHandlers({ db, prefs: new PrefsStore(createMemoryArea()), now: () => Date.now(), notices: notifier });
  return {
    notices,
    connect: (name) => {
      const [page, background] = portPair(name, LIBRARY_SENDER);
      acceptLibraryPort(background, { db, self: TEST_SELF, notices: notifier });
      return page;
    },
    send: (message) => receiveMessage(JSON.parse(JSON.stringify(message)), LIBRARY_SENDER, TEST_SELF, handlers, SENDER_PAGE_RULES),
    listen: (onChange) => {
      const listener = pageListener(TEST_SELF, {
        notesChanged: async () => {
          onChange();
          return { ok: true };
        },
        historyChanged: async () => {
          onChange();
          return { ok: true };
        },
      });
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
