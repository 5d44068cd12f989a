// The library's search: the typed query (debounced), filters and sort, their results grouped by
// article, and how many pages of them are shown.

import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  groupByArticle,
  pageOfGroups,
  searchLibrary,
  type LibraryFilters,
  type LibraryGroup,
  type LibraryIndex,
  type LibraryItem,
  type LibrarySort,
} from '@/lib/library/library-index';

export interface LibrarySearch {
  /** What is in the search box now (the query follows it after the debounce). */
  input: string;
  setInput: (input: string) => void;
  filters: LibraryFilters;
  setFilters: (filters: LibraryFilters) => void;
  sort: LibrarySort;
  setSort: (sort: LibrarySort) => void;
  results: LibraryItem[];
  groups: LibraryGroup[];
  page: ReturnType<typeof pageOfGroups>;
  showMore: () => void;
  clear: () => void;
}

export function useLibrarySearch(index: LibraryIndex | null, debounceMs: number, initialFilters?: LibraryFilters): LibrarySearch {
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<LibraryFilters>(() => initialFilters ?? {});
  const [sort, setSort] = useState<LibrarySort>('newest');
  const [pages, setPages] = useState(1);

  // Results follow typing, but a fast typist does not search on every key.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(input), debounceMs);
    return () => clearTimeout(timer);
  }, [input, debounceMs]);

  useEffect(() => setPages(1), [query, filters, sort]);

  const results = useMemo(() => (index ? searchLibrary(index, query, filters, sort) : []), [index, query, filters, sort]);
  const groups = useMemo(() => groupByArticle(results), [results]);
  const page = useMemo(() => pageOfGroups(groups, pages), [groups, pages]);

  const clear = (): void => {
    setInput('');
    setQuery('');
    setFilters({});
  };

  return { input, setInput, filters, setFilters, sort, setSort, results, groups, page, showMore: () => setPages(pages + 1), clear };
}
