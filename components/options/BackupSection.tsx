import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { BACKUP_FOLDER, nextBackupAt, type BackupFrequency, type BackupKind, type BackupSettings } from '@/lib/settings/backup-settings';
import { sendRequest, type Transport } from '@/lib/protocol/messages';

/** browser.permissions for API permissions (here only `downloads`), passed in so tests can stand in. */
export interface ApiPermissions {
  request(permissions: string[]): Promise<boolean>;
  remove(permissions: string[]): Promise<boolean>;
  contains(permissions: string[]): Promise<boolean>;
}

export interface BackupSectionProps {
  /** Sends to the background. */
  send: Transport;
  permissions: ApiPermissions;
  /** The clock, for "next backup"; tests pass a fixed one. */
  now?: () => number;
}

export const DOWNLOADS_PERMISSION = ['downloads'];

const CHOICES: ReadonlyArray<{ value: BackupFrequency; label: string }> = [
  { value: 'off', label: 'Off' },
  { value: 'daily', label: 'Every day' },
  { value: 'weekly', label: 'Every week' },
];

const KIND_LABELS: Record<BackupKind, string> = {
  automatic: 'automatic backup',
  now: '“Back up now”',
  library: 'export from the library',
};

type Notice =
  | { kind: 'none' }
  | { kind: 'waiting' }
  | { kind: 'refused' }
  | { kind: 'saved'; at: number }
  | { kind: 'error'; message: string };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function formatBackupTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The "last exported" line: when, and how. */
export function lastExportedLine(status: BackupSettings): string {
  if (status.lastExportedAt === null) return 'Last exported: never.';
  const how = status.lastKind ? ` (${KIND_LABELS[status.lastKind]})` : '';
  return `Last exported: ${formatBackupTime(status.lastExportedAt)}${how}.`;
}

/**
 * Automatic backup, off by default: every note as a JSON-LD file in the downloads folder, daily
 * or weekly. Turning it on asks for the `downloads` permission at that moment (in the click's
 * handler, as browsers require); turning it off gives the permission back.
 */
export function BackupSection({ send, permissions, now = Date.now }: BackupSectionProps) {
  const [status, setStatus] = useState<BackupSettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>({ kind: 'none' });

  useEffect(() => {
    const load = (): void => {
      sendRequest(send, { type: 'getBackupStatus' })
        .then((loaded) => {
          setStatus(loaded);
          setLoadError(null);
        })
        .catch((error: unknown) => setLoadError(messageOf(error)));
    };
    load();
    // A backup may run, or the library export, while this page stays open in a tab.
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [send]);

  if (loadError !== null && status === null) {
    return (
      <Card>
        <p class="message error" role="alert">
          Lede couldn’t load the backup settings: {loadError}
        </p>
      </Card>
    );
  }
  if (status === null) {
    return (
      <Card>
        <p class="message" role="status">
          Loading backup settings…
        </p>
      </Card>
    );
  }

  /** Asks for `downloads` (unless off); nothing is awaited before the request: it needs the click. */
  const withDownloads = (needed: boolean, then: () => Promise<void>): void => {
    setBusy(true);
    const granted = needed ? permissions.request(DOWNLOADS_PERMISSION) : Promise.resolve(true);
    if (needed) setNotice({ kind: 'waiting' });
    granted
      .then(async (ok) => {
        if (!ok) {
          setNotice({ kind: 'refused' });
          return;
        }
        await then();
      })
      .catch((error: unknown) => setNotice({ kind: 'error', message: messageOf(error) }))
      .finally(() => setBusy(false));
  };

  const choose = (frequency: BackupFrequency): void => {
    if (frequency === status.frequency) return;
    withDownloads(frequency !== 'off', async () => {
      const saved = await sendRequest(send, { type: 'saveBackupSettings', settings: { frequency } });
      setStatus(saved);
      setNotice({ kind: 'none' });
      // Give the permission back: Lede has no use for it while backups are off.
      if (frequency === 'off') await permissions.remove(DOWNLOADS_PERMISSION).catch(() => false);
    });
  };

  const backUpNow = (): void => {
    withDownloads(true, async () => {
      try {
        const saved = await sendRequest(send, { type: 'backupNow' });
        setStatus(saved);
        setNotice({ kind: 'saved', at: saved.lastExportedAt ?? now() });
      } finally {
        // Without automatic backups, the permission was only for this one file.
        if (status.frequency === 'off') await permissions.remove(DOWNLOADS_PERMISSION).catch(() => false);
      }
    });
  };

  const next = nextBackupAt(status, now());

  return (
    <Card>
      <fieldset class="backup-choices" disabled={busy} aria-busy={busy ? 'true' : 'false'}>
        <legend>Save all my notes to the downloads folder</legend>
        {CHOICES.map((choice) => (
          <label class="backup-choice" key={choice.value}>
            <input
              type="radio"
              name="backup-frequency"
              value={choice.value}
              data-testid={`backup-${choice.value}`}
              checked={status.frequency === choice.value}
              onChange={() => choose(choice.value)}
            />{' '}
            {choice.label}
          </label>
        ))}
      </fieldset>
      <p class="setting-hint">
        Each backup is a JSON-LD file (the library’s complete export, which it can import again) in a “{BACKUP_FOLDER}” folder
        in your downloads. Lede asks for permission to save downloads when you turn this on. The file stays on your machine.
      </p>
      <p class="count" data-testid="backup-last">
        {lastExportedLine(status)}
        {next !== null && status.lastExportedAt !== null && ` Next backup: ${formatBackupTime(next)} or soon after.`}
      </p>
      {status.lastError !== null && status.frequency !== 'off' && (
        <p class="message error" data-testid="backup-last-error">
          The last automatic backup failed: {status.lastError}
        </p>
      )}
      <div class="buttons">
        <button type="button" class="secondary" data-testid="backup-now" disabled={busy} onClick={backUpNow}>
          Back up now
        </button>
      </div>
      <p class="result" role="status" data-testid="backup-result">
        {notice.kind === 'waiting' && 'Waiting for your permission to save downloads…'}
        {notice.kind === 'refused' && <span class="error">Without permission to save downloads, Lede can’t back up. Nothing changed.</span>}
        {notice.kind === 'saved' && `Backed up at ${formatBackupTime(notice.at)}.`}
        {notice.kind === 'error' && <span class="error">Lede couldn’t back up: {notice.message}</span>}
      </p>
    </Card>
  );
}

function Card({ children }: { children: ComponentChildren }) {
  return (
    <section class="card" aria-labelledby="backup-title" data-testid="backup-section">
      <h2 id="backup-title">Automatic backup</h2>
      {children}
    </section>
  );
}
