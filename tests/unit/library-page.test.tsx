// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LibraryApp } from '@/components/library/LibraryApp';
import { createLedeDB, type LedeDB } from '@/lib/background/db';
import type { ImportReadOptions } from '@/components/library/ImportPanel';
import { exportBackup, exportJsonLd } from '@/lib/exchange';
import { noteId } from '../../testing/fixtures/annotation-fixtures';
import { ARTICLES, KYIV, NOTES } from '../../testing/fixtures/library-fixtures';
import { click } from '../../testing/preact';
import { LIBRARY_LOAD_PORT } from '@/lib/protocol/library-ports';
import { inProcessLibraryRuntime, type TestLibraryRuntime } from '../../testing/fakes/library-runtime';

interface Saved {
  name: string;
  content: string | Uint8Array;
  mimeType: string;
}

let db: LedeDB;
let runtime: TestLibraryRuntime;
let root: HTMLElement;
let saved: Saved[];

async function mount(importOptions?: ImportReadOptions): Promise<void> {
  await act(async () => {
    render(
      <LibraryApp runtime={runtime} debounceMs={0} importOptions={importOptions} saveFile={(name, content, mimeType) => saved.push({ name, content, mimeType })} />,
      root,
    );
  });
  await vi.waitFor(() => expect(root.querySelector('[data-testid="library-count"], [data-testid="library-empty"]')).not.toBeNull());
}

const q = <T extends Element = HTMLElement>(selector: string): T | null => root.querySelector<T>(selector);
const all = (selector: string): Element[] => [...root.querySelectorAll(selector)];
const shownIds = (): string[] => all('[data-testid="library-note"]').map((el) => el.getAttribute('data-note-id')!);

