// Which notes the reader has ticked in the library, by id.

import { useCallback, useState } from 'preact/hooks';
import type { Annotation } from '@/lib/notes/annotation';

export interface Selection {
  selected: ReadonlySet<string>;
  /** Ticks (select) or unticks these notes. */
  toggle: (ids: string[], select: boolean) => void;
  clear: () => void;
  /** Drops selected notes that no longer exist, after a reload. */
  keepExisting: (annotations: readonly Annotation[]) => void;
}

export function useSelection(): Selection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const toggle = useCallback((ids: string[], select: boolean): void => {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (select) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);

  const clear = useCallback((): void => setSelected(new Set()), []);

  const keepExisting = useCallback((annotations: readonly Annotation[]): void => {
    // A set of every id only when something is selected.
    setSelected((current) => {
      if (current.size === 0) return current;
      const ids = new Set(annotations.map((a) => a.id));
      return new Set([...current].filter((id) => ids.has(id)));
    });
  }, []);

  return { selected, toggle, clear, keepExisting };
}
