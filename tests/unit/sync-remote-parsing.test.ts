// The pure parts of the sync server clients: OAuth URLs and redirects, WebFinger, the WebDAV
// multistatus and remoteStorage folder listings in the shapes real servers send, etags, HTTP
// failure kinds, and the stored connection. The protocols themselves are tested against real
// servers in sync-servers.test.ts.

import { describe, expect, it } from 'vitest';
import { buildAuthUrl, LEDE_SCOPE, parseRedirect } from '@/lib/sync/remote/oauth';
import { DiscoveryError, parseAddress, parseWebfinger, webfingerUrl } from '@/lib/sync/remote/webfinger';
import { parseMultistatus, WebDavStore } from '@/lib/sync/remote/webdav-store';
import { parseFolderListing, RemoteStorageStore } from '@/lib/sync/remote/remote-storage-store';
import { failureOf, normalizeEtag, basicAuth } from '@/lib/sync/remote/http';
import { openRemoteStore, parseRemoteConnection } from '@/lib/sync/remote/open-store';
import { RemoteStoreError } from '@/lib/sync/remote-store';
import { freePort } from '@/testing/servers/free-port';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A broken server on 127.0.0.1: every answer says 200/207 with a long body, then the connection drops halfway. */
async function cuttingServer(): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const status = req.method === 'PROPFIND' ? 207 : 200;
    const start = status === 207 ? '<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"><d:response><d:href>/dav/lede/a.lede</d:href>' : '{"@context":"http://remotestorage.io/spec/folder-description","items":{"a.lede":{"ETag":"1"}';
    res.writeHead(status, { 'content-length': String(start.length + 10_000), 'content-type': 'application/octet-stream' });
    res.write(start, () => setTimeout(() => res.socket?.destroy(), 20));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';

describe('remoteStorage OAuth', () => {
  it('builds an implicit-grant URL for the lede scope, with the redirect origin as client id', () => {
    const url = new URL(buildAuthUrl({ authUrl: 'https://rs.example/oauth/ada', redirectUri: REDIRECT, state: 's1' }));
    expect(url.origin + url.pathname).toBe('https://rs.example/oauth/ada');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      redirect_uri: REDIRECT,
      scope: LEDE_SCOPE,
      client_id: 'https://abcdefghijklmnop.chromiumapp.org',
      response_type: 'token',
      state: 's1',
    });
  });

  it('keeps query parameters the auth URL already has', () => {
    const url = new URL(buildAuthUrl({ authUrl: 'https://rs.example/auth?user=ada', redirectUri: REDIRECT, state: 's' }));
    expect(url.searchParams.get('user')).toBe('ada');
    expect(url.searchParams.get('response_type')).toBe('token');
  });

  it.each([
    [`${REDIRECT}#access_token=tok%2Fen%3D&token_type=bearer&state=s1`, { kind: 'token', token: 'tok/en=' }],
    [`${REDIRECT}#access_token=abc&state=s1`, { kind: 'token', token: 'abc' }],
    [`${REDIRECT}#error=access_denied&error_description=The%20user%20did%20not%20grant%20permission&state=s1`, { kind: 'denied', message: 'access_denied: The user did not grant permission' }],
    [`${REDIRECT}?error=invalid_scope&state=s1`, { kind: 'denied', message: 'invalid_scope' }],
    [`${REDIRECT}#access_token=abc&state=other`, { kind: 'invalid', message: "the answer doesn't belong to this request" }],
    // armadietto's Deny leaves the state out: still a refusal. A refusal with another state is not ours.
    [`${REDIRECT}#error=access_denied&error_description=The%20user%20did%20not%20grant%20permission`, { kind: 'denied', message: 'access_denied: The user did not grant permission' }],
    [`${REDIRECT}#error=access_denied&state=other`, { kind: 'invalid', message: "the answer doesn't belong to this request" }],
    [`${REDIRECT}#access_token=abc`, { kind: 'invalid', message: "the answer doesn't belong to this request" }],
    [`https://evil.example/#access_token=abc&state=s1`, { kind: 'invalid', message: 'the server redirected somewhere else' }],
    [`${REDIRECT}#state=s1`, { kind: 'invalid', message: 'the server sent no access token' }],
    [`${REDIRECT}#access_token=abc&token_type=mac&state=s1`, { kind: 'invalid', message: 'unsupported token type mac' }],
    ['not a url', { kind: 'invalid', message: 'the server redirected to something that is not a URL' }],
  ])('reads the redirect %s', (redirect, expected) => {
    expect(parseRedirect(redirect, { redirectUri: REDIRECT, state: 's1' })).toEqual(expected);
  });
});

