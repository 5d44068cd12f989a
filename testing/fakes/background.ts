// Stand-ins for the background (or a tab) that extension pages send messages to: they record what
// was sent and answer from the test's own table, so a test checks both sides of the conversation.
import type { LedeRequest } from '../../lib/protocol/messages';

type RequestOf<T extends LedeRequest['type']> = Extract<LedeRequest, { type: T }>;

/** The answer to each message type the test expects; a type left out is an unexpected message. */
export type FakeAnswers = { [T in LedeRequest['type']]?: (message: RequestOf<T>) => unknown };

export interface FakeChannel {
  send: (message: LedeRequest) => Promise<unknown>;
  /** Every message sent, in order (after `parse`, when given). */
  sent: LedeRequest[];
}

export interface FakeBackgroundOptions {
  /** Runs the message through a real parser first (as the background's listener does). */
  parse?: (raw: LedeRequest) => LedeRequest;
  /** A reason to refuse this message (thrown as the background's error), or null to answer it. */
  refuse?: (message: LedeRequest) => string | null;
}

/** A channel that records every message and answers from `answer`. */
export function channel(answer: (message: LedeRequest) => unknown): FakeChannel {
  const sent: LedeRequest[] = [];
  return {
    sent,
    send: async (message) => {
      sent.push(message);
      return answer(message);
    },
  };
}

/** The background: answers the message types in `answers` and throws on any other. */
export function fakeBackground(answers: FakeAnswers, options: FakeBackgroundOptions = {}): FakeChannel {
  const recorded = channel((message) => {
    const refused = options.refuse?.(message);
    if (refused) throw new Error(refused);
    const answerOf = answers[message.type] as ((message: LedeRequest) => unknown) | undefined;
    if (!answerOf) throw new Error(`unexpected ${message.type}`);
    return answerOf(message);
  });
  if (!options.parse) return recorded;
  const parse = options.parse;
  return { sent: recorded.sent, send: async (raw) => recorded.send(parse(raw)) };
}
