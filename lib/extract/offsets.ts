// From article-text offsets back to DOM positions (for painting highlights with Ranges).
import type { DomPoint, TextSegment } from './types';

/**
 * Where does text offset `offset` fall in the DOM? Binary search over the sorted segments.
 *
 * Offsets between segments (the "\n\n" joining blocks, or a boundary between two Text nodes)
 * are ambiguous; `bias` picks the side: 'forward' (for a range start) takes the next segment's
 * start, 'backward' (for a range end) the previous segment's end. Returns null when there is
 * no segment on that side.
 */
export function locateOffset(
  segments: readonly TextSegment[],
  offset: number,
  bias: 'forward' | 'backward' = 'forward',
): DomPoint | null {
  if (bias === 'forward') {
    // First segment whose end is after offset.
    let lo = 0;
    let hi = segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (segments[mid]!.end <= offset) lo = mid + 1;
      else hi = mid;
    }
    const seg = segments[lo];
    if (!seg) return null;
    const within = Math.max(0, offset - seg.start);
    return { node: seg.node, offset: seg.nodeOffset + within };
  }
  // Last segment whose start is before offset.
  let lo = -1;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.start < offset) lo = mid;
    else hi = mid - 1;
  }
  const seg = segments[lo];
  if (!seg) return null;
  const within = Math.min(seg.end, offset) - seg.start;
  return { node: seg.node, offset: seg.nodeOffset + within };
}

/**
 * A DOM Range covering article text [start, end). Its toString() equals text.slice(start, end)
 * up to whitespace (collapsed runs, and block breaks that were "\n\n" in the text).
 * An empty or unmappable span gives a collapsed range.
 */
export function rangeFor(doc: Document, segments: readonly TextSegment[], start: number, end: number): Range {
  const range = doc.createRange();
  const from = locateOffset(segments, start, 'forward');
  const to = locateOffset(segments, end, 'backward');
  if (!from) return range;
  range.setStart(from.node, from.offset);
  if (to && end > start && isBeforeOrEqual(from, to)) range.setEnd(to.node, to.offset);
  else range.collapse(true);
  return range;
}

function isBeforeOrEqual(a: DomPoint, b: DomPoint): boolean {
  if (a.node === b.node) return a.offset <= b.offset;
  // DOCUMENT_POSITION_FOLLOWING: b comes after a.
  return (a.node.compareDocumentPosition(b.node) & 4) !== 0;
}
