import { SettingSwitch } from './SettingSwitch';

/** What the setting tells the reader leaves the browser; tests check these exact words. */
export const ENCYCLOPEDIA_PRIVACY =
  'When on, Lede sends only the name of a person, place or organisation to Wikipedia to fetch a short summary. ' +
  'Nothing else from the page leaves your browser.';

/** What to tell the reader after the last attempt to change the setting. */
export type EncyclopediaNotice =
  | { kind: 'none' }
  | { kind: 'waiting' }
  | { kind: 'refused' }
  | { kind: 'permission-lost' }
  | { kind: 'error'; message: string };

export interface EncyclopediaSectionProps {
  enabled: boolean;
  notice: EncyclopediaNotice;
  saving: boolean;
  onToggle: (enabled: boolean) => void;
}

export function EncyclopediaSection({ enabled, notice, saving, onToggle }: EncyclopediaSectionProps) {
  return (
    <section class="card" aria-labelledby="encyclopedia-title" data-testid="encyclopedia-section">
      <h2 id="encyclopedia-title">Encyclopedia summaries</h2>
      <SettingSwitch
        id="setting-encyclopedia"
        testId="setting-encyclopedia"
        label="Show a short Wikipedia summary on each card"
        checked={enabled}
        busy={saving}
        onChange={onToggle}
      >
        <p class="privacy" data-testid="encyclopedia-privacy">
          {ENCYCLOPEDIA_PRIVACY}
        </p>
        <p>
          Off by default. Turning it on asks your browser for permission to reach wikipedia.org; answers are kept on
          this computer for up to a week, so a name is looked up once.
        </p>
      </SettingSwitch>
      <p class="result" role="status" data-testid="encyclopedia-result" data-notice={notice.kind}>
        <NoticeText notice={notice} />
      </p>
    </section>
  );
}

function NoticeText({ notice }: { notice: EncyclopediaNotice }) {
  switch (notice.kind) {
    case 'none':
      return null;
    case 'waiting':
      return <>Waiting for your browser’s permission…</>;
    case 'refused':
      return (
        <span class="error">
          Summaries stay off: Lede didn’t get permission to reach Wikipedia. Turn the switch on again to be asked again.
        </span>
      );
    case 'permission-lost':
      return (
        <span class="error">
          Lede no longer has permission to reach Wikipedia, so no summaries are shown. Turn summaries off and on again
          to grant it.
        </span>
      );
    case 'error':
      return <span class="error">Lede couldn’t change this setting: {notice.message}</span>;
  }
}
