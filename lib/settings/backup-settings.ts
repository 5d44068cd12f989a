// Automatic backups of the reader's notes (off by default): the settings model, its validation,
// and when the next backup is due. Pure: the background's alarm asks isBackupDue() every
// BACKUP_CHECK_MINUTES and, when due, lib/background/backup-service.ts writes the JSON-LD export to the
// downloads folder. Manual full exports from the library count as a backup too.

import type { KeyValueArea } from './storage-area';
import { isRecord } from '../shared/is-record';

export type BackupFrequency = 'off' | 'daily' | 'weekly';
export const BACKUP_FREQUENCIES: readonly BackupFrequency[] = ['off', 'daily', 'weekly'];

/** How the last backup was made: by the timer, by "Back up now", or by a full export in the library. */
export type BackupKind = 'automatic' | 'now' | 'library';
export const BACKUP_KINDS: readonly BackupKind[] = ['automatic', 'now', 'library'];

export interface BackupSettings {
  frequency: BackupFrequency;
  /** When the notes were last exported in full (ms since epoch); null: never. */
  lastExportedAt: number | null;
  lastKind: BackupKind | null;
  /** Why the last automatic attempt failed (cleared by the next success); null when it did not. */
  lastError: string | null;
}

/** The part of the settings the options page changes. */
export interface BackupSettingsPatch {
  frequency: BackupFrequency;
}

export const BACKUP_SETTINGS_KEY = 'backupSettings';
export const DEFAULT_BACKUP_SETTINGS: Readonly<BackupSettings> = { frequency: 'off', lastExportedAt: null, lastKind: null, lastError: null };

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export const BACKUP_PERIOD_MS: Readonly<Record<Exclude<BackupFrequency, 'off'>, number>> = { daily: DAY_MS, weekly: 7 * DAY_MS };

/** The alarm that checks whether a backup is due; it exists only while backups are on. */
export const BACKUP_ALARM = 'lede-backup';
/**
 * How often the alarm checks. Checking (rather than one alarm per backup) survives the browser
 * being closed at the planned moment: the first check after it opens again makes the backup.
 */
export const BACKUP_CHECK_MINUTES = 60;

/** The folder inside the reader's downloads folder that backups go to. */
export const BACKUP_FOLDER = 'Lede backups';

/** A longest error message kept: enough to say what failed, never a whole stack or file. */
const MAX_ERROR_LENGTH = 300;

/**
 * Settings as read back from storage: anything else (an older version, a hand edit) falls back
 * field by field to the defaults rather than failing.
 */
export function parseStoredBackupSettings(value: unknown): BackupSettings {
  const record = isRecord(value) ? value : {};
  const frequency = BACKUP_FREQUENCIES.includes(record.frequency as BackupFrequency) ? (record.frequency as BackupFrequency) : 'off';
  const last = record.lastExportedAt;
  const lastExportedAt = typeof last === 'number' && Number.isFinite(last) && last > 0 ? last : null;
  const lastKind = lastExportedAt !== null && BACKUP_KINDS.includes(record.lastKind as BackupKind) ? (record.lastKind as BackupKind) : null;
  const lastError = typeof record.lastError === 'string' && record.lastError !== '' ? record.lastError.slice(0, MAX_ERROR_LENGTH) : null;
  return { frequency, lastExportedAt, lastKind, lastError };
}

/** What is wrong with a patch from a message, or null: exactly `{ frequency }`, one of the three. */
export function backupPatchProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'must be an object';
  const extra = Object.keys(value).filter((key) => key !== 'frequency');
  if (extra.length > 0) return `has unexpected field(s) ${extra.join(', ')}`;
  if (!BACKUP_FREQUENCIES.includes(value.frequency as BackupFrequency)) return '.frequency must be off, daily or weekly';
  return null;
}

/**
 * When the next backup is due (ms since epoch): null while backups are off; now (at once) when
 * there has never been one, or when the last one is dated after now (the clock went back: one
 * backup too many beats none).
 */
export function nextBackupAt(settings: BackupSettings, now: number): number | null {
  if (settings.frequency === 'off') return null;
  const last = settings.lastExportedAt;
  if (last === null || last > now) return now;
  return last + BACKUP_PERIOD_MS[settings.frequency];
}

export function isBackupDue(settings: BackupSettings, now: number): boolean {
  const next = nextBackupAt(settings, now);
  return next !== null && next <= now;
}

/** Settings after a successful backup of `kind` at `now`. */
export function recordBackup(settings: BackupSettings, kind: BackupKind, now: number): BackupSettings {
  return { ...settings, lastExportedAt: now, lastKind: kind, lastError: null };
}

/** Settings after a failed automatic backup: the last good one stays, the reason is kept. */
export function recordBackupFailure(settings: BackupSettings, message: string): BackupSettings {
  return { ...settings, lastError: (message.trim() || 'Unknown error').slice(0, MAX_ERROR_LENGTH) };
}

/** `Lede backups/lede-notes-2026-11-26-0930.jsonld` in the reader's time zone (several a day never clash). */
export function backupFileName(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `${BACKUP_FOLDER}/lede-notes-${day}-${pad(now.getHours())}${pad(now.getMinutes())}.jsonld`;
}

/** Reads and writes the backup settings under their one storage key. */
export class BackupSettingsStore {
  constructor(private readonly area: KeyValueArea) {}

  async load(): Promise<BackupSettings> {
    const stored = await this.area.get([BACKUP_SETTINGS_KEY]);
    return parseStoredBackupSettings(stored[BACKUP_SETTINGS_KEY]);
  }

  /** Applies `change` to what is stored and returns the result. */
  async update(change: (settings: BackupSettings) => BackupSettings): Promise<BackupSettings> {
    const next = change(await this.load());
    await this.area.set({ [BACKUP_SETTINGS_KEY]: next });
    return next;
  }
}

