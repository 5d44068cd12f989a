// Above the results: select all, how many notes match, and what to do with the selection.

import { useMemo } from 'preact/hooks';
import type { LibraryItem } from '@/lib/library/library-index';
import { TriStateCheckbox } from '@/components/library/NoteGroups';
import type { Selection } from '@/components/library/use-selection';

export interface LibraryToolbarProps {
  results: LibraryItem[];
  /** Notes in the whole library. */
  total: number;
  /** Articles the results come from. */
  articles: number;
  /** The count shows once the search index is ready. */
  indexed: boolean;
  selection: Selection;
  onDelete: () => void;
  onExportSelection: () => void;
}

export function LibraryToolbar({ results, total, articles, indexed, selection, onDelete, onExportSelection }: LibraryToolbarProps) {
  const { selected, toggle, clear } = selection;
  // Counted without a list of ids, and not at all while nothing is ticked: a restored library's
  // first render goes through 100,000 results here.
  const selectedInResults = useMemo(() => {
    if (selected.size === 0) return 0;
    let count = 0;
    for (const item of results) if (selected.has(item.annotation.id)) count += 1;
    return count;
  }, [results, selected]);
  return (
    <div class="library-toolbar">
      {results.length > 0 && (
        <label class="library-select-all">
          <TriStateCheckbox
            testId="select-all"
            checked={selectedInResults === results.length}
            indeterminate={selectedInResults > 0 && selectedInResults < results.length}
            label={`Select all ${results.length} results`}
            onChange={(checked) => toggle(results.map((item) => item.annotation.id), checked)}
          />
          <span aria-hidden="true">All</span>
        </label>
      )}
      {indexed && (
        <p class="library-count" role="status" data-testid="library-count">
          {results.length === total ? `${total} ${total === 1 ? 'note' : 'notes'}` : `${results.length} of ${total} notes`}
          {articles > 0 && ` in ${articles} ${articles === 1 ? 'article' : 'articles'}`}
          {selected.size > 0 && ` · ${selected.size} selected`}
        </p>
      )}
      {selected.size > 0 && (
        <div class="library-selection-actions">
          <button type="button" class="library-button library-button-danger" data-testid="delete-selected" onClick={onDelete}>
            Delete {selected.size}
          </button>
          <button type="button" class="library-button" data-testid="export-selection" onClick={onExportSelection}>
            Export selection
          </button>
          <button type="button" class="library-button library-button-quiet" onClick={clear}>
            Clear selection
          </button>
        </div>
      )}
    </div>
  );
}
