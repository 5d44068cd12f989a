import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '@/lib/analysis/analyze';
import type { Analysis, Entity } from '@/lib/analysis/types';
import { analyzeInBlocks, findInsertion, mergeInsertion, type Insertion } from '@/lib/background/incremental-analysis';
import { seedDir } from '../../testing/harness/paths';

describe('findInsertion', () => {
  it('finds whole blocks appended, prepended or inserted between blocks', () => {
    expect(findInsertion('A one.\n\nB two.', 'A one.\n\nB two.\n\nC three.')).toEqual({ at: 14, length: 10, block: { start: 16, end: 24 } });
    expect(findInsertion('B two.', 'A one.\n\nB two.')).toEqual({ at: 0, length: 8, block: { start: 0, end: 6 } });
    const middle = findInsertion('A one.\n\nC three.', 'A one.\n\nB two.\n\nC three.')!;
    expect('A one.\n\nB two.\n\nC three.'.slice(middle.block.start, middle.block.end)).toBe('B two.');
    expect(middle.at + middle.length).toBe('A one.\n\nB two.\n\n'.length);
  });

  it('slides an insertion back to a block boundary when its letters repeat what follows', () => {
    // "Bob." inserted before "Bill.": the common prefix runs into the new block ("B").
    const found = findInsertion('A.\n\nBill.', 'A.\n\nBob.\n\nBill.')!;
    expect('A.\n\nBob.\n\nBill.'.slice(found.block.start, found.block.end)).toBe('Bob.');
  });

  it('refuses edits inside a paragraph, removals, no change, and two places at once', () => {
    expect(findInsertion('A one.\n\nB two.', 'A one more.\n\nB two.')).toBeNull();
    expect(findInsertion('A one.\n\nB two.', 'A one.')).toBeNull();
    expect(findInsertion('A one.', 'A one.')).toBeNull();
    expect(findInsertion('A.\n\nB.', 'X.\n\nA.\n\nB.\n\nY.')).toBeNull();
  });
});

/** Offsets of `word` (the n-th occurrence) in `text`. */
function at(text: string, word: string, nth = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(word, start + 1);
  if (start < 0) throw new Error(`${word} not in text`);
  return { start, end: start + word.length };
}

function insertionOf(before: string, after: string): Insertion {
  const found = findInsertion(before, after);
  if (!found) throw new Error('no insertion');
  return found;
}

const byName = (analysis: Analysis, name: string): Entity | undefined => analysis.entities.find((entity) => entity.name === name);

