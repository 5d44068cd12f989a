// remoteStorage's sign-in in an ordinary browser tab, with no extra permission (no `identity`,
// no `tabs`): the settings page opens the server's authorisation URL in a new tab; the server
// redirects that tab to Lede's own page `oauth.html` (web-accessible, so a web page may redirect
// to it), which sends its URL, fragment and all, back to Lede's pages and is closed. The settings
// page reads the token out of that URL with parseRedirect (oauth.ts), which checks `state`.
// Works the same in Chrome and Firefox. The browser's parts are passed in.

/** What oauth.html sends to Lede's pages once the server has sent the reader back to it. */
export const OAUTH_REDIRECT_MESSAGE = 'lede-oauth-redirect';

export interface OAuthRedirectMessage {
  type: typeof OAUTH_REDIRECT_MESSAGE;
  url: string;
}

export function isOAuthRedirectMessage(message: unknown): message is OAuthRedirectMessage {
  if (typeof message !== 'object' || message === null) return false;
  const { type, url } = message as { type?: unknown; url?: unknown };
  return type === OAUTH_REDIRECT_MESSAGE && typeof url === 'string' && url.length <= 16_384;
}

export interface TabAuthBrowser {
  /** The URL of oauth.html, given to the server as redirect_uri. */
  redirectUrl: string;
  /** Opens a tab; its id. */
  openTab(url: string): Promise<number>;
  closeTab(tabId: number): Promise<void>;
  /** Calls back when a tab is closed; returns the unsubscribe. */
  onTabRemoved(listener: (tabId: number) => void): () => void;
  /** Calls back with each redirect oauth.html reports and the tab it came from; returns the unsubscribe. */
  onRedirect(listener: (url: string, tabId: number | undefined) => void): () => void;
}

/** The sign-in as `AuthFlow` (components/options/SyncSection.tsx) wants it: launch resolves with the URL the server sent the tab to. */
export function tabAuthFlow(browser: TabAuthBrowser): { redirectUrl(): string; launch(url: string): Promise<string> } {
  return {
    redirectUrl: () => browser.redirectUrl,
    launch: (url) =>
      new Promise<string>((resolve, reject) => {
        let tabId: number | null = null;
        let early: { url: string; tabId: number | undefined }[] = [];
        const finish = (): void => {
          stopRedirects();
          stopRemoved();
        };
        const take = (redirected: string, from: number | undefined): void => {
          // Only the tab opened for this request answers it.
          if (from === undefined || from !== tabId) return;
          finish();
          void browser.closeTab(from).catch(() => undefined);
          resolve(answerAt(browser.redirectUrl, redirected));
        };
        const stopRedirects = browser.onRedirect((redirected, from) => {
          if (tabId === null) early.push({ url: redirected, tabId: from });
          else take(redirected, from);
        });
        const stopRemoved = browser.onTabRemoved((closed) => {
          if (closed !== tabId) return;
          finish();
          reject(new Error('the sign-in tab was closed before the server gave access'));
        });
        browser.openTab(url).then(
          (opened) => {
            tabId = opened;
            const waiting = early;
            early = [];
            for (const answer of waiting) take(answer.url, answer.tabId);
          },
          (error: unknown) => {
            finish();
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      }),
  };
}

/**
 * The answer (query and fragment) oauth.html reported, at the redirect URI asked for. With
 * use_dynamic_url, Chrome's runtime.getURL gives the per-session host while the page may report
 * the extension id as its host (seen in Chromium 156), so the two don't compare equal. The message
 * came from Lede's own page in the tab this sign-in opened, and parseRedirect still checks `state`.
 */
function answerAt(redirectUrl: string, reported: string): string {
  const at = /^[^?#]*/.exec(reported)?.[0] ?? '';
  return `${redirectUrl.replace(/[?#].*$/, '')}${reported.slice(at.length)}`;
}
