// The PolNeAR reader and scorer of `npm run eval`: which gold is direct, the quoted pieces of reported
// speech, source/cue/content scoring, and the speaker rule. Texts written for these tests.
import { describe, expect, it } from 'vitest';
import {
  emptyRoleScore, goldOfKind, parseAnn, sameSpeaker, scoreKind, scoreRoles, type KindScore, type PolnearArticle, type Role, type RoleScore,
} from '../../scripts/eval/polnear';
import type { Quote } from '../../lib/analysis/types';

/** A brat file for `text`: each attribution given by its source, cue and content strings (the first occurrence;
 * the cue's first occurrence after the source). */
function ann(text: string, attributions: { source?: string; cue: string; content: string }[]): string {
  const lines: string[] = [];
  let t = 0;
  attributions.forEach((a, i) => {
    const ids: string[] = [];
    const sourceAt = a.source === undefined ? 0 : text.indexOf(a.source);
    for (const [role, words] of [['Source', a.source], ['Cue', a.cue], ['Content', a.content]] as const) {
      if (words === undefined) continue;
      const at = text.indexOf(words, role === 'Cue' ? sourceAt : 0);
      lines.push(`T${++t}\t${role} ${at} ${at + words.length}\t${words}`);
      ids.push(`${role}:T${t}`);
    }
    lines.push(`E${i + 1}\tAttribution:T0 ${ids.join(' ')}`);
  });
  return lines.join('\n');
}

const text = [
  '“We will win this,” Smith said.',
  'Jones said the plan was “dead on arrival.”',
  "''It is over,'' Mr. Brown said.",
  'Lee thinks the deal failed.',
].join(' ');
const article: PolnearArticle = {
  name: 'mini',
  text,
  attributions: parseAnn(text, ann(text, [
    { source: 'Smith', cue: 'said', content: '“We will win this,”' },
    { source: 'Jones', cue: 'said', content: 'the plan was “dead on arrival.”' },
    { source: 'Mr. Brown', cue: 'said', content: "''It is over,''" },
    { source: 'Lee', cue: 'thinks', content: 'the deal failed' },
  ])),
};

describe('PolNeAR gold', () => {
  it('takes contents wrapped in quotation marks (also NYT-style doubled apostrophes) as direct', () => {
    expect(article.attributions.map((a) => a.direct)).toEqual([true, false, true, false]);
  });

  it('gives reported speech the words it quotes as direct-quote gold of their own', () => {
    const direct = goldOfKind(article, true).map((g) => text.slice(g.content.start, g.content.end));
    expect(direct).toEqual(['We will win this', 'dead on arrival', 'It is over']);
    const reported = goldOfKind(article, false).map((g) => text.slice(g.content.start, g.content.end));
    expect(reported).toEqual(['the plan was “dead on arrival', 'the deal failed']);
  });

  it('keeps where the source and cue are', () => {
    const [first] = article.attributions;
    expect(text.slice(first!.sourceSpan!.start, first!.sourceSpan!.end)).toBe('Smith');
    expect(text.slice(first!.cueSpan!.start, first!.cueSpan!.end)).toBe('said');
  });
});

describe('PolNeAR scoring', () => {
  const at = (words: string): { start: number; end: number } => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const quotes: Quote[] = [
    { ...at('We will win this'), kind: 'direct', speaker: { name: 'Anna Smith' }, cue: at('said'), source: at('Smith') },
    { ...at('the plan was'), kind: 'reported', speaker: { name: 'Jones' }, cue: at('said the'), source: at('Jones') },
  ];

  it('counts a quoted piece of reported speech as a found direct quote', () => {
    const direct: KindScore = { gold: 0, predicted: 0, matched: 0, predictedRight: 0, speakerChecked: 0, speakerRight: 0 };
    scoreKind(article, [...quotes, { ...at('dead on arrival'), kind: 'direct', speaker: { name: 'Jones' } }], true, direct);
    expect(direct).toMatchObject({ gold: 3, predicted: 2, matched: 2, predictedRight: 2, speakerChecked: 2, speakerRight: 2 });
  });

  it('scores source, cue and content strictly (80% both ways) and by overlap', () => {
    const roles = { source: emptyRoleScore(), cue: emptyRoleScore(), content: emptyRoleScore() } as Record<Role, RoleScore>;
    scoreRoles(article, quotes, roles);
    expect(roles.source).toEqual({ gold: 4, predicted: 2, matched: 2, matchedPartial: 2, predictedRight: 2, predictedRightPartial: 2 });
    // "said the" is too long for the gold cue "said" strictly, but touches it.
    expect(roles.cue).toMatchObject({ gold: 4, predicted: 2, matched: 2, predictedRight: 1, predictedRightPartial: 2 });
    // "the plan was" covers too little of its gold content to find it, but lies inside it.
    expect(roles.content).toMatchObject({ gold: 4, predicted: 2, matched: 1, matchedPartial: 2, predictedRight: 2 });
  });
});

