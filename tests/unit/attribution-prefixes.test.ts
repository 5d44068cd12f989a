// The character-prefix table the cue scorers test a word against before looking it up (attribution-features.ts):
// it must admit every listed word and every inflection whose stem is listed, or a cue would go unseen.
import { describe, expect, it } from 'vitest';
import { endFeatures, endFeaturesCounted, prefixKey, startFeatures, stem, stemPrefixTable } from '../../lib/analysis/attribution-features';
import { cueShare } from '../../lib/analysis/attribution-spans';
import { tokenize } from '../../lib/analysis/quote-tokens';

describe('stemPrefixTable', () => {
  const listed = ['say', 'spy', 'warn', 'deny', 'tell', 'report', 'ok', 'don\'t'];
  const table = stemPrefixTable(listed);

  it('admits every listed word and every inflection that stems to one', () => {
    const forms = ['say', 'says', 'spy', 'spied', 'spies', 'warn', 'warned', 'warning', 'warns', 'deny', 'denied', 'denies', 'tell', 'tells', 'reported', 'reporting', 'reports', 'ok', 'don’t'];
    for (const w of forms) {
      const base = w.replace(/\u2019/g, "'");
      expect(listed.includes(base) || listed.includes(stem(base)), w).toBe(true);
      expect(table[prefixKey(w)], w).toBe(1);
    }
  });

  it('turns away words that share no first three letters with the list', () => {
    for (const w of ['the', 'government', 'while', 'budget', 'of']) expect(table[prefixKey(w)], w).toBe(0);
  });
});

describe('cueShare', () => {
  it('finds a cue by its word or its stem and gives other words nothing', () => {
    const cues = new Map([['~spy', 0.25], ['warned', 0.5]]);
    const tokens = tokenize('Officials spied and warned the press.', 0, 37);
    const shares = tokens.map((_, i) => cueShare(tokens, i, cues));
    expect(shares).toEqual([0, 0.25, 0, 0.5, 0, 0, 0]);
  });

  it('gives a word seen before the same share again, and each cue table its own', () => {
    const first = new Map([['~warn', 0.5]]);
    const second = new Map([['warned', 0.75]]);
    const tokens = tokenize('She warned. They warned. He warns.', 0, 34);
    const warned = [1, 4];
    for (let round = 0; round < 2; round++) {
      expect(warned.map((i) => cueShare(tokens, i, first))).toEqual([0.5, 0.5]);
      expect(warned.map((i) => cueShare(tokens, i, second))).toEqual([0.75, 0.75]);
      expect(cueShare(tokens, 7, first)).toBe(0.5);
      expect(cueShare(tokens, 7, second)).toBe(0);
    }
  });
});

describe('startFeatures', () => {
  it('names the classes of the first four tokens between the cue and the content, however many there are', () => {
    const tokens = tokenize('He told reporters on Monday in Ohio that the plan works.', 0, 56);
    const k = tokens.findIndex((t) => t.lower === 'the');
    const feats = startFeatures(tokens, 1, k);
    expect(feats).toContain('btw=l.prep.C.prep');
    expect(feats).toContain('that=true|4-6');
    expect(feats).toContain('punct=false');
  });
});

describe('endFeaturesCounted', () => {
  it('given the words after and the commas before each end, reads every end as endFeatures does', () => {
    const s = 'The mayor said, if elected, he would cut taxes, but offered no plan on Tuesday.';
    const tokens = tokenize(s, 0, s.length);
    for (const from of [3, 4, 8]) {
      for (let j = from + 1; j <= tokens.length; j++) {
        const words = tokens.slice(j).filter((t) => t.isWord).length;
        const commas = tokens.slice(from, j).filter((t) => t.text === ',').length;
        expect(endFeaturesCounted(tokens, from, j, 'said', words, commas), `${from}-${j}`).toEqual(endFeatures(tokens, from, j, 'said'));
      }
    }
    expect(endFeatures(tokens, 4, 8, 'said')).toContain('open=sub|would|1');
  });
});
