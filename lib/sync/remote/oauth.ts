// The remoteStorage authorisation (OAuth 2 implicit grant, RFC 6749 section 4.2) without the
// browser: building the URL to open, and reading the token out of the redirect it comes back to.
// The background opens the URL (browser.identity.launchWebAuthFlow, or a tab it watches) and hands
// the final URL to parseRedirect.

/** The one folder Lede asks for: `lede/` under the storage root, read and write. */
export const LEDE_SCOPE = 'lede:rw';

export interface AuthRequest {
  /** From WebFinger (RemoteStorageInfo.authUrl). */
  authUrl: string;
  /** Where the server sends the reader back, e.g. browser.identity.getRedirectURL(). */
  redirectUri: string;
  /** A random value tying the answer to this request. */
  state: string;
  scope?: string;
}

export type AuthResult =
  | { kind: 'token'; token: string }
  | { kind: 'denied'; message: string }
  | { kind: 'invalid'; message: string };

/** The authorisation URL. remoteStorage servers take the redirect URI's origin as the client id. */
export function buildAuthUrl(request: AuthRequest): string {
  const url = new URL(request.authUrl);
  url.searchParams.set('redirect_uri', request.redirectUri);
  url.searchParams.set('scope', request.scope ?? LEDE_SCOPE);
  url.searchParams.set('client_id', originOf(new URL(request.redirectUri)));
  url.searchParams.set('response_type', 'token');
  url.searchParams.set('state', request.state);
  return url.toString();
}

/**
 * The outcome carried by the URL the server redirected to: a token, a refusal, or something that
 * isn't an answer to our request (another redirect target, or a state that doesn't match).
 */
export function parseRedirect(redirectedTo: string, request: Pick<AuthRequest, 'redirectUri' | 'state'>): AuthResult {
  let url: URL;
  try {
    url = new URL(redirectedTo);
  } catch {
    return { kind: 'invalid', message: 'the server redirected to something that is not a URL' };
  }
  const expected = new URL(request.redirectUri);
  if (originOf(url) !== originOf(expected) || url.pathname !== expected.pathname) {
    return { kind: 'invalid', message: 'the server redirected somewhere else' };
  }
  // The answer is in the fragment (implicit grant); some servers put errors in the query.
  const params = new URLSearchParams(url.hash.replace(/^#/, ''));
  for (const [key, value] of url.searchParams) if (!params.has(key)) params.set(key, value);
  const error = params.get('error');
  // A refusal without a state is still read as one (armadietto leaves the state out of its
  // refusals): it grants nothing, so it can't be used to slip a token in. A token needs the state.
  const stateless = error !== null && !params.has('state');
  if (!stateless && params.get('state') !== request.state) return { kind: 'invalid', message: "the answer doesn't belong to this request" };
  if (error) {
    const description = params.get('error_description');
    return { kind: 'denied', message: description ? `${error}: ${description}` : error };
  }
  const token = params.get('access_token');
  if (!token) return { kind: 'invalid', message: 'the server sent no access token' };
  const type = params.get('token_type');
  if (type && type.toLowerCase() !== 'bearer') return { kind: 'invalid', message: `unsupported token type ${type}` };
  return { kind: 'token', token };
}

/**
 * scheme://host[:port]. Not URL.origin: outside the browser (Node, and URL parsers that don't know
 * chrome-extension: or moz-extension:, the redirect URI of the tab sign-in) that is "null" for them.
 */
function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/** A random state value for one request. */
export function newState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
