// The notes that match, grouped by article and shown a page at a time; or why there are none.

import type { LibraryGroup } from '@/lib/library/library-index';
import { NoteGroups } from '@/components/library/NoteGroups';

export interface LibraryResultsProps {
  /** A large library's index is being built. */
  indexing: boolean;
  /** Nothing shows until the search index is ready. */
  indexed: boolean;
  /** Notes in the whole library. */
  total: number;
  /** Notes that match the search and filters. */
  matches: number;
  /** The groups shown so far, and how many notes they hold. */
  page: { groups: LibraryGroup[]; shownNotes: number };
  selected: ReadonlySet<string>;
  onToggle: (ids: string[], select: boolean) => void;
  onExportArticle: (group: LibraryGroup) => void;
  onClearFilters: () => void;
  onShowMore: () => void;
}

export function LibraryResults(props: LibraryResultsProps) {
  const { indexing, indexed, total, matches, page } = props;
  return (
    <>
      {indexing && (
        <p class="library-muted" role="status" data-testid="library-indexing">
          Indexing {total.toLocaleString('en-US')} notes for search…
        </p>
      )}
      {!indexed ? null : total === 0 ? (
        <div class="library-empty" data-testid="library-empty">
          <p>No notes yet.</p>
          <p>Select text in an article to highlight it or add a note; your notes appear here.</p>
        </div>
      ) : matches === 0 ? (
        <div class="library-empty" data-testid="library-no-results">
          <p>No notes match your search and filters.</p>
          <button type="button" class="library-button" data-testid="clear-filters" onClick={props.onClearFilters}>
            Clear search and filters
          </button>
        </div>
      ) : (
        <>
          <NoteGroups groups={page.groups} selected={props.selected} onToggle={props.onToggle} onExportArticle={props.onExportArticle} />
          {page.shownNotes < matches && (
            <div class="library-more">
              <button type="button" class="library-button" data-testid="library-show-more" onClick={props.onShowMore}>
                Show more
              </button>
              <span class="library-muted">
                Showing {page.shownNotes} of {matches}
              </span>
            </div>
          )}
        </>
      )}
    </>
  );
}
