// The hashed features of the learned attribution models (attribution-feature-hashes.ts) against their string
// forms (attribution-features.ts, which the trainers read): every feature's hash equals the hash of its string,
// and a model scores both alike, to the last bit, on every token, end, start and span pair of invented sentences.
import { describe, expect, it } from 'vitest';
import cueModel from '../../lib/model/attribution.json';
import spanModel from '../../lib/model/attribution-spans.json';
import { cueFeatures, endFeatures, MAX_START_OFFSET, startFeatures, stem, wordsAfterEach, type EntityTypeOf } from '../../lib/analysis/attribution-features';
import { cueFeatureHashes, endFeatureHashes, startFeatureHashes } from '../../lib/analysis/attribution-feature-hashes';
import { FeatureHashes, hashPart, HashedWeights } from '../../lib/analysis/attribution-hash';
import { pairFeatureHashes, scoringSpanFeatures, spanBaseHashes, spanCandidates, spanCandidatesWith, type SpanFeaturizer } from '../../lib/analysis/attribution-spans';
import { tokenize, type Token } from '../../lib/analysis/quote-tokens';

const SENTENCES = [
  'Jane Doe believes the harbor contracts were rigged from the start, but offered no proof on Tuesday.',
  'He said that the plan, if approved, would cost $4.5 million over 12 years.',
  'The union’s leaders have also repeatedly warned reporters on Monday in Ohio that wages won’t rise.',
  'Analysts expect the number of electric buses for sale in the state to triple by 2030 | a record.',
  'Critics called for an inquiry; the ministry, according to officials, denied it - while 3 others (unnamed) questioned whether it mattered.',
  '“We’re not done,” she told The Times, insisting the talks were going well.',
  'said',
  'They who argue it spied on them are wrong, the IBM spokesman argued again.',
];

/** The reference: a model's weights summed over string features, in their order. */
const maps = new Map<Record<string, number>, Map<string, number>>();
const tables = new Map<Record<string, number>, HashedWeights>();

function stringScore(weights: Record<string, number>, feats: readonly string[], start = 0): number {
  let map = maps.get(weights);
  if (!map) maps.set(weights, (map = new Map(Object.entries(weights))));
  let z = start;
  for (const f of feats) z += map.get(f) ?? 0;
  return z;
}

function expectSame(strings: readonly string[], hashes: FeatureHashes, models: Record<string, number>[]): void {
  expect(hashes.n).toBe(strings.length);
  strings.forEach((f, k) => {
    const part = hashPart(f);
    expect([hashes.a[k], hashes.b[k]], f).toEqual([part.h1, part.h2]);
  });
  for (const weights of models) {
    let table = tables.get(weights);
    if (!table) tables.set(weights, (table = new HashedWeights(Object.entries(weights), 'test')));
    expect(table.score(hashes)).toBe(stringScore(weights, strings));
  }
}

const typeOf: EntityTypeOf = (t: Token) => (t.text === 'Jane' || t.text === 'Doe' ? 'person' : t.text === 'IBM' ? 'organization' : '');

describe('hashed attribution features', () => {
  it('equal the string features of every token, with the same cue scores', () => {
    const out = new FeatureHashes(4); // grows as it fills
    let scored = 0;
    for (const text of SENTENCES) {
      const tokens = tokenize(text, 0, text.length);
      const after = wordsAfterEach(tokens);
      for (let i = 0; i < tokens.length; i++) {
        const strings = cueFeatures(tokens, i, after[i] as number, typeOf);
        expectSame(strings, cueFeatureHashes(tokens, i, after[i] as number, typeOf, out), [cueModel.last, cueModel.inside, spanModel.weights]);
        if (stringScore(cueModel.last, strings) !== 0) scored++;
      }
    }
    expect(scored).toBeGreaterThan(20);
  });

  it('equal the string features of every content end and start', () => {
    const out = new FeatureHashes();
    for (const text of SENTENCES) {
      const tokens = tokenize(text, 0, text.length);
      const after = wordsAfterEach(tokens);
      for (let from = 0; from < tokens.length; from++) {
        for (const cue of ['said', 'warned', 'questioned', tokens[from]?.lower ?? '']) {
          const cueStem = hashPart(stem(cue));
          let commas = 0;
          for (let j = from + 1; j <= tokens.length; j++) {
            if ((tokens[j - 1] as Token).text === ',') commas++;
            const words = j < tokens.length ? (after[j] as number) + ((tokens[j] as Token).isWord ? 1 : 0) : 0;
            expectSame(endFeatures(tokens, from, j, cue), endFeatureHashes(tokens, from, j, cueStem, words, j < tokens.length ? commas : 0, out), [cueModel.end]);
          }
        }
        for (let k = from + 1; k < tokens.length && k <= from + 1 + MAX_START_OFFSET; k++) {
          expectSame(startFeatures(tokens, from, k), startFeatureHashes(tokens, from, k, out), [cueModel.start]);
        }
      }
    }
  });

  it('equal the string features of every span pair, with the same pair scores', () => {
    const cues = new Map(Object.entries(spanModel.cues));
    const weights = new HashedWeights(Object.entries(spanModel.weights), 'spans');
    const bias = spanModel.weights.b ?? 0;
    // Each pair's feature hashes kept, to hold them against the strings one by one.
    const hashing: SpanFeaturizer<FeatureHashes, FeatureHashes> = {
      base: (_tokens, _c, _after, _typeOf, hashes, cueBin, speaker) => spanBaseHashes(hashes, cueBin, speaker, new FeatureHashes()),
      pair: (tokens, counts, c, from, to, trailing, speaker, cueBin, agree, endRank) =>
        pairFeatureHashes(tokens, counts, c, from, to, trailing, speaker, cueBin, agree, endRank, new FeatureHashes()),
    };
    const scoring = scoringSpanFeatures(weights, bias);
    let pairs = 0;
    for (const text of SENTENCES) {
      const tokens = tokenize(text, 0, text.length);
      for (const speakerOf of [(): string => 'person', (c: number): string => (c % 2 ? 'pronoun' : '')]) {
        const strings = spanCandidates(tokens, cues, typeOf, speakerOf);
        const hashed = spanCandidatesWith(hashing, tokens, cues, typeOf, speakerOf);
        const scored = spanCandidatesWith(scoring, tokens, cues, typeOf, speakerOf);
        const where = (cands: { cue: number; from: number; to: number; trailing: boolean }[]): unknown[] => cands.map(({ cue, from, to, trailing }) => [cue, from, to, trailing]);
        expect(where(hashed)).toEqual(where(strings));
        expect(where(scored)).toEqual(where(strings));
        strings.forEach((cand, k) => {
          expectSame(cand.base, hashed[k]!.base, []);
          expectSame(cand.feats, hashed[k]!.feats, []);
          // As the span model sums them: the bias, the cue's features, then the pair's.
          expect(scored[k]!.base).toBe(stringScore(spanModel.weights, cand.base, bias));
          expect(scored[k]!.feats).toBe(stringScore(spanModel.weights, [...cand.base, ...cand.feats], bias));
          pairs++;
        });
      }
    }
    expect(pairs).toBeGreaterThan(20);
  });

  it('refuses a model in which two features share one hash', () => {
    expect(() => new HashedWeights([['w=said', 1], ['w=said', 2]], 'twice')).toThrow(/"w=said" and "w=said" have one hash/);
    expect(new HashedWeights([['w=said', 1], ['w=says', 2]], 'two').get(hashPart('w=says').h1, hashPart('w=says').h2)).toBe(2);
  });
});
