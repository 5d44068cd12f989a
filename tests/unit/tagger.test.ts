// The averaged-perceptron tagger: its features, decoding, shipped model, and training code.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../lib/analysis/entities';
import { markHeadingLines } from '../../lib/analysis/entities-candidates';
import { gazetteerLexicon, gazetteerType, isWorldPlace, mayExtendGazetteerName } from '../../lib/analysis/gazetteer';
import { allowedAfter, spansFromTags, tagTokens } from '../../lib/analysis/tagger';
import { featReference, featureHash, hashString, hasLowercaseLetter, opensNothing, TAGS, wordShape, wordShapeHash, type TaggerLexicon } from '../../lib/analysis/tagger-features';
import { loadTaggerModel, parseTaggerModel } from '../../lib/analysis/tagger-model';
import { tokenize } from '../../lib/analysis/tokens';
import { readConllText } from '../../scripts/eval/conll';
import { taggerDocument, trainTagger } from '../../scripts/train-tagger';

const tag = (name: (typeof TAGS)[number]): number => TAGS.indexOf(name);

function spansOf(text: string): string[] {
  const tokens = tokenize(text);
  markHeadingLines(tokens);
  return spansFromTags(tagTokens(tokens, loadTaggerModel(), gazetteerLexicon)).map(
    (s) => `${s.type} ${tokens.slice(s.first, s.last + 1).map((t) => t.text).join(' ')}`,
  );
}

describe('tagger features', () => {
  it('describes word shapes with runs collapsed', () => {
    expect(wordShape('Kerry')).toBe('Xx');
    expect(wordShape('U.S.')).toBe('X.X.');
    expect(wordShape('1996-08-22')).toBe('d-d-d');
    expect(wordShape('McFaul')).toBe('XxXx');
    expect(wordShape('Zürich')).toBe('Xx');
  });

  it('hashes shapes without building them, to the same value', () => {
    for (const w of ['Kerry', 'U.S.', '1996-08-22', 'McFaul', 'Zürich', 'ÉTAT', '—']) expect(wordShapeHash(w)).toBe(hashString(wordShape(w)));
  });

  it('hashes features bit for bit as the byte-by-byte mixing does, for small, zero, negative and 32-bit values', () => {
    const value = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 255 }), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), value, value, value, (template, a, b, c) => {
        expect(featureHash(template, a, b, c)).toBe(featReference(template, a, b, c));
        expect(featureHash(template, a, b)).toBe(featReference(template, a, b));
        expect(featureHash(template, a)).toBe(featReference(template, a));
      }),
      { numRuns: 2000 },
    );
  });

  it("answers the cover loop's three gazetteer questions in one lookup as they are answered one by one", () => {
    const names = ['Russia', 'New', 'New York', 'New York City', 'Interfax', 'Syrian', 'United', 'United States', 'U.S.', 'Kerry', 'the', 'Xqzt Blorp', 'European Union', 'Côte d’Ivoire'];
    const check = (name: string): void => {
      expect(gazetteerLexicon.coverStep!(name)).toEqual({ type: isWorldPlace(name) ? 'LOC' : gazetteerType(name), mayExtend: mayExtendGazetteerName(name) });
    };
    for (const name of names) check(name);
    fc.assert(fc.property(fc.string({ maxLength: 12 }), (name) => check(name)), { numRuns: 500 });
  });

  it('answers first name, organisation suffix and non-entity capital in one lookup as they are answered one by one', () => {
    const words = ['John', 'Mary', 'University', 'Inc', 'Inc.', 'Tuesday', 'January', 'Jan.', 'President', 'Kerry', 'Xqzt', 'Dr.', '', '.'];
    const check = (w: string): void => {
      const bits = (gazetteerLexicon.isFirstName(w) ? 1 : 0) | (gazetteerLexicon.isOrgSuffix(w) ? 2 : 0) | (gazetteerLexicon.isNonEntityCap(w) ? 4 : 0);
      expect(gazetteerLexicon.capWordLists!(w), w).toBe(bits);
    };
    for (const w of words) check(w);
    expect(words.filter((w) => gazetteerLexicon.capWordLists!(w) !== 0).length).toBeGreaterThan(5);
    fc.assert(fc.property(fc.string({ maxLength: 10 }), (w) => check(w)), { numRuns: 500 });
  });

  it('tags the same with the one-lookup list bits as with the lists asked one by one', () => {
    const { capWordLists: _, ...oneByOne } = gazetteerLexicon;
    const texts = [
      'John Kerry met Sergei Lavrov in Geneva on Tuesday. Kerry said the University of Oxford and Acme Inc. agreed.',
      'MOSCOW (Reuters) - RUSSIA SAID ON JAN. 5 THAT PRESIDENT PUTIN WOULD VISIT.\nBarcelona 2 Real Madrid 1\nthe tuesday meeting of President Ann Roe',
    ];
    for (const text of texts) {
      const tokens = tokenize(text);
      markHeadingLines(tokens);
      expect(tagTokens(tokens, loadTaggerModel(), oneByOne)).toEqual(tagTokens(tokens, loadTaggerModel(), gazetteerLexicon));
    }
  });

  it('finds a lower-case letter as the Unicode class does, ASCII by code', () => {
    for (const w of ['RUSSIA', 'Russia', 'U.S.', 'ÉTAT', 'État', 'ΑΘΗΝΑ', 'Αθήνα', '1996', '']) expect(hasLowercaseLetter(w), w).toBe(/\p{Ll}/u.test(w));
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('A', 'z', 'É', 'é', 'Σ', 'σ', '.', '1', '𝐀', '𝐚', 'ß') }), (w) => hasLowercaseLetter(w) === /\p{Ll}/u.test(w)));
  });

  it('lets lower-case words and punctuation open nothing, but not capitals or numbers ("1860 Munich")', () => {
    const [lower, comma, cap, number] = tokenize('the , Kerry 1860');
    expect([lower, comma, cap, number].map((t) => opensNothing(t!))).toEqual([true, true, false, false]);
  });
});

