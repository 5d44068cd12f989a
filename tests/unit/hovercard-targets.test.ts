// @vitest-environment happy-dom
// One painted target per highlighted span: what hover cards and keyboard navigation work from.
import { describe, expect, it } from 'vitest';
import type { Analysis } from '@/lib/analysis/types';
import type { TextSegment } from '@/lib/extract';
import { paintedTargets, rangesOfTargets, targetsInReadingOrder } from '@/lib/page/entities/painted-targets';

/** "John Kerry spoke.\n\nSyria." from <p>John <b>Kerry</b> spoke.</p><p>Syria.</p>. */
function fixture(): TextSegment[] {
  document.body.innerHTML = '<p>John <b>Kerry</b> spoke.</p><p>Syria.</p>';
  const [p1, p2] = [...document.querySelectorAll('p')];
  return [
    { start: 0, end: 5, node: p1!.firstChild as Text, nodeOffset: 0 },
    { start: 5, end: 10, node: p1!.querySelector('b')!.firstChild as Text, nodeOffset: 0 },
    { start: 10, end: 17, node: p1!.lastChild as Text, nodeOffset: 0 },
    { start: 19, end: 25, node: p2!.firstChild as Text, nodeOffset: 0 },
  ];
}

const ANALYSIS: Analysis = {
  entities: [
    { id: 'place:Syria', type: 'place', name: 'Syria', mentions: [{ start: 19, end: 24 }] },
    { id: 'person:John Kerry', type: 'person', name: 'John Kerry', mentions: [{ start: 0, end: 10 }, { start: 5, end: 10 }] },
  ],
  quotes: [{ start: 5, end: 17, kind: 'reported', speaker: { name: 'John Kerry', entityId: 'person:John Kerry' } }],
};

describe('paintedTargets', () => {
  it('maps every mention and quote to a Range over its words, keeping what it stands for', () => {
    const targets = paintedTargets(document, fixture(), ANALYSIS);
    expect(targets.map((t) => [t.kind, t.type, t.range.toString()])).toEqual([
      ['mention', 'place', 'Syria'],
      ['mention', 'person', 'John Kerry'],
      ['mention', 'person', 'Kerry'],
      ['quote', 'reported', 'Kerry spoke.'],
    ]);
    expect(targets[1]).toMatchObject({ entityId: 'person:John Kerry', start: 0, end: 10 });
    expect(targets[3]).toMatchObject({ quote: ANALYSIS.quotes[0] });
  });

  it('skips spans that map onto nothing, and spans whose text changed since extraction', () => {
    const segments = fixture();
    const analysis: Analysis = {
      entities: [{ id: 'place:X', type: 'place', name: 'X', mentions: [{ start: 17, end: 19 }, { start: 19, end: 24 }] }],
      quotes: [],
    };
    (segments[3]!.node as Text).data = 'S'; // the page rewrote "Syria." after extraction
    expect(paintedTargets(document, segments, analysis)).toEqual([]);
  });

  it('gives the painter the same Ranges, per type', () => {
    const targets = paintedTargets(document, fixture(), ANALYSIS);
    const ranges = rangesOfTargets(targets);
    expect(ranges.person).toEqual([targets[1]!.range, targets[2]!.range]);
    expect(ranges.place).toEqual([targets[0]!.range]);
    expect(ranges.reported).toEqual([targets[3]!.range]);
    expect(ranges.quote).toEqual([]);
    expect(ranges.organization).toEqual([]);
  });

  it('puts them in reading order for navigation, the enclosing span first', () => {
    const ordered = targetsInReadingOrder(paintedTargets(document, fixture(), ANALYSIS));
    expect(ordered.map((t) => `${t.start}-${t.end}`)).toEqual(['0-10', '5-17', '5-10', '19-24']);
  });
});
