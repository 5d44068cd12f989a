// PolNeAR reader and attribution scorer, used by `npm run eval`.
// Gold: brat standoff files whose events join Source, Cue and Content spans. A direct quotation is
// an attribution whose content is wrapped in quotation marks; the rest is reported speech. Reported
// speech that quotes some of its words ("She says his temperament is “dangerous for a president.”")
// also holds direct quotations: its quotation-marked pieces, which are what Lede's direct quotes are
// (the quoted words, without the marks).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Quote } from '../../lib/analysis/types';

export interface GoldAttribution {
  content: { start: number; end: number };
  /** The source's words ('' when the attribution has none). */
  source: string;
  direct: boolean;
  /** A discontinuous content ("“A,” she said, “B.”") in its pieces; `content` runs from the first to the last. */
  contentPieces?: { start: number; end: number }[];
  /** In reported speech: the words it quotes between quotation marks (direct-quote gold of their own). */
  quoted?: { start: number; end: number }[];
  /** Where the source and cue are (discontinuous brat spans taken from first to last character). */
  sourceSpan?: { start: number; end: number };
  cueSpan?: { start: number; end: number };
}

export interface PolnearArticle {
  name: string;
  text: string;
  attributions: GoldAttribution[];
}

const PRONOUN = /^(he|she|they|it|we|i|you|him|her|them|his|hers|their|who|which|that)$/i;

/** Reads a split ('dev' or 'train'); where an article has several annotators' files, the first (sorted) is used. */
export function readPolnear(splitDir: string): PolnearArticle[] {
  const annFiles = readdirSync(join(splitDir, 'attributions')).sort();
  const articles: PolnearArticle[] = [];
  for (const file of readdirSync(join(splitDir, 'text')).sort()) {
    if (!file.endsWith('.txt')) continue;
    const name = file.slice(0, -4);
    const ann = annFiles.find((a) => a.startsWith(`${name}_`));
    if (!ann) continue;
    const text = readFileSync(join(splitDir, 'text', file), 'utf8');
    articles.push({ name, text, attributions: parseAnn(text, readFileSync(join(splitDir, 'attributions', ann), 'utf8')) });
  }
  return articles;
}

/** Gold attributions of one article from its brat standoff text (exported for tests). */
export function parseAnn(text: string, ann: string): GoldAttribution[] {
  const spans = new Map<string, { start: number; end: number; text: string; pieces: { start: number; end: number }[] }>();
  const lines = ann.split(/\r?\n/);
  for (const line of lines) {
    const m = /^(T\d+)\t\w+ ([\d ;]+)\t(.*)$/.exec(line);
    if (!m) continue;
    const ranges = m[2]!.split(';').map((r) => r.trim().split(' ').map(Number));
    spans.set(m[1]!, {
      start: Math.min(...ranges.map((r) => r[0]!)),
      end: Math.max(...ranges.map((r) => r[1]!)),
      text: m[3]!,
      pieces: ranges.map((r) => ({ start: r[0]!, end: r[1]! })).sort((a, b) => a.start - b.start),
    });
  }
  const out: GoldAttribution[] = [];
  for (const line of lines) {
    if (!line.startsWith('E')) continue;
    const roles = Object.fromEntries((line.split('\t')[1] ?? '').split(' ').map((p) => p.split(':') as [string, string]));
    const content = roles.Content ? spans.get(roles.Content) : undefined;
    if (!content) continue;
    const direct = isWrapped(text, content);
    const source = roles.Source ? spans.get(roles.Source) : undefined;
    const cue = roles.Cue ? spans.get(roles.Cue) : undefined;
    const gold: GoldAttribution = { content: { start: content.start, end: content.end }, source: source?.text ?? '', direct };
    if (source) gold.sourceSpan = { start: source.start, end: source.end };
    if (cue) gold.cueSpan = { start: cue.start, end: cue.end };
    if (content.pieces.length > 1) gold.contentPieces = content.pieces;
    if (!direct) {
      const quoted = quotedPieces(text, content);
      if (quoted.length > 0) gold.quoted = quoted;
    }
    out.push(gold);
  }
  return out;
}

const EDGE = /[\s.,;:!?—–-]/;
const MARKS = '"“”«»';

/** Is there a quotation mark at i? Besides the usual marks, a doubled apostrophe ('' as the NYT archive
 * writes quotes) is one mark; a single apostrophe is not. */
