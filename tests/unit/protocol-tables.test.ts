// The protocol's tables (lib/protocol/*.ts) and what lib/protocol/messages.ts derives from them:
// the senders and limits must be exactly those each entry names, and the table lookup must not
// take an inherited property for a message type.
import { describe, expect, it } from 'vitest';
import { ALLOWED_SENDERS, MESSAGE_LIMITS, MESSAGES, MessageError, parseMessage } from '@/lib/protocol/messages';

describe('the message tables', () => {
  it('gives every message type its own senders, and nothing else', () => {
    expect(Object.keys(ALLOWED_SENDERS).sort()).toEqual(Object.keys(MESSAGES).sort());
    for (const [type, spec] of Object.entries(MESSAGES)) {
      expect(ALLOWED_SENDERS[type as keyof typeof ALLOWED_SENDERS], type).toEqual(spec.senders);
      expect(spec.senders.length, type).toBeGreaterThan(0);
    }
  });

  it('gathers each limit once, with the value its entries give', () => {
    expect(MESSAGE_LIMITS).toEqual({
      analyzeParagraph: 250_000,
      historyNames: 2_000,
      url: 8_192,
      site: 500,
      title: 2_000,
      articleEntities: 10_000,
      articleQuotes: 50_000,
      articleQuoteChars: 8_000_000,
      entityDescription: 2_000,
      entityRole: 500,
      noteBody: 100_000,
      noticeSources: 500,
      bulkNotes: 1_000,
      syncField: 2_000,
      passphrase: 1_000,
    });
  });

  it.each(['toString', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf'])('refuses %s as a message type', (type) => {
    expect(() => parseMessage({ type })).toThrow(MessageError);
    expect(() => parseMessage({ type })).toThrow(`Unknown Lede message type: ${JSON.stringify(type)}`);
  });

  it('refuses a field the entry does not list before its parser runs', () => {
    // revealSpan's parser would complain about start/end first; the unlisted field is named instead.
    expect(() => parseMessage({ type: 'revealSpan', start: 'x', extra: 1 })).toThrow('revealSpan: unexpected field(s) extra');
  });
});
