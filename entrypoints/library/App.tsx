import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Annotation } from '@/lib/notes/annotation';
import { libraryDataOf, type LibraryData } from '@/lib/library/library-data';
import { Slicer } from '@/lib/exchange/steps';
import { deleteNotes, loadLibrary, restoreNotes, uploadImport, type LibraryRuntime } from '@/components/library/library-backend';
import {
  buildLibraryIndex,
  buildLibraryIndexSteps,
  groupByArticle,
  libraryFacets,
  libraryFacetsSteps,
  pageOfGroups,
  searchLibrary,
  type LibraryFilters as Filters,
  type LibraryFacets,
  type LibraryGroup,
  type LibraryIndex,
  type LibrarySort,
} from '@/lib/library/library-index';
import { saveFile as defaultSaveFile, type SaveFile } from '@/components/library/download';
import { exportNotes, type ExportFormat } from '@/components/library/export-notes';
import { ImportPanel, type ImportReadOptions } from '@/components/library/ImportPanel';
import { LibraryFilters } from '@/components/library/LibraryFilters';
import { NoteGroups, TriStateCheckbox } from '@/components/library/NoteGroups';
import { QuotesBySpeaker } from '@/components/library/QuotesBySpeaker';

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
  /** The filters the library opens with (a popup card opens it narrowed to one entity). */
  initialFilters?: Filters;
}

type Tab = 'notes' | 'quotes';
type Scope = 'all' | 'results' | 'selection';

/** Libraries up to this many notes are indexed in one go; larger ones in slices. */
const SLICED_INDEX_NOTES = 5_000;
const NO_FACETS: LibraryFacets = { tags: [], sites: [], entities: [] };

const EXPORT_LABELS: Record<ExportFormat, string> = { jsonld: 'JSON-LD', markdown: 'Markdown', csv: 'CSV' };

