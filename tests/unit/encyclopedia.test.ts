import { describe, expect, it } from 'vitest';
import {
  lookupSummary,
  MAX_EXTRACT_CHARS,
  normaliseEntityName,
  parseSummaryBody,
  parseSummaryJson,
  summaryRequestUrl,
  trimExtract,
  type SummaryFetch,
} from '@/lib/background/encyclopedia';

const BASE = 'https://en.wikipedia.org';

/** Shaped like https://en.wikipedia.org/api/rest_v1/page/summary/John_Kerry (fields trimmed). */
const KERRY = {
  type: 'standard',
  title: 'John Kerry',
  displaytitle: '<span class="mw-page-title-main">John Kerry</span>',
  titles: { canonical: 'John_Kerry', normalized: 'John Kerry', display: '<span>John Kerry</span>' },
  extract:
    'John Forbes Kerry is an American attorney, politician, and diplomat who served as the 68th United States secretary of state from 2013 to 2017. A member of the Forbes family and the Democratic Party, he represented Massachusetts in the U.S. Senate from 1985 to 2013. He was the Democratic nominee in the 2004 presidential election.',
  extract_html: '<p><b>John Forbes Kerry</b> is an American attorney…</p>',
  content_urls: {
    desktop: { page: 'https://en.wikipedia.org/wiki/John_Kerry' },
    mobile: { page: 'https://en.m.wikipedia.org/wiki/John_Kerry' },
  },
};

const MERCURY = {
  type: 'disambiguation',
  title: 'Mercury',
  titles: { canonical: 'Mercury', normalized: 'Mercury' },
  extract: 'Mercury commonly refers to:',
  content_urls: { desktop: { page: 'https://en.wikipedia.org/wiki/Mercury' } },
};

const NOT_FOUND = {
  type: 'https://mediawiki.org/wiki/HyperSwitch/errors/not_found',
  title: 'Not found.',
  method: 'get',
  detail: 'Page or revision not found.',
  uri: '/en.wikipedia.org/v1/page/summary/Nobody_Atall',
};

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch stand-in: records each call and answers with the given status and body. */
function fakeFetch(status: number, body: string | object): { fetch: SummaryFetch; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      calls.push({ url, init });
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      return { ok: status >= 200 && status < 300, status, text: async () => text };
    },
  };
}

