// The anchoring edit table: notes made on passages of real news articles, the article then edited
// in one of the ways publishers edit, and the note re-anchored on the new text. Each edit kind has
// an expected outcome; whatever the kind, a note that is placed must be on the edited passage's
// own words (computed from the edit), never anywhere else.
import { describe, expect, it } from 'vitest';
import { anchor, describeSpan } from '../../lib/anchoring/index';
import { newsArticleTexts, seedArticleText } from '../../testing/anchoring/anchoring-corpus';
import { explainCase, generateCases, runCase, type AnchoringApi } from '../../testing/anchoring/anchoring-cases';
import { EDIT_KINDS } from '../../testing/anchoring/anchoring-edits';
import { ALLOWED, isRecovered } from '../../testing/anchoring/anchoring-outcome';

const api: AnchoringApi = { describeSpan, anchor };
/** Eight core pages and the seed article, four passages per page and kind: 36 cases per kind. */
const pages = [seedArticleText(), ...newsArticleTexts({ coreOnly: true, limit: 8 })];
const PER_PAGE = 4;
const cases = generateCases(pages, EDIT_KINDS, PER_PAGE);

describe.each(EDIT_KINDS.map((kind) => ({ kind, name: kind.name, description: kind.description })))(
  '$name: $description',
  ({ kind }) => {
    const mine = cases.filter((c) => c.kind === kind);

    it('has cases on most pages', () => {
      expect(new Set(mine.map((c) => c.page)).size).toBeGreaterThanOrEqual(pages.length - 2);
    });

    it.each(mine.map((c) => ({ c, label: `${c.page} #${c.index}` })))(`${kind.expectation}: $label`, ({ c }) => {
      const result = runCase(api, c.edited);
      expect(ALLOWED[kind.expectation], explainCase(c, result)).toContain(result.verdict);
    });
  },
);

describe('never attached to the wrong place, over every case', () => {
  it('places no note anywhere but on its own words', () => {
    const wrong = cases.map((c) => ({ c, result: runCase(api, c.edited) }))
      .filter(({ result }) => result.verdict === 'wrong')
      .map(({ c, result }) => explainCase(c, result));
    expect(cases.length).toBeGreaterThan(EDIT_KINDS.length * pages.length * 2);
    expect(wrong).toEqual([]);
  });

  it('re-attaches at least some 30%-rewritten passages (a threshold that orphans everything would pass the table)', () => {
    const rewritten = cases.filter((c) => c.kind.name === 'rewrite-30');
    const recovered = rewritten.filter((c) => isRecovered(runCase(api, c.edited).verdict));
    expect(recovered.length).toBeGreaterThan(0);
  });
});

describe('pages with look-alike passages', () => {
  // Where the bench found notes placed elsewhere: a lead paragraph repeated with one word changed,
  // box scores, timestamps, product names. Edits inside the passage must leave the note on its
  // own (edited) words or orphaned, never on the look-alike.
  const LOOKALIKE_PAGES = [
    '9to5mac-com-ad826691a8a2', 'bgr-com-e7d77f186980', 'businessinsider-com-f81c6c05d9cb', 'cnbc-com-374ac9a59a85',
    'dawgsbynature-com-6a72de37e8f9', 'deccanherald-com-39d5c43beb60', 'express-co-uk-624fcd903d56',
  ];
  const INSIDE_EDITS = ['typo-fixed', 'rewrite-10', 'rewrite-30', 'rewrite-60', 'passage-deleted'];
  const hard = generateCases(
    newsArticleTexts({ names: LOOKALIKE_PAGES }),
    EDIT_KINDS.filter((kind) => INSIDE_EDITS.includes(kind.name)),
    40,
  );

  it('places no note on a look-alike', () => {
    const wrong = hard.map((c) => ({ c, result: runCase(api, c.edited) }))
      .filter(({ result }) => result.verdict === 'wrong')
      .map(({ c, result }) => explainCase(c, result));
    expect(hard.length).toBeGreaterThan(LOOKALIKE_PAGES.length * INSIDE_EDITS.length * 30);
    expect(wrong).toEqual([]);
  });
});

describe('the seed article, by hand', () => {
  const { text } = seedArticleText();
  const exact = 'Kerry is a congenial, keep-communicating kind of guy';
  const start = text.indexOf(exact);
  const selectors = describeSpan(text, start, start + exact.length);

  it('finds the passage in the seed text once', () => {
    expect(start).toBeGreaterThan(0);
    expect(text.indexOf(exact, start + 1)).toBe(-1);
  });

  const note = "Editor's note: this article was updated.\n\n";
  it.each([
    ['unchanged', text, start],
    ['a paragraph added at the top', note + text, start + note.length],
    ['curly apostrophes made straight', text.replaceAll('\u2019', "'"), start],
    ['its opening quotation mark dropped', text.slice(0, start - 1) + text.slice(start), start - 1],
  ])('re-attaches to the same words: %s', (_label, edited, expectedStart) => {
    const status = anchor(edited, selectors);
    expect(status).toMatchObject({ status: 'anchored', start: expectedStart, end: expectedStart + exact.length });
  });

  it('re-attaches after one word inside it changed, to the new words', () => {
    const edited = text.replace(exact, 'Kerry is a congenial, keep-communicating sort of guy');
    const status = anchor(edited, selectors);
    expect(status).toMatchObject({ status: 'anchored', start, end: start + exact.length });
  });

  it('orphans the note when the sentence is gone', () => {
    const edited = text.replace(exact, 'Mr. Kerry declined to comment');
    expect(anchor(edited, selectors)).toMatchObject({ status: 'orphan' });
  });
});
