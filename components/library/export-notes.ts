// Export in the three formats, as files handed to `save`: the library's buttons, the selection
// and one article's header all come through here.

import type { Annotation } from '@/lib/annotation-types';
import type { ArticleRow } from '@/lib/db';
import { exportCsv, exportJsonLd, exportMarkdown, zipFiles } from '@/lib/exchange';
import { normalizeSourceUrl } from '@/lib/url';
import { exportBaseName, type SaveFile } from './download';

export type ExportFormat = 'jsonld' | 'markdown' | 'csv';

/** The analysed articles the notes belong to, so exports carry titles, dates and people. */
export function articlesFor(annotations: readonly Annotation[], articles: readonly ArticleRow[]): ArticleRow[] {
  const sources = new Set(annotations.map((a) => a.target.source));
  return articles.filter((article) => sources.has(normalizeSourceUrl(article.url)));
}

/** Builds the file(s) and saves them; returns the name saved, or null when there was nothing to export. */
export function exportNotes(
  format: ExportFormat,
  annotations: Annotation[],
  articles: readonly ArticleRow[],
  save: SaveFile,
  now: Date,
): string | null {
  if (annotations.length === 0) return null;
  const base = exportBaseName(now);
  const related = articlesFor(annotations, articles);
  switch (format) {
    case 'jsonld': {
      const name = `${base}.jsonld`;
      save(name, exportJsonLd(annotations, related), 'application/ld+json');
      return name;
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
