import { describe, expect, it } from 'vitest';
import { splitParagraphs, splitParagraphSpans, splitSentenceSpans } from '../../lib/analysis/sentences';
import { readSeed } from '../../testing/fixtures/quotes-fixtures';

function sentences(text: string): string[] {
  return splitSentenceSpans(text).map((s) => text.slice(s.start, s.end));
}

function paragraphs(text: string): string[] {
  return splitParagraphSpans(text).map((p) => text.slice(p.start, p.end));
}

describe('splitParagraphSpans', () => {
  it('splits on blank lines and trims each block', () => {
    expect(paragraphs('  One.\n\nTwo.\n   \n\nThree.  ')).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('keeps single newlines inside a paragraph', () => {
    expect(paragraphs('A line\nand its wrap.\n\nNext.')).toEqual(['A line\nand its wrap.', 'Next.']);
  });

  it('joins a stray break after an unfinished line that continues in lowercase', () => {
    const text = 'Michael McFaul, a former ambassador who is now\n\nat Stanford University, said so.\n\nNext one.';
    expect(paragraphs(text)).toEqual(['Michael McFaul, a former ambassador who is now\n\nat Stanford University, said so.', 'Next one.']);
  });

  it('does not join when the previous block ends a sentence or the next starts uppercase', () => {
    expect(paragraphs('It ended.\n\nlowercase start')).toEqual(['It ended.', 'lowercase start']);
    expect(paragraphs('A heading\n\nThe body.')).toEqual(['A heading', 'The body.']);
  });

  it('reads one paragraph per line when no line breaks mid-sentence', () => {
    const text = 'Headline Without a Period\nThe first paragraph ends here.\n“A quote opens the second,” she said.\nThe third.';
    expect(paragraphs(text)).toEqual(['Headline Without a Period', 'The first paragraph ends here.', '“A quote opens the second,” she said.', 'The third.']);
  });

  it('keeps hard-wrapped prose together', () => {
    const text = 'This paragraph was wrapped at a fixed width so that\nits lines break in the middle of sentences. Mr. Smith\nsaid so himself.';
    expect(paragraphs(text)).toEqual([text]);
  });

  it('returns nothing for empty or blank text', () => {
    expect(paragraphs('')).toEqual([]);
    expect(paragraphs(' \n\n \n')).toEqual([]);
  });

  it('joins the McFaul paragraph of the seed across its stray blank line', () => {
    const text = readSeed('article.txt');
    const all = paragraphs(text);
    const mcfaul = all.find((p) => p.startsWith('Michael McFaul'));
    expect(mcfaul).toContain('at Stanford University, said he');
    expect(all.some((p) => p.startsWith('at Stanford'))).toBe(false);
  });
});

describe('splitSentenceSpans', () => {
  it('splits at terminal punctuation followed by a capitalised word', () => {
    expect(sentences('It rained. Then it stopped! Did it? Yes.')).toEqual(['It rained.', 'Then it stopped!', 'Did it?', 'Yes.']);
  });

  it.each([
    ['Mr. Kerry said so. He left.', ['Mr. Kerry said so.', 'He left.']],
    ['Gen. Votel spoke. Dr. No listened.', ['Gen. Votel spoke.', 'Dr. No listened.']],
    ['U.N. Secretary-General Ban Ki-moon said he would meet the U.S. Secretary of State.', ['U.N. Secretary-General Ban Ki-moon said he would meet the U.S. Secretary of State.']],
    ['He moved to Washington, D.C. Officials welcomed him.', ['He moved to Washington, D.C. Officials welcomed him.']],
    ['They met in the U.S. The talks failed.', ['They met in the U.S.', 'The talks failed.']],
    ['John F. Kennedy was president. It was 1961.', ['John F. Kennedy was president.', 'It was 1961.']],
    ['It opened on Jan. 5 in Paris. Crowds came.', ['It opened on Jan. 5 in Paris.', 'Crowds came.']],
  ])('keeps abbreviations inside sentences: %s', (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('keeps closing quotation marks with their sentence', () => {
    expect(sentences('“We won.” The crowd cheered.')).toEqual(['“We won.”', 'The crowd cheered.']);
  });

  it('does not split before a lowercase word', () => {
    expect(sentences('“Why?” he asked. Nobody knew.')).toEqual(['“Why?” he asked.', 'Nobody knew.']);
  });

  it('returns offsets into the original text', () => {
    const text = 'Intro.\n\nFirst one. Second one.';
    const [para] = splitParagraphs(text).slice(1);
    expect(para?.sentences.map((s) => text.slice(s.start, s.end))).toEqual(['First one.', 'Second one.']);
  });

  it('handles a long run without punctuation in one sentence', () => {
    const text = 'word '.repeat(40_000);
    const spans = splitSentenceSpans(text);
    expect(spans).toHaveLength(1);
    expect(spans[0]).toEqual({ start: 0, end: text.length - 1 });
  });
});
