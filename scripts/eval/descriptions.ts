// Description extraction scored on PolNeAR dev Source spans, which hold real "who is this" phrases:
//   appositives: "Josh Hendler, a top Democratic tech operative," -> "a top Democratic tech operative";
//   titles:      "White House press secretary Josh Earnest" -> "White House press secretary" (spans whose name
//                is the final run of capitalised words after a lower-case word, so the title's end is known).
// Each phrase is looked up at its own mention: what the describer finds there (the card keeps one per person,
// scored by the gold pages). A phrase counts when the found text holds >= 80% of its words in order (the
// gold-page rule) and is not more than twice as long. Bare-name sources ("Trump said") should get no
// appositive at that mention: the share that does is a precision check.
// Baseline: the appositive rule Lede had before (an opener "a/an/the/former" after the comma, to the next
// comma), and no titles.
import { PersonDescriptions } from '../../lib/analysis/descriptions';
import { findTitles, markHeadingLines } from '../../lib/analysis/entities-candidates';
import { findEntities } from '../../lib/analysis/entities';
import { HONORIFICS } from '../../lib/analysis/entities-lexicon';
import { tokenize, type Token } from '../../lib/analysis/tokens';
import type { Entity } from '../../lib/analysis/types';
import { coverage, words } from './gold-score';
import type { PolnearArticle } from './polnear';

type Kind = 'appositive' | 'title' | 'bare';
interface GoldPhrase {
  kind: Kind;
  /** Character span of the name inside the article. */
  nameStart: number;
  nameEnd: number;
  phrase: string;
}

