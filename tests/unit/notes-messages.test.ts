// The content script's notes requests in lib/protocol/messages.ts.
import { describe, expect, it } from 'vitest';
import { MESSAGE_LIMITS, MessageError, parseMessage } from '@/lib/protocol/messages';
import { makeAnnotation, noteId } from '../../testing/fixtures/annotation-fixtures';

describe('notes content requests', () => {
  it.each(['getPageNotes', 'notesChanged', 'startNote'] as const)('accepts %s with no fields and refuses extras', (type) => {
    expect(parseMessage({ type })).toEqual({ type });
    expect(() => parseMessage({ type, body: 'secret' })).toThrow(MessageError);
  });

  it('accepts notesChanged naming the pages whose notes changed, as page addresses, up to the limit', () => {
    const sources = ['https://news.example/a', 'https://news.example/b'];
    expect(parseMessage({ type: 'notesChanged', sources })).toEqual({ type: 'notesChanged', sources });
    expect(() => parseMessage({ type: 'notesChanged', sources: 'https://news.example/a' })).toThrow(/must be an array/);
    expect(() => parseMessage({ type: 'notesChanged', sources: ['javascript:alert(1)'] })).toThrow(MessageError);
    const many = Array.from({ length: MESSAGE_LIMITS.noticeSources + 1 }, (_, i) => `https://news.example/${i}`);
    expect(() => parseMessage({ type: 'notesChanged', sources: many })).toThrow(/more than/);
  });

  it.each(['historyChanged', 'settingsChanged'] as const)('accepts the %s notice with no fields', (type) => {
    expect(parseMessage({ type })).toEqual({ type });
    expect(() => parseMessage({ type, history: [] })).toThrow(/unexpected field/);
  });

  it('accepts the library’s bulk delete and restore up to the limit, every id and note checked', () => {
    expect(parseMessage({ type: 'deleteAnnotations', ids: [noteId(1), noteId(2)] })).toEqual({ type: 'deleteAnnotations', ids: [noteId(1), noteId(2)] });
    expect(() => parseMessage({ type: 'deleteAnnotations', ids: [noteId(1), 'note-2'] })).toThrow(/ids\[1\]/);
    const tooMany = Array.from({ length: MESSAGE_LIMITS.bulkNotes + 1 }, (_, i) => noteId(i + 1));
    expect(() => parseMessage({ type: 'deleteAnnotations', ids: tooMany })).toThrow(/more than 1000/);
    const note = makeAnnotation();
    expect(parseMessage({ type: 'restoreAnnotations', annotations: [note] })).toEqual({ type: 'restoreAnnotations', annotations: [note] });
    expect(() => parseMessage({ type: 'restoreAnnotations', annotations: [{ ...note, color: 'chartreuse' }] })).toThrow(/annotations\[0\]/);
  });

  it('accepts reattachAnnotation with a note id only', () => {
    expect(parseMessage({ type: 'reattachAnnotation', id: noteId(7) })).toEqual({ type: 'reattachAnnotation', id: noteId(7) });
    expect(() => parseMessage({ type: 'reattachAnnotation' })).toThrow(MessageError);
    expect(() => parseMessage({ type: 'reattachAnnotation', id: 'note-7' })).toThrow(/urn:uuid/);
    expect(() => parseMessage({ type: 'reattachAnnotation', id: noteId(7), start: 3 })).toThrow(/unexpected field/);
  });
});
