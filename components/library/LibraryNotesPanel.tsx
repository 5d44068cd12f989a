// The notes tab: search and filters, the results with their selection, and export and import
// beside them.

import type { Annotation } from '@/lib/notes/annotation';
import type { LibraryData } from '@/lib/library/library-data';
import type { LibraryGroup } from '@/lib/library/library-index';
import { ExportPanel, type Scope } from '@/components/library/ExportPanel';
import { ImportPanel, type ImportReadOptions } from '@/components/library/ImportPanel';
import type { ImportSummary } from '@/lib/exchange/types';
import { uploadImport, type LibraryRuntime } from '@/components/library/library-backend';
import { LibraryFilters } from '@/components/library/LibraryFilters';
import { LibraryResults } from '@/components/library/LibraryResults';
import type { ConflictActions } from '@/components/library/NoteGroups';
import { LibraryToolbar } from '@/components/library/LibraryToolbar';
import type { RunExport } from '@/components/library/use-library-export';
import type { LibraryIndexState } from '@/components/library/use-library-index';
import type { LibrarySearch } from '@/components/library/use-library-search';
import type { Selection } from '@/components/library/use-selection';

export interface LibraryNotesPanelProps {
  data: LibraryData;
  indexState: LibraryIndexState;
  search: LibrarySearch;
  selection: Selection;
  /** Which notes the export panel exports (kept by the page, so it outlives a tab switch). */
  scope: Scope;
  onScope: (scope: Scope) => void;
  runExport: RunExport;
  onDeleteSelected: () => void;
  runtime: LibraryRuntime;
  /** Runs an import's upload and reads the library again after it (useLibraryData). */
  importing: (run: () => Promise<ImportSummary>) => Promise<ImportSummary>;
  importOptions?: ImportReadOptions;
  conflicts?: ConflictActions;
}

export function LibraryNotesPanel(props: LibraryNotesPanelProps) {
  const { data, search, selection, runExport } = props;
  const { index, facets, indexing } = props.indexState;
  const { results, groups } = search;
  const { selected } = selection;
  const total = data.annotations.length;

  const annotationsIn = (ids: ReadonlySet<string>): Annotation[] => data.annotations.filter((a) => ids.has(a.id));

  const scoped = (): Annotation[] => {
    if (props.scope === 'all') return data.annotations;
    if (props.scope === 'results') return results.map((item) => item.annotation);
    return annotationsIn(selected);
  };

  const exportArticle = (group: LibraryGroup): void => {
    // The header exports the whole article's results, not just the rows shown on this page.
    const full = groups.find((g) => g.source === group.source) ?? group;
    void runExport('markdown', full.items.map((item) => item.annotation));
  };

  return (
    <div role="tabpanel" id="panel-notes" aria-labelledby="tab-notes" class="library-layout">
      <main class="library-main">
        <LibraryFilters
          query={search.input}
          filters={search.filters}
          sort={search.sort}
          facets={facets}
          onQuery={search.setInput}
          onFilters={search.setFilters}
          onSort={search.setSort}
        />
        <LibraryToolbar
          results={results}
          total={total}
          articles={groups.length}
          indexed={index !== null}
          selection={selection}
          onDelete={props.onDeleteSelected}
          onExportSelection={() => void runExport('jsonld', annotationsIn(selected))}
        />
        <LibraryResults
          indexing={indexing}
          indexed={index !== null}
          total={total}
          matches={results.length}
          page={search.page}
          selected={selected}
          onToggle={selection.toggle}
          onExportArticle={exportArticle}
          onClearFilters={search.clear}
          onShowMore={search.showMore}
          conflicts={props.conflicts}
        />
      </main>

      <aside class="library-side" aria-label="Export and import">
        <ExportPanel
          scope={props.scope}
          onScope={props.onScope}
          counts={{ all: total, results: results.length, selection: selected.size }}
          onExport={(format) => void runExport(format, scoped())}
        />
        <ImportPanel
          upload={(parsed, onProgress) => {
            // Started here, not inside the callback `importing` keeps until the import is done:
            // only the promise stays referenced, and the parsed notes can go once they are sent.
            const started = uploadImport(props.runtime, parsed, onProgress);
            return props.importing(() => started);
          }}
          readOptions={props.importOptions}
        />
      </aside>
    </div>
  );
}
