// The search index and filter facets over the library's notes. A small library is indexed at once;
// a large one in slices (the page stays responsive), showing the previous index, if any, until the
// new one is ready.

import { useEffect, useMemo, useState } from 'preact/hooks';
import type { LibraryData } from '@/lib/library/library-data';
import { Slicer, type Steps } from '@/lib/exchange/steps';
import {
  buildLibraryIndex,
  buildLibraryIndexSteps,
  libraryFacets,
  libraryFacetsSteps,
  type LibraryFacets,
  type LibraryIndex,
} from '@/lib/library/library-index';
import { messageOf } from '@/components/library/use-library-data';

/** Libraries up to this many notes are indexed in one go; larger ones in slices. */
const SLICED_INDEX_NOTES = 5_000;
const NO_FACETS: LibraryFacets = { tags: [], sites: [], entities: [] };

export interface LibraryIndexState {
  index: LibraryIndex | null;
  facets: LibraryFacets;
  /** A large library's index is being built for the current data. */
  indexing: boolean;
}

interface Built {
  data: LibraryData;
  index: LibraryIndex;
  facets: LibraryFacets;
}

export function useLibraryIndex(data: LibraryData | null, onError: (message: string) => void): LibraryIndexState {
  const quick = useMemo(
    () => (data && data.items.length <= SLICED_INDEX_NOTES ? { index: buildLibraryIndex(data.items), facets: libraryFacets(data.items) } : null),
    [data],
  );
  const [sliced, setSliced] = useState<Built | null>(null);
  useEffect(() => {
    if (!data || data.items.length <= SLICED_INDEX_NOTES) return;
    const run = { cancelled: false };
    void new Slicer()
      .run(indexSteps(data.items), undefined, run)
      .then((built) => {
        if (!run.cancelled) setSliced({ data, ...built });
      })
      .catch((error: unknown) => {
        if (!run.cancelled) onError(messageOf(error));
      });
    return () => {
      run.cancelled = true;
    };
  }, [data, onError]);
  return {
    index: quick?.index ?? sliced?.index ?? null,
    facets: quick?.facets ?? sliced?.facets ?? NO_FACETS,
    indexing: data !== null && quick === null && sliced?.data !== data,
  };
}

function* indexSteps(items: LibraryData['items']): Steps<{ index: LibraryIndex; facets: LibraryFacets }> {
  const index = yield* buildLibraryIndexSteps(items);
  const facets = yield* libraryFacetsSteps(items);
  return { index, facets };
}
