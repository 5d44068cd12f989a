// Where the remoteStorage server sends the reader back after the sign-in (lib/sync/remote/tab-auth.ts):
// hand the URL, with the token in its fragment, to the settings page that opened this tab, and
// take the token out of the address bar and the tab's history entry.
import { browser } from 'wxt/browser';
import { OAUTH_REDIRECT_MESSAGE, type OAuthRedirectMessage } from '@/lib/sync/remote/tab-auth';

const message: OAuthRedirectMessage = { type: OAUTH_REDIRECT_MESSAGE, url: location.href };
history.replaceState(null, '', location.pathname);
// The settings page answers; the background ignores it. Nothing to do with the answer.
browser.runtime.sendMessage(message).catch(() => undefined);