const TITLE_GOLD_STOPS = new Set(['and', 'or', 'by', 'of', 'for', 'to', 'with', 'like', 'including', 'the', 'a', 'an', 'former', 'as', 'from', 'at', 'in', 'on']);
const NAME_WORD = /^(?:\p{Lu}[\p{L}.'’-]*|[A-Z]\.)$/u;

/** The description phrases of one article's Source spans. */
export function goldPhrases(article: PolnearArticle): GoldPhrase[] {
  const out: GoldPhrase[] = [];
  const seen = new Set<number>();
  for (const a of article.attributions) {
    if (!a.sourceSpan) continue;
    const { start } = a.sourceSpan;
    const source = article.text.slice(start, a.sourceSpan.end);
    if (seen.has(start)) continue;
    seen.add(start);
    const appositive = /^((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}'’-]*),\s+(\S.*?)[\s,]*$/su.exec(source);
    // An age alone ("Jim Bennett, 57,") says how old, not who: not a description.
    if (appositive && !/^\p{Lu}/u.test(appositive[2]!) && !/\band\b/.test(appositive[1]!) && !/^\d+$/.test(appositive[2]!)) {
      out.push({ kind: 'appositive', nameStart: start, nameEnd: start + appositive[1]!.length, phrase: appositive[2]! });
      continue;
    }
    const ws = [...source.matchAll(/\S+/g)];
    let k = ws.length;
    while (k > 0 && NAME_WORD.test(ws[k - 1]![0])) k--;
    // The title must end in a noun: not "Donald Trump and", "conducted by", "former Maryland Gov. …".
    const before = ws[k - 1]?.[0] ?? '';
    if (ws.length - k >= 2 && k >= 1 && /^\p{Ll}[\p{L}-]*$/u.test(before) && !TITLE_GOLD_STOPS.has(before) && !source.slice(0, ws[k]!.index!).includes(',')) {
      const nameStart = start + ws[k]!.index!;
      out.push({ kind: 'title', nameStart, nameEnd: start + source.trimEnd().length, phrase: source.slice(0, ws[k]!.index!).trim() });
      continue;
    }
    if (ws.length >= 1 && ws.length <= 3 && k === 0) out.push({ kind: 'bare', nameStart: start, nameEnd: start + source.trimEnd().length, phrase: '' });
  }
  return out;
}

interface Found {
  title?: string;
  appositive?: string;
}

/** What the describer finds at each person mention of the text, by the mention's character start. */
export function describeEachMention(text: string): Map<number, Found & { end: number }> {
  const tokens = tokenize(text);
  markHeadingLines(tokens);
  const titles = findTitles(tokens);
  const byStart = new Map<number, number>();
  const byEnd = new Map<number, number>();
  tokens.forEach((t, i) => {
    byStart.set(t.start, i);
    byEnd.set(t.end, i);
  });
  const entities = findEntities(text);
  const ranges: { first: number; last: number; entity: Entity; start: number; end: number }[] = [];
  for (const e of entities) {
    for (const m of e.mentions) {
      const first = byStart.get(m.start);
      const last = byEnd.get(m.end);
      if (first !== undefined && last !== undefined) ranges.push({ first, last, entity: e, start: m.start, end: m.end });
    }
  }
  ranges.sort((a, b) => a.first - b.first);
  const describer = new PersonDescriptions(text, tokens, titles, ranges);
  const probes: { start: number; end: number; probe: Entity }[] = [];
  for (const r of ranges) {
    if (r.entity.type !== 'person') continue;
    // A fresh entity per mention: what this one mention says.
    const probe: Entity = { id: `${r.start}`, type: 'person', name: r.entity.name, mentions: [] };
    const honorific = r.first > 0 && HONORIFICS.has(tokens[r.first - 1]!.text);
    describer.add(probe, { first: r.first, last: r.last, honorific });
    probes.push({ start: r.start, end: r.end, probe });
  }
  const out = new Map<number, Found & { end: number }>();
  for (const { start, end, probe } of probes) {
    const found: Found & { end: number } = { end };
    const said = describer.said(probe);
    const title = said?.titles[0];
    const appositive = said?.appositives[0] ?? said?.thin[0] ?? said?.weak[0];
    if (title) found.title = title;
    if (appositive) found.appositive = appositive;
    out.set(start, found);
  }
  return out;
}

/** The earlier rule, as a baseline: "Name, a/an/the/former … ," to the next comma or sentence end. */
function determinerOnlyAppositive(text: string, nameEnd: number): string | undefined {
  const m = /^,\s+((?:a|an|the|former)\s[^,.;:!?]*)/i.exec(text.slice(nameEnd, nameEnd + 400));
  return m ? m[1]!.trim() : undefined;
}

function matches(gold: string, found: string | undefined): boolean {
  if (!found) return false;
  return coverage(gold, found) >= 0.8 && words(found).length <= 2 * words(gold).length;
}

interface Tally {
  gold: number;
  personFound: number;
  right: number;
  /** Mentions where Lede gave a phrase of this kind at all: precision = right / said. */
  said: number;
  baseline: number;
}

export function descriptionsTable(articles: PolnearArticle[], misses: string[] = []): string[] {
  const tallies: Record<'appositive' | 'title', Tally> = {
    appositive: { gold: 0, personFound: 0, right: 0, said: 0, baseline: 0 },
    title: { gold: 0, personFound: 0, right: 0, said: 0, baseline: 0 },
  };
  let bare = 0;
  let bareFound = 0;
  let bareDescribed = 0;
  for (const article of articles) {
    const found = describeEachMention(article.text);
    // A mention inside the gold name: the name span may hold an honorific or initials the mention leaves out.
    const at = (g: GoldPhrase): (Found & { end: number }) | undefined => {
      for (const [start, f] of found) if (start >= g.nameStart && f.end <= g.nameEnd) return f;
      return undefined;
    };
    for (const g of goldPhrases(article)) {
      const f = at(g);
      if (g.kind === 'bare') {
        bare++;
        if (f) bareFound++;
        if (f?.appositive) {
          bareDescribed++;
          misses.push(`bare ${JSON.stringify(article.text.slice(g.nameStart, g.nameEnd))} got ${JSON.stringify(f.appositive)}`);
        }
        continue;
      }
      const t = tallies[g.kind];
      t.gold++;
      if (f) t.personFound++;
      const got = g.kind === 'appositive' ? f?.appositive : f?.title;
      if (got) t.said++;
      if (matches(g.phrase, got)) t.right++;
      else misses.push(`${g.kind} ${f ? '' : '(no person) '}${JSON.stringify(article.text.slice(g.nameStart, g.nameEnd))}: ${JSON.stringify(g.phrase)} got ${JSON.stringify(got ?? null)}`);
      if (g.kind === 'appositive' && matches(g.phrase, determinerOnlyAppositive(article.text, g.nameEnd))) t.baseline++;
    }
  }
  const pct = (a: number, b: number): string => `${a}/${b} ${b ? ((100 * a) / b).toFixed(1) : '-'}%`.padStart(18);
  const lines = ['phrases              gold   name found as person         lede       determiner-only rule     lede precision'];
  for (const kind of ['appositive', 'title'] as const) {
    const t = tallies[kind];
    lines.push(`${`${kind}s`.padEnd(18)}${String(t.gold).padStart(6)}${pct(t.personFound, t.gold)}   ${pct(t.right, t.gold)}   ${kind === 'title' ? '(none)'.padStart(18) : pct(t.baseline, t.gold)}   ${pct(t.right, t.said)}`);
  }
  lines.push(`bare-name sources given an appositive at that mention: ${bareDescribed}/${bareFound} found as a person (${bare} sources; lower is better,`);
  lines.push(' though many are right: annotators often leave a "who" clause out of the Source span)');
  lines.push('(a phrase is right when the mention\'s description holds >= 80% of its words in order and is at most twice as long;');
  lines.push(' precision = right / mentions where Lede gave a phrase of that kind)');
  return lines;
}
