import './highlights.css';
import { browser } from 'wxt/browser';
import { NO_CONTENT_SCRIPT_SENDERS, receiveMessage, type LedeRequest } from '@/lib/protocol/messages';
import { findHighlightApi } from '@/lib/page/paint';
import { yieldToPage as nextTask } from '@/lib/page/entities/progressive-paint';
import { NotesController } from '@/lib/page/notes/notes-controller';
import { PageSession, requestPageSetup } from '@/lib/page/session/page-session';
import { isReadableDocument } from '@/lib/page/session/session-report';
import type { PageSetup } from '@/lib/protocol/run';
import { mark, measure } from './marks';
import { uiPart, type UiPart } from './parts';
import type { ContentScriptContext } from '#imports';

const toBackground = (message: LedeRequest): Promise<unknown> => browser.runtime.sendMessage(message);

/** Lede's life on this page (lib/page/session), given the browser: messages, ports, shadow roots, marks. */
function createSession(ctx: ContentScriptContext, setup: Promise<PageSetup> | undefined, ui: UiPart): PageSession {
  return new PageSession({
    setup,
    lifetime: ctx,
    win: window,
    send: toBackground,
    marks: { mark, measure },
    highlightApi: findHighlightApi(globalThis),
    hoverCardUi: () =>
      ui.hoverCardUi(ctx, (key) => {
        void toBackground({ type: 'openEntityPage', key }).catch((error: unknown) => console.warn('Lede could not open the library:', error));
      }),
    mountLegend: (props) => ui.mountLegend(ctx, props),
    notes: (hooks) =>
      new NotesController({
        ...hooks,
        lifetime: ctx,
        win: window,
        ui: ui.notesUi(ctx),
        send: toBackground,
        editorUrl: (token) => `${browser.runtime.getURL('/note-editor.html')}#${token}`,
        connect: (name) => browser.runtime.connect({ name }),
        watchUrl: (listener) => ctx.addEventListener(window, 'wxt:locationchange', (event) => listener(event.newUrl.href)),
      }),
  });
}

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // highlights.css goes into the manifest's content_scripts css; the legend brings its own
  // styles into its shadow root.
  cssInjectionMode: 'manifest',
  main(ctx) {
    mark('lede-start');
    try {
      // The task that runs main() already carries the script's compilation and evaluation: the
      // session is built, and starts, in a task of its own so that one does not become a long task.
      // The listener is there from the start; a message that comes first waits for the session.
      // The page setup is asked for at once: its round trip runs while the session starts and reads the page.
      const setup = isReadableDocument(document) ? requestPageSetup(toBackground, location.href) : undefined;
      setup?.catch(() => undefined); // the session reports a failure when it reads the setup
      // The UI part (parts.ts) normally ran before this one, in its own task.
      const session = Promise.all([uiPart(), nextTask(window)]).then(([ui]) => {
        const started = createSession(ctx, setup, ui);
        started.start();
        return started;
      });
      session.catch((error: unknown) => console.warn('Lede could not start on this page:', error));
      // Only Lede's popup and background may ask (receiveMessage checks the sender's context).
      const self = { runtimeId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
      browser.runtime.onMessage.addListener((message, sender) =>
        session.then((started) => receiveMessage(message, sender, self, started.handlers, NO_CONTENT_SCRIPT_SENDERS)),
      );
    } catch (error) {
      // Never let Lede's failure become the page's problem.
      console.warn('Lede could not start on this page:', error);
    }
  },
});
