// The anchoring suite's cases: for each page and edit kind, seeded passages with the edit applied,
// and one function that makes the note, re-anchors it on the edited text and judges the result.
import type { AnchorStatus, Selector } from '../../lib/notes/annotation';
import type { ArticleText } from './anchoring-corpus';
import { makeCase, type EditedPage, type EditKind } from './anchoring-edits';
import { judge, type Verdict } from './anchoring-outcome';
import { seededRng, seedOf } from './anchoring-prng';
import { paragraphBlocks } from './anchoring-text';

export interface AnchoringCase {
  kind: EditKind;
  page: string;
  /** Which of this page's passages for this kind, from 0. */
  index: number;
  edited: EditedPage;
}

/** Paragraphs of another article, to insert as new text. */
function fillersFrom(article: ArticleText): string[] {
  return paragraphBlocks(article.text)
    .map((b) => article.text.slice(b.start, b.end))
    .filter((p) => p.length >= 60 && p.length <= 600 && !p.includes('\n'));
}

export function generateCases(
  pages: readonly ArticleText[],
  kinds: readonly EditKind[],
  perPage: number,
  seed = 1,
): AnchoringCase[] {
  const cases: AnchoringCase[] = [];
  pages.forEach((page, i) => {
    const fillers = fillersFrom(pages[(i + 1) % pages.length]!);
    if (fillers.length === 0) fillers.push('An editor added this paragraph to the article after it was first published.');
    for (const kind of kinds) {
      const rng = seededRng(seedOf(`${seed}:${page.name}:${kind.name}`));
      for (let index = 0; index < perPage; index++) {
        const edited = makeCase(kind, page.text, { rng, fillers });
        if (edited) cases.push({ kind, page: page.name, index, edited });
      }
    }
  });
  return cases;
}

export interface AnchoringApi {
  describeSpan(text: string, start: number, end: number): Selector[];
  anchor(text: string, selectors: Selector[]): AnchorStatus;
}

export interface CaseResult {
  status: AnchorStatus;
  verdict: Verdict;
}

/** Makes the note on the page as it was, re-anchors it on the page as it is, and judges it. */
export function runCase(api: AnchoringApi, edited: EditedPage): CaseResult {
  const { text, passage } = edited.before;
  const selectors = api.describeSpan(text, passage.start, passage.end);
  const status = api.anchor(edited.text, selectors);
  return { status, verdict: judge(status, edited.expected) };
}

/** A short, readable account of a case for failure messages. */
export function explainCase(c: AnchoringCase, result: CaseResult): string {
  const { before, text, expected } = c.edited;
  const noted = before.text.slice(before.passage.start, before.passage.end);
  const placed = result.status.status === 'anchored'
    ? `placed at ${result.status.start}-${result.status.end} by ${result.status.method} (score ${result.status.score.toFixed(3)}): ${JSON.stringify(text.slice(result.status.start, result.status.end))}`
    : `orphaned (${result.status.reason})`;
  const want = expected ? `${expected.start}-${expected.end}: ${JSON.stringify(text.slice(expected.start, expected.end))}` : 'gone';
  return `${c.kind.name} on ${c.page} #${c.index}: noted ${JSON.stringify(noted)}; expected ${want}; ${placed}`;
}
