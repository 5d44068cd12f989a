// The revealSpan request (popup -> content script): scroll a text span into view and flash it.
import { describe, expect, it } from 'vitest';
import { MessageError, parseMessage } from '@/lib/protocol/messages';

describe('parseMessage: revealSpan', () => {
  it('accepts a span of whole, non-negative offsets', () => {
    expect(parseMessage({ type: 'revealSpan', start: 0, end: 12 })).toEqual({ type: 'revealSpan', start: 0, end: 12 });
    expect(parseMessage({ type: 'revealSpan', start: 4031, end: 4040 })).toEqual({ type: 'revealSpan', start: 4031, end: 4040 });
  });

  it.each([
    ['a missing end', { type: 'revealSpan', start: 3 }],
    ['a negative start', { type: 'revealSpan', start: -1, end: 4 }],
    ['a fractional offset', { type: 'revealSpan', start: 1.5, end: 4 }],
    ['a string offset', { type: 'revealSpan', start: '1', end: 4 }],
    ['NaN', { type: 'revealSpan', start: Number.NaN, end: 4 }],
    ['Infinity', { type: 'revealSpan', start: 0, end: Number.POSITIVE_INFINITY }],
    ['an empty span', { type: 'revealSpan', start: 4, end: 4 }],
    ['a reversed span', { type: 'revealSpan', start: 9, end: 4 }],
    ['an extra field', { type: 'revealSpan', start: 0, end: 4, html: '<b>' }],
  ])('refuses %s', (_label, message) => {
    expect(() => parseMessage(message)).toThrow(MessageError);
  });
});
