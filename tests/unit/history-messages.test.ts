// The getEntityHistory message: validation in parseMessage.
import { describe, expect, it } from 'vitest';
import { MessageError, parseMessage } from '@/lib/protocol/messages';

describe('parseMessage: getEntityHistory', () => {
  it('accepts names and the URL to leave out', () => {
    const message = { type: 'getEntityHistory', names: ['John Kerry', 'Moscow'], excludeUrl: 'https://a.example/story' };
    expect(parseMessage(message)).toEqual(message);
    expect(parseMessage({ type: 'getEntityHistory', names: [], excludeUrl: '' })).toEqual({ type: 'getEntityHistory', names: [], excludeUrl: '' });
  });

  it.each([
    ['names missing', { type: 'getEntityHistory', excludeUrl: 'https://a.example/' }, /names must be an array/],
    ['names not an array', { type: 'getEntityHistory', names: 'Kerry', excludeUrl: 'https://a.example/' }, /names must be an array/],
    ['a name not a string', { type: 'getEntityHistory', names: ['Kerry', 3], excludeUrl: 'https://a.example/' }, /names\[1\] must be a string/],
    ['excludeUrl missing', { type: 'getEntityHistory', names: ['Kerry'] }, /excludeUrl must be a string/],
    ['an extra field', { type: 'getEntityHistory', names: [], excludeUrl: '', limit: 9 }, /unexpected field\(s\) limit/],
  ])('rejects %s', (_name, message, error) => {
    expect(() => parseMessage(message)).toThrow(MessageError);
    expect(() => parseMessage(message)).toThrow(error);
  });
});
