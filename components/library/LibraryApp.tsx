import { useMemo, useState } from 'preact/hooks';
import type { Annotation } from '@/lib/notes/annotation';
import type { LibraryGroup } from '@/lib/library/library-index';
import { uploadImport, type LibraryRuntime } from '@/components/library/library-backend';
import { saveFile as defaultSaveFile, type SaveFile } from '@/components/library/download';
import type { ExportFormat } from '@/components/library/export-notes';
import { ImportPanel, type ImportReadOptions } from '@/components/library/ImportPanel';
import { LibraryFilters } from '@/components/library/LibraryFilters';
import { NoteGroups, TriStateCheckbox } from '@/components/library/NoteGroups';
import { QuotesBySpeaker } from '@/components/library/QuotesBySpeaker';
import { useActionMessage } from '@/components/library/use-action-message';
import { useLibraryData } from '@/components/library/use-library-data';
import { useLibraryExport } from '@/components/library/use-library-export';
import { useLibraryIndex } from '@/components/library/use-library-index';
import { useLibrarySearch } from '@/components/library/use-library-search';
import { useSelection } from '@/components/library/use-selection';
import { useUndoDelete } from '@/components/library/use-undo-delete';

export interface LibraryAppProps {
  /** How the page reaches the background, which owns the notes (components/library/library-backend.ts). */
  runtime: LibraryRuntime;
  /** Hands an export to the browser; tests pass a recorder. */
  saveFile?: SaveFile;
  /** Search waits this long after the last keystroke. */
  debounceMs?: number;
  /** How long the undo bar stays after a delete. */
  undoMs?: number;
  /** Every note was just exported as JSON-LD (it counts as the last backup). */
  onFullBackup?: () => void;
  /** How the import panel reads files (tests lower its sizes). */
  importOptions?: ImportReadOptions;
}

type Tab = 'notes' | 'quotes';
type Scope = 'all' | 'results' | 'selection';

const EXPORT_LABELS: Record<ExportFormat, string> = { jsonld: 'JSON-LD', markdown: 'Markdown', csv: 'CSV' };

