// Export in the three formats, as files handed to `save`: the library's buttons, the selection
// and one article's header all come through here.

import type { Annotation } from '@/lib/notes/annotation';
import type { ArticleRow } from '@/lib/background/db';
import { exportCsv } from '@/lib/exchange/csv';
import { exportBackupSteps, type BackupExport } from '@/lib/exchange/jsonld';
import { exportMarkdown } from '@/lib/exchange/markdown';
import { runSteps, Slicer } from '@/lib/exchange/steps';
import { zipFiles } from '@/lib/exchange/zip';
import { normalizeSourceUrl } from '@/lib/notes/source-url';
import { exportBaseName, type SaveFile } from './download';

export type ExportFormat = 'jsonld' | 'markdown' | 'csv';

/** The analysed articles the notes belong to, so exports carry titles, dates and people. */
export function articlesFor(annotations: readonly Annotation[], articles: readonly ArticleRow[]): ArticleRow[] {
  const sources = new Set(annotations.map((a) => a.target.source));
  return articles.filter((article) => sources.has(normalizeSourceUrl(article.url)));
}

/** Up to this many notes a JSON-LD export is built in one go; more are built in slices that keep the page responsive. */
export const SLICED_EXPORT_NOTES = 5_000;

/**
 * Builds the file(s) and saves them; returns the name saved, or null when there was nothing to
 * export. A large JSON-LD export is compact and zipped (`.jsonld.zip`), built in slices.
 */
export async function exportNotes(
  format: ExportFormat,
  annotations: Annotation[],
  articles: readonly ArticleRow[],
  save: SaveFile,
  now: Date,
): Promise<string | null> {
  if (annotations.length === 0) return null;
  const base = exportBaseName(now);
  const related = articlesFor(annotations, articles);
  switch (format) {
    case 'jsonld': {
      const steps = exportBackupSteps(annotations, related, { entryName: `${base}.jsonld` });
      const file: BackupExport = annotations.length > SLICED_EXPORT_NOTES ? await new Slicer().run(steps) : runSteps(steps);
      if (file.kind === 'zip') {
        save(`${base}.jsonld.zip`, file.bytes, 'application/zip');
        return `${base}.jsonld.zip`;
      }
      save(`${base}.jsonld`, file.text, 'application/ld+json');
      return `${base}.jsonld`;
    }
    case 'csv': {
      const name = `${base}.csv`;
      save(name, exportCsv(annotations, related), 'text/csv;charset=utf-8');
      return name;
    }
    case 'markdown': {
      const { files } = exportMarkdown(annotations, related);
      if (files.length === 1) {
        const file = files[0]!;
        save(file.name, file.content, 'text/markdown;charset=utf-8');
        return file.name;
      }
      const name = `${base}.zip`;
      save(name, zipFiles(files), 'application/zip');
      return name;
    }
  }
}
