import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { predictedTokenEntities, prf, readConll, scoreEntities, type ConllType, type Counts } from '../../scripts/eval/conll';
import { scoreKind, type KindScore, type PolnearArticle } from '../../scripts/eval/polnear';

describe('CoNLL scorer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lede-conll-'));
  const file = join(dir, 'mini.conll');
  writeFileSync(
    file,
    ['-DOCSTART- -X- O O', '', 'John NNP I-NP I-PER', 'Kerry NNP I-NP I-PER', 'visited VBD I-VP O', 'Moscow NNP I-NP I-LOC', '. . O O', ''].join('\r\n'),
  );

  it('reads IOB1 entities as token ranges, with CRLF line ends', () => {
    const [doc] = readConll(file);
    expect(doc!.text).toBe('John Kerry visited Moscow .');
    expect(doc!.gold).toEqual([
      { first: 0, last: 1, type: 'PER' },
      { first: 3, last: 3, type: 'LOC' },
    ]);
  });

  it('counts only exact span and type matches', () => {
    const [doc] = readConll(file);
    const counts = { PER: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 }, ORG: { tp: 0, fp: 0, fn: 0 } } as Record<ConllType, Counts>;
    const predicted = predictedTokenEntities(doc!, [
      { type: 'person', mentions: [{ start: 5, end: 10 }] }, // "Kerry" alone: wrong span
      { type: 'place', mentions: [{ start: 19, end: 25 }] }, // "Moscow": right
    ]);
    scoreEntities(doc!.gold, predicted, counts);
    expect(counts.LOC).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(counts.PER).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(prf(counts.LOC).f).toBe(1);
  });
});

describe('PolNeAR scorer', () => {
  const text = '“We will win,” Smith said. Jones said the plan failed.';
  const article: PolnearArticle = {
    name: 'mini',
    text,
    attributions: [
      { content: { start: 0, end: 14 }, source: 'Smith', direct: true },
      { content: { start: 38, end: 53 }, source: 'Jones', direct: false },
    ],
  };
  const empty = (): KindScore => ({ gold: 0, predicted: 0, matched: 0, predictedRight: 0, speakerChecked: 0, speakerRight: 0 });

  it('matches spans by character coverage and checks the speaker by surname', () => {
    const direct = empty();
    scoreKind(article, [{ start: 1, end: 12, kind: 'direct', speaker: { name: 'Anna Smith' } }], true, direct);
    expect(direct).toEqual({ gold: 1, predicted: 1, matched: 1, predictedRight: 1, speakerChecked: 1, speakerRight: 1 });
  });

  it('does not count a span of the wrong kind or a short fragment', () => {
    const reported = empty();
    scoreKind(article, [{ start: 1, end: 12, kind: 'direct', speaker: null }, { start: 38, end: 42, kind: 'reported', speaker: null }], false, reported);
    expect(reported.matched).toBe(0);
    expect(reported.predictedRight).toBe(1); // the fragment lies inside gold content
    expect(reported.predicted).toBe(1);
  });
});