/** The library: every note across articles, searchable, filterable, exportable; and quotes by speaker. */
export function LibraryApp({ runtime, saveFile = defaultSaveFile, debounceMs = 100, undoMs = 8000, onFullBackup, importOptions, initialFilters }: LibraryAppProps) {
  const [data, setData] = useState<LibraryData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('notes');
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>(() => initialFilters ?? {});
  const [sort, setSort] = useState<LibrarySort>('newest');
  const [pages, setPages] = useState(1);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [scope, setScope] = useState<Scope>('all');
  const [undo, setUndo] = useState<Annotation[] | null>(null);
  const [actionMessage, setActionMessage] = useState<string | null>(null);
  const [loadProgress, setLoadProgress] = useState<{ done: number; total: number } | null>(null);
  const undoTimer = useRef<ReturnType<typeof setTimeout>>();
  /** One load at a time; a change told during a load means one more load after it. */
  const loading = useRef({ running: false, again: false });

  const reload = useCallback(async (): Promise<void> => {
    if (loading.current.running) {
      loading.current.again = true;
      return;
    }
    loading.current.running = true;
    try {
      do {
        loading.current.again = false;
        try {
          const { annotations, articles } = await loadLibrary(runtime, (done, total) => setLoadProgress({ done, total }));
          const loaded = await libraryDataOf(annotations, articles, new Slicer());
          setData(loaded);
          setLoadError(null);
          // Drop selected notes that no longer exist (a set of every id only when something is selected).
          setSelected((current) => {
            if (current.size === 0) return current;
            const ids = new Set(loaded.annotations.map((a) => a.id));
            return new Set([...current].filter((id) => ids.has(id)));
          });
        } catch (error) {
          setLoadError(error instanceof Error ? error.message : String(error));
        }
      } while (loading.current.again);
    } finally {
      loading.current.running = false;
    }
  }, [runtime]);

  // Read everything now, and again whenever the background says notes or the reading history
  // changed (here, in the popup, in a page, by an import).
  useEffect(() => {
    void reload();
    return runtime.listen(() => void reload());
  }, [reload, runtime]);

  // Results follow typing, but a fast typist does not search on every key.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(input), debounceMs);
    return () => clearTimeout(timer);
  }, [input, debounceMs]);

  useEffect(() => setPages(1), [query, filters, sort]);
  useEffect(() => () => clearTimeout(undoTimer.current), []);
  // Confirmations fade after a few seconds; they are also announced as a status.
  useEffect(() => {
    if (!actionMessage) return;
    const timer = setTimeout(() => setActionMessage(null), 6000);
    return () => clearTimeout(timer);
  }, [actionMessage]);

  // A small library is indexed at once; a large one in slices (the page stays responsive), showing
  // the previous index, if any, until the new one is ready.
  const quick = useMemo(
    () => (data && data.items.length <= SLICED_INDEX_NOTES ? { index: buildLibraryIndex(data.items), facets: libraryFacets(data.items) } : null),
    [data],
  );
  const [sliced, setSliced] = useState<{ data: LibraryData; index: LibraryIndex; facets: LibraryFacets } | null>(null);
  useEffect(() => {
    if (!data || data.items.length <= SLICED_INDEX_NOTES) return;
    const run = { cancelled: false };
    const steps = function* (items: LibraryData['items']) {
      const index = yield* buildLibraryIndexSteps(items);
      const facets = yield* libraryFacetsSteps(items);
      return { index, facets };
    };
    void new Slicer()
      .run(steps(data.items), undefined, run)
      .then((built) => {
        if (!run.cancelled) setSliced({ data, ...built });
      })
      .catch((error: unknown) => {
        if (!run.cancelled) setLoadError(error instanceof Error ? error.message : String(error));
      });
    return () => {
      run.cancelled = true;
    };
  }, [data]);
  const index = quick?.index ?? sliced?.index ?? null;
  const facets = quick?.facets ?? sliced?.facets ?? NO_FACETS;
  const indexing = data !== null && quick === null && sliced?.data !== data;
  const results = useMemo(() => (index ? searchLibrary(index, query, filters, sort) : []), [index, query, filters, sort]);
  const groups = useMemo(() => groupByArticle(results), [results]);
  const page = useMemo(() => pageOfGroups(groups, pages), [groups, pages]);

  const toggle = (ids: string[], select: boolean): void => {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (select) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  };

  const resultIds = useMemo(() => results.map((item) => item.annotation.id), [results]);
  const selectedInResults = resultIds.filter((id) => selected.has(id)).length;

  const annotationsIn = (ids: ReadonlySet<string>): Annotation[] => (data?.annotations ?? []).filter((a) => ids.has(a.id));

  const runExport = async (format: ExportFormat, annotations: Annotation[]): Promise<void> => {
    if (!data) return;
    try {
      const name = await exportNotes(format, annotations, data.articles, saveFile, new Date());
      // Every note as JSON-LD is a complete backup: the settings' "last exported" follows it.
      if (name && format === 'jsonld' && annotations.length === data.annotations.length) onFullBackup?.();
      setActionMessage(name ? `Exported ${annotations.length} ${annotations.length === 1 ? 'note' : 'notes'} as ${name}.` : 'Nothing to export.');
    } catch (error) {
      setActionMessage(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

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

  const deleteSelected = async (): Promise<void> => {
    const ids = [...selected];
    if (ids.length === 0) return;
    try {
      // The background deletes them, all or none (in messages of up to a thousand notes).
      const removed = await deleteNotes(runtime, ids);
      setSelected(new Set());
      setUndo(removed);
      setActionMessage(null);
      clearTimeout(undoTimer.current);
      undoTimer.current = setTimeout(() => setUndo(null), undoMs);
    } catch (error) {
      setActionMessage(`Nothing was deleted: ${error instanceof Error ? error.message : String(error)}`);
    }
    await reload();
  };

  const undoDelete = async (): Promise<void> => {
    if (!undo) return;
    const notes = undo;
    clearTimeout(undoTimer.current);
    setUndo(null);
    try {
      await restoreNotes(runtime, notes);
      setActionMessage(`Restored ${notes.length} ${notes.length === 1 ? 'note' : 'notes'}.`);
    } catch (error) {
      setActionMessage(`Could not restore the notes: ${error instanceof Error ? error.message : String(error)}`);
    }
    await reload();
  };

  const clearFilters = (): void => {
    setInput('');
    setQuery('');
    setFilters({});
  };

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
                  <button type="button" class="library-button library-button-quiet" onClick={() => setSelected(new Set())}>
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
                    <button type="button" class="library-button" data-testid="library-show-more" onClick={() => setPages(pages + 1)}>
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
