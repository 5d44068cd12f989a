// The library's notes and articles, read over the background (which owns the database) and read
// again whenever it says notes or the reading history changed.

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Annotation } from '@/lib/notes/annotation';
import { libraryDataOf, type LibraryData } from '@/lib/library/library-data';
import { Slicer } from '@/lib/exchange/steps';
import { loadLibrary, type LibraryRuntime } from '@/components/library/library-backend';
import type { ImportSummary } from '@/lib/exchange/types';

/** How long the library waits for an import's change notices before reading again without them. */
const IMPORT_NOTICES_WAIT_MS = 2_000;

export interface LibraryDataState {
  data: LibraryData | null;
  loadError: string | null;
  /** Notes read so far during the first load, when the background says how many there are. */
  loadProgress: { done: number; total: number } | null;
  reload: () => Promise<void>;
  /**
   * Runs an import (`run`, its upload) and reads the library again after it, once: the change
   * notices that come meanwhile (the import's own notes and articles, anyone else's) are all
   * covered by that one load, rather than a load for each.
   */
  importing: (run: () => Promise<ImportSummary>) => Promise<ImportSummary>;
  /** Shows a failure met after loading (indexing) as the load's error. */
  reportError: (message: string) => void;
}

/** onLoaded gets the notes after each successful load (keep it stable: reload depends on it). */
export function useLibraryData(runtime: LibraryRuntime, onLoaded: (annotations: readonly Annotation[]) => void): LibraryDataState {
  const [data, setData] = useState<LibraryData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loadProgress, setLoadProgress] = useState<{ done: number; total: number } | null>(null);
  /** Whether a load has come in (its data is shown). */
  const loaded = useRef(false);
  /** One load at a time; a change told during a load means one more load after it. */
  const loading = useRef({ running: false, again: false });

  const loadOnce = useCallback(async (): Promise<void> => {
    try {
      // The count shows only before the first load is in: later loads would re-render the list per chunk for nothing.
      const { annotations, articles } = await loadLibrary(runtime, (done, total) => loaded.current || setLoadProgress({ done, total }));
      const data = await libraryDataOf(annotations, articles, new Slicer());
      loaded.current = true;
      setData(data);
      setLoadError(null);
      onLoaded(data.annotations);
    } catch (error) {
      setLoadError(messageOf(error));
    }
  }, [runtime, onLoaded]);

  const reload = useCallback(async (): Promise<void> => {
    if (loading.current.running) {
      loading.current.again = true;
      return;
    }
    loading.current.running = true;
    try {
      do {
        loading.current.again = false;
        await loadOnce();
      } while (loading.current.again);
    } finally {
      loading.current.running = false;
    }
  }, [loadOnce]);

  /**
   * While an import runs: the notices seen, and how many its write brings (known once it is done).
   * A load asked for after a notice came sees that notice's change, so one load after the last
   * covers them all.
   */
  const held = useRef<{ seen: number; expected: number | null; timer?: ReturnType<typeof setTimeout> } | null>(null);
  const release = useCallback(
    (force: boolean): void => {
      const hold = held.current;
      if (!hold || (!force && (hold.expected === null || hold.seen < hold.expected))) return;
      clearTimeout(hold.timer);
      held.current = null;
      if (hold.seen > 0 || (hold.expected ?? 0) > 0) void reload();
    },
    [reload],
  );

  const importing = useCallback(
    async (run: () => Promise<ImportSummary>): Promise<ImportSummary> => {
      if (held.current) clearTimeout(held.current.timer);
      const hold = { seen: held.current?.seen ?? 0, expected: null as number | null, timer: undefined as ReturnType<typeof setTimeout> | undefined };
      held.current = hold;
      try {
        const summary = await run();
        if (held.current === hold) {
          // The background tells of an import's notes (notesChanged) and its articles (historyChanged).
          hold.expected = (summary.added > 0 ? 1 : 0) + (summary.articlesAdded > 0 ? 1 : 0);
          // Should a notice go astray, read anyway.
          hold.timer = setTimeout(() => held.current === hold && release(true), IMPORT_NOTICES_WAIT_MS);
          release(false);
        }
        return summary;
      } catch (error) {
        if (held.current === hold) {
          hold.expected = 0;
          release(true);
        }
        throw error;
      }
    },
    [release],
  );

  // Read everything now, and again whenever the background says notes or the reading history
  // changed (here, in the popup, in a page, by an import).
  useEffect(() => {
    void reload();
    const stop = runtime.listen(() => {
      if (!held.current) return void reload();
      held.current.seen += 1;
      release(false);
    });
    return () => {
      stop();
      clearTimeout(held.current?.timer);
      held.current = null;
    };
  }, [reload, release, runtime]);

  return { data, loadError, loadProgress, reload, importing, reportError: setLoadError };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
