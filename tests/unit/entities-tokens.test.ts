// The tokenizer under entity recognition: abbreviations, hyphens, possessives, sentence starts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerCase } from '../../lib/analysis/lower-case';
import { tokenize } from '../../lib/analysis/tokens';

function words(text: string): string[] {
  return tokenize(text).map((t) => t.text);
}

describe('tokenize', () => {
  it.each([
    ['the U.S. slammed the door.', ['the', 'U.S.', 'slammed', 'the', 'door', '.']],
    ['Mr. Kerry said.', ['Mr.', 'Kerry', 'said', '.']],
    ['CIA-vetted rebels', ['CIA', '-', 'vetted', 'rebels']],
    ['a post-Cold War upturn', ['a', 'post', '-', 'Cold', 'War', 'upturn']],
    ['the U.S.-Russia relationship', ['the', 'U.S.', '-', 'Russia', 'relationship']],
    ['Ban Ki-moon and Bashar al-Assad', ['Ban', 'Ki-moon', 'and', 'Bashar', 'al-Assad']],
    ['a long-suffering land', ['a', 'long-suffering', 'land']],
    ['Assad-regime targets', ['Assad', '-', 'regime', 'targets']],
    ['Lee Jae-myung and Gaza-bound ships', ['Lee', 'Jae-myung', 'and', 'Gaza', '-', 'bound', 'ships']],
    ['Moscow’s influence and Russia\'s', ['Moscow', '’s', 'influence', 'and', 'Russia', "'s"]],
    ['George W. Bush', ['George', 'W.', 'Bush']],
    ['the Vellmore-St. Anne area', ['the', 'Vellmore-St.', 'Anne', 'area']],
  ])('splits %j', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it('carries each token in lower case for the later stages', () => {
    const text = 'ÖSEL and the U.S. said İstanbul’s CIA-vetted';
    for (const t of tokenize(text)) expect(t.lower).toBe(t.text.toLowerCase());
    expect(tokenize('KERRY Said')[1]!.lower).toBe('said');
  });

  it('gives UTF-16 offsets that slice back to each token', () => {
    const text = '“Were largely” — said Ms. Ösel in Zürich, 😀 Kaynak/Source:';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('marks sentence starts after periods, line breaks and opening quotes, not after abbreviations', () => {
    const tokens = tokenize('He met U.S. officials. Speaking later,\nWhile there “We agreed” Kaynak/Source');
    const starts = tokens.filter((t) => t.sentenceStart).map((t) => t.text);
    expect(starts).toEqual(['He', 'Speaking', 'While', 'We']);
  });

  it('counts line breaks before a token', () => {
    const tokens = tokenize('now\n\nat Stanford\nUniversity');
    expect(tokens.map((t) => t.breakBefore)).toEqual([0, 2, 0, 1]);
  });

  it('flags headlines in capitals, not ordinary sentences', () => {
    const caps = tokenize('U.S. SEEKS TO REDRAW TIES WITH RUSSIA\n\nKerry met the CIA and NATO in Geneva.');
    expect(caps.filter((t) => t.inCapsSentence).map((t) => t.text)).toEqual(['U.S.', 'SEEKS', 'TO', 'REDRAW', 'TIES', 'WITH', 'RUSSIA']);
  });

  it('returns no tokens for empty or blank text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\t ')).toEqual([]);
  });
});

describe('lowerCase', () => {
  it('lower-cases as String.prototype.toLowerCase does, returning ASCII lower-case words as they are', () => {
    for (const w of ['said', 'Kerry', 'U.S.', 'ÉTAT', 'Zürich', 'o’rourke', 'İstanbul', '', '1996']) expect(lowerCase(w)).toBe(w.toLowerCase());
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 16 }), (w) => lowerCase(w) === w.toLowerCase()));
  });
});

describe('token casing with letters beyond ASCII', () => {
  it('calls a word all capitals when it has two letters or more and none in lower case, whatever its script', () => {
    for (const [word, caps] of [['ÉTAT', true], ['État', false], ['ΑΘΗΝΑ', true], ['Αθήνα', false], ['’s', false], ['Ü', false], ['A𝐁', true], ['A𝐚', false]] as const) {
      expect(tokenize(word)[0]!.isAllCaps, word).toBe(caps);
    }
    const reference = (w: string): boolean => !/\p{Ll}/u.test(w) && (w.match(/\p{L}/gu)?.length ?? 0) >= 2;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('A', 'z', 'É', 'é', 'Σ', 'σ', '’', '1', '𝐀', '𝐚', 'ß', 'ǅ', '\u0301'), minLength: 1, maxLength: 6 }), (text) => {
        for (const t of tokenize(text)) if (t.isWord) expect(t.isAllCaps, t.text).toBe(reference(t.text));
      }),
      { numRuns: 1000 },
    );
  });
});
