// The message validator on anything a sender could post: valid messages with one field replaced,
// removed or added, random JSON, null-prototype objects, Maps, typed arrays. parseMessage rejects
// with a MessageError, or accepts plain data that validates again unchanged; it never throws
// anything else. Shared target: testing/arbitraries/fuzz-targets.ts.

import { describe, expect, it } from 'vitest';
import { parseMessage } from '@/lib/protocol/messages';
import { assertTarget, FUZZ_TARGETS } from '../../testing/arbitraries/fuzz-targets';
import { VALID_MESSAGES } from '../../testing/arbitraries/fuzz-arbitraries';

/** Not a time budget (those live in `npm run fuzz`): room for a few hundred cases on a busy 2-core machine. */
const LOADED_MACHINE_TIMEOUT = 60_000;

describe('parseMessage on random and mutated messages', { timeout: LOADED_MACHINE_TIMEOUT }, () => {
  it.each(VALID_MESSAGES.map((m) => [m.type as string, m] as const))('the mutations start from a valid %s', (_type, message) => {
    expect(parseMessage(structuredClone(message))).toEqual(message);
  });

  it('anything is rejected clearly or accepted well-formed (1,500 cases)', async () => {
    const target = FUZZ_TARGETS.find((t) => t.name.startsWith('messages: anything'))!;
    await assertTarget(target, { seed: 8_301, numRuns: 1_500 });
  });

  // Firefox delivers messages by structured clone: a BigInt or a cyclic object as the type once threw a TypeError.
  it('BigInt and cyclic values are rejected clearly (500 cases)', async () => {
    const target = FUZZ_TARGETS.find((t) => t.name.startsWith('messages: structured-clone'))!;
    await assertTarget(target, { seed: 20_261_141, numRuns: 500 });
  });
});
