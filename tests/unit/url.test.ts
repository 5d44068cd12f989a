import { describe, expect, it } from 'vitest';
import { isPageKeyFor, isSameSite, normalizeSourceUrl } from '@/lib/notes/source-url';

describe('normalizeSourceUrl without a canonical link', () => {
  it.each([
    ['drops the fragment', 'https://news.example/story#comments', 'https://news.example/story'],
    ['lower-cases the host, keeps the path as written', 'https://News.EXAMPLE/World/Story-1', 'https://news.example/World/Story-1'],
    ['removes the default https port', 'https://news.example:443/story', 'https://news.example/story'],
    ['removes the default http port', 'http://news.example:80/story', 'http://news.example/story'],
    ['keeps another port', 'http://localhost:5173/story', 'http://localhost:5173/story'],
    ['strips utm_* parameters', 'https://n.example/s?utm_source=x&utm_medium=email&utm_campaign=c', 'https://n.example/s'],
    ['strips UTM_ parameters in any case', 'https://n.example/s?UTM_Source=x', 'https://n.example/s'],
    ['strips click ids', 'https://n.example/s?fbclid=a&gclid=b&dclid=c&msclkid=d&igshid=e', 'https://n.example/s'],
    ['strips Mailchimp ids', 'https://n.example/s?mc_cid=1&mc_eid=2', 'https://n.example/s'],
    ['strips ref and ref_src', 'https://n.example/s?ref=twitter&ref_src=twsrc', 'https://n.example/s'],
    ['strips _ga', 'https://n.example/s?_ga=2.1', 'https://n.example/s'],
    ['keeps other parameters in their order', 'https://n.example/s?id=7&utm_source=x&page=2&a=1', 'https://n.example/s?id=7&page=2&a=1'],
    ['keeps parameter text exactly as written', 'https://n.example/s?q=a%20b+c&x=%2F', 'https://n.example/s?q=a%20b+c&x=%2F'],
    ['keeps a parameter that only starts like a tracker', 'https://n.example/s?reference=1&refs=2', 'https://n.example/s?reference=1&refs=2'],
    ['drops an empty query', 'https://n.example/s?', 'https://n.example/s'],
    ['drops empty pairs left by stripping', 'https://n.example/s?&utm_source=x&&id=1', 'https://n.example/s?id=1'],
    ['drops credentials', 'https://user:secret@n.example/s', 'https://n.example/s'],
    ['keeps a trailing slash', 'https://n.example/news/', 'https://n.example/news/'],
    ['returns a non-http URL without its fragment', 'file:///tmp/page.html#x', 'file:///tmp/page.html'],
    ['returns garbage without its fragment', 'not a url#frag', 'not a url'],
  ])('%s', (_name, href, expected) => {
    expect(normalizeSourceUrl(href)).toBe(expected);
    expect(normalizeSourceUrl(href, null)).toBe(expected);
  });
});

