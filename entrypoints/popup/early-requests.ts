// The popup's first questions go out while its script is still starting, not after its first
// render: the tab's analysis and the folded sections are what the cards wait for, and Preact runs
// effects only after a frame.

import type { LedeRequest, Transport } from '@/lib/protocol/messages';

/** Requests with no fields besides their type, sent at once; each is answered once from that early send. */
export function withEarlyRequests(transport: Transport, early: readonly LedeRequest[]): Transport {
  const pending = new Map<string, Promise<unknown>>();
  for (const request of early) {
    const answer = transport(request);
    // Not yet awaited by anyone: a failure is reported to whoever asks, not as an unhandled rejection.
    answer.catch(() => undefined);
    pending.set(request.type, answer);
  }
  return (message) => {
    const answer = pending.get(message.type);
    if (answer && Object.keys(message).length === 1) {
      pending.delete(message.type);
      return answer;
    }
    return transport(message);
  };
}