function isMarkAt(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === undefined) return false;
  return MARKS.includes(ch) || (ch === "'" && (text[i + 1] === "'" || text[i - 1] === "'"));
}

/** Does the content begin at a quotation mark and end at one (allowing a little slack: annotators sometimes
 * leave the marks, and the period before a closing mark, out of the span)? "“A,” she said, “B.”" is wrapped: its brat span runs from
 * the first piece to the last. */
function isWrapped(text: string, span: { start: number; end: number }): boolean {
  let { start, end } = span;
  while (start < end && EDGE.test(text[start]!)) start++;
  while (end > start && EDGE.test(text[end - 1]!)) end--;
  // Outside the span, skip at most two characters of punctuation ("… soon.”" annotated without ".”").
  let after = end;
  while (after < span.end + 2 && /[.,;:!?]/.test(text[after] ?? '')) after++;
  const opens = isMarkAt(text, start) || isMarkAt(text, start - 1);
  const closes = isMarkAt(text, end - 1) || isMarkAt(text, end) || isMarkAt(text, after);
  return opens && closes && end - start > 1;
}

/** The quotation-marked pieces inside a content span, without the marks (marks alternate open and close,
 * whatever their shape: some sites open with ”). A piece still open where the span ends
 * (`… under wraps.”`: annotators leave the period and mark out) runs to the span's end. */
function quotedPieces(text: string, span: { start: number; end: number }): { start: number; end: number }[] {
  const pieces: { start: number; end: number }[] = [];
  let open = -1;
  for (let i = span.start; i < span.end; i++) {
    if (!isMarkAt(text, i)) continue;
    const width = text[i] === "'" ? 2 : 1;
    if (open < 0) open = i + width;
    else {
      if (i > open) pieces.push({ start: open, end: i });
      open = -1;
    }
    i += width - 1;
  }
  if (open >= 0 && span.end > open) pieces.push({ start: open, end: span.end });
  return pieces;
}