describe('the request', () => {
  it('asks the page-summary endpoint with the name as the title, spaces as underscores', () => {
    expect(summaryRequestUrl(BASE, 'John Kerry')).toBe('https://en.wikipedia.org/api/rest_v1/page/summary/John_Kerry');
    expect(summaryRequestUrl('http://127.0.0.1:9/', '  Al   Jazeera ')).toBe('http://127.0.0.1:9/api/rest_v1/page/summary/Al_Jazeera');
    expect(summaryRequestUrl(BASE, 'AT&T / Verizon?')).toBe('https://en.wikipedia.org/api/rest_v1/page/summary/AT%26T_%2F_Verizon%3F');
    expect(summaryRequestUrl(BASE, 'Zürich')).toBe('https://en.wikipedia.org/api/rest_v1/page/summary/Z%C3%BCrich');
  });

  it('normalises whitespace in names', () => {
    expect(normaliseEntityName('  Sergei\n Lavrov ')).toBe('Sergei Lavrov');
  });

  it('sends only the name: no credentials, no referrer, following redirects, with a timeout signal', async () => {
    const { fetch, calls } = fakeFetch(200, KERRY);
    await lookupSummary('John Kerry', { baseUrl: BASE, fetch });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call!.url).toBe('https://en.wikipedia.org/api/rest_v1/page/summary/John_Kerry');
    expect(call!.init).toMatchObject({ method: 'GET', redirect: 'follow', credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect(call!.init.body).toBeUndefined();
    expect(call!.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('does not ask about an empty name', async () => {
    const { fetch, calls } = fakeFetch(200, KERRY);
    expect(await lookupSummary('   ', { baseUrl: BASE, fetch })).toEqual({ status: 'missing' });
    expect(calls).toHaveLength(0);
  });
});

describe('reading the answer', () => {
  it('finds a page: title, the first two sentences, the page link', async () => {
    const { fetch } = fakeFetch(200, KERRY);
    expect(await lookupSummary('John Kerry', { baseUrl: BASE, fetch })).toEqual({
      status: 'found',
      title: 'John Kerry',
      extract:
        'John Forbes Kerry is an American attorney, politician, and diplomat who served as the 68th United States secretary of state from 2013 to 2017. A member of the Forbes family and the Democratic Party, he represented Massachusetts in the U.S. Senate from 1985 to 2013.',
      url: 'https://en.wikipedia.org/wiki/John_Kerry',
    });
  });

  it('recognises a disambiguation page', async () => {
    const { fetch } = fakeFetch(200, MERCURY);
    expect(await lookupSummary('Mercury', { baseUrl: BASE, fetch })).toEqual({
      status: 'ambiguous',
      url: 'https://en.wikipedia.org/wiki/Mercury',
    });
  });

  it('takes a 404 as a miss', async () => {
    const { fetch } = fakeFetch(404, NOT_FOUND);
    expect(await lookupSummary('Nobody Atall', { baseUrl: BASE, fetch })).toEqual({ status: 'missing' });
  });

  it.each([
    ['a page without an extract', { ...KERRY, type: 'no-extract', extract: '' }],
    ['an empty extract', { ...KERRY, extract: '   ' }],
    ['the main page', { ...KERRY, type: 'mainpage' }],
  ])('takes %s as a miss', (_label, body) => {
    expect(parseSummaryJson(body, BASE)).toEqual({ status: 'missing' });
  });

  it('builds the page link from the title when the answer has none, and refuses non-web links', () => {
    const { content_urls: _dropped, ...withoutUrls } = KERRY;
    expect(parseSummaryJson(withoutUrls, BASE)).toMatchObject({ status: 'found', url: 'https://en.wikipedia.org/wiki/John_Kerry' });
    const sneaky = { ...KERRY, content_urls: { desktop: { page: 'javascript:alert(1)' } } };
    expect(parseSummaryJson(sneaky, BASE)).toMatchObject({ status: 'found', url: 'https://en.wikipedia.org/wiki/John_Kerry' });
  });

  it('keeps the extract as plain text, whatever HTML the answer carries', () => {
    const result = parseSummaryJson({ ...KERRY, extract: 'Kerry <b>is</b> a <script>x</script> diplomat.' }, BASE);
    expect(result).toMatchObject({ status: 'found', extract: 'Kerry <b>is</b> a <script>x</script> diplomat.' });
  });

  it.each([
    ['malformed JSON', '{"type": "standard", "extract": '],
    ['an HTML error page', '<!doctype html><title>Oops</title>'],
    ['a JSON array', '[1, 2]'],
    ['JSON null', 'null'],
  ])('reports %s as an error', (_label, body) => {
    expect(parseSummaryBody(body, BASE)).toEqual({ status: 'error', message: 'Wikipedia sent an answer Lede could not read.' });
  });

  it('reports a server error with its status', async () => {
    const { fetch } = fakeFetch(503, 'upstream down');
    expect(await lookupSummary('John Kerry', { baseUrl: BASE, fetch })).toEqual({
      status: 'error',
      message: 'Wikipedia answered with an error (503).',
    });
  });

  it('reports a network failure without throwing', async () => {
    const fetch: SummaryFetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await lookupSummary('John Kerry', { baseUrl: BASE, fetch })).toEqual({
      status: 'error',
      message: 'Could not reach Wikipedia (Failed to fetch).',
    });
  });

  it('gives up after the timeout', async () => {
    const fetch: SummaryFetch = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
      });
    expect(await lookupSummary('John Kerry', { baseUrl: BASE, fetch, timeoutMs: 5 })).toEqual({
      status: 'error',
      message: 'Wikipedia took too long to answer.',
    });
  });
});

describe('trimExtract', () => {
  it('keeps at most two sentences, not splitting at initials or abbreviations', () => {
    expect(trimExtract('John F. Kennedy was president. He was born in 1917. He died in 1963.')).toBe(
      'John F. Kennedy was president. He was born in 1917.',
    );
    expect(trimExtract('Apple Inc. is a U.S. company. It makes phones.')).toBe('Apple Inc. is a U.S. company. It makes phones.');
  });

  it('collapses whitespace', () => {
    expect(trimExtract('  Moscow\n is  the capital of Russia. ')).toBe('Moscow is the capital of Russia.');
  });

  it('cuts a long sentence at a word boundary with an ellipsis, within the limit', () => {
    const long = `${'word '.repeat(100)}end.`;
    const trimmed = trimExtract(long);
    expect(trimmed.length).toBeLessThanOrEqual(MAX_EXTRACT_CHARS);
    expect(trimmed.endsWith('word…')).toBe(true);
  });

  it('cuts inside a word only when there is no space to cut at', () => {
    const trimmed = trimExtract('x'.repeat(1000));
    expect(trimmed).toBe(`${'x'.repeat(MAX_EXTRACT_CHARS - 1)}…`);
  });

  it('returns an empty string for nothing', () => {
    expect(trimExtract(' \n ')).toBe('');
  });
});
