// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { SettingsLink } from '@/components/popup/SettingsLink';
import { ENCYCLOPEDIA_PRIVACY } from '@/components/options/EncyclopediaSection';
import { OptionsApp } from '@/components/options/OptionsApp';
import type { LedeRequest } from '@/lib/protocol/messages';
import { applySettingsPatch, type UserSettings } from '@/lib/settings/user-settings';
import { clickTestId, settle, testRoot } from '../../testing/preact';
import { fakePermissions } from '../../testing/fakes/permissions';
import { fakeBackground } from '../../testing/fakes/background';

/** A background stand-in holding settings and a history count, recording every message. */
function settingsBackground(initial: UserSettings, articles: number) {
  const state = { settings: { ...initial }, articles };
  const { sent, send } = fakeBackground({
    getSettings: () => ({ ...state.settings }),
    saveSettings: (message) => {
      state.settings = applySettingsPatch(state.settings, message.settings);
      return { ...state.settings };
    },
    getHistoryCount: () => ({ count: state.articles }),
    clearHistory: () => {
      const cleared = state.articles;
      state.articles = 0;
      return { cleared };
    },
  });
  return { state, sent, send };
}

const root = testRoot();

const byTestId = <T extends HTMLElement = HTMLElement>(id: string): T | null => root.querySelector<T>(`[data-testid="${id}"]`);

