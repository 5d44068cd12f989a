// @vitest-environment happy-dom
// The content script's notes client (lib/page/notes/notes-client.ts) against a send function that
// records what it is given and answers as the background would: which messages go out for each
// question, and that a refusal rejects instead of passing as a result.
import { describe, expect, it } from 'vitest';
import type { Annotation } from '@/lib/notes/annotation';
import type { LedeRequest } from '@/lib/protocol/messages';
import { newAnnotation } from '@/lib/notes/new-annotation';
import { NotesClient } from '@/lib/page/notes/notes-client';
import { currentClaim } from '@/lib/page/notes/page-claim';
import { noteId } from '../../testing/fixtures/annotation-fixtures';

const TEXT = 'The minister said on Tuesday that talks would resume in Geneva next week.';

function note(n: number): Annotation {
  return newAnnotation({
    id: noteId(n), text: TEXT, start: 4, end: 12, source: 'https://news.example/story', color: 'green', body: '', tags: [],
    page: { title: 'Talks', site: 'news.example' }, now: new Date(Date.UTC(2026, 0, n)),
  });
}

function recorder(answer: (message: LedeRequest) => unknown) {
  const sent: LedeRequest[] = [];
  const send = (message: LedeRequest): Promise<unknown> => {
    sent.push(message);
    const result = answer(message);
    return result instanceof Error ? Promise.reject(result) : Promise.resolve(result);
  };
  return { sent, client: new NotesClient(send) };
}

describe('NotesClient', () => {
  it('asks the background for the key of the page’s claim', async () => {
    const { sent, client } = recorder(() => ({ source: 'https://news.example/story' }));
    const key = await client.pageKey({ href: 'https://news.example/story?utm_source=x#top', canonical: 'https://news.example/story', id: 'x' });
    expect(key).toBe('https://news.example/story');
    expect(sent).toEqual([{ type: 'getPageKey', url: 'https://news.example/story?utm_source=x#top', canonical: 'https://news.example/story' }]);
  });

  it('lists, saves and re-targets notes with one message each', async () => {
    const stored = note(1);
    const { sent, client } = recorder((message) => {
      if (message.type === 'listAnnotations') return { annotations: [stored] };
      if (message.type === 'saveAnnotation') return { annotation: message.annotation };
      if (message.type === 'updateAnnotation') return { annotation: { ...stored, ...message.patch } };
      return new Error(`unexpected ${message.type}`);
    });
    expect(await client.list('https://news.example/story')).toEqual([stored]);
    const fresh = note(2);
    expect(await client.save(fresh)).toEqual(fresh);
    const target = { ...stored.target, source: 'https://news.example/story' };
    expect((await client.retarget(stored.id, target)).target).toEqual(target);
    expect(sent.map((m) => m.type)).toEqual(['listAnnotations', 'saveAnnotation', 'updateAnnotation']);
    expect(sent[2]).toEqual({ type: 'updateAnnotation', id: stored.id, patch: { target } });
  });

  it('rejects when the background refuses', async () => {
    const refused = recorder(() => new Error('Content scripts may not do that'));
    await expect(refused.client.save(note(3))).rejects.toThrow(/may not/);
    await expect(refused.client.list('https://news.example/story')).rejects.toThrow(/may not/);
  });
});

describe('currentClaim', () => {
  it('pairs the address with the canonical link, the fragment left out of its id', () => {
    const doc = document.implementation.createHTMLDocument('x');
    const link = doc.createElement('link');
    link.rel = 'canonical';
    link.href = 'https://news.example/story';
    doc.head.append(link);
    const win = { location: { href: 'https://news.example/story?page=2#comments' }, document: doc } as unknown as Window;
    expect(currentClaim(win)).toEqual({
      href: 'https://news.example/story?page=2#comments',
      canonical: 'https://news.example/story',
      id: 'https://news.example/story?page=2\nhttps://news.example/story',
    });
  });
});
