// @vitest-environment happy-dom
// The library page's two views through the real background (in-process, fake-indexeddb): the
// notes, or an entity's page at #entity=<key>; it follows the hash, and reads again when the
// reading history changes.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryRouter } from '@/components/library/LibraryRouter';
import { createLedeDB, saveArticle, type LedeDB } from '@/lib/background/db';
import { inProcessLibraryRuntime } from '../../testing/fakes/library-runtime';
import { settle, waitFor } from '../../testing/preact';

let db: LedeDB;
let root: HTMLElement;
let count = 0;

beforeEach(() => {
  count += 1;
  db = createLedeDB(`lede-library-router-${count}`);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  render(null, root);
  root.remove();
  await db.delete();
});

const article = (url: string, name: string) => ({ url, title: `Story ${url}`, site: new URL(url).hostname, entities: [{ type: 'person' as const, name, mentions: 1 }], quotes: [] });

describe('LibraryRouter', () => {
  it('shows the entity page for #entity=<key>, the notes without it, and follows the hash', async () => {
    await saveArticle(db, article('https://a.example/1', 'John Kerry'), 100);
    await saveArticle(db, article('https://b.example/2', 'Kerry'), 200);
    const runtime = inProcessLibraryRuntime(db);
    const where = { hash: '#entity=person%3Ajohn%20kerry', pathname: '/library.html', search: '' };
    const events = new EventTarget();
    await act(async () => render(<LibraryRouter runtime={runtime} location={where} events={events as unknown as Window} />, root));
    await waitFor(() => root.querySelectorAll('[data-testid="entity-article"]').length === 2);
    expect(root.querySelector('[data-testid="entity-name"]')!.textContent).toBe('All about John Kerry');
    expect(root.querySelector('[data-testid="entity-empty"]')).toBeNull();
    expect(root.querySelector('[data-testid="entity-back"]')!.getAttribute('href')).toBe('/library.html');

    // The background says the history changed (cleared here): the page reads again.
    await runtime.send({ type: 'clearHistory' });
    await waitFor(() => root.querySelector('[data-testid="entity-empty"]') !== null);
    expect(root.querySelectorAll('[data-testid="entity-article"]')).toHaveLength(0);

    where.hash = '';
    await act(async () => void events.dispatchEvent(new Event('hashchange')));
    await settle(root);
    expect(root.querySelector('[data-testid="entity-page"]')).toBeNull();
    expect(root.querySelector('.library')).not.toBeNull();
  });
});
