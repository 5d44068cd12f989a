// The anchoring engine against a table of page edits: each note is re-attached to the right words
// or orphaned, never placed elsewhere.
import { describe, expect, it } from 'vitest';
import { anchor, anchorAll, describeSpan } from '../../lib/anchoring';
import type { AnchorStatus, Selector } from '../../lib/notes/annotation';
import { readSeed } from '../../testing/fixtures/quotes-fixtures';

/** The seed article's body paragraphs, joined like lib/extract joins blocks. */
function seedBody(): string {
  const raw = readSeed('article.txt');
  const start = raw.indexOf('The Obama administration');
  const end = raw.indexOf('\n---', start);
  return raw.slice(start, end).trim();
}

const BODY = seedBody();
const PARAGRAPHS = BODY.split('\n\n');
const PASSAGE =
  'The move to formally walk away Monday from the cease-fire and military-cooperation agreement reached with Russia last month heightens pressure on Washington';

function noteOn(text: string, quote: string, occurrence = 0): Selector[] {
  let at = -1;
  for (let i = 0; i <= occurrence; i += 1) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`quote not in text: ${quote}`);
  return describeSpan(text, at, at + quote.length);
}

function spanOf(status: AnchorStatus): [number, number] | 'orphan' {
  return status.status === 'anchored' ? [status.start, status.end] : 'orphan';
}

/** Replace words of `passage` (never the first or last) so about `share` of its words change. */
function rewriteWords(passage: string, share: number): string {
  const words = passage.split(' ');
  const inner = words.length - 2;
  const count = Math.round(words.length * share);
  const step = inner / count;
  for (let k = 0; k < count; k += 1) {
    const i = 1 + Math.floor(k * step);
    words[i] = 'x'.repeat(Math.max(1, words[i]!.length));
  }
  return words.join(' ');
}

interface EditCase {
  name: string;
  /** Returns the edited text and the span the note should land on (or 'orphan'). */
  edit: (text: string) => { text: string; expected: [number, number] | 'orphan' };
}

function expectAt(text: string, words: string, occurrence = 0): [number, number] {
  let at = -1;
  for (let i = 0; i <= occurrence; i += 1) at = text.indexOf(words, at + 1);
  if (at < 0) throw new Error(`expected words not in edited text: ${words}`);
  return [at, at + words.length];
}

