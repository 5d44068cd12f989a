// The anchoring on adversarial text (complements anchoring-properties.test.ts, whose texts are
// prose from a small vocabulary): invisible and bidi characters, lone surrogates, CRLF and U+2028,
// trap texts of 100,000 characters. Unchanged text: every span comes back exactly. Edited text or
// a stale position: the right place, a place no selector can tell apart, or an orphan; never an
// internal failure. Shared targets: testing/arbitraries/fuzz-targets.ts.

import { describe, expect, it } from 'vitest';
import { anchor, anchorAll, describeSpan } from '@/lib/anchoring';
import { assertTarget, FUZZ_TARGETS } from '../../testing/arbitraries/fuzz-targets';
import { TRAP_FAMILIES, TRAP_NAMES } from '../../testing/arbitraries/fuzz-arbitraries';

/** Not a time budget (those live in `npm run fuzz`): room for a few hundred cases on a busy 2-core machine. */
const LOADED_MACHINE_TIMEOUT = 60_000;

const target = (name: string) => FUZZ_TARGETS.find((t) => t.name === name)!;

describe('anchoring on adversarial text', { timeout: LOADED_MACHINE_TIMEOUT }, () => {
  it.each(TRAP_NAMES)('%s (100,000 characters): notes at the start, middle and end come back exactly', (family) => {
    const text = TRAP_FAMILIES[family]!(100_000);
    const spans = [0, text.length >> 1, text.length - 20].map((start) => [start, start + 20] as const);
    const results = anchorAll(text, spans.map(([start, end]) => ({ target: { selector: describeSpan(text, start, end) } })));
    expect(results.map((r) => (r.status === 'anchored' ? [r.start, r.end] : r.status))).toEqual(spans);
  });

  it('a quote that ends in a zero-width joiner comes back whole when found by its text', () => {
    // Normalising drops U+200D; the match used to map back one character short (1..3).
    const text = '\u202c\n「\u200d\r\nadded “Mrs. ‘the I ;,’ he told Reuters.';
    const [quote] = describeSpan(text, 1, 4);
    expect(anchor(text, [quote])).toMatchObject({ status: 'anchored', start: 1, end: 4, method: 'quote' });
    expect(anchor(`x${text}`, [quote, { type: 'TextPositionSelector', start: 1, end: 4 }])).toMatchObject({ status: 'anchored', start: 2, end: 5 });
    const [wrapped] = describeSpan('ab \u200bword\u200b cd', 3, 9);
    expect(anchor('ab \u200bword\u200b cd', [wrapped])).toMatchObject({ status: 'anchored', start: 3, end: 9 });
  });

  it('every span of an unchanged text comes back exactly (300 cases)', async () => {
    await assertTarget(target('anchoring: every span of an unchanged text comes back exactly'), { seed: 8_101, numRuns: 300 });
  });

  it('spans in trap texts come back exactly (40 cases)', async () => {
    await assertTarget(target('anchoring: spans in trap texts come back exactly'), { seed: 8_102, numRuns: 40 });
  });

  it('anchorAll brings back every span of an unchanged text (100 cases)', async () => {
    await assertTarget(target('anchoring: anchorAll brings back every span of an unchanged text'), { seed: 8_103, numRuns: 100 });
  });

  it('a quote without its position: where it was, at a twin, or an orphan (200 cases)', async () => {
    await assertTarget(target('anchoring: a quote without its position is found where it was, at a twin, or orphaned'), { seed: 8_104, numRuns: 200 });
  });

  it('a stale position never leads to a wrong place (200 cases)', async () => {
    await assertTarget(target('anchoring: a stale position never leads to a wrong place'), { seed: 8_105, numRuns: 200 });
  });

  it('after an insertion elsewhere: shifted, at a twin, or an orphan (200 cases)', async () => {
    await assertTarget(target('anchoring: after an insertion elsewhere the span is shifted, at a twin, or orphaned'), { seed: 8_106, numRuns: 200 });
  });

  it('garbage selectors give an answer, never an internal failure (200 cases)', async () => {
    await assertTarget(target('anchoring: garbage selectors give an answer, never an internal failure'), { seed: 8_107, numRuns: 200 });
  });
});
