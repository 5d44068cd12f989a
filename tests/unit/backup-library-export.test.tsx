// @vitest-environment happy-dom
// The library's manual export counts as the last backup only when it is one: every note, as
// JSON-LD (the file Import reads back whole). CSV, Markdown and partial exports do not.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LibraryApp } from '@/components/library/LibraryApp';
import { createLedeDB, type LedeDB } from '@/lib/background/db';
import { ARTICLES, NOTES } from '../../testing/fixtures/library-fixtures';
import { clickTestId } from '../../testing/preact';
import { inProcessLibraryRuntime } from '../../testing/fakes/library-runtime';

let db: LedeDB;
let root: HTMLElement;
let backups: number;
let saved: string[];

beforeEach(async () => {
  db = createLedeDB(`backup-library-export-${Math.random()}`);
  await db.articles.bulkPut(ARTICLES);
  await db.annotations.bulkPut(NOTES);
  root = document.createElement('div');
  document.body.append(root);
  backups = 0;
  saved = [];
  await act(async () => {
    render(<LibraryApp runtime={inProcessLibraryRuntime(db)} debounceMs={0} saveFile={(name) => saved.push(name)} onFullBackup={() => (backups += 1)} />, root);
  });
  await vi.waitFor(() => expect(root.querySelector('[data-testid="library-count"]')).not.toBeNull());
});

afterEach(async () => {
  render(null, root);
  root.remove();
  await db.delete();
});

async function search(words: string): Promise<void> {
  const input = root.querySelector<HTMLInputElement>('[data-testid="library-search"]')!;
  await act(async () => {
    input.value = words;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('the library’s exports and the last backup', () => {
  it('every note as JSON-LD is recorded as a backup', async () => {
    await clickTestId(root, 'export-jsonld');
    expect(saved).toHaveLength(1);
    expect(backups).toBe(1);
  });

  it('CSV and Markdown of every note are not backups', async () => {
    await clickTestId(root, 'export-csv');
    await clickTestId(root, 'export-markdown');
    expect(saved).toHaveLength(2);
    expect(backups).toBe(0);
  });

  it('JSON-LD of only some notes is not a backup', async () => {
    await search('climate');
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid="library-note"]')).toHaveLength(1));
    const scope = root.querySelector<HTMLSelectElement>('[data-testid="export-scope"]')!;
    await act(async () => {
      scope.value = 'results';
      scope.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await clickTestId(root, 'export-jsonld');
    expect(saved).toHaveLength(1);
    expect(backups).toBe(0);
  });
});
