// The library's notes and articles, read over the background (which owns the database) and read
// again whenever it says notes or the reading history changed.

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Annotation } from '@/lib/notes/annotation';
import { libraryDataOf, type LibraryData } from '@/lib/library/library-data';
import { Slicer } from '@/lib/exchange/steps';
import { loadLibrary, type LibraryRuntime } from '@/components/library/library-backend';

export interface LibraryDataState {
  data: LibraryData | null;
  loadError: string | null;
  /** Notes read so far during the first load, when the background says how many there are. */
  loadProgress: { done: number; total: number } | null;
  reload: () => Promise<void>;
  /** Shows a failure met after loading (indexing) as the load's error. */
  reportError: (message: string) => void;
}

/** onLoaded gets the notes after each successful load (keep it stable: reload depends on it). */
export function useLibraryData(runtime: LibraryRuntime, onLoaded: (annotations: readonly Annotation[]) => void): LibraryDataState {
  const [data, setData] = useState<LibraryData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loadProgress, setLoadProgress] = useState<{ done: number; total: number } | null>(null);
  /** One load at a time; a change told during a load means one more load after it. */
  const loading = useRef({ running: false, again: false });

  const loadOnce = useCallback(async (): Promise<void> => {
    try {
      const { annotations, articles } = await loadLibrary(runtime, (done, total) => setLoadProgress({ done, total }));
      const loaded = await libraryDataOf(annotations, articles, new Slicer());
      setData(loaded);
      setLoadError(null);
      onLoaded(loaded.annotations);
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

  // Read everything now, and again whenever the background says notes or the reading history
  // changed (here, in the popup, in a page, by an import).
  useEffect(() => {
    void reload();
    return runtime.listen(() => void reload());
  }, [reload, runtime]);

  return { data, loadError, loadProgress, reload, reportError: setLoadError };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