describe('BIO decoding', () => {
  it('only lets an inside tag continue an entity of its own type', () => {
    expect(allowedAfter(tag('B-PER'), tag('I-PER'))).toBe(true);
    expect(allowedAfter(tag('I-PER'), tag('I-PER'))).toBe(true);
    expect(allowedAfter(tag('O'), tag('I-PER'))).toBe(false);
    expect(allowedAfter(tag('B-LOC'), tag('I-PER'))).toBe(false);
    expect(allowedAfter(tag('O'), tag('B-ORG'))).toBe(true);
  });

  it('reads spans from tags, splitting at a new begin tag, with the least margin of their tokens', () => {
    const tags = Uint8Array.from([tag('B-PER'), tag('I-PER'), tag('O'), tag('B-LOC'), tag('B-LOC'), tag('I-LOC')]);
    const margins = Float64Array.from([5, 3, Infinity, 7, 9, 2]);
    expect(spansFromTags({ tags, margins })).toEqual([
      { first: 0, last: 1, type: 'PER', margin: 3 },
      { first: 3, last: 3, type: 'LOC', margin: 7 },
      { first: 4, last: 5, type: 'LOC', margin: 2 },
    ]);
  });
});

describe('the shipped tagger model', () => {
  it('rejects a weight table of the wrong size', () => {
    expect(() => parseTaggerModel({ format: 1, bucketBits: 4, scale: 1, weights: 'AAAA' })).toThrow(/expected 144 weights/);
  });

  it('tags people, organisations and places in running text', () => {
    expect(spansOf('Cal Ripken hit two home runs as the Baltimore Orioles beat the Yankees in Toronto on Thursday.')).toEqual([
      'PER Cal Ripken',
      'ORG Baltimore Orioles',
      'ORG Yankees',
      'LOC Toronto',
    ]);
  });

  it('reads all-capitals headlines and results tables, where casing says little', () => {
    const spans = spansOf('SOCCER - ROTOR VOLGOGRAD HOLD SPARTAK MOSCOW\n\nMOSCOW 1996-08-30\n\nAtlanta 5 Chicago 3');
    expect(spans).toContain('LOC MOSCOW');
    expect(spans).toContain('ORG Atlanta');
    expect(spans).toContain('ORG Chicago');
  });
});

