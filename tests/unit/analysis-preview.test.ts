// A long article's opening is analysed and shown first; the whole text's analysis follows and is
// what stays: the end state is exactly the analysis of the whole text.
import { describe, expect, it } from 'vitest';
import { PREVIEW_TARGET_LENGTH, previewEnd, showProgressively } from '@/lib/page/session/analysis-preview';
import { analyzeText } from '@/lib/analysis/analyze';
import type { Analysis } from '@/lib/analysis/types';

const PARAGRAPHS = [
  'Secretary of State John Kerry met Sergei Lavrov in Geneva on Monday, officials said.',
  '“We are close to an agreement,” Mr. Kerry told reporters after the talks at the Intercontinental hotel.',
  'Lavrov, Russia’s foreign minister, said Moscow wanted guarantees from Washington before any ceasefire.',
  'The United Nations envoy, Staffan de Mistura, said the talks would resume in Vienna next week.',
  'Kerry later flew to London, where he met Prime Minister Theresa May at Downing Street.',
];
/** About 4,000 characters in short paragraphs. */
const LONG_TEXT = Array.from({ length: 10 }, () => PARAGRAPHS).flat().join('\n\n');

describe('previewEnd', () => {
  it('ends the preview at the last paragraph break before the target', () => {
    const end = previewEnd(LONG_TEXT)!;
    expect(end).toBeLessThanOrEqual(PREVIEW_TARGET_LENGTH);
    expect(LONG_TEXT.slice(end, end + 2)).toBe('\n\n');
    expect(LONG_TEXT.indexOf('\n\n', end + 2)).toBeGreaterThan(PREVIEW_TARGET_LENGTH);
  });

  it('takes the first break after the target when the first paragraph is longer', () => {
    const text = `${'word '.repeat(400)}\n\n${'more '.repeat(400)}`;
    expect(previewEnd(text)).toBe(text.indexOf('\n\n'));
  });

  it('gives no preview for a short text, or one without a break in its first half', () => {
    expect(previewEnd(PARAGRAPHS.join('\n\n'))).toBeNull();
    expect(previewEnd('word '.repeat(1000))).toBeNull();
    expect(previewEnd(`${'word '.repeat(900)}\n\n${'more '.repeat(100)}`)).toBeNull();
  });
});

/** Records the order of requests and what was shown; `analyze` may be swapped for a failing one. */
function recorder(analyze: (text: string, preview: boolean) => Promise<Analysis> = async (text) => analyzeText(text)) {
  const requests: { length: number; preview: boolean }[] = [];
  const shown: { kind: string; analysis: Analysis }[] = [];
  return {
    requests,
    shown,
    steps: {
      analyze: async (text: string, preview: boolean) => {
        requests.push({ length: text.length, preview });
        return { analysis: await analyze(text, preview), whole: !preview };
      },
      show: async (analysis: Analysis, kind: 'preview' | 'whole') => (shown.push({ kind, analysis }), true),
    },
  };
}

describe('showProgressively', () => {
  it('shows the opening first, then the whole, which is the same as analysing the whole at once', async () => {
    const r = recorder();
    expect(await showProgressively(LONG_TEXT, r.steps)).toBe(true);
    expect(r.requests).toEqual([{ length: previewEnd(LONG_TEXT), preview: true }, { length: LONG_TEXT.length, preview: false }]);
    expect(r.shown.map((s) => s.kind)).toEqual(['preview', 'whole']);
    expect(r.shown[0]!.analysis).toEqual(analyzeText(LONG_TEXT.slice(0, previewEnd(LONG_TEXT)!)));
    expect(r.shown[0]!.analysis.entities.length).toBeGreaterThan(0);
    expect(r.shown.at(-1)!.analysis).toEqual(analyzeText(LONG_TEXT));
  });

  it('asks for the whole once the opening is answered, and shows the opening while the whole is analysed', async () => {
    let answerWhole!: () => void;
    const gate = new Promise<void>((resolve) => (answerWhole = resolve));
    const r = recorder(async (text, preview) => (preview ? analyzeText(text) : (await gate, analyzeText(text))));
    const done = showProgressively(LONG_TEXT, r.steps);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(r.requests.map((q) => q.preview)).toEqual([true, false]);
    expect(r.shown.map((s) => s.kind)).toEqual(['preview']);
    answerWhole();
    await done;
    expect(r.shown.map((s) => s.kind)).toEqual(['preview', 'whole']);
  });

  it('analyses a short text once', async () => {
    const r = recorder();
    const text = PARAGRAPHS.join('\n\n');
    await showProgressively(text, r.steps);
    expect(r.requests).toEqual([{ length: text.length, preview: false }]);
    expect(r.shown).toEqual([{ kind: 'whole', analysis: analyzeText(text) }]);
  });

  it('shows the answer to the opening once, as the whole, when the background answered it with the whole text', async () => {
    const r = recorder();
    const steps = {
      ...r.steps,
      analyze: async (text: string, preview: boolean) =>
        preview ? { analysis: analyzeText(LONG_TEXT), whole: true } : r.steps.analyze(text, preview),
    };
    expect(await showProgressively(LONG_TEXT, steps)).toBe(true);
    expect(r.shown).toEqual([{ kind: 'whole', analysis: analyzeText(LONG_TEXT) }]);
    // Nothing more was asked: the whole text is not sent again.
    expect(r.requests).toEqual([]);
  });

  it('waits for the whole when the preview fails, and rejects when the whole fails', async () => {
    const noPreview = recorder(async (text, preview) => (preview ? Promise.reject(new Error('refused')) : analyzeText(text)));
    await showProgressively(LONG_TEXT, noPreview.steps);
    expect(noPreview.shown.map((s) => s.kind)).toEqual(['whole']);

    const noWhole = recorder(async (text, preview) => (preview ? analyzeText(text) : Promise.reject(new Error('gone'))));
    await expect(showProgressively(LONG_TEXT, noWhole.steps)).rejects.toThrow('gone');
    expect(noWhole.shown.map((s) => s.kind)).toEqual(['preview']);
  });
});
