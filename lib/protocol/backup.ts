// Automatic backups, answered by the background; only Lede's own pages (the options page and the
// library) may send them.

import { backupPatchProblem, type BackupSettings, type BackupSettingsPatch } from '../settings/backup-settings';
import { fieldProblem } from './fields';
import { answer, messageTable, type RequestOf } from './spec';

/** Options page -> background: the automatic backup's frequency and when the notes were last exported. */
export interface GetBackupStatusRequest {
  type: 'getBackupStatus';
}
/** Options page -> background: back up daily, weekly or not at all (the page has asked for `downloads` first). */
export interface SaveBackupSettingsRequest {
  type: 'saveBackupSettings';
  settings: BackupSettingsPatch;
}
/** Options page -> background: write a backup to the downloads folder now. */
export interface BackupNowRequest {
  type: 'backupNow';
}
/** Library -> background: the reader exported every note as JSON-LD; it counts as the last backup. */
export interface RecordLibraryExportRequest {
  type: 'recordLibraryExport';
}

const fromPages = ['extension-page'] as const;

export const BACKUP_MESSAGES = messageTable({
  getBackupStatus: { senders: fromPages, fields: [], parse: (_, type): GetBackupStatusRequest => ({ type }), answer: answer<BackupSettings>() },
  saveBackupSettings: {
    senders: fromPages,
    fields: ['settings'],
    parse: (value, type): SaveBackupSettingsRequest => {
      fieldProblem(backupPatchProblem(value.settings), `${type}.settings`);
      return { type, settings: { frequency: (value.settings as BackupSettingsPatch).frequency } };
    },
    answer: answer<BackupSettings>(),
  },
  backupNow: { senders: fromPages, fields: [], parse: (_, type): BackupNowRequest => ({ type }), answer: answer<BackupSettings>() },
  recordLibraryExport: { senders: fromPages, fields: [], parse: (_, type): RecordLibraryExportRequest => ({ type }), answer: answer<BackupSettings>() },
});

/** Automatic backups, answered by the background; only Lede's own pages may send them. */
export type BackupRequest = RequestOf<typeof BACKUP_MESSAGES>;
