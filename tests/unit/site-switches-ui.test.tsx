// @vitest-environment happy-dom
// The popup's "Lede on this site" / "Pause Lede" switches and the options page's site list, each
// against a background stand-in that runs the real runtime handlers on an in-memory store.
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { SitesSection } from '@/components/options/SitesSection';
import { SiteSwitches } from '@/components/popup/SiteSwitches';
import { parseMessage, type SiteSwitchesChangedRequest } from '@/lib/protocol/messages';
import { createRuntimeHandlers } from '@/lib/background/page-handlers';
import { PrefsStore } from '@/lib/settings/highlight-prefs';
import { SiteSwitchStore, type SiteSwitches as Switches } from '@/lib/settings/site-switches';
import { createMemoryArea } from '@/lib/settings/storage-area';
import { click, settle, testRoot } from '../../testing/preact';
import { fakeBackground } from '../../testing/fakes/background';

/** The background: real handlers and store; `fail` makes the next change refused. */
async function switchesBackground(initial: Switches = { paused: false, offSites: [] }) {
  const area = createMemoryArea();
  const store = new SiteSwitchStore(area);
  for (const site of initial.offSites) await store.setSite(site, false);
  await store.setPaused(initial.paused);
  const told: SiteSwitchesChangedRequest[] = [];
  const handlers = createRuntimeHandlers({ prefs: new PrefsStore(area), switches: store, broadcast: async (m) => void told.push(m) });
  const state = { fail: false };
  const { send, sent } = fakeBackground(
    {
      getSiteSwitches: (message) => handlers.getSiteSwitches(message),
      setPaused: (message) => handlers.setPaused(message),
      setSiteEnabled: (message) => handlers.setSiteEnabled(message),
    },
    { parse: parseMessage, refuse: (message) => (state.fail && message.type !== 'getSiteSwitches' ? 'storage is full' : null) },
  );
  return { store, told, state, sent, send };
}

const root = testRoot();

const byTestId = <T extends HTMLElement = HTMLElement>(id: string): T | null => root.querySelector<T>(`[data-testid="${id}"]`);

describe('popup: where Lede runs', () => {
  it('shows this site on and Lede not paused by default; switching the site off stores it and tells the tabs', async () => {
    const background = await switchesBackground();
    let changed = 0;
    render(<SiteSwitches background={background.send} site="bbc.co.uk" onChanged={() => (changed += 1)} />, root);
    await settle();
    const site = byTestId<HTMLInputElement>('site-switch')!;
    expect(site.checked).toBe(true);
    expect(site.getAttribute('role')).toBe('switch');
    expect(root.textContent).toContain('Lede on this site (bbc.co.uk)');
    expect(byTestId<HTMLInputElement>('pause-switch')!.checked).toBe(false);

    await click(site);
    expect(await background.store.load()).toEqual({ paused: false, offSites: ['bbc.co.uk'] });
    expect(background.told).toHaveLength(1);
    expect(byTestId<HTMLInputElement>('site-switch')!.checked).toBe(false);
    expect(changed).toBe(1);

    await click(byTestId('site-switch')!);
    expect(await background.store.load()).toEqual({ paused: false, offSites: [] });
    expect(changed).toBe(2);
  });

  it('pauses and resumes Lede everywhere', async () => {
    const background = await switchesBackground({ paused: false, offSites: ['zeit.de'] });
    render(<SiteSwitches background={background.send} site="zeit.de" />, root);
    await settle();
    expect(byTestId<HTMLInputElement>('site-switch')!.checked).toBe(false);
    await click(byTestId('pause-switch')!);
    expect(await background.store.load()).toEqual({ paused: true, offSites: ['zeit.de'] });
    expect(byTestId<HTMLInputElement>('pause-switch')!.checked).toBe(true);
    await click(byTestId('pause-switch')!);
    expect((await background.store.load()).paused).toBe(false);
  });

  it('puts the switch back and says why when the background refuses', async () => {
    const background = await switchesBackground();
    render(<SiteSwitches background={background.send} site="bbc.co.uk" />, root);
    await settle();
    background.state.fail = true;
    await click(byTestId('site-switch')!);
    expect(byTestId<HTMLInputElement>('site-switch')!.checked).toBe(true);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('storage is full');
  });

  it('offers only the pause on a page with no site', async () => {
    const background = await switchesBackground();
    render(<SiteSwitches background={background.send} site="" />, root);
    await settle();
    expect(byTestId('site-switch')).toBeNull();
    expect(byTestId('pause-switch')).not.toBeNull();
  });
});

describe('options: where Lede runs', () => {
  it('says so when no site is switched off', async () => {
    const background = await switchesBackground();
    render(<SitesSection send={background.send} />, root);
    await settle();
    expect(byTestId('off-sites-empty')?.textContent).toContain('None');
    expect(byTestId('off-sites')).toBeNull();
  });

  it('lists the switched-off sites and switches one back on', async () => {
    const background = await switchesBackground({ paused: false, offSites: ['zeit.de', 'bbc.co.uk'] });
    render(<SitesSection send={background.send} />, root);
    await settle();
    const items = () => [...root.querySelectorAll('[data-testid="off-sites"] li')].map((li) => li.getAttribute('data-site'));
    expect(items()).toEqual(['bbc.co.uk', 'zeit.de']);
    const button = root.querySelector<HTMLButtonElement>('[data-site="bbc.co.uk"] button')!;
    expect(button.getAttribute('aria-label')).toBe('Switch Lede back on for bbc.co.uk');
    await click(button);
    expect(items()).toEqual(['zeit.de']);
    expect(await background.store.load()).toEqual({ paused: false, offSites: ['zeit.de'] });
    expect(byTestId('sites-result')?.textContent).toBe('Lede is on again for bbc.co.uk.');
    expect(background.told.at(-1)).toEqual({ type: 'siteSwitchesChanged', switches: { paused: false, offSites: ['zeit.de'] } });
  });

  it('pauses Lede from the settings page, and shows a refused change as an error', async () => {
    const background = await switchesBackground();
    render(<SitesSection send={background.send} />, root);
    await settle();
    await click(byTestId('setting-paused')!);
    expect((await background.store.load()).paused).toBe(true);
    expect(byTestId<HTMLInputElement>('setting-paused')!.checked).toBe(true);
    background.state.fail = true;
    await click(byTestId('setting-paused')!);
    expect((await background.store.load()).paused).toBe(true);
    expect(byTestId<HTMLInputElement>('setting-paused')!.checked).toBe(true);
    expect(byTestId('sites-result')?.textContent).toContain('storage is full');
  });
});
