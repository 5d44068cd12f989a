// The library page: every note across articles, searchable, filterable, exportable; and quotes by
// speaker. State lives in the use-* hooks beside this file; the views below only show it.

import { useMemo, useState } from 'preact/hooks';
import { sendRequest } from '@/lib/protocol/messages';
import type { ConflictActions } from '@/components/library/NoteGroups';
import type { LibraryRuntime } from '@/components/library/library-backend';
import type { Annotation } from '@/lib/notes/annotation';
import { saveFile as defaultSaveFile, type SaveFile } from '@/components/library/download';
import type { Scope } from '@/components/library/ExportPanel';
import type { ImportReadOptions } from '@/components/library/ImportPanel';
import { LibraryHeader, type Tab } from '@/components/library/LibraryHeader';
import { LibraryNotesPanel } from '@/components/library/LibraryNotesPanel';
import { LibraryNotices } from '@/components/library/LibraryNotices';
import { QuotesBySpeaker } from '@/components/library/QuotesBySpeaker';
import { useActionMessage } from '@/components/library/use-action-message';
import { useLibraryData } from '@/components/library/use-library-data';
import type { LibraryFilters as SearchFilters } from '@/lib/library/library-index';
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
  /** The filters the library opens with (a popup card opens it narrowed to one entity). */
  initialFilters?: SearchFilters;
}

/** The library: every note across articles, searchable, filterable, exportable; and quotes by speaker. */
export function LibraryApp({ runtime, saveFile = defaultSaveFile, debounceMs = 100, undoMs = 8000, onFullBackup, importOptions, initialFilters }: LibraryAppProps) {
  const [tab, setTab] = useState<Tab>('notes');
  const [scope, setScope] = useState<Scope>('all');
  const [actionMessage, setActionMessage] = useActionMessage();
  const selection = useSelection();
  const { data, loadError, loadProgress, reload, importing, reportError } = useLibraryData(runtime, selection.keepExisting);
  const indexState = useLibraryIndex(data, reportError);
  const search = useLibrarySearch(indexState.index, debounceMs, initialFilters);
  const runExport = useLibraryExport({ data, saveFile, onFullBackup, say: setActionMessage });
  const { undo, remove, undoDelete } = useUndoDelete({ runtime, undoMs, reload, onDeleted: selection.clear, say: setActionMessage });
  // Sync's conflict copies are settled by the background; its change notice reloads the notes.
  const conflicts = useMemo((): ConflictActions | undefined => {
    if (!data) return undefined;
    // Built at the first question (only conflict copies ask), not in the render that shows a newly
    // loaded library: 100,000 notes took part of one long task.
    let byId: Map<string, Annotation> | null = null;
    return {
      originalOf: (id) => (byId ??= new Map(data.annotations.map((note) => [note.id, note]))).get(id),
      resolve: (copy, keep) =>
        void sendRequest(runtime.send, { type: 'resolveConflict', id: copy.id, keep })
          .then(() => setActionMessage(keep === 'copy' ? 'Kept this text; the conflict copy is gone.' : 'Kept the other text; the conflict copy is gone.'))
          .catch((error: unknown) => setActionMessage(`Lede couldn’t settle the conflict: ${error instanceof Error ? error.message : String(error)}`)),
    };
  }, [data, runtime, setActionMessage]);

  return (
    <div class="library">
      <LibraryHeader tab={tab} onTab={setTab} total={data ? data.annotations.length : null} />

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
        <LibraryNotesPanel
          data={data}
          indexState={indexState}
          search={search}
          selection={selection}
          scope={scope}
          onScope={setScope}
          runExport={runExport}
          onDeleteSelected={() => void remove([...selection.selected])}
          runtime={runtime}
          importing={importing}
          importOptions={importOptions}
          conflicts={conflicts}
        />
      )}

      <LibraryNotices message={actionMessage} undo={undo} onUndo={() => void undoDelete()} />
    </div>
  );
}