describe('options page', () => {
  it('follows the background’s notices: history imported or cleared elsewhere, settings changed in another window', async () => {
    const bg = settingsBackground({ history: true, encyclopedia: false }, 3);
    let on: { historyChanged: () => void; settingsChanged: () => void } | null = null;
    const notices = (handlers: { historyChanged: () => void; settingsChanged: () => void }): (() => void) => {
      on = handlers;
      return () => (on = null);
    };
    render(<OptionsApp send={bg.send} permissions={fakePermissions(true).permissions} notices={notices} />, root);
    await settle();
    expect(byTestId('history-count')!.textContent).toBe('Lede remembers 3 articles.');
    bg.state.articles = 5;
    bg.state.settings = { ...bg.state.settings, history: false };
    await act(async () => on!.historyChanged());
    await settle();
    expect(byTestId('history-count')!.textContent).toBe('Lede remembers 5 articles.');
    expect(byTestId<HTMLInputElement>('setting-history')!.checked).toBe(true);
    await act(async () => on!.settingsChanged());
    await settle();
    expect(byTestId<HTMLInputElement>('setting-history')!.checked).toBe(false);
    render(null, root);
    expect(on).toBeNull();
  });

  it('shows both sections with the stored settings, the count and the privacy sentence', async () => {
    const bg = settingsBackground({ history: true, encyclopedia: false }, 3);
    render(<OptionsApp send={bg.send} permissions={fakePermissions(true).permissions} />, root);
    await settle();
    expect(byTestId('options')).not.toBeNull();
    expect(byTestId<HTMLInputElement>('setting-history')!.checked).toBe(true);
    expect(byTestId<HTMLInputElement>('setting-encyclopedia')!.checked).toBe(false);
    expect(byTestId('history-count')!.textContent).toBe('Lede remembers 3 articles.');
    expect(byTestId('encyclopedia-privacy')!.textContent).toBe(ENCYCLOPEDIA_PRIVACY);
    expect(ENCYCLOPEDIA_PRIVACY).toBe(
      'When on, Lede sends only the name of a person, place or organisation to Wikipedia to fetch a short summary. Nothing else from the page leaves your browser.',
    );
    // Every switch has a label and a description.
    for (const id of ['setting-history', 'setting-encyclopedia']) {
      const input = byTestId<HTMLInputElement>(id)!;
      expect(input.getAttribute('role')).toBe('switch');
      expect(root.querySelector(`label[for="${input.id}"]`)!.textContent).not.toBe('');
      expect(root.querySelector(`#${input.getAttribute('aria-describedby')}`)).not.toBeNull();
    }
  });

  it('shows a loading state, then an error if the background does not answer', async () => {
    render(<OptionsApp send={() => Promise.reject(new Error('no background'))} permissions={fakePermissions(true).permissions} />, root);
    expect(byTestId('options')!.textContent).toContain('Loading settings');
    await settle();
    expect(byTestId('options')!.textContent).toContain('Lede couldn’t load its settings: no background');
  });

  it('turns history off and says it is not recording', async () => {
    const bg = settingsBackground({ history: true, encyclopedia: false }, 1);
    render(<OptionsApp send={bg.send} permissions={fakePermissions(true).permissions} />, root);
    await settle();
    await clickTestId(root, 'setting-history');
    expect(bg.state.settings.history).toBe(false);
    expect(byTestId<HTMLInputElement>('setting-history')!.checked).toBe(false);
    expect(byTestId('history-count')!.textContent).toBe('Lede remembers 1 article. It isn’t recording new ones.');
  });

  it('clears the history only after the confirm step, and reports the result', async () => {
    const bg = settingsBackground({ history: true, encyclopedia: false }, 4);
    render(<OptionsApp send={bg.send} permissions={fakePermissions(true).permissions} />, root);
    await settle();

    await clickTestId(root, 'clear-history');
    expect(bg.sent.some((m) => m.type === 'clearHistory')).toBe(false);
    expect(root.textContent).toContain('Forget all 4 articles? This can’t be undone.');
    expect(document.activeElement).toBe(byTestId('clear-history-confirm'));

    await clickTestId(root, 'clear-history-cancel');
    expect(bg.state.articles).toBe(4);
    expect(document.activeElement).toBe(byTestId('clear-history'));

    await clickTestId(root, 'clear-history');
    await clickTestId(root, 'clear-history-confirm');
    expect(bg.state.articles).toBe(0);
    expect(byTestId('history-result')!.textContent).toBe('Reading history cleared: forgot 4 articles.');
    expect(byTestId('history-count')!.textContent).toBe('Lede remembers no articles.');
    expect(byTestId<HTMLButtonElement>('clear-history')!.disabled).toBe(true);
  });

  it('asks for the Wikipedia permission when summaries are turned on, then saves', async () => {
    const bg = settingsBackground({ history: true, encyclopedia: false }, 0);
    const perms = fakePermissions(true);
    render(<OptionsApp send={bg.send} permissions={perms.permissions} />, root);
    await settle();
    await clickTestId(root, 'setting-encyclopedia');
    expect(perms.calls).toEqual(['request https://*.wikipedia.org/*']);
    expect(bg.state.settings.encyclopedia).toBe(true);
    expect(byTestId<HTMLInputElement>('setting-encyclopedia')!.checked).toBe(true);

    await clickTestId(root, 'setting-encyclopedia');
    expect(bg.state.settings.encyclopedia).toBe(false);
    expect(perms.calls).toEqual(['request https://*.wikipedia.org/*', 'remove https://*.wikipedia.org/*']);
  });

  it('keeps summaries off with a clear message when the permission is refused', async () => {
    const bg = settingsBackground({ history: true, encyclopedia: false }, 0);
    const perms = fakePermissions(false);
    render(<OptionsApp send={bg.send} permissions={perms.permissions} />, root);
    await settle();
    await clickTestId(root, 'setting-encyclopedia');
    expect(bg.sent.some((m) => m.type === 'saveSettings')).toBe(false);
    expect(bg.state.settings.encyclopedia).toBe(false);
    expect(byTestId<HTMLInputElement>('setting-encyclopedia')!.checked).toBe(false);
    expect(byTestId('encyclopedia-result')!.dataset.notice).toBe('refused');
    expect(byTestId('encyclopedia-result')!.textContent).toContain('didn’t get permission to reach Wikipedia');
  });

  it('asks no permission for a loopback test server', async () => {
    const bg = settingsBackground({ history: true, encyclopedia: false, encyclopediaBaseUrl: 'http://127.0.0.1:8123' }, 0);
    const perms = fakePermissions(false);
    render(<OptionsApp send={bg.send} permissions={perms.permissions} />, root);
    await settle();
    await clickTestId(root, 'setting-encyclopedia');
    expect(perms.calls).toEqual([]);
    expect(bg.state.settings.encyclopedia).toBe(true);
  });

  it('warns when summaries are on but the permission was taken back', async () => {
    const bg = settingsBackground({ history: true, encyclopedia: true }, 0);
    render(<OptionsApp send={bg.send} permissions={fakePermissions(true, false).permissions} />, root);
    await settle();
    expect(byTestId('encyclopedia-result')!.dataset.notice).toBe('permission-lost');
  });
});

describe('the popup header\'s Settings link', () => {
  it('is a labelled button that opens the options page', async () => {
    let opened = 0;
    render(<SettingsLink open={() => (opened += 1)} />, root);
    const button = byTestId<HTMLButtonElement>('open-settings')!;
    expect(button.tagName).toBe('BUTTON');
    expect(button.textContent).toBe('Settings');
    act(() => button.click());
    expect(opened).toBe(1);
  });
});
