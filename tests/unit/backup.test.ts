// Automatic backups, the pure parts: the stored settings (read back leniently, patches checked
// strictly), when the next backup is due, file names, and the background's BackupService over
// fake-indexeddb with the downloads folder and the alarm recorded (the browser's parts only).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BACKUP_FOLDER,
  BACKUP_PERIOD_MS,
  BackupSettingsStore,
  DEFAULT_BACKUP_SETTINGS,
  backupFileName,
  backupPatchProblem,
  isBackupDue,
  nextBackupAt,
  parseStoredBackupSettings,
  recordBackup,
  recordBackupFailure,
  type BackupFrequency,
  type BackupSettings,
} from '@/lib/settings/backup-settings';
import { BackupService, NothingToBackUpError, backupDataUrl, buildBackup, type BackupFile } from '@/lib/background/backup-service';
import { createLedeDB, type LedeDB } from '@/lib/background/db';
import { MessageError, parseMessage } from '@/lib/protocol/messages';
import { parseImport } from '@/lib/exchange';
import { createMemoryArea } from '@/lib/settings/storage-area';
import { makeAnnotation, noteId, SOURCE } from '../../testing/fixtures/annotation-fixtures';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-11-26T09:30:00Z');

function settings(overrides: Partial<BackupSettings>): BackupSettings {
  return { ...DEFAULT_BACKUP_SETTINGS, ...overrides };
}

describe('the backup settings model', () => {
  it('is off by default and has never exported', () => {
    expect(parseStoredBackupSettings(undefined)).toEqual({ frequency: 'off', lastExportedAt: null, lastKind: null, lastError: null });
  });

  it('reads back what it stored, and anything else field by field as the default', () => {
    const good = { frequency: 'weekly', lastExportedAt: T0, lastKind: 'library', lastError: 'disk full' };
    expect(parseStoredBackupSettings(good)).toEqual(good);
    expect(parseStoredBackupSettings({ frequency: 'hourly', lastExportedAt: 'yesterday', lastKind: 'magic', lastError: 3 })).toEqual(DEFAULT_BACKUP_SETTINGS);
    expect(parseStoredBackupSettings({ frequency: 'daily', lastExportedAt: -5 })).toEqual(settings({ frequency: 'daily' }));
    expect(parseStoredBackupSettings({ lastExportedAt: Number.NaN, lastKind: 'now' })).toEqual(DEFAULT_BACKUP_SETTINGS);
    expect(parseStoredBackupSettings({ lastError: 'x'.repeat(5000) }).lastError).toHaveLength(300);
    expect(parseStoredBackupSettings([1, 2])).toEqual(DEFAULT_BACKUP_SETTINGS);
  });

  it.each<[unknown, string | null]>([
    [{ frequency: 'daily' }, null],
    [{ frequency: 'weekly' }, null],
    [{ frequency: 'off' }, null],
    [{ frequency: 'hourly' }, '.frequency must be off, daily or weekly'],
    [{}, '.frequency must be off, daily or weekly'],
    [{ frequency: 'daily', lastExportedAt: 1 }, 'has unexpected field(s) lastExportedAt'],
    ['daily', 'must be an object'],
    [null, 'must be an object'],
  ])('checks a patch %j', (patch, problem) => {
    expect(backupPatchProblem(patch)).toBe(problem);
  });

  it('validates the backup messages (only a frequency can be set; the library sends no time)', () => {
    expect(parseMessage({ type: 'saveBackupSettings', settings: { frequency: 'weekly' } })).toEqual({ type: 'saveBackupSettings', settings: { frequency: 'weekly' } });
    expect(() => parseMessage({ type: 'saveBackupSettings', settings: { frequency: 'weekly', lastExportedAt: 0 } })).toThrow(MessageError);
    expect(() => parseMessage({ type: 'recordLibraryExport', at: T0 })).toThrow(/unexpected field/);
    expect(parseMessage({ type: 'backupNow' })).toEqual({ type: 'backupNow' });
  });
});

