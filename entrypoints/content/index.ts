import './highlights.css';
import { browser } from 'wxt/browser';
import { receiveMessage } from '@/lib/messages';
import { PageSession } from './page-session';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // highlights.css goes into the manifest's content_scripts css; the legend brings its own
  // styles into its shadow root.
  cssInjectionMode: 'manifest',
  main(ctx) {
    performance.mark('lede-start');
    try {
      const session = new PageSession(ctx);
      // Only Lede's popup and background may ask (receiveMessage checks the sender's context).
      const self = { runtimeId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
      browser.runtime.onMessage.addListener((message, sender) => receiveMessage(message, sender, self, session.handlers));
      session.start();
    } catch (error) {
      // Never let Lede's failure become the page's problem.
      console.warn('Lede could not start on this page:', error);
    }
  },
});
