// The five note messages the background answers: validation in parseMessage, then the handlers
// over fake-indexeddb, delivered through the fake browser the way the polyfill delivers them.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Annotation } from '@/lib/notes/annotation';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { createLedeDB } from '@/lib/background/db';
import { handleIncoming, MessageError, parseMessage, sendRequest, type LedeRequest } from '@/lib/protocol/messages';
import { PrefsStore } from '@/lib/settings/highlight-prefs';
import type { KeyValueArea } from '@/lib/settings/storage-area';
import { makeAnnotation, noteId, SOURCE } from '../../testing/fixtures/annotation-fixtures';

describe('parseMessage: note messages', () => {
  const note = makeAnnotation();

  it.each<[string, LedeRequest]>([
    ['saveAnnotation', { type: 'saveAnnotation', annotation: note }],
    ['restoreAnnotation', { type: 'restoreAnnotation', annotation: note }],
    ['updateAnnotation', { type: 'updateAnnotation', id: noteId(1), patch: { body: 'x', tags: ['a'], color: 'pink' } }],
    ['updateAnnotation with a target', { type: 'updateAnnotation', id: noteId(1), patch: { target: note.target } }],
    ['deleteAnnotation', { type: 'deleteAnnotation', id: noteId(1) }],
    ['listAnnotations', { type: 'listAnnotations', source: SOURCE }],
  ])('accepts %s', (_name, message) => {
    expect(parseMessage(message)).toEqual(message);
  });

  it.each([
    ['saveAnnotation without an annotation', { type: 'saveAnnotation' }, /^saveAnnotation\.annotation must be an object$/],
    ['saveAnnotation with a bad colour', { type: 'saveAnnotation', annotation: { ...note, color: 'red' } }, /^saveAnnotation\.annotation\.color must be one of/],
    ['saveAnnotation with an extra field', { type: 'saveAnnotation', annotation: note, tabId: 3 }, /saveAnnotation: unexpected field\(s\) tabId/],
    ['restoreAnnotation with a bad selector', { type: 'restoreAnnotation', annotation: { ...note, target: { source: SOURCE, selector: [] } } }, /^restoreAnnotation\.annotation\.target\.selector must hold/],
    ['updateAnnotation with a bad id', { type: 'updateAnnotation', id: 'x', patch: {} }, /^updateAnnotation\.id must be "urn:uuid:"/],
    ['updateAnnotation changing the id', { type: 'updateAnnotation', id: noteId(1), patch: { id: noteId(2) } }, /^updateAnnotation\.patch has unexpected field\(s\) id/],
    ['updateAnnotation with too many tags', { type: 'updateAnnotation', id: noteId(1), patch: { tags: Array.from({ length: 101 }, (_, i) => `t${i}`) } }, /updateAnnotation\.patch\.tags has more than 100 tags/],
    ['deleteAnnotation without an id', { type: 'deleteAnnotation' }, /^deleteAnnotation\.id must be a string/],
    ['listAnnotations with a relative source', { type: 'listAnnotations', source: 'story' }, /^listAnnotations\.source must be an absolute URL/],
  ])('rejects %s', (_name, message, error) => {
    expect(() => parseMessage(message)).toThrow(MessageError);
    expect(() => parseMessage(message)).toThrow(error);
  });
});

describe('the background answers note messages', () => {
  let now = 0;
  let dbCount = 0;
  let send: (message: LedeRequest) => Promise<unknown>;

  beforeEach(() => {
    fakeBrowser.reset();
    dbCount += 1;
    now = Date.parse('2026-04-01T12:00:00.000Z');
    const handlers = createBackgroundHandlers({
      db: createLedeDB(`annotation-messages-test-${dbCount}`),
      prefs: new PrefsStore(fakeBrowser.storage.local as unknown as KeyValueArea),
      now: () => now,
    });
    fakeBrowser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => handleIncoming(message, sender, fakeBrowser.runtime.id, handlers));
    // The polyfill relays the listener's Promise; take it from the trigger as the sender would.
    send = async (message) => {
      const [response] = await fakeBrowser.runtime.onMessage.trigger(message, { id: fakeBrowser.runtime.id });
      return response;
    };
  });

  it('saves, lists, updates, deletes and restores a note', async () => {
    const later = makeAnnotation({ id: noteId(2), start: 400, body: '' });
    const { annotation: saved } = await sendRequest(send, { type: 'saveAnnotation', annotation: makeAnnotation({ start: 40 }) });
    await sendRequest(send, { type: 'saveAnnotation', annotation: later });
    expect(saved.created).toBe('2026-04-01T12:00:00.000Z');

    const listed = await sendRequest(send, { type: 'listAnnotations', source: SOURCE });
    expect(listed.annotations.map((a: Annotation) => [a.id, a.motivation])).toEqual([
      [noteId(1), 'commenting'],
      [noteId(2), 'highlighting'],
    ]);

    now += 60_000;
    const { annotation: updated } = await sendRequest(send, { type: 'updateAnnotation', id: noteId(2), patch: { body: 'Now a note', color: 'purple' } });
    expect(updated).toMatchObject({ body: 'Now a note', color: 'purple', motivation: 'commenting', modified: '2026-04-01T12:01:00.000Z' });

    const { deleted } = await sendRequest(send, { type: 'deleteAnnotation', id: noteId(2) });
    expect(deleted).toEqual(updated);
    expect((await sendRequest(send, { type: 'listAnnotations', source: SOURCE })).annotations).toHaveLength(1);

    now += 60_000;
    await expect(sendRequest(send, { type: 'restoreAnnotation', annotation: deleted })).resolves.toEqual({ annotation: deleted });
    expect((await sendRequest(send, { type: 'listAnnotations', source: SOURCE })).annotations.at(-1)).toEqual(deleted);
  });

  it('rejects an update or delete of a note that is gone, and malformed notes', async () => {
    await expect(send({ type: 'updateAnnotation', id: noteId(5), patch: { body: 'x' } })).rejects.toThrow(/No note with id/);
    await expect(send({ type: 'deleteAnnotation', id: noteId(5) })).rejects.toThrow(/No note with id/);
    await expect(send({ type: 'saveAnnotation', annotation: { ...makeAnnotation(), body: 7 } } as unknown as LedeRequest)).rejects.toThrow(
      /saveAnnotation\.annotation\.body must be a string/,
    );
  });
});
