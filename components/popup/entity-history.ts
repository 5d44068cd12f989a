import type { EntityHistory } from '@/lib/protocol/messages';
import { sendRequest, type Transport } from '@/lib/protocol/messages';

/**
 * - idle: nothing asked (no article, or no way to reach the background);
 * - loading: asked, no answer yet;
 * - ready: answered (histories may all be empty, e.g. when reading history is off);
 * - unavailable: the background failed or took too long; cards show no history.
 */
export type HistoryStatus = 'idle' | 'loading' | 'ready' | 'unavailable';

export interface HistoryState {
  status: HistoryStatus;
  byName: ReadonlyMap<string, EntityHistory>;
}

/** A history that hasn't come after this long is given up on, so the cards never wait on it for ever. */
export const HISTORY_TIMEOUT_MS = 3000;

export const NO_HISTORY: HistoryState = { status: 'idle', byName: new Map() };
export const HISTORY_LOADING: HistoryState = { status: 'loading', byName: new Map() };

/** Asks the background which other articles mention these names; never rejects. */
export async function fetchEntityHistory(background: Transport, names: readonly string[], url: string): Promise<HistoryState> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('history timed out')), HISTORY_TIMEOUT_MS);
  });
  try {
    const response = await Promise.race([sendRequest(background, { type: 'getEntityHistory', names: [...names], excludeUrl: url }), timeout]);
    return { status: 'ready', byName: new Map(response.histories.map((history) => [history.name, history])) };
  } catch {
    return { status: 'unavailable', byName: new Map() };
  } finally {
    clearTimeout(timer);
  }
}