describe('WebFinger discovery', () => {
  it('splits a user address and asks over https, or http for a server on this machine', () => {
    expect(parseAddress(' ada@Example.org ')).toEqual({ user: 'ada', host: 'example.org' });
    expect(webfingerUrl('ada@example.org')).toBe('https://example.org/.well-known/webfinger?resource=acct%3Aada%40example.org');
    expect(webfingerUrl('ada@127.0.0.1:8000')).toBe('http://127.0.0.1:8000/.well-known/webfinger?resource=acct%3Aada%40127.0.0.1%3A8000');
    expect(webfingerUrl('ada@localhost')).toMatch(/^http:\/\/localhost\//);
    expect(webfingerUrl('ada@localhost.evil.example')).toMatch(/^https:/);
    for (const bad of ['ada', 'ada@', '@host', 'a@b@c', 'ada@host/path']) expect(() => parseAddress(bad)).toThrow(DiscoveryError);
  });

  it('reads the storage root and the OAuth endpoint from the JRD', () => {
    const jrd = {
      subject: 'acct:ada@rs.example',
      links: [
        { rel: 'http://webfinger.net/rel/avatar', href: 'https://rs.example/a.png' },
        {
          href: 'https://rs.example/storage/ada/',
          rel: 'http://tools.ietf.org/id/draft-dejong-remotestorage',
          type: 'draft-dejong-remotestorage-10',
          properties: { 'http://remotestorage.io/spec/version': 'draft-dejong-remotestorage-10', 'http://tools.ietf.org/html/rfc6749#section-4.2': 'https://rs.example/oauth/ada' },
        },
      ],
    };
    expect(parseWebfinger(jrd)).toEqual({ storageRoot: 'https://rs.example/storage/ada', authUrl: 'https://rs.example/oauth/ada' });
    expect(parseWebfinger({ links: [{ rel: 'remotestorage', href: 'https://old.example/s', properties: { 'http://tools.ietf.org/html/rfc6749#section-4.2': false } }] })).toEqual({ storageRoot: 'https://old.example/s', authUrl: null });
    expect(() => parseWebfinger({ links: [] })).toThrow(DiscoveryError);
    expect(() => parseWebfinger(null)).toThrow(DiscoveryError);
  });
});

describe('WebDAV listing', () => {
  it("reads Apache mod_dav's multistatus (namespaced props, the folder itself first)", () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<D:multistatus xmlns:D="DAV:" xmlns:ns0="DAV:">
<D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/">
<D:href>/dav/lede/</D:href>
<D:propstat><D:prop><lp1:getetag>W/"1000-6620b082e732c"</lp1:getetag><lp1:resourcetype><D:collection/></lp1:resourcetype></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
</D:response>
<D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/">
<D:href>/dav/lede/a.lede</D:href>
<D:propstat><D:prop><lp1:getetag>W/"5-6620b082e732c"</lp1:getetag><lp1:resourcetype/></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
</D:response>
<D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/">
<D:href>/dav/lede/lede-keyinfo.json</D:href>
<D:propstat><D:prop><lp1:getetag>"qvTGHdzF6KLavt4PO0gs2a6pQ00="</lp1:getetag><lp1:resourcetype/></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
</D:response>
</D:multistatus>`;
    expect(parseMultistatus(xml, '/dav/lede/')).toEqual([
      { name: 'a.lede', etag: '"5-6620b082e732c"' },
      { name: 'lede-keyinfo.json', etag: '"qvTGHdzF6KLavt4PO0gs2a6pQ00="' },
    ]);
  });

  it("reads a Nextcloud-style answer: absolute encoded hrefs, sub-folders, a 404 propstat for props it lacks", () => {
    const xml = `<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:oc="http://owncloud.org/ns">
 <d:response><d:href>/remote.php/dav/files/Ada%20L/Sync%20Folder/lede/</d:href>
  <d:propstat><d:prop><d:getetag>&quot;6572&quot;</d:getetag><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
 <d:response><d:href>https://cloud.example/remote.php/dav/files/Ada%20L/Sync%20Folder/lede/0123abcd.lede</d:href>
  <d:propstat><d:prop><d:getetag>&quot;b1c2&quot;</d:getetag><d:resourcetype/></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
  <d:propstat><d:prop><oc:fileid/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat></d:response>
 <d:response><d:href>/remote.php/dav/files/Ada%20L/Sync%20Folder/lede/old/</d:href>
  <d:propstat><d:prop><d:getetag>&quot;77&quot;</d:getetag><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
 <d:response><d:href>/remote.php/dav/files/Ada%20L/Sync%20Folder/lede/a%20b.txt</d:href>
  <d:propstat><d:prop><d:getetag>"x&amp;y"</d:getetag><d:resourcetype></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
</d:multistatus>`;
    expect(parseMultistatus(xml, '/remote.php/dav/files/Ada%20L/Sync%20Folder/lede/')).toEqual([
      { name: '0123abcd.lede', etag: '"b1c2"' },
      { name: 'a b.txt', etag: '"x&y"' },
    ]);
  });

  it('refuses an answer that is not a multistatus, and reads an empty folder as empty', () => {
    expect(() => parseMultistatus('<html><body>login</body></html>', '/dav/lede/')).toThrow(RemoteStoreError);
    expect(parseMultistatus('<d:multistatus xmlns:d="DAV:"><d:response><d:href>/dav/lede/</d:href></d:response></d:multistatus>', '/dav/lede/')).toEqual([]);
  });
});

describe('remoteStorage listing', () => {
  it('reads JSON-LD items, skipping sub-folders, quoting bare etags', () => {
    const listing = {
      '@context': 'http://remotestorage.io/spec/folder-description',
      items: { 'a.lede': { ETag: '1796649526741', 'Content-Type': 'application/octet-stream', 'Content-Length': 3 }, 'sub/': { ETag: '17' }, 'lede-keyinfo.json': { ETag: '"q"' } },
    };
    expect(parseFolderListing(listing)).toEqual([
      { name: 'a.lede', etag: '"1796649526741"' },
      { name: 'lede-keyinfo.json', etag: '"q"' },
    ]);
  });

  it('reads the older flat form, and nothing from an empty or odd answer', () => {
    expect(parseFolderListing({ 'a.lede': 1234, 'b/': 5 })).toEqual([{ name: 'a.lede', etag: '"1234"' }]);
    expect(parseFolderListing({ '@context': 'x', items: {} })).toEqual([]);
    expect(parseFolderListing(null)).toEqual([]);
  });
});

describe('HTTP details', () => {
  it('gives every etag one quoted, strong form', () => {
    expect(normalizeEtag('W/"5-abc"')).toBe('"5-abc"');
    expect(normalizeEtag('"x"')).toBe('"x"');
    expect(normalizeEtag('123')).toBe('"123"');
    expect(normalizeEtag('')).toBeNull();
    expect(normalizeEtag(null)).toBeNull();
  });

  it.each([
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'not-found'],
    [412, 'precondition'],
    [500, 'server'],
    [507, 'server'],
  ])('maps HTTP %i to %s', (status, kind) => {
    expect(failureOf(status, 'x').kind).toBe(kind);
  });

  it('encodes Basic credentials as UTF-8', () => {
    expect(basicAuth('ada', 'pässword')).toBe(`Basic ${Buffer.from('ada:pässword', 'utf8').toString('base64')}`);
  });

  it('reports a server nobody answers on as a network failure, for both clients', async () => {
    const port = await freePort();
    for (const store of [new WebDavStore({ url: `http://127.0.0.1:${port}/dav`, user: 'a', password: 'b' }), new RemoteStorageStore({ storageRoot: `http://127.0.0.1:${port}/storage/a`, token: 't' })]) {
      const error = await store.list().then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(RemoteStoreError);
      expect((error as RemoteStoreError).failure.kind).toBe('network');
    }
  });
});