const typographic = (s: string): string =>
  s.replace(/'/g, '\u2019').replace(/ (?=[A-Z])/g, '\u00a0').replace(/-/g, '\u2011').replace(/ /g, '  ');

const CASES: EditCase[] = [
  { name: 'unchanged', edit: (t) => ({ text: t, expected: expectAt(t, PASSAGE) }) },
  {
    name: 'text inserted before',
    edit: (t) => {
      const text = 'Editor\u2019s note: this article was updated on Thursday.\n\n' + t;
      return { text, expected: expectAt(text, PASSAGE) };
    },
  },
  {
    name: 'text inserted right before the passage',
    edit: (t) => {
      const text = t.replace(PASSAGE, 'UPDATE: ' + PASSAGE);
      return { text, expected: expectAt(text, PASSAGE) };
    },
  },
  {
    name: 'paragraph moved to the end',
    edit: (t) => {
      const paras = t.split('\n\n');
      const i = paras.findIndex((p) => p.includes(PASSAGE));
      const [moved] = paras.splice(i, 1);
      const text = [...paras, moved].join('\n\n');
      return { text, expected: expectAt(text, PASSAGE) };
    },
  },
  {
    name: 'neighbouring paragraph deleted',
    edit: (t) => {
      const paras = t.split('\n\n');
      const i = paras.findIndex((p) => p.includes(PASSAGE));
      paras.splice(i - 1, 1);
      const text = paras.join('\n\n');
      return { text, expected: expectAt(text, PASSAGE) };
    },
  },
  {
    name: 'whitespace and typography changed everywhere',
    edit: (t) => {
      const text = typographic(t);
      return { text, expected: expectAt(text, typographic(PASSAGE)) };
    },
  },
  {
    name: 'zero-width spaces and soft hyphens added inside the passage',
    edit: (t) => {
      const changed = PASSAGE.replace('military', 'mili\u00adtary').replace('Monday', '\u200bMonday');
      const text = t.replace(PASSAGE, changed);
      return { text, expected: expectAt(text, changed) };
    },
  },
  {
    name: 'typo fixed inside the passage',
    edit: (t) => {
      const fixed = PASSAGE.replace('heightens', 'heighten').replace('cease-fire', 'ceasefire');
      const text = t.replace(PASSAGE, fixed);
      return { text, expected: expectAt(text, fixed) };
    },
  },
  {
    name: 'a word added inside the passage',
    edit: (t) => {
      const changed = PASSAGE.replace('last month', 'only last month');
      const text = t.replace(PASSAGE, changed);
      return { text, expected: expectAt(text, changed) };
    },
  },
  {
    name: '10% of the passage rewritten',
    edit: (t) => {
      const changed = rewriteWords(PASSAGE, 0.1);
      const text = t.replace(PASSAGE, changed);
      return { text, expected: expectAt(text, changed) };
    },
  },
  {
    name: '30% of the passage rewritten',
    edit: (t) => {
      const changed = rewriteWords(PASSAGE, 0.3);
      const text = t.replace(PASSAGE, changed);
      return { text, expected: expectAt(text, changed) };
    },
  },
  {
    name: '60% of the passage rewritten',
    edit: (t) => ({ text: t.replace(PASSAGE, rewriteWords(PASSAGE, 0.6)), expected: 'orphan' }),
  },
  {
    name: 'the passage deleted',
    edit: (t) => ({ text: t.replace(PASSAGE, ''), expected: 'orphan' }),
  },
  {
    name: 'the whole paragraph deleted',
    edit: (t) => ({ text: t.split('\n\n').filter((p) => !p.includes(PASSAGE)).join('\n\n'), expected: 'orphan' }),
  },
  {
    name: 'the passage copied into a pull quote earlier on the page',
    edit: (t) => {
      const text = t.replace(PARAGRAPHS[1]!, `${PARAGRAPHS[1]}\n\n${PASSAGE}.`);
      return { text, expected: expectAt(text, PASSAGE, 1) };
    },
  },
];

describe('anchor: a note on a passage after each page edit', () => {
  const selectors = noteOn(BODY, PASSAGE);

  it.each(CASES)('$name', ({ edit }) => {
    const { text, expected } = edit(BODY);
    const status = anchor(text, selectors);
    expect(spanOf(status)).toEqual(expected);
    if (status.status === 'orphan') expect(status.reason).not.toBe('');
  });

  it.each(CASES)('$name (the same through anchorAll)', ({ edit }) => {
    const { text, expected } = edit(BODY);
    const [status] = anchorAll(text, [{ target: { selector: selectors } }]);
    expect(spanOf(status!)).toEqual(expected);
  });

  it('takes the stored position when nothing changed and fuzzy matching when words did', () => {
    expect(anchor(BODY, selectors)).toMatchObject({ status: 'anchored', method: 'position', score: 1 });
    const moved = 'New first line.\n\n' + BODY;
    expect(anchor(moved, selectors)).toMatchObject({ status: 'anchored', method: 'quote' });
    const fixed = BODY.replace('heightens', 'heighten');
    const fuzzy = anchor(fixed, selectors);
    expect(fuzzy).toMatchObject({ status: 'anchored', method: 'fuzzy' });
    if (fuzzy.status === 'anchored') expect(fuzzy.score).toBeGreaterThan(0.9);
  });
});

describe('anchor: the same sentence twice on the page', () => {
  const SENTENCE = 'The talks will resume next week.';
  const TEXT = [
    'Officials met in Geneva on Monday to discuss the ceasefire.',
    `${SENTENCE} Both sides agreed on an agenda.`,
    'Diplomats in Vienna were less hopeful about the outcome.',
    `${SENTENCE} Neither side would say where.`,
  ].join('\n\n');

  it.each([
    { name: 'unchanged, first', occurrence: 0, edit: (t: string) => t, expected: 0 },
    { name: 'unchanged, second', occurrence: 1, edit: (t: string) => t, expected: 1 },
    { name: 'text inserted before, first', occurrence: 0, edit: (t: string) => 'Breaking.\n\n' + t, expected: 0 },
    { name: 'text inserted before, second', occurrence: 1, edit: (t: string) => 'Breaking.\n\n' + t, expected: 1 },
    {
      name: 'first paragraph deleted, second',
      occurrence: 1,
      edit: (t: string) => t.split('\n\n').slice(1).join('\n\n'),
      expected: 1,
    },
    {
      name: 'paragraphs swapped, first',
      occurrence: 0,
      edit: (t: string) => {
        const p = t.split('\n\n');
        return [p[2], p[3], p[0], p[1]].join('\n\n');
      },
      expected: 1,
    },
  ])('$name: resolves by context to the right occurrence', ({ occurrence, edit, expected }) => {
    const selectors = noteOn(TEXT, SENTENCE, occurrence);
    const text = edit(TEXT);
    expect(spanOf(anchor(text, selectors))).toEqual(expectAt(text, SENTENCE, expected));
  });

  it('orphans a note whose occurrence was deleted while the other copy remains', () => {
    const selectors = noteOn(TEXT, SENTENCE, 1);
    const text = TEXT.replace(`${SENTENCE} Neither side would say where.`, 'Neither side would say where.');
    expect(anchor(text, selectors)).toMatchObject({ status: 'orphan' });
  });

  it('orphans rather than guesses when the copies and their context are identical', () => {
    const block = 'Officials met in Geneva on Monday. The talks will resume next week. Both sides agreed on an agenda.';
    const text = `${block}\n\n${block}`;
    const selectors = noteOn(text, SENTENCE, 1);
    // A line added at the top shifts both copies: nothing tells them apart any more.
    expect(anchor('Breaking news.\n\n' + text, selectors)).toMatchObject({ status: 'orphan' });
    // Unchanged, the stored position still holds the quote and its context.
    expect(spanOf(anchor(text, selectors))).toEqual(expectAt(text, SENTENCE, 1));
  });

  describe('a near-copy of the passage elsewhere (a summary box repeating the lede)', () => {
    const LEDE = "Dubai's flagship carrier Emirates Airline finalized a deal to purchase 30 of Boeing's jets on Wednesday.";
    const SUMMARY = "Dubai's flagship carrier Emirates Airline has finalized a deal to purchase 30 of Boeing's jets on Wednesday.";
    const PAGE = ['Key Points', SUMMARY, 'The order was announced at the air show.', LEDE, 'Boeing shares rose.'].join('\n\n');
    const NOTED = 'Airline has finalized a deal to purchase 30 of';
    const selectors = noteOn(PAGE, NOTED);

    it('orphans the note when its passage is deleted, never moving it to the near-copy', () => {
      expect(anchor(PAGE.replace(NOTED + ' ', ''), selectors)).toMatchObject({ status: 'orphan' });
    });

    it('orphans or keeps the note on its own words when they are rewritten', () => {
      const rewritten = 'Airline has agreed a contract to purchase 30 of';
      const text = PAGE.replace(NOTED, rewritten);
      const status = anchor(text, selectors);
      if (status.status === 'anchored') expect([status.start, status.end]).toEqual(expectAt(text, rewritten));
    });

    it('after a typo fix in its own words, orphans rather than weigh two framed look-alikes', () => {
      // Both copies sit between the same words, so a fuzzy match cannot say which is the passage.
      const fixed = NOTED.replace('finalized', 'finalised');
      const text = PAGE.replace(NOTED, fixed);
      expect(anchor(text, selectors)).toMatchObject({ status: 'orphan', reason: expect.stringContaining('look-alike') });
    });

    it('re-attaches exactly after the page above it changed', () => {
      const text = 'Updated at 10:00.\n\n' + PAGE;
      expect(spanOf(anchor(text, selectors))).toEqual(expectAt(text, NOTED));
    });
  });

  it('orphans a one-word note whose word now appears only in other places', () => {
    const text = 'Mr. Kerry spoke first. Later Mr. Lavrov replied to Mr. Kerry in person.';
    const selectors = noteOn(text, 'Lavrov');
    const edited = text.replace('Later Mr. Lavrov replied to Mr. Kerry in person.', 'Nobody replied.');
    expect(anchor(edited, selectors)).toMatchObject({ status: 'orphan' });
    const kerry = noteOn(text, 'Kerry', 1);
    expect(anchor(text.replace('replied to Mr. Kerry in person', 'replied by letter'), kerry)).toMatchObject({ status: 'orphan' });
  });
});
