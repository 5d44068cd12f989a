import { render } from 'preact';
import { browser } from 'wxt/browser';
import { editorPortName, parseDraft, tokenOfHash, type EditorOutcome } from '@/lib/protocol/note-editor-port';
import { NoteEditorPage } from './App';
import '@/components/notes/notes.css';

// Lede's note editor, opened by the content script as a frame inside the page (in its closed
// shadow root). Keys typed here never reach the page: a frame of the extension's origin is out of
// the page's reach, events and all. The draft arrives once, through the background, for the
// one-time token in this page's URL (lib/protocol/note-editor-port.ts); the embedding page is never listened to.
const KEEPALIVE_MS = 20_000;
const token = tokenOfHash(location.hash);
const app = document.getElementById('app')!;

if (token) {
  const port = browser.runtime.connect({ name: editorPortName('frame', token) });
  // Chrome stops an idle background after 30 s, and the channel with it: a message on the port
  // keeps it alive while the reader takes their time (the background ignores it).
  const keepAlive = setInterval(() => port.postMessage({ type: 'keepalive' }), KEEPALIVE_MS);
  port.onDisconnect.addListener(() => clearInterval(keepAlive));
  let shown = false;
  port.onMessage.addListener((message) => {
    const draft = parseDraft(message);
    if (!draft || shown) return;
    shown = true;
    render(
      <NoteEditorPage
        draft={draft}
        toBackground={(request) => browser.runtime.sendMessage(request)}
        onDone={(outcome: EditorOutcome) => port.postMessage(outcome)}
      />,
      app,
    );
  });
}
