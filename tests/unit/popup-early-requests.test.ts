// The popup's first questions (the tab's analysis, the folded sections) go out before its first
// render, and the hook that asks for them later gets that same answer, once.
import { describe, expect, it } from 'vitest';
import type { LedeRequest } from '@/lib/protocol/messages';
import { withEarlyRequests } from '@/entrypoints/popup/early-requests';

function recording() {
  const sent: LedeRequest[] = [];
  let n = 0;
  const transport = async (message: LedeRequest): Promise<unknown> => {
    sent.push(message);
    n += 1;
    if (message.type === 'getPopupPrefs') throw new Error('no prefs');
    return { answer: n };
  };
  return { sent, transport };
}

describe('withEarlyRequests', () => {
  it('sends the early requests at once and answers the first matching ask from them', async () => {
    const { sent, transport } = recording();
    const send = withEarlyRequests(transport, [{ type: 'getAnalysis' }]);
    expect(sent).toEqual([{ type: 'getAnalysis' }]);
    expect(await send({ type: 'getAnalysis' })).toEqual({ answer: 1 });
    expect(sent).toHaveLength(1);
    // A refresh asks again.
    expect(await send({ type: 'getAnalysis' })).toEqual({ answer: 2 });
    expect(sent).toHaveLength(2);
  });

  it('passes every other request through, and one with fields is never answered early', async () => {
    const { sent, transport } = recording();
    const send = withEarlyRequests(transport, [{ type: 'getAnalysis' }]);
    await send({ type: 'revealSpan', start: 1, end: 2 });
    expect(sent.map((m) => m.type)).toEqual(['getAnalysis', 'revealSpan']);
  });

  it('hands an early failure to whoever asks, not to the page as an unhandled rejection', async () => {
    const { transport } = recording();
    const send = withEarlyRequests(transport, [{ type: 'getPopupPrefs' }]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(send({ type: 'getPopupPrefs' })).rejects.toThrow('no prefs');
  });
});
