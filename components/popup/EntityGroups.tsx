import { ENTITY_TYPES, groupEntitiesByType, type EntitySummary } from '@/lib/article-summary';
import { HIGHLIGHT_LABELS } from '@/lib/highlight-types';

/** People, Places, Organisations: each a list sorted by mention count, with the count. */
export function EntityGroups({ entities }: { entities: readonly EntitySummary[] }) {
  const groups = groupEntitiesByType(entities);
  return (
    <>
      {ENTITY_TYPES.map((type) => (
        <section class="group" key={type} data-testid="entity-group" data-type={type} aria-labelledby={`group-${type}`}>
          <h2 id={`group-${type}`} class="group-title">
            <span class={`lede-swatch lede-swatch-${type}`} aria-hidden="true" />
            {HIGHLIGHT_LABELS[type]}
            <span class="group-count">{groups[type].length}</span>
          </h2>
          {groups[type].length === 0 ? (
            <p class="empty">None found.</p>
          ) : (
            <ol class="entities">
              {groups[type].map((entity) => (
                <li key={entity.name} class="entity" data-testid="entity" data-name={entity.name} data-mentions={entity.mentions}>
                  <span class="entity-name">
                    {entity.name}
                    {(entity.role || entity.description) && (
                      <span class="entity-detail">{entity.role ?? entity.description}</span>
                    )}
                  </span>
                  <span class="mentions" title={`${entity.mentions} mention${entity.mentions === 1 ? '' : 's'}`}>
                    {entity.mentions}
                    <span class="visually-hidden"> mention{entity.mentions === 1 ? '' : 's'}</span>
                  </span>
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </>
  );
}
