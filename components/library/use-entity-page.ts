import { useEffect, useState } from 'preact/hooks';
import { sendRequest, type Transport } from '@/lib/protocol/messages';
import type { EntityPageData } from '@/lib/protocol/history';

export type EntityPageState =
  | { status: 'loading' }
  | { status: 'ready'; data: EntityPageData }
  | { status: 'failed'; message: string };

/**
 * An entity's page, asked of the background (the only reader of the database), and asked again
 * whenever `listen` says the notes or the reading history changed.
 */
export function useEntityPage(send: Transport, listen: (onChange: () => void) => () => void, key: string): EntityPageState {
  const [state, setState] = useState<EntityPageState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    const load = (): void => {
      sendRequest(send, { type: 'getEntityPage', key })
        .then((data) => current && setState({ status: 'ready', data }))
        .catch((error: unknown) => current && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }));
    };
    setState({ status: 'loading' });
    load();
    const stop = listen(load);
    return () => {
      current = false;
      stop();
    };
  }, [send, listen, key]);
  return state;
}
