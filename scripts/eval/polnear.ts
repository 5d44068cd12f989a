// PolNeAR reader and attribution scorer, used by `npm run eval`.
// Gold: brat standoff files whose events join Source, Cue and Content spans. A direct quotation is
// an attribution whose content is wrapped in quotation marks; the rest is reported speech.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Quote } from '../../lib/analysis/types';

export interface GoldAttribution {
  content: { start: number; end: number };
  source: string;
  direct: boolean;
}

export interface PolnearArticle {
  name: string;
  text: string;
  attributions: GoldAttribution[];
}

const QUOTE_MARKS = /["“”«»]/g;
const PRONOUN = /^(he|she|they|it|we|i|you|him|her|them|his|hers|their)$/i;

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

function parseAnn(text: string, ann: string): GoldAttribution[] {
  const spans = new Map<string, { start: number; end: number; text: string }>();
  const lines = ann.split(/\r?\n/);
  for (const line of lines) {
    const m = /^(T\d+)\t\w+ ([\d ;]+)\t(.*)$/.exec(line);
    if (!m) continue;
    const ranges = m[2]!.split(';').map((r) => r.trim().split(' ').map(Number));
    spans.set(m[1]!, {
      start: Math.min(...ranges.map((r) => r[0]!)),
      end: Math.max(...ranges.map((r) => r[1]!)),
      text: m[3]!,
    });
  }
  const out: GoldAttribution[] = [];
  for (const line of lines) {
    if (!line.startsWith('E')) continue;
    const roles = Object.fromEntries((line.split('\t')[1] ?? '').split(' ').map((p) => p.split(':') as [string, string]));
    const content = roles.Content ? spans.get(roles.Content) : undefined;
    if (!content) continue;
    // Look one character beyond each edge: annotators sometimes leave the marks out of the span.
    const around = text.slice(Math.max(0, content.start - 1), content.end + 1);
    const direct = (around.match(QUOTE_MARKS)?.length ?? 0) >= 2;
    out.push({ content: { start: content.start, end: content.end }, source: roles.Source ? (spans.get(roles.Source)?.text ?? '') : '', direct });
  }
  return out;
}

/** Trims whitespace and quotation marks from a span's edges, so that marks in or out don't count. */
export function trimSpan(text: string, span: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = span;
  while (start < end && /[\s"“”«».,]/.test(text[start]!)) start++;
  while (end > start && /[\s"“”«».,]/.test(text[end - 1]!)) end--;
  return { start, end };
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

function lastWord(s: string): string {
  const words = s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words[words.length - 1] ?? '';
}

/** Share of [span) covered by the union of `others`. */
function coveredShare(span: { start: number; end: number }, others: { start: number; end: number }[]): number {
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
  const gold = article.attributions.filter((a) => a.direct === direct).map((a) => ({ ...a, content: trimSpan(article.text, a.content) }));
  const predicted = quotes.filter((q) => (q.kind === 'direct') === direct).map((q) => ({ q, span: trimSpan(article.text, q) }));
  into.gold += gold.length;
  into.predicted += predicted.length;
  const goldSpans = gold.map((g) => g.content);
  const predSpans = predicted.map((p) => p.span);
  into.predictedRight += predicted.filter((p) => coveredShare(p.span, goldSpans) >= 0.8).length;
  for (const g of gold) {
    if (coveredShare(g.content, predSpans) < 0.8) continue;
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
    if (speaker && lastWord(speaker) === lastWord(g.source)) into.speakerRight++;
  }
}
