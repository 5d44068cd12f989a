import './highlights.css';
import { browser } from 'wxt/browser';
import { NO_CONTENT_SCRIPT_SENDERS, receiveMessage } from '@/lib/messages';
import { mark } from './marks';
import { isReadableDocument, PageSession, requestPageSetup } from './page-session';
import { yieldToPage as nextTask } from './progressive-paint';

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
      const setup = isReadableDocument(document) ? requestPageSetup() : undefined;
      setup?.catch(() => undefined); // the session reports a failure when it reads the setup
      const session = nextTask(window).then(() => {
        const started = new PageSession(ctx, setup);
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
