// The content script's notes requests in lib/protocol/messages.ts.
import { describe, expect, it } from 'vitest';
import { MessageError, parseMessage } from '@/lib/protocol/messages';
import { noteId } from '../../testing/fixtures/annotation-fixtures';

describe('notes content requests', () => {
  it.each(['getPageNotes', 'notesChanged', 'startNote'] as const)('accepts %s with no fields and refuses extras', (type) => {
    expect(parseMessage({ type })).toEqual({ type });
    expect(() => parseMessage({ type, body: 'secret' })).toThrow(MessageError);
  });

  it('accepts reattachAnnotation with a note id only', () => {
    expect(parseMessage({ type: 'reattachAnnotation', id: noteId(7) })).toEqual({ type: 'reattachAnnotation', id: noteId(7) });
    expect(() => parseMessage({ type: 'reattachAnnotation' })).toThrow(MessageError);
    expect(() => parseMessage({ type: 'reattachAnnotation', id: 'note-7' })).toThrow(/urn:uuid/);
    expect(() => parseMessage({ type: 'reattachAnnotation', id: noteId(7), start: 3 })).toThrow(/unexpected field/);
  });
});