async function type(selector: string, value: string): Promise<void> {
  const input = q<HTMLInputElement>(selector)!;
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function choose(selector: string, value: string): Promise<void> {
  const select = q<HTMLSelectElement>(selector)!;
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

beforeEach(async () => {
  db = createLedeDB(`library-page-${Math.random()}`);
  await db.articles.bulkPut(ARTICLES);
  await db.annotations.bulkPut(NOTES);
  runtime = inProcessLibraryRuntime(db);
  root = document.createElement('div');
  document.body.append(root);
  saved = [];
});

afterEach(async () => {
  render(null, root);
  root.remove();
  await db.delete();
});

describe('the library page', () => {
  it('lists notes grouped by article, with quotes and bodies as text', async () => {
    await mount();
    expect(all('[data-testid="library-article"]').map((el) => el.getAttribute('data-source'))).toHaveLength(3);
    expect(shownIds()).toHaveLength(4);
    expect(q('[data-testid="library-count"]')!.textContent).toContain('4 notes in 3 articles');
    const kyiv = q(`[data-testid="library-article"][data-source="${KYIV}"]`)!;
    expect(kyiv.textContent).toContain('Talks in Kyiv stall');
    expect(kyiv.textContent).toContain('the ambassador said talks had stalled');
    expect(kyiv.textContent).toContain('Check McFaul’s earlier interview');
  });

  it('renders note bodies as text, never HTML', async () => {
    await db.annotations.update(noteId(4), { body: '<img src=x onerror="alert(1)">' });
    await mount();
    expect(q('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it('searches as you type and offers to clear when nothing matches', async () => {
    await mount();
    await type('[data-testid="library-search"]', 'ceasef');
    await vi.waitFor(() => expect(shownIds()).toEqual([noteId(2)]));
    await type('[data-testid="library-search"]', 'zebra');
    await vi.waitFor(() => expect(q('[data-testid="library-no-results"]')).not.toBeNull());
    await click(q('[data-testid="clear-filters"]'));
    await vi.waitFor(() => expect(shownIds()).toHaveLength(4));
  });

  it('filters by a person with one click on a chip, and by colour', async () => {
    await mount();
    const chip = all('[data-testid="entity-chip"]').find((el) => el.textContent!.includes('Michael McFaul'))!;
    await click(chip);
    expect(shownIds().sort()).toEqual([noteId(1), noteId(2)]);
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    await choose('[data-testid="filter-color"]', 'green');
    expect(shownIds()).toEqual([noteId(2)]);
  });

  it('deletes the selection in one go and undoes it', async () => {
    await mount();
    const group = q(`[data-testid="library-article"][data-source="${KYIV}"]`)!;
    await click(group.querySelector('input[type="checkbox"]'));
    expect(q('[data-testid="library-count"]')!.textContent).toContain('2 selected');
    await click(q('[data-testid="delete-selected"]'));
    await vi.waitFor(() => expect(q('[data-testid="library-undo"]')).not.toBeNull());
    expect(await db.annotations.count()).toBe(2);
    await vi.waitFor(() => expect(shownIds()).toHaveLength(2));
    await click(q('[data-testid="library-undo-button"]'));
    await vi.waitFor(() => expect(shownIds()).toHaveLength(4));
    expect(await db.annotations.get(noteId(1))).toEqual(NOTES[0]);
  });

  it('has the background delete and restore, which tells the pages showing those notes', async () => {
    await mount();
    await click(q(`[data-testid="library-article"][data-source="${KYIV}"]`)!.querySelector('input[type="checkbox"]'));
    await click(q('[data-testid="delete-selected"]'));
    await vi.waitFor(() => expect(shownIds()).toHaveLength(2));
    expect(runtime.notices).toContainEqual({ type: 'notesChanged', sources: [KYIV] });
    await click(q('[data-testid="library-undo-button"]'));
    await vi.waitFor(() => expect(shownIds()).toHaveLength(4));
    expect(runtime.notices.filter((notice) => notice.type === 'notesChanged')).toHaveLength(2);
  });

  it('follows changes made elsewhere without a reload: a note deleted and one edited from the popup', async () => {
    await mount();
    await runtime.send({ type: 'deleteAnnotation', id: noteId(4) });
    await vi.waitFor(() => expect(shownIds()).toHaveLength(3));
    await runtime.send({ type: 'updateAnnotation', id: noteId(3), patch: { body: 'Edited in the popup' } });
    await vi.waitFor(() => expect(root.textContent).toContain('Edited in the popup'));
  });

  it('keeps a chosen person listed after their notes are deleted, so the filter can be unset', async () => {
    await mount();
    await click(all('[data-testid="entity-chip"]').find((el) => el.textContent!.includes('Michael McFaul'))!);
    await click(q('[data-testid="select-all"]'));
    await click(q('[data-testid="delete-selected"]'));
    await vi.waitFor(() => expect(q('[data-testid="library-no-results"]')).not.toBeNull());
    expect(q<HTMLSelectElement>('[data-testid="filter-entity"]')!.value).toBe('Michael McFaul');
    const chip = all('[data-testid="entity-chip"]').find((el) => el.textContent!.includes('Michael McFaul'))!;
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    await click(chip);
    await vi.waitFor(() => expect(shownIds()).toEqual([noteId(3), noteId(4)]));
  });

  it('exports all notes, the results, or the selection as JSON-LD, CSV and Markdown', async () => {
    await mount();
    await click(q('[data-testid="export-jsonld"]'));
    expect(saved[0]!.name).toMatch(/^lede-notes-\d{4}-\d{2}-\d{2}\.jsonld$/);
    const document = JSON.parse(saved[0]!.content as string) as { items?: unknown[] } & Record<string, unknown>;
    expect(JSON.stringify(document)).toContain(noteId(4));

    await type('[data-testid="library-search"]', 'climate');
    await vi.waitFor(() => expect(shownIds()).toEqual([noteId(3)]));
    await choose('[data-testid="export-scope"]', 'results');
    await click(q('[data-testid="export-csv"]'));
    const csv = saved[1]!.content as string;
    expect(saved[1]!.name).toMatch(/\.csv$/);
    expect(csv).toContain('temperatures above 40 degrees');
    expect(csv).not.toContain('ceasefire');

    await click(q('[data-testid="export-markdown"]'));
    expect(saved[2]!.name).toMatch(/\.md$/);
    expect(saved[2]!.content as string).toContain('temperatures above 40 degrees');
  });

  it('exports several articles as Markdown in a zip, and one article from its header', async () => {
    await mount();
    await click(q('[data-testid="export-markdown"]'));
    expect(saved[0]!.name).toMatch(/\.zip$/);
    expect(saved[0]!.content).toBeInstanceOf(Uint8Array);
    await click(q(`[data-testid="library-article"][data-source="${KYIV}"] [data-testid="export-article"]`));
    expect(saved[1]!.name).toMatch(/\.md$/);
    expect(saved[1]!.content as string).toContain('a ceasefire by spring');
  });

  it('imports a backup and reports what it added and skipped', async () => {
    const backup = exportJsonLd(NOTES, ARTICLES);
    await db.annotations.clear();
    await db.annotations.put(NOTES[0]!);
    await mount();
    expect(shownIds()).toHaveLength(1);
    const input = q<HTMLInputElement>('[data-testid="import-file"]')!;
    const file = new File([backup], 'backup.jsonld', { type: 'application/ld+json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(q('[data-testid="import-summary"]')).not.toBeNull());
    expect(q('[data-testid="import-summary"]')!.textContent).toContain('Added 3, skipped 1 duplicate, rejected 0');
    await vi.waitFor(() => expect(shownIds()).toHaveLength(4));
  });

  it('reads the library once after an import, when the import’s change notices are in', async () => {
    const backup = exportJsonLd(NOTES, ARTICLES);
    await db.annotations.clear();
    await db.articles.clear();
    const loads: string[] = [];
    const connect = runtime.connect;
    runtime = { ...runtime, connect: (name) => (name === LIBRARY_LOAD_PORT && loads.push(name), connect(name)) };
    await mount();
    expect(loads).toHaveLength(1);
    const input = q<HTMLInputElement>('[data-testid="import-file"]')!;
    Object.defineProperty(input, 'files', { value: [new File([backup], 'backup.jsonld', { type: 'application/ld+json' })], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(shownIds()).toHaveLength(NOTES.length));
    // The import told of its notes and of its articles: both notices, one load.
    expect(runtime.notices.map((notice) => notice.type)).toEqual(['notesChanged', 'historyChanged']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(loads).toHaveLength(2);
  });

  it('shows the importer’s message for a file it cannot import, and changes nothing', async () => {
    await mount();
    const input = q<HTMLInputElement>('[data-testid="import-file"]')!;
    Object.defineProperty(input, 'files', { value: [new File(['{"@context": "http://www.w3.org/ns/anno.js'], 'cut.jsonld')], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(q('[data-testid="import-error"]')).not.toBeNull());
    expect(q('[data-testid="import-error"]')!.textContent!.length).toBeGreaterThan(10);
    expect(await db.annotations.count()).toBe(4);
  });

  it('restores a zipped backup read in small chunks, showing each phase of the progress', async () => {
    const backup = exportBackup(NOTES, ARTICLES, { zipAboveChars: 0 });
    if (backup.kind !== 'zip') throw new Error('expected a zip');
    await db.annotations.clear();
    await db.annotations.put(NOTES[0]!);
    // Every file takes the chunked path, a few hundred bytes at a time.
    await mount({ wholeFileBytes: 0, chunkBytes: 300 });
    const phases = new Set<string>();
    const watcher = new MutationObserver(() => {
      const phase = q('[data-testid="import-progress"]')?.getAttribute('data-phase');
      if (phase) phases.add(phase);
    });
    watcher.observe(root, { subtree: true, childList: true, attributes: true });
    const input = q<HTMLInputElement>('[data-testid="import-file"]')!;
    Object.defineProperty(input, 'files', { value: [new File([backup.bytes as BlobPart], 'backup.jsonld.zip', { type: 'application/zip' })], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(q('[data-testid="import-summary"]')).not.toBeNull());
    watcher.disconnect();
    expect(q('[data-testid="import-summary"]')!.textContent).toContain('Added 3, skipped 1 duplicate, rejected 0');
    expect(phases).toContain('reading');
    expect(phases).toContain('writing');
    expect((await db.annotations.toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual([...NOTES].sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('says a Latin-1 file is not UTF-8 instead of importing mangled letters', async () => {
    await mount();
    const text = exportJsonLd([{ ...NOTES[1]!, body: 'Café à Zürich' }]);
    // Latin-1: every character below U+0100 as one byte.
    const latin1 = Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
    const input = q<HTMLInputElement>('[data-testid="import-file"]')!;
    Object.defineProperty(input, 'files', { value: [new File([latin1], 'latin1.jsonld')], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(q('[data-testid="import-error"]')).not.toBeNull());
    expect(q('[data-testid="import-error"]')!.textContent).toMatch(/^This file is not UTF-8 text \(byte \d+ is 0xE9\); it may be saved in Latin-1/);
    expect(await db.annotations.count()).toBe(NOTES.length);
  });

  it('lists quotes by speaker across articles, searchable by name', async () => {
    await mount();
    await click(q('[data-testid="library-tab-quotes"]'));
    const speakers = (): string[] => all('[data-testid="library-speaker"] .library-speaker-name').map((el) => el.textContent!);
    expect(speakers()[0]).toBe('John Kerry');
    expect(q('[data-testid="library-quotes"]')!.textContent).toContain('Diplomacy takes time');
    await type('[data-testid="quotes-search"]', 'hidal');
    expect(speakers()).toEqual(['Anne Hidalgo']);
  });

  it('says how to make notes when there are none', async () => {
    await db.annotations.clear();
    await mount();
    expect(q('[data-testid="library-empty"]')!.textContent).toContain('Select text in an article to highlight it or add a note');
  });
});
