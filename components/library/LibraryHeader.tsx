// The library's title and its two tabs: the notes, and quotes by speaker.

export type Tab = 'notes' | 'quotes';

export interface LibraryHeaderProps {
  tab: Tab;
  onTab: (tab: Tab) => void;
  /** How many notes there are, once loaded. */
  total: number | null;
}

export function LibraryHeader({ tab, onTab, total }: LibraryHeaderProps) {
  return (
    <header class="library-header">
      <div>
        <div class="brand">Lede</div>
        <h1>Library</h1>
      </div>
      <div class="library-tabs" role="tablist" aria-label="Library views">
        <TabButton id="notes" current={tab} onSelect={onTab} label={`Notes${total !== null ? ` (${total})` : ''}`} />
        <TabButton id="quotes" current={tab} onSelect={onTab} label="Quotes by speaker" />
      </div>
    </header>
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