/** Trims whitespace and quotation marks from a span's edges, so that marks in or out don't count. */
export function trimSpan(text: string, span: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = span;
  while (start < end && /[\s"“”«».,']/.test(text[start]!)) start++;
  while (end > start && /[\s"“”«».,']/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Gold items of one kind, trimmed: direct = wrapped contents plus the quoted pieces of reported speech. */
export function goldOfKind(article: PolnearArticle, direct: boolean): GoldAttribution[] {
  return article.attributions
    .flatMap((a) => (a.direct === direct ? [a] : direct ? (a.quoted ?? []).map((content) => ({ ...a, content, contentPieces: undefined })) : []))
    .map((a) => ({ ...a, content: trimSpan(article.text, a.content), contentPieces: a.contentPieces?.map((p) => trimSpan(article.text, p)) }));
}

/** The characters a gold content is made of: its pieces when it is discontinuous. */
export function contentOf(gold: GoldAttribution): { start: number; end: number }[] {
  return gold.contentPieces ?? [gold.content];
}

export interface KindScore {
  gold: number;
  predicted: number;
  /** Gold items found. */
  matched: number;
  /** Predicted items that are right. */
  predictedRight: number;
  speakerChecked: number;
  speakerRight: number;
}

/**
 * Is Lede's speaker the gold source? Gold sources are phrases with appositives and titles ("Alan Cole, an
 * economist at the Tax Foundation's policy center", "Rep. Gwen Moore (D-Wis.)"), so the speaker is right
 * when the last word of its name is a word of the gold phrase's head: the words before the first comma or
 * parenthesis, possessives kept apart ("Clinton’s campaign manager Robby Mook" is not Clinton) except on
 * the last word ("Trump’s" claim is Trump's).
 */
export function sameSpeaker(speaker: string, goldSource: string): boolean {
  const head = goldSource.split(/[,(]|\s--?\s|\s[—–]\s/)[0] ?? '';
  const words: string[] = head.trim().replace(/['’]s$/, '').toLowerCase().match(/[\p{L}\p{N}]+(?:['’]s\b)?/gu) ?? [];
  const name = lastWord(speaker);
  return name !== '' && words.includes(name);
}

function lastWord(s: string): string {
  // "Joseph R. Biden Jr." is Biden.
  const words = (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w, i, all) => i === 0 || i < all.length - 1 || !/^(jr|sr|ii|iii|iv)$/.test(w));
  return words[words.length - 1] ?? '';
}

/** Share of the characters of `pieces` (disjoint) covered by the union of `others`. */
export function piecesCoveredShare(pieces: readonly { start: number; end: number }[], others: { start: number; end: number }[]): number {
  let length = 0;
  let covered = 0;
  for (const piece of pieces) {
    const n = Math.max(0, piece.end - piece.start);
    length += n;
    covered += n * coveredShare(piece, others);
  }
  return length ? covered / length : 0;
}

/** Share of [span) covered by the union of `others`. */
export function coveredShare(span: { start: number; end: number }, others: { start: number; end: number }[]): number {
  const length = span.end - span.start;
  if (length <= 0) return 0;
  const pieces = others
    .map((o) => ({ start: Math.max(span.start, o.start), end: Math.min(span.end, o.end) }))
    .filter((o) => o.end > o.start)
    .sort((a, b) => a.start - b.start);
  let covered = 0;
  let reached = span.start;
  for (const piece of pieces) {
    if (piece.end <= reached) continue;
    covered += piece.end - Math.max(piece.start, reached);
    reached = piece.end;
  }
  return covered / length;
}

/**
 * Scores one kind (direct or reported). A gold content is found when Lede's spans of that kind
 * cover at least 80% of its characters (a quote split by its attribution may come as two spans);
 * a predicted span is right when at least 80% of it lies in gold contents of that kind. The
 * speaker is checked on found items, by last word, against the predicted span overlapping most.
 */
export function scoreKind(article: PolnearArticle, quotes: Quote[], direct: boolean, into: KindScore): void {
  const gold = goldOfKind(article, direct);
  const predicted = quotes.filter((q) => (q.kind === 'direct') === direct).map((q) => ({ q, span: trimSpan(article.text, q) }));
  into.gold += gold.length;
  into.predicted += predicted.length;
  const goldSpans = gold.flatMap(contentOf);
  const predSpans = predicted.map((p) => p.span);
  into.predictedRight += predicted.filter((p) => coveredShare(p.span, goldSpans) >= 0.8).length;
  for (const g of gold) {
    if (piecesCoveredShare(contentOf(g), predSpans) < 0.8) continue;
    into.matched++;
    // A pronoun source ("he said") can't be compared by name; PolNeAR doesn't resolve it.
    if (!g.source || PRONOUN.test(g.source.trim())) continue;
    let best = predicted[0];
    let bestShared = 0;
    for (const p of predicted) {
      const shared = Math.min(p.span.end, g.content.end) - Math.max(p.span.start, g.content.start);
      if (shared > bestShared) {
        best = p;
        bestShared = shared;
      }
    }
    into.speakerChecked++;
    const speaker = best?.q.speaker?.name ?? '';
    if (speaker && sameSpeaker(speaker, g.source)) into.speakerRight++;
  }
}

export type Role = 'source' | 'cue' | 'content';
export const ROLES: readonly Role[] = ['source', 'cue', 'content'];

export interface RoleScore {
  gold: number;
  predicted: number;
  /** Gold spans covered >= 80% by predicted spans of the role / touched by one (partial match). */
  matched: number;
  matchedPartial: number;
  /** Predicted spans lying >= 80% in gold spans of the role / touching one. */
  predictedRight: number;
  predictedRightPartial: number;
}

export function emptyRoleScore(): RoleScore {
  return { gold: 0, predicted: 0, matched: 0, matchedPartial: 0, predictedRight: 0, predictedRightPartial: 0 };
}

type Range = { start: number; end: number };

function overlaps(span: Range, others: readonly Range[]): boolean {
  return others.some((o) => Math.min(span.end, o.end) > Math.max(span.start, o.start));
}

/** Distinct non-empty spans: a quote split by its attribution ("“A,” he said, “B.”") gives one cue, not two. */
function distinct(spans: Range[]): Range[] {
  const seen = new Set<string>();
  return spans.filter((s) => {
    const key = `${s.start}:${s.end}`;
    if (s.end <= s.start || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Overall source, cue and content scoring, whatever the kind. Each role is scored on its own, as sets
 * of spans: strict (>= 80% character coverage both ways, as for quotes) and partial (any overlap; the
 * usual lenient match for short source and cue spans, where "has learned" vs "learned" or "a senior
 * official who ..." vs "a senior official" should not count as a miss). Spans are trimmed of
 * whitespace, quotation marks and edge punctuation first.
 */
export function scoreRoles(article: PolnearArticle, quotes: readonly Quote[], into: Record<Role, RoleScore>): void {
  const trim = (r: Range): Range => trimSpan(article.text, r);
  // Each gold item is a list of pieces: a discontinuous content ("“A,” she said, “B.”") is one item.
  const goldOf: Record<Role, Range[][]> = {
    source: distinct(article.attributions.flatMap((a) => (a.sourceSpan ? [a.sourceSpan] : []))).map((r) => [trim(r)]),
    cue: distinct(article.attributions.flatMap((a) => (a.cueSpan ? [a.cueSpan] : []))).map((r) => [trim(r)]),
    content: distinctItems(article.attributions.map((a) => (a.contentPieces ?? [a.content]).map(trim))),
  };
  const predictedOf: Record<Role, Range[]> = {
    source: distinct(quotes.flatMap((q) => (q.source ? [q.source] : [])).map(trim)),
    cue: distinct(quotes.flatMap((q) => (q.cue ? [q.cue] : [])).map(trim)),
    content: distinct(quotes.map((q) => trim({ start: q.start, end: q.end }))),
  };
  for (const role of ROLES) {
    const gold = goldOf[role].filter((pieces) => pieces.some((p) => p.end > p.start));
    const goldPieces = gold.flat();
    const predicted = predictedOf[role];
    const s = into[role];
    s.gold += gold.length;
    s.predicted += predicted.length;
    for (const g of gold) {
      if (piecesCoveredShare(g, predicted) >= 0.8) s.matched++;
      if (g.some((piece) => overlaps(piece, predicted))) s.matchedPartial++;
    }
    for (const p of predicted) {
      if (coveredShare(p, goldPieces) >= 0.8) s.predictedRight++;
      if (overlaps(p, goldPieces)) s.predictedRightPartial++;
    }
  }
}

function distinctItems(items: Range[][]): Range[][] {
  const seen = new Set<string>();
  return items.filter((pieces) => {
    const key = pieces.map((p) => `${p.start}:${p.end}`).join(';');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface PolnearSystem {
  name: string;
  analyse: (text: string) => { quotes: Quote[] };
}

function pct(x: number): string {
  return (100 * x).toFixed(1).padStart(5);
}

function ratio(a: number, b: number): number {
  return b ? a / b : 0;
}

/** The PolNeAR table for one split: per system, direct and reported quotes, then source, cue, content. */
export function polnearTable(articles: readonly PolnearArticle[], systems: readonly PolnearSystem[]): string[] {
  const lines = ['system       kind       gold  pred     P      R   speaker', ];
  const roleLines = ['system       role       gold  pred     P      R    (partial match:  P      R)'];
  for (const { name, analyse } of systems) {
    const empty = (): KindScore => ({ gold: 0, predicted: 0, matched: 0, predictedRight: 0, speakerChecked: 0, speakerRight: 0 });
    const direct = empty();
    const reported = empty();
    const roles = { source: emptyRoleScore(), cue: emptyRoleScore(), content: emptyRoleScore() };
    for (const article of articles) {
      const quotes = analyse(article.text).quotes;
      scoreKind(article, quotes, true, direct);
      scoreKind(article, quotes, false, reported);
      scoreRoles(article, quotes, roles);
    }
    for (const [kind, s] of [['direct', direct], ['reported', reported]] as const) {
      lines.push(
        `${name.padEnd(12)} ${kind.padEnd(9)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)}  ${pct(ratio(s.predictedRight, s.predicted))}  ${pct(ratio(s.matched, s.gold))}  ${pct(ratio(s.speakerRight, s.speakerChecked))} (of ${s.speakerChecked})`,
      );
    }
    for (const role of ROLES) {
      const s = roles[role];
      roleLines.push(
        `${name.padEnd(12)} ${role.padEnd(9)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)}  ${pct(ratio(s.predictedRight, s.predicted))}  ${pct(ratio(s.matched, s.gold))}                   ${pct(ratio(s.predictedRightPartial, s.predicted))}  ${pct(ratio(s.matchedPartial, s.gold))}`,
      );
    }
  }
  return [...lines, '', ...roleLines];
}
