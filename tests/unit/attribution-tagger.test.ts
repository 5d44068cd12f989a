// The reported-speech sequence tagger (attribution-tagger.ts, attribution-tagger-model.ts) and its place in
// findQuotes: it reads sentences the patterns, the cue model and the span model leave alone.
import { describe, expect, it } from 'vitest';
import json from '../../lib/model/attribution-tagger.json';
import {
  contentRuns, L_B, L_CUE, L_I, L_O, L_SRC, LABEL_COUNT, loadTaggerModel, sentenceFeatures, STATIC_FEATS, tagSentence, wordHash,
} from '../../lib/analysis/attribution-tagger';
import { TAGGER_THRESHOLD, taggedAttributions, taggerSettings } from '../../lib/analysis/attribution-tagger-model';
import { CUE_THRESHOLD, cueModelSettings } from '../../lib/analysis/attribution-model';
import { SPAN_THRESHOLD, spanModelSettings } from '../../lib/analysis/attribution-span-model';
import { tokenize, type Token } from '../../lib/analysis/quote-tokens';
import { MentionIndex } from '../../lib/analysis/speakers';
import { extraReportedReader } from '../../lib/analysis/quotes';
import { entityFromForms, readableQuotes, type ReadableQuote } from '../../testing/fixtures/quotes-fixtures';

function people(text: string) {
  return [
    entityFromForms(text, 'person', 'Jane Doe', ['Jane Doe', 'Ms. Doe']),
    entityFromForms(text, 'person', 'John Smith', ['John Smith', 'Mr. Smith']),
  ];
}

/** findQuotes with the cue model and the span model off and the tagger at `threshold`: what the tagger adds. */
function taggerQuotes(text: string, threshold: number): ReadableQuote[] {
  cueModelSettings.threshold = 2;
  spanModelSettings.threshold = 2;
  taggerSettings.threshold = threshold;
  extraReportedReader.read = taggedAttributions;
  try {
    return readableQuotes(text, people(text));
  } finally {
    cueModelSettings.threshold = CUE_THRESHOLD;
    spanModelSettings.threshold = SPAN_THRESHOLD;
    taggerSettings.threshold = TAGGER_THRESHOLD;
    extraReportedReader.read = null;
  }
}

function tagged(text: string): { content: string; speaker: string | null }[] {
  const tokens = tokenize(text, 0, text.length);
  return taggedAttributions(text, tokens, new MentionIndex(text, people(text)), 0).map((t) => ({
    content: text.slice(t.contentStart, t.contentEnd),
    speaker: t.slot ? text.slice(t.slot.source.start, t.slot.source.end) : null,
  }));
}

describe('contentRuns', () => {
  it('opens a run at B, or at an I after a label that is no content, and closes it at any other label', () => {
    const labels = new Uint8Array([L_SRC, L_CUE, L_B, L_I, L_I, L_O, L_I, L_I, L_B, L_I, L_CUE]);
    const margins = new Float32Array([-1, -1, 2, 4, 6, -1, 1, 3, 5, 5, -1]);
    expect(contentRuns({ labels, margins })).toEqual([
      { from: 2, to: 5, confidence: 4 },
      { from: 6, to: 8, confidence: 2 },
      { from: 8, to: 10, confidence: 5 },
    ]);
  });
});

describe('the tagger model', () => {
  it('reads the same word the same way with a straight or a curly apostrophe', () => {
    expect(wordHash('don’t')).toBe(wordHash("don't"));
    expect(wordHash('said')).not.toBe(wordHash('says'));
  });

  it('decodes one signed weight per bucket and label, on a square-root scale', () => {
    const bytes = new Int8Array([0, 10, -10, 127, -127]);
    const model = loadTaggerModel({ bits: 0, scale: 10, weights: Buffer.from(bytes.buffer).toString('base64'), cues: { said: 4 } });
    expect(Array.from(model.weights)).toEqual([0, 1, -1, 1.27 ** 2 * 100, -(1.27 ** 2) * 100].map((x) => Math.fround(x)));
    expect(model.cueBins.get(wordHash('said'))).toBe(4);
  });

  it('reads a fixed number of features per token', () => {
    const model = loadTaggerModel(json);
    expect(model.weights.length).toBe((1 << model.bits) * LABEL_COUNT);
    const text = 'Jane Doe said the harbor fees would rise.';
    const tokens = tokenize(text, 0, text.length);
    expect(sentenceFeatures(tokens, model.cueBins, () => 0).feats.length).toBe(tokens.length * STATIC_FEATS);
  });

  it('tags the cue, the source and the clause a speech verb introduces', () => {
    const model = loadTaggerModel(json);
    const text = 'Jane Doe said the harbor authority will raise its fees next spring.';
    const tokens = tokenize(text, 0, text.length);
    const { labels } = tagSentence(model, sentenceFeatures(tokens, model.cueBins, () => 0), tokens.length);
    const at = (word: string): number => labels[tokens.findIndex((t: Token) => t.text === word)] as number;
    expect(at('Doe')).toBe(L_SRC);
    expect(at('said')).toBe(L_CUE);
    expect([L_B, L_I]).toContain(at('authority'));
    expect([L_B, L_I]).toContain(at('spring'));
    expect(at('.')).toBe(L_O);
  });
});

describe('reported speech from the tagger', () => {
  it('finds beliefs no hand list names, with the cue\'s speaker', () => {
    expect(tagged('The mayor doubts that the harbor authority will raise its fees next spring.')).toEqual([
      { content: 'that the harbor authority will raise its fees next spring', speaker: 'The mayor' },
    ]);
    expect(tagged('The mayor knows that the harbor authority will raise its fees next spring.')).toEqual([
      { content: 'that the harbor authority will raise its fees next spring', speaker: 'The mayor' },
    ]);
  });

  it('finds nothing in plain narration', () => {
    expect(tagged('The weather was cold and the streets were empty on Sunday.')).toEqual([]);
    expect(tagged('The council approved the budget on Tuesday after a long debate.')).toEqual([]);
  });

  it('adds its runs to findQuotes where nothing else reads the sentence, above its threshold only', () => {
    const text = 'The mayor thinks that the new bridge will be finished by the end of next year.';
    expect(taggerQuotes(text, 0)).toMatchObject([{ kind: 'reported', text: 'that the new bridge will be finished by the end of next year', cue: 'thinks' }]);
    expect(taggerQuotes(text, 1e7)).toEqual([]);
    // Switched off by default (see TAGGER_THRESHOLD).
    expect(taggerQuotes(text, TAGGER_THRESHOLD)).toEqual([]);
  });

  it('leaves sentences with quotation marks to the quote finder', () => {
    const text = 'The mayor thinks that the new bridge will be “finished by the end of next year.”';
    expect(taggerQuotes(text, 0).filter((q) => q.kind === 'reported')).toEqual([]);
  });
});
