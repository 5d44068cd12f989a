// Which view the library's address asks for: its notes (no hash) or an entity's page
// (`#entity=<key>`, written by open-library.ts's entityView). Pure.

import { parseEntityKey } from '@/lib/cards/entity-key';

export type LibraryRoute = { view: 'notes' } | { view: 'entity'; key: string };

/** The route for a location hash ("#entity=person%3Ajohn%20kerry"); anything else is the notes. */
export function routeOf(hash: string): LibraryRoute {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const key = params.get('entity');
  return key !== null && parseEntityKey(key) ? { view: 'entity', key } : { view: 'notes' };
}
