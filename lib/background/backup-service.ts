// The background's side of automatic backups: build the full JSON-LD export (every note and the
// reading history of the pages they are on, as the library's "All notes" JSON-LD export), hand it
// to the downloads folder, and keep the settings' "last exported" up to date. The browser parts
// (downloads, alarms) are passed in, so this runs in Node tests over fake-indexeddb.

import {
  BackupSettingsStore,
  backupFileName,
  isBackupDue,
  recordBackup,
  recordBackupFailure,
  type BackupFrequency,
  type BackupKind,
  type BackupSettings,
} from '../settings/backup-settings';
import type { LedeDB } from './db';
import { exportBackup } from '../exchange/jsonld';
import { normalizeSourceUrl } from '../notes/source-url';

export interface BackupFile {
  /**
   * Relative to the downloads folder, e.g. `Lede backups/lede-notes-2026-11-26-0930.jsonld`, or
   * `….jsonld.zip` for a large backup (compact JSON-LD zipped; the library imports either).
   */
  name: string;
  content: string | Uint8Array;
  mimeType: string;
}

export interface BackupServiceDeps {
  db: LedeDB;
  store: BackupSettingsStore;
  now: () => number;
  /** Saves the file in the downloads folder; rejects when it cannot (e.g. the permission was withdrawn). */
  download: (file: BackupFile) => Promise<void>;
  /** Starts (daily, weekly) or stops (off) the periodic check. */
  schedule: (frequency: BackupFrequency) => Promise<void>;
}

/** What a periodic check did. */
export type BackupCheck = 'saved' | 'not-due' | 'no-notes' | 'failed';

export class NothingToBackUpError extends Error {
  override name = 'NothingToBackUpError';
  constructor() {
    super('There are no notes to back up yet.');
  }
}

/** The backup file for everything stored now (zipped when large); null when there are no notes. */
export async function buildBackup(db: LedeDB, now: Date, options: { zipAboveChars?: number } = {}): Promise<BackupFile | null> {
  // One read transaction: the notes and the articles agree with each other.
  const [annotations, articles] = await db.transaction('r', db.annotations, db.articles, () =>
    Promise.all([db.annotations.toArray(), db.articles.toArray()]),
  );
  if (annotations.length === 0) return null;
  const sources = new Set(annotations.map((a) => a.target.source));
  const related = articles.filter((article) => sources.has(normalizeSourceUrl(article.url)));
  const name = backupFileName(now);
  const file = exportBackup(annotations, related, { ...options, generated: now.toISOString(), entryName: name.slice(name.lastIndexOf('/') + 1) });
  return file.kind === 'zip'
    ? { name: `${name}.zip`, content: file.bytes, mimeType: 'application/zip' }
    : { name, content: file.text, mimeType: 'application/ld+json' };
}

/**
 * A data: URL for a backup, where object URLs are missing (Chrome's service worker): text
 * percent-encoded, a zip in base64.
 */
export function backupDataUrl(file: BackupFile): string {
  if (typeof file.content === 'string') return `data:${file.mimeType};charset=utf-8,${encodeURIComponent(file.content)}`;
  let binary = '';
  // String.fromCharCode takes a bounded number of arguments: a slice at a time.
  for (let from = 0; from < file.content.length; from += 0x8000) {
    binary += String.fromCharCode(...file.content.subarray(from, from + 0x8000));
  }
  return `data:${file.mimeType};base64,${btoa(binary)}`;
}

export class BackupService {
  constructor(private readonly deps: BackupServiceDeps) {}

  status(): Promise<BackupSettings> {
    return this.deps.store.load();
  }

  /** Saves the frequency and starts or stops the periodic check to match. */
  async setFrequency(frequency: BackupFrequency): Promise<BackupSettings> {
    const saved = await this.deps.store.update((settings) => ({ ...settings, frequency, lastError: frequency === 'off' ? null : settings.lastError }));
    await this.deps.schedule(frequency);
    return saved;
  }

  /** Makes the periodic check match the stored frequency (after a browser start or an update). */
  async restoreSchedule(): Promise<void> {
    await this.deps.schedule((await this.deps.store.load()).frequency);
  }

  /** The alarm fired: back up if one is due. A failure is recorded for the options page, never thrown. */
  async runIfDue(): Promise<BackupCheck> {
    const settings = await this.deps.store.load();
    if (!isBackupDue(settings, this.deps.now())) return 'not-due';
    try {
      return (await this.save('automatic')) ? 'saved' : 'no-notes';
    } catch (error) {
      await this.deps.store.update((current) => recordBackupFailure(current, messageOf(error)));
      return 'failed';
    }
  }

  /** "Back up now" on the options page: throws (NothingToBackUpError or the download's error) so the page can say why. */
  async runNow(): Promise<BackupSettings> {
    try {
      if (!(await this.save('now'))) throw new NothingToBackUpError();
    } catch (error) {
      if (!(error instanceof NothingToBackUpError)) await this.deps.store.update((current) => recordBackupFailure(current, messageOf(error)));
      throw error;
    }
    return this.deps.store.load();
  }

  /** The library exported every note as JSON-LD: that is a backup too, and it moves the next one on. */
  recordLibraryExport(at: number): Promise<BackupSettings> {
    return this.deps.store.update((settings) => recordBackup(settings, 'library', at));
  }

  private async save(kind: BackupKind): Promise<boolean> {
    const now = this.deps.now();
    const file = await buildBackup(this.deps.db, new Date(now));
    if (!file) return false;
    await this.deps.download(file);
    await this.deps.store.update((settings) => recordBackup(settings, kind, now));
    return true;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
