import { render } from 'preact';
import { browser } from 'wxt/browser';
import { NoteEditorPage } from './App';
import '@/components/notes/notes.css';

// Lede's note editor, opened by the content script as a frame inside the page (in its closed
// shadow root). Keys typed here never reach the page: a frame of the extension's origin is out of
// the page's reach, events and all. The draft comes from the content script for the one-time token
// in this page's URL; the embedding page is never listened to.
const token = location.hash.slice(1);
const app = document.getElementById('app')!;

void browser.tabs
  .getCurrent()
  .then((tab) => {
    const tabId = tab?.id;
    if (tabId === undefined) throw new Error('the note editor is not inside a tab');
    render(
      <NoteEditorPage
        token={token}
        toTab={(message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 })}
        toBackground={(message) => browser.runtime.sendMessage(message)}
      />,
      app,
    );
  })
  .catch((error: unknown) => console.warn('Lede note editor:', error));
