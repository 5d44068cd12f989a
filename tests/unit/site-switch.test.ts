import { describe, expect, it } from 'vitest';
import { MessageError, parseMessage, type SiteSwitchesChangedRequest } from '@/lib/protocol/messages';
import { createRuntimeHandlers } from '@/lib/background/page-handlers';
import { PrefsStore, sitePrefsKey } from '@/lib/settings/highlight-prefs';
import {
  idleMessage,
  parseSiteSwitches,
  SITE_SWITCHES_KEY,
  siteProblem,
  siteSwitchesProblem,
  SiteSwitchStore,
  verdictFor,
  withPaused,
  withSite,
} from '@/lib/settings/site-switches';
import { createMemoryArea } from '@/lib/settings/storage-area';

describe('site switches model', () => {
  const none = { paused: false, offSites: [] };

  it('runs everywhere by default, nowhere while paused, not on a switched-off site', () => {
    expect(verdictFor(none, 'bbc.co.uk')).toBe('run');
    expect(verdictFor({ paused: true, offSites: [] }, 'bbc.co.uk')).toBe('paused');
    expect(verdictFor({ paused: false, offSites: ['bbc.co.uk'] }, 'bbc.co.uk')).toBe('site-off');
    expect(verdictFor({ paused: false, offSites: ['bbc.co.uk'] }, 'cnn.com')).toBe('run');
    // The pause wins over the site list.
    expect(verdictFor({ paused: true, offSites: ['bbc.co.uk'] }, 'bbc.co.uk')).toBe('paused');
  });

  it('keeps the off list sorted and free of duplicates', () => {
    const one = withSite(none, 'zeit.de', false);
    const two = withSite(one, 'bbc.co.uk', false);
    expect(withSite(two, 'bbc.co.uk', false).offSites).toEqual(['bbc.co.uk', 'zeit.de']);
    expect(withSite(two, 'zeit.de', true).offSites).toEqual(['bbc.co.uk']);
    expect(withSite(two, 'cnn.com', true).offSites).toEqual(['bbc.co.uk', 'zeit.de']);
    expect(withPaused(two, true)).toEqual({ paused: true, offSites: ['bbc.co.uk', 'zeit.de'] });
    expect(two.paused).toBe(false);
  });

  it('accepts host names, IPv6 hosts and schemes as sites, and nothing else', () => {
    for (const site of ['bbc.co.uk', '127.0.0.1', '[::1]', 'file', 'xn--bcher-kva.example']) expect(siteProblem(site)).toBeNull();
    expect(siteProblem('')).toMatch(/empty/);
    expect(siteProblem('BBC.co.uk')).toMatch(/lower-case/);
    expect(siteProblem('bbc.co.uk/news')).toMatch(/lower-case/);
    expect(siteProblem('a b')).toMatch(/lower-case/);
    expect(siteProblem('a'.repeat(254))).toMatch(/longer/);
    expect(siteProblem(42)).toMatch(/string/);
  });

  it('reads whatever storage holds without failing: bad sites dropped, the rest sorted', () => {
    expect(parseSiteSwitches(undefined)).toEqual({ paused: false, offSites: [] });
    expect(parseSiteSwitches('junk')).toEqual({ paused: false, offSites: [] });
    expect(parseSiteSwitches({ paused: 'yes', offSites: ['zeit.de', 'BAD SITE', 3, 'bbc.co.uk', 'zeit.de'] })).toEqual({
      paused: false,
      offSites: ['bbc.co.uk', 'zeit.de'],
    });
    expect(parseSiteSwitches({ paused: true })).toEqual({ paused: true, offSites: [] });
  });

  it('checks switches in a message strictly', () => {
    expect(siteSwitchesProblem({ paused: false, offSites: ['bbc.co.uk'] })).toBeNull();
    expect(siteSwitchesProblem({ paused: false, offSites: ['bbc.co.uk'], extra: 1 })).toMatch(/unexpected/);
    expect(siteSwitchesProblem({ paused: 'no', offSites: [] })).toMatch(/paused/);
    expect(siteSwitchesProblem({ paused: false, offSites: 'bbc.co.uk' })).toMatch(/array/);
    expect(siteSwitchesProblem({ paused: false, offSites: ['ok.com', 'NOT OK'] })).toMatch(/offSites\[1\]/);
  });

  it('says why Lede is idle', () => {
    expect(idleMessage('paused')).toMatch(/paused/);
    expect(idleMessage('site-off')).toMatch(/off on this site/);
  });
});

