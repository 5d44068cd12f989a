// @vitest-environment happy-dom
// The options page's automatic-backup section: off by default; choosing a frequency asks for the
// optional `downloads` permission first (and changes nothing if refused); off gives it back;
// "Back up now"; the visible "last exported" line. The background is a stand-in that keeps the
// settings with the real model (lib/settings/backup-settings.ts).
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { BackupSection, formatBackupTime } from '@/components/options/BackupSection';
import { DEFAULT_BACKUP_SETTINGS, recordBackup, type BackupSettings } from '@/lib/settings/backup-settings';
import type { LedeRequest } from '@/lib/protocol/messages';
import { clickTestId, settle, testRoot } from '../../testing/preact';
import { fakePermissions } from '../../testing/fakes/permissions';
import { fakeBackground } from '../../testing/fakes/background';

const T0 = Date.parse('2026-11-26T09:30:00Z');

function backupBackground(initial: BackupSettings = DEFAULT_BACKUP_SETTINGS, backupFails: string | null = null) {
  const state = { settings: { ...initial } };
  const background = fakeBackground(
    {
      getBackupStatus: () => ({ ...state.settings }),
      saveBackupSettings: (message) => {
        state.settings = { ...state.settings, frequency: message.settings.frequency };
        return { ...state.settings };
      },
      backupNow: () => {
        state.settings = recordBackup(state.settings, 'now', T0);
        return { ...state.settings };
      },
    },
    { refuse: (message) => (message.type === 'backupNow' ? backupFails : null) },
  );
  return {
    state,
    send: background.send,
    /** What was sent, with the frequency asked for. */
    get sent(): string[] {
      return background.sent.map((m) => (m.type === 'saveBackupSettings' ? `saveBackupSettings ${m.settings.frequency}` : m.type));
    },
  };
}

const root = testRoot();

const byTestId = <T extends HTMLElement = HTMLElement>(id: string): T | null => root.querySelector<T>(`[data-testid="${id}"]`);

describe('automatic backup settings', () => {
  it('is off by default, says it has never exported, and every choice is a labelled radio', async () => {
    const bg = backupBackground();
    render(<BackupSection send={bg.send} permissions={fakePermissions(true).permissions} now={() => T0} />, root);
    expect(byTestId('backup-section')!.textContent).toContain('Loading backup settings');
    await settle();
    expect(byTestId<HTMLInputElement>('backup-off')!.checked).toBe(true);
    expect(byTestId('backup-last')!.textContent).toBe('Last exported: never.');
    for (const id of ['backup-off', 'backup-daily', 'backup-weekly']) {
      expect(byTestId(id)!.closest('label')!.textContent!.trim()).not.toBe('');
    }
    expect(root.querySelector('fieldset legend')!.textContent).toContain('downloads folder');
  });

  it('asks for the downloads permission when turned on, then saves the frequency', async () => {
    const bg = backupBackground();
    const perms = fakePermissions(true);
    render(<BackupSection send={bg.send} permissions={perms.permissions} now={() => T0} />, root);
    await settle();
    await clickTestId(root, 'backup-weekly');
    expect(perms.calls).toEqual(['request downloads']);
    expect(bg.sent).toEqual(['getBackupStatus', 'saveBackupSettings weekly']);
    expect(byTestId<HTMLInputElement>('backup-weekly')!.checked).toBe(true);
  });

  it('changes nothing when the reader refuses the permission, and says why', async () => {
    const bg = backupBackground();
    render(<BackupSection send={bg.send} permissions={fakePermissions(false).permissions} now={() => T0} />, root);
    await settle();
    await clickTestId(root, 'backup-daily');
    expect(bg.sent).toEqual(['getBackupStatus']);
    expect(bg.state.settings.frequency).toBe('off');
    expect(byTestId<HTMLInputElement>('backup-off')!.checked).toBe(true);
    expect(byTestId('backup-result')!.textContent).toContain('Without permission to save downloads, Lede can’t back up');
  });

  it('turning it off saves off and gives the permission back', async () => {
    const bg = backupBackground({ ...DEFAULT_BACKUP_SETTINGS, frequency: 'daily' });
    const perms = fakePermissions(true);
    render(<BackupSection send={bg.send} permissions={perms.permissions} now={() => T0} />, root);
    await settle();
    await clickTestId(root, 'backup-off');
    expect(bg.sent).toContain('saveBackupSettings off');
    expect(perms.calls).toEqual(['remove downloads']);
  });

  it('shows when and how the notes were last exported, and when the next backup is', async () => {
    const last = recordBackup({ ...DEFAULT_BACKUP_SETTINGS, frequency: 'daily' }, 'library', T0);
    render(<BackupSection send={backupBackground(last).send} permissions={fakePermissions(true).permissions} now={() => T0 + 1000} />, root);
    await settle();
    const line = byTestId('backup-last')!.textContent!;
    expect(line).toContain(`Last exported: ${formatBackupTime(T0)} (export from the library).`);
    expect(line).toContain(`Next backup: ${formatBackupTime(T0 + 24 * 60 * 60 * 1000)}`);
  });

  it('"Back up now" saves at once and updates the last-exported line', async () => {
    const bg = backupBackground();
    const perms = fakePermissions(true);
    render(<BackupSection send={bg.send} permissions={perms.permissions} now={() => T0} />, root);
    await settle();
    await clickTestId(root, 'backup-now');
    expect(bg.sent).toEqual(['getBackupStatus', 'backupNow']);
    expect(byTestId('backup-last')!.textContent).toBe(`Last exported: ${formatBackupTime(T0)} (“Back up now”).`);
    expect(byTestId('backup-result')!.textContent).toBe(`Backed up at ${formatBackupTime(T0)}.`);
    // Backups are off: the permission was for this one file.
    expect(perms.calls).toEqual(['request downloads', 'remove downloads']);
  });

  it('says why a backup failed: now, and the last automatic one', async () => {
    const failing = { ...DEFAULT_BACKUP_SETTINGS, frequency: 'weekly' as const, lastError: 'Download failed' };
    render(<BackupSection send={backupBackground(failing, 'disk full').send} permissions={fakePermissions(true).permissions} now={() => T0} />, root);
    await settle();
    expect(byTestId('backup-last-error')!.textContent).toBe('The last automatic backup failed: Download failed');
    await clickTestId(root, 'backup-now');
    expect(byTestId('backup-result')!.textContent).toBe('Lede couldn’t back up: disk full');
  });

  it('says so when the background does not answer', async () => {
    render(<BackupSection send={() => Promise.reject(new Error('no background'))} permissions={fakePermissions(true).permissions} />, root);
    await settle();
    expect(byTestId('backup-section')!.textContent).toContain('Lede couldn’t load the backup settings: no background');
  });
});
