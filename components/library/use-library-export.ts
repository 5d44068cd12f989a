// Exporting notes from the library as a file, and saying how it went.

import type { Annotation } from '@/lib/notes/annotation';
import type { LibraryData } from '@/lib/library/library-data';
import type { SaveFile } from '@/components/library/download';
import { exportNotes, type ExportFormat } from '@/components/library/export-notes';
import { messageOf } from '@/components/library/use-library-data';

export interface LibraryExportOptions {
  data: LibraryData | null;
  saveFile: SaveFile;
  /** Every note was just exported as JSON-LD (it counts as the last backup). */
  onFullBackup?: () => void;
  say: (message: string) => void;
}

export type RunExport = (format: ExportFormat, annotations: Annotation[]) => Promise<void>;

export function useLibraryExport({ data, saveFile, onFullBackup, say }: LibraryExportOptions): RunExport {
  return async (format, annotations) => {
    if (!data) return;
    try {
      const name = await exportNotes(format, annotations, data.articles, saveFile, new Date());
      // Every note as JSON-LD is a complete backup: the settings' "last exported" follows it.
      if (name && format === 'jsonld' && annotations.length === data.annotations.length) onFullBackup?.();
      say(name ? `Exported ${annotations.length} ${annotations.length === 1 ? 'note' : 'notes'} as ${name}.` : 'Nothing to export.');
    } catch (error) {
      say(`Export failed: ${messageOf(error)}`);
    }
  };
}
