// Painting a huge analysis without one long task: the spans are mapped onto the DOM in slices of a
// few milliseconds, nearest the reader's viewport first, and each slice is added to what is painted
// before the page gets the main thread back. Small analyses (nearly every article) are mapped in
// one go, as before, since yielding would only delay them.

import type { Analysis, Quote } from '@/lib/analysis/types';
import { rangeFor, type TextSegment } from '@/lib/extract';
import { quoteHighlightType } from '@/lib/page/highlight-types';
import type { PaintedTarget } from './painted-targets';

/** Up to this many spans are mapped in one go. */
export const ONE_GO_SPAN_LIMIT = 1500;
/** Work per slice before yielding: well under the 50 ms that makes a long task. */
export const SLICE_BUDGET_MS = 12;

type SpanItem =
  | { kind: 'mention'; type: 'person' | 'place' | 'organization'; entityId: string; start: number; end: number }
  | { kind: 'quote'; quote: Quote; start: number; end: number };

/** Every mention of every entity, then every quote: the painter's order. */
export function spanItems(analysis: Analysis): SpanItem[] {
  const items: SpanItem[] = [];
  for (const entity of analysis.entities) {
    for (const { start, end } of entity.mentions) items.push({ kind: 'mention', type: entity.type, entityId: entity.id, start, end });
  }
  for (const quote of analysis.quotes) items.push({ kind: 'quote', quote, start: quote.start, end: quote.end });
  return items;
}

/** The item as a painted target, or null when it maps onto no text (or the DOM moved on since extraction). */
export function targetOf(doc: Document, segments: readonly TextSegment[], item: SpanItem): PaintedTarget | null {
  let range: Range;
  try {
    range = rangeFor(doc, segments, item.start, item.end);
  } catch {
    return null;
  }
  if (range.collapsed) return null;
  return item.kind === 'mention'
    ? { kind: 'mention', type: item.type, entityId: item.entityId, start: item.start, end: item.end, range }
    : { kind: 'quote', type: quoteHighlightType(item.quote.kind), quote: item.quote, start: item.start, end: item.end, range };
}

/**
 * The article-text offset at the top third of the viewport (where the reader's eyes are), or 0
 * when it can't be told (the point is outside the article, or the browser lacks caretRangeFromPoint).
 */
export function viewportTextOffset(win: Window, segments: readonly TextSegment[]): number {
  const doc = win.document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  const caret = doc.caretRangeFromPoint?.(win.innerWidth / 2, win.innerHeight / 3);
  if (!caret || caret.startContainer.nodeType !== Node.TEXT_NODE) return 0;
  const segment = segments.find((candidate) => candidate.node === caret.startContainer);
  return segment ? segment.start + Math.max(0, caret.startOffset - segment.nodeOffset) : 0;
}

/**
 * Indexes into `sorted` (items in reading order) walking outwards from `offset`: the nearest item
 * first, then whichever neighbour on either side is closer. No second sort of a huge list.
 */
export function* nearestFirst(sorted: readonly { start: number }[], offset: number): Generator<number> {
  let right = 0;
  while (right < sorted.length && sorted[right]!.start < offset) right += 1;
  let left = right - 1;
  while (left >= 0 || right < sorted.length) {
    const takeRight = left < 0 || (right < sorted.length && sorted[right]!.start - offset <= offset - sorted[left]!.start);
    yield takeRight ? right++ : left--;
  }
}

export interface SliceOptions {
  now: () => number;
  /** Gives the page the main thread back; resolves when Lede may go on. */
  yieldToPage: () => Promise<void>;
  /** Stop early (the page session moved on, or the script was invalidated). */
  cancelled: () => boolean;
  budgetMs?: number;
}

/**
 * Maps `sorted` (items in reading order) onto the DOM slice by slice, nearest `from` first, handing
 * each slice's targets to `onSlice` before yielding. Returns every target in reading order, or
 * null when cancelled.
 */
export async function mapInSlices(
  doc: Document,
  segments: readonly TextSegment[],
  sorted: readonly SpanItem[],
  from: number,
  onSlice: (targets: PaintedTarget[]) => void,
  options: SliceOptions,
): Promise<PaintedTarget[] | null> {
  const budget = options.budgetMs ?? SLICE_BUDGET_MS;
  const byIndex = new Array<PaintedTarget | null>(sorted.length).fill(null);
  const order = nearestFirst(sorted, from);
  let done = 0;
  while (done < sorted.length) {
    if (options.cancelled()) return null;
    const sliceStart = options.now();
    const slice: PaintedTarget[] = [];
    // Check the clock every 64 items: reading it costs more than mapping one span.
    while (done < sorted.length && ((done & 63) !== 0 || options.now() - sliceStart < budget)) {
      const index = order.next().value as number;
      const target = targetOf(doc, segments, sorted[index]!);
      byIndex[index] = target;
      if (target) slice.push(target);
      done += 1;
    }
    onSlice(slice);
    if (done < sorted.length) await options.yieldToPage();
  }
  return byIndex.filter((target): target is PaintedTarget => target !== null);
}

/** scheduler.yield() where the browser has it (it resumes ahead of other tasks), else a macrotask. */
export function yieldToPage(win: Window): Promise<void> {
  const scheduler = (win as unknown as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => win.setTimeout(resolve, 0));
}
