import { useEffect, useState } from 'preact/hooks';
import { sendRequest, type Transport } from '@/lib/protocol/messages';
import { isSiteOn, type SiteSwitches as Switches } from '@/lib/settings/site-switches';
import './site-switches.css';

export interface SiteSwitchesProps {
  /** Sends to the background, which stores the switches and tells the open tabs. */
  background: Transport;
  /** This tab's site (lib/shared/page-address.ts siteOf); '' when the page has none. */
  site: string;
  /** The switches changed and the tabs have followed: show the page as it is now. */
  onChanged?: () => void;
}

type State = { status: 'loading' } | { status: 'ready'; switches: Switches } | { status: 'error'; message: string };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** "Lede on this site" and "Pause Lede": where Lede runs on its own. "Analyse this page" works either way. */
export function SiteSwitches({ background, site, onChanged }: SiteSwitchesProps) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    sendRequest(background, { type: 'getSiteSwitches' })
      .then((switches) => live && setState({ status: 'ready', switches }))
      .catch((problem: unknown) => live && setState({ status: 'error', message: messageOf(problem) }));
    return () => {
      live = false;
    };
  }, [background]);

  if (state.status === 'loading') return null;
  if (state.status === 'error') {
    return (
      <p class="note site-switches-error" role="alert">
        Lede couldn’t read where it runs: {state.message}
      </p>
    );
  }
  const { switches } = state;

  const change = async (apply: () => Promise<Switches>, optimistic: Switches): Promise<void> => {
    setSaving(true);
    setError(null);
    // The new position shows at once; it goes back if the background refuses.
    setState({ status: 'ready', switches: optimistic });
    try {
      setState({ status: 'ready', switches: await apply() });
      onChanged?.();
    } catch (problem) {
      setState({ status: 'ready', switches });
      setError(messageOf(problem));
    } finally {
      setSaving(false);
    }
  };

  const siteOn = isSiteOn(switches, site);
  const toggleSite = (enabled: boolean): void => {
    const offSites = switches.offSites.filter((known) => known !== site);
    void change(() => sendRequest(background, { type: 'setSiteEnabled', site, enabled }), {
      paused: switches.paused,
      offSites: enabled ? offSites : [...offSites, site].sort(),
    });
  };
  const togglePaused = (paused: boolean): void => {
    void change(() => sendRequest(background, { type: 'setPaused', paused }), { paused, offSites: switches.offSites });
  };

  return (
    <section class="site-switches" aria-label="Where Lede runs" data-testid="site-switches" aria-busy={saving}>
      {site !== '' && (
        <label class="site-switch">
          <input
            type="checkbox"
            role="switch"
            data-testid="site-switch"
            checked={siteOn}
            disabled={saving}
            onChange={(event) => toggleSite(event.currentTarget.checked)}
          />
          <span>
            Lede on this site <span class="site-name">({site})</span>
          </span>
        </label>
      )}
      <label class="site-switch">
        <input
          type="checkbox"
          role="switch"
          data-testid="pause-switch"
          checked={switches.paused}
          disabled={saving}
          onChange={(event) => togglePaused(event.currentTarget.checked)}
        />
        <span>Pause Lede on every site</span>
      </label>
      {error && (
        <p class="note site-switches-error" role="alert">
          Lede couldn’t change this: {error}
        </p>
      )}
    </section>
  );
}
