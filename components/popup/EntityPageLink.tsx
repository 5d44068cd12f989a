import type { EntityType } from '@/lib/analysis/types';
import { entityKey } from '@/lib/cards/entity-key';
import { entityView, libraryPath, openEntityPage } from '@/components/library/open-library';

export interface EntityPageLinkProps {
  type: EntityType;
  name: string;
  /** Opens the library on the entity's page; defaults to openEntityPage (a library tab). */
  open?: (key: string) => void;
}

/** "All about X": the library's page of everything read about this person, place or organisation. */
export function EntityPageLink({ type, name, open = (key) => void openEntityPage(key) }: EntityPageLinkProps) {
  const key = entityKey(type, name);
  if (key === null) return null;
  return (
    <p class="card-entity-page">
      <a
        href={libraryPath(entityView(key))}
        data-testid="card-entity-page"
        onClick={(event) => {
          event.preventDefault();
          open(key);
        }}
      >
        All about {name}
      </a>
    </p>
  );
}
