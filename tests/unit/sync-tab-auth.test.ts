// remoteStorage's sign-in in a tab (lib/sync/remote/tab-auth.ts): the tab it opened answers, with
// the URL the server sent it to; another tab's answer, or a page's forged message, doesn't; closing
// the tab before the answer fails the sign-in; listeners are let go either way.
import { describe, expect, it } from 'vitest';
import { isOAuthRedirectMessage, OAUTH_REDIRECT_MESSAGE, tabAuthFlow, type TabAuthBrowser } from '../../lib/sync/remote/tab-auth';
import { buildAuthUrl, parseRedirect } from '../../lib/sync/remote/oauth';

const REDIRECT = 'chrome-extension://lede/oauth.html';

/** A browser with tabs and oauth.html's messages, driven by the test. */
function fakeBrowser(firstTabId = 7) {
  const opened: string[] = [];
  const closed: number[] = [];
  const removedListeners = new Set<(tabId: number) => void>();
  const redirectListeners = new Set<(url: string, tabId: number | undefined) => void>();
  let nextId = firstTabId;
  const browser: TabAuthBrowser = {
    redirectUrl: REDIRECT,
    openTab: async (url) => {
      opened.push(url);
      return nextId++;
    },
    closeTab: async (tabId) => {
      closed.push(tabId);
    },
    onTabRemoved: (listener) => {
      removedListeners.add(listener);
      return () => removedListeners.delete(listener);
    },
    onRedirect: (listener) => {
      redirectListeners.add(listener);
      return () => redirectListeners.delete(listener);
    },
  };
  return {
    browser,
    opened,
    closed,
    redirect: (url: string, tabId: number | undefined) => [...redirectListeners].forEach((listener) => listener(url, tabId)),
    closeByHand: (tabId: number) => [...removedListeners].forEach((listener) => listener(tabId)),
    listening: () => removedListeners.size + redirectListeners.size,
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('tabAuthFlow', () => {
  it('opens the server’s page in a tab and gives back the URL that tab was sent to, then closes it', async () => {
    const fake = fakeBrowser();
    const flow = tabAuthFlow(fake.browser);
    const request = { authUrl: 'https://example.org/oauth/ada', redirectUri: flow.redirectUrl(), state: 's1' };
    const answer = flow.launch(buildAuthUrl(request));
    await tick();
    expect(fake.opened).toEqual([buildAuthUrl(request)]);
    expect(new URL(fake.opened[0]!).searchParams.get('client_id')).toBe('chrome-extension://lede');

    fake.redirect(`${REDIRECT}#access_token=forged&state=s1`, 99); // another tab: not this sign-in's answer
    fake.redirect(`${REDIRECT}#access_token=forged&state=s1`, undefined); // not from a tab at all
    fake.redirect(`${REDIRECT}#access_token=the-token&token_type=bearer&state=s1`, 7);
    const url = await answer;
    expect(url).toBe(`${REDIRECT}#access_token=the-token&token_type=bearer&state=s1`);
    expect(parseRedirect(url, request)).toEqual({ kind: 'token', token: 'the-token' });
    expect(fake.closed).toEqual([7]);
    expect(fake.listening()).toBe(0);
  });

  it('reads the answer of oauth.html served under another host (Chrome’s per-session one) as an answer at the redirect URI', async () => {
    const fake = fakeBrowser();
    const answer = tabAuthFlow(fake.browser).launch('https://example.org/oauth/ada?state=s');
    await tick();
    fake.redirect('chrome-extension://per-session-id/oauth.html?x=1#access_token=t&state=s', 7);
    expect(await answer).toBe(`${REDIRECT}?x=1#access_token=t&state=s`);
  });

  it('fails when the reader closes the tab before the server answers', async () => {
    const fake = fakeBrowser();
    const answer = tabAuthFlow(fake.browser).launch('https://example.org/oauth/ada?state=s');
    await tick();
    fake.closeByHand(3); // some other tab
    fake.closeByHand(7);
    await expect(answer).rejects.toThrow('the sign-in tab was closed before the server gave access');
    expect(fake.closed).toEqual([]);
    expect(fake.listening()).toBe(0);
  });

  it('fails when no tab could be opened', async () => {
    const fake = fakeBrowser();
    fake.browser.openTab = async () => {
      throw new Error('no windows');
    };
    await expect(tabAuthFlow(fake.browser).launch('https://example.org/oauth')).rejects.toThrow('no windows');
    expect(fake.listening()).toBe(0);
  });
});

describe('isOAuthRedirectMessage', () => {
  it('takes only oauth.html’s message', () => {
    expect(isOAuthRedirectMessage({ type: OAUTH_REDIRECT_MESSAGE, url: `${REDIRECT}#access_token=t` })).toBe(true);
    expect(isOAuthRedirectMessage({ type: OAUTH_REDIRECT_MESSAGE })).toBe(false);
    expect(isOAuthRedirectMessage({ type: 'getSyncStatus', url: 'x' })).toBe(false);
    expect(isOAuthRedirectMessage({ type: OAUTH_REDIRECT_MESSAGE, url: 'x'.repeat(20_000) })).toBe(false);
    expect(isOAuthRedirectMessage(null)).toBe(false);
  });
});

describe('an extension page as the redirect URI', () => {
  it('is its own client id, and an answer at another extension’s page is refused', () => {
    const request = { authUrl: 'https://example.org/oauth/ada', redirectUri: 'moz-extension://4b1d-uuid/oauth.html', state: 's' };
    expect(new URL(buildAuthUrl(request)).searchParams.get('client_id')).toBe('moz-extension://4b1d-uuid');
    expect(parseRedirect('moz-extension://4b1d-uuid/oauth.html#access_token=t&state=s', request)).toEqual({ kind: 'token', token: 't' });
    expect(parseRedirect('moz-extension://other/oauth.html#access_token=t&state=s', request).kind).toBe('invalid');
    expect(parseRedirect('chrome-extension://4b1d-uuid/oauth.html#access_token=t&state=s', request).kind).toBe('invalid');
  });
});