describe('mergeInsertion', () => {
  const before = 'Secretary of State John Kerry met Sergei Lavrov in Geneva.';

  it('shifts earlier spans after the insertion and places the block where it sits', () => {
    const after = `Kerry arrived first.\n\n${before}`;
    const previous: Analysis = {
      entities: [{ id: 'person:John Kerry', type: 'person', name: 'John Kerry', mentions: [at(before, 'John Kerry')] }],
      quotes: [],
    };
    const block: Analysis = { entities: [{ id: 'person:Kerry', type: 'person', name: 'Kerry', mentions: [{ start: 0, end: 5 }] }], quotes: [] };
    const merged = mergeInsertion(previous, block, insertionOf(before, after), after)!;
    expect(merged.entities).toHaveLength(1);
    expect(merged.entities[0]!.mentions.map((span) => after.slice(span.start, span.end))).toEqual(['Kerry', 'John Kerry']);
  });

  it('joins a later short form to the earlier full name, and a name keeps the type it had', () => {
    const after = `${before}\n\nKerry said Geneva was ready. Lavrov agreed.`;
    const previous: Analysis = {
      entities: [
        { id: 'person:John Kerry', type: 'person', name: 'John Kerry', role: 'Secretary of State', mentions: [at(before, 'John Kerry')] },
        { id: 'person:Sergei Lavrov', type: 'person', name: 'Sergei Lavrov', mentions: [at(before, 'Sergei Lavrov')] },
        { id: 'place:Geneva', type: 'place', name: 'Geneva', mentions: [at(before, 'Geneva')] },
      ],
      quotes: [],
    };
    const blockText = 'Kerry said Geneva was ready. Lavrov agreed.';
    // On its own the block mistakes the names' types; the merge keeps what the article established.
    const block: Analysis = {
      entities: [
        { id: 'place:Kerry', type: 'place', name: 'Kerry', mentions: [at(blockText, 'Kerry')] },
        { id: 'organization:Geneva', type: 'organization', name: 'Geneva', mentions: [at(blockText, 'Geneva')] },
        { id: 'person:Lavrov', type: 'person', name: 'Lavrov', mentions: [at(blockText, 'Lavrov')] },
      ],
      quotes: [{ ...at(blockText, 'Geneva was ready'), kind: 'reported', speaker: { name: 'Kerry', entityId: 'place:Kerry' } }],
    };
    const merged = mergeInsertion(previous, block, insertionOf(before, after), after)!;
    expect(merged.entities.map((entity) => `${entity.type}:${entity.name}:${entity.mentions.length}`)).toEqual([
      'person:John Kerry:2',
      'person:Sergei Lavrov:2',
      'place:Geneva:2',
    ]);
    expect(merged.quotes).toEqual([
      { ...at(after, 'Geneva was ready'), kind: 'reported', speaker: { name: 'John Kerry', entityId: 'person:John Kerry' } },
    ]);
    expect(byName(merged, 'John Kerry')!.role).toBe('Secretary of State');
  });

  it('makes the longer name canonical when the full name comes later', () => {
    const first = 'Kerry arrived.';
    const after = `${first}\n\nJohn Kerry spoke.`;
    const previous: Analysis = {
      entities: [{ id: 'person:Kerry', type: 'person', name: 'Kerry', mentions: [at(first, 'Kerry')] }],
      quotes: [{ start: 0, end: 5, kind: 'reported', speaker: { name: 'Kerry', entityId: 'person:Kerry' } }],
    };
    const block: Analysis = { entities: [{ id: 'person:John Kerry', type: 'person', name: 'John Kerry', mentions: [{ start: 0, end: 10 }] }], quotes: [] };
    const merged = mergeInsertion(previous, block, insertionOf(first, after), after)!;
    expect(merged.entities).toEqual([{ id: 'person:John Kerry', type: 'person', name: 'John Kerry', mentions: [at(after, 'Kerry'), at(after, 'John Kerry')] }]);
    expect(merged.quotes[0]!.speaker).toEqual({ name: 'John Kerry', entityId: 'person:John Kerry' });
  });

  it('tags a known name the block left untagged', () => {
    const after = `${before}\n\nThen Lavrov left.`;
    const previous: Analysis = {
      entities: [{ id: 'person:Sergei Lavrov', type: 'person', name: 'Sergei Lavrov', mentions: [at(before, 'Sergei Lavrov'), at(before, 'Lavrov')] }],
      quotes: [],
    };
    const merged = mergeInsertion(previous, { entities: [], quotes: [] }, insertionOf(before, after), after)!;
    expect(merged.entities[0]!.mentions.map((span) => after.slice(span.start, span.end))).toEqual(['Sergei Lavrov', 'Lavrov', 'Lavrov']);
    expect(merged.entities[0]!.mentions.at(-1)).toEqual(at(after, 'Lavrov', 1));
  });

  it('refuses (full analysis needed) when an earlier quote runs across the insertion point', () => {
    const old = 'A said “one.\n\nTwo” then.';
    const after = 'A said “one.\n\nNew.\n\nTwo” then.';
    const previous: Analysis = { entities: [], quotes: [{ start: 8, end: 17, kind: 'direct', speaker: null }] };
    expect(mergeInsertion(previous, { entities: [], quotes: [] }, insertionOf(old, after), after)).toBeNull();
  });

  it('with the real analyser, appended paragraphs link to the people named before', () => {
    const start = 'Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in Geneva on Monday.';
    const after = `${start}\n\nKerry told reporters that the talks had been useful.`;
    const insertion = insertionOf(start, after);
    const merged = mergeInsertion(analyzeText(start), analyzeText(after.slice(insertion.block.start, insertion.block.end)), insertion, after)!;
    const kerry = byName(merged, 'John Kerry')!;
    expect(kerry.type).toBe('person');
    expect(kerry.mentions).toContainEqual(at(after, 'Kerry', 1));
    expect(merged.entities.filter((entity) => entity.name === 'Kerry')).toEqual([]);
  });
});

describe('analyzeInBlocks', () => {
  const seed = readFileSync(path.join(seedDir, 'article.txt'), 'utf8').trim().split(/\n+/).join('\n\n');

  it('analyses a short text in one call, exactly as analyzeText does', async () => {
    expect(await analyzeInBlocks(seed, analyzeText, { blockSize: seed.length })).toEqual(analyzeText(seed));
  });

  it('analyses a long text block by block, pausing between blocks, and finds the same people', async () => {
    let pauses = 0;
    const calls: number[] = [];
    const blockwise = await analyzeInBlocks(
      seed,
      (text) => {
        calls.push(text.length);
        return analyzeText(text);
      },
      { blockSize: 2000, pause: async () => void (pauses += 1) },
    );
    expect(calls.length).toBeGreaterThan(2);
    expect(Math.max(...calls)).toBeLessThanOrEqual(2000);
    expect(pauses).toBe(calls.length - 1);
    const whole = analyzeText(seed);
    const people = (analysis: Analysis): string[] =>
      analysis.entities.filter((entity) => entity.type === 'person' && entity.mentions.length >= 3).map((entity) => entity.name).sort();
    expect(people(blockwise)).toEqual(people(whole));
    // Every span indexes into the whole text and mentions are in order.
    for (const entity of blockwise.entities) {
      for (const span of entity.mentions) expect(span.end).toBeLessThanOrEqual(seed.length);
      expect(entity.mentions.map((span) => span.start)).toEqual([...entity.mentions.map((span) => span.start)].sort((a, b) => a - b));
    }
  });
});
