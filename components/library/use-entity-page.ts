import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendRequest, type Transport } from '@/lib/protocol/messages';
import { ENTITY_PAGE_WINDOW, type EntityPageData } from '@/lib/protocol/history';

export type EntityPageState =
  | { status: 'loading' }
  | { status: 'ready'; data: EntityPageData; /** Older articles were asked for and are on their way. */ loadingMore?: boolean }
  | { status: 'failed'; message: string };

export interface EntityPageView {
  state: EntityPageState;
  /** Asks for the next ENTITY_PAGE_WINDOW older articles (the page calls it when its "Show more" runs out). */
  loadMore: () => void;
}

/**
 * An entity's page, asked of the background (the only reader of the database), and asked again
 * whenever `listen` says the notes or the reading history changed. The background reads the newest
 * `limit` articles in full; "Show more" raises the limit, keeping the page shown meanwhile.
 */
export function useEntityPage(send: Transport, listen: (onChange: () => void) => () => void, key: string): EntityPageView {
  const [state, setState] = useState<EntityPageState>({ status: 'loading' });
  const [asked, setAsked] = useState({ key, limit: ENTITY_PAGE_WINDOW });
  const limit = asked.key === key ? asked.limit : ENTITY_PAGE_WINDOW;
  useEffect(() => {
    let current = true;
    const load = (): void => {
      sendRequest(send, { type: 'getEntityPage', key, limit })
        .then((data) => current && setState({ status: 'ready', data }))
        .catch((error: unknown) => current && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }));
    };
    setState((shown) => (shown.status === 'ready' && shown.data.key === key ? { ...shown, loadingMore: true } : { status: 'loading' }));
    load();
    const stop = listen(load);
    return () => {
      current = false;
      stop();
    };
  }, [send, listen, key, limit]);
  const loadMore = useCallback(() => setAsked({ key, limit: limit + ENTITY_PAGE_WINDOW }), [key, limit]);
  return { state, loadMore };
}
