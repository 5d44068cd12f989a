// The role-head test the description passes ask most: its cache must answer as the test itself does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isListedRoleHead, isListedRoleHeadUncached, isRoleHead, isRoleHeadUncached } from '../../lib/analysis/descriptions-words';

const SUFFIXES = ['ologist', 'ician', 'ographer', 'iatrist', 'ist', 'list', 'es', 's', '-elect', '-general', '', 'man', 'ed'];
const STEMS = ['bi', 'physi', 'photo', 'psych', 'lobby', 'novel', 'check', 'pers', 'spokes', 'member', 'president', 'co-founder', 'vice-chair', 'ex-wife', 'attorney', 'Senat', 'Zürich', 'lady', 'step-father'];

describe('isRoleHead', () => {
  it('knows occupations by their endings and lists by theirs', () => {
    for (const w of ['biologist', 'physician', 'photographer', 'psychiatrist', 'lobbyist', 'novelist', 'spokesman', 'members', 'president-elect', 'co-founder']) expect(isRoleHead(w)).toBe(true);
    for (const w of ['checklist', 'persist', 'table', 'ran', 'after']) expect(isRoleHead(w)).toBe(false);
  });

  it('answers from its cache as without it, on repeated and random words', () => {
    const word = fc.oneof(
      fc.tuple(fc.constantFrom(...STEMS), fc.constantFrom(...SUFFIXES)).map(([a, b]) => a + b),
      fc.string({ maxLength: 14 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), (words) => {
        for (const w of [...words, ...words]) {
          expect(isRoleHead(w)).toBe(isRoleHeadUncached(w));
          expect(isListedRoleHead(w)).toBe(isListedRoleHeadUncached(w));
        }
      }),
      { numRuns: 300 },
    );
  });
});
