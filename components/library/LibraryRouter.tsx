import { useEffect, useState } from 'preact/hooks';
import { EntityPage } from './EntityPage';
import { routeOf, type LibraryRoute } from './entity-route';
import { LibraryApp, type LibraryAppProps } from './LibraryApp';
import { useEntityPage } from './use-entity-page';

export interface LibraryRouterProps extends LibraryAppProps {
  /** The page's location (tests pass their own); its hash picks the view. */
  location?: Pick<Location, 'hash' | 'pathname' | 'search'>;
  /** Where hash changes are heard (tests pass their own). */
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

/**
 * The library page's two views: the notes (LibraryApp), or one entity's page (`#entity=<key>`,
 * what a popup card's "All about X" opens). Follows the hash, so an open library tab moves to the
 * entity a card asks for, and Back returns to the notes.
 */
export function LibraryRouter({ location: where = window.location, events = window, ...app }: LibraryRouterProps) {
  const [route, setRoute] = useState<LibraryRoute>(() => routeOf(where.hash));
  useEffect(() => {
    const follow = (): void => setRoute(routeOf(where.hash));
    events.addEventListener('hashchange', follow);
    return () => events.removeEventListener('hashchange', follow);
  }, [where, events]);
  useEffect(() => {
    document.title = route.view === 'entity' ? 'Lede library: entity' : 'Lede library';
  }, [route]);
  if (route.view === 'entity') return <EntityView app={app} entityKey={route.key} back={`${where.pathname}${where.search}`} />;
  return <LibraryApp {...app} />;
}

function EntityView({ app, entityKey, back }: { app: LibraryAppProps; entityKey: string; back: string }) {
  const { state, loadMore } = useEntityPage(app.runtime.send, app.runtime.listen, entityKey);
  useEffect(() => {
    if (state.status === 'ready') document.title = `${state.data.name}: Lede library`;
  }, [state]);
  return <EntityPage state={state} backHref={back} onMore={loadMore} />;
}
