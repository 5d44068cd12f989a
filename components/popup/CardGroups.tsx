import { useMemo, useState } from 'preact/hooks';
import type { Span } from '@/lib/analysis/types';
import { filterGroups, glanceGroups, TOP_PEOPLE } from '@/lib/cards/at-a-glance';
import type { EntityCard as EntityCardModel } from '@/lib/cards/cards';
import type { EntityHistory, Transport } from '@/lib/protocol/messages';
import type { PopupSection } from '@/lib/settings/popup-prefs';
import { EntityCard, type CardLook } from './EntityCard';
import { FoldSection } from './FoldSection';

export interface CardGroupsProps {
  cards: readonly EntityCardModel[];
  /** By entity name; absent while loading or when history is off. */
  histories: ReadonlyMap<string, EntityHistory>;
  /** What the reader typed in the filter box ('' for everything). */
  query: string;
  collapsed: ReadonlySet<PopupSection>;
  onToggleSection: (section: PopupSection, collapsed: boolean) => void;
  onReveal: (span: Span) => Promise<boolean>;
  background?: Transport;
  onOpenEntity?: (key: string) => void;
}

interface Group {
  section: PopupSection;
  type: EntityCardModel['type'];
  title: string;
  look: CardLook;
  empty: string;
}

const GROUPS: readonly Group[] = [
  { section: 'people', type: 'person', title: 'People', look: 'row', empty: 'No people found.' },
  { section: 'places', type: 'place', title: 'Places', look: 'chip', empty: 'No places found.' },
  { section: 'organizations', type: 'organization', title: 'Organisations', look: 'chip', empty: 'No organisations found.' },
];

/**
 * Who is in the story: the most prominent people with who they are, then places and
 * organisations as chips. Each card sits in an `entity` list item (name and mention count as
 * data attributes) inside an `entity-group` section: the list contract the tests rely on.
 */
export function CardGroups({ cards, histories, query, collapsed, onToggleSection, onReveal, background, onOpenEntity }: CardGroupsProps) {
  const ranked = useMemo(() => glanceGroups(cards), [cards]);
  const shown = useMemo(() => filterGroups(ranked, query), [ranked, query]);
  const [allPeople, setAllPeople] = useState(false);
  const filtering = query.trim() !== '';
  const byType = { person: shown.people, place: shown.places, organization: shown.organizations };
  const totals = { person: ranked.people.length, place: ranked.places.length, organization: ranked.organizations.length };

  return (
    <>
      {GROUPS.map(({ section, type, title, look, empty }) => {
        const list = byType[type];
        // While filtering every match shows, folded section or not, and the count says how many of all match.
        const isCollapsed = collapsed.has(section) && !filtering;
        const count = filtering ? `${list.length} of ${totals[type]}` : String(totals[type]);
        const limit = type === 'person' && !allPeople && !filtering ? TOP_PEOPLE : list.length;
        const hiddenCount = list.length - limit;
        return (
          <FoldSection
            key={section}
            section={section}
            title={title}
            count={count}
            collapsed={isCollapsed}
            locked={filtering}
            onToggle={onToggleSection}
            testId="entity-group"
            dataType={type}
          >
            {list.length === 0 ? (
              <p class="empty" data-testid="group-empty">
                {filtering && totals[type] > 0 ? 'No match.' : empty}
              </p>
            ) : (
              <ol class={look === 'chip' ? 'chips' : 'cards'}>
                {list.map((card, index) => (
                  <li
                    key={card.id}
                    class="entity"
                    data-testid="entity"
                    data-name={card.name}
                    data-mentions={card.mentionCount}
                    hidden={index >= limit}
                  >
                    <EntityCard
                      card={card}
                      domId={`card-${type}-${index}`}
                      history={histories.get(card.name)}
                      expanded={false}
                      look={look}
                      onReveal={onReveal}
                      background={background}
                      onOpenEntity={onOpenEntity}
                    />
                  </li>
                ))}
              </ol>
            )}
            {hiddenCount > 0 && (
              <button type="button" class="show-more" data-testid="show-all-people" onClick={() => setAllPeople(true)}>
                Show {hiddenCount} more {hiddenCount === 1 ? 'person' : 'people'}
              </button>
            )}
          </FoldSection>
        );
      })}
    </>
  );
}