describe('when a backup is due', () => {
  it('never while off, whatever the last export', () => {
    expect(nextBackupAt(settings({ frequency: 'off' }), T0)).toBeNull();
    expect(isBackupDue(settings({ frequency: 'off', lastExportedAt: T0 - 365 * DAY }), T0)).toBe(false);
  });

  it.each<BackupFrequency>(['daily', 'weekly'])('%s: at once if never exported', (frequency) => {
    expect(nextBackupAt(settings({ frequency }), T0)).toBe(T0);
    expect(isBackupDue(settings({ frequency }), T0)).toBe(true);
  });

  it.each<[Exclude<BackupFrequency, 'off'>, number]>([
    ['daily', DAY],
    ['weekly', 7 * DAY],
  ])('%s: one period after the last export, and not a moment before', (frequency, period) => {
    expect(BACKUP_PERIOD_MS[frequency]).toBe(period);
    const s = settings({ frequency, lastExportedAt: T0 });
    expect(nextBackupAt(s, T0 + HOUR)).toBe(T0 + period);
    expect(isBackupDue(s, T0 + period - 1)).toBe(false);
    expect(isBackupDue(s, T0 + period)).toBe(true);
    // The browser was closed for a month: one backup at the first check, not thirty.
    expect(isBackupDue(s, T0 + 30 * DAY)).toBe(true);
    expect(isBackupDue(recordBackup(s, 'automatic', T0 + 30 * DAY), T0 + 30 * DAY + HOUR)).toBe(false);
  });

  it('a manual export from the library moves the next backup on', () => {
    const s = recordBackup(settings({ frequency: 'daily', lastExportedAt: T0 }), 'library', T0 + 20 * HOUR);
    expect(s).toMatchObject({ lastExportedAt: T0 + 20 * HOUR, lastKind: 'library' });
    expect(isBackupDue(s, T0 + DAY)).toBe(false);
    expect(nextBackupAt(s, T0 + DAY)).toBe(T0 + 44 * HOUR);
  });

  it('a last export dated in the future (the clock went back) makes one due now', () => {
    expect(isBackupDue(settings({ frequency: 'weekly', lastExportedAt: T0 + 3 * DAY }), T0)).toBe(true);
  });

  it('a failure keeps the last good export and says why; the next success clears it', () => {
    const failed = recordBackupFailure(settings({ frequency: 'daily', lastExportedAt: T0, lastKind: 'automatic' }), 'No permission');
    expect(failed).toMatchObject({ lastExportedAt: T0, lastError: 'No permission' });
    expect(isBackupDue(failed, T0 + DAY)).toBe(true);
    expect(recordBackup(failed, 'automatic', T0 + DAY).lastError).toBeNull();
    expect(recordBackupFailure(failed, '   ').lastError).toBe('Unknown error');
  });

  it('names files by day and minute, in the backup folder', () => {
    const name = backupFileName(new Date(2026, 10, 6, 7, 5));
    expect(name).toBe(`${BACKUP_FOLDER}/lede-notes-2026-11-06-0705.jsonld`);
  });
});

