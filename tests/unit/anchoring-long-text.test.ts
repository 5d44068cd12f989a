// Anchoring in long texts, where searches go through the block index rather than a full scan.
import { describe, expect, it } from 'vitest';
import { anchor, anchorAll, describeSpan } from '../../lib/anchoring';
import type { AnchorStatus, Selector } from '../../lib/notes/annotation';

const VOCABULARY = (
  'the minister said on Monday that talks with officials in Geneva would resume after a long pause ' +
  'while critics argued the plan lacked detail about funding schools hospitals roads and ports ' +
  'analysts expect markets to react when the central bank publishes its forecast next week'
).split(' ');

/** Deterministic prose: paragraphs of pseudo-random words, unique at the scale of a note's context. */
function longProse(paragraphs: number, seed: number): string[] {
  let state = seed;
  const next = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  return Array.from({ length: paragraphs }, () => {
    const words = Array.from({ length: 60 + next(40) }, () => VOCABULARY[next(VOCABULARY.length)]!);
    words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
    return words.join(' ') + '.';
  });
}

const PARAS = longProse(120, 7);
const TEXT = PARAS.join('\n\n');
/** A passage in the middle of paragraph 60. */
const P = 60;
const PASSAGE_START = TEXT.indexOf(PARAS[P]!) + 100;
const PASSAGE = TEXT.slice(PASSAGE_START, PASSAGE_START + 90);

function note(): Selector[] {
  return describeSpan(TEXT, PASSAGE_START, PASSAGE_START + PASSAGE.length);
}

function spanOf(status: AnchorStatus): [number, number] | 'orphan' {
  return status.status === 'anchored' ? [status.start, status.end] : 'orphan';
}

function at(text: string, words: string): [number, number] {
  const start = text.indexOf(words);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(words, start + 1)).toBe(-1);
  return [start, start + words.length];
}

/** Replace every fourth word of `s` (not the first or last) with "zzz". */
function rewriteQuarter(s: string): string {
  const words = s.split(' ');
  return words.map((w, i) => (i > 0 && i < words.length - 1 && i % 4 === 2 ? 'zzz' : w)).join(' ');
}

describe('anchoring in a long text', () => {
  it('is long enough to use the block index', () => {
    expect(TEXT.length).toBeGreaterThan(40_000);
    expect(TEXT.indexOf(PASSAGE)).toBe(PASSAGE_START);
  });

  it.each([
    {
      name: 'text inserted at the top',
      edit: (t: string) => 'A new opening paragraph, added later.\n\n' + t,
      words: PASSAGE,
    },
    {
      name: 'the paragraph moved 40 paragraphs later, with a typo fixed',
      edit: () => {
        const paras = [...PARAS];
        const [moved] = paras.splice(P, 1);
        paras.splice(P + 40, 0, moved!.replace(PASSAGE, PASSAGE.replace(/ the /, ' teh ')));
        return paras.join('\n\n');
      },
      words: PASSAGE.replace(/ the /, ' teh '),
    },
    {
      name: 'a quarter of the words rewritten in place',
      edit: (t: string) => t.replace(PASSAGE, rewriteQuarter(PASSAGE)),
      words: rewriteQuarter(PASSAGE),
    },
    {
      name: 'typography changed throughout',
      edit: (t: string) => t.replace(/ /g, '\u00a0').replace(/\n\n/g, '\n \n'),
      words: PASSAGE.replace(/ /g, '\u00a0'),
    },
  ])('recovers the passage: $name', ({ edit, words }) => {
    const text = edit(TEXT);
    expect(spanOf(anchor(text, note()))).toEqual(at(text, words));
  });

  it.each([
    { name: 'the passage deleted', edit: (t: string) => t.replace(PASSAGE, '') },
    { name: 'the paragraph deleted', edit: (t: string) => t.replace(PARAS[P]! + '\n\n', '') },
    { name: 'the passage rewritten beyond recognition', edit: (t: string) => t.replace(PASSAGE, PASSAGE.split(' ').reverse().join(' ')) },
  ])('orphans the note: $name', ({ edit }) => {
    expect(anchor(edit(TEXT), note())).toMatchObject({ status: 'orphan' });
  });

  it('orphans a note inside a paragraph that now appears twice, context and all', () => {
    const paras = [...PARAS];
    paras.splice(10, 0, PARAS[P]!);
    expect(anchor(paras.join('\n\n'), note())).toMatchObject({ status: 'orphan', reason: expect.stringContaining('ambiguous') });
  });

  it('tells a copied paragraph from the original when the note reaches its neighbour', () => {
    const start = TEXT.indexOf(PARAS[P]!);
    const opening = PARAS[P]!.slice(0, 60);
    const selectors = describeSpan(TEXT, start, start + opening.length);
    const paras = [...PARAS];
    paras.splice(10, 0, PARAS[P]!);
    const text = paras.join('\n\n');
    const original = text.indexOf(opening, text.indexOf(opening) + 1);
    expect(spanOf(anchor(text, selectors))).toEqual([original, original + opening.length]);
  });

  it('anchors many notes at once after an edit at the top, reusing their common shift', () => {
    const notes = Array.from({ length: 50 }, (_, i) => {
      const start = 500 + i * 800;
      return { target: { selector: describeSpan(TEXT, start, start + 40 + (i % 5) * 20) } };
    });
    const inserted = 'Correction appended at the top.\n\n';
    const results = anchorAll(inserted + TEXT, notes);
    results.forEach((r, i) => {
      const [, position] = notes[i]!.target.selector as [unknown, { start: number; end: number }];
      expect(spanOf(r)).toEqual([position.start + inserted.length, position.end + inserted.length]);
    });
    expect(results.filter((r) => r.status === 'anchored' && r.method === 'position').length).toBeGreaterThanOrEqual(49);
  });
});
