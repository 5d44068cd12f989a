import { useEffect, useRef, useState } from 'preact/hooks';
import { SettingSwitch } from '@/components/options/SettingSwitch';
import { sendRequest, type Transport } from '@/lib/protocol/messages';
import type { SiteSwitches } from '@/lib/settings/site-switches';
import './sites-section.css';

export interface SitesSectionProps {
  /** Sends to the background, which stores the switches and tells the open tabs. */
  send: Transport;
}

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; switches: SiteSwitches };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Where Lede runs: the global pause, and the sites switched off (each can be switched back on here). */
export function SitesSection({ send }: SitesSectionProps) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    sendRequest(send, { type: 'getSiteSwitches' })
      .then((switches) => live && setState({ status: 'ready', switches }))
      .catch((problem: unknown) => live && setState({ status: 'error', message: messageOf(problem) }));
    return () => {
      live = false;
    };
  }, [send]);

  const run = async (change: () => Promise<SiteSwitches>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      setState({ status: 'ready', switches: await change() });
      return true;
    } catch (problem) {
      setError(messageOf(problem));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const switchOn = async (site: string, index: number): Promise<void> => {
    if (!(await run(() => sendRequest(send, { type: 'setSiteEnabled', site, enabled: true })))) return;
    setRemoved(site);
    // Keyboard focus moves to the next site's button (or the previous one, or the heading when none are left).
    requestAnimationFrame(() => {
      const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [];
      const next = buttons[Math.min(index, buttons.length - 1)];
      if (next) next.focus();
      else heading.current?.focus();
    });
  };

  return (
    <section class="card" aria-labelledby="sites-title" data-testid="sites-section">
      <h2 id="sites-title" tabIndex={-1} ref={heading}>
        Where Lede runs
      </h2>
      {state.status === 'loading' && <p class="message" role="status">Loading…</p>}
      {state.status === 'error' && (
        <p class="message error" role="alert">
          Lede couldn’t load where it runs: {state.message}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <SettingSwitch
            id="setting-paused"
            testId="setting-paused"
            label="Pause Lede on every site"
            checked={state.switches.paused}
            busy={busy}
            disabled={busy}
            onChange={(paused) => void run(() => sendRequest(send, { type: 'setPaused', paused }))}
          >
            While paused, Lede analyses no page on its own. “Analyse this page” in its menu still works, one page at a
            time.
          </SettingSwitch>
          <h3 class="sites-subtitle">Sites where Lede is off</h3>
          {state.switches.offSites.length === 0 ? (
            <p class="sites-empty" data-testid="off-sites-empty">
              None. To switch Lede off on a site, use “Lede on this site” in its menu while you are there.
            </p>
          ) : (
            <ul class="sites-list" ref={list} data-testid="off-sites">
              {state.switches.offSites.map((site, index) => (
                <li key={site} class="sites-item" data-site={site}>
                  <span class="sites-name">{site}</span>
                  <button
                    type="button"
                    class="secondary"
                    data-testid="switch-site-on"
                    aria-label={`Switch Lede back on for ${site}`}
                    disabled={busy}
                    onClick={() => void switchOn(site, index)}
                  >
                    Switch on
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <p class="result" role="status" data-testid="sites-result">
        {error ? <span class="error">Lede couldn’t change this: {error}</span> : removed ? `Lede is on again for ${removed}.` : ''}
      </p>
    </section>
  );
}
