import { HIGHLIGHT_COLORS, type HighlightColor } from '@/lib/notes/annotation';
import { LIBRARY_SORTS, type LibraryFacets, type LibraryFilters as Filters, type LibrarySort } from '@/lib/library/library-index';
import { COLOR_LABELS } from '@/components/notes/colors';

export interface LibraryFiltersProps {
  query: string;
  filters: Filters;
  sort: LibrarySort;
  facets: LibraryFacets;
  onQuery: (query: string) => void;
  onFilters: (filters: Filters) => void;
  onSort: (sort: LibrarySort) => void;
}

const SORT_LABELS: Record<LibrarySort, string> = {
  newest: 'Newest notes first',
  oldest: 'Oldest notes first',
  article: 'By article title',
  position: 'Recently read, in reading order',
};

/** How many people and places get a one-click chip; the rest are in the select. */
const ENTITY_CHIPS = 12;

/** The search box, the filters and the sort order; everything else about results lives in LibraryApp. */
export function LibraryFilters({ query, filters, sort, facets, onQuery, onFilters, onSort }: LibraryFiltersProps) {
  const set = (patch: Partial<Filters>): void => {
    const next: Filters = { ...filters, ...patch };
    for (const key of Object.keys(next) as (keyof Filters)[]) if (!next[key]) delete next[key];
    onFilters(next);
  };
  // A chosen value stays listed even once no note has it (after a delete), so it can be unset.
  const entities =
    filters.entity && !facets.entities.some((e) => e.name === filters.entity)
      ? [{ name: filters.entity, count: 0 }, ...facets.entities]
      : facets.entities;
  return (
    <div class="library-controls">
      <SearchRow query={query} sort={sort} onQuery={onQuery} onSort={onSort} />
      <FilterRow
        filters={filters}
        tags={withChosen(facets.tags, filters.tag)}
        sites={withChosen(facets.sites, filters.site)}
        entities={entities}
        set={set}
      />
      {entities.length > 0 && <EntityChips entities={entities} chosen={filters.entity} set={set} />}
    </div>
  );
}

type Entity = LibraryFacets['entities'][number];
type SetFilters = (patch: Partial<Filters>) => void;

const value = (event: Event): string => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;

function SearchRow(props: Pick<LibraryFiltersProps, 'query' | 'sort' | 'onQuery' | 'onSort'>) {
  const { query, sort, onQuery, onSort } = props;
  return (
    <div class="library-search-row">
      <label class="visually-hidden" for="library-search">
        Search notes
      </label>
      <input
        id="library-search"
        type="search"
        class="library-search"
        data-testid="library-search"
        placeholder="Search notes, quotes, tags and titles"
        value={query}
        onInput={(event) => onQuery(value(event))}
      />
      <label class="library-field">
        <span>Sort</span>
        <select data-testid="library-sort" value={sort} onChange={(event) => onSort(value(event) as LibrarySort)}>
          {LIBRARY_SORTS.map((option) => (
            <option value={option} key={option}>
              {SORT_LABELS[option]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function FilterRow(props: { filters: Filters; tags: string[]; sites: string[]; entities: Entity[]; set: SetFilters }) {
  const { filters, tags, sites, entities, set } = props;
  return (
    <div class="library-filter-row">
      <label class="library-field">
        <span>Tag</span>
        <select data-testid="filter-tag" value={filters.tag ?? ''} onChange={(event) => set({ tag: value(event) })}>
          <option value="">Any tag</option>
          {tags.map((tag) => (
            <option value={tag} key={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      <label class="library-field">
        <span>Site</span>
        <select data-testid="filter-site" value={filters.site ?? ''} onChange={(event) => set({ site: value(event) })}>
          <option value="">Any site</option>
          {sites.map((site) => (
            <option value={site} key={site}>
              {site}
            </option>
          ))}
        </select>
      </label>
      <label class="library-field">
        <span>Colour</span>
        <select
          data-testid="filter-color"
          value={filters.color ?? ''}
          onChange={(event) => set({ color: (value(event) || undefined) as HighlightColor | undefined })}
        >
          <option value="">Any colour</option>
          {HIGHLIGHT_COLORS.map((color) => (
            <option value={color} key={color}>
              {COLOR_LABELS[color]}
            </option>
          ))}
        </select>
      </label>
      <label class="library-field">
        <span>From</span>
        <input type="date" data-testid="filter-from" value={filters.from ?? ''} onInput={(event) => set({ from: value(event) })} />
      </label>
      <label class="library-field">
        <span>To</span>
        <input type="date" data-testid="filter-to" value={filters.to ?? ''} onInput={(event) => set({ to: value(event) })} />
      </label>
      <label class="library-field">
        <span>Mentions</span>
        <select data-testid="filter-entity" value={filters.entity ?? ''} onChange={(event) => set({ entity: value(event) })}>
          <option value="">Anyone or anywhere</option>
          {entities.map((entity) => (
            <option value={entity.name} key={entity.name}>
              {entity.name} ({entity.count})
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function EntityChips({ entities, chosen, set }: { entities: Entity[]; chosen: string | undefined; set: SetFilters }) {
  return (
    <div class="library-chips" role="group" aria-label="People and places in your notes' articles">
      {entities.slice(0, ENTITY_CHIPS).map((entity) => {
        const active = chosen === entity.name;
        return (
          <button
            type="button"
            key={entity.name}
            class="library-chip"
            data-testid="entity-chip"
            aria-pressed={active}
            onClick={() => set({ entity: active ? '' : entity.name })}
          >
            {entity.name} <span class="library-chip-count">{entity.count}</span>
          </button>
        );
      })}
    </div>
  );
}

function withChosen(values: string[], chosen: string | undefined): string[] {
  return chosen && !values.includes(chosen) ? [chosen, ...values] : values;
}