describe('a listing cut off mid-way', () => {
  it('is a network failure, never a shorter folder, for both clients', async () => {
    const server = await cuttingServer();
    try {
      for (const store of [new WebDavStore({ url: `${server.origin}/dav`, user: 'a', password: 'b' }), new RemoteStorageStore({ storageRoot: `${server.origin}/storage/a`, token: 't' })]) {
        const error = await store.list().then(() => null, (e: unknown) => e);
        expect(error).toBeInstanceOf(RemoteStoreError);
        expect((error as RemoteStoreError).failure.kind).toBe('network');
      }
    } finally {
      await server.close();
    }
  });
});

describe('stored connections', () => {
  it('opens the client for each kind, in Lede\'s folder', () => {
    const dav = openRemoteStore({ kind: 'webdav', url: 'https://cloud.example/dav/files/ada', user: 'ada', password: 'pw' });
    expect(dav).toBeInstanceOf(WebDavStore);
    expect((dav as WebDavStore).folder).toBe('https://cloud.example/dav/files/ada/lede/');
    const rs = openRemoteStore({ kind: 'remotestorage', address: 'ada@rs.example', token: 't', storageRoot: 'https://rs.example/storage/ada/' });
    expect(rs).toBeInstanceOf(RemoteStorageStore);
    expect((rs as RemoteStorageStore).folder).toBe('https://rs.example/storage/ada/lede/');
  });

  it('accepts only well-formed stored connections', () => {
    const dav = { kind: 'webdav', url: 'https://cloud.example/dav', user: 'ada', password: 'pw' };
    const rs = { kind: 'remotestorage', address: 'ada@rs.example', token: 't', storageRoot: 'https://rs.example/storage/ada' };
    expect(parseRemoteConnection(dav)).toEqual(dav);
    expect(parseRemoteConnection({ ...rs, extra: 1 })).toEqual(rs);
    expect(parseRemoteConnection({ ...dav, url: 'javascript:alert(1)' })).toBeNull();
    expect(parseRemoteConnection({ ...dav, password: 5 })).toBeNull();
    expect(parseRemoteConnection({ ...rs, kind: 'ftp' })).toBeNull();
    expect(parseRemoteConnection(null)).toBeNull();
  });
});