describe('SiteSwitchStore', () => {
  it('stores the pause and the sites under one key and reads them back', async () => {
    const area = createMemoryArea();
    const store = new SiteSwitchStore(area);
    expect(await store.load()).toEqual({ paused: false, offSites: [] });
    await store.setSite('zeit.de', false);
    await store.setSite('bbc.co.uk', false);
    await store.setPaused(true);
    expect(await store.load()).toEqual({ paused: true, offSites: ['bbc.co.uk', 'zeit.de'] });
    expect((await area.get([SITE_SWITCHES_KEY]))[SITE_SWITCHES_KEY]).toEqual({ paused: true, offSites: ['bbc.co.uk', 'zeit.de'] });
    expect(await store.setSite('zeit.de', true)).toEqual({ paused: true, offSites: ['bbc.co.uk'] });
    expect(await new SiteSwitchStore(area).setPaused(false)).toEqual({ paused: false, offSites: ['bbc.co.uk'] });
  });
});

describe('site switch messages', () => {
  it('validates the new requests', () => {
    expect(parseMessage({ type: 'getPageSetup', site: 'bbc.co.uk' })).toEqual({ type: 'getPageSetup', site: 'bbc.co.uk' });
    expect(parseMessage({ type: 'getSiteSwitches' })).toEqual({ type: 'getSiteSwitches' });
    expect(parseMessage({ type: 'setPaused', paused: true })).toEqual({ type: 'setPaused', paused: true });
    expect(parseMessage({ type: 'setSiteEnabled', site: 'bbc.co.uk', enabled: false })).toEqual({
      type: 'setSiteEnabled',
      site: 'bbc.co.uk',
      enabled: false,
    });
    expect(parseMessage({ type: 'siteSwitchesChanged', switches: { paused: false, offSites: ['a.com'] } })).toEqual({
      type: 'siteSwitchesChanged',
      switches: { paused: false, offSites: ['a.com'] },
    });
  });

  it('refuses malformed ones with a message that says what is wrong', () => {
    expect(() => parseMessage({ type: 'setPaused', paused: 'yes' })).toThrow(/setPaused.paused must be a boolean/);
    expect(() => parseMessage({ type: 'setPaused' })).toThrow(MessageError);
    expect(() => parseMessage({ type: 'setSiteEnabled', site: 'Not A Host', enabled: true })).toThrow(/setSiteEnabled.site/);
    expect(() => parseMessage({ type: 'setSiteEnabled', site: 'a.com', enabled: 1 })).toThrow(/enabled must be a boolean/);
    expect(() => parseMessage({ type: 'getSiteSwitches', extra: true })).toThrow(/unexpected field/);
    expect(() => parseMessage({ type: 'getPageSetup', site: 3 })).toThrow(/site must be a string/);
    expect(() => parseMessage({ type: 'siteSwitchesChanged', switches: { paused: false } })).toThrow(/offSites must be an array/);
  });
});

describe('runtime handlers: page setup and switches', () => {
  function setup() {
    const area = createMemoryArea();
    const told: SiteSwitchesChangedRequest[] = [];
    const handlers = createRuntimeHandlers({
      prefs: new PrefsStore(area),
      switches: new SiteSwitchStore(area),
      broadcast: async (message) => {
        told.push(message);
      },
    });
    return { area, told, handlers };
  }

  it('answers prefs and the verdict in one reply', async () => {
    const { area, handlers } = setup();
    const onlyPeople = { person: true, place: false, organization: false, quote: false, reported: false };
    await area.set({ [sitePrefsKey('bbc.co.uk')]: onlyPeople });
    expect(await handlers.getPageSetup({ type: 'getPageSetup', site: 'bbc.co.uk' })).toEqual({
      prefs: { prefs: onlyPeople, scope: 'site' },
      legendOpen: false,
      verdict: 'run',
    });
    await handlers.setSiteEnabled({ type: 'setSiteEnabled', site: 'bbc.co.uk', enabled: false });
    expect((await handlers.getPageSetup({ type: 'getPageSetup', site: 'bbc.co.uk' })).verdict).toBe('site-off');
    expect((await handlers.getPageSetup({ type: 'getPageSetup', site: 'cnn.com' })).verdict).toBe('run');
    await handlers.setPaused({ type: 'setPaused', paused: true });
    expect((await handlers.getPageSetup({ type: 'getPageSetup', site: 'cnn.com' })).verdict).toBe('paused');
  });

  it('tells every tab what changed, and answers with the stored switches', async () => {
    const { told, handlers } = setup();
    const off = await handlers.setSiteEnabled({ type: 'setSiteEnabled', site: 'zeit.de', enabled: false });
    expect(off).toEqual({ paused: false, offSites: ['zeit.de'] });
    const paused = await handlers.setPaused({ type: 'setPaused', paused: true });
    expect(told).toEqual([
      { type: 'siteSwitchesChanged', switches: { paused: false, offSites: ['zeit.de'] } },
      { type: 'siteSwitchesChanged', switches: paused },
    ]);
    // Every broadcast passes the protocol's own validation.
    for (const message of told) expect(parseMessage(message)).toEqual(message);
    expect(await handlers.getSiteSwitches({ type: 'getSiteSwitches' })).toEqual({ paused: true, offSites: ['zeit.de'] });
  });
});