describe('the tagger inside entity recognition', () => {
  it('finds the teams of a results line as organisations although their names are places', () => {
    const text = 'Results on Thursday:\n\nAtlanta 5 Chicago 3\n\nMontreal 4 Philadelphia 2';
    const types = Object.fromEntries(findEntities(text).map((e) => [e.name, e.type]));
    expect(types).toMatchObject({ Atlanta: 'organization', Chicago: 'organization', Montreal: 'organization', Philadelphia: 'organization' });
  });

  it('reads a lone unknown name before "regime" or "administration" as a leader\'s surname', () => {
    const text = 'Rebels fought the Zorvakis regime for years. The Obama administration said little.';
    const types = Object.fromEntries(findEntities(text).map((e) => [e.name, e.type]));
    expect(types).toMatchObject({ Zorvakis: 'person', Obama: 'person' });
  });

  it('keeps the rules for what the article says itself ("Mr. X", "X spokesman")', () => {
    const text = 'Mr. Tamborine arrived late. Kremlin spokesman Dmitry Peskov said the talks went well.';
    const types = Object.fromEntries(findEntities(text).map((e) => [e.name, e.type]));
    expect(types).toMatchObject({ Tamborine: 'person', Kremlin: 'organization', 'Dmitry Peskov': 'person' });
  });
});

describe('tagger training', () => {
  const lexicon: TaggerLexicon = {
    gazetteerType: () => undefined,
    isWorldPlace: () => false,
    isFirstName: () => false,
    isOrgSuffix: () => false,
    isNonEntityCap: () => false,
    isVocabularyWord: () => false,
    maxWords: 1,
  };
  const conll = readConllText(
    ['-DOCSTART- -X- -X- O', '', 'Smith NNP I-NP I-PER', 'visited VBD I-VP O', 'Paris NNP I-NP I-LOC', 'on IN I-PP O', 'Friday NNP I-NP O', '. . O O', '',
      'Jones NNP I-NP I-PER', 'left VBD I-VP O', 'U.S.-based JJ I-NP I-MISC', 'Acme NNP I-NP I-ORG', 'Corp NNP I-NP I-ORG', '. . O O', ''].join('\n'),
  );

  it("carries CoNLL's labels over to Lede's tokens, hyphen splits included", () => {
    const doc = taggerDocument(conll[0]!, lexicon);
    const labelled = doc.tokens.map((t, i) => `${t.text}/${TAGS[doc.gold[i]!]}`);
    expect(labelled).toEqual([
      'Smith/B-PER', 'visited/O', 'Paris/B-LOC', 'on/O', 'Friday/O', './O',
      'Jones/B-PER', 'left/O', 'U.S./B-MISC', '-/I-MISC', 'based/I-MISC', 'Acme/B-ORG', 'Corp/I-ORG', './O',
    ]);
  });

  it('learns its training sentences and gives the same bytes every time', () => {
    const docs = conll.map((d) => taggerDocument(d, lexicon));
    const options = { epochs: 5, bucketBits: 10, seed: 7 };
    const file = trainTagger(docs, options);
    expect(trainTagger(docs, options)).toEqual(file);
    const model = parseTaggerModel(file);
    const tags = tagTokens(docs[0]!.tokens, model, lexicon).tags;
    expect(Array.from(tags, (t) => TAGS[t])).toEqual(Array.from(docs[0]!.gold, (t) => TAGS[t]));
  });
});
