// A stand-in for Wikipedia's REST page-summary endpoint on 127.0.0.1, for tests only:
// GET /api/rest_v1/page/summary/<Title_with_underscores> answers with Wikipedia-shaped JSON
// (https://en.wikipedia.org/api/rest_v1/#/Page%20content/get_page_summary__title_) and counts hits per title.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const SUMMARY_PATH = '/api/rest_v1/page/summary/';

/** What the stub says about one title. Titles it was not told about get a 404 (a miss). */
export type StubAnswer =
  | { type: 'standard'; extract: string }
  | { type: 'disambiguation'; extract?: string };

export interface EncyclopediaStub {
  /** Base URL to configure in Lede, e.g. http://127.0.0.1:41234 (no trailing slash). */
  baseUrl: string;
  /** The article link the stub gives for a title. */
  pageUrl(title: string): string;
  /** GET requests so far for a title (spaces or underscores, either way). */
  hits(title: string): number;
  /** Every request path seen, in order (including misses and preflights). */
  readonly requests: string[];
  close(): Promise<void>;
}

const titleKey = (title: string): string => title.trim().replace(/ /g, '_');

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, OPTIONS',
  'access-control-allow-headers': '*',
};

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...CORS_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

function summaryBody(title: string, answer: StubAnswer, pageUrl: string): Record<string, unknown> {
  const display = title.replace(/_/g, ' ');
  const extract = answer.extract ?? `${display} may refer to:`;
  return {
    type: answer.type,
    title: display,
    displaytitle: display,
    extract,
    extract_html: `<p>${extract}</p>`,
    lang: 'en',
    dir: 'ltr',
    content_urls: {
      desktop: { page: pageUrl },
      mobile: { page: pageUrl },
    },
  };
}

export async function startEncyclopediaStub(answers: Record<string, StubAnswer>): Promise<EncyclopediaStub> {
  const byKey = new Map(Object.entries(answers).map(([title, answer]) => [titleKey(title), answer]));
  const hitCounts = new Map<string, number>();
  const requests: string[] = [];
  let origin = '';
  const pageUrl = (title: string): string => `${origin}/wiki/${encodeURIComponent(titleKey(title))}`;

  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0]!;
    requests.push(`${request.method ?? 'GET'} ${path}`);
    if (request.method === 'OPTIONS') {
      response.writeHead(204, CORS_HEADERS).end();
      return;
    }
    if (!path.startsWith(SUMMARY_PATH)) {
      sendJson(response, 404, { type: 'https://mediawiki.org/wiki/HyperSwitch/errors/not_found', title: 'Not found.' });
      return;
    }
    const key = titleKey(decodeURIComponent(path.slice(SUMMARY_PATH.length)));
    hitCounts.set(key, (hitCounts.get(key) ?? 0) + 1);
    const answer = byKey.get(key);
    if (!answer) {
      sendJson(response, 404, {
        type: 'https://mediawiki.org/wiki/HyperSwitch/errors/not_found',
        title: 'Not found.',
        method: 'get',
        detail: 'Page or revision not found.',
        uri: path,
      });
      return;
    }
    sendJson(response, 200, summaryBody(key, answer, pageUrl(key)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl: origin,
    pageUrl,
    hits: (title) => hitCounts.get(titleKey(title)) ?? 0,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