describe('normalizeSourceUrl with a canonical link', () => {
  it.each([
    ['same host', 'https://n.example/s?page=1&utm_source=x', 'https://n.example/story', 'https://n.example/story'],
    ['a subdomain of the page (www.)', 'https://n.example/s', 'https://www.n.example/story', 'https://www.n.example/story'],
    ['the parent of an amp. page', 'https://amp.n.example/s.amp', 'https://n.example/s', 'https://n.example/s'],
    ['a relative canonical', 'https://n.example/a/b?x=1', '/a/canonical', 'https://n.example/a/canonical'],
    ['http page, https canonical', 'http://n.example/s', 'https://n.example/s', 'https://n.example/s'],
    ['cleaned like the page', 'https://n.example/s', 'https://N.example:443/s?utm_medium=rss&id=2#top', 'https://n.example/s?id=2'],
    ['registry suffix subdomain', 'https://www.bbc.co.uk/news/1', 'https://bbc.co.uk/news/1', 'https://bbc.co.uk/news/1'],
    ['the registrable domain of a www. page', 'https://www.example.com/a?utm_source=x', 'https://example.com/a', 'https://example.com/a'],
    ['a sibling subdomain of one registrable domain', 'https://amp.example.com/a', 'https://www.example.com/a', 'https://www.example.com/a'],
    ['the same host on a shared hosting suffix', 'https://victim.github.io/a/', 'https://victim.github.io/a', 'https://victim.github.io/a'],
  ])('uses it when it is %s', (_name, href, canonical, expected) => {
    expect(normalizeSourceUrl(href, canonical)).toBe(expected);
  });

  it.each([
    ['another site', 'https://n.example/s', 'https://aggregator.example/s', 'https://n.example/s'],
    ['a look-alike host', 'https://n.example/s', 'https://eviln.example/s', 'https://n.example/s'],
    ['a registry suffix (co.uk)', 'https://bbc.co.uk/news/1', 'https://co.uk/news/1', 'https://bbc.co.uk/news/1'],
    ['not http(s)', 'https://n.example/s', 'javascript:alert(1)', 'https://n.example/s'],
    ['a data: URL', 'https://n.example/s', 'data:text/html,hi', 'https://n.example/s'],
    ['unparsable', 'https://n.example/s', 'http://[bad', 'https://n.example/s'],
    ['the home page for an article', 'https://n.example/world/story', 'https://n.example/', 'https://n.example/world/story'],
    ['an IP address parent', 'http://1.2.3.4/s', 'http://2.3.4/s', 'http://1.2.3.4/s'],
    ['empty', 'https://n.example/s#x', '', 'https://n.example/s'],
    // Public suffix list, private part: each github.io / blogspot.com name is someone else's site.
    ['a sibling on a shared host (github.io)', 'https://attacker.github.io/x', 'https://victim.github.io/notes', 'https://attacker.github.io/x'],
    ['a sibling on a shared host (blogspot.com)', 'https://evil.blogspot.com/x', 'https://victim.blogspot.com/p', 'https://evil.blogspot.com/x'],
    ['another domain under a registry suffix', 'https://evil.example.co.uk/x', 'https://example2.co.uk/story', 'https://evil.example.co.uk/x'],
    ['the shared host itself', 'https://victim.github.io/x', 'https://github.io/x', 'https://victim.github.io/x'],
    ['the shared host’s own site, from a user’s subdomain', 'https://attacker.blogspot.com/s', 'https://blogspot.com/story', 'https://attacker.blogspot.com/s'],
  ])('ignores it when it is %s', (_name, href, canonical, expected) => {
    expect(normalizeSourceUrl(href, canonical)).toBe(expected);
  });

  it('accepts a home-page canonical on the home page', () => {
    expect(normalizeSourceUrl('https://www.n.example/?utm_source=x', 'https://n.example/')).toBe('https://n.example/');
  });
});

describe('isSameSite', () => {
  it.each([
    ['n.example', 'n.example', true],
    ['N.Example', 'n.example', true],
    ['www.n.example', 'n.example', true],
    ['a.b.n.example', 'n.example', true],
    ['n.example', 'm.example', false],
    ['xn.example', 'n.example', false],
    ['bbc.co.uk', 'co.uk', false],
    ['localhost', 'localhost', true],
    ['a.localhost', 'localhost', false],
    ['www.example.com', 'example.com', true],
    ['amp.example.com', 'www.example.com', true],
    ['attacker.github.io', 'victim.github.io', false],
    ['victim.github.io', 'github.io', false],
    ['evil.example.co.uk', 'example2.co.uk', false],
    ['news.example.co.uk', 'example.co.uk', true],
    ['a.b.blogspot.com', 'c.b.blogspot.com', true],
    ['127.0.0.1', '0.0.1', false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(isSameSite(a, b)).toBe(expected);
    expect(isSameSite(b, a)).toBe(expected);
  });
});

describe('isPageKeyFor', () => {
  it.each([
    ['the page itself', 'https://www.example.com/a?utm_source=x#top', 'https://www.example.com/a', true],
    ['a same-site canonical', 'https://www.example.com/a', 'https://example.com/a', true],
    ['another site', 'https://attacker.example/a', 'https://victim.example/a', false],
    ['a shared-host sibling', 'https://attacker.github.io/a', 'https://victim.github.io/a', false],
    ['an uncleaned key (tracking parameter)', 'https://example.com/a', 'https://example.com/a?utm_source=x', false],
    ['a home-page canonical for an article', 'https://example.com/story', 'https://example.com/', false],
    ['a local file', 'file:///tmp/a.html#x', 'file:///tmp/a.html', true],
  ])('%s', (_name, page, claimed, expected) => {
    expect(isPageKeyFor(page, claimed)).toBe(expected);
  });
});
