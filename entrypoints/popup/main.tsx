import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/swatches.css';
import type { NotesNotices } from '@/components/popup/notes/use-page-notes';
import type { Transport } from '@/lib/protocol/messages';
import { pageListener } from '@/lib/protocol/page-listener';
import { App } from '@/components/popup/PopupApp';
import { resolveTargetTab } from './target-tab';
import { withEarlyRequests } from './early-requests';
import './style.css';

const tabId = resolveTargetTab(location.search, async () => {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
});

const tabTransport: Transport = async (message) => {
  const id = await tabId;
  if (id === null) throw new Error('No tab to read');
  return browser.tabs.sendMessage(id, message);
};

// What the cards wait for, asked before the first render (see early-requests.ts).
const sendToTab = withEarlyRequests(tabTransport, [{ type: 'getAnalysis' }]);
const toBackground = withEarlyRequests((message) => browser.runtime.sendMessage(message), [{ type: 'getPopupPrefs' }]);

const self = { runtimeId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
const notices: NotesNotices = (onChange) => {
  const listener = pageListener(self, {
    notesChanged: async ({ sources }) => {
      onChange(sources);
      return { ok: true };
    },
  });
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
};

render(<App send={sendToTab} background={toBackground} notices={notices} />, document.getElementById('app')!);