/** The library: every note across articles, searchable, filterable, exportable; and quotes by speaker. */
export function LibraryApp({ runtime, saveFile = defaultSaveFile, debounceMs = 100, undoMs = 8000, onFullBackup, importOptions }: LibraryAppProps) {
  const [tab, setTab] = useState<Tab>('notes');
  const [scope, setScope] = useState<Scope>('all');
  const [actionMessage, setActionMessage] = useActionMessage();
  const { selected, toggle, clear: clearSelection, keepExisting } = useSelection();
  const { data, loadError, loadProgress, reload, reportError } = useLibraryData(runtime, keepExisting);
  const { index, facets, indexing } = useLibraryIndex(data, reportError);
  const { input, setInput, filters, setFilters, sort, setSort, results, groups, page, showMore, clear: clearFilters } = useLibrarySearch(index, debounceMs);
  const runExport = useLibraryExport({ data, saveFile, onFullBackup, say: setActionMessage });
  const { undo, remove, undoDelete } = useUndoDelete({ runtime, undoMs, reload, onDeleted: clearSelection, say: setActionMessage });

  const resultIds = useMemo(() => results.map((item) => item.annotation.id), [results]);
  const selectedInResults = resultIds.filter((id) => selected.has(id)).length;

  const annotationsIn = (ids: ReadonlySet<string>): Annotation[] => (data?.annotations ?? []).filter((a) => ids.has(a.id));

  const scoped = (): Annotation[] => {
    if (!data) return [];
    if (scope === 'all') return data.annotations;
    if (scope === 'results') return results.map((item) => item.annotation);
    return annotationsIn(selected);
  };

  const exportArticle = (group: LibraryGroup): void => {
    // The header exports the whole article's results, not just the rows shown on this page.
    const full = groups.find((g) => g.source === group.source) ?? group;
    void runExport('markdown', full.items.map((item) => item.annotation));
  };

  const deleteSelected = (): Promise<void> => remove([...selected]);

  const total = data?.annotations.length ?? 0;
  const scopeCount = scope === 'all' ? total : scope === 'results' ? results.length : selected.size;

  return (
    <div class="library">
      <header class="library-header">
        <div>
          <div class="brand">Lede</div>
          <h1>Library</h1>
        </div>
        <div class="library-tabs" role="tablist" aria-label="Library views">
          <TabButton id="notes" current={tab} onSelect={setTab} label={`Notes${data ? ` (${total})` : ''}`} />
          <TabButton id="quotes" current={tab} onSelect={setTab} label="Quotes by speaker" />
        </div>
      </header>

      {loadError && (
        <p class="library-error" role="alert">
          Could not read your notes: {loadError}
        </p>
      )}
      {!data && !loadError && (
        <p class="library-muted" role="status">
          Loading your notes…{loadProgress && loadProgress.total > 0 && ` ${loadProgress.done.toLocaleString('en-US')} of ${loadProgress.total.toLocaleString('en-US')}`}
        </p>
      )}

      {data && tab === 'quotes' && (
        <div role="tabpanel" id="panel-quotes" aria-labelledby="tab-quotes">
          <QuotesBySpeaker speakers={data.speakers} />
        </div>
      )}

      {data && tab === 'notes' && (
        <div role="tabpanel" id="panel-notes" aria-labelledby="tab-notes" class="library-layout">
          <main class="library-main">
            <LibraryFilters
              query={input}
              filters={filters}
              sort={sort}
              facets={facets}
              onQuery={setInput}
              onFilters={setFilters}
              onSort={setSort}
            />
            <div class="library-toolbar">
              {results.length > 0 && (
                <label class="library-select-all">
                  <TriStateCheckbox
                    testId="select-all"
                    checked={selectedInResults === results.length}
                    indeterminate={selectedInResults > 0 && selectedInResults < results.length}
                    label={`Select all ${results.length} results`}
                    onChange={(checked) => toggle(resultIds, checked)}
                  />
                  <span aria-hidden="true">All</span>
                </label>
              )}
              {index && (
                <p class="library-count" role="status" data-testid="library-count">
                  {results.length === total
                    ? `${total} ${total === 1 ? 'note' : 'notes'}`
                    : `${results.length} of ${total} notes`}
                  {groups.length > 0 && ` in ${groups.length} ${groups.length === 1 ? 'article' : 'articles'}`}
                  {selected.size > 0 && ` · ${selected.size} selected`}
                </p>
              )}
              {selected.size > 0 && (
                <div class="library-selection-actions">
                  <button type="button" class="library-button library-button-danger" data-testid="delete-selected" onClick={() => void deleteSelected()}>
                    Delete {selected.size}
                  </button>
                  <button type="button" class="library-button" data-testid="export-selection" onClick={() => void runExport('jsonld', annotationsIn(selected))}>
                    Export selection
                  </button>
                  <button type="button" class="library-button library-button-quiet" onClick={clearSelection}>
                    Clear selection
                  </button>
                </div>
              )}
            </div>

            {indexing && (
              <p class="library-muted" role="status" data-testid="library-indexing">
                Indexing {total.toLocaleString('en-US')} notes for search…
              </p>
            )}
            {!index ? null : total === 0 ? (
              <div class="library-empty" data-testid="library-empty">
                <p>No notes yet.</p>
                <p>Select text in an article to highlight it or add a note; your notes appear here.</p>
              </div>
            ) : results.length === 0 ? (
              <div class="library-empty" data-testid="library-no-results">
                <p>No notes match your search and filters.</p>
                <button type="button" class="library-button" data-testid="clear-filters" onClick={clearFilters}>
                  Clear search and filters
                </button>
              </div>
            ) : (
              <>
                <NoteGroups groups={page.groups} selected={selected} onToggle={toggle} onExportArticle={exportArticle} />
                {page.shownNotes < results.length && (
                  <div class="library-more">
                    <button type="button" class="library-button" data-testid="library-show-more" onClick={showMore}>
                      Show more
                    </button>
                    <span class="library-muted">
                      Showing {page.shownNotes} of {results.length}
                    </span>
                  </div>
                )}
              </>
            )}
          </main>

          <aside class="library-side" aria-label="Export and import">
            <section class="library-export" aria-labelledby="export-heading">
              <h2 id="export-heading" class="library-section-title">
                Export
              </h2>
              <label class="library-field library-field-wide">
                <span>Which notes</span>
                <select data-testid="export-scope" value={scope} onChange={(event) => setScope(event.currentTarget.value as Scope)}>
                  <option value="all">All notes ({total})</option>
                  <option value="results">Current results ({results.length})</option>
                  <option value="selection">Selection ({selected.size})</option>
                </select>
              </label>
              <div class="library-export-buttons">
                {(['jsonld', 'markdown', 'csv'] as const).map((format) => (
                  <button
                    type="button"
                    key={format}
                    class="library-button"
                    data-testid={`export-${format}`}
                    disabled={scopeCount === 0}
                    onClick={() => void runExport(format, scoped())}
                  >
                    {EXPORT_LABELS[format]}
                  </button>
                ))}
              </div>
              <p class="library-hint">JSON-LD is a complete backup Lede can import again. Markdown gives one file per article (a .zip for several); CSV opens in a spreadsheet.</p>
            </section>
            <ImportPanel upload={(parsed, onProgress) => uploadImport(runtime, parsed, onProgress)} onImported={() => void reload()} readOptions={importOptions} />
          </aside>
        </div>
      )}

      {actionMessage && (
        <p class="library-message" role="status">
          {actionMessage}
        </p>
      )}
      {undo && (
        <div class="library-undo" role="status" data-testid="library-undo">
          <span>
            Deleted {undo.length} {undo.length === 1 ? 'note' : 'notes'}.
          </span>
          <button type="button" class="library-button" data-testid="library-undo-button" onClick={() => void undoDelete()}>
            Undo
          </button>
        </div>
      )}
    </div>
  );
}

function TabButton({ id, current, onSelect, label }: { id: Tab; current: Tab; onSelect: (tab: Tab) => void; label: string }) {
  const active = id === current;
  return (
    <button
      type="button"
      role="tab"
      id={`tab-${id}`}
      aria-selected={active}
      aria-controls={`panel-${id}`}
      tabIndex={active ? 0 : -1}
      data-testid={`library-tab-${id}`}
      class="library-tab"
      onClick={() => onSelect(id)}
      onKeyDown={(event) => {
        // Arrow keys move between the two tabs, as in any tab list.
        if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
          const next: Tab = id === 'notes' ? 'quotes' : 'notes';
          onSelect(next);
          (document.getElementById(`tab-${next}`) as HTMLElement | null)?.focus();
        }
      }}
    >
      {label}
    </button>
  );
}
