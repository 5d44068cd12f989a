import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface PopupTab<Id extends string> {
  id: Id;
  /** What the tab says, a count included ("Notes 3"). */
  label: ComponentChildren;
  testId: string;
}

export interface PopupTabsProps<Id extends string> {
  tabs: readonly PopupTab<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  label: string;
}

export const tabDomId = (id: string): string => `tab-${id}`;
export const panelDomId = (id: string): string => `panel-${id}`;

/**
 * The WAI-ARIA tabs pattern: one tab in the Tab order (the selected one), arrow keys, Home and
 * End move between tabs and select them as they go (the panels are already rendered, so
 * selecting is instant).
 */
export function PopupTabs<Id extends string>({ tabs, selected, onSelect, label }: PopupTabsProps<Id>) {
  const list = useRef<HTMLDivElement>(null);

  const move = (from: number, event: KeyboardEvent): void => {
    const last = tabs.length - 1;
    const to =
      event.key === 'ArrowRight' ? (from === last ? 0 : from + 1)
      : event.key === 'ArrowLeft' ? (from === 0 ? last : from - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (to === null) return;
    event.preventDefault();
    const tab = tabs[to]!;
    onSelect(tab.id);
    list.current?.querySelector<HTMLElement>(`#${tabDomId(tab.id)}`)?.focus();
  };

  return (
    <div class="tabs" role="tablist" aria-label={label} ref={list}>
      {tabs.map((tab, index) => {
        const isSelected = tab.id === selected;
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            class="tab"
            id={tabDomId(tab.id)}
            data-testid={tab.testId}
            aria-selected={isSelected}
            aria-controls={panelDomId(tab.id)}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
            onKeyDown={(event) => move(index, event)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
