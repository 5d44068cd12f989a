// Capital-letter words that name no one: acronyms spelled out in lower-case words, time zones,
// wire codes and units after a number. Made-up names and sentences throughout.
import { describe, expect, it } from 'vitest';
import { commonAcronyms } from '../../lib/analysis/acronym-nouns';
import { findEntities } from '../../lib/analysis/entities';
import { tokenize } from '../../lib/analysis/tokens';

function names(text: string): string[] {
  return findEntities(text).map((e) => e.name);
}

describe('commonAcronyms', () => {
  it('finds an acronym the page spells out in lower-case words, before or after it', () => {
    expect(commonAcronyms(tokenize('Doctors diagnosed quilt pneumonitis, or QP, in the patient.'))).toContain('QP');
    expect(commonAcronyms(tokenize('The lab ran the sample through a gas chromatograph (GC) overnight.'))).toContain('GC');
    expect(commonAcronyms(tokenize('A faster charging spec called FC for fast charging is coming.'))).toContain('FC');
  });

  it('keeps an acronym spelled out in capitalised words: the name of a body', () => {
    expect(commonAcronyms(tokenize('The Velmora Trade Commission (VTC) opened an inquiry.'))).not.toContain('VTC');
  });

  it('finds time zones after a clock time and wire codes glued to a period', () => {
    const tokens = tokenize('Updated 11:21 pm QST, Tuesday. The index .QXJ fell 0.5% by 0339 ZKT.');
    const found = commonAcronyms(tokens);
    expect(found).toContain('QST');
    expect(found).toContain('ZKT');
    expect(found).toContain('QXJ');
  });

  it('finds units and statistics only when every use follows a number', () => {
    expect(commonAcronyms(tokenize('He had 3 tackles, 1 QZH and 2 QZH in the loss.'))).toContain('QZH');
    expect(commonAcronyms(tokenize('He had 2 QZH. QZH officials said the count was right.'))).not.toContain('QZH');
  });

  it('finds letters the lists know as a company when every use follows a measure’s number', () => {
    expect(commonAcronyms(tokenize('The new hatch from Velmora makes 306 HP and weighs 1.5 tonnes.'))).toContain('HP');
    expect(commonAcronyms(tokenize('The printer maker HP said it sold 3 HP laptops.'))).not.toContain('HP');
  });
});

describe('product lines before a model number', () => {
  it('finds capitals always glued to a model number', () => {
    expect(commonAcronyms(tokenize('The laptop pairs a QZX 1660 graphics card with the older QZX 1060.'))).toContain('QZX');
    expect(commonAcronyms(tokenize('Using the QLP-30, the team ran the first weather model.'))).toContain('QLP');
  });

  it('keeps a body followed by a year or a small number, or used alone elsewhere', () => {
    expect(commonAcronyms(tokenize('The QZL 2019 season starts soon.'))).not.toContain('QZL');
    expect(commonAcronyms(tokenize('The QZX 1660 is cheap. QZX said sales rose.'))).not.toContain('QZX');
  });
});

describe('in the analysis', () => {
  it('highlights no spelled-out acronym and keeps the names around it', () => {
    const text = 'Dr. Jane Roe said the man had quilt pneumonitis, or QP, after buying a new duvet. QP is rare, Roe said.';
    expect(names(text)).not.toContain('QP');
    expect(names(text)).toContain('Jane Roe');
  });
});