describe('discontinuous gold', () => {
  // "“A,” she said, “B.”": brat gives the content as two ranges around the attribution.
  const split = '“We will win this fight,” Smith said, “and we will win it soon.”';
  const first = [split.indexOf('We'), split.indexOf(',”')];
  const second = [split.indexOf('and'), split.indexOf('.”')];
  const splitArticle: PolnearArticle = {
    name: 'split',
    text: split,
    attributions: parseAnn(split, [
      `T1\tSource ${split.indexOf('Smith')} ${split.indexOf('Smith') + 5}\tSmith`,
      `T2\tCue ${split.indexOf('said')} ${split.indexOf('said') + 4}\tsaid`,
      `T3\tContent ${first[0]} ${first[1]};${second[0]} ${second[1]}\tWe will win this fight and we will win it soon`,
      'E1\tAttribution:T0 Source:T1 Cue:T2 Content:T3',
    ].join('\n')),
  };

  it('is direct, and found by the two quotes of its pieces although the attribution between them is not quoted', () => {
    expect(splitArticle.attributions[0]!.direct).toBe(true);
    const at = (words: string): { start: number; end: number } => ({ start: split.indexOf(words), end: split.indexOf(words) + words.length });
    const quotes: Quote[] = [
      { ...at('We will win this fight'), kind: 'direct', speaker: { name: 'Smith' } },
      { ...at('and we will win it soon'), kind: 'direct', speaker: { name: 'Smith' } },
    ];
    const direct: KindScore = { gold: 0, predicted: 0, matched: 0, predictedRight: 0, speakerChecked: 0, speakerRight: 0 };
    scoreKind(splitArticle, quotes, true, direct);
    expect(direct).toEqual({ gold: 1, predicted: 2, matched: 1, predictedRight: 2, speakerChecked: 1, speakerRight: 1 });
    const roles = { source: emptyRoleScore(), cue: emptyRoleScore(), content: emptyRoleScore() } as Record<Role, RoleScore>;
    scoreRoles(splitArticle, quotes, roles);
    expect(roles.content).toMatchObject({ gold: 1, predicted: 2, matched: 1, predictedRight: 2 });
    // One of the two pieces alone is not the whole content.
    const one: KindScore = { gold: 0, predicted: 0, matched: 0, predictedRight: 0, speakerChecked: 0, speakerRight: 0 };
    scoreKind(splitArticle, quotes.slice(0, 1), true, one);
    expect(one.matched).toBe(0);
  });
});

describe('speaker rule', () => {
  it('matches the last word of the name within the head of the gold source', () => {
    expect(sameSpeaker('Alan Cole', "Alan Cole, an economist at the Tax Foundation's policy center")).toBe(true);
    expect(sameSpeaker('Gwen Moore', 'Rep. Gwen Moore (D-Wis.)')).toBe(true);
    expect(sameSpeaker('Douglas Holtz-Eakin', 'Mr. Holtz-Eakin')).toBe(true);
    expect(sameSpeaker('Donald Trump', 'Trump’s')).toBe(true);
    expect(sameSpeaker('Joseph R. Biden Jr.', 'Mr. Biden')).toBe(true);
  });

  it('does not match a name that only appears as a possessive or in the appositive', () => {
    expect(sameSpeaker('Hillary Clinton', 'Hillary Clinton’s campaign manager Robby Mook')).toBe(false);
    expect(sameSpeaker('Barack Obama', 'Minyon Moore, a senior adviser to Barack Obama')).toBe(false);
    expect(sameSpeaker('', 'Smith')).toBe(false);
  });
});
