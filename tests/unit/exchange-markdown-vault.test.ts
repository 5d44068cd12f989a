// Exporting Markdown again into the same note vault updates the files in place: the same names,
// ids and block ids every time, so a vault never collects copies of an article.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportMarkdown, type ArticleRecord } from '@/lib/exchange';
import { articleExportId, articleFileName, noteBlockId } from '@/lib/exchange/markdown-names';
import type { Annotation } from '@/lib/notes/annotation';
import { exportNotes } from '@/components/library/export-notes';
import type { SaveFile } from '@/components/library/download';
import { makeAnnotation, noteId } from '../../testing/fixtures/annotation-fixtures';

const KYIV = 'https://news.example/world/kyiv-ceasefire';
const GENEVA = 'https://other.example/2026/01/02/geneva-talks.html';
const LIMA = 'https://third.example/lima';

function noteOn(source: string, n: number, fields: Partial<Annotation> & { start?: number; exact?: string } = {}): Annotation {
  const base = makeAnnotation({ start: n * 100, exact: `passage number ${n}` });
  return makeAnnotation({ id: noteId(n), start: n * 100, exact: `passage number ${n}`, target: { ...base.target, source }, body: `Note ${n}`, ...fields });
}

const KYIV_ARTICLE: ArticleRecord = {
  url: `${KYIV}?utm_medium=email`,
  title: 'A ceasefire by spring?',
  site: 'news.example',
  seenAt: Date.parse('2026-01-03T09:00:00.000Z'),
  published: '2026-01-02',
  entities: [],
  quotes: [],
};

describe('Markdown ids and names', () => {
  it('are the same in two exports, whatever else is exported with the article', () => {
    const notes = [noteOn(KYIV, 1), noteOn(KYIV, 2), noteOn(GENEVA, 3)];
    const first = exportMarkdown(notes, [KYIV_ARTICLE]).files;
    const again = exportMarkdown([...notes].reverse(), [KYIV_ARTICLE]).files;
    const alone = exportMarkdown([notes[1]!]).files;
    expect(first.map((f) => f.name).sort()).toEqual(again.map((f) => f.name).sort());
    expect(first.find((f) => f.name === articleFileName(KYIV))!.content).toBe(again.find((f) => f.name === articleFileName(KYIV))!.content);
    expect(alone.map((f) => f.name)).toEqual([articleFileName(KYIV)]);
    expect(alone[0]!.content).toContain(`lede-id: "${articleExportId(KYIV)}"`);
  });

  it('a note edited between exports keeps its file name and block id', () => {
    const note = noteOn(KYIV, 1);
    const edited = { ...note, body: 'Rewritten after a second reading', tags: ['revisit'], modified: '2026-02-01T00:00:00.000Z' };
    const [before] = exportMarkdown([note], [KYIV_ARTICLE]).files;
    const [after] = exportMarkdown([edited], [KYIV_ARTICLE]).files;
    expect(after!.name).toBe(before!.name);
    const blockLine = `^${noteBlockId(note.id)}`;
    for (const file of [before!, after!]) expect(file.content.split('\n').filter((line) => line === blockLine)).toHaveLength(1);
    expect(after!.content).toContain('Rewritten after a second reading');
    expect(after!.content).not.toContain('Note 1');
  });

  it('front matter carries the published and read dates', () => {
    const [file] = exportMarkdown([noteOn(KYIV, 1)], [KYIV_ARTICLE]).files;
    expect(file!.content).toMatch(/^published: 2026-01-02$/m);
    expect(file!.content).toMatch(/^read: 2026-01-03T09:00:00\.000Z$/m);
    expect(file!.content).not.toMatch(/^date:/m);
  });
});

describe('exporting twice into one vault folder', () => {
  let vault: string;
  let saved: { name: string; content: string | Uint8Array }[];
  const save: SaveFile = (name, content) => saved.push({ name, content });

  beforeEach(() => {
    vault = mkdtempSync(path.join(os.tmpdir(), 'lede-vault-'));
    saved = [];
  });
  afterEach(() => rmSync(vault, { recursive: true, force: true }));

  /** Exports as the library's Markdown button does, and unzips over the vault folder (replacing files). */
  async function exportIntoVault(notes: Annotation[]): Promise<Record<string, string>> {
    const name = await exportNotes('markdown', notes, [{ ...KYIV_ARTICLE, entityNames: [] }], save, new Date('2026-03-01T12:00:00Z'));
    expect(name).toMatch(/\.zip$/);
    const zip = saved.at(-1)!.content as Uint8Array;
    const files = unzipSync(zip);
    for (const [file, bytes] of Object.entries(files)) writeFileSync(path.join(vault, file), bytes);
    return Object.fromEntries(Object.keys(files).map((file) => [file, new TextDecoder().decode(files[file])]));
  }

  const vaultFiles = (): string[] => readdirSync(vault).sort();
  const read = (file: string): string => readFileSync(path.join(vault, file), 'utf8');

  it('updates the files in place: same names, no duplicates, the edit and the new note in them', async () => {
    const notes = [noteOn(KYIV, 1), noteOn(KYIV, 2), noteOn(GENEVA, 3)];
    await exportIntoVault(notes);
    const firstNames = vaultFiles();
    expect(firstNames).toEqual([articleFileName(KYIV), articleFileName(GENEVA)].sort());
    const geneva = read(articleFileName(GENEVA));

    // Between the exports: note 1 is edited, note 4 is added to the Kyiv article.
    const edited = { ...notes[0]!, body: 'Edited: check the spring deadline', modified: '2026-02-15T08:00:00.000Z' };
    const second = await exportIntoVault([edited, notes[1]!, notes[2]!, noteOn(KYIV, 4)]);

    expect(vaultFiles()).toEqual(firstNames);
    const kyiv = read(articleFileName(KYIV));
    expect(kyiv).toBe(second[articleFileName(KYIV)]);
    expect(kyiv).toContain('Edited: check the spring deadline');
    expect(kyiv).not.toContain('Note 1');
    expect(kyiv).toContain('Note 4');
    for (const n of [1, 2, 4]) expect(kyiv.split('\n').filter((line) => line === `^${noteBlockId(noteId(n))}`)).toHaveLength(1);
    // The untouched article's file is byte for byte the same.
    expect(read(articleFileName(GENEVA))).toBe(geneva);

    // A note on a new article adds exactly one file.
    await exportIntoVault([edited, notes[1]!, notes[2]!, noteOn(KYIV, 4), noteOn(LIMA, 5)]);
    expect(vaultFiles()).toEqual([...firstNames, articleFileName(LIMA)].sort());
  });
});
