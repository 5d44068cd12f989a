import type { EntityType, Span } from '@/lib/analysis/types';
import { ENTITY_TYPES } from '@/lib/cards/article-summary';
import type { EntityCard as EntityCardModel } from '@/lib/cards/cards';
import type { EntityHistory } from '@/lib/protocol/messages';
import { HIGHLIGHT_LABELS } from '@/lib/page/highlight-types';
import type { Transport } from '@/lib/protocol/messages';
import { EntityCard } from './EntityCard';

/** How many cards of each type show their quotes unfolded: the lead person's; the rest fold to one line. */
const EXPANDED_PER_TYPE = 1;

export interface CardGroupsProps {
  /** Most prominent first (buildEntityCards). */
  cards: readonly EntityCardModel[];
  /** By entity name; absent while loading or when history is off. */
  histories: ReadonlyMap<string, EntityHistory>;
  onReveal: (span: Span) => Promise<boolean>;
  background?: Transport;
}

/**
 * People, Places, Organisations: each a list of cards, most prominent first. Each card sits in an
 * `entity` list item (name and mention count as data attributes), the list contract the tests rely on.
 */
export function CardGroups({ cards, histories, onReveal, background }: CardGroupsProps) {
  const byType: Record<EntityType, EntityCardModel[]> = { person: [], place: [], organization: [] };
  for (const card of cards) byType[card.type].push(card);
  return (
    <>
      {ENTITY_TYPES.map((type) => (
        <section class="group" key={type} data-testid="entity-group" data-type={type} aria-labelledby={`group-${type}`}>
          <h2 id={`group-${type}`} class="group-title">
            <span class={`lede-swatch lede-swatch-${type}`} aria-hidden="true" />
            {HIGHLIGHT_LABELS[type]}
            <span class="group-count">{byType[type].length}</span>
          </h2>
          {byType[type].length === 0 ? (
            <p class="empty">None found.</p>
          ) : (
            <ol class="cards">
              {byType[type].map((card, index) => (
                <li key={card.id} class="entity" data-testid="entity" data-name={card.name} data-mentions={card.mentionCount}>
                  <EntityCard
                    card={card}
                    domId={`card-${type}-${index}`}
                    history={histories.get(card.name)}
                    expanded={index < EXPANDED_PER_TYPE}
                    onReveal={onReveal}
                    background={background}
                  />
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </>
  );
}