describe('BackupService', () => {
  let db: LedeDB;
  let count = 0;
  let now = T0;
  let saved: BackupFile[];
  let scheduled: BackupFrequency[];
  let downloadFails: string | null;
  let store: BackupSettingsStore;
  let service: BackupService;

  beforeEach(() => {
    count += 1;
    db = createLedeDB(`lede-backup-${count}`);
    now = T0;
    saved = [];
    scheduled = [];
    downloadFails = null;
    store = new BackupSettingsStore(createMemoryArea());
    service = new BackupService({
      db,
      store,
      now: () => now,
      download: async (file) => {
        if (downloadFails) throw new Error(downloadFails);
        saved.push(file);
      },
      schedule: async (frequency) => {
        scheduled.push(frequency);
      },
    });
  });

  afterEach(async () => {
    await db.delete();
  });

  async function addNotes(): Promise<void> {
    await db.annotations.bulkAdd([
      makeAnnotation({ id: noteId(1), body: 'first', tags: ['a'] }),
      makeAnnotation({ id: noteId(2), start: 60, body: 'second', tags: ['b', 'c'] }),
    ]);
    await db.articles.bulkPut([
      { url: SOURCE, title: 'Talks collapse', site: 'news.example', seenAt: 1, entities: [{ type: 'person', name: 'John Kerry', mentions: 2 }], quotes: [], entityNames: ['John Kerry'] },
      { url: 'https://news.example/unrelated', title: 'Unrelated', site: 'news.example', seenAt: 2, entities: [], quotes: [], entityNames: [] },
    ]);
  }

  it('builds the library’s complete JSON-LD export: every note and the articles they are on', async () => {
    await addNotes();
    const file = await buildBackup(db, new Date(now));
    expect(file).not.toBeNull();
    expect(file!.mimeType).toBe('application/ld+json');
    const parsed = parseImport(file!.content);
    expect(parsed.annotations.map((a) => a.id).sort()).toEqual([noteId(1), noteId(2)]);
    expect(parsed.articles.map((a) => a.url)).toEqual([SOURCE]);
    expect(await buildBackup(createLedeDB('lede-backup-empty'), new Date(now))).toBeNull();
  });

  it('zips a large backup (compact JSON-LD inside), which imports back whole, also from its data: URL', async () => {
    await addNotes();
    const file = await buildBackup(db, new Date(now), { zipAboveChars: 0 });
    expect(file!.name).toMatch(/^Lede backups\/lede-notes-.*\.jsonld\.zip$/);
    expect(file!.mimeType).toBe('application/zip');
    expect(file!.content).toBeInstanceOf(Uint8Array);
    const parsed = parseImport(file!.content);
    expect(parsed.annotations.map((a) => a.id).sort()).toEqual([noteId(1), noteId(2)]);
    const url = backupDataUrl(file!);
    expect(url.startsWith('data:application/zip;base64,')).toBe(true);
    expect(new Uint8Array(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'))).toEqual(file!.content);
    const small = (await buildBackup(db, new Date(now)))!;
    expect(backupDataUrl(small)).toBe(`data:application/ld+json;charset=utf-8,${encodeURIComponent(small.content as string)}`);
  });

  it('turning backups on schedules the check; off stops it', async () => {
    await expect(service.setFrequency('weekly')).resolves.toMatchObject({ frequency: 'weekly' });
    await service.setFrequency('off');
    expect(scheduled).toEqual(['weekly', 'off']);
    await store.update((s) => ({ ...s, frequency: 'daily' }));
    await service.restoreSchedule();
    expect(scheduled.at(-1)).toBe('daily');
  });

  it('the periodic check saves a backup when due, then not again until a day has passed', async () => {
    await addNotes();
    await service.setFrequency('daily');
    await expect(service.runIfDue()).resolves.toBe('saved');
    expect(saved.map((f) => f.name)).toEqual([backupFileName(new Date(T0))]);
    expect(await service.status()).toMatchObject({ lastExportedAt: T0, lastKind: 'automatic', lastError: null });
    now = T0 + 23 * HOUR;
    await expect(service.runIfDue()).resolves.toBe('not-due');
    now = T0 + 25 * HOUR;
    await expect(service.runIfDue()).resolves.toBe('saved');
    expect(saved).toHaveLength(2);
  });

  it('does nothing while off, and saves no empty file', async () => {
    await addNotes();
    await expect(service.runIfDue()).resolves.toBe('not-due');
    await db.annotations.clear();
    await service.setFrequency('daily');
    await expect(service.runIfDue()).resolves.toBe('no-notes');
    expect(saved).toEqual([]);
    await expect(service.runNow()).rejects.toThrow(NothingToBackUpError);
  });

  it('a failed download is recorded (not thrown), keeps the last good time, and is retried at the next check', async () => {
    await addNotes();
    await service.setFrequency('daily');
    await service.runIfDue();
    now = T0 + 2 * DAY;
    downloadFails = 'Download failed: no permission';
    await expect(service.runIfDue()).resolves.toBe('failed');
    expect(await service.status()).toMatchObject({ lastExportedAt: T0, lastError: 'Download failed: no permission' });
    downloadFails = null;
    now += HOUR;
    await expect(service.runIfDue()).resolves.toBe('saved');
    expect(await service.status()).toMatchObject({ lastExportedAt: now, lastError: null });
  });

  it('"Back up now" saves at once and throws what went wrong', async () => {
    await addNotes();
    await expect(service.runNow()).resolves.toMatchObject({ lastExportedAt: T0, lastKind: 'now' });
    downloadFails = 'disk full';
    await expect(service.runNow()).rejects.toThrow('disk full');
  });

  it('a full export in the library counts as the last backup', async () => {
    await service.setFrequency('weekly');
    await expect(service.recordLibraryExport(T0)).resolves.toMatchObject({ lastExportedAt: T0, lastKind: 'library', frequency: 'weekly' });
    now = T0 + 6 * DAY;
    await expect(service.runIfDue()).resolves.toBe('not-due');
  });
});
