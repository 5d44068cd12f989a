// The tagger on text it never saw: train on the first documents of eng.train, score on the rest.
// Both the weights and the word lists behind the gazetteer features come from the training part
// only, so nothing of the held-out documents leaks in. Used by `npm run eval`.
import { markHeadingLines } from '../../lib/analysis/entities-candidates';
import { spansFromTags, tagTokens } from '../../lib/analysis/tagger';
import type { TaggerLexicon } from '../../lib/analysis/tagger-features';
import { parseTaggerModel, type TaggerModel } from '../../lib/analysis/tagger-model';
import { tokenize } from '../../lib/analysis/tokens';
import { buildLists, countNewsWords, listsLexicon, readSentences, worldPlaces } from '../train-lists';
import { crossFoldDocuments, TAGGER_OPTIONS, trainTagger } from '../train-tagger';
import { CONLL_TYPES, readConll, scoreEntities, type ConllDocument, type ConllType, type Counts, type TokenEntity } from './conll';

export function emptyCounts(): Record<ConllType, Counts> {
  return Object.fromEntries(CONLL_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<ConllType, Counts>;
}

/** Scores the tagger alone (no rules, no linking) on CoNLL documents. */
export function scoreTagger(docs: ConllDocument[], model: TaggerModel, lexicon: TaggerLexicon, into: Record<ConllType, Counts>): void {
  for (const doc of docs) {
    const tokens = tokenize(doc.text);
    markHeadingLines(tokens);
    const byStart = new Map(doc.tokens.map((t, i) => [t.start, i]));
    const byEnd = new Map(doc.tokens.map((t, i) => [t.end, i]));
    const predicted: TokenEntity[] = [];
    for (const s of spansFromTags(tagTokens(tokens, model, lexicon))) {
      if (s.type === 'MISC') continue;
      predicted.push({ first: byStart.get(tokens[s.first]!.start) ?? -1, last: byEnd.get(tokens[s.last]!.end) ?? -1, type: s.type });
    }
    scoreEntities(doc.gold, predicted, into);
  }
}

export interface HeldOutResult {
  trainDocs: number;
  testDocs: number;
  counts: Record<ConllType, Counts>;
  /** The same model and lists on other documents (eng.testa), to tell a hard slice from a weak model. */
  otherCounts: Record<ConllType, Counts>;
}

/** Trains on documents [0, split) of eng.train with `npm run train`'s settings; scores on [split, end) and on `other`. */
export function heldOutTaggerScore(trainPath: string, newsDir: string, split: number, other: ConllDocument[]): HeldOutResult {
  const conll = readConll(trainPath);
  const sentences = readSentences(trainPath);
  const news = countNewsWords(newsDir);
  const world = worldPlaces();
  const model = parseTaggerModel(trainTagger(crossFoldDocuments(conll, sentences, news, world, split), TAGGER_OPTIONS));
  const lexicon = listsLexicon(buildLists(sentences.filter((s) => s.doc < split), news, world));
  const counts = emptyCounts();
  scoreTagger(conll.slice(split), model, lexicon, counts);
  const otherCounts = emptyCounts();
  scoreTagger(other, model, lexicon, otherCounts);
  return { trainDocs: split, testDocs: conll.length - split, counts, otherCounts };
}
